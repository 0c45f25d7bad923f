"""``translations/*.csv``: ``entity, entity_id, field, language, text`` rows (+ credit).

``entity`` is the archive table name (``testimony``, ``timeline_event``, ...); friendly
aliases such as ``event`` are accepted and stored under the table name. Read after every
other file, so ids that match no item can be reported (as warnings: a translation may be
prepared before its item).

Optional columns (written by ``khojaly-kiosk translations import``): ``paragraph`` (a field
translated paragraph by paragraph, 1-based), ``source_hash`` (of the English it was made
from; see ``translatable.source_hash``), ``translator``, ``reviewer`` and ``date``
(YYYY-MM-DD). A translation whose ``source_hash`` no longer matches the English is *stale*:
it is kept in the package but never reaches the archive, so the kiosk shows the original
with its label instead. A field given by paragraphs reaches the archive only when every
paragraph is translated and current.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.records import TranslationCoverage
from khojaly_kiosk.content.readers.context import LANGUAGES, ReadContext
from khojaly_kiosk.content.readers.csvutil import CsvRow, CsvTable, read_csv, require_columns
from khojaly_kiosk.content.readers.fields import LONG_CAP, choice_value, text_value
from khojaly_kiosk.content.readers.translatable import (
    Segment,
    is_paragraph_field,
    segments_of,
    source_hash,
)
from khojaly_kiosk.content.report import Where

# entity (table name) -> fields a translation may replace
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "source": ("title", "author", "publisher", "place", "date", "citation", "notes"),
    "person": ("name", "role"),
    "testimony": ("title", "body"),
    "timeline_era": ("headline", "text", "display_date"),
    "timeline_event": ("headline", "text", "display_date", "media_caption", "media_credit",
                       "alt_text"),
    "statistic": ("label", "qualifier", "sentence", "words_before", "words_after"),
    "recognition": ("name", "body", "date", "instrument"),
    "monument": ("place", "country", "description"),
    "passage": ("title", "body"),
    "media_asset": ("alt_text", "caption", "credit"),
}
ALIASES = {"event": "timeline_event", "era": "timeline_era", "media": "media_asset"}
COLUMNS = ("entity", "entity_id", "field", "language", "text")
# Every column, in the order ``translations import`` writes a new file.
ALL_COLUMNS = (*COLUMNS[:3], "paragraph", "language", "text", "source_hash", "translator",
               "reviewer", "date")

Key = tuple[str, str, str, str]  # entity, entity_id, field, language


@dataclass(frozen=True, slots=True)
class Row:
    """One valid translation row, before it is checked against the English."""

    paragraph: int | None
    text: str
    source_hash: str
    translator: str
    reviewer: str
    date: str
    where: Where


def _known_ids(ctx: ReadContext) -> dict[str, set[str]]:
    b = ctx.bundle
    return {
        "source": {x.id for x in b.sources},
        "person": {x.id for x in b.persons},
        "testimony": {x.id for x in b.testimonies},
        "timeline_era": {x.id for x in b.eras},
        "timeline_event": {x.id for x in b.events},
        "statistic": {x.id for x in b.statistics},
        "recognition": {x.id for x in b.recognitions},
        "monument": {x.id for x in b.monuments},
        "passage": {x.id for x in b.passages},
        "media_asset": {x.asset.id for x in ctx.media.files},
    }


def translation_files(root: Path) -> list[Path]:
    folder = root / "translations"
    return sorted(p for p in folder.glob("*.csv") if p.is_file()) if folder.is_dir() else []


def read_translations(ctx: ReadContext, sheet: CsvTable | None = None) -> None:
    """Read every ``translations/*.csv`` (and the ``translations`` sheet of a workbook) into
    the bundle, after all other content."""
    known = _known_ids(ctx)
    rows: dict[Key, list[Row]] = defaultdict(list)
    seen: dict[tuple[Key, int | None], str] = {  # key -> "file, line N" of first use
        ((t.entity, t.entity_id, t.field, t.language), None): "package.toml"
        for t in ctx.bundle.translations  # e.g. the document's titles
    }
    tables = [] if sheet is None else [sheet]
    for path in translation_files(ctx.root):
        table = read_csv(path, path.relative_to(ctx.root).as_posix(), ctx.report)
        if table is not None:
            tables.append(table)
    for table in tables:
        if not require_columns(table, COLUMNS, ctx.report):
            continue
        file = table.file
        place = f"{file}, {table.item}" if table.item else file
        for row in table.rows:
            found = _read_row(ctx, row, file, known)
            if found is None:
                continue
            key, item = found
            first = seen.get((key, item.paragraph))
            if first is not None:
                what = f"paragraph {item.paragraph} of the " if item.paragraph else ""
                ctx.report.error(row.where(file, "entity_id"),
                                 f"This {what}{key[2]} of {key[0]} '{key[1]}' in '{key[3]}' is "
                                 f"already translated ({first}).", "Keep only one of them.")
                continue
            seen[(key, item.paragraph)] = f"{place}, {'row' if table.item else 'line'} {row.line}"
            rows[key].append(item)
    segments = segments_of(ctx.bundle, ctx.media.files, ctx.language)
    states = _apply(ctx, rows, segments)
    ctx.bundle.coverage = coverage(len(segments), states, ctx.language)


def _read_row(ctx: ReadContext, row: CsvRow, file: str,
              known: dict[str, set[str]]) -> tuple[Key, Row] | None:
    report = ctx.report
    raw_entity = row.get("entity").strip()
    entity = choice_value(ALIASES.get(raw_entity, raw_entity), row.where(file, "entity"),
                          report, "entity", TRANSLATABLE)
    entity_id = row.get("entity_id").strip()
    language = choice_value(row.get("language"), row.where(file, "language"), report,
                            "language", LANGUAGES)
    text = text_value(row.get("text"), row.where(file, "text"), report, "text", LONG_CAP)
    if entity is None or language is None:
        return None
    field = choice_value(row.get("field"), row.where(file, "field"), report,
                         "field", TRANSLATABLE[entity])
    if not entity_id:
        report.error(row.where(file, "entity_id"), "This translation names no item id.",
                     "Write the id of the item it translates.")
        return None
    if entity_id not in known[entity]:
        report.warning(row.where(file, "entity_id"),
                       f"No {entity} has the id '{entity_id}'; the translation is kept "
                       "but shown nowhere.", "Check the id against the content files.")
    if not text:
        report.warning(row.where(file, "text"), "This translation is empty and is "
                       "ignored.", "Write the translated text, or delete the row.")
        return None
    if field is None:
        return None
    paragraph = _paragraph(ctx, row, file, entity, field)
    date = row.get("date").strip()
    if date and not _iso_date(date):
        report.error(row.where(file, "date"), f"The date '{date}' is not a date like "
                     "2026-03-01.", "Write the date of the translation as YYYY-MM-DD.")
        return None
    if paragraph == 0:
        return None
    return (entity, entity_id, field, language), Row(
        paragraph, text, row.get("source_hash").strip().lower(), row.get("translator").strip(),
        row.get("reviewer").strip(), date, row.where(file, "text"))


def _paragraph(ctx: ReadContext, row: CsvRow, file: str, entity: str, field: str) -> int | None:
    """The row's paragraph number, None for a whole field, 0 when it is wrong (reported)."""
    value = row.get("paragraph").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        ctx.report.error(row.where(file, "paragraph"), f"The paragraph '{value}' is not a "
                         "number from 1.", "Write the paragraph's number, or leave it empty.")
        return 0
    if not is_paragraph_field(entity, field):
        ctx.report.error(row.where(file, "paragraph"), f"The {field} of a {entity} is not "
                         "translated by paragraphs.", "Leave the paragraph column empty.")
        return 0
    return int(value)


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _apply(ctx: ReadContext, rows: dict[Key, list[Row]],
           segments: list[Segment]) -> dict[tuple[str, str], bool]:
    """Add the current translations to the bundle.

    Returns ``(segment id, language) -> current`` for every segment of the English that has a
    translation (False: stale), the facts coverage is counted from.
    """
    english: dict[tuple[str, str, str], list[Segment]] = defaultdict(list)
    for segment in segments:
        english[(segment.entity, segment.entity_id, segment.field)].append(segment)
    states: dict[tuple[str, str], bool] = {}
    for key, items in rows.items():
        entity, entity_id, field, language = key
        parts = english.get((entity, entity_id, field), [])
        _count(states, key, items, parts)
        whole = [r for r in items if r.paragraph is None]
        by_paragraph = [r for r in items if r.paragraph is not None]
        if whole and by_paragraph:
            ctx.report.error(by_paragraph[0].where, f"The {field} of {entity} '{entity_id}' in "
                             f"'{language}' is translated both whole and by paragraphs.",
                             "Keep one way: the rows with a paragraph number, or the one "
                             "without.")
            continue
        fresh = [r for r in items if not _stale(ctx, r, key, parts)]
        if len(fresh) < len(items):
            continue  # one stale paragraph: the whole field shows the original
        if by_paragraph:
            numbers = {r.paragraph for r in by_paragraph}
            if parts and numbers != set(range(1, len(parts) + 1)):
                continue  # not complete yet: the original is shown (coverage tells)
            by_paragraph.sort(key=lambda r: r.paragraph or 0)
            text = "\n\n".join(r.text for r in by_paragraph)
        else:
            text = whole[0].text
        _add(ctx, key, text, items)
    return states


def _count(states: dict[tuple[str, str], bool], key: Key, items: list[Row],
           parts: list[Segment]) -> None:
    """Record which segments of ``parts`` the rows translate, and whether each is current."""
    for row in items:
        covered, now = _covered(row, parts)
        for segment in covered:
            states[(segment.id, key[3])] = not row.source_hash or row.source_hash == now


def _covered(row: Row, parts: list[Segment]) -> tuple[list[Segment], str]:
    """The segments of the English that ``row`` translates, and the hash they have now."""
    if row.paragraph is None:
        if len(parts) > 1:
            return parts, source_hash("\n\n".join(s.source for s in parts))
        return parts, parts[0].hash if parts else ""
    covered = parts[row.paragraph - 1: row.paragraph]
    return covered, covered[0].hash if covered else ""


def _stale(ctx: ReadContext, row: Row, key: Key, parts: list[Segment]) -> bool:
    """True (with a warning) when ``row`` was made from English that has changed since."""
    if not row.source_hash or not parts:
        return False  # no hash: made before hashes (cannot tell); no English: not shown
    if row.source_hash == _covered(row, parts)[1]:
        return False
    entity, entity_id, field, language = key
    what = f"paragraph {row.paragraph} of the {field}" if row.paragraph else f"the {field}"
    gone = row.paragraph is not None and row.paragraph > len(parts)
    ctx.report.warning(row.where, f"This translation ({language}) of {what} of {entity} "
                       f"'{entity_id}' is stale: the English "
                       f"{'has fewer paragraphs' if gone else 'changed'} since it was "
                       "translated, so the original is shown.",
                       "Export the translations again and have this segment translated anew.")
    return True


def _add(ctx: ReadContext, key: Key, text: str, items: list[Row]) -> None:
    entity, entity_id, field, language = key

    def joined(values: list[str]) -> str:
        return "; ".join(dict.fromkeys(v for v in values if v))

    hashes = [r.source_hash for r in sorted(items, key=lambda r: r.paragraph or 0)]
    ctx.bundle.translations.append(m.Translation(
        entity=entity, entity_id=entity_id, field=field, language=language, text=text,
        translator=joined([r.translator for r in items]),
        reviewer=joined([r.reviewer for r in items]),
        translated_on=max((r.date for r in items), default=""),
        source_hash=hashes[0] if len(hashes) == 1 else "",
    ))  # fmt: skip


def coverage(total: int, states: dict[tuple[str, str], bool],
             content_language: str) -> tuple[TranslationCoverage, ...]:
    """Coverage per kiosk language other than ``content_language``, from segment states."""
    current: dict[str, int] = defaultdict(int)
    stale: dict[str, int] = defaultdict(int)
    for (_segment_id, language), fresh in states.items():
        (current if fresh else stale)[language] += 1
    return tuple(
        TranslationCoverage(language, total, current[language], stale[language])
        for language in LANGUAGES if language != content_language
    )

