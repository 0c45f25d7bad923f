"""Reading paragraphs: heights asked again and again lay the text out once per width; the same
words set again (a screen re-entered) are not laid out again."""

from __future__ import annotations

from khojaly_kiosk.ui.widgets.text import ReadingParagraph

TEXT = ("Synthetic paragraph for layout tests, long enough to wrap over several lines at a "
        "narrow width and over fewer at a wide one. ") * 6


def _counting(paragraph: ReadingParagraph) -> list[float]:
    widths: list[float] = []
    document = paragraph._doc
    real = document.setTextWidth

    def spy(width: float) -> None:
        widths.append(width)
        real(width)

    document.setTextWidth = spy  # type: ignore[method-assign]
    return widths


def test_a_height_asked_twice_for_one_width_lays_the_text_out_once(qtbot) -> None:
    paragraph = ReadingParagraph(TEXT)
    qtbot.addWidget(paragraph)
    laid_out = _counting(paragraph)
    narrow, wide = paragraph.heightForWidth(300), paragraph.heightForWidth(1200)
    assert narrow > wide > 0  # the narrower, the more lines
    for _ in range(5):  # what a layout pass does: the same widths, over and over
        assert paragraph.heightForWidth(300) == narrow
        assert paragraph.heightForWidth(1200) == wide
    assert laid_out == [300, 1200]


def test_new_text_is_measured_again(qtbot) -> None:
    paragraph = ReadingParagraph(TEXT)
    qtbot.addWidget(paragraph)
    before = paragraph.heightForWidth(300)
    paragraph.setText("One short line.")
    assert paragraph.heightForWidth(300) < before


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
