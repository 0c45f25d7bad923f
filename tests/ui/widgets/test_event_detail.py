"""The large event view inside the Timeline (synthetic FakeArchive events only)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSize

from khojaly_kiosk.archive.records import MediaRecord
from khojaly_kiosk.ui.widgets.event_detail import EventDetailView, headline_repeats_text
from tests.support.fakes import EVENTS
from tests.support.qt import visible_texts

LANDSCAPE = QSize(1600, 700)


def make_view(qtbot, size: QSize = LANDSCAPE) -> EventDetailView:
    view = EventDetailView()
    qtbot.addWidget(view)
    view.resize(size)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_untranslated_event_says_it_is_in_the_language_of_the_source(qtbot):
    view = make_view(qtbot)
    view.set_event(replace(EVENTS[0], translated=False))
    assert "Shown in the language of the source." in visible_texts(view)
    view.set_event(EVENTS[1])
    assert "Shown in the language of the source." not in visible_texts(view)


def test_clearing_leaves_nothing_behind(qtbot):
    view = make_view(qtbot)
    view.set_event(EVENTS[0])
    view.set_event(None)
    assert visible_texts(view) == []
    assert not view.media.isVisibleTo(view)


def test_picture_goes_above_the_text_in_portrait(qtbot):
    media = MediaRecord(id="m", path="", thumb_path="", mime="image/jpeg", width=None,
                        height=None, alt_text="Synthetic alt")
    view = make_view(qtbot, QSize(900, 1400))
    view.set_event(replace(EVENTS[0], media=media))
    qtbot.waitUntil(lambda: view.media.geometry().bottom() < view.scroll_area.geometry().top())
    view.resize(1600, 700)
    qtbot.waitUntil(lambda: view.media.geometry().left() > view.scroll_area.geometry().right())
    assert view.media.geometry().top() == view.scroll_area.geometry().top()


@pytest.mark.parametrize(("headline", "text", "repeats"), [
    ("Synthetic event happened", "Synthetic event happened. More.", True),
    ("Synthetic event happened.", "Synthetic event happened. More.", True),
    ("Synthetic  event\nhappened", "Synthetic event happened and more.", True),
    ("Synthetic event", "Another synthetic sentence.", False),
    ("", "Synthetic text.", False),
])
def test_headline_repeats_text(headline, text, repeats):
    assert headline_repeats_text(headline, text) is repeats


def test_portrait_event_text_starts_under_the_rail_not_mid_screen(qtbot) -> None:
    from khojaly_kiosk.archive.records import EventRecord
    from khojaly_kiosk.ui.widgets.event_detail import EventDetailView

    view = EventDetailView()
    qtbot.addWidget(view)
    view.resize(1080, 1400)
    view.show()
    view.set_event(EventRecord(id="e", era_id=None, display_date="Synthetic date",
                               headline="Synthetic headline", text="Synthetic short text.",
                               group="", start_year=1992))
    qtbot.waitUntil(lambda: view.date_label.isVisible())
    top = view.date_label.mapTo(view, view.date_label.rect().topLeft()).y()
    assert top < 200


def test_dates_built_from_parts_follow_the_visitor_language_but_given_ones_stay() -> None:
    from khojaly_kiosk.archive.records import EventRecord
    from khojaly_kiosk.ui.widgets.event_detail import shown_date

    built = EventRecord(id="b", era_id=None, display_date="", headline="",
                        text="", group="", start_year=1992, start_month=2, start_day=26)
    given = EventRecord(id="g", era_id=None, display_date="On the synthetic night",
                        headline="", text="", group="", start_year=1992, start_month=2)
    assert shown_date(built, "az") == "26 fevral 1992"
    assert "февраля" in shown_date(built, "ru")
    assert shown_date(given, "ru") == "On the synthetic night"


def test_shown_date_adds_a_year_known_from_context_in_brackets() -> None:
    from khojaly_kiosk.archive.records import EventRecord
    from khojaly_kiosk.ui.widgets.event_detail import date_runs, event_heading, shown_date

    event = EventRecord(id="e", era_id=None, display_date="30 October", headline="",
                        text="Synthetic.", group="", start_year=1990, start_month=10,
                        start_day=30, editorial_year=1990)
    assert shown_date(event, "en") == "30 October [1990]"
    assert date_runs(event, "en") == [("30 October", ""), (" ", ""), ("[1990]", "editorial")]
    assert event_heading(event, "en") == "30 October [1990]"  # no headline: the date heads it
    plain = replace(event, display_date="", editorial_year=None)
    assert shown_date(plain, "en") == "30 October 1990"
    assert event_heading(replace(event, headline="Synthetic headline"), "en") == (
        "Synthetic headline")


def test_an_advised_event_shows_its_advisory_before_any_of_its_words(qtbot) -> None:
    from khojaly_kiosk.archive.records import QuotedSpan
    from khojaly_kiosk.ui.services import AdvisoryLedger

    ledger = AdvisoryLedger()
    view = EventDetailView(advisories=ledger)
    qtbot.addWidget(view)
    view.resize(LANDSCAPE)
    view.show()
    advised = replace(EVENTS[0], advisory="graphic", headline="",
                      quotes=(QuotedSpan(EVENTS[0].text, None, "Test Witness"),))
    view.set_event(advised)
    texts = visible_texts(view)
    assert not any("Synthetic description" in t for t in texts)
    assert ("The account of Test Witness contains graphic descriptions of killing, torture "
            "and mutilation.") in texts
    skipped: list[bool] = []
    view.skip_requested.connect(lambda: skipped.append(True))
    view.advisory.back_button.click()
    assert skipped == [True]
    view.advisory.continue_button.click()
    assert any(t.startswith("Synthetic description of test event 1.") for t in visible_texts(view))
    view.set_event(EVENTS[1])
    view.set_event(advised)  # passed once: not asked again this visit
    assert not view.showing_advisory
    ledger.clear()
    view.set_event(advised)
    assert view.showing_advisory
