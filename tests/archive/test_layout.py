"""The read path's plain names (``archive.layout``) are the models' own.

The visitor's process reads the archive without SQLAlchemy, so the repositories write table
and column names literally. These tests catch a schema change made in ``archive.models``
alone: a column added, renamed or dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from khojaly_kiosk.archive import layout, models, reader, schema, search
from khojaly_kiosk.archive.repositories import SqliteArchive
from khojaly_kiosk.content.bundle import ContentBundle


def test_every_table_and_column_of_the_models_is_listed_in_order() -> None:
    declared = {name: tuple(column.name for column in table.columns)
                for name, table in models.Base.metadata.tables.items()}
    assert declared == layout.TABLES


def test_the_builders_names_are_the_read_paths() -> None:
    for name in ("DB_FILENAME", "MEDIA_DIRNAME", "DIGEST_FILENAME", "META_PACKAGE_VERSION",
                 "META_TITLE", "META_BUILT_AT", "META_SCHEMA_VERSION", "META_LANGUAGE",
                 "META_TRANSLATION_COVERAGE"):
        assert getattr(schema, name) == getattr(layout, name), name


def test_counted_tables_match_what_a_bundle_counts() -> None:
    assert set(layout.COUNTED) == set(ContentBundle().counts())
    assert set(layout.COUNTED.values()) <= set(layout.TABLES)


@pytest.fixture
def columns_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[tuple[str, str]]]:
    """Every (table, column) the repositories' SQL reads, as SQLite's authorizer sees it."""
    seen: set[tuple[str, str]] = set()
    opened = reader._open

    def watch(action: int, table: str | None, column: str | None, _db: str | None,
              _trigger: str | None) -> int:
        if action == sqlite3.SQLITE_READ and table and column:
            seen.add((table, column))
        return sqlite3.SQLITE_OK

    def open_watched(path):  # type: ignore[no-untyped-def]
        connection = opened(path)
        connection.set_authorizer(watch)
        return connection

    monkeypatch.setattr(reader, "_open", open_watched)
    yield seen


def _every_call(archive: SqliteArchive) -> None:
    for lang in ("en", "az"):
        for testimony in archive.testimonies.list(lang):
            archive.testimonies.get(testimony.id, lang)
        archive.timeline.eras(lang)
        for event in archive.timeline.events(lang):
            archive.timeline.get(event.id, lang)
        archive.statistics.list(lang)
        archive.recognitions.list(lang)
        archive.monuments.list(lang)
        archive.passages.section("remembrance", lang)
        archive.attract.quotes(lang)
    for name in archive.names.page(0, 50):
        archive.names.get(name.id)
    archive.names.search("a")
    archive.names.count()
    for source in archive.sources.list():
        archive.sources.get(source.source.id)
    archive.summary()


def test_every_column_the_repositories_read_is_a_column_of_the_models(
        columns_read: set[tuple[str, str]], sample_archive: SqliteArchive) -> None:
    _every_call(sample_archive)
    declared = {(name, column) for name, columns in layout.TABLES.items() for column in columns}
    # The name index and FTS5's own shadow tables (name_fts_idx, name_fts_config, ...).
    read = {(table, column) for table, column in columns_read
            if not table.startswith((search.FTS_TABLE, search.RANK_TABLE, "sqlite_"))}
    assert read - declared == set()
    # The watch saw the queries at all (a test that cannot fail is no test).
    assert {("testimony", "body"), ("name", "passage"), ("translation", "translator"),
            ("attribution", "words_of"), ("caption_cue", "start_ms")} <= read
