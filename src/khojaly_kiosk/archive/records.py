"""Frozen records: the only thing the screens receive from the archive.

Fields hold plain text exactly as the source gives it; an empty string means "no value in
the source" and the UI shows nothing for it. ``language`` is the language the text is shown
in; ``translated`` is False when the requested language was not available and the record
falls back to its original language (the UI then shows a small "in English"-style note).

Attribution has two levels: an item's ``source`` is the document its text is taken from (for a
compilation such as the demo: the exhibition's own text), and ``quotes`` are the spans of that
text the document marks as someone else's words, each credited to the work (``source``) and the
person (``words_of``) it quotes. ``reports`` are sources the document summarises in its own
words: they may be named, but no words are theirs. ``attribution`` bundles the three.
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
    file: str = ""  # a document shipped in the package (its own text), else ""
    sha256: str = ""
    titles: tuple[tuple[str, str], ...] = ()  # (language, title) where the package translates it
    url: str = ""  # a public web page of the source ("" when there is none)

    @property
    def short(self) -> str:
        """The short citation shown under an item."""
        if self.citation:
            return self.citation
        parts = [p for p in (self.author, self.title, self.publisher, self.date) if p]
        return ", ".join(parts)

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` where the package gives one, else the title as written."""
        return next((title for code, title in self.titles if code == lang and title), self.title)

    def credit_name(self, lang: str) -> str:
        """How a credit line names this source: its citation, else its title in ``lang``."""
        return self.citation or self.title_in(lang)


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Words of an item's text that its document marks as someone else's.

    ``text`` is the exact span (without its enclosing quotation marks); ``source`` the work
    credited for exactly these words (None when the text names only the speaker); ``words_of``
    whose words they are, as the text names them.
    """

    text: str
    source: SourceRecord | None = None
    words_of: str = ""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where an item's words come from: the document, and whom it quotes or reports."""

    document: SourceRecord | None = None
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()

    @property
    def quoted_sources(self) -> tuple[SourceRecord, ...]:
        """The distinct works quoted, in the order of their first span."""
        seen: dict[str, SourceRecord] = {}
        for quote in self.quotes:
            if quote.source is not None:
                seen.setdefault(quote.source.id, quote.source)
        return tuple(seen.values())

    @property
    def reported_only(self) -> tuple[SourceRecord, ...]:
        """Reported sources that are not also quoted (they are named as reported)."""
        quoted = {s.id for s in self.quoted_sources}
        return tuple(s for s in self.reports if s.id not in quoted)

    @property
    def sources(self) -> tuple[SourceRecord, ...]:
        """Every source named: the document, then quoted, then reported ones (distinct)."""
        seen: dict[str, SourceRecord] = {}
        for source in (self.document, *self.quoted_sources, *self.reports):
            if source is not None:
                seen.setdefault(source.id, source)
        return tuple(seen.values())

    @property
    def primary(self) -> SourceRecord | None:
        """The source a "Sources" button opens: the one work quoted, else the document."""
        quoted = self.quoted_sources
        return quoted[0] if len(quoted) == 1 else self.document

    @property
    def is_empty(self) -> bool:
        return self.document is None and not self.quotes and not self.reports


class _Attributed:
    """Records of items: ``attribution`` from their ``source``, ``quotes`` and ``reports``."""

    __slots__ = ()
    source: SourceRecord | None
    quotes: tuple[QuotedSpan, ...]
    reports: tuple[SourceRecord, ...]

    @property
    def attribution(self) -> Attribution:
        return Attribution(self.source, self.quotes, self.reports)


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
class TestimonySummary(_Attributed):
    """What a card shows. ``excerpt`` is empty for an advised testimony: before its advisory
    a visitor sees only neutral facts (name, role, source)."""

    id: str
    person_name: str
    role: str
    title: str
    excerpt: str  # first lines of the body
    advisory: str  # none / distressing / graphic
    group: str
    language: str
    translated: bool = True
    source: SourceRecord | None = None
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class TestimonyRecord(_Attributed):
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
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()
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
class EventRecord(_Attributed):
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
    advisory: str = "none"  # none / distressing / graphic (words taken from an advised account)
    editorial_year: int | None = None  # a year known only from context, shown as "[1991]"
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()
    credit: TranslationCredit | None = None  # set when shown translated (not the original)


@dataclass(frozen=True, slots=True)
class StatisticRecord(_Attributed):
    id: str
    value: int
    qualifier: str
    label: str
    group: str
    source: SourceRecord | None
    language: str = "en"
    translated: bool = True
    sentence: str = ""  # the text's whole sentence, verbatim
    words_before: str = ""  # words of the sentence shown before the figure (its predicate)
    words_after: str = ""  # ... and after its label
    part_of: str = ""  # the id of the total this figure is part of
    show_alone: bool = True  # False: never a headline figure of its own
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class NameRecord(_Attributed):
    id: int
    name: str
    age: int | None = None
    birth_year: int | None = None
    village: str = ""
    category: str = ""
    passage: str = ""
    source: SourceRecord | None = None
    advisory: str = "none"  # of the passage: it may come from an advised account
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()
    # Who speaks the passage: the witness of the testimony that holds it word for word
    # ("" when no testimony does, or for search results, which do not look it up).
    speaker: str = ""
    speaker_role: str = ""
    testimony_id: str = ""


@dataclass(frozen=True, slots=True)
class RecognitionRecord(_Attributed):
    id: str
    kind: str  # country, us_state, organisation
    name: str
    body: str
    date: str
    instrument: str
    source: SourceRecord | None
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class MonumentRecord(_Attributed):
    id: str
    place: str
    country: str
    year: int | None
    description: str
    media: MediaRecord | None
    source: SourceRecord | None
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class PassageRecord(_Attributed):
    id: str
    section: str
    title: str
    body: str
    source: SourceRecord | None
    language: str = "en"
    translated: bool = True
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()
    credit: TranslationCredit | None = None  # set when shown translated (not the original)


@dataclass(frozen=True, slots=True)
class AttractQuote(_Attributed):
    """A whole sentence for the attract loop, from an unadvised item, with its credit.

    ``quotes`` are the item's spans that contain the sentence (empty: the document's words).
    """

    text: str
    kind: str  # testimony, event, passage, ...
    item_id: str
    source: SourceRecord | None = None
    quotes: tuple[QuotedSpan, ...] = ()
    reports: tuple[SourceRecord, ...] = ()
    language: str = "en"


@dataclass(frozen=True, slots=True)
class CitingItem:
    """An item that cites a source, for the Sources screen."""

    kind: str  # testimony, event, statistic, recognition, monument, name, passage
    id: str
    label: str
    relation: str = ""  # "": the item's text is taken from the source; "quotes"; "reports"


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
