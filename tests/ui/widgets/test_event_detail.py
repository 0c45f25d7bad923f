"""How a timeline event's date is shown (synthetic records only)."""

from __future__ import annotations

from dataclasses import replace

from khojaly_kiosk.archive.records import EventRecord, QuotedSpan
from khojaly_kiosk.ui.widgets.event_detail import (
    date_runs,
    event_heading,
    event_witness,
    shown_date,
)


def test_dates_built_from_parts_follow_the_visitor_language_but_given_ones_stay() -> None:
    built = EventRecord(id="b", era_id=None, display_date="", headline="",
                        text="", group="", start_year=1992, start_month=2, start_day=26)
    given = EventRecord(id="g", era_id=None, display_date="On the synthetic night",
                        headline="", text="", group="", start_year=1992, start_month=2)
    assert shown_date(built, "az") == "26 fevral 1992"
    assert "февраля" in shown_date(built, "ru")
    assert shown_date(given, "ru") == "On the synthetic night"


def test_shown_date_adds_a_year_known_from_context_in_brackets() -> None:
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


def test_the_witness_of_an_advised_event_is_its_first_quoted_speaker() -> None:
    event = EventRecord(id="e", era_id=None, display_date="", headline="", text="Synthetic.",
                        group="", start_year=1992,
                        quotes=(QuotedSpan("Synthetic.", None, "Test Witness"),))
    assert event_witness(event) == "Test Witness"
    assert event_witness(replace(event, quotes=())) == ""
