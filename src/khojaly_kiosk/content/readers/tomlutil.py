"""Reading TOML content files with line numbers for reports.

``tomllib`` gives values but no positions, so ``TomlLines`` finds the line of the n-th
``[[table]]`` header and of a key inside it by scanning the text. That is exact for the
layout curators write (one key per line) and falls back to the table's line otherwise.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from khojaly_kiosk.content.readers.csvutil import control_char_name, read_text
from khojaly_kiosk.content.report import ValidationReport, Where

_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$")
_POSITION_RE = re.compile(r"\(at line (\d+), column (\d+)\)")
_MULTILINE_QUOTES = ('"""', "'''")


class TomlLines:
    """Line numbers of array-of-tables headers and of keys in a TOML text."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._headers: list[tuple[str, int]] = []  # (table name, 1-based line)
        in_string: str | None = None
        for number, line in enumerate(self._lines, start=1):
            # A body in a multi-line string may contain "[[...]]" text: not a header.
            if in_string is None:
                match = _HEADER_RE.match(line)
                if match:
                    self._headers.append((match[2].replace(" ", ""), number))
            in_string = _multiline_state(line, in_string)

    def table_line(self, name: str, index: int) -> int | None:
        """The line of the ``index``-th (0-based) ``[[name]]`` header."""
        lines = [n for table, n in self._headers if table == name]
        return lines[index] if index < len(lines) else None

    def table_where(self, where: Where, name: str) -> Where:
        """The place of the (first) ``[name]`` or ``[[name]]`` header, or ``where`` itself."""
        line = self.table_line(name, 0)
        return where.at(line) if line is not None else where

    def top_key_where(self, where: Where, key: str) -> Where:
        """The place of a top-level ``key`` (before the first table header)."""
        return self._find_key(where, 0, key)

    def key_where(self, where: Where, name: str, index: int, key: str) -> Where:
        """The place of ``key`` in the ``index``-th ``[[name]]`` table (or the table itself)."""
        start = self.table_line(name, index)
        if start is None:
            return where
        return self._find_key(where, start, key)

    def _find_key(self, where: Where, start: int, key: str) -> Where:
        end = next((n for _, n in self._headers if n > start), len(self._lines) + 1)
        key_re = re.compile(rf"^\s*{re.escape(key)}\s*=\s*")
        for number in range(start + 1, end):
            match = key_re.match(self._lines[number - 1])
            if match:
                return where.at(number, match.end() + 1)
        return where.at(start) if start else where


def _multiline_state(line: str, in_string: str | None) -> str | None:
    """Whether a multi-line string is open after ``line`` (and which quote closes it)."""
    pos = 0
    while True:
        if in_string:
            end = line.find(in_string, pos)
            if end < 0:
                return in_string
            in_string, pos = None, end + 3
        else:
            starts = [(line.find(q, pos), q) for q in _MULTILINE_QUOTES if line.find(q, pos) >= 0]
            if not starts:
                return None
            start, in_string = min(starts)
            pos = start + 3


_MAX_CONTROL_ERRORS = 20  # values with control characters named per file


def _control_chars(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """``(key path, "U+0007")`` for each key or string value holding a control character
    (tab, line feed and carriage return are text; TOML's escapes can write any other)."""
    if isinstance(value, str):
        code = control_char_name(value)
        if code:
            yield path, code
    elif isinstance(value, dict):
        for key, item in value.items():
            code = control_char_name(key)
            if code:
                yield f"{path}.{key!r}" if path else repr(key), code
            yield from _control_chars(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _control_chars(item, f"{path}[{index + 1}]")


def parse_toml(text: str, where: Where, report: ValidationReport) -> dict[str, Any] | None:
    """Parse TOML text; a syntax error becomes a report error with its line and column. A
    key or value holding a control character (a NUL, a bell, a terminal escape code, which
    no content holds) is an error naming its key."""
    try:
        data = tomllib.loads(text)
        for number, (path, code) in enumerate(_control_chars(data, "")):
            if number == _MAX_CONTROL_ERRORS:
                break
            report.error(where, f"The value of {path} holds the control character {code}, "
                         "which is never part of content.",
                         "Remove it (it often comes from text copied out of another "
                         "program).")
        return data
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        match = _POSITION_RE.search(message)
        line = int(match[1]) if match else None
        column = int(match[2]) if match else None
        reason = _POSITION_RE.sub("", message).strip().rstrip(".")
        report.error(
            where.at(line, column),
            f"The TOML syntax is wrong here ({reason}).",
            'Check quotes and brackets: text goes in double quotes, long text in """triple '
            'quotes""".',
        )
        return None
    except RecursionError:  # tomllib recurses once per bracket: thousands deep exhaust it
        report.error(where, "The TOML is nested too deeply to be read (brackets inside "
                     "brackets, thousands of levels).",
                     "Content files nest a few levels at most; look for runaway brackets.")
        return None


def read_toml(
    path: Path, file: str, report: ValidationReport
) -> tuple[dict[str, Any], TomlLines] | None:
    """Read, decode and parse a TOML file; None (with errors reported) when unusable."""
    where = Where(file)
    text = read_text(path, where, report)
    if text is None:
        return None
    data = parse_toml(text, where, report)
    if data is None:
        return None
    return data, TomlLines(text)


def table_list(
    data: dict[str, Any], key: str, where: Where, report: ValidationReport
) -> list[dict[str, Any]]:
    """The ``[[key]]`` array of tables (empty when absent; an error when it is not a list)."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        report.error(where, f"'{key}' must be a list of [[{key}]] tables.",
                     f"Start each item with a line [[{key}]].")
        return []
    return value


Locator = Callable[[str], Where]


def toml_tables(root: Path, file: str, table: str,
                report: ValidationReport) -> Iterator[tuple[int, dict[str, Any], Locator]]:
    """Each ``[[table]]`` of ``root/file`` with its index and a key -> place locator.

    Yields nothing when the file is absent or unreadable (the latter is reported).
    """
    path = root / file
    if not path.is_file():
        return
    loaded = read_toml(path, file, report)
    if loaded is None:
        return
    data, lines = loaded
    for index, item in enumerate(table_list(data, table, Where(file), report)):
        def at(key: str, index: int = index) -> Where:
            return lines.key_where(Where(file), table, index, key)

        yield index, item, at
