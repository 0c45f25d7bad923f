"""content/readers/tomlutil.py: TOML errors with line and column, lines of keys."""

from __future__ import annotations

from khojaly_kiosk.content.readers.tomlutil import TomlLines, parse_toml
from khojaly_kiosk.content.report import ValidationReport, Where

TEXT = '''title = "x"

[[item]]
id = "a"
body = """text with
[[item]]
inside"""
value = 1

[[item]]
id = "b"
  value = "two"
'''


def test_syntax_error_has_line_and_column() -> None:
    report = ValidationReport()
    assert parse_toml('a = 1\nb = "unclosed\n', Where("s.toml"), report) is None
    (problem,) = report.errors
    assert (problem.file, problem.line) == ("s.toml", 2)
    assert problem.column is not None
    assert problem.message.startswith("The TOML syntax is wrong here")


def test_key_lines_skip_headers_inside_multiline_strings() -> None:
    lines = TomlLines(TEXT)
    where = Where("f.toml")
    assert lines.table_line("item", 0) == 3
    assert lines.table_line("item", 1) == 10
    assert lines.key_where(where, "item", 0, "value") == Where("f.toml", 8, 9)
    assert lines.key_where(where, "item", 1, "value").line == 12
    assert lines.key_where(where, "item", 1, "absent") == Where("f.toml", 10)
    assert lines.top_key_where(where, "title").line == 1
    assert lines.key_where(where, "item", 5, "id") == where


def test_nesting_thousands_deep_is_a_report_error_not_a_crash() -> None:
    report = ValidationReport()
    text = "x = " + "[" * 50_000 + "]" * 50_000 + "\n"
    assert parse_toml(text, Where("deep.toml"), report) is None
    (problem,) = report.errors
    assert problem.file == "deep.toml"
    assert "nested too deeply" in problem.message
