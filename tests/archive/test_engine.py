"""Engines: pragmas on every connection, read-only really read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from khojaly_kiosk.archive.engine import BUSY_TIMEOUT_MS, build_engine, open_engine


def _pragma(engine, name: str):
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    # A space and a '#' in the folder prove the path is URI-escaped correctly.
    path = tmp_path / "odd #folder" / "archive.sqlite"
    engine = build_engine(path)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT)")
        connection.exec_driver_sql("INSERT INTO item (label) VALUES ('synthetic')")
    engine.dispose()
    return path


def test_build_engine_creates_the_file_with_wal_and_safe_pragmas(db_file: Path) -> None:
    assert db_file.is_file()
    engine = open_engine(db_file)
    try:
        assert _pragma(engine, "journal_mode") == "wal"
        assert _pragma(engine, "synchronous") == 2  # FULL
        assert _pragma(engine, "foreign_keys") == 1
        assert _pragma(engine, "busy_timeout") == BUSY_TIMEOUT_MS
    finally:
        engine.dispose()


def test_readonly_engine_reads_but_refuses_every_write(db_file: Path) -> None:
    engine = open_engine(db_file, readonly=True)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT label FROM item")).scalar() == "synthetic"
        assert _pragma(engine, "foreign_keys") == 1
        assert _pragma(engine, "synchronous") == 2
        assert _pragma(engine, "journal_mode") == "delete"  # the builder never made it WAL
        with pytest.raises(OperationalError, match="readonly"), engine.begin() as connection:
            connection.execute(text("INSERT INTO item (label) VALUES ('x')"))
        with pytest.raises(OperationalError, match="readonly"), engine.begin() as connection:
            connection.execute(text("DROP TABLE item"))
    finally:
        engine.dispose()


def test_readonly_engine_creates_no_file_beside_even_a_wal_archive(db_file: Path) -> None:
    writable = open_engine(db_file)  # WAL, as generations of earlier releases are
    _pragma(writable, "journal_mode")
    writable.dispose()
    before = sorted(p.name for p in db_file.parent.iterdir())
    engine = open_engine(db_file, readonly=True)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM item")).scalar() == 1
        assert sorted(p.name for p in db_file.parent.iterdir()) == before
    finally:
        engine.dispose()
    assert sorted(p.name for p in db_file.parent.iterdir()) == before == ["archive.sqlite"]


def test_build_engine_writes_without_journal_or_syncs(tmp_path: Path) -> None:
    engine = build_engine(tmp_path / "new.sqlite")
    try:
        assert _pragma(engine, "journal_mode") == "off"
        assert _pragma(engine, "synchronous") == 0
        assert _pragma(engine, "foreign_keys") == 0  # checked once before publishing
    finally:
        engine.dispose()


def test_readonly_engine_does_not_create_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite"
    engine = open_engine(missing, readonly=True)
    with pytest.raises(OperationalError), engine.connect():
        pass
    engine.dispose()
    assert not missing.exists()


def test_foreign_keys_are_enforced_on_writable_engines(db_file: Path) -> None:
    engine = open_engine(db_file)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "CREATE TABLE child (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES item(id))"
            )
        with pytest.raises(Exception, match="FOREIGN KEY"), engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO child (item_id) VALUES (999)")
    finally:
        engine.dispose()


def test_file_engines_use_a_queue_pool_not_a_per_thread_one(db_file: Path) -> None:
    engine = open_engine(db_file, readonly=True)
    assert isinstance(engine.pool, QueuePool)
    engine.dispose()
