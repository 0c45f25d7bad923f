"""The smaller content lists: statistics, recognitions, monuments and passages."""

from __future__ import annotations

from khojaly_kiosk.archive.records import (
    MonumentRecord,
    PassageRecord,
    RecognitionRecord,
    StatisticRecord,
)
from khojaly_kiosk.archive.repositories._context import NO_CREDITS, ArchiveContext, Localized


class StatisticRepository:
    """``StatisticRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def list(self, lang: str = "en") -> list[StatisticRecord]:
        with self._ctx.reader.connection() as db:
            rows = db.execute("SELECT * FROM statistic ORDER BY sort_order, id").fetchall()
            overlay = self._ctx.overlay(db, "statistic", lang)
            base = self._ctx.base_language(db)
            credits = self._ctx.credits(db, "statistic")
            result = []
            for row in rows:
                credit = credits.get(row["id"], NO_CREDITS)
                fields = {"label": row["label"], "qualifier": row["qualifier"],
                          "sentence": row["sentence"] or "",
                          "words_before": row["words_before"] or "",
                          "words_after": row["words_after"] or ""}
                # A figure is read with its predicate in one language: its label and the words
                # of its sentence are translated together, or all shown as written.
                flags = [name for name, value in fields.items() if value and name != "qualifier"]
                text = overlay.localize(row["id"], base, fields, flag_fields=flags)
                if not text.translated:
                    text = Localized(fields, base, False)
                result.append(
                    StatisticRecord(
                        id=row["id"],
                        value=row["value"],
                        qualifier=text["qualifier"],
                        label=text["label"],
                        group=row["group"],
                        source=self._ctx.source(db, row["source_id"]),
                        language=text.language,
                        translated=text.translated,
                        sentence=text["sentence"],
                        words_before=text["words_before"],
                        words_after=text["words_after"],
                        part_of=row["part_of"] or "",
                        show_alone=True if row["show_alone"] is None else bool(row["show_alone"]),
                        quotes=credit.quotes,
                        reports=credit.reports,
                    )
                )
            return result


class RecognitionRepository:
    """``RecognitionRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def list(self, lang: str = "en") -> list[RecognitionRecord]:
        with self._ctx.reader.connection() as db:
            rows = db.execute("SELECT * FROM recognition ORDER BY sort_order, id").fetchall()
            overlay = self._ctx.overlay(db, "recognition", lang)
            base = self._ctx.base_language(db)
            credits = self._ctx.credits(db, "recognition")
            result = []
            for row in rows:
                credit = credits.get(row["id"], NO_CREDITS)
                text = overlay.localize(
                    row["id"], base,
                    {"name": row["name"], "body": row["body"], "date": row["date"],
                     "instrument": row["instrument"]},
                )
                result.append(
                    RecognitionRecord(
                        id=row["id"],
                        kind=row["kind"],
                        name=text["name"],
                        body=text["body"],
                        date=text["date"],
                        instrument=text["instrument"],
                        source=self._ctx.source(db, row["source_id"]),
                        quotes=credit.quotes,
                        reports=credit.reports,
                    )
                )
            return result


class MonumentRepository:
    """``MonumentRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def list(self, lang: str = "en") -> list[MonumentRecord]:
        with self._ctx.reader.connection() as db:
            rows = db.execute("SELECT * FROM monument ORDER BY sort_order, id").fetchall()
            overlay = self._ctx.overlay(db, "monument", lang)
            base = self._ctx.base_language(db)
            media = self._ctx.media(db, (row["media_id"] for row in rows), lang)
            credits = self._ctx.credits(db, "monument")
            result = []
            for row in rows:
                credit = credits.get(row["id"], NO_CREDITS)
                text = overlay.localize(
                    row["id"], base,
                    {"place": row["place"], "country": row["country"],
                     "description": row["description"]},
                )
                result.append(
                    MonumentRecord(
                        id=row["id"],
                        place=text["place"],
                        country=text["country"],
                        year=row["year"],
                        description=text["description"],
                        media=media.get(row["media_id"]) if row["media_id"] else None,
                        source=self._ctx.source(db, row["source_id"]),
                        quotes=credit.quotes,
                        reports=credit.reports,
                    )
                )
            return result


class PassageRepository:
    """``PassageRepo`` over SQLite."""

    def __init__(self, context: ArchiveContext) -> None:
        self._ctx = context

    def section(self, section: str, lang: str = "en") -> list[PassageRecord]:
        with self._ctx.reader.connection() as db:
            rows = db.execute(
                "SELECT * FROM passage WHERE section = ? ORDER BY sort_order, id", (section,)
            ).fetchall()
            ids = [row["id"] for row in rows]
            overlay = self._ctx.overlay(db, "passage", lang, ids)
            base = self._ctx.base_language(db)
            credits = self._ctx.credits(db, "passage", ids)
            result = []
            for row in rows:
                credit = credits.get(row["id"], NO_CREDITS)
                text = overlay.localize(
                    row["id"], base, {"title": row["title"], "body": row["body"]},
                    flag_fields=("title", "body"),
                )
                result.append(
                    PassageRecord(
                        id=row["id"],
                        section=row["section"],
                        title=text["title"],
                        body=text["body"],
                        source=self._ctx.source(db, row["source_id"]),
                        language=text.language,
                        translated=text.translated,
                        quotes=credit.quotes,
                        reports=credit.reports,
                        credit=text.credit,
                    )
                )
            return result
