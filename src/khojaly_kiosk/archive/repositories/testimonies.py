"""Testimonies: cards for the list, the full text with its neighbours for reading."""

from __future__ import annotations

import re

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from khojaly_kiosk.archive.models import Person, Testimony, TestimonySegment
from khojaly_kiosk.archive.records import SegmentRecord, TestimonyRecord, TestimonySummary
from khojaly_kiosk.archive.repositories._context import (
    NO_CREDITS,
    ArchiveContext,
    Localized,
    Overlay,
)

EXCERPT_CHARS = 200
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs are separated by a blank line; a single line break inside one is a space
    (bodies in TOML files are often hard-wrapped)."""
    parts = (_SPACES.sub(" ", part).strip() for part in _BLANK_LINE.split(body))
    return tuple(part for part in parts if part)


def excerpt(body: str, limit: int = EXCERPT_CHARS) -> str:
    """The first ~``limit`` characters of ``body``, cut at a word boundary, with '…'."""
    flat = _SPACES.sub(" ", body).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit + 1]
    space = cut.rfind(" ")
    # A single very long word has no boundary to cut at: cut inside it rather than show nothing.
    cut = cut[:space] if space > limit // 2 else flat[:limit]
    return cut.rstrip(" ,;:.-–—") + "…"


def _base_query() -> Select[Testimony, Person]:
    return (
        select(Testimony, Person)
        .outerjoin(Person, Person.id == Testimony.person_id)
        .order_by(Testimony.sort_order, Testimony.id)
    )


class TestimonyRepository:
    """``TestimonyRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def _localize(
        self, testimony: Testimony, person: Person | None, text: Overlay, people: Overlay
    ) -> tuple[Localized, Localized]:
        own = text.localize(
            testimony.id, testimony.language,
            {"title": testimony.title, "body": testimony.body},
            flag_fields=("title", "body"),
        )
        who = people.localize(
            person.id if person else "", testimony.language,
            {"name": person.name if person else "", "role": person.role if person else ""},
        )
        return own, who

    def list(self, lang: str = "en", group: str | None = None) -> list[TestimonySummary]:
        statement = _base_query()
        if group is not None:
            statement = statement.where(Testimony.group == group)
        with Session(self._ctx.engine) as session:
            rows = session.execute(statement).all()
            text = self._ctx.overlay(session, "testimony", lang)
            people = self._ctx.overlay(session, "person", lang)
            credits = self._ctx.credits(session, "testimony")
            sources = {t.id: self._ctx.source(session, t.source_id) for t, _p in rows}
        result = []
        for testimony, person in rows:
            own, who = self._localize(testimony, person, text, people)
            credit = credits.get(testimony.id, NO_CREDITS)
            result.append(
                TestimonySummary(
                    id=testimony.id,
                    person_name=who["name"],
                    role=who["role"],
                    title=own["title"],
                    # An advised account shows no words of its own before its advisory.
                    excerpt="" if testimony.advisory != "none" else excerpt(own["body"]),
                    advisory=testimony.advisory,
                    group=testimony.group,
                    language=own.language,
                    translated=own.translated,
                    source=sources[testimony.id],
                    quotes=credit.quotes,
                    reports=credit.reports,
                )
            )
        return result

    def _segments(
        self, session: Session, testimony: Testimony, lang: str
    ) -> tuple[SegmentRecord, ...]:
        rows = session.scalars(
            select(TestimonySegment)
            .where(TestimonySegment.testimony_id == testimony.id)
            .order_by(TestimonySegment.position, TestimonySegment.id)
        ).all()
        overlay = self._ctx.overlay(session, "testimony_segment", lang, [str(r.id) for r in rows])
        result = []
        for row in rows:
            text = overlay.localize(
                str(row.id), testimony.language,
                {"title": row.title, "synopsis": row.synopsis, "keywords": row.keywords},
            )
            keywords = tuple(k.strip() for k in text["keywords"].split(";") if k.strip())
            result.append(
                SegmentRecord(
                    position=row.position,
                    title=text["title"],
                    synopsis=text["synopsis"],
                    keywords=keywords,
                    start_seconds=row.start_seconds,
                    paragraph=row.paragraph,
                )
            )
        return tuple(result)

    def get(self, testimony_id: str, lang: str = "en") -> TestimonyRecord | None:
        """One testimony; previous/next follow ``sort_order`` within its group's list."""
        with Session(self._ctx.engine) as session:
            found = session.execute(
                _base_query().where(Testimony.id == testimony_id)
            ).first()
            if found is None:
                return None
            testimony, person = found
            text = self._ctx.overlay(session, "testimony", lang, [testimony.id])
            people = self._ctx.overlay(session, "person", lang, [person.id] if person else [])
            own, who = self._localize(testimony, person, text, people)
            neighbours = session.scalars(
                select(Testimony.id)
                .where(Testimony.group == testimony.group)
                .order_by(Testimony.sort_order, Testimony.id)
            ).all()
            index = neighbours.index(testimony.id)
            media = self._ctx.media(session, [testimony.media_id], lang)
            credit = self._ctx.credits(session, "testimony", [testimony.id]).get(
                testimony.id, NO_CREDITS)
            return TestimonyRecord(
                id=testimony.id,
                person_name=who["name"],
                role=who["role"],
                title=own["title"],
                paragraphs=split_paragraphs(own["body"]),
                advisory=testimony.advisory,
                group=testimony.group,
                language=own.language,
                source=self._ctx.source(session, testimony.source_id),
                media=media.get(testimony.media_id) if testimony.media_id else None,
                segments=self._segments(session, testimony, lang),
                translated=own.translated,
                credit=own.credit,
                previous_id=neighbours[index - 1] if index > 0 else None,
                next_id=neighbours[index + 1] if index + 1 < len(neighbours) else None,
                quotes=credit.quotes,
                reports=credit.reports,
            )
