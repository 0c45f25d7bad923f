"""content/report.py: problems a curator can read, all of them at once."""

from __future__ import annotations

from khojaly_kiosk.content.report import (
    MAX_LISTED_PER_FILE,
    MAX_MESSAGE_CHARS,
    ValidationReport,
    Where,
)


def test_text_names_file_line_sentence_and_hint() -> None:
    report = ValidationReport()
    report.error(Where("timeline.csv", 14), "The date 31 February 1992 does not exist.",
                 "February 1992 has 29 days.")
    assert report.to_text().splitlines()[1].strip() == (
        "timeline.csv, line 14: The date 31 February 1992 does not exist. "
        "Hint: February 1992 has 29 days."
    )


def test_collects_every_problem_and_separates_errors_from_warnings() -> None:
    report = ValidationReport()
    report.warning(Where("names.csv", 1), "No source column.", "Add one.")
    report.error(Where("names.csv", 3, 2), "Bad age.", "Fix it.")
    report.error(Where("sources.toml"), "Bad id.")
    assert not report.ok
    assert [p.message for p in report.errors] == ["Bad age.", "Bad id."]
    assert [p.message for p in report.warnings] == ["No source column."]
    text = report.to_text()
    assert text.index("Errors:") < text.index("Warnings:")
    assert "names.csv, line 3, column 2: Bad age." in text
    assert text.endswith("2 errors, 1 warning.")


def test_warnings_only_is_ok() -> None:
    report = ValidationReport()
    report.warning(Where("a.csv"), "Careful.")
    assert report.ok
    assert ValidationReport().to_text() == "No problems found."


def test_json_has_every_field() -> None:
    report = ValidationReport()
    report.error(Where("timeline.json", item="event 3"), "No year.", "Add one.")
    data = report.to_json()
    assert data["ok"] is False
    assert data["error_count"] == 1 and data["warning_count"] == 0
    assert data["problems"] == [{
        "severity": "error", "file": "timeline.json", "line": None, "column": None,
        "message": "No year.", "hint": "Add one.", "item": "event 3", "more": 0,
    }]
    assert report.problems[0].to_text() == "timeline.json, event 3: No year. Hint: Add one."


def test_extend_merges_reports() -> None:
    first, second = ValidationReport(), ValidationReport()
    first.warning(Where("a"), "w")
    second.error(Where("b"), "e")
    first.extend(second)
    assert len(first.problems) == 2 and not first.ok


def test_the_same_problem_on_many_lines_is_one_entry_with_its_count() -> None:
    report = ValidationReport()
    for line in range(2, 1_000_002):
        report.error(Where("names.csv", line, 6), "The source 'x' is not listed in sources.toml.",
                     "Add it.")
    assert len(report.problems) == 1
    assert report.summary() == "1,000,000 errors, 0 warnings"
    assert report.to_text().splitlines()[1].strip() == (
        "names.csv, line 2 and 999,999 more lines, column 6: The source 'x' is not listed in "
        "sources.toml. Hint: Add it.")
    assert report.to_json()["problems"][0]["more"] == 999_999


def test_different_problems_of_one_file_are_listed_up_to_a_limit() -> None:
    report = ValidationReport()
    for line in range(1, 50_001):
        report.error(Where("names.csv", line), f"The age '{line}x' is not a whole number.")
    report.warning(Where("names.csv", 1), "A warning is still listed.")
    problems = report.problems
    assert len(problems) == MAX_LISTED_PER_FILE + 2
    assert problems[-1].message == (
        f"{50_000 - MAX_LISTED_PER_FILE:,} more errors of other kinds in this file are not "
        "listed.")
    assert problems[-1].location == "names.csv"
    assert report.error_count == 50_000 and not report.ok
    assert len(report.to_text()) < 20_000


def test_a_huge_value_in_a_message_is_cut() -> None:
    report = ValidationReport()
    report.error(Where("bag-info.txt"), "The title '" + "x" * 20_000_000 + "' is too long.")
    assert len(report.problems[0].message) == MAX_MESSAGE_CHARS
    assert report.problems[0].message.endswith("…")


def test_extend_keeps_the_counts_of_grouped_problems() -> None:
    first, second = ValidationReport(), ValidationReport()
    for line in (2, 3, 4):
        second.error(Where("names.csv", line), "No name.")
    first.error(Where("names.csv", 9), "No name.")
    first.extend(second)
    assert [(p.line, p.more) for p in first.problems] == [(9, 3)]


def test_control_characters_of_a_hostile_name_are_shown_not_sent_to_the_terminal() -> None:
    report = ValidationReport()
    report.error(Where("data/na\x1b[2Jme\x9b.csv"), "The id 'a\x01b' is not valid.\nSee below.",
                 "Use\tletters.")
    line = report.to_text().split("\n", 1)[1]
    assert "\x1b" not in line and "\x01" not in line and "\x9b" not in line
    assert "data/na\\x1b[2Jme\\x9b.csv" in line
    assert "'a\\x01b'" in line
    assert "\nSee below." in line and "Use\tletters." in line  # the sentence's own layout
