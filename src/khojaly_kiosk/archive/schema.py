"""Creating and finishing an archive file's schema (tables, the FTS5 name index).

A builder calls ``create_schema`` on a fresh file, writes its rows, then ``finalize``.
Facts about the build go into ``archive_meta`` under the ``META_*`` keys below.
"""

from __future__ import annotations

from sqlalchemy import Engine, bindparam, select, text, update
from sqlalchemy.orm import Session

from khojaly_kiosk.archive import search, transliterate
from khojaly_kiosk.archive.models import SCHEMA_VERSION, ArchiveMeta, Base, Name

DB_FILENAME = "archive.sqlite"  # inside a generation folder
MEDIA_DIRNAME = "media"  # beside it; MediaAsset.path is relative to this folder

META_PACKAGE_VERSION = "package_version"
META_TITLE = "title"
META_BUILT_AT = "built_at"  # ISO 8601 UTC, e.g. "2026-11-27T09:30:00Z"
META_SCHEMA_VERSION = "schema_version"
META_LANGUAGE = "language"  # the content language of rows without their own language
# JSON list of TranslationCoverage dicts, one per language other than the content's
META_TRANSLATION_COVERAGE = "translation_coverage"

_BATCH = 20_000


def create_schema(engine: Engine) -> None:
    """Create every table and the FTS5 name index in an empty archive file."""
    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(search.CREATE_FTS_SQL)
        connection.exec_driver_sql(search.CREATE_RANK_SQL)
        connection.execute(
            text("INSERT OR IGNORE INTO archive_meta (key, value) VALUES (:key, :value)"),
            {"key": META_SCHEMA_VERSION, "value": str(SCHEMA_VERSION)},
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
    """Number names in alphabetical order and index their search keys under that number."""
    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {search.FTS_TABLE}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {search.RANK_TABLE}")
        connection.exec_driver_sql(search.CREATE_FTS_SQL)
        connection.exec_driver_sql(search.CREATE_RANK_SQL)
        connection.exec_driver_sql(
            f"INSERT INTO {search.RANK_TABLE} (rank, name_id) "
            "SELECT ROW_NUMBER() OVER (ORDER BY sort_key, id), id FROM name"
        )
        connection.exec_driver_sql(
            f"INSERT INTO {search.FTS_TABLE} (rowid, folded, keys) "
            f"SELECT r.rank, n.folded, n.search_keys FROM {search.RANK_TABLE} AS r JOIN name AS n "
            "ON n.id = r.name_id"
        )
        connection.exec_driver_sql(
            f"INSERT INTO {search.FTS_TABLE} ({search.FTS_TABLE}) VALUES ('optimize')"
        )


def finalize(engine: Engine) -> None:
    """After all rows are written: fill the name search index, ANALYZE, optimise."""
    _fill_name_keys(engine)
    _rebuild_name_index(engine)
    with Session(engine) as session, session.begin():
        if session.get(ArchiveMeta, META_SCHEMA_VERSION) is None:
            session.add(ArchiveMeta(key=META_SCHEMA_VERSION, value=str(SCHEMA_VERSION)))
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.exec_driver_sql("PRAGMA optimize")
    with engine.connect() as connection:
        # Fold the WAL into the main file so the published file is complete on its own.
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
