"""Creating and finishing an archive file's schema (tables, the FTS5 name index).

A builder calls ``create_schema`` on a fresh file, writes its rows, then ``finalize``.
Facts about the build go into ``archive_meta`` under the ``META_*`` keys (``layout``).
"""

from __future__ import annotations

from sqlalchemy import Engine, bindparam, select, text, update
from sqlalchemy.orm import Session

from khojaly_kiosk.archive import layout, search, transliterate
from khojaly_kiosk.archive.layout import (
    DB_FILENAME,
    DIGEST_FILENAME,
    MEDIA_DIRNAME,
    META_BUILT_AT,
    META_LANGUAGE,
    META_PACKAGE_VERSION,
    META_SCHEMA_VERSION,
    META_TITLE,
    META_TRANSLATION_COVERAGE,
)
from khojaly_kiosk.archive.models import ArchiveMeta, Base, Name

# Where things are in a generation and the ``archive_meta`` keys: defined in ``layout`` (the
# read path takes them from there, without SQLAlchemy), named here too for the builders.
__all__ = ["DB_FILENAME", "DIGEST_FILENAME", "MEDIA_DIRNAME", "META_BUILT_AT", "META_LANGUAGE",
           "META_PACKAGE_VERSION", "META_SCHEMA_VERSION", "META_TITLE",
           "META_TRANSLATION_COVERAGE", "create_schema", "finalize"]

_BATCH = 20_000


def create_schema(engine: Engine) -> None:
    """Create every table and the FTS5 name index in an empty archive file."""
    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(search.CREATE_FTS_SQL)
        connection.exec_driver_sql(search.CREATE_RANK_SQL)
        connection.execute(
            text("INSERT OR IGNORE INTO archive_meta (key, value) VALUES (:key, :value)"),
            {"key": META_SCHEMA_VERSION, "value": str(layout.SCHEMA_VERSION)},
        )


def _fill_name_keys(engine: Engine) -> None:
    """Compute the search and sort keys of names where the builder left them empty."""
    with Session(engine) as session, session.begin():
        rows = session.execute(
            select(Name.id, Name.name, Name.folded, Name.sort_key, Name.search_keys).where(
                (Name.folded == "") | (Name.sort_key == "") | (Name.search_keys == "")
            )
        ).all()
        statement = (
            update(Name.__table__)  # type: ignore[arg-type]
            .where(Name.__table__.c.id == bindparam("name_id"))
            .values(folded=bindparam("new_folded"), sort_key=bindparam("new_sort_key"),
                    search_keys=bindparam("new_keys"))
        )
        for start in range(0, len(rows), _BATCH):
            batch = [
                {
                    "name_id": row.id,
                    "new_folded": row.folded or transliterate.fold(row.name),
                    "new_sort_key": row.sort_key or search.sort_key(row.name),
                    "new_keys": row.search_keys
                    or " ".join(transliterate.name_search_keys(row.name)),
                }
                for row in rows[start : start + _BATCH]
            ]
            session.connection().execute(statement, batch)


def _rebuild_name_index(engine: Engine) -> None:
    """Number names in alphabetical order and index their search keys under that number.

    One sort into a temporary table numbered by rank feeds both the rank table and the
    index in order: reading each name back by its id (a million random look-ups) cost more
    than the sort.
    """
    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {search.FTS_TABLE}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {search.RANK_TABLE}")
        connection.exec_driver_sql(search.CREATE_FTS_SQL)
        connection.exec_driver_sql(search.CREATE_RANK_SQL)
        connection.exec_driver_sql("DROP TABLE IF EXISTS temp.name_order")
        # Rows come out of the sort in rank order, so the rowid numbers them.
        connection.exec_driver_sql(
            "CREATE TEMP TABLE name_order (rank INTEGER PRIMARY KEY, name_id INTEGER, "
            "folded TEXT, search_keys TEXT)")
        connection.exec_driver_sql(
            "INSERT INTO temp.name_order (name_id, folded, search_keys) "
            "SELECT id, folded, search_keys FROM name ORDER BY sort_key, id"
        )
        connection.exec_driver_sql(
            f"INSERT INTO {search.RANK_TABLE} (rank, name_id) "
            "SELECT rank, name_id FROM temp.name_order ORDER BY rank"
        )
        connection.exec_driver_sql(
            f"INSERT INTO {search.FTS_TABLE} (rowid, folded, keys) "
            "SELECT rank, folded, search_keys FROM temp.name_order ORDER BY rank"
        )
        connection.exec_driver_sql("DROP TABLE temp.name_order")
        # No 'optimize' merge: rows go in in rowid order, so FTS5's own merging already
        # leaves a compact index (a million names: worst prefix query 0.66 ms against 0.62
        # ms merged), and the merge cost 0.6 s of every import.


def finalize(engine: Engine) -> None:
    """After all rows are written: fill the name search index, ANALYZE, optimise."""
    _fill_name_keys(engine)
    _rebuild_name_index(engine)
    with Session(engine) as session, session.begin():
        if session.get(ArchiveMeta, META_SCHEMA_VERSION) is None:
            session.add(ArchiveMeta(key=META_SCHEMA_VERSION,
                                    value=str(layout.SCHEMA_VERSION)))
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.exec_driver_sql("PRAGMA optimize")
    with engine.connect() as connection:
        # Fold any WAL into the main file, then leave WAL mode: a published generation is
        # never written again, and a reader of a file in rollback-journal mode needs no
        # -wal/-shm files beside it (a read-only command must not create any).
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.exec_driver_sql("PRAGMA journal_mode=DELETE")
