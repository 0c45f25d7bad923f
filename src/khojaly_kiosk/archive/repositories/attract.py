"""The sentences the curator chose for the attract loop, each with its item's credit."""

from __future__ import annotations

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.records import AttractQuote
from khojaly_kiosk.archive.repositories._context import NO_CREDITS, ArchiveContext

# entity -> (model, its id column): where an item's document (source_id) is found
_ITEMS: dict[str, tuple[type[m.Base], str]] = {
    "testimony": (m.Testimony, "id"),
    "passage": (m.Passage, "id"),
    "timeline_event": (m.TimelineEvent, "id"),
    "statistic": (m.Statistic, "id"),
    "recognition": (m.Recognition, "id"),
    "monument": (m.Monument, "id"),
    "name": (m.Name, "name"),
}
_KINDS = {"timeline_event": "event"}


class AttractRepository:
    """``AttractRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def quotes(self, lang: str = "en") -> list[AttractQuote]:
        """The chosen sentences in order, each credited as its item is (in its own language:
        a sentence is shown as the text gives it)."""
        with Session(self._ctx.engine) as session:
            if not inspect(session.connection()).has_table(m.AttractQuote.__tablename__):
                return []  # a generation built before attract quotes existed
            rows = session.scalars(select(m.AttractQuote).order_by(m.AttractQuote.position))
            result = []
            for row in rows.all():
                model, key = _ITEMS.get(row.entity, (None, ""))
                if model is None:
                    continue
                item = session.scalars(
                    select(model).where(getattr(model, key) == row.entity_id)).first()
                if item is None:
                    continue
                credit = self._ctx.credits(session, row.entity, [row.entity_id]).get(
                    row.entity_id, NO_CREDITS)
                language = getattr(item, "language", "") or self._ctx.base_language(session)
                result.append(AttractQuote(
                    text=row.text, kind=_KINDS.get(row.entity, row.entity),
                    item_id=row.entity_id,
                    source=self._ctx.source(session, getattr(item, "source_id", None)),
                    # Only the spans that hold the sentence: other quotes of the item are
                    # not what the loop shows.
                    quotes=tuple(q for q in credit.quotes if row.text in q.text),
                    language=language,
                ))  # fmt: skip
            return result
