"""Commemorated names: alphabetical pages and a prefix search across scripts and spellings."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from sqlite3 import Connection

from khojaly_kiosk.archive.reader import in_list
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

    def _records(self, db: Connection, ids: Sequence[int]) -> list[NameRecord]:
        if not ids:
            return []
        among, params = in_list("id", ids)
        rows = {row["id"]: row for row in db.execute(
            "SELECT id, name, age, birth_year, village, category, passage, source_id, advisory "
            f"FROM name WHERE {among}", params)}
        credits = self._ctx.credits(db, "name", {row["name"] for row in rows.values()})
        result = []
        for name_id in ids:
            row = rows.get(name_id)
            if row is None:
                continue
            credit = credits.get(row["name"], NO_CREDITS)
            result.append(
                NameRecord(
                    id=row["id"],
                    name=row["name"],
                    age=row["age"],
                    birth_year=row["birth_year"],
                    village=row["village"],
                    category=row["category"],
                    passage=row["passage"],
                    source=self._ctx.source(db, row["source_id"]),
                    advisory=row["advisory"] or "none",
                    quotes=credit.quotes,
                    reports=credit.reports,
                )
            )
        return result

    def count(self) -> int:
        with self._ctx.reader.connection() as db:
            return int(db.execute("SELECT count(*) FROM name").fetchone()[0] or 0)

    def page(self, offset: int, limit: int) -> list[NameRecord]:
        """Names ``offset`` .. ``offset + limit`` in alphabetical order.

        Seeks by alphabetical rank rather than OFFSET, so the last page costs what the first does.
        """
        offset, limit = max(0, int(offset)), max(0, min(int(limit), MAX_LIMIT))
        if limit == 0:
            return []
        with self._ctx.reader.connection() as db:
            ids = [row[0] for row in db.execute(
                f"SELECT name_id FROM {RANK_TABLE} WHERE rank > ? AND rank <= ? ORDER BY rank",
                (offset, offset + limit))]
            return self._records(db, ids)

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
        with self._ctx.reader.connection() as db:
            ids = search_name_ids(db, query, limit)
            found = self._records(db, ids)
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
        with self._ctx.reader.connection() as db:
            found = self._records(db, [name_id])
            if not found:
                return None
            record = found[0]
            if not record.passage:
                return record
            # The passage is a verbatim excerpt: the testimony that contains it is its speaker's.
            hit = db.execute(
                "SELECT testimony.id, person.name, person.role FROM testimony "
                "JOIN person ON person.id = testimony.person_id "
                "WHERE instr(testimony.body, ?) > 0 "
                "ORDER BY testimony.sort_order, testimony.id LIMIT 1",
                (record.passage,)).fetchone()
        if hit is None:
            return record
        return replace(record, testimony_id=hit[0], speaker=hit[1], speaker_role=hit[2])
