"""Events fall into the era whose dates contain them, compared to the day, not the year."""

from pathlib import Path

from khojaly_kiosk.content.readers.folder import read_content_folder

DEMO = Path(__file__).resolve().parents[3] / "db" / "demo"


def _eras_by_display_date() -> dict[str, str | None]:
    bundle, report = read_content_folder(DEMO)
    assert report.ok, report.to_text()
    return {event.display_date: event.era_id for event in bundle.events}


def test_events_of_one_year_fall_into_different_eras_by_month_and_day() -> None:
    eras = _eras_by_display_date()
    assert eras["January 1992"] == "era-siege"
    assert eras["On the night from 25 to 26 February 1992"] == "era-night"
    assert eras["On 28 February"] == "era-aftermath"
    assert eras["3 March 1992"] == "era-aftermath"


def test_an_era_given_in_years_covers_its_whole_last_year() -> None:
    eras = _eras_by_display_date()
    assert eras["February 2013"] == "era-judgments-recognition"
    assert eras["Late in 1987"] is None
