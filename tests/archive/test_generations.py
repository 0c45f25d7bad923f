"""Generations: numbering, atomic pointer, pruning, corrupt-live fallback (SYNTHETIC data)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.generations import DB_FILENAME, GenerationStore
from khojaly_kiosk.errors import ArchiveUnavailable, InvalidInput


def _build(store: GenerationStore, make_archive, title: str) -> str:
    folder = store.new_generation()
    make_archive(folder, [m.Name(name=f"{title} Synthetic")], {"title": title})
    return folder.name


@pytest.fixture
def store(tmp_path: Path) -> GenerationStore:
    return GenerationStore(tmp_path / "archives", keep=2)


def test_new_generations_are_numbered_in_order(store: GenerationStore) -> None:
    assert store.new_generation().name == "gen-000001"
    assert store.new_generation().name == "gen-000002"
    assert (store.archives_dir / "gen-000002" / "media").is_dir()


def test_switch_and_current(store: GenerationStore, make_archive) -> None:
    assert store.current() is None
    first = _build(store, make_archive, "First")
    second = _build(store, make_archive, "Second")
    store.switch(first)
    assert store.current() == first
    store.switch(second)
    assert store.current() == second
    assert store.pointer.read_text() == "gen-000002\n"
    assert [(g.name, g.is_current, g.has_database) for g in store.list()] == [
        ("gen-000001", False, True), ("gen-000002", True, True)]


def test_switch_refuses_unfinished_or_invalid_generations(store: GenerationStore) -> None:
    empty = store.new_generation().name
    with pytest.raises(InvalidInput, match="has no archive file"):
        store.switch(empty)
    with pytest.raises(InvalidInput, match="not the name of an archive generation"):
        store.switch("../elsewhere")
    assert store.current() is None


def test_leftover_pointer_temp_file_is_ignored_then_cleaned(
    store: GenerationStore, make_archive
) -> None:
    first = _build(store, make_archive, "First")
    store.switch(first)
    # A crash between writing the temp file and the rename leaves this behind.
    leftover = store.archives_dir / ".current.crashed.tmp"
    leftover.write_text("gen-000099\n")
    assert store.current() == first
    second = _build(store, make_archive, "Second")
    store.switch(second)
    assert store.current() == second
    assert not leftover.exists()


def test_garbage_pointer_reads_as_no_current(store: GenerationStore) -> None:
    store.archives_dir.mkdir(parents=True)
    store.pointer.write_bytes(b"\xff\xfe garbage")
    assert store.current() is None
    store.pointer.write_text("../../etc\n")
    assert store.current() is None


def test_prune_keeps_the_newest_and_always_the_current(
    store: GenerationStore, make_archive
) -> None:
    names = [_build(store, make_archive, f"G{i}") for i in range(5)]
    store.switch(names[0])  # rolled back to the oldest
    assert store.prune() == ["gen-000002", "gen-000003"]
    assert [g.name for g in store.list()] == ["gen-000001", "gen-000004", "gen-000005"]
    assert store.current() == "gen-000001"


def test_discard_refuses_the_live_generation(store: GenerationStore, make_archive) -> None:
    live = _build(store, make_archive, "Live")
    store.switch(live)
    with pytest.raises(InvalidInput, match="is live"):
        store.discard(live)
    failed = store.new_generation().name
    store.discard(failed)
    assert [g.name for g in store.list()] == [live]


def test_open_live_serves_the_current_generation_read_only(
    store: GenerationStore, make_archive
) -> None:
    store.switch(_build(store, make_archive, "First"))
    live = store.open_live()
    try:
        assert (live.name, live.fell_back_from) == ("gen-000001", None)
        assert live.db_path == live.path / DB_FILENAME
        assert live.repos.summary().title == "First"
        assert [n.name for n in live.repos.names.search("first")] == ["First Synthetic"]
        with pytest.raises(sqlite3.OperationalError, match="readonly"), \
                live.reader.connection() as conn:
            conn.execute("DELETE FROM name")
    finally:
        live.close()


def test_previous_good(store: GenerationStore, make_archive) -> None:
    first = _build(store, make_archive, "First")
    second = _build(store, make_archive, "Second")
    store.switch(second)
    assert store.previous_good() == first
    store.switch(first)
    assert store.previous_good() is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing", "empty"])
def test_corrupt_live_generation_is_moved_aside_and_the_previous_served(
    store: GenerationStore, make_archive, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    first = _build(store, make_archive, "First")
    second = _build(store, make_archive, "Second")
    store.switch(second)
    db_path = store.archives_dir / second / DB_FILENAME
    original = db_path.read_bytes()
    if damage == "garbage":
        db_path.write_bytes(b"\x00garbage, not a database" * 512)
    elif damage == "truncated":
        db_path.write_bytes(original[: len(original) // 3])
    elif damage == "missing":
        db_path.unlink()
    else:
        db_path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="khojaly_kiosk.archive.generations"):
        live = store.open_live()
    try:
        assert (live.name, live.fell_back_from) == (first, second)
        assert live.repos.summary().title == "First"
    finally:
        live.close()
    assert store.current() == first
    moved = sorted(store.archives_dir.glob(f"{second}.corrupt-*"))
    assert len(moved) == 1  # moved, not deleted
    if damage != "missing":
        assert (moved[0] / DB_FILENAME).is_file()
    assert not (store.archives_dir / second).exists()
    assert [g.name for g in store.list()] == [first]
    logged = caplog.text
    assert second in logged and first in logged and moved[0].name in logged


def test_numbers_of_moved_aside_generations_are_not_reused(
    store: GenerationStore, make_archive
) -> None:
    store.switch(_build(store, make_archive, "First"))
    bad = _build(store, make_archive, "Bad")
    store.switch(bad)
    (store.archives_dir / bad / DB_FILENAME).write_bytes(b"garbage" * 100)
    store.open_live().close()
    assert store.new_generation().name == "gen-000003"


def test_no_usable_generation_raises_a_readable_error(
    store: GenerationStore, make_archive
) -> None:
    with pytest.raises(ArchiveUnavailable, match="No usable content archive") as caught:
        store.open_live()
    assert "khojaly-kiosk import" in caught.value.hint
    only = _build(store, make_archive, "Only")
    store.switch(only)
    (store.archives_dir / only / DB_FILENAME).write_bytes(b"garbage" * 100)
    with pytest.raises(ArchiveUnavailable):
        store.open_live()
    assert len(list(store.archives_dir.glob(f"{only}.corrupt-*"))) == 1


def test_missing_pointer_serves_the_newest_good_generation(
    store: GenerationStore, make_archive
) -> None:
    _build(store, make_archive, "First")
    _build(store, make_archive, "Second")
    live = store.open_live()
    live.close()
    assert (live.name, live.fell_back_from) == ("gen-000002", None)
    assert store.current() == "gen-000002"


def test_unfinished_generations_are_neither_served_nor_moved(
    store: GenerationStore, make_archive
) -> None:
    good = _build(store, make_archive, "Good")
    building = store.new_generation()  # an import still writing, no archive.sqlite yet
    (building / "archive.building.sqlite").write_bytes(b"half written")
    live = store.open_live()  # no pointer yet: the newest finished generation is served
    live.close()
    assert live.name == good
    assert building.is_dir()
    assert not list(store.archives_dir.glob("*.corrupt-*"))


# ---- generations of other kiosk versions, fallback notices, read-only opening ------------------


def _set_schema(store: GenerationStore, name: str, version: int, drop: str = "") -> None:
    import sqlite3

    with sqlite3.connect(store.archives_dir / name / DB_FILENAME) as connection:
        connection.execute("UPDATE archive_meta SET value = ? WHERE key = 'schema_version'",
                           (str(version),))
        if drop:
            connection.execute(f"ALTER TABLE name DROP COLUMN {drop}")
    sqlite3.connect(store.archives_dir / name / DB_FILENAME).close()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"/"
            for p in sorted(folder.rglob("*"))}


def test_an_older_generation_this_code_reads_is_served_as_it_is(
        store: GenerationStore, make_archive) -> None:
    old = _build(store, make_archive, "Old")
    store.switch(old)
    _set_schema(store, old, m.SCHEMA_VERSION - 1)
    live = store.open_live()
    live.close()
    assert (live.name, live.fell_back_from) == (old, None)
    assert store.fallback_notice() is None


@pytest.mark.parametrize(("version", "drop", "words"), [
    (m.SCHEMA_VERSION + 1, "", "built by a newer version of the kiosk"),
    (m.SCHEMA_VERSION - 1, "passage", "built by an earlier version of the kiosk"),
])
def test_another_schema_is_never_moved_aside_and_an_earlier_one_is_served_meanwhile(
        store: GenerationStore, make_archive, version: int, drop: str, words: str) -> None:
    first = _build(store, make_archive, "First")
    other = _build(store, make_archive, "Other")
    store.switch(other)
    _set_schema(store, other, version, drop)
    live = store.open_live()
    live.close()
    assert (live.name, live.fell_back_from) == (first, other)
    assert words in live.fallback_reason
    assert store.current() == other  # the pointer keeps it: a rebuild or upgrade serves it
    assert (store.archives_dir / other / DB_FILENAME).is_file()
    assert not list(store.archives_dir.glob("*.corrupt-*"))
    notice = store.fallback_notice()
    assert notice is not None and (notice["served"], notice["instead_of"]) == (first, other)
    assert words in notice["reason"]
    assert store.acknowledge_fallback() and store.fallback_notice() is None


def test_a_damaged_live_generation_leaves_a_notice_until_acknowledged(
        store: GenerationStore, make_archive) -> None:
    first = _build(store, make_archive, "First")
    second = _build(store, make_archive, "Second")
    store.switch(second)
    (store.archives_dir / second / DB_FILENAME).write_bytes(b"garbage" * 100)
    store.open_live().close()
    store.open_live().close()  # the next start serves first normally: the notice stays
    notice = store.fallback_notice()
    assert notice is not None and (notice["served"], notice["instead_of"]) == (first, second)
    assert "cannot be read as a database" in notice["reason"]


@pytest.mark.parametrize("damage", ["garbage live", "garbage pointer", "newer live"])
def test_opening_without_repair_changes_nothing(store: GenerationStore, make_archive,
                                                damage: str) -> None:
    first = _build(store, make_archive, "First")
    second = _build(store, make_archive, "Second")
    store.switch(second)
    if damage == "garbage live":
        (store.archives_dir / second / DB_FILENAME).write_bytes(b"garbage" * 100)
    elif damage == "garbage pointer":
        store.pointer.write_bytes(b"\x00\xffnot a name")
    else:
        _set_schema(store, second, m.SCHEMA_VERSION + 1)
    before = _tree(store.archives_dir)
    live = store.open_live(repair=False)
    live.close()
    assert _tree(store.archives_dir) == before
    if damage == "garbage pointer":
        assert (live.name, live.fell_back_from) == (second, None)
        assert "is damaged: it holds" in live.fallback_reason
    else:
        assert (live.name, live.fell_back_from) == (first, second)


def test_prune_keeps_what_the_retention_rule_protects(store: GenerationStore,
                                                      make_archive) -> None:
    names = [_build(store, make_archive, f"G{i}") for i in range(5)]
    store.switch(names[4])
    assert store.prune(protect={names[0]}) == [names[1], names[2]]
    assert [g.name for g in store.list()] == [names[0], names[3], names[4]]


def test_a_folder_in_place_of_the_pointer_is_moved_aside_and_replaced(
    store: GenerationStore, make_archive
) -> None:
    # Found by the corrupt torture suite: the start stopped with IsADirectoryError.
    _build(store, make_archive, "First")
    _build(store, make_archive, "Second")
    store.pointer.unlink(missing_ok=True)
    (store.pointer / "inside").mkdir(parents=True)
    live = store.open_live()
    live.close()
    assert live.name == "gen-000002"
    assert store.current() == "gen-000002"
    (aside,) = store.archives_dir.glob("current.corrupt-*")
    assert (aside / "inside").is_dir()


def test_a_read_only_look_says_when_the_pointer_is_missing(
    store: GenerationStore, make_archive
) -> None:
    # Found by the corrupt torture suite: with `current` deleted, status and doctor said
    # nothing while the kiosk would serve the newest generation, not the one it pointed at.
    _build(store, make_archive, "First")
    _build(store, make_archive, "Second")
    live = store.open_live(repair=False)
    live.close()
    assert live.name == "gen-000002" and not store.pointer.exists()
    assert "The archive pointer" in live.fallback_reason
    assert "is missing although generations are installed" in live.fallback_reason
