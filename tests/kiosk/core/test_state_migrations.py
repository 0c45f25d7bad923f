"""kiosk/core/state_migrations.py: state.sqlite upgraded at start-up, in one transaction,
after a backup; a newer file refused with a sentence; a read-only open changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from khojaly_kiosk.errors import EnvironmentProblem
from khojaly_kiosk.kiosk.core import state_migrations
from khojaly_kiosk.kiosk.core.pin import pin_is_set, set_pin
from khojaly_kiosk.kiosk.core.state import CandleCounter, StateStore

# What release 0.1.0 wrote: the same tables, the version only in meta, user_version 0.
RELEASE_0_1_0 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE pin (id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL,
                  set_at REAL NOT NULL);
CREATE TABLE pin_throttle (id INTEGER PRIMARY KEY CHECK (id = 1),
                           failures INTEGER NOT NULL DEFAULT 0,
                           locked_until REAL NOT NULL DEFAULT 0);
CREATE TABLE candles (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE usage (hour TEXT NOT NULL, counter TEXT NOT NULL, key TEXT NOT NULL DEFAULT '',
                    count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (hour, counter, key));
CREATE TABLE settings_override (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO pin_throttle(id) VALUES (1);
INSERT INTO candles VALUES (1, 41);
INSERT INTO usage VALUES ('2026-02-26T10:00', 'sessions', '', 7);
"""


def _old_file(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.executescript(RELEASE_0_1_0)
    sqlite3.connect(path).close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_of_release_0_1_0_is_adopted_with_a_backup_and_nothing_lost(
        tmp_path: Path) -> None:
    path = _old_file(tmp_path / "state.sqlite")
    with StateStore.open(path) as state:
        assert CandleCounter(state).count() == 41
        assert state.query("SELECT count FROM usage") == [(7,)]
        assert state.query("PRAGMA user_version") == [(state_migrations.latest(),)]
    (saved,) = tmp_path.glob("state.sqlite.schema-1-*.bak")
    with sqlite3.connect(saved) as copy:
        assert copy.execute("SELECT count FROM candles").fetchone() == (41,)
    with StateStore.open(path):  # nothing more to do: no second backup
        pass
    assert len(list(tmp_path.glob("*.bak"))) == 1


def test_a_new_step_runs_in_one_transaction_after_a_backup(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.sqlite"
    with StateStore.open(path) as state:
        CandleCounter(state).light()

    def v2(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE synthetic_v2 (id INTEGER PRIMARY KEY)")
        connection.execute("INSERT INTO synthetic_v2 VALUES (1)")

    monkeypatch.setattr(state_migrations, "STEPS", [*state_migrations.STEPS, v2])
    with StateStore.open(path) as state:
        assert state.query("SELECT id FROM synthetic_v2") == [(1,)]
        assert state.query("PRAGMA user_version") == [(2,)]
        assert CandleCounter(state).count() == 1
    assert len(list(tmp_path.glob("state.sqlite.schema-1-*.bak"))) == 1


def test_a_failing_step_leaves_the_file_as_it_was(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.sqlite"
    with StateStore.open(path) as state:
        CandleCounter(state).light()

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half_done (id INTEGER)")
        connection.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(state_migrations, "STEPS", [*state_migrations.STEPS, broken])
    with pytest.raises(EnvironmentProblem, match="could not be upgraded to schema 2") as caught:
        StateStore.open(path)
    assert "A copy made before the upgrade is at" in caught.value.hint
    monkeypatch.undo()
    with StateStore.open(path) as state:
        assert state.query("SELECT name FROM sqlite_master WHERE name = 'half_done'") == []
        assert state.query("PRAGMA user_version") == [(1,)]
        assert CandleCounter(state).count() == 1


def test_a_file_of_a_newer_kiosk_is_refused_with_a_sentence_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with StateStore.open(path) as state:
        CandleCounter(state).light()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    sqlite3.connect(path).close()
    before = _digest(path)
    with pytest.raises(EnvironmentProblem) as caught:
        StateStore.open(path)
    assert "written by a newer version of the kiosk (state schema 99" in caught.value.message
    assert _digest(path) == before
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_read_only_open_changes_nothing(tmp_path: Path) -> None:
    path = _old_file(tmp_path / "state.sqlite")
    before = sorted((p.name, _digest(p)) for p in tmp_path.iterdir() if p.is_file())
    state = StateStore.open_readonly(path)
    assert state is not None
    with state:
        assert not pin_is_set(state)
        assert CandleCounter(state).count() == 41
    assert sorted((p.name, _digest(p)) for p in tmp_path.iterdir() if p.is_file()) == before
    assert StateStore.open_readonly(tmp_path / "none.sqlite") is None


def test_a_pin_set_before_survives_the_upgrade(tmp_path: Path) -> None:
    path = _old_file(tmp_path / "state.sqlite")
    with sqlite3.connect(path) as connection:  # as release 0.1.0 stored it
        connection.execute("INSERT INTO pin VALUES (1, 'argon2-hash-placeholder', 0)")
    sqlite3.connect(path).close()
    with StateStore.open(path) as state:
        assert pin_is_set(state)
        set_pin(state, "2602")
        assert pin_is_set(state)


def test_a_file_of_the_current_schema_without_its_mark_is_not_called_upgraded(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A phase-1 state.sqlite (schema 1, user_version never set) is marked, not 'upgraded
    from schema 1 to 1'."""

    from khojaly_kiosk.kiosk.core.state_migrations import latest, migrate

    path = tmp_path / "state.sqlite"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(latest()),))
    with caplog.at_level("INFO"):
        saved = migrate(connection, path)
    connection.close()
    assert saved is not None and saved.is_file()
    assert "upgraded from schema" not in caplog.text
    assert f"(schema {latest()}) now records its schema version" in caplog.text
