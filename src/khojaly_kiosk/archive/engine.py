"""SQLAlchemy engines for archive files, with the pragmas every connection needs.

Builders open a writable engine. The visitor UI reads a published generation through
``archive.reader`` (plain ``sqlite3``, ``mode=ro&immutable=1``); ``open_engine(readonly=True)``
opens the same read-only URI for tools that want SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

# The read-only opening lives in ``reader`` (the visitor's process never imports SQLAlchemy).
from khojaly_kiosk.archive.reader import BUSY_TIMEOUT_MS, _sqlite_uri, connect_readonly

__all__ = ["BUSY_TIMEOUT_MS", "build_engine", "connect_readonly", "open_engine"]


BUILD_CACHE_KIB = 64 * 1024  # page cache of a builder: sorts a million names in memory


def _apply_pragmas(dbapi_connection: sqlite3.Connection, *, readonly: bool,
                   building: bool = False) -> None:
    cursor = dbapi_connection.cursor()
    try:
        if building:
            # A new generation's file is thrown away whole if anything goes wrong before it
            # is published (and flushed then), so it needs no journal and no syncs while
            # it is written: every row goes to the disk once.
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute(f"PRAGMA cache_size=-{BUILD_CACHE_KIB}")
            # References are checked once for the whole file (foreign_key_check) before it
            # is published, not once per row while a million rows go in.
            cursor.execute("PRAGMA foreign_keys=OFF")
        elif not readonly:
            cursor.execute("PRAGMA journal_mode=WAL")
        if not building:
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _make_engine(path: Path, *, readonly: bool, building: bool = False) -> Engine:
    uri = _sqlite_uri(path, readonly=readonly)

    def connect() -> sqlite3.Connection:
        # check_same_thread=False: searches run on a worker thread and the pool hands
        # connections across threads; SQLAlchemy's pool never shares one concurrently.
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )

    # The URL has no file name (the creator opens it), which SQLAlchemy would take for an
    # in-memory database and give a per-thread pool; a file wants the ordinary queue pool.
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        _apply_pragmas(dbapi_connection, readonly=readonly, building=building)

    return engine


def open_engine(path: Path, *, readonly: bool = False) -> Engine:
    """Open an existing archive file.

    Args:
        path: the ``archive.sqlite`` file.
        readonly: open with ``mode=ro`` so every write fails (the visitor UI does this).
    """
    return _make_engine(Path(path), readonly=readonly)


def build_engine(path: Path) -> Engine:
    """A writable engine for creating a new archive file (the file is created if absent).

    Without a journal or syncs (see ``_apply_pragmas``): use it only for a file that is
    thrown away when building fails, and flush the file before publishing it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return _make_engine(path, readonly=False, building=True)
