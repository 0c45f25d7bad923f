"""Testimonies: cards for the list, the full text with its neighbours for reading."""

from __future__ import annotations

import re
from sqlite3 import Connection, Row

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


# A testimony with its witness (``person_*`` are NULL when it names none).
_SELECT = (
    'SELECT t.id, t.title, t.body, t.language, t.advisory, t."group", t.source_id, '
    "t.media_id, p.id AS person_id, p.name AS person_name, p.role AS person_role "
    "FROM testimony AS t LEFT JOIN person AS p ON p.id = t.person_id"
)
_ORDER = " ORDER BY t.sort_order, t.id"


class TestimonyRepository:
    """``TestimonyRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    @staticmethod
    def _localize(row: Row, text: Overlay, people: Overlay) -> tuple[Localized, Localized]:
        own = text.localize(
            row["id"], row["language"],
            {"title": row["title"], "body": row["body"]},
            flag_fields=("title", "body"),
        )
        has_person = row["person_id"] is not None
        who = people.localize(
            row["person_id"] if has_person else "", row["language"],
            {"name": row["person_name"] if has_person else "",
             "role": row["person_role"] if has_person else ""},
        )
        return own, who

    def list(self, lang: str = "en", group: str | None = None) -> list[TestimonySummary]:
        with self._ctx.reader.connection() as db:
            if group is None:
                rows = db.execute(_SELECT + _ORDER).fetchall()
            else:
                rows = db.execute(_SELECT + ' WHERE t."group" = ?' + _ORDER, (group,)).fetchall()
            text = self._ctx.overlay(db, "testimony", lang)
            people = self._ctx.overlay(db, "person", lang)
            credits = self._ctx.credits(db, "testimony")
            sources = {row["id"]: self._ctx.source(db, row["source_id"]) for row in rows}
        result = []
        for row in rows:
            own, who = self._localize(row, text, people)
            credit = credits.get(row["id"], NO_CREDITS)
            result.append(
                TestimonySummary(
                    id=row["id"],
                    person_name=who["name"],
                    role=who["role"],
                    title=own["title"],
                    # An advised account shows no words of its own before its advisory.
                    excerpt="" if row["advisory"] != "none" else excerpt(own["body"]),
                    advisory=row["advisory"],
                    group=row["group"],
                    language=own.language,
                    translated=own.translated,
                    source=sources[row["id"]],
                    quotes=credit.quotes,
                    reports=credit.reports,
                )
            )
        return result

    def _segments(self, db: Connection, testimony: Row, lang: str) -> tuple[SegmentRecord, ...]:
        rows = db.execute(
            "SELECT id, position, start_seconds, paragraph, title, synopsis, keywords "
            "FROM testimony_segment WHERE testimony_id = ? ORDER BY position, id",
            (testimony["id"],)).fetchall()
        overlay = self._ctx.overlay(db, "testimony_segment", lang, [str(r["id"]) for r in rows])
        result = []
        for row in rows:
            text = overlay.localize(
                str(row["id"]), testimony["language"],
                {"title": row["title"], "synopsis": row["synopsis"],
                 "keywords": row["keywords"]},
            )
            keywords = tuple(k.strip() for k in text["keywords"].split(";") if k.strip())
            result.append(
                SegmentRecord(
                    position=row["position"],
                    title=text["title"],
                    synopsis=text["synopsis"],
                    keywords=keywords,
                    start_seconds=row["start_seconds"],
                    paragraph=row["paragraph"],
                )
            )
        return tuple(result)

    def get(self, testimony_id: str, lang: str = "en") -> TestimonyRecord | None:
        """One testimony; previous/next follow ``sort_order`` within its group's list."""
        with self._ctx.reader.connection() as db:
            row = db.execute(_SELECT + " WHERE t.id = ?" + _ORDER + " LIMIT 1",
                             (testimony_id,)).fetchone()
            if row is None:
                return None
            own_id = row["id"]
            text = self._ctx.overlay(db, "testimony", lang, [own_id])
            people = self._ctx.overlay(
                db, "person", lang, [row["person_id"]] if row["person_id"] is not None else [])
            own, who = self._localize(row, text, people)
            neighbours = [found[0] for found in db.execute(
                'SELECT id FROM testimony WHERE "group" = ? ORDER BY sort_order, id',
                (row["group"],))]
            index = neighbours.index(own_id)
            media = self._ctx.media(db, [row["media_id"]], lang)
            credit = self._ctx.credits(db, "testimony", [own_id]).get(own_id, NO_CREDITS)
            return TestimonyRecord(
                id=own_id,
                person_name=who["name"],
                role=who["role"],
                title=own["title"],
                paragraphs=split_paragraphs(own["body"]),
                advisory=row["advisory"],
                group=row["group"],
                language=own.language,
                source=self._ctx.source(db, row["source_id"]),
                media=media.get(row["media_id"]) if row["media_id"] else None,
                segments=self._segments(db, row, lang),
                translated=own.translated,
                credit=own.credit,
                previous_id=neighbours[index - 1] if index > 0 else None,
                next_id=neighbours[index + 1] if index + 1 < len(neighbours) else None,
                quotes=credit.quotes,
                reports=credit.reports,
            )
