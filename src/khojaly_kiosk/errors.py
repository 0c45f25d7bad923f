"""Errors people can read: every one carries a sentence and a hint."""

from __future__ import annotations

import re

# Terminal escape codes and other control characters (C0 but tab, DEL, C1) are never printed
# raw: a title or id quoted from a package could otherwise clear or rewrite the screen.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """One line of ``text`` with control characters shown as ``\\x1b``-style escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def printable_lines(text: str) -> str:
    """``printable`` for each line of a text of several lines."""
    return "\n".join(printable(line) for line in text.split("\n"))


class KioskError(Exception):
    """Base class: ``str(err)`` is one human sentence; ``hint`` says what to do."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class InvalidInput(KioskError):
    """A file, package or argument given to us is wrong (exit code 1)."""

    exit_code = 1


class EnvironmentProblem(KioskError):
    """The machine is missing something: a library, a writable folder (exit code 3)."""

    exit_code = 3


class ArchiveUnavailable(EnvironmentProblem):
    """No usable archive generation exists."""
