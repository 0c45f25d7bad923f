"""Reading paragraphs: the same words set again (a screen re-entered) are not laid out again."""

from __future__ import annotations

from khojaly_kiosk.ui.widgets.text import ReadingParagraph


def test_the_same_words_again_are_not_laid_out_again_new_words_are(qtbot):
    paragraph = ReadingParagraph("A synthetic paragraph about nothing in particular.")
    qtbot.addWidget(paragraph)
    paragraph.resize(600, 200)
    laid_out: list[int] = []
    paragraph._doc.contentsChanged.connect(lambda: laid_out.append(1))
    paragraph.setText("A synthetic paragraph about nothing in particular.")
    paragraph.set_runs([("A synthetic paragraph about nothing in particular.", "")])
    assert laid_out == []
    paragraph.set_runs([("A synthetic ", ""), ("quoted", "quote"), (" paragraph.", "")])
    assert laid_out
    assert paragraph.text() == "A synthetic quoted paragraph."
    assert paragraph.runs()[1] == ("quoted", "quote")


def test_an_empty_paragraph_is_laid_out_once_and_can_be_filled(qtbot):
    paragraph = ReadingParagraph()
    qtbot.addWidget(paragraph)
    assert paragraph.text() == "" and paragraph.heightForWidth(600) >= 0
    paragraph.setText("Now some synthetic words.")
    assert paragraph.text() == "Now some synthetic words."
    assert paragraph.heightForWidth(600) > 0
