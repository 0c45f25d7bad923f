"""Small services every visitor screen receives, so screens never reach into the app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class CandleCounter(Protocol):
    """The shared count of candles visitors have lit (kept in state.sqlite by the kiosk)."""

    def count(self) -> int:
        """How many candles have been lit so far."""
        ...

    def light(self) -> int:
        """Light one more candle; returns the new total."""
        ...


class MemoryCandleCounter:
    """An in-memory counter for tours, tests and windowed development runs."""

    def __init__(self, start: int = 0) -> None:
        self._count = start

    def count(self) -> int:
        return self._count

    def light(self) -> int:
        self._count += 1
        return self._count


class AdvisoryLedger:
    """The content advisories this visitor has passed, by item key ("testimony:<id>", ...).

    An advisory is asked once per item per visit: a page turn back to an item already opened,
    or a return from its source, does not ask again. The shell clears it when the kiosk goes
    idle, so the next visitor is asked afresh.
    """

    def __init__(self) -> None:
        self._passed: set[str] = set()

    def passed(self, key: str) -> bool:
        return key in self._passed

    def mark_passed(self, key: str) -> None:
        self._passed.add(key)

    def clear(self) -> None:
        self._passed.clear()

    def keys(self) -> list[str]:
        """The keys passed so far (the tour records them beside each state)."""
        return sorted(self._passed)


def _now() -> datetime:
    return datetime.now()


def _ignore(_playing: bool) -> None:
    """The default ``media_playing``: nothing to tell (tours, tests, windowed runs)."""


def _uncounted() -> None:
    """The default ``search_made``: nothing counts (tours, tests, windowed runs)."""


@dataclass(frozen=True)
class ScreenServices:
    """What a screen may use besides its repositories and its navigator.

    Attributes:
        candles: the candle counter (the remembrance screen lights candles with it).
        reduced_motion: True to skip cross-fades, drifting names and other animation.
        clock: returns the current local time (injectable so tests are deterministic).
        slide_seconds: how long the attract loop shows each slide.
        media_playing: called with True when a recording starts playing and False when it
            pauses or stops; the kiosk holds its idle countdown meanwhile.
        advisories: the advisories this visitor passed (cleared on idle by the shell).
        search_made: called once for each search a visitor starts (never with its text); the
            kiosk counts it in the aggregate usage counters.
    """

    candles: CandleCounter = field(default_factory=MemoryCandleCounter)
    reduced_motion: bool = False
    clock: Callable[[], datetime] = _now
    slide_seconds: int = 8
    media_playing: Callable[[bool], None] = _ignore
    advisories: AdvisoryLedger = field(default_factory=AdvisoryLedger)
    search_made: Callable[[], None] = _uncounted
