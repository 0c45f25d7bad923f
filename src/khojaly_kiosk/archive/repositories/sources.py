"""Sources, each with the items that cite it (the Sources screen), and the archive summary."""

from __future__ import annotations

import builtins
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.records import (
    ArchiveSummary,
    CitingItem,
    SourceRecord,
    SourceWithCitations,
    TranslationCoverage,
)
from khojaly_kiosk.archive.repositories._context import ArchiveContext
from khojaly_kiosk.archive.schema import (
    META_BUILT_AT,
    META_PACKAGE_VERSION,
    META_TITLE,
    META_TRANSLATION_COVERAGE,
)

# kind shown to the UI -> (model, label column, fallback label column, order columns)
_CITING = (
    # A testimony is known by its witness: the person's name before the (often empty) title.
    ("testimony", m.Testimony,
     select(m.Person.name).where(m.Person.id == m.Testimony.person_id).scalar_subquery(),
     m.Testimony.title, (m.Testimony.sort_order, m.Testimony.id)),
    ("event", m.TimelineEvent, m.TimelineEvent.headline, m.TimelineEvent.display_date,
     (m.TimelineEvent.sort_order, m.TimelineEvent.start_year, m.TimelineEvent.id)),
    ("statistic", m.Statistic, m.Statistic.label, m.Statistic.id,
     (m.Statistic.sort_order, m.Statistic.id)),
    ("recognition", m.Recognition, m.Recognition.name, m.Recognition.id,
     (m.Recognition.sort_order, m.Recognition.id)),
    ("monument", m.Monument, m.Monument.place, m.Monument.id,
     (m.Monument.sort_order, m.Monument.id)),
    ("passage", m.Passage, m.Passage.title, m.Passage.section,
     (m.Passage.sort_order, m.Passage.id)),
    ("name", m.Name, m.Name.name, m.Name.name, (m.Name.sort_key, m.Name.id)),
)

# attribution entity -> (kind, model, label, fallback, the column attribution rows name)
_BY_ENTITY: dict[str, tuple[str, Any, Any, Any, Any]] = {
    {"event": "timeline_event"}.get(kind, kind): (kind, model, label, fallback,
                                                  m.Name.name if model is m.Name else model.id)
    for kind, model, label, fallback, _order in _CITING
}

# Keys match ``content.bundle.ContentBundle.counts`` so an import can compare the two.
COUNTED = {
    "sources": m.Source,
    "testimonies": m.Testimony,
    "events": m.TimelineEvent,
    "eras": m.TimelineEra,
    "statistics": m.Statistic,
    "names": m.Name,
    "recognitions": m.Recognition,
    "monuments": m.Monument,
    "passages": m.Passage,
    "translations": m.Translation,
    "media": m.MediaAsset,
}


class SourceRepository:
    """``SourceRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def list(self, per_source: int = 50) -> list[SourceWithCitations]:
        """Every source in order, each with the first ``per_source`` rows citing it per kind.

        A names list may cite one source a million times: only the first rows are loaded,
        and ``total`` says how many there are.
        """
        with Session(self._ctx.engine) as session:
            sources = self._ctx.sources(session)
            citing: dict[str, list[CitingItem]] = defaultdict(list)
            totals: dict[str, int] = defaultdict(int)
            for kind, model, label, fallback, order in _CITING:
                cited = model.source_id.is_not(None)
                counts = session.execute(
                    select(model.source_id, func.count()).where(cited).group_by(model.source_id))
                for source_id, count in counts:
                    totals[str(source_id)] += int(count)
                rank = func.row_number().over(partition_by=model.source_id, order_by=order)
                ranked = (select(model.source_id, model.id, label.label("label"),
                                 fallback.label("fallback"), rank.label("rank"))
                          .where(cited).subquery())
                rows = session.execute(
                    select(ranked.c.source_id, ranked.c.id, ranked.c.label, ranked.c.fallback)
                    .where(ranked.c.rank <= per_source).order_by(ranked.c.rank))
                for source_id, item_id, text, other in rows:
                    item = CitingItem(kind, str(item_id), text or other or "")
                    citing[str(source_id)].append(item)
            for source_id, item in self._credited(session):
                totals[source_id] += 1
                if sum(1 for i in citing[source_id] if i.relation) < per_source:
                    citing[source_id].append(item)
        return [
            SourceWithCitations(source, tuple(citing.get(source_id, ())),
                                totals.get(source_id, 0))
            for source_id, source in sources.items()
        ]

    def _credited(self, session: Session) -> builtins.list[tuple[str, CitingItem]]:
        """Items that quote or report a source (``attribution`` rows), one per item and source."""
        if not inspect(session.connection()).has_table(m.Attribution.__tablename__):
            return []
        rows = session.execute(
            select(m.Attribution.source_id, m.Attribution.entity, m.Attribution.entity_id,
                   m.Attribution.relation)
            .where(m.Attribution.source_id.is_not(None))
            .order_by(m.Attribution.id)).all()
        labels = {entity: self._labels(session, entity, {r.entity_id for r in rows
                                                         if r.entity == entity})
                  for entity in {r.entity for r in rows}}
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
    def _labels(session: Session, entity: str, ids: set[str]) -> dict[str, tuple[str, str, str]]:
        """entity_id -> (kind shown to the UI, item id, label) for ``ids`` of ``entity``."""
        spec = _BY_ENTITY.get(entity)
        if spec is None:
            return {}
        kind, model, label, fallback, key = spec
        found: dict[str, tuple[str, str, str]] = {}
        for item_key, item_id, text, other in session.execute(
                select(key, model.id, label, fallback).where(key.in_(ids))):
            found.setdefault(str(item_key), (kind, str(item_id), text or other or ""))
        return found

    def get(self, source_id: str) -> SourceRecord | None:
        with Session(self._ctx.engine) as session:
            return self._ctx.source(session, source_id)


def summarize(context: ArchiveContext) -> ArchiveSummary:
    """Counts per table and the build facts from ``archive_meta``."""
    with Session(context.engine) as session:
        counts = {
            key: session.scalar(select(func.count()).select_from(model)) or 0
            for key, model in COUNTED.items()
        }
        meta = {
            key: value
            for key, value in session.execute(select(m.ArchiveMeta.key, m.ArchiveMeta.value))
        }
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
