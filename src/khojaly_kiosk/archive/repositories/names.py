"""Commemorated names: alphabetical pages and a prefix search across scripts and spellings."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from khojaly_kiosk.archive.models import Name, Person, Testimony
from khojaly_kiosk.archive.records import NameRecord
from khojaly_kiosk.archive.repositories._context import NO_CREDITS, ArchiveContext
from khojaly_kiosk.archive.search import RANK_TABLE, search_name_ids
from khojaly_kiosk.archive.transliterate import query_words

MAX_LIMIT = 500  # one screenful is ~50; a bound keeps a bad caller from loading a million rows
RECENT_SEARCHES = 256  # a generation never changes: the answers to recent searches are kept


class NameRepository:
    """``NameRepo`` over SQLite. Requires ``schema.finalize`` to have built the index."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context
        # The first letters of a name are typed by visitor after visitor, and cost the most
        # (they match the most names): their answers are kept, per generation, in memory only.
        self._recent: OrderedDict[tuple[object, ...], list[NameRecord]] = OrderedDict()
        self._lock = threading.Lock()

    def _records(self, session: Session, ids: Sequence[int]) -> list[NameRecord]:
        if not ids:
            return []
        # Plain columns on the connection, not ORM objects: this runs on every keystroke.
        columns = (Name.id, Name.name, Name.age, Name.birth_year, Name.village, Name.category,
                   Name.passage, Name.source_id, Name.advisory)
        rows = {row.id: row for row in session.connection().execute(
            select(*columns).where(Name.id.in_(ids)))}
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
        """Names whose words start with every word typed, in any script or spelling: those
        spelt as typed first, then those that sound alike, each alphabetical."""
        limit = max(0, min(int(limit), MAX_LIMIT))
        key = (tuple(query_words(query)), limit)
        with self._lock:
            kept = self._recent.get(key)
            if kept is not None:
                self._recent.move_to_end(key)
                return list(kept)
        with Session(self._ctx.engine) as session:
            ids = search_name_ids(session.connection(), query, limit)
            found = self._records(session, ids)
        with self._lock:
            self._recent[key] = found
            while len(self._recent) > RECENT_SEARCHES:
                self._recent.popitem(last=False)
        return list(found)

    def forget_recent(self) -> None:
        """Drop the kept answers (benchmarks measure the cold search with it)."""
        with self._lock:
            self._recent.clear()

    def get(self, name_id: int) -> NameRecord | None:
        """One name with everything the archive holds about it, and who speaks its passage."""
        with Session(self._ctx.engine) as session:
            found = self._records(session, [name_id])
            if not found:
                return None
            record = found[0]
            if not record.passage:
                return record
            # The passage is a verbatim excerpt: the testimony that contains it is its speaker's.
            hit = session.execute(
                select(Testimony.id, Person.name, Person.role)
                .join(Person, Person.id == Testimony.person_id)
                .where(func.instr(Testimony.body, record.passage) > 0)
                .order_by(Testimony.sort_order, Testimony.id)
                .limit(1)
            ).first()
        if hit is None:
            return record
        return replace(record, testimony_id=hit[0], speaker=hit[1], speaker_role=hit[2])
