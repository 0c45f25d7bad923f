"""How a timeline event's date is shown (synthetic records only)."""

from __future__ import annotations

from khojaly_kiosk.archive.records import EventRecord
from khojaly_kiosk.ui.widgets.event_detail import shown_date


def test_dates_built_from_parts_follow_the_visitor_language_but_given_ones_stay() -> None:
    built = EventRecord(id="b", era_id=None, display_date="", headline="",
                        text="", group="", start_year=1992, start_month=2, start_day=26)
    given = EventRecord(id="g", era_id=None, display_date="On the synthetic night",
                        headline="", text="", group="", start_year=1992, start_month=2)
    assert shown_date(built, "az") == "26 fevral 1992"
    assert "февраля" in shown_date(built, "ru")
    assert shown_date(given, "ru") == "On the synthetic night"
