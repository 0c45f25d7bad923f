"""Versioned steps of ``state.sqlite``'s schema, run at start-up with a backup first.

Why ``PRAGMA user_version`` and ordered steps rather than Alembic: the state file is a
handful of small tables in plain ``sqlite3`` (this package must stay importable without
SQLAlchemy for the CLI's PIN and statistics commands), SQLite's DDL is transactional, so
every step runs inside one ``BEGIN IMMEDIATE`` transaction that either finishes whole or
leaves the file untouched, and the version lives in the file header where no table can
contradict it. Alembic would add a migration environment, Mako templates and its
start-up cost to every kiosk start to do the same for a file this size.

To change the schema: append a step to ``STEPS`` (it gets the open connection inside the
transaction; use ``execute``, never ``executescript``, which commits) and add a test that
upgrades a file written by the release before.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from khojaly_kiosk.errors import EnvironmentProblem

log = logging.getLogger(__name__)

BACKUPS_KEPT = 3  # the newest backups of earlier schemas beside state.sqlite

_V1_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS pin (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hash TEXT NOT NULL,
        set_at REAL NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS pin_throttle (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until REAL NOT NULL DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS candles (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        count INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS usage (
        hour TEXT NOT NULL,
        counter TEXT NOT NULL,
        key TEXT NOT NULL DEFAULT '',
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (hour, counter, key))""",
    "CREATE TABLE IF NOT EXISTS settings_override (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


def _v1(connection: sqlite3.Connection) -> None:
    """The first schema: PIN, throttle, candles, hourly usage, staff settings overrides.

    Files of release 0.1.0 have these tables already (created with IF NOT EXISTS, version
    in ``meta`` only); for them this step changes nothing but the version.
    """
    for statement in _V1_TABLES:
        connection.execute(statement)
    connection.execute("INSERT OR IGNORE INTO pin_throttle(id) VALUES (1)")
    connection.execute("INSERT OR IGNORE INTO candles(id) VALUES (1)")


Step = Callable[[sqlite3.Connection], None]
# STEPS[n] upgrades a file of schema n to n + 1.
STEPS: list[Step] = [_v1]


def latest() -> int:
    return len(STEPS)


def file_version(connection: sqlite3.Connection) -> int:
    """The schema of an open file: its user_version; a 0.1.0 file (version only in ``meta``)
    counts as what ``meta`` says; a new, empty file is 0."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version:
        return version
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:  # no meta table: a new file
        return 0
    text = str(row[0]) if row else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 6 else 0


def _has_tables(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def backup(connection: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the open file beside it, before a migration; older copies beyond
    ``BACKUPS_KEPT`` are removed."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = path.with_name(f"{path.name}.schema-{version}-{stamp}.bak")
    copy = sqlite3.connect(target)
    try:
        connection.backup(copy)
    finally:
        copy.close()
    with target.open("rb+") as handle:  # on the disk before the first change is made
        handle.flush()
        os.fsync(handle.fileno())
    backups = sorted(path.parent.glob(f"{path.name}.schema-*.bak"),
                     key=lambda p: p.stat().st_mtime)
    for old in backups[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def migrate(connection: sqlite3.Connection, path: Path) -> Path | None:
    """Bring the file to ``latest()`` in one transaction, after a backup; return the backup.

    Raises:
        EnvironmentProblem: the file is of a newer schema than this kiosk knows, or a step
            failed (the file is then exactly as before).
    """
    version = file_version(connection)
    target = latest()
    if version > target:
        raise EnvironmentProblem(
            f"The state file {path} was written by a newer version of the kiosk (state "
            f"schema {version}; this version knows schema {target} and earlier), so it is "
            "not opened: the staff PIN, candles and visitor counts in it are kept as they are.",
            hint="Install the newer version of the kiosk again; or, to start afresh, move "
            "state.sqlite out of the data folder.")
    if version == target and connection.execute("PRAGMA user_version").fetchone()[0]:
        return None
    saved = backup(connection, path, version) if _has_tables(connection) else None
    connection.execute("BEGIN IMMEDIATE")
    try:
        for step in STEPS[version:]:
            step(connection)
        connection.execute(f"PRAGMA user_version = {target}")
        connection.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                           (str(target),))
    except sqlite3.Error as exc:
        connection.execute("ROLLBACK")
        raise EnvironmentProblem(
            f"The state file {path} could not be upgraded to schema {target} ({exc}); it was "
            "left as it was.",
            hint=f"A copy made before the upgrade is at {saved}." if saved else "") from exc
    connection.execute("COMMIT")
    if saved is not None and version < target:
        log.info("state.sqlite upgraded from schema %s to %s; the copy from before is %s.",
                 version, target, saved.name)
    elif saved is not None:  # a file of an earlier release, already of this schema
        log.info("state.sqlite (schema %s) now records its schema version; the copy from "
                 "before is %s.", version, saved.name)
    return saved
