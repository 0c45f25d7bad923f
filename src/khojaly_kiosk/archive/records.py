"""Frozen records: the only thing the screens receive from the archive.

Fields hold plain text exactly as the source gives it; an empty string means "no value in
the source" and the UI shows nothing for it. ``language`` is the language the text is shown
in; ``translated`` is False when the requested language was not available and the record
falls back to its original language (the UI then shows a small "in English"-style note).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SourceRecord:
    id: str
    kind: str
    title: str
    author: str = ""
    publisher: str = ""
    place: str = ""
    date: str = ""
    citation: str = ""
    notes: str = ""
    url: str = ""  # a public web page of the source ("" when there is none)

    @property
    def short(self) -> str:
        """The short citation shown under an item."""
        if self.citation:
            return self.citation
        parts = [p for p in (self.author, self.title, self.publisher, self.date) if p]
        return ", ".join(parts)


RECORDING_MIME_PREFIXES = ("audio/", "video/")


def is_recording(mime: str) -> bool:
    """Whether ``mime`` is an audio or video recording (played, may have captions)."""
    return mime.startswith(RECORDING_MIME_PREFIXES)


@dataclass(frozen=True, slots=True)
class CaptionCue:
    """One timed caption line of an audio or video recording (from its WebVTT file)."""

    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True, slots=True)
class MediaRecord:
    id: str
    path: str  # absolute path on disk, or "" when the file is missing
    thumb_path: str
    mime: str
    width: int | None
    height: int | None
    alt_text: str = ""
    caption: str = ""
    credit: str = ""
    captions: tuple[CaptionCue, ...] = ()  # timed captions of audio/video, in order

    @property
    def is_recording(self) -> bool:
        return is_recording(self.mime)


@dataclass(frozen=True, slots=True)
class TranslationCredit:
    """Who translated an item shown in the visitor's language, from which language, when.

    Names are exactly as the package's ``translations/*.csv`` give them; ``date`` is ISO
    (``2026-03-01``) or "". The original is ``source_language`` (one tap away in the UI).
    """

    source_language: str
    translators: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    date: str = ""


@dataclass(frozen=True, slots=True)
class TranslationCoverage:
    """How much of a package's translatable text one language has (``status``, staff panel).

    ``total`` segments (paragraphs, titles, labels...), ``current`` of them translated from
    the English as it is now, ``stale`` translated from English that has changed since.
    """

    language: str
    total: int
    current: int
    stale: int = 0

    @property
    def percent(self) -> int:
        """Whole percent, rounded down: 99.9 % is not shown as complete."""
        return self.current * 100 // self.total if self.total else 100

    def sentence(self) -> str:
        """``"az: 93 % of 412 segments, 12 stale"`` (the CLI's and the logs' wording)."""
        shown = "<1" if self.current and not self.percent else str(self.percent)
        noun = "segment" if self.total == 1 else "segments"
        text = f"{self.language}: {shown} % of {self.total} {noun}"
        return text + (f", {self.stale} stale" if self.stale else "")

    def to_dict(self) -> dict[str, int | str]:
        return {"language": self.language, "total": self.total, "current": self.current,
                "stale": self.stale, "percent": self.percent}


@dataclass(frozen=True, slots=True)
class SegmentRecord:
    position: int
    title: str
    synopsis: str = ""
    keywords: tuple[str, ...] = ()
    start_seconds: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class TestimonySummary:
    """What a card shows."""

    id: str
    person_name: str
    role: str
    title: str
    excerpt: str  # first lines of the body
    advisory: str  # none / distressing / graphic
    group: str
    language: str
    translated: bool = True


@dataclass(frozen=True, slots=True)
class TestimonyRecord:
    id: str
    person_name: str
    role: str
    title: str
    paragraphs: tuple[str, ...]
    advisory: str
    group: str
    language: str
    source: SourceRecord | None
    media: MediaRecord | None = None
    segments: tuple[SegmentRecord, ...] = ()
    translated: bool = True
    previous_id: str | None = None
    next_id: str | None = None
    credit: TranslationCredit | None = None  # set when shown translated (not the original)


@dataclass(frozen=True, slots=True)
class EraRecord:
    id: str
    headline: str
    display_date: str
    start_year: int | None
    end_year: int | None
    text: str = ""
    # The rest of the era's bounds, where the content gives them (the time axis draws the
    # era as a band from start to end).
    start_month: int | None = None
    start_day: int | None = None
    end_month: int | None = None
    end_day: int | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: str
    era_id: str | None
    # The text's own display date (or its translation); "" when the text gives none: the UI
    # then writes the date parts in the visitor's language.
    display_date: str
    headline: str
    text: str
    group: str
    start_year: int | None
    start_month: int | None = None
    start_day: int | None = None
    media: MediaRecord | None = None
    media_url: str = ""
    media_caption: str = ""
    media_credit: str = ""
    alt_text: str = ""
    source: SourceRecord | None = None
    language: str = "en"
    translated: bool = True
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    credit: TranslationCredit | None = None  # set when shown translated (not the original)


@dataclass(frozen=True, slots=True)
class StatisticRecord:
    id: str
    value: int
    qualifier: str
    label: str
    group: str
    source: SourceRecord | None
    language: str = "en"
    translated: bool = True


@dataclass(frozen=True, slots=True)
class NameRecord:
    id: int
    name: str
    age: int | None = None
    birth_year: int | None = None
    village: str = ""
    category: str = ""
    passage: str = ""
    source: SourceRecord | None = None
    # Who speaks the passage: the witness of the testimony that holds it word for word
    # ("" when no testimony does, or for search results, which do not look it up).
    speaker: str = ""
    speaker_role: str = ""
    testimony_id: str = ""


@dataclass(frozen=True, slots=True)
class RecognitionRecord:
    id: str
    kind: str  # country, us_state, organisation
    name: str
    body: str
    date: str
    instrument: str
    source: SourceRecord | None


@dataclass(frozen=True, slots=True)
class MonumentRecord:
    id: str
    place: str
    country: str
    year: int | None
    description: str
    media: MediaRecord | None
    source: SourceRecord | None


@dataclass(frozen=True, slots=True)
class PassageRecord:
    id: str
    section: str
    title: str
    body: str
    source: SourceRecord | None
    language: str = "en"
    translated: bool = True
    credit: TranslationCredit | None = None  # set when shown translated (not the original)


@dataclass(frozen=True, slots=True)
class CitingItem:
    """An item that cites a source, for the Sources screen."""

    kind: str  # testimony, event, statistic, recognition, monument, name, passage
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class SourceWithCitations:
    """A source and the first items citing it; ``total`` counts all of them."""

    source: SourceRecord
    items: tuple[CitingItem, ...] = ()
    total: int = -1  # -1: ``items`` is complete

    @property
    def citing_count(self) -> int:
        return len(self.items) if self.total < 0 else self.total


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """Counts and facts for the home screen, `status` and the staff panel."""

    generation: str
    package_version: int
    title: str
    built_at: str
    counts: dict[str, int] = field(default_factory=dict)
    # per language other than the content's, from the package's translations (may be empty)
    coverage: tuple[TranslationCoverage, ...] = ()
