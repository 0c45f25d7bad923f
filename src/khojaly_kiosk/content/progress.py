"""Progress reporting for long content operations (verify, extract, import), without Qt.

A callback receives ``(stage, done, total)``; the GUI wraps it in a signal, the CLI prints a
text bar. ``total`` may be 0 when the amount of work is not known yet.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from typing import Protocol, TextIO


class Progress(Protocol):
    """Called as work advances: ``stage`` is a short sentence, ``done`` of ``total`` units."""

    def __call__(self, stage: str, done: int, total: int) -> None: ...


def no_progress(stage: str, done: int, total: int) -> None:
    """The default callback: report nothing."""


def report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    """Call ``progress`` if one was given; a failing callback never stops an import."""
    if progress is None:
        return
    # A broken progress display must not break an import.
    with contextlib.suppress(Exception):
        progress(stage, done, total)


def format_eta(seconds: float) -> str:
    """``73.2`` -> ``"1:13"``; hours when needed."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class TextProgress:
    """A one-line text progress bar with an ETA for the CLI.

    On a terminal the line is redrawn in place; otherwise one line is written per stage so
    logs stay readable.
    """

    def __init__(self, stream: TextIO | None = None, width: int = 30,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self._clock = clock
        self._stage = ""
        self._stage_started = 0.0
        self._interactive = bool(getattr(self.stream, "isatty", lambda: False)())

    @staticmethod
    def _key(stage: str) -> str:
        # "Reading names.csv (12,000 rows, 98,000 rows/s)" is one stage whose detail changes.
        return stage.split(" (", 1)[0]

    def render(self, stage: str, done: int, total: int) -> str:
        """The text of the bar for this state (without carriage return)."""
        now = self._clock()
        if self._key(stage) != self._key(self._stage):
            self._stage_started = now
        self._stage = stage
        if total <= 0:
            return f"{stage}..."
        fraction = min(1.0, max(0.0, done / total))
        filled = round(fraction * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = now - self._stage_started
        eta = ""
        if 0 < done < total and elapsed > 0:
            eta = f"  ETA {format_eta(elapsed * (total - done) / done)}"
        return f"{stage} [{bar}] {fraction * 100:3.0f}%{eta}"

    def __call__(self, stage: str, done: int, total: int) -> None:
        new_stage = self._key(stage) != self._key(self._stage)
        line = self.render(stage, done, total)
        if self._interactive:
            self.stream.write("\r\x1b[K" + line)
            if total > 0 and done >= total:
                self.stream.write("\n")
        elif new_stage or (total > 0 and done >= total):
            self.stream.write(line + "\n")
        self.stream.flush()


TextProgressBar = TextProgress
