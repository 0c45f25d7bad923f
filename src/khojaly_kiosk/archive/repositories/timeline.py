"""The timeline: eras and events in order.

A display date is the text's own wording (or its translation); when the text gives none the
record carries only the date parts, which the UI writes in the visitor's language.
"""

from __future__ import annotations

from sqlite3 import Connection, Row

from khojaly_kiosk.archive.records import EraRecord, EventRecord
from khojaly_kiosk.archive.repositories._context import (
    NO_CREDITS,
    ArchiveContext,
    Credits,
    Overlay,
)

_EVENT_FIELDS = ("display_date", "headline", "text", "media_caption", "media_credit", "alt_text")


class TimelineRepository:
    """``TimelineRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def eras(self, lang: str = "en") -> list[EraRecord]:
        with self._ctx.reader.connection() as db:
            rows = db.execute(
                "SELECT * FROM timeline_era ORDER BY sort_order, start_year, id").fetchall()
            overlay = self._ctx.overlay(db, "timeline_era", lang)
            base = self._ctx.base_language(db)
        result = []
        for row in rows:
            text = overlay.localize(
                row["id"], base,
                {"headline": row["headline"], "text": row["text"],
                 "display_date": row["display_date"]},
            )
            result.append(
                EraRecord(
                    id=row["id"],
                    headline=text["headline"],
                    display_date=text["display_date"],
                    start_year=row["start_year"],
                    end_year=row["end_year"],
                    text=text["text"],
                    start_month=row["start_month"],
                    start_day=row["start_day"],
                    end_month=row["end_month"],
                    end_day=row["end_day"],
                )
            )
        return result

    def _record(
        self, db: Connection, row: Row, overlay: Overlay, lang: str, media: dict,
        credit: Credits = NO_CREDITS,
    ) -> EventRecord:
        values = {name: row[name] or "" for name in _EVENT_FIELDS}
        text = overlay.localize(
            row["id"], self._ctx.base_language(db), values, flag_fields=("headline", "text")
        )
        return EventRecord(
            id=row["id"],
            era_id=row["era_id"],
            display_date=text["display_date"],
            headline=text["headline"],
            text=text["text"],
            group=row["group"],
            start_year=row["start_year"],
            start_month=row["start_month"],
            start_day=row["start_day"],
            media=media.get(row["media_id"]) if row["media_id"] else None,
            media_url=row["media_url"],
            media_caption=text["media_caption"],
            media_credit=text["media_credit"],
            alt_text=text["alt_text"],
            source=self._ctx.source(db, row["source_id"]),
            language=text.language,
            translated=text.translated,
            credit=text.credit,
            end_year=row["end_year"],
            end_month=row["end_month"],
            end_day=row["end_day"],
            advisory=row["advisory"] or "none",
            editorial_year=row["editorial_year"],
            quotes=credit.quotes,
            reports=credit.reports,
        )

    def events(self, lang: str = "en") -> list[EventRecord]:
        with self._ctx.reader.connection() as db:
            rows = db.execute(
                "SELECT * FROM timeline_event "
                "ORDER BY sort_order, start_year, start_month, start_day, id").fetchall()
            overlay = self._ctx.overlay(db, "timeline_event", lang)
            media = self._ctx.media(db, (row["media_id"] for row in rows), lang)
            credits = self._ctx.credits(db, "timeline_event")
            return [self._record(db, row, overlay, lang, media,
                                 credits.get(row["id"], NO_CREDITS)) for row in rows]

    def get(self, event_id: str, lang: str = "en") -> EventRecord | None:
        with self._ctx.reader.connection() as db:
            row = db.execute("SELECT * FROM timeline_event WHERE id = ?",
                             (event_id,)).fetchone()
            if row is None:
                return None
            own_id = row["id"]
            overlay = self._ctx.overlay(db, "timeline_event", lang, [own_id])
            media = self._ctx.media(db, [row["media_id"]], lang)
            credit = self._ctx.credits(db, "timeline_event", [own_id]).get(own_id, NO_CREDITS)
            return self._record(db, row, overlay, lang, media, credit)
