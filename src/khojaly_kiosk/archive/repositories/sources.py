"""Sources, each with the items that cite it (the Sources screen), and the archive summary."""

from __future__ import annotations

import builtins
import json
from collections import defaultdict
from dataclasses import dataclass
from sqlite3 import Connection

from khojaly_kiosk.archive.layout import (
    COUNTED,
    META_BUILT_AT,
    META_PACKAGE_VERSION,
    META_TITLE,
    META_TRANSLATION_COVERAGE,
)
from khojaly_kiosk.archive.reader import in_list
from khojaly_kiosk.archive.records import (
    ArchiveSummary,
    CitingItem,
    SourceRecord,
    SourceWithCitations,
    TranslationCoverage,
)
from khojaly_kiosk.archive.repositories._context import ArchiveContext

__all__ = ["COUNTED", "SourceRepository", "summarize", "translation_coverage"]


@dataclass(frozen=True)
class _Citing:
    """How items of one table cite sources: what the UI calls them, how they are labelled
    (a fallback when the label is empty), their order, and the column attribution rows name."""

    kind: str
    table: str
    label: str
    fallback: str
    order: str
    key: str = "id"


_CITING = (
    # A testimony is known by its witness: the person's name before the (often empty) title.
    _Citing("testimony", "testimony",
            "(SELECT person.name FROM person WHERE person.id = testimony.person_id)",
            "testimony.title", "testimony.sort_order, testimony.id"),
    _Citing("event", "timeline_event", "timeline_event.headline", "timeline_event.display_date",
            "timeline_event.sort_order, timeline_event.start_year, timeline_event.id"),
    _Citing("statistic", "statistic", "statistic.label", "statistic.id",
            "statistic.sort_order, statistic.id"),
    _Citing("recognition", "recognition", "recognition.name", "recognition.id",
            "recognition.sort_order, recognition.id"),
    _Citing("monument", "monument", "monument.place", "monument.id",
            "monument.sort_order, monument.id"),
    _Citing("passage", "passage", "passage.title", "passage.section",
            "passage.sort_order, passage.id"),
    _Citing("name", "name", "name.name", "name.name", "name.sort_key, name.id", key="name"),
)

# attribution entity (a table name) -> how its items cite
_BY_ENTITY = {citing.table: citing for citing in _CITING}


class SourceRepository:
    """``SourceRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def list(self, per_source: int = 50) -> list[SourceWithCitations]:
        """Every source in order, each with the first ``per_source`` rows citing it per kind.

        A names list may cite one source a million times: only the first rows are loaded,
        and ``total`` says how many there are.
        """
        with self._ctx.reader.connection() as db:
            sources = self._ctx.sources(db)
            citing: dict[str, list[CitingItem]] = defaultdict(list)
            totals: dict[str, int] = defaultdict(int)
            for spec in _CITING:
                table = spec.table
                counts = db.execute(
                    f"SELECT source_id, count(*) FROM {table} WHERE source_id IS NOT NULL "
                    "GROUP BY source_id")
                for source_id, count in counts:
                    totals[str(source_id)] += int(count)
                rows = db.execute(
                    "SELECT source_id, id, label, fallback FROM ("
                    f"SELECT {table}.source_id AS source_id, {table}.id AS id, "
                    f"{spec.label} AS label, {spec.fallback} AS fallback, "
                    f"row_number() OVER (PARTITION BY {table}.source_id ORDER BY {spec.order}) "
                    f"AS rank FROM {table} WHERE {table}.source_id IS NOT NULL"
                    ") WHERE rank <= ? ORDER BY rank", (per_source,))
                for source_id, item_id, text, other in rows:
                    item = CitingItem(spec.kind, str(item_id), text or other or "")
                    citing[str(source_id)].append(item)
            for source_id, item in self._credited(db):
                totals[source_id] += 1
                if sum(1 for i in citing[source_id] if i.relation) < per_source:
                    citing[source_id].append(item)
        return [
            SourceWithCitations(source, tuple(citing.get(source_id, ())),
                                totals.get(source_id, 0))
            for source_id, source in sources.items()
        ]

    def _credited(self, db: Connection) -> builtins.list[tuple[str, CitingItem]]:
        """Items that quote or report a source (``attribution`` rows), one per item and source."""
        if not self._ctx.has_table(db, "attribution"):
            return []
        rows = db.execute(
            "SELECT source_id, entity, entity_id, relation FROM attribution "
            "WHERE source_id IS NOT NULL ORDER BY id").fetchall()
        labels = {entity: self._labels(db, entity, {r["entity_id"] for r in rows
                                                    if r["entity"] == entity})
                  for entity in {r["entity"] for r in rows}}
        seen: set[tuple[str, str, str]] = set()
        result = []
        for source_id, entity, entity_id, relation in rows:
            found = labels[entity].get(entity_id)
            key = (str(source_id), entity, entity_id)
            if found is None or key in seen:
                continue  # a report of a source the item also quotes is listed once
            seen.add(key)
            kind, item_id, label = found
            result.append((str(source_id), CitingItem(kind, item_id, label, relation)))
        return result

    @staticmethod
    def _labels(db: Connection, entity: str, ids: set[str]) -> dict[str, tuple[str, str, str]]:
        """entity_id -> (kind shown to the UI, item id, label) for ``ids`` of ``entity``."""
        spec = _BY_ENTITY.get(entity)
        if spec is None:
            return {}
        table = spec.table
        among, params = in_list(f"{table}.{spec.key}", ids)
        found: dict[str, tuple[str, str, str]] = {}
        for item_key, item_id, text, other in db.execute(
                f"SELECT {table}.{spec.key}, {table}.id, {spec.label}, {spec.fallback} "
                f"FROM {table} WHERE {among}", params):
            found.setdefault(str(item_key), (spec.kind, str(item_id), text or other or ""))
        return found

    def get(self, source_id: str) -> SourceRecord | None:
        with self._ctx.reader.connection() as db:
            return self._ctx.source(db, source_id)


def summarize(context: ArchiveContext) -> ArchiveSummary:
    """Counts per table and the build facts from ``archive_meta``."""
    with context.reader.connection() as db:
        counts = {key: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] or 0)
                  for key, table in COUNTED.items()}
        meta = {str(key): str(value or "")
                for key, value in db.execute("SELECT key, value FROM archive_meta")}
    try:
        version = int(meta.get(META_PACKAGE_VERSION, "0") or 0)
    except ValueError:
        version = 0
    return ArchiveSummary(
        generation=context.generation,
        package_version=version,
        title=meta.get(META_TITLE, ""),
        built_at=meta.get(META_BUILT_AT, ""),
        counts=counts,
        coverage=translation_coverage(meta.get(META_TRANSLATION_COVERAGE, "")),
    )


def translation_coverage(stored: str) -> tuple[TranslationCoverage, ...]:
    """The coverage the build recorded (``archive_meta``); () when absent or unreadable."""
    try:
        items = json.loads(stored) if stored else []
        return tuple(
            TranslationCoverage(str(i["language"]), int(i["total"]), int(i["current"]),
                                int(i.get("stale", 0)))
            for i in items
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return ()  # an older or damaged value: say nothing rather than something wrong
