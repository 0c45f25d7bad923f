"""What every repository shares: the engine, media folder, sources and translation overlay."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from khojaly_kiosk.archive.models import ArchiveMeta, MediaAsset, Source, Translation
from khojaly_kiosk.archive.models import Attribution as AttributionRow
from khojaly_kiosk.archive.models import CaptionCue as CaptionRow
from khojaly_kiosk.archive.records import (
    CaptionCue,
    MediaRecord,
    QuotedSpan,
    SourceRecord,
    TranslationCredit,
)
from khojaly_kiosk.archive.schema import MEDIA_DIRNAME, META_LANGUAGE

DEFAULT_LANGUAGE = "en"


def source_record(row: Source, titles: tuple[tuple[str, str], ...] = ()) -> SourceRecord:
    return SourceRecord(
        id=row.id,
        kind=row.kind,
        title=row.title,
        author=row.author,
        publisher=row.publisher,
        place=row.place,
        date=row.date,
        citation=row.citation,
        notes=row.notes,
        file=row.file or "",
        sha256=row.sha256 or "",
        titles=titles,
        url=row.url,
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

    def __init__(self, engine: Engine, generation_dir: Path, generation: str) -> None:
        self.engine = engine
        self.generation_dir = Path(generation_dir)
        self.generation = generation
        self._sources: dict[str, SourceRecord] | None = None
        self._base_language: str | None = None
        self._has_captions: bool | None = None
        self._has_attributions: bool | None = None
        self._has_credit: bool | None = None

    @property
    def media_dir(self) -> Path:
        return self.generation_dir / MEDIA_DIRNAME

    def base_language(self, session: Session) -> str:
        """The content language of rows that do not carry their own."""
        if self._base_language is None:
            meta = session.get(ArchiveMeta, META_LANGUAGE)
            self._base_language = (meta.value.strip() if meta else "") or DEFAULT_LANGUAGE
        return self._base_language

    def sources(self, session: Session) -> dict[str, SourceRecord]:
        """Every source by id (few rows, read once: the archive never changes), with the
        titles the package translates (the visitor-facing name of its own document)."""
        if self._sources is None:
            titles: dict[str, list[tuple[str, str]]] = {}
            for entity_id, language, text in session.execute(
                select(Translation.entity_id, Translation.language, Translation.text).where(
                    Translation.entity == "source", Translation.field == "title")
                .order_by(Translation.language)
            ):
                titles.setdefault(entity_id, []).append((language, text))
            rows = session.scalars(select(Source).order_by(Source.sort_order, Source.id))
            self._sources = {row.id: source_record(row, tuple(titles.get(row.id, ())))
                             for row in rows}
        return self._sources

    def credits(self, session: Session, entity: str,
                ids: Iterable[str] | None = None) -> dict[str, Credits]:
        """``attribution`` rows of ``entity`` items (all, or those of ``ids``) by item id."""
        if self._has_attributions is None:
            # Generations built before two-level attribution have no such table.
            self._has_attributions = inspect(session.connection()).has_table(
                AttributionRow.__tablename__)
        if not self._has_attributions:
            return {}
        statement = select(AttributionRow).where(AttributionRow.entity == entity)
        if ids is not None:
            statement = statement.where(AttributionRow.entity_id.in_(list(ids)))
        statement = statement.order_by(AttributionRow.entity_id, AttributionRow.relation,
                                       AttributionRow.position)
        sources = self.sources(session)
        quotes: dict[str, list[QuotedSpan]] = {}
        reports: dict[str, list[SourceRecord]] = {}
        for row in session.scalars(statement):
            source = sources.get(row.source_id) if row.source_id else None
            if row.relation == "quotes":
                quotes.setdefault(row.entity_id, []).append(
                    QuotedSpan(text=row.text, source=source, words_of=row.words_of))
            elif source is not None:
                reports.setdefault(row.entity_id, []).append(source)
        return {item: Credits(tuple(quotes.get(item, ())), tuple(reports.get(item, ())))
                for item in set(quotes) | set(reports)}

    def source(self, session: Session, source_id: str | None) -> SourceRecord | None:
        return self.sources(session).get(source_id) if source_id else None

    def overlay(
        self, session: Session, entity: str, lang: str, ids: Iterable[str] | None = None
    ) -> Overlay:
        """Load translations of ``entity`` (a table name) into ``lang``; ``ids`` narrows it."""
        if self._has_credit is None:
            # Generations of schema 1 have no credit columns; they stay usable until rebuilt.
            columns = inspect(session.connection()).get_columns(Translation.__tablename__)
            self._has_credit = "translator" in {column["name"] for column in columns}
        wanted = [Translation.entity_id, Translation.field, Translation.text]
        if self._has_credit:
            wanted += [Translation.translator, Translation.reviewer, Translation.translated_on]
        statement = select(*wanted).where(
            Translation.entity == entity, Translation.language == lang
        )
        if ids is not None:
            statement = statement.where(Translation.entity_id.in_(list(ids)))
        overlay = Overlay(lang)
        for row in session.execute(statement):
            overlay.texts[(row.entity_id, row.field)] = row.text
            if self._has_credit:
                overlay.credits[(row.entity_id, row.field)] = (
                    row.translator, row.reviewer, row.translated_on)
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

    def captions(self, session: Session, media_ids: list[str]) -> dict[str, tuple[CaptionCue, ...]]:
        """Timed captions by media id, ordered by start time (then by place in the file)."""
        if self._has_captions is None:
            # Generations built before captions existed have no such table; they stay usable.
            self._has_captions = inspect(session.connection()).has_table(CaptionRow.__tablename__)
        if not self._has_captions or not media_ids:
            return {}
        rows = session.execute(
            select(CaptionRow.media_id, CaptionRow.start_ms, CaptionRow.end_ms, CaptionRow.text)
            .where(CaptionRow.media_id.in_(media_ids))
            .order_by(CaptionRow.media_id, CaptionRow.start_ms, CaptionRow.position)
        )
        result: dict[str, list[CaptionCue]] = {}
        for row in rows:
            result.setdefault(row.media_id, []).append(
                CaptionCue(start_ms=row.start_ms, end_ms=row.end_ms, text=row.text))
        return {media_id: tuple(cues) for media_id, cues in result.items()}

    def media(
        self, session: Session, media_ids: Iterable[str | None], lang: str
    ) -> dict[str, MediaRecord]:
        """Media records by id, with alt text/caption/credit in ``lang`` where translated."""
        wanted = sorted({media_id for media_id in media_ids if media_id})
        if not wanted:
            return {}
        rows = session.scalars(select(MediaAsset).where(MediaAsset.id.in_(wanted))).all()
        overlay = self.overlay(session, "media_asset", lang, wanted)
        base = self.base_language(session)
        captions = self.captions(session, wanted)
        result: dict[str, MediaRecord] = {}
        for row in rows:
            text = overlay.localize(
                row.id, base,
                {"alt_text": row.alt_text, "caption": row.caption, "credit": row.credit},
            )
            result[row.id] = MediaRecord(
                id=row.id,
                path=self._file(row.path),
                thumb_path=self._file(row.thumb_path),
                mime=row.mime,
                width=row.width,
                height=row.height,
                alt_text=text["alt_text"],
                caption=text["caption"],
                credit=text["credit"],
                captions=captions.get(row.id, ()),
            )
        return result
