"""Read-only ``sqlite3`` connections to a published archive file, without SQLAlchemy.

The visitor's process reads the archive through this module only: importing SQLAlchemy cost
a third of the kiosk's start and ~36 MiB. Builders still write through ``archive.engine``.

A published generation never changes, so it is opened ``mode=ro&immutable=1``: no code path
of the kiosk can change it, and SQLite takes no locks and creates no -wal/-shm files beside it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 5000
KEEP_IDLE = 4  # idle connections kept open; more are opened only while threads overlap
_MAX_PLACEHOLDERS = 900  # below SQLite's oldest default limit of bound parameters (999)


def _sqlite_uri(path: Path, *, readonly: bool) -> str:
    # Path.as_uri percent-encodes spaces, '?' and '#', which would otherwise end the path.
    uri = path.resolve().as_uri()
    # A published generation never changes: read-only opens say so (immutable=1), so SQLite
    # takes no locks and creates no -wal/-shm files beside it.
    return f"{uri}?mode=ro&immutable=1" if readonly else f"{uri}?mode=rwc"


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A plain ``sqlite3`` connection to a published archive file that can change nothing
    (not even create -wal/-shm files)."""
    return sqlite3.connect(_sqlite_uri(Path(path), readonly=True), uri=True)


def _open(path: Path) -> sqlite3.Connection:
    # check_same_thread=False: a name search may run on a worker thread, and a connection
    # goes back to the pool for whichever thread asks next; the pool never lends one to two
    # threads at once.
    connection = sqlite3.connect(_sqlite_uri(path, readonly=True), uri=True,
                                 timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    # The pragmas every reader had under SQLAlchemy (``engine._apply_pragmas``).
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


class Reader:
    """Read-only connections to one archive file, each lent to one thread at a time.

    ``with reader.connection() as db:`` lends an idle connection (or opens one); it comes
    back when the block ends. ``close()`` closes them all; a later ``connection()`` opens
    afresh (as SQLAlchemy's ``Engine.dispose`` allowed).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._epoch = 0  # bumped by close(): connections lent before it are closed on return

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._idle.pop() if self._idle else None
            epoch = self._epoch
        if connection is None:
            connection = _open(self.path)
        try:
            yield connection
        finally:
            with self._lock:
                keep = epoch == self._epoch and len(self._idle) < KEEP_IDLE
                if keep:
                    self._idle.append(connection)
            if not keep:
                connection.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
            self._epoch += 1
        for connection in idle:
            connection.close()


def has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      (name,)).fetchone() is not None


def columns(db: sqlite3.Connection, table: str) -> set[str]:
    """The column names ``table`` has in this file (empty when there is no such table)."""
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def in_list(column: str, values: Iterable[object]) -> tuple[str, list[object]]:
    """``column IN (...)`` and its parameters; a long list goes in as one JSON array."""
    items = list(values)
    if len(items) <= _MAX_PLACEHOLDERS:
        return f"{column} IN ({', '.join('?' * len(items))})", items
    return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(items)]
