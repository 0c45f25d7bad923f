"""The validation report: every problem found in a content folder, readable by a curator.

Readers never raise on bad input; they add a ``Problem`` (file, line, column, one plain
sentence and a hint) and go on, so a curator sees all problems of a folder in one pass.

The report stays readable and small whatever the input: the same problem on many lines is
one entry ("names.csv, line 2 and 999,999 more lines: ..."), a message is cut at
``MAX_MESSAGE_CHARS``, and at most ``MAX_LISTED_PER_FILE`` different problems of a file are
listed; the rest are counted in one closing line of that file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

from khojaly_kiosk.errors import printable_lines

Severity = Literal["error", "warning"]

MAX_MESSAGE_CHARS = 600  # a hostile cell quoted in a message must not make the report huge
MAX_LISTED_PER_FILE = 100  # different problems of one file listed before "and N more"


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a content file: the file's path inside the folder, line and column (1-based).

    ``item`` names the item where a format has no lines to point at ("event 5" in JSON).
    """

    file: str
    line: int | None = None
    column: int | None = None
    item: str = ""

    def at(self, line: int | None, column: int | None = None) -> Where:
        """The same file at another line (and column)."""
        return replace(self, line=line, column=column)


def column_letter(column: int) -> str:
    """A spreadsheet's name of a 1-based column: 1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: an error blocks the import, a warning does not.

    ``more`` counts the other places where exactly the same problem was found (grouped).
    """

    severity: Severity
    file: str
    line: int | None
    column: int | None
    message: str
    hint: str = ""
    item: str = ""
    more: int = 0
    unlisted: bool = False  # the closing entry that counts a file's problems not listed

    @property
    def count(self) -> int:
        """How many places this entry stands for."""
        return 1 + self.more

    @property
    def location(self) -> str:
        """``"timeline.csv, line 14, column 2"`` (only the parts that are known)."""
        parts = [self.file or "(content folder)"]
        if self.item:
            parts.append(self.item)
        sheet = self.item.startswith("sheet ")  # a spreadsheet: rows and lettered columns
        if self.line is not None:
            unit = "row" if sheet else "line"
            lines = f"{unit} {self.line}"
            if self.more:
                lines += f" and {self.more:,} more {unit}{'s' if self.more != 1 else ''}"
            parts.append(lines)
        elif self.more and not self.unlisted:
            parts.append(f"{self.count:,} times")
        if self.column is not None:
            parts.append(f"column {column_letter(self.column) if sheet else self.column}")
        return ", ".join(parts)

    def to_text(self) -> str:
        """The line a curator reads: place, sentence and hint (control characters of a
        hostile file name or value shown as ``\\xNN``, never acted on by a terminal)."""
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f" Hint: {self.hint}"
        return printable_lines(text)  # the sentence's own newlines and tabs stay

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
            "item": self.item,
            "more": self.more,
        }


def _cut(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_Key = tuple[str, str, "int | None", str, str, str]


class ValidationReport:
    """All problems of one content folder, in the order they were first found."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        self._problems: list[Problem] = []
        self._groups: dict[_Key, int] = {}  # problem key -> its position in _problems
        self._more: dict[int, int] = {}  # position -> further places of the same problem
        self._listed: dict[tuple[str, str], int] = {}  # (file, severity) -> entries listed
        self._unlisted: dict[tuple[str, str], int] = {}  # (file, severity) -> not listed
        for problem in problems:
            self._add(problem)

    def _add(self, problem: Problem) -> None:
        key = (problem.severity, problem.file, problem.column, problem.item, problem.message,
               problem.hint)
        position = self._groups.get(key)
        if position is not None:
            self._more[position] = self._more.get(position, 0) + problem.count
            return
        per_file = (problem.file, problem.severity)
        if self._listed.get(per_file, 0) >= MAX_LISTED_PER_FILE:
            self._unlisted[per_file] = self._unlisted.get(per_file, 0) + problem.count
            return
        self._listed[per_file] = self._listed.get(per_file, 0) + 1
        self._groups[key] = len(self._problems)
        if problem.more:
            self._more[len(self._problems)] = problem.more
            problem = replace(problem, more=0)
        self._problems.append(problem)

    def add(self, severity: Severity, where: Where, message: str, hint: str = "") -> None:
        self._add(Problem(severity, where.file, where.line, where.column, _cut(message),
                          _cut(hint), where.item))

    def error(self, where: Where, message: str, hint: str = "") -> None:
        """Record a problem that blocks the import."""
        self.add("error", where, message, hint)

    def warning(self, where: Where, message: str, hint: str = "") -> None:
        """Record a problem the import can live with."""
        self.add("warning", where, message, hint)

    def extend(self, other: ValidationReport) -> None:
        for problem in other.problems:
            self._add(problem)

    @property
    def problems(self) -> list[Problem]:
        """Every entry in the order found; grouped ones carry ``more``; problems beyond the
        per-file limit are summed up in one closing entry per file."""
        listed = [replace(p, more=self._more[i]) if i in self._more else p
                  for i, p in enumerate(self._problems)]
        for (file, severity), count in self._unlisted.items():
            kind = "error" if severity == "error" else "warning"
            listed.append(Problem(
                severity, file, None, None,  # type: ignore[arg-type]
                f"{count:,} more {kind}{'s' if count != 1 else ''} of other kinds in this "
                "file are not listed.",
                "Fix the problems listed above and check again to see the rest.",
                more=count - 1, unlisted=True))
        return listed

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def _total(self, severity: Severity) -> int:
        return sum(p.count for p in self.problems if p.severity == severity)

    @property
    def error_count(self) -> int:
        """Every place of every error (a grouped entry counts each of its lines)."""
        return self._total("error")

    @property
    def warning_count(self) -> int:
        return self._total("warning")

    @property
    def ok(self) -> bool:
        """True when nothing blocks the import (warnings allowed)."""
        return not any(p.severity == "error" for p in self._problems) and not any(
            severity == "error" for _file, severity in self._unlisted)

    def summary(self) -> str:
        """``"2 errors, 1 warning"``."""
        n_err, n_warn = self.error_count, self.warning_count
        return (
            f"{n_err:,} error{'s' if n_err != 1 else ''}, "
            f"{n_warn:,} warning{'s' if n_warn != 1 else ''}"
        )

    def to_text(self) -> str:
        """Errors first, then warnings, one per line, then a summary line."""
        problems = self.problems
        errors = [p for p in problems if p.severity == "error"]
        warnings = [p for p in problems if p.severity == "warning"]
        lines: list[str] = []
        if errors:
            lines.append("Errors:")
            lines.extend(f"  {p.to_text()}" for p in errors)
        if warnings:
            lines.append("Warnings:")
            lines.extend(f"  {p.to_text()}" for p in warnings)
        if not problems:
            lines.append("No problems found.")
        else:
            lines.append(self.summary() + ".")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """A plain dict for ``--json`` output."""
        return {
            "ok": self.ok,
            "error_count": self.error_count,
            "warning_count": self.warning_count,
            "problems": [p.to_dict() for p in self.problems],
        }
