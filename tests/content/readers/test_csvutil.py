"""content/readers/csvutil.py: UTF-8 decoding with line numbers, CSV by header name."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.content.readers.csvutil import (
    decode_utf8,
    parse_csv,
    read_csv,
    read_text,
    require_columns,
)
from khojaly_kiosk.content.report import ValidationReport, Where


def test_bom_is_tolerated() -> None:
    report = ValidationReport()
    assert decode_utf8("\ufeffname\nƏli\n".encode(), Where("n.csv"), report) == "name\nƏli\n"
    assert report.ok


def test_windows_1251_is_an_error_naming_the_first_bad_line() -> None:
    data = "name\nTest\nТест\nТест 2\n".encode("cp1251")
    report = ValidationReport()
    assert decode_utf8(data, Where("names.csv"), report) is None
    (problem,) = report.errors
    assert problem.file == "names.csv" and problem.line == 3
    assert "not UTF-8" in problem.message and "line 3" in problem.message
    assert "save it as UTF-8" in problem.hint


def test_records_keep_their_first_line_with_multiline_cells_and_crlf() -> None:
    text = 'A,B\r\n1,"two\r\nlines"\r\n\r\n3,x\r\n'
    table = parse_csv(text, "t.csv", ValidationReport())
    assert table is not None
    assert [(r.line, r.get("A"), r.get("b")) for r in table.rows] == [
        (2, "1", "two\r\nlines"), (5, "3", "x")]


def test_headers_match_by_name_in_any_order_and_case() -> None:
    table = parse_csv("End Year,year\n1995,1990\n", "t.csv", ValidationReport())
    assert table is not None
    row = table.rows[0]
    assert (row.get("Year"), row.get("end_year"), row.get("Missing")) == ("1990", "1995", "")
    assert row.column("Year") == 2
    assert row.where("t.csv", "Year") == Where("t.csv", 2, 2)


def test_duplicate_header_and_missing_columns_are_errors() -> None:
    report = ValidationReport()
    table = parse_csv("name,Name,age\nx,y,1\n", "n.csv", report)
    assert table is not None
    assert not require_columns(table, ("name", "source", "village"), report)
    assert [p.message for p in report.errors] == [
        "The column 'Name' appears twice in the header.",
        "The required column 'source' is missing.",
        "The required column 'village' is missing.",
    ]


def test_empty_file_and_unreadable_file(tmp_path: Path) -> None:
    report = ValidationReport()
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    assert read_csv(empty, "e.csv", report) is None
    assert read_text(tmp_path / "missing.csv", Where("missing.csv"), report) is None
    assert [p.file for p in report.errors] == ["e.csv", "missing.csv"]


def test_a_table_read_whole_has_a_row_cap(tmp_path: Path) -> None:
    from khojaly_kiosk.content.readers.csvutil import MAX_TABLE_ROWS

    path = tmp_path / "timeline.csv"
    path.write_text("Year,Headline\n" + "1992,H\n" * (MAX_TABLE_ROWS + 1), encoding="utf-8")
    report = ValidationReport()
    assert read_csv(path, "timeline.csv", report) is None
    (problem,) = report.errors
    assert problem.line == MAX_TABLE_ROWS + 2 and "more than 50,000 rows" in problem.message


def test_strict_rows_and_control_characters_in_any_table() -> None:
    report = ValidationReport()
    table = parse_csv("id,place,year\na,Test,1\nb,Test\nc,Te\x07st,3\nd,Test,4,\n", "m.csv",
                      report)
    assert table is not None
    assert [row.get("id") for row in table.rows] == ["a", "d"]
    assert [(p.line, p.column) for p in report.errors] == [(3, 3), (4, 2)]
