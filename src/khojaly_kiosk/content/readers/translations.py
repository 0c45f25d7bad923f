"""``translations/*.csv``: ``entity, entity_id, field, language, text`` rows.

``entity`` is the archive table name (``testimony``, ``timeline_event``, ...); friendly
aliases such as ``event`` are accepted and stored under the table name. Read after every
other file, so ids that match no item can be reported (as warnings: a translation may be
prepared before its item).
"""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.readers.context import LANGUAGES, ReadContext
from khojaly_kiosk.content.readers.csvutil import read_csv, require_columns
from khojaly_kiosk.content.readers.fields import LONG_CAP, choice_value, text_value

# entity (table name) -> fields a translation may replace
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "source": ("title", "author", "publisher", "place", "date", "citation", "notes"),
    "person": ("name", "role"),
    "testimony": ("title", "body"),
    "timeline_era": ("headline", "text", "display_date"),
    "timeline_event": ("headline", "text", "display_date", "media_caption", "media_credit",
                       "alt_text"),
    "statistic": ("label", "qualifier"),
    "recognition": ("name", "body", "date", "instrument"),
    "monument": ("place", "country", "description"),
    "passage": ("title", "body"),
    "media_asset": ("alt_text", "caption", "credit"),
}
ALIASES = {"event": "timeline_event", "era": "timeline_era", "media": "media_asset"}
COLUMNS = ("entity", "entity_id", "field", "language", "text")


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


def read_translations(ctx: ReadContext) -> None:
    """Read every ``translations/*.csv`` into the bundle (after all other content)."""
    known = _known_ids(ctx)
    seen: dict[tuple[str, str, str, str], str] = {  # key -> "file, line N" of first use
        (t.entity, t.entity_id, t.field, t.language): "package.toml"
        for t in ctx.bundle.translations  # e.g. the document's titles
    }
    for path in translation_files(ctx.root):
        file = path.relative_to(ctx.root).as_posix()
        table = read_csv(path, file, ctx.report)
        if table is None or not require_columns(table, COLUMNS, ctx.report):
            continue
        report = ctx.report
        for row in table.rows:
            raw_entity = row.get("entity").strip()
            entity = choice_value(ALIASES.get(raw_entity, raw_entity), row.where(file, "entity"),
                                  report, "entity", TRANSLATABLE)
            entity_id = row.get("entity_id").strip()
            language = choice_value(row.get("language"), row.where(file, "language"), report,
                                    "language", LANGUAGES)
            text = text_value(row.get("text"), row.where(file, "text"), report, "text", LONG_CAP)
            if entity is None or language is None:
                continue
            field = choice_value(row.get("field"), row.where(file, "field"), report,
                                 "field", TRANSLATABLE[entity])
            if not entity_id:
                report.error(row.where(file, "entity_id"), "This translation names no item id.",
                             "Write the id of the item it translates.")
                continue
            if entity_id not in known[entity]:
                report.warning(row.where(file, "entity_id"),
                               f"No {entity} has the id '{entity_id}'; the translation is kept "
                               "but shown nowhere.", "Check the id against the content files.")
            if not text:
                report.warning(row.where(file, "text"), "This translation is empty and is "
                               "ignored.", "Write the translated text, or delete the row.")
                continue
            if field is None:
                continue
            key = (entity, entity_id, field, language)
            if key in seen:
                report.error(row.where(file, "entity_id"),
                             f"This {field} of {entity} '{entity_id}' in '{language}' is "
                             f"already translated ({seen[key]}).", "Keep only one of them.")
                continue
            seen[key] = f"{file}, line {row.line}"
            ctx.bundle.translations.append(m.Translation(
                entity=entity, entity_id=entity_id, field=field, language=language, text=text,
            ))  # fmt: skip
