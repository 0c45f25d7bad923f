"""The timeline slide, its heading rule and the arrows that preview (synthetic records)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.records import EventRecord
from khojaly_kiosk.ui.theme import current_palette
from khojaly_kiosk.ui.widgets.event_detail import slide_heading
from khojaly_kiosk.ui.widgets.preview_arrow import PreviewArrow
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, insertions
from khojaly_kiosk.ui.widgets.timeline_slide import TimelineSlide
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
    slide.resize(1200, 700)  # room for a short event's heading, date and credit
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


def test_an_advised_event_shows_its_advisory_before_any_of_its_words(qtbot) -> None:
    from khojaly_kiosk.archive.records import QuotedSpan
    from khojaly_kiosk.ui.services import AdvisoryLedger
    from tests.support.qt import visible_texts

    ledger = AdvisoryLedger()
    slide = TimelineSlide(advisories=ledger)
    qtbot.addWidget(slide)
    slide.resize(1400, 700)
    slide.show()
    advised = replace(EVENTS[0], advisory="graphic", headline="Synthetic advised headline",
                      quotes=(QuotedSpan(EVENTS[0].text, None, "Test Witness"),))
    slide.set_event(advised, "en")
    texts = visible_texts(slide)
    assert not any("Synthetic description" in t or "advised headline" in t for t in texts)
    assert ("The account of Test Witness contains graphic descriptions of killing, torture "
            "and mutilation.") in texts
    back, read = slide.advisory.back_button, slide.advisory.continue_button
    assert back.isVisibleTo(slide) and back.text() == "Next event"  # the other choice moves on
    assert read.isVisibleTo(slide) and read.text() == "Read the account"
    assert back.property("variant") == read.property("variant") == "outline"  # equal weight
    assert slide.credit.text().endswith("quoting Test Witness")  # a neutral fact
    skipped: list[bool] = []
    slide.skip_requested.connect(lambda: skipped.append(True))
    slide.advisory.back_button.click()
    assert skipped == [True]
    slide.advisory.continue_button.click()
    texts = visible_texts(slide)
    assert any(t.startswith("Synthetic description of test event 1.") for t in texts)
    assert "Synthetic advised headline" in texts
    slide.set_event(EVENTS[1], "en")
    slide.set_event(advised, "en")  # passed once: not asked again this visit
    assert not slide.showing_advisory
    ledger.clear()
    slide.set_event(advised, "en")
    assert slide.showing_advisory


def test_an_advised_event_lends_no_words_to_markers_or_headings() -> None:
    from khojaly_kiosk.ui.widgets.event_detail import marker_title

    advised = replace(event("Synthetic advised headline", "Synthetic advised words."),
                      advisory="distressing")
    assert marker_title(advised) == ""
    assert slide_heading(advised, "en", withheld=True) == ("", "Synthetic date")


def test_the_slide_sets_an_editorial_year_apart_and_credits_the_words(qtbot) -> None:
    from khojaly_kiosk.archive.records import QuotedSpan

    slide = TimelineSlide()
    qtbot.addWidget(slide)
    dated = replace(EVENTS[0], display_date="30 October", headline="", editorial_year=1991,
                    quotes=(QuotedSpan("test event 1", EVENTS[0].source, "Test Speaker"),))
    slide.set_event(dated, "en")
    assert slide.heading.text() == "30 October [1991]"
    assert slide.heading.runs()[-1] == ("[1991]", "editorial")
    assert "quoting Test Speaker" in slide.credit.text()
    assert any(style == "quote" for _text, style in slide.text.runs())


@pytest.mark.parametrize("height", [420, 900])
def test_the_advisory_and_both_choices_fit_a_short_slide(qtbot, themed, height) -> None:
    """Landscape at a large text step leaves a slide ~420 px high: the card is never cut, and
    its choices sit right under the date and credit (no gap) on a tall one."""
    from khojaly_kiosk.ui.services import AdvisoryLedger

    slide = TimelineSlide(advisories=AdvisoryLedger())
    qtbot.addWidget(slide)
    slide.resize(1300, height)
    slide.show()
    qtbot.waitExposed(slide)
    slide.set_event(replace(EVENTS[0], advisory="graphic"), "en")
    QApplication.processEvents()
    for button in (slide.advisory.back_button, slide.advisory.continue_button):
        bottom = button.mapTo(slide, button.rect().bottomLeft()).y()
        assert button.isVisibleTo(slide) and bottom <= slide.height()
    card_top = slide.advisory.mapTo(slide, slide.advisory.rect().topLeft()).y()
    credit_bottom = slide.credit.mapTo(slide, slide.credit.rect().bottomLeft()).y()
    if height == 900:
        assert card_top - credit_bottom < 80
