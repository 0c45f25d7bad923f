"""The timeline: eras and events in order, with a display date always filled when possible."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from khojaly_kiosk.archive.models import TimelineEra, TimelineEvent
from khojaly_kiosk.archive.records import EraRecord, EventRecord
from khojaly_kiosk.archive.repositories._context import ArchiveContext, Overlay

# TODO(i18n): month names are English here; the UI should format dates with QLocale from
# the year/month/day parts when the display date was built rather than given by the text.
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


def format_date(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """``"1992"``, ``"October 1991"`` or ``"26 February 1992"`` from the parts the text gives."""
    if year is None:
        return ""
    if month is None or not 1 <= month <= 12:
        return str(year)
    if day is None:
        return f"{MONTHS[month - 1]} {year}"
    return f"{day} {MONTHS[month - 1]} {year}"


def build_display_date(
    start: tuple[int | None, int | None, int | None],
    end: tuple[int | None, int | None, int | None] = (None, None, None),
) -> str:
    """A date or a range ("1988 – 1994") when the text gives no display date of its own."""
    first, last = format_date(*start), format_date(*end)
    if first and last and last != first:
        return f"{first} – {last}"
    return first or last


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
            display = row.display_date or build_display_date(
                (row.start_year, row.start_month, row.start_day),
                (row.end_year, row.end_month, row.end_day),
            )
            text = overlay.localize(
                row.id, base, {"headline": row.headline, "text": row.text, "display_date": display}
            )
            result.append(
                EraRecord(
                    id=row.id,
                    headline=text["headline"],
                    display_date=text["display_date"],
                    start_year=row.start_year,
                    end_year=row.end_year,
                    text=text["text"],
                )
            )
        return result

    def _record(
        self, session: Session, row: TimelineEvent, overlay: Overlay, lang: str, media: dict
    ) -> EventRecord:
        values = {name: getattr(row, name) for name in _EVENT_FIELDS}
        values["display_date"] = row.display_date or build_display_date(
            (row.start_year, row.start_month, row.start_day),
            (row.end_year, row.end_month, row.end_day),
        )
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
            date_given=bool(row.display_date) or text["display_date"] != values["display_date"],
            end_year=row.end_year,
            end_month=row.end_month,
            end_day=row.end_day,
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
            return [self._record(session, row, overlay, lang, media) for row in rows]

    def get(self, event_id: str, lang: str = "en") -> EventRecord | None:
        with Session(self._ctx.engine) as session:
            row = session.get(TimelineEvent, event_id)
            if row is None:
                return None
            overlay = self._ctx.overlay(session, "timeline_event", lang, [row.id])
            media = self._ctx.media(session, [row.media_id], lang)
            return self._record(session, row, overlay, lang, media)
