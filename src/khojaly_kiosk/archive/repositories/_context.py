"""What every repository shares: the reader, media folder, sources and translation overlay.

Repositories read with plain parameterized SQL over ``sqlite3`` (``archive.reader``): the
visitor's process never imports SQLAlchemy. Table and column names are written literally;
``archive.layout`` lists them and a test holds them to ``archive.models``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.archive.layout import MEDIA_DIRNAME, META_LANGUAGE
from khojaly_kiosk.archive.reader import Reader, columns, has_table, in_list
from khojaly_kiosk.archive.records import (
    CaptionCue,
    MediaRecord,
    QuotedSpan,
    SourceRecord,
    TranslationCredit,
)

DEFAULT_LANGUAGE = "en"


def source_record(row: sqlite3.Row, titles: tuple[tuple[str, str], ...] = ()) -> SourceRecord:
    return SourceRecord(
        id=row["id"],
        kind=row["kind"],
        title=row["title"],
        author=row["author"],
        publisher=row["publisher"],
        place=row["place"],
        date=row["date"],
        citation=row["citation"],
        notes=row["notes"],
        file=row["file"] or "",
        sha256=row["sha256"] or "",
        titles=titles,
        url=row["url"],
    )


@dataclass(frozen=True, slots=True)
class Credits:
    """Whom one item quotes and reports (``attribution`` rows), as records."""

    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()


NO_CREDITS = Credits()


@dataclass(frozen=True, slots=True)
class Localized:
    """Text fields after the translation overlay, and what language they are in."""

    values: Mapping[str, str]
    language: str
    translated: bool
    credit: TranslationCredit | None = None  # who translated it, when shown translated

    def __getitem__(self, name: str) -> str:
        return self.values[name]


@dataclass
class Overlay:
    """Translations of one entity type into one language: ``(entity_id, field) -> text``."""

    language: str
    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    # (entity_id, field) -> (translator, reviewer, date) where the package names them
    credits: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)

    def localize(
        self,
        entity_id: str,
        row_language: str,
        values: Mapping[str, str],
        flag_fields: Iterable[str] = (),
    ) -> Localized:
        """Overlay translated fields on ``values``.

        ``translated`` is True when the row is already in the language asked for, or when
        every non-empty field of ``flag_fields`` (the main text) has a translation: a record
        with a translated title but an English body still says "in English".
        """
        if self.language == row_language:
            return Localized(dict(values), row_language, True)
        out = {
            name: self.texts.get((entity_id, name), original) for name, original in values.items()
        }
        needed = [name for name in flag_fields if values.get(name)]
        complete = bool(needed) and all((entity_id, name) in self.texts for name in needed)
        credit = self.credit(entity_id, row_language, needed) if complete else None
        return Localized(out, self.language if complete else row_language, complete, credit)

    def credit(self, entity_id: str, source_language: str,
               fields: Iterable[str]) -> TranslationCredit:
        """Everyone credited for ``fields`` of one item, each name once, in field order."""
        found = [self.credits.get((entity_id, name), ("", "", "")) for name in fields]

        def names(position: int) -> tuple[str, ...]:
            split = (n.strip() for f in found for n in f[position].split(";"))
            return tuple(dict.fromkeys(n for n in split if n))

        return TranslationCredit(source_language, names(0), names(1),
                                 max((f[2] for f in found), default=""))


class ArchiveContext:
    """Shared, read-only facts of one generation; caches what never changes in it."""

    def __init__(self, reader: Reader, generation_dir: Path, generation: str) -> None:
        self.reader = reader
        self.generation_dir = Path(generation_dir)
        self.generation = generation
        self._sources: dict[str, SourceRecord] | None = None
        self._base_language: str | None = None
        self._tables: dict[str, bool] = {}
        self._has_credit: bool | None = None

    @property
    def media_dir(self) -> Path:
        return self.generation_dir / MEDIA_DIRNAME

    def has_table(self, db: sqlite3.Connection, name: str) -> bool:
        """Whether this generation has ``name`` (tables added later are absent from files
        built before them; those stay usable until rebuilt)."""
        found = self._tables.get(name)
        if found is None:
            found = self._tables[name] = has_table(db, name)
        return found

    def base_language(self, db: sqlite3.Connection) -> str:
        """The content language of rows that do not carry their own."""
        if self._base_language is None:
            row = db.execute("SELECT value FROM archive_meta WHERE key = ?",
                             (META_LANGUAGE,)).fetchone()
            self._base_language = (str(row[0] or "").strip() if row else "") or DEFAULT_LANGUAGE
        return self._base_language

    def sources(self, db: sqlite3.Connection) -> dict[str, SourceRecord]:
        """Every source by id (few rows, read once: the archive never changes), with the
        titles the package translates (the visitor-facing name of its own document)."""
        if self._sources is None:
            titles: dict[str, list[tuple[str, str]]] = {}
            for entity_id, language, text in db.execute(
                "SELECT entity_id, language, text FROM translation "
                "WHERE entity = 'source' AND field = 'title' ORDER BY language"
            ):
                titles.setdefault(entity_id, []).append((language, text))
            rows = db.execute("SELECT * FROM source ORDER BY sort_order, id")
            self._sources = {row["id"]: source_record(row, tuple(titles.get(row["id"], ())))
                             for row in rows}
        return self._sources

    def credits(self, db: sqlite3.Connection, entity: str,
                ids: Iterable[str] | None = None) -> dict[str, Credits]:
        """``attribution`` rows of ``entity`` items (all, or those of ``ids``) by item id."""
        # Generations built before two-level attribution have no such table.
        if not self.has_table(db, "attribution"):
            return {}
        where: str = "entity = ?"
        params: list[object] = [entity]
        if ids is not None:
            among, more = in_list("entity_id", ids)
            where, params = f"{where} AND {among}", params + more
        sources = self.sources(db)
        quotes: dict[str, list[QuotedSpan]] = {}
        reports: dict[str, list[SourceRecord]] = {}
        for row in db.execute(
            "SELECT entity_id, relation, source_id, words_of, text FROM attribution "
            f"WHERE {where} ORDER BY entity_id, relation, position", params
        ):
            source = sources.get(row["source_id"]) if row["source_id"] else None
            if row["relation"] == "quotes":
                quotes.setdefault(row["entity_id"], []).append(
                    QuotedSpan(text=row["text"], source=source, words_of=row["words_of"]))
            elif source is not None:
                reports.setdefault(row["entity_id"], []).append(source)
        return {item: Credits(tuple(quotes.get(item, ())), tuple(reports.get(item, ())))
                for item in set(quotes) | set(reports)}

    def source(self, db: sqlite3.Connection, source_id: str | None) -> SourceRecord | None:
        return self.sources(db).get(source_id) if source_id else None

    def overlay(
        self, db: sqlite3.Connection, entity: str, lang: str, ids: Iterable[str] | None = None
    ) -> Overlay:
        """Load translations of ``entity`` (a table name) into ``lang``; ``ids`` narrows it."""
        if self._has_credit is None:
            # Generations of schema 1 have no credit columns; they stay usable until rebuilt.
            self._has_credit = "translator" in columns(db, "translation")
        wanted = "entity_id, field, text"
        if self._has_credit:
            wanted += ", translator, reviewer, translated_on"
        where: str = "entity = ? AND language = ?"
        params: list[object] = [entity, lang]
        if ids is not None:
            among, more = in_list("entity_id", ids)
            where, params = f"{where} AND {among}", params + more
        overlay = Overlay(lang)
        for row in db.execute(f"SELECT {wanted} FROM translation WHERE {where}", params):
            key = (row["entity_id"], row["field"])
            overlay.texts[key] = row["text"]
            if self._has_credit:
                overlay.credits[key] = (row["translator"], row["reviewer"], row["translated_on"])
        return overlay

    def _file(self, relative: str) -> str:
        """Absolute path of a media file, or "" when it is not there (the UI shows a blank)."""
        if not relative:
            return ""
        candidate = (self.media_dir / relative).resolve()
        # A path in the archive may not point outside its media folder.
        if not candidate.is_relative_to(self.media_dir.resolve()) or not candidate.is_file():
            return ""
        return str(candidate)

    def captions(self, db: sqlite3.Connection,
                 media_ids: list[str]) -> dict[str, tuple[CaptionCue, ...]]:
        """Timed captions by media id, ordered by start time (then by place in the file)."""
        # Generations built before captions existed have no such table; they stay usable.
        if not media_ids or not self.has_table(db, "caption_cue"):
            return {}
        among, params = in_list("media_id", media_ids)
        rows = db.execute(
            f"SELECT media_id, start_ms, end_ms, text FROM caption_cue WHERE {among} "
            "ORDER BY media_id, start_ms, position", params)
        result: dict[str, list[CaptionCue]] = {}
        for media_id, start_ms, end_ms, text in rows:
            result.setdefault(media_id, []).append(
                CaptionCue(start_ms=start_ms, end_ms=end_ms, text=text))
        return {media_id: tuple(cues) for media_id, cues in result.items()}

    def media(
        self, db: sqlite3.Connection, media_ids: Iterable[str | None], lang: str
    ) -> dict[str, MediaRecord]:
        """Media records by id, with alt text/caption/credit in ``lang`` where translated."""
        wanted = sorted({media_id for media_id in media_ids if media_id})
        if not wanted:
            return {}
        among, params = in_list("id", wanted)
        rows = db.execute(
            "SELECT id, path, thumb_path, mime, width, height, alt_text, caption, credit "
            f"FROM media_asset WHERE {among}", params).fetchall()
        overlay = self.overlay(db, "media_asset", lang, wanted)
        base = self.base_language(db)
        captions = self.captions(db, wanted)
        result: dict[str, MediaRecord] = {}
        for row in rows:
            media_id = row["id"]
            text = overlay.localize(
                media_id, base,
                {"alt_text": row["alt_text"], "caption": row["caption"],
                 "credit": row["credit"]},
            )
            result[media_id] = MediaRecord(
                id=media_id,
                path=self._file(row["path"]),
                thumb_path=self._file(row["thumb_path"]),
                mime=row["mime"],
                width=row["width"],
                height=row["height"],
                alt_text=text["alt_text"],
                caption=text["caption"],
                credit=text["credit"],
                captions=captions.get(media_id, ()),
            )
        return result
