"""SQLAlchemy 2.0 models of the archive.

The archive is a derived, read-only artefact built from a content package. Text ids
(slugs such as ``"humay-abbasova"``) are stable across packages so that translations and
later packages can refer to the same item. Every content row names its ``source_id``.
Empty strings mean "the source text gives no value": the UI shows nothing for them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The schema version is defined (and bumped) in ``layout``, beside the plain table and column
# names the read path uses without SQLAlchemy; named here too for the builders.
from khojaly_kiosk.archive.layout import SCHEMA_VERSION as SCHEMA_VERSION

ADVISORY_LEVELS = ("none", "distressing", "graphic")
TESTIMONY_GROUPS = ("survivors", "rescuers_officials", "journalists", "human_rights")
RECOGNITION_KINDS = ("country", "us_state", "organisation")
# What an attribution row says about its source: the item quotes its words (``text`` is the
# exact span) or reports it in the document's own words (no span).
ATTRIBUTION_RELATIONS = ("quotes", "reports")


class Base(DeclarativeBase):
    pass


class ArchiveMeta(Base):
    """Key/value facts about the build: package version, title, built_at, schema version."""

    __tablename__ = "archive_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Source(Base):
    __tablename__ = "source"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # book, newspaper, report, investigation, ...
    title: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str] = mapped_column(Text, default="")  # publisher or outlet
    place: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str] = mapped_column(Text, default="")  # as the text gives it, partial allowed
    citation: Mapped[str] = mapped_column(Text, default="")  # short line shown under items
    notes: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")  # public page; shown as a QR code
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # A document shipped in the package (the package's own text): its file name and SHA-256,
    # shown on the Sources page as provenance. Empty for sources known only by citation.
    file: Mapped[str] = mapped_column(Text, default="", server_default="")
    sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")


class MediaAsset(Base):
    __tablename__ = "media_asset"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    path: Mapped[str] = mapped_column(Text)  # relative to the generation's media folder
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)
    mime: Mapped[str] = mapped_column(String(80), default="")
    width: Mapped[int | None] = mapped_column(Integer, nullable=True)
    height: Mapped[int | None] = mapped_column(Integer, nullable=True)
    thumb_path: Mapped[str] = mapped_column(Text, default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)


class CaptionCue(Base):
    """One timed caption of an audio/video asset, read from its WebVTT file at import.

    ``position`` is the cue's place in the file (from 1); ``text`` is plain text, lines
    separated by a newline. Captions are in the recording's language.
    """

    __tablename__ = "caption_cue"
    media_id: Mapped[str] = mapped_column(ForeignKey("media_asset.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_ms: Mapped[int] = mapped_column(Integer)
    end_ms: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")


class Person(Base):
    __tablename__ = "person"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text, default="")


class Testimony(Base):
    __tablename__ = "testimony"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), nullable=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)  # plain text, paragraphs separated by a blank line
    language: Mapped[str] = mapped_column(String(8), default="en")
    advisory: Mapped[str] = mapped_column(String(16), default="none")
    group: Mapped[str] = mapped_column(String(32), default="survivors")
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    media_id: Mapped[str | None] = mapped_column(ForeignKey("media_asset.id"), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class TestimonySegment(Base):
    """An OHMS-like index point: a time (audio/video) or a paragraph (text)."""

    __tablename__ = "testimony_segment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    testimony_id: Mapped[str] = mapped_column(ForeignKey("testimony.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    paragraph: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(Text, default="")
    synopsis: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(Text, default="")  # ';'-separated


class TimelineEra(Base):
    __tablename__ = "timeline_era"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    headline: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    start_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end_month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    display_date: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class TimelineEvent(Base):
    """TimelineJS semantics: partial dates, display date, headline, text, media, group."""

    __tablename__ = "timeline_event"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    era_id: Mapped[str | None] = mapped_column(ForeignKey("timeline_era.id"), nullable=True)
    start_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_time: Mapped[str] = mapped_column(String(16), default="")
    end_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end_month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end_time: Mapped[str] = mapped_column(String(16), default="")
    display_date: Mapped[str] = mapped_column(Text, default="")
    headline: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    group: Mapped[str] = mapped_column(Text, default="")
    media_id: Mapped[str | None] = mapped_column(ForeignKey("media_asset.id"), nullable=True)
    media_url: Mapped[str] = mapped_column(Text, default="")  # remote media: shown as placeholder
    media_credit: Mapped[str] = mapped_column(Text, default="")
    media_caption: Mapped[str] = mapped_column(Text, default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    advisory: Mapped[str] = mapped_column(String(16), default="none", server_default="none")
    # A year the text gives only by context: shown after the display date as "[1991]".
    editorial_year: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Statistic(Base):
    """A figure with its short label and, where the content gives them, the text's sentence
    and the words of it that say what the figure counts (shown before/after the figure)."""

    __tablename__ = "statistic"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(Text, default="")  # e.g. "nearly", as the text says
    label: Mapped[str] = mapped_column(Text)
    group: Mapped[str] = mapped_column(String(32))  # losses, outcomes, destruction, assault, ...
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    sentence: Mapped[str] = mapped_column(Text, default="", server_default="")
    words_before: Mapped[str] = mapped_column(Text, default="", server_default="")
    words_after: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the id of its total
    part_of: Mapped[str] = mapped_column(String(120), default="", server_default="")
    show_alone: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class Name(Base):
    """A commemorated person. ``folded`` and ``search_keys`` are search keys built at import.

    ``folded`` is the spelling without case and marks; ``search_keys`` the space-separated words
    the name can be found by in any script (``archive.transliterate.name_search_keys``).
    """

    __tablename__ = "name"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text, default="")
    search_keys: Mapped[str] = mapped_column(Text, default="", server_default="")
    # No index: pages go by name_rank, and building one cost a second per million names.
    sort_key: Mapped[str] = mapped_column(Text, default="")
    age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    village: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(Text, default="")
    passage: Mapped[str] = mapped_column(Text, default="")  # the words of the source naming them
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    # of the passage (it may be taken from an advised account)
    advisory: Mapped[str] = mapped_column(String(16), default="none", server_default="none")


class Recognition(Base):
    __tablename__ = "recognition"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # country, us_state, organisation
    name: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text, default="")  # the legislative body or organ
    date: Mapped[str] = mapped_column(Text, default="")
    instrument: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Monument(Base):
    __tablename__ = "monument"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    place: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    media_id: Mapped[str | None] = mapped_column(ForeignKey("media_asset.id"), nullable=True)
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Passage(Base):
    """A free passage of the source shown on a screen, e.g. the 26 February remembrance."""

    __tablename__ = "passage"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    section: Mapped[str] = mapped_column(String(32), index=True)  # remembrance, about, ...
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Translation(Base):
    """(entity, entity_id, field, language) -> text, for content in az/en/ru/tr.

    Only translations of the content as it is now are written (a stale one never is); a
    field given paragraph by paragraph is written whole. ``translator`` and ``reviewer``
    may name several people ("; "-separated), ``translated_on`` is the latest ISO date.
    """

    __tablename__ = "translation"
    __table_args__ = (UniqueConstraint("entity", "entity_id", "field", "language"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))  # table name, e.g. "testimony"
    entity_id: Mapped[str] = mapped_column(String(120))
    field: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    translator: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(Text, default="")
    translated_on: Mapped[str] = mapped_column(String(10), default="")
    source_hash: Mapped[str] = mapped_column(String(64), default="")


class Attribution(Base):
    """Whom an item quotes or reports, beside the document it is taken from (``source_id``
    of the item's own row).

    ``entity`` is the item's table name (``testimony``, ``timeline_event``, ``name`` ...) and
    ``entity_id`` its id (for a name: the name itself). A ``quotes`` row credits ``source_id``
    (or, when the text names no work, only ``words_of``) with exactly ``text``, a span of the
    item's text; a ``reports`` row names a source the document summarises in its own words.
    """

    __tablename__ = "attribution"
    __table_args__ = (Index("ix_attribution_item", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(Text)
    relation: Mapped[str] = mapped_column(String(16))  # quotes, reports
    position: Mapped[int] = mapped_column(Integer, default=0)
    source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"), nullable=True)
    words_of: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")


class AttractQuote(Base):
    """A whole sentence of an unadvised item, chosen by the curator for the attract loop."""

    __tablename__ = "attract_quote"
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
