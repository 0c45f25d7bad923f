"""Errors people can read: every one carries a sentence and a hint."""

from __future__ import annotations


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
