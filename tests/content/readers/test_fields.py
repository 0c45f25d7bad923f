"""content/readers/fields.py: checks of single values."""

from __future__ import annotations

import pytest

from khojaly_kiosk.content.readers.fields import (
    check_date,
    check_id,
    choice_value,
    int_value,
    slugify,
    text_value,
    time_value,
)
from khojaly_kiosk.content.report import ValidationReport, Where

W = Where("x.csv", 4, 2)


def test_slugify_folds_azerbaijani_letters() -> None:
    assert slugify("Səbinə Ağayeva İsmayıl") == "sebine-agayeva-ismayil"
    assert slugify("...And the women who made it work") == "and-the-women-who-made-it-work"
    assert slugify("!!!") == ""


def test_date_that_does_not_exist_is_named() -> None:
    report = ValidationReport()
    assert not check_date(1992, 2, 31, W, report)
    assert report.errors[0].message == "The date 31 February 1992 does not exist."
    assert "29 days" in report.errors[0].hint
    assert (report.errors[0].line, report.errors[0].column) == (4, 2)


@pytest.mark.parametrize(("year", "month", "day", "ok"), [
    (1992, 2, 29, True), (1900, 2, 29, False), (2000, 2, 29, True), (1992, 4, 31, False),
    (1992, 13, None, False), (1992, 0, None, False), (None, 2, None, False),
    (1992, None, 5, False), (-13800000000, 1, 31, True), (1992, None, None, True),
])
def test_partial_dates(year: int | None, month: int | None, day: int | None, ok: bool) -> None:
    report = ValidationReport()
    assert check_date(year, month, day, W, report) is ok
    assert report.ok is ok


def test_integers() -> None:
    report = ValidationReport()
    assert int_value("1992", W, report, "year") == 1992
    assert int_value(" -5 ", W, report, "year") == -5
    assert int_value("", W, report, "year") is None
    assert int_value(None, W, report, "year") is None
    assert report.ok
    assert int_value("19.5", W, report, "year") is None
    assert int_value("twelve", W, report, "age") is None
    assert int_value(True, W, report, "age") is None
    assert int_value(str(2**63), W, report, "year") is None
    assert int_value("131", W, report, "age", low=0, high=130) is None
    messages = [p.message for p in report.errors]
    assert messages[:2] == ["The year '19.5' is not a whole number.",
                            "The age 'twelve' is not a whole number."]
    assert "too large" in messages[3]
    assert messages[4] == "The age 131 is outside 0-130."


def test_times() -> None:
    report = ValidationReport()
    assert time_value("7:05", W, report, "time") == "07:05"
    assert time_value("23:59:01", W, report, "time") == "23:59:01"
    assert report.ok
    assert time_value("24:00", W, report, "time") == ""
    assert time_value("12:61", W, report, "time") == ""
    assert time_value("noon", W, report, "time") == ""
    assert "hour 24" in report.errors[0].message
    assert len(report.errors) == 3


def test_text_over_cap_names_length() -> None:
    report = ValidationReport()
    assert text_value("  ok  ", W, report, "headline") == "ok"
    text_value("x" * 501, W, report, "headline", cap=500)
    assert report.errors[0].message == (
        "The headline is 501 characters long; at most 500 are allowed."
    )
    text_value(5, W, report, "title")
    assert "must be text" in report.errors[1].message


def test_ids_and_choices() -> None:
    report, seen = ValidationReport(), set[str]()
    assert check_id("good-id-1", W, report, seen, "source") == "good-id-1"
    assert check_id("good-id-1", W, report, seen, "source") is None
    assert check_id("Bad Id", W, report, seen, "source") is None
    assert check_id("", W, report, seen, "source") is None
    assert [p.message for p in report.errors] == [
        "The id 'good-id-1' is used twice.", "The id 'Bad Id' is not a valid id.",
        "This source has no id.",
    ]
    report = ValidationReport()
    assert choice_value("", W, report, "advisory", ("none", "graphic"), "none") == "none"
    assert choice_value("grim", W, report, "advisory", ("none", "graphic")) is None
    assert report.errors[0].message == "The advisory 'grim' is not one of the known values."
    assert report.errors[0].hint == "Use one of: none, graphic."
