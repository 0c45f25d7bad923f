"""Reading paragraphs: heights asked again and again lay the text out once per width."""

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
