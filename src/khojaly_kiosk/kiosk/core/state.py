"""The kiosk's mutable state in ``state.sqlite``, kept apart from the read-only archive.

Holds the staff PIN hash and its throttle, the candle counter, aggregate usage counters and
settings overrides made in the staff panel. Plain ``sqlite3``: the schema is tiny and this module
must stay importable without Qt (the CLI's ``set-pin`` and ``export-stats`` use it).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from khojaly_kiosk.errors import EnvironmentProblem, InvalidInput
from khojaly_kiosk.kiosk.core.state_migrations import latest, migrate
from khojaly_kiosk.settings import LANGUAGES, Settings

log = logging.getLogger(__name__)

SCHEMA_VERSION = latest()  # see kiosk.core.state_migrations


# Only these settings may be changed from the staff panel; everything else needs config.toml.
OVERRIDABLE_SETTINGS = ("idle_seconds", "default_language", "opening_hours")


class StateStore:
    """One open ``state.sqlite``. Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        # The GUI thread and a background import may both touch state; serialise them.
        self._lock = threading.RLock()

    @classmethod
    def open_readonly(cls, path: Path) -> StateStore | None:
        """Open an existing state file for reading only (None when there is none).

        Nothing in the data folder changes: no migration, no journal files (when the kiosk
        is not running, its WAL is folded in and SQLite may treat the file as immutable).
        """
        if not path.is_file():
            return None
        running = path.with_name(path.name + "-wal").exists()
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if running else "&immutable=1")
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None,
                                   check_same_thread=False)
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise EnvironmentProblem(f"The state file {path} cannot be read ({exc}).",
                                     hint="Start the kiosk once: it moves a damaged state file "
                                     "aside and starts a new one.") from exc
        if not tables:
            conn.close()
            raise EnvironmentProblem(
                f"The state file {path} is empty: its tables are missing, so it keeps no PIN, "
                "candles or counts.",
                hint="Start the kiosk once: it sets up new tables; set the PIN again with "
                "`khojaly-kiosk set-pin`.")
        return cls(conn, path)

    @classmethod
    def open(cls, path: Path) -> StateStore:
        """Open (creating if needed) the state file; a corrupt file is moved aside, not fatal."""
        try:
            if path.is_dir() and not path.is_symlink():  # as unusable as a damaged file
                raise sqlite3.DatabaseError("a folder, not a database file")
            return cls._open(path)
        except sqlite3.DatabaseError as exc:
            # Like Home Assistant's recorder: the kiosk must keep running; losing counters and
            # the PIN is better than a black screen. The broken file stays for inspection.
            broken = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            log.error("state file %s is unreadable (%s); moved to %s", path, exc, broken)
            try:
                path.replace(broken)
                for suffix in ("-wal", "-shm"):
                    side = path.with_name(path.name + suffix)
                    if side.exists():
                        side.replace(broken.with_name(broken.name + suffix))
            except OSError as move_exc:
                raise EnvironmentProblem(
                    f"The state file {path} is damaged and cannot be moved aside.",
                    hint="Remove it by hand; the kiosk will create a new one.",
                ) from move_exc
            return cls._open(path)

    @classmethod
    def _open(cls, path: Path) -> StateStore:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=5.0, isolation_level=None,
                                   check_same_thread=False)
        except (OSError, sqlite3.OperationalError) as exc:
            raise EnvironmentProblem(
                f"The state file {path} cannot be opened ({exc}).",
                hint="Check that the data folder exists and is writable by the kiosk user.",
            ) from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA busy_timeout=5000")
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            migrate(conn, path)  # in one transaction, after a backup of an earlier schema
        except (sqlite3.DatabaseError, EnvironmentProblem):
            conn.close()
            raise
        return cls(conn, path)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken immediately, so read-modify-write steps cannot interleave."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of a read-only query."""
        with self._lock:
            return list(self._conn.execute(sql, params).fetchall())

    # -- settings overrides -------------------------------------------------------------

    def settings_overrides(self) -> dict[str, str]:
        """Overrides saved from the staff panel, as raw strings."""
        return {str(k): str(v) for k, v in self.query("SELECT key, value FROM settings_override")}

    def set_setting_override(self, key: str, value: str | None) -> None:
        """Save (or with ``None`` remove) one override after checking it."""
        if key not in OVERRIDABLE_SETTINGS:
            raise InvalidInput(
                f"The setting {key} cannot be changed from the staff panel.",
                hint="Change it in config.toml instead.",
            )
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM settings_override WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO settings_override(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                             (key, _checked_override(key, value)))


def _checked_override(key: str, value: str) -> str:
    text = value.strip()
    if key == "idle_seconds":
        if not text.isdigit() or not 15 <= int(text) <= 3600:
            raise InvalidInput(f"The idle time {text!r} is not a number of seconds "
                               "between 15 and 3600.", hint="Enter for example 90.")
    elif key == "default_language":
        if text not in LANGUAGES:
            raise InvalidInput(f"The language {text!r} is not one of {', '.join(LANGUAGES)}.",
                               hint="Choose az, en, ru or tr.")
    elif key == "opening_hours" and text:
        from khojaly_kiosk.kiosk.core.hours import OpeningHours  # local: hours imports nothing back

        OpeningHours.parse(text)
    return text


def apply_overrides(settings: Settings, state: StateStore) -> Settings:
    """``settings`` with the staff-panel overrides applied; a bad stored value is skipped."""
    changes: dict[str, object] = {}
    for key, raw in state.settings_overrides().items():
        try:
            text = _checked_override(key, raw)
        except InvalidInput as exc:
            log.warning("ignoring stored override %s: %s", key, exc)
            continue
        changes[key] = int(text) if key == "idle_seconds" else text
    return settings.with_(**changes) if changes else settings


def hour_bucket(epoch_seconds: float) -> str:
    """The local-time hour a usage event falls into, e.g. ``2026-02-26T14:00``."""
    return time.strftime("%Y-%m-%dT%H:00", time.localtime(epoch_seconds))


def bump_usage(conn: sqlite3.Connection, hour: str, counter: str, key: str = "",
               by: int = 1) -> None:
    """Add ``by`` (one) to an hourly aggregate counter inside an open transaction."""
    conn.execute("INSERT INTO usage(hour, counter, key, count) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT(hour, counter, key) DO UPDATE SET count = count + excluded.count",
                 (hour, counter, key, by))


class CandleCounter:
    """The remembrance screen's candle total; each candle also counts in the hourly usage."""

    def __init__(self, state: StateStore, clock: Callable[[], float] = time.time) -> None:
        self._state = state
        self._clock = clock

    def count(self) -> int:
        rows = self._state.query("SELECT count FROM candles WHERE id = 1")
        return int(rows[0][0]) if rows else 0  # type: ignore[call-overload]

    def light(self) -> int:
        """Light one candle and return the new total."""
        with self._state.transaction() as conn:
            conn.execute("UPDATE candles SET count = count + 1 WHERE id = 1")
            bump_usage(conn, hour_bucket(self._clock()), "candles")
            return int(conn.execute("SELECT count FROM candles WHERE id = 1").fetchone()[0])
