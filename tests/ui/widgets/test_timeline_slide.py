"""The timeline slide, its heading rule and the arrows that preview (synthetic records)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.records import EventRecord
from khojaly_kiosk.ui.theme import current_palette
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, insertions
from khojaly_kiosk.ui.widgets.timeline_slide import PreviewArrow, TimelineSlide, slide_heading
from tests.support.fakes import EVENTS


def event(headline: str, text: str, date: str = "Synthetic date") -> EventRecord:
    return EventRecord(id="e", era_id=None, display_date=date, headline=headline, text=text,
                       group="", start_year=1992)


@pytest.mark.parametrize(("headline", "text", "expected"), [
    # A headline of its own is the heading; the date goes above it.
    ("Synthetic headline", "Another synthetic text.", ("Synthetic date", "Synthetic headline")),
    # The text's first sentence, whole or cut mid-sentence: the date stands as the heading.
    ("Synthetic first sentence.", "Synthetic first sentence. More.", ("", "Synthetic date")),
    ("Late in synthetic time, something began against Az",
     "Late in synthetic time, something began against Azerbaijan to do more.",
     ("", "Synthetic date")),
    ("", "Synthetic text only.", ("", "Synthetic date")),
])
def test_a_heading_is_never_a_sentence_cut_in_the_middle(headline, text, expected):
    assert slide_heading(event(headline, text), "en") == expected


def test_an_event_without_date_or_headline_has_no_invented_heading():
    undated = replace(event("", "Synthetic text.", date=""), start_year=None)
    assert slide_heading(undated, "en") == ("", "")
    assert slide_heading(replace(undated, start_year=1992), "en") == ("", "1992")


def test_editorial_insertions_are_found_and_drawn_in_the_secondary_colour(qtbot):
    assert insertions("30 October [1991]") == [(11, 6)]
    assert insertions("[In Shelli] … there [were] many") == [(0, 11), (20, 6)]
    assert insertions("no brackets, [unclosed") == []
    paragraph = ReadingParagraph("30 October [1991]", insertions=True)
    qtbot.addWidget(paragraph)
    cursor = QTextCursor(paragraph._doc)
    cursor.setPosition(13)
    assert cursor.charFormat().foreground().color() == QColor(current_palette().secondary)
    cursor.setPosition(3)
    assert cursor.charFormat().foreground().color() != QColor(current_palette().secondary)


def test_the_reading_line_pitch_is_one_and_a_half_times_the_type(qtbot, themed):
    # 28 px type: 42 px from line to line (the font's own leading is not multiplied in).
    paragraph = ReadingParagraph(" ".join(["Synthetic reading words"] * 40))
    qtbot.addWidget(paragraph)
    paragraph.setStyleSheet("font-size: 28px;")
    paragraph.resize(600, 100)
    paragraph.show()
    QApplication.processEvents()
    layout = paragraph._doc.documentLayout()
    block = paragraph._doc.begin().layout()
    assert block.lineCount() > 3
    pitches = {round(block.lineAt(n + 1).y() - block.lineAt(n).y())
               for n in range(block.lineCount() - 1)}
    assert pitches == {42}
    assert layout is not None


def test_arrows_show_where_they_lead_and_nothing_when_there_is_nowhere(qtbot):
    arrow = PreviewArrow("right")
    qtbot.addWidget(arrow)
    arrow.set_preview("Synthetic date 2", "Synthetic heading of the next event")
    assert arrow.preview() == ("Synthetic date 2", "Synthetic heading of the next event")
    assert arrow.isEnabled()
    assert arrow.accessibleName() == "Synthetic date 2. Synthetic heading of the next event"
    arrow.set_preview("", "")
    assert not arrow.isEnabled()


def test_a_long_text_fades_at_the_bottom_until_its_end_is_reached(qtbot, themed):
    slide = TimelineSlide()
    qtbot.addWidget(slide)
    slide.resize(1200, 300)
    slide.show()
    qtbot.waitExposed(slide)
    slide.set_event(replace(EVENTS[0], text=" ".join(["Synthetic words"] * 400)), "en")
    QApplication.processEvents()
    assert slide.more_below.isVisible()
    bar = slide.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not slide.more_below.isVisible()
    slide.set_event(EVENTS[1], "en")
    QApplication.processEvents()
    slide.set_event(replace(EVENTS[1], text="Short synthetic text."), "en")
    QApplication.processEvents()
    assert not slide.more_below.isVisible()
