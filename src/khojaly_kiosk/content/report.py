"""The validation report: every problem found in a content folder, readable by a curator.

Importers never raise on bad input; they add a ``Problem`` (file, line, column, one plain
sentence and a hint) and go on, so a curator sees all problems of a folder in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Severity = Literal["error", "warning"]
# What a terminal acts on (ESC starts colour codes or clears the screen, CR overwrites the
# line); a sentence's own newlines and tabs stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: an error blocks the import, a warning does not."""

    severity: Severity
    file: str
    line: int | None
    column: int | None
    message: str
    hint: str = ""
    item: str = ""

    @property
    def location(self) -> str:
        """``"timeline.csv, line 14, column 2"`` (only the parts that are known)."""
        parts = [self.file or "(content folder)"]
        if self.item:
            parts.append(self.item)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def to_text(self) -> str:
        """The line a curator reads: place, sentence and hint (control characters of a
        hostile file name or value shown as ``\\xNN``, never acted on by a terminal)."""
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f" Hint: {self.hint}"
        return _CONTROL.sub(lambda match: f"\\x{ord(match[0]):02x}", text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
            "item": self.item,
        }


@dataclass
class ValidationReport:
    """All problems of one content folder, in the order they were found."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, severity: Severity, where: Where, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(severity, where.file, where.line, where.column, message, hint, where.item)
        )

    def error(self, where: Where, message: str, hint: str = "") -> None:
        """Record a problem that blocks the import."""
        self.add("error", where, message, hint)

    def warning(self, where: Where, message: str, hint: str = "") -> None:
        """Record a problem the import can live with."""
        self.add("warning", where, message, hint)

    def extend(self, other: ValidationReport) -> None:
        self.problems.extend(other.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when nothing blocks the import (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)

    def summary(self) -> str:
        """``"2 errors, 1 warning"``."""
        n_err, n_warn = len(self.errors), len(self.warnings)
        return (
            f"{n_err} error{'s' if n_err != 1 else ''}, "
            f"{n_warn} warning{'s' if n_warn != 1 else ''}"
        )

    def to_text(self) -> str:
        """Errors first, then warnings, one per line, then a summary line."""
        lines: list[str] = []
        if self.errors:
            lines.append("Errors:")
            lines.extend(f"  {p.to_text()}" for p in self.errors)
        if self.warnings:
            lines.append("Warnings:")
            lines.extend(f"  {p.to_text()}" for p in self.warnings)
        if not self.problems:
            lines.append("No problems found.")
        else:
            lines.append(self.summary() + ".")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """A plain dict for ``--json`` output."""
        return {
            "ok": self.ok,
            "error_count": len(self.errors),
            "warning_count": len(self.warnings),
            "problems": [p.to_dict() for p in self.problems],
        }
