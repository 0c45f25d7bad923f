"""Creating and finishing an archive file's schema (tables, the FTS5 name index)."""

from __future__ import annotations

from sqlalchemy import Engine

from khojaly_kiosk.archive.models import Base


def create_schema(engine: Engine) -> None:
    """Create every table and the FTS5 name index in an empty archive file."""
    Base.metadata.create_all(engine)


def finalize(engine: Engine) -> None:
    """After all rows are written: fill the name search index, ANALYZE, optimise."""
