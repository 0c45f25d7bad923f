"""What a translator translates: the one table of translatable fields, cut into segments.

A *segment* is what a translator sees as one unit: a title, a label, a date as written, or
one paragraph of a longer text (never part of a sentence). Each has a stable id
(``testimony:humay-abbasova:body:2``) and a hash of its English (``source_hash``): when the
English changes, a translation made from the old English no longer matches and is *stale*.

``FIELDS`` is the one list of translatable fields. A new one is one line here (its model
must have the attribute); export, import, coverage and the build all follow it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from khojaly_kiosk.archive.repositories.testimonies import split_paragraphs
from khojaly_kiosk.content.bundle import ContentBundle, MediaFile


@dataclass(frozen=True, slots=True)
class TranslatableField:
    """``entity`` (archive table name) ``.field``; ``paragraphs``: one segment a paragraph."""

    entity: str
    field: str
    paragraphs: bool = False


# The order is the order a translator meets them in an export: item by item, per entity.
FIELDS: tuple[TranslatableField, ...] = (
    TranslatableField("testimony", "title"),
    TranslatableField("testimony", "body", paragraphs=True),
    TranslatableField("person", "role"),
    TranslatableField("timeline_era", "headline"),
    TranslatableField("timeline_era", "text", paragraphs=True),
    TranslatableField("timeline_event", "display_date"),
    TranslatableField("timeline_event", "headline"),
    TranslatableField("timeline_event", "text", paragraphs=True),
    TranslatableField("timeline_event", "media_caption"),
    TranslatableField("timeline_event", "alt_text"),
    TranslatableField("statistic", "qualifier"),
    TranslatableField("statistic", "label"),
    TranslatableField("statistic", "sentence"),
    TranslatableField("statistic", "words_before"),
    TranslatableField("statistic", "words_after"),
    TranslatableField("passage", "title"),
    TranslatableField("passage", "body", paragraphs=True),
    TranslatableField("recognition", "name"),
    TranslatableField("recognition", "body"),
    TranslatableField("recognition", "date"),
    TranslatableField("recognition", "instrument"),
    TranslatableField("monument", "place"),
    TranslatableField("monument", "country"),
    TranslatableField("monument", "description", paragraphs=True),
    TranslatableField("media_asset", "alt_text"),
    TranslatableField("media_asset", "caption"),
    TranslatableField("source", "notes", paragraphs=True),
)

# entity -> the bundle attribute holding its rows, in the order entities are exported
ENTITY_ROWS: dict[str, str] = {
    "testimony": "testimonies",
    "person": "persons",
    "timeline_era": "eras",
    "timeline_event": "events",
    "statistic": "statistics",
    "passage": "passages",
    "recognition": "recognitions",
    "monument": "monuments",
    "media_asset": "media",
    "source": "sources",
}
ENTITY_LABELS = {
    "testimony": "Testimony", "person": "Witness", "timeline_era": "Timeline era",
    "timeline_event": "Timeline event", "statistic": "Figure", "passage": "Passage",
    "recognition": "Recognition", "monument": "Monument", "media_asset": "Picture",
    "source": "Source",
}
_SPACES = re.compile(r"\s+")
HASH_CHARS = 16  # 64 bits of sha256: enough to notice a change, short enough for a sheet


def normalize(text: str) -> str:
    """The text as compared and hashed: NFC, runs of whitespace as one space, stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def source_hash(text: str) -> str:
    """A short hash of ``text`` that ignores re-wrapping (whitespace) and Unicode form."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:HASH_CHARS]


def field_parts(text: str, paragraphs: bool) -> tuple[str, ...]:
    """The segments of one field's text: its paragraphs, or the whole (normalised) text."""
    if paragraphs:
        return split_paragraphs(text)
    whole = normalize(text)
    return (whole,) if whole else ()


def segment_id(entity: str, entity_id: str, field: str, paragraph: int | None) -> str:
    """``entity:entity_id:field[:paragraph]`` (an XML NMTOKEN: usable as an XLIFF unit id)."""
    base = f"{entity}:{entity_id}:{field}"
    return base if paragraph is None else f"{base}:{paragraph}"


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable piece of the English as it is now."""

    entity: str
    entity_id: str
    field: str
    paragraph: int | None  # 1-based for paragraph fields, None for a whole field
    paragraphs: int  # how many paragraphs the field has (1 for a whole field)
    source: str  # the English, normalised as shown

    @property
    def id(self) -> str:
        return segment_id(self.entity, self.entity_id, self.field, self.paragraph)

    @property
    def hash(self) -> str:
        return source_hash(self.source)

    @property
    def context(self) -> str:
        """A line for the translator: which item, which field, which paragraph."""
        what = f"{ENTITY_LABELS.get(self.entity, self.entity)} '{self.entity_id}', " \
               f"{self.field.replace('_', ' ')}"
        if self.paragraph is not None:
            what += f", paragraph {self.paragraph} of {self.paragraphs}"
        return what


def parse_segment_id(text: str) -> tuple[str, str, str, int | None] | None:
    """``(entity, entity_id, field, paragraph)`` of a segment id, or None when malformed."""
    parts = text.strip().split(":")
    if len(parts) not in (3, 4) or not all(parts):
        return None
    paragraph: int | None = None
    if len(parts) == 4:
        if not parts[3].isdigit() or int(parts[3]) < 1:
            return None
        paragraph = int(parts[3])
    return parts[0], parts[1], parts[2], paragraph


def _rows(bundle: ContentBundle, entity: str, media: Sequence[MediaFile] | None) -> list[Any]:
    if entity == "media_asset":
        return [item.asset for item in (bundle.media if media is None else media)]
    rows: list[Any] = getattr(bundle, ENTITY_ROWS[entity])
    return rows


def segments_of(bundle: ContentBundle, media: Sequence[MediaFile] | None = None,
                language: str | None = None) -> list[Segment]:
    """Every segment of ``bundle`` in export order (``media``: while the bundle is read).

    Items written in another language than the content's (a testimony with its own
    ``language``) are left out: a translation is made from the content language.
    """
    base = language or bundle.info.language or "en"
    by_entity: dict[str, list[TranslatableField]] = {}
    for spec in FIELDS:
        by_entity.setdefault(spec.entity, []).append(spec)
    result: list[Segment] = []
    for entity in ENTITY_ROWS:
        for row in _rows(bundle, entity, media):
            if (getattr(row, "language", None) or base) != base:
                continue
            for spec in by_entity.get(entity, ()):
                result.extend(_segments(entity, row, spec))
    return result


def _segments(entity: str, row: Any, spec: TranslatableField) -> Iterable[Segment]:
    parts = field_parts(getattr(row, spec.field, "") or "", spec.paragraphs)
    for number, text in enumerate(parts, start=1):
        yield Segment(entity, row.id, spec.field, number if spec.paragraphs else None,
                      len(parts), text)


def is_paragraph_field(entity: str, field: str) -> bool:
    return any(s.entity == entity and s.field == field and s.paragraphs for s in FIELDS)
