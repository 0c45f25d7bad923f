"""The sentences the curator chose for the attract loop, each with its item's credit."""

from __future__ import annotations

from khojaly_kiosk.archive.records import AttractQuote
from khojaly_kiosk.archive.repositories._context import NO_CREDITS, ArchiveContext

# entity -> the row of its item: where its document (source_id) and language are found
_ITEMS: dict[str, str] = {
    "testimony": "SELECT source_id, language FROM testimony WHERE id = ? LIMIT 1",
    "passage": "SELECT source_id, '' AS language FROM passage WHERE id = ? LIMIT 1",
    "timeline_event": "SELECT source_id, '' AS language FROM timeline_event WHERE id = ? LIMIT 1",
    "statistic": "SELECT source_id, '' AS language FROM statistic WHERE id = ? LIMIT 1",
    "recognition": "SELECT source_id, '' AS language FROM recognition WHERE id = ? LIMIT 1",
    "monument": "SELECT source_id, '' AS language FROM monument WHERE id = ? LIMIT 1",
    # a name is known by the name itself (the first row of that name)
    "name": "SELECT source_id, '' AS language FROM name WHERE name = ? ORDER BY id LIMIT 1",
}
_KINDS = {"timeline_event": "event"}


class AttractRepository:
    """``AttractRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def quotes(self, lang: str = "en") -> list[AttractQuote]:
        """The chosen sentences in order, each credited as its item is (in its own language:
        a sentence is shown as the text gives it)."""
        with self._ctx.reader.connection() as db:
            if not self._ctx.has_table(db, "attract_quote"):
                return []  # a generation built before attract quotes existed
            rows = db.execute(
                "SELECT entity, entity_id, text FROM attract_quote ORDER BY position").fetchall()
            result = []
            for entity, entity_id, text in rows:
                query = _ITEMS.get(entity)
                if query is None:
                    continue
                item = db.execute(query, (entity_id,)).fetchone()
                if item is None:
                    continue
                credit = self._ctx.credits(db, entity, [entity_id]).get(entity_id, NO_CREDITS)
                language = item["language"] or self._ctx.base_language(db)
                result.append(AttractQuote(
                    text=text, kind=_KINDS.get(entity, entity),
                    item_id=entity_id,
                    source=self._ctx.source(db, item["source_id"]),
                    # Only the spans that hold the sentence: other quotes of the item are
                    # not what the loop shows.
                    quotes=tuple(q for q in credit.quotes if text in q.text),
                    language=language,
                ))  # fmt: skip
            return result
