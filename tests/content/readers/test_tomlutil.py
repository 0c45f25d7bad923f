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


def test_a_control_character_in_a_key_or_value_is_an_error_naming_it() -> None:
    # Found by the hostile torture suite: TOML escapes wrote a BEL, NUL or ESC into content.
    report = ValidationReport()
    text = ('title = "Synthetic\\u001b[2J"\n[[source]]\nid = "a"\nbody = "one\\u0007 two"\n'
            '"k\\u0000" = "x"\nfine = "tab\\tand\\nline"\n')
    data = parse_toml(text, Where("sources.toml"), report)
    assert data is not None and data["source"][0]["id"] == "a"
    assert [p.message for p in report.errors] == [
        "The value of title holds the control character U+001B, which is never part of "
        "content.",
        "The value of source[1].body holds the control character U+0007, which is never part "
        "of content.",
        "The value of source[1].'k\\x00' holds the control character U+0000, which is never "
        "part of content.",
    ]
