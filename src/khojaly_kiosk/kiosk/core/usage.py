"""Aggregate usage counters per hour, and a CSV export that shows only aggregates.

Nothing a visitor types or who they are is ever stored: a search counts as one ``searches``,
a screen visit as one ``screens`` with the screen's key (a fixed name such as ``timeline``).
Counts under five are exported as ``<5`` so that a quiet hour cannot single out one visitor.
"""

from __future__ import annotations

import csv
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from khojaly_kiosk.errors import EnvironmentProblem, InvalidInput
from khojaly_kiosk.kiosk.core.state import StateStore, bump_usage, hour_bucket

log = logging.getLogger(__name__)

SESSIONS = "sessions"
SCREENS = "screens"
TESTIMONIES_OPENED = "testimonies_opened"
SEARCHES = "searches"
CANDLES = "candles"
COUNTERS = (SESSIONS, SCREENS, TESTIMONIES_OPENED, SEARCHES, CANDLES)

SMALL_COUNT = 5
HOURLY_DAYS = 30  # the staff panel's "by hour of day" chart looks back this far
# Keys are program-chosen identifiers (screen keys), never free text from a visitor.
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def shown_count(count: int) -> str:
    """How a count is published: ``<5`` for 1-4, the number otherwise."""
    return f"<{SMALL_COUNT}" if 0 < count < SMALL_COUNT else str(count)


@dataclass(frozen=True, slots=True)
class UsageRow:
    hour: str
    counter: str
    key: str
    count: int


class UsageCounters:
    """Records aggregate events into ``state``.

    ``buffered`` (the running kiosk): events are counted in memory and written in one
    transaction by ``flush`` (the session flushes every half minute, on each return to attract,
    before the staff room reads the totals, and at close), so a tap never waits for a commit:
    state.sqlite commits with ``synchronous=FULL``, an fsync, ~0.75 ms per screen change on
    this machine's disk and tens of ms on an SD card. A killed kiosk loses at most the counts
    since the last flush. Unbuffered (commands, tests), each event is written at once.
    """

    def __init__(self, state: StateStore, clock: Callable[[], float] = time.time, *,
                 buffered: bool = False) -> None:
        self._state = state
        self._clock = clock
        self._buffered = buffered
        self._pending: dict[tuple[str, str, str], int] = {}  # (hour, counter, key) -> count

    def record(self, counter: str, key: str = "") -> None:
        """Count one ``counter`` event (``key`` only for ``screens``: the screen's key)."""
        if counter not in COUNTERS:
            raise InvalidInput(f"{counter!r} is not a usage counter.",
                               hint=f"Use one of {', '.join(COUNTERS)}.")
        if key and not _KEY.match(key):
            raise InvalidInput("A usage key must be a short lowercase identifier.",
                               hint="Pass the screen key, never text a visitor typed.")
        bucket = (hour_bucket(self._clock()), counter, key)
        self._pending[bucket] = self._pending.get(bucket, 0) + 1
        if not self._buffered:
            self.flush()

    @property
    def pending(self) -> int:
        """Events counted but not yet written."""
        return sum(self._pending.values())

    def flush(self) -> int:
        """Write the counted events in one transaction; returns how many were written. If the
        write fails (a full disk) they stay counted for the next flush, and the error is raised."""
        if not self._pending:
            return 0
        pending, self._pending = self._pending, {}
        try:
            with self._state.transaction() as conn:
                for (hour, counter, key), count in pending.items():
                    bump_usage(conn, hour, counter, key, count)
        except BaseException:
            for bucket, count in pending.items():
                self._pending[bucket] = self._pending.get(bucket, 0) + count
            raise
        return sum(pending.values())

    def write_pending(self) -> None:
        """``flush`` for the running kiosk: a failure (a full disk) is logged and the counts
        wait for the next one."""
        try:
            self.flush()
        except Exception as exc:
            log.warning("Usage counts could not be written (%d waiting): %s", self.pending, exc)

    def totals(self) -> dict[str, int]:
        """``usage_totals`` with the events not yet written (written first)."""
        self.write_pending()
        return usage_totals(self._state)

    def sessions_by_hour_of_day(self) -> list[int]:
        """``sessions_by_hour_of_day`` with the events not yet written (written first)."""
        self.write_pending()
        return sessions_by_hour_of_day(self._state, clock=self._clock)

    def session_started(self) -> None:
        self.record(SESSIONS)

    def screen_viewed(self, screen_key: str) -> None:
        self.record(SCREENS, screen_key)

    def testimony_opened(self) -> None:
        self.record(TESTIMONIES_OPENED)

    def search_made(self) -> None:
        self.record(SEARCHES)


def usage_rows(state: StateStore, since_hour: str = "") -> list[UsageRow]:
    """All hourly rows from ``since_hour`` (``YYYY-MM-DDTHH:00``, inclusive) on, oldest first."""
    rows = state.query("SELECT hour, counter, key, count FROM usage WHERE hour >= ? "
                       "ORDER BY hour, counter, key", (since_hour,))
    return [UsageRow(str(h), str(c), str(k), int(n)) for h, c, k, n in rows]  # type: ignore[call-overload]


def usage_totals(state: StateStore, since_hour: str = "") -> dict[str, int]:
    """Totals per counter (all keys summed), every counter present, for the staff chart."""
    totals = dict.fromkeys(COUNTERS, 0)
    for row in usage_rows(state, since_hour):
        totals[row.counter] = totals.get(row.counter, 0) + row.count
    return totals


def sessions_by_hour_of_day(state: StateStore, days: int = HOURLY_DAYS,
                            clock: Callable[[], float] = time.time) -> list[int]:
    """Visits per local hour of day (24 numbers, index 0 is 00:00-00:59) over the last ``days``."""
    since = hour_bucket(clock() - days * 86400)
    # Buckets read "YYYY-MM-DDTHH:00": characters 12-13 are the hour.
    rows = state.query("SELECT CAST(substr(hour, 12, 2) AS INTEGER), SUM(count) FROM usage "
                       "WHERE counter = ? AND hour >= ? GROUP BY 1", (SESSIONS, since))
    hours = [0] * 24
    for hour, count in rows:
        if isinstance(hour, int) and 0 <= hour < 24:
            hours[hour] = int(count)  # type: ignore[call-overload]
    return hours


def export_csv(state: StateStore, out_path: Path, since_hour: str = "") -> int:
    """Write hourly aggregates (``hour,counter,key,count``) to ``out_path``; return rows."""
    rows = usage_rows(state, since_hour)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with out_path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["hour", "counter", "key", "count"])
            for row in rows:
                writer.writerow([row.hour, row.counter, row.key, shown_count(row.count)])
    except OSError as exc:
        raise EnvironmentProblem(
            f"The statistics file {out_path} cannot be written ({exc.strerror or exc}).",
            hint="Choose a folder the kiosk user can write to, such as a USB stick.",
        ) from exc
    return len(rows)
