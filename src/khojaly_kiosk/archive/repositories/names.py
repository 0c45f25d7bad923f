"""Commemorated names: alphabetical pages and accent-insensitive prefix search."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from khojaly_kiosk.archive.models import Name
from khojaly_kiosk.archive.records import NameRecord
from khojaly_kiosk.archive.repositories._context import NO_CREDITS, ArchiveContext
from khojaly_kiosk.archive.search import RANK_TABLE, search_name_ids

MAX_LIMIT = 500  # one screenful is ~50; a bound keeps a bad caller from loading a million rows


class NameRepository:
    """``NameRepo`` over SQLite. Requires ``schema.finalize`` to have built the index."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def _records(self, session: Session, ids: Sequence[int]) -> list[NameRecord]:
        if not ids:
            return []
        rows = {row.id: row for row in session.scalars(select(Name).where(Name.id.in_(ids)))}
        credits = self._ctx.credits(session, "name", {row.name for row in rows.values()})
        result = []
        for name_id in ids:
            row = rows.get(name_id)
            if row is None:
                continue
            result.append(
                NameRecord(
                    id=row.id,
                    name=row.name,
                    age=row.age,
                    birth_year=row.birth_year,
                    village=row.village,
                    category=row.category,
                    passage=row.passage,
                    source=self._ctx.source(session, row.source_id),
                    advisory=row.advisory or "none",
                    quotes=credits.get(row.name, NO_CREDITS).quotes,
                    reports=credits.get(row.name, NO_CREDITS).reports,
                )
            )
        return result

    def count(self) -> int:
        with Session(self._ctx.engine) as session:
            return session.scalar(select(func.count()).select_from(Name)) or 0

    def page(self, offset: int, limit: int) -> list[NameRecord]:
        """Names ``offset`` .. ``offset + limit`` in alphabetical order.

        Seeks by alphabetical rank rather than OFFSET, so the last page costs what the first does.
        """
        offset, limit = max(0, int(offset)), max(0, min(int(limit), MAX_LIMIT))
        if limit == 0:
            return []
        statement = text(
            f"SELECT name_id FROM {RANK_TABLE} WHERE rank > :low AND rank <= :high ORDER BY rank"
        )
        with Session(self._ctx.engine) as session:
            ids = list(
                session.execute(statement, {"low": offset, "high": offset + limit}).scalars()
            )
            return self._records(session, ids)

    def search(self, query: str, limit: int = 50) -> list[NameRecord]:
        """Names whose words start with every word typed, in alphabetical order."""
        limit = max(0, min(int(limit), MAX_LIMIT))
        with Session(self._ctx.engine) as session:
            ids = search_name_ids(session.connection(), query, limit)
            return self._records(session, ids)

    def get(self, name_id: int) -> NameRecord | None:
        with Session(self._ctx.engine) as session:
            found = self._records(session, [name_id])
        return found[0] if found else None
