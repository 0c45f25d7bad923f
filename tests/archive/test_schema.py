"""Schema creation and finalize: keys filled, name index built, idempotent."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.engine import build_engine, open_engine
from khojaly_kiosk.archive.schema import META_SCHEMA_VERSION, create_schema, finalize


def test_create_schema_makes_every_table_and_the_name_index(tmp_path: Path) -> None:
    engine = build_engine(tmp_path / "archive.sqlite")
    create_schema(engine)
    with engine.connect() as connection:
        tables = set(connection.execute(text("SELECT name FROM sqlite_master")).scalars())
        version = connection.execute(
            text("SELECT value FROM archive_meta WHERE key = :k"), {"k": META_SCHEMA_VERSION}
        ).scalar()
    engine.dispose()
    assert set(m.Base.metadata.tables) <= tables
    assert {"name_fts", "name_rank"} <= tables
    assert version == str(m.SCHEMA_VERSION)


def test_finalize_fills_empty_keys_and_keeps_given_ones(tmp_path: Path, make_archive) -> None:
    rows = [
        m.Name(name="Səvinc Synthetic"),
        m.Name(name="Given Synthetic", folded="custom folded", sort_key="custom key"),
    ]
    engine = open_engine(make_archive(tmp_path, rows), readonly=True)
    with Session(engine) as session:
        found = {row.name: (row.folded, row.sort_key) for row in session.scalars(select(m.Name))}
    engine.dispose()
    assert found["Səvinc Synthetic"][0] == "sevinc synthetic"
    assert found["Səvinc Synthetic"][1] != ""
    assert found["Given Synthetic"] == ("custom folded", "custom key")


def test_finalize_twice_rebuilds_rather_than_duplicates(tmp_path: Path, make_archive) -> None:
    db_path = make_archive(tmp_path, [m.Name(name="Synthetic One"), m.Name(name="Synthetic Two")])
    engine = open_engine(db_path)
    with Session(engine) as session, session.begin():
        session.add(m.Name(name="Synthetic Three"))
    finalize(engine)
    with engine.connect() as connection:
        ranks = connection.execute(text("SELECT rank, name_id FROM name_rank ORDER BY rank")).all()
        hits = connection.execute(
            text("SELECT count(*) FROM name_fts WHERE name_fts MATCH 'synthetic'")
        ).scalar()
    engine.dispose()
    assert [rank for rank, _ in ranks] == [1, 2, 3]
    assert hits == 3
