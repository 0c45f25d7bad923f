"""The timeline: eras and events in order.

A display date is the text's own wording (or its translation); when the text gives none the
record carries only the date parts, which the UI writes in the visitor's language.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from khojaly_kiosk.archive.models import TimelineEra, TimelineEvent
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
        with Session(self._ctx.engine) as session:
            rows = session.scalars(
                select(TimelineEra).order_by(
                    TimelineEra.sort_order, TimelineEra.start_year, TimelineEra.id
                )
            ).all()
            overlay = self._ctx.overlay(session, "timeline_era", lang)
            base = self._ctx.base_language(session)
        result = []
        for row in rows:
            text = overlay.localize(
                row.id, base,
                {"headline": row.headline, "text": row.text, "display_date": row.display_date},
            )
            result.append(
                EraRecord(
                    id=row.id,
                    headline=text["headline"],
                    display_date=text["display_date"],
                    start_year=row.start_year,
                    end_year=row.end_year,
                    text=text["text"],
                    start_month=row.start_month,
                    start_day=row.start_day,
                    end_month=row.end_month,
                    end_day=row.end_day,
                )
            )
        return result

    def _record(
        self, session: Session, row: TimelineEvent, overlay: Overlay, lang: str, media: dict,
        credit: Credits = NO_CREDITS,
    ) -> EventRecord:
        values = {name: getattr(row, name) or "" for name in _EVENT_FIELDS}
        text = overlay.localize(
            row.id, self._ctx.base_language(session), values, flag_fields=("headline", "text")
        )
        return EventRecord(
            id=row.id,
            era_id=row.era_id,
            display_date=text["display_date"],
            headline=text["headline"],
            text=text["text"],
            group=row.group,
            start_year=row.start_year,
            start_month=row.start_month,
            start_day=row.start_day,
            media=media.get(row.media_id) if row.media_id else None,
            media_url=row.media_url,
            media_caption=text["media_caption"],
            media_credit=text["media_credit"],
            alt_text=text["alt_text"],
            source=self._ctx.source(session, row.source_id),
            language=text.language,
            translated=text.translated,
            credit=text.credit,
            end_year=row.end_year,
            end_month=row.end_month,
            end_day=row.end_day,
            advisory=row.advisory or "none",
            editorial_year=row.editorial_year,
            quotes=credit.quotes,
            reports=credit.reports,
        )

    def events(self, lang: str = "en") -> list[EventRecord]:
        with Session(self._ctx.engine) as session:
            rows = session.scalars(
                select(TimelineEvent).order_by(
                    TimelineEvent.sort_order,
                    TimelineEvent.start_year,
                    TimelineEvent.start_month,
                    TimelineEvent.start_day,
                    TimelineEvent.id,
                )
            ).all()
            overlay = self._ctx.overlay(session, "timeline_event", lang)
            media = self._ctx.media(session, (row.media_id for row in rows), lang)
            credits = self._ctx.credits(session, "timeline_event")
            return [self._record(session, row, overlay, lang, media,
                                 credits.get(row.id, NO_CREDITS)) for row in rows]

    def get(self, event_id: str, lang: str = "en") -> EventRecord | None:
        with Session(self._ctx.engine) as session:
            row = session.get(TimelineEvent, event_id)
            if row is None:
                return None
            overlay = self._ctx.overlay(session, "timeline_event", lang, [row.id])
            media = self._ctx.media(session, [row.media_id], lang)
            credit = self._ctx.credits(session, "timeline_event", [row.id]).get(
                row.id, NO_CREDITS)
            return self._record(session, row, overlay, lang, media, credit)
