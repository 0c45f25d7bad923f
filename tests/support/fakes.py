"""In-memory fakes of every archive protocol, for UI tests and offline tours.

ALL DATA HERE IS SYNTHETIC TEST DATA. Names such as "Test Witness 1" and every sentence,
number and date below are invented for tests only; none of it is content about Khojaly and
none of it may ever be shipped or shown to visitors.
"""

from __future__ import annotations

import wave
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from khojaly_kiosk.archive.records import (
    ArchiveSummary,
    AttractQuote,
    CaptionCue,
    CitingItem,
    EraRecord,
    EventRecord,
    MediaRecord,
    MonumentRecord,
    NameRecord,
    PassageRecord,
    RecognitionRecord,
    SegmentRecord,
    SourceRecord,
    SourceWithCitations,
    StatisticRecord,
    TestimonyRecord,
    TestimonySummary,
)

SYNTHETIC = "Synthetic test data"

SOURCES: tuple[SourceRecord, ...] = (
    SourceRecord(id="test-book", kind="book", title="Test Book of Accounts",
                 author="Test Author", publisher="Test Press", date="2000",
                 citation="Test Author, Test Book of Accounts (synthetic)"),
    SourceRecord(id="test-report", kind="report", title="Test Report on Events",
                 publisher="Test Organisation", date="2001",
                 citation="Test Organisation, Test Report on Events (synthetic)"),
    SourceRecord(id="test-newspaper", kind="newspaper", title="Test Gazette",
                 publisher="Test Gazette", date="3 March 2002"),
)
_SRC = {s.id: s for s in SOURCES}

_LONG_PARAGRAPH = (
    "This is a synthetic paragraph written for tests. It is long enough to wrap across several "
    "lines of the reading column so that layout, wrapping and scrolling can be checked without "
    "using any real account."
)


def _testimony(n: int, group: str, advisory: str, source: str, paragraphs: int = 4,
               role: str = "Test role") -> TestimonyRecord:
    body = tuple(f"Paragraph {i + 1} of test testimony {n}. {_LONG_PARAGRAPH}"
                 for i in range(paragraphs))
    return TestimonyRecord(
        id=f"test-witness-{n}", person_name=f"Test Witness {n}", role=role,
        title=f"Test testimony {n}", paragraphs=body, advisory=advisory, group=group,
        language="en", source=_SRC[source])


TESTIMONIES: tuple[TestimonyRecord, ...] = (
    _testimony(1, "survivors", "none", "test-book"),
    _testimony(2, "survivors", "graphic", "test-book", paragraphs=12,
               role="Test role with a deliberately long description that must wrap, not clip"),
    _testimony(3, "rescuers_officials", "distressing", "test-report"),
    _testimony(4, "journalists", "none", "test-newspaper"),
    _testimony(5, "human_rights", "none", "test-report"),
)

ERAS: tuple[EraRecord, ...] = (
    EraRecord(id="test-era-1", headline="Test Era One", display_date="1990–1991",
              start_year=1990, end_year=1991, text="A synthetic era for tests."),
    EraRecord(id="test-era-2", headline="Test Era Two", display_date="1992",
              start_year=1992, end_year=1992, text="Another synthetic era for tests."),
)

EVENTS: tuple[EventRecord, ...] = tuple(
    EventRecord(
        id=f"test-event-{i}", era_id="test-era-1" if i <= 3 else "test-era-2",
        display_date=f"Test date {i}", headline=f"Test event {i}",
        text=f"Synthetic description of test event {i}. {_LONG_PARAGRAPH}", group="test",
        start_year=1990 if i <= 3 else 1992, start_month=i, start_day=None,
        source=_SRC["test-report"])
    for i in range(1, 7)
)

STATISTICS: tuple[StatisticRecord, ...] = (
    StatisticRecord(id="test-stat-1", value=111, qualifier="", label="test items counted",
                    group="losses", source=_SRC["test-report"]),
    StatisticRecord(id="test-stat-2", value=222, qualifier="about", label="test things noted",
                    group="losses", source=_SRC["test-report"]),
    StatisticRecord(id="test-stat-3", value=33, qualifier="", label="test places listed",
                    group="destruction", source=_SRC["test-book"]),
    StatisticRecord(id="test-stat-4", value=4444, qualifier="", label="test residents (synthetic)",
                    group="population", source=_SRC["test-book"]),
)

NAMES: tuple[NameRecord, ...] = tuple(
    NameRecord(id=i, name=f"Test Name {i}", age=20 + i % 50 if i % 3 else None,
               village="Test Village" if i % 2 else "", category="", source=_SRC["test-book"])
    for i in range(1, 121)
)

RECOGNITIONS: tuple[RecognitionRecord, ...] = (
    RecognitionRecord(id="test-rec-1", kind="country", name="Test Country", body="Test Parliament",
                      date="2010", instrument="Test resolution", source=_SRC["test-report"]),
    RecognitionRecord(id="test-rec-2", kind="us_state", name="Test State",
                      body="Test State Legislature", date="2011", instrument="Test proclamation",
                      source=_SRC["test-report"]),
    RecognitionRecord(id="test-rec-3", kind="organisation", name="Test Organisation",
                      body="Test Assembly", date="", instrument="Test declaration",
                      source=_SRC["test-report"]),
)

MONUMENTS: tuple[MonumentRecord, ...] = (
    MonumentRecord(id="test-monument-1", place="Test City", country="Test Country", year=2005,
                   description="A synthetic monument description for tests.", media=None,
                   source=_SRC["test-book"]),
    MonumentRecord(id="test-monument-2", place="Test Town", country="Test Land", year=None,
                   description="Another synthetic monument description.", media=None,
                   source=_SRC["test-book"]),
)

PASSAGES: tuple[PassageRecord, ...] = (
    PassageRecord(id="test-remembrance", section="remembrance", title="Test remembrance passage",
                  body="A synthetic remembrance passage for tests.", source=_SRC["test-book"]),
    PassageRecord(id="test-about", section="about", title="Test about passage",
                  body="A synthetic about passage for tests.", source=_SRC["test-report"]),
)


ATTRACT_QUOTES: tuple[AttractQuote, ...] = (
    AttractQuote(text="A synthetic about passage for tests.", kind="passage",
                 item_id="test-about", source=_SRC["test-report"]),
)


def write_silence_wav(path: Path, seconds: float = 2.0, rate: int = 8000) -> Path:
    """A real, tiny WAV file of silence (8 kHz mono 16-bit) for player tests."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\0\0" * int(seconds * rate))
    return path


# Synthetic captions and index for a recorded test testimony.
SYNTHETIC_CUES: tuple[CaptionCue, ...] = (
    CaptionCue(0, 600, "Synthetic caption one."),
    CaptionCue(800, 1500, "Synthetic caption two, a little longer."),
)
SYNTHETIC_SEGMENTS: tuple[SegmentRecord, ...] = (
    SegmentRecord(position=1, title="Test segment one", synopsis="A synthetic synopsis.",
                  keywords=("test", "synthetic"), start_seconds=0, paragraph=1),
    SegmentRecord(position=2, title="Test segment two",
                  synopsis="Another synthetic synopsis that is long enough to wrap over more "
                           "than one line of the reading column.",
                  start_seconds=1, paragraph=3),
    SegmentRecord(position=3, title="Test segment three (text only)", paragraph=4),
)


def synthetic_recorded_testimony(media_path: str, mime: str = "audio/wav", n: int = 1,
                                 captions: tuple[CaptionCue, ...] = SYNTHETIC_CUES,
                                 segments: tuple[SegmentRecord, ...] = SYNTHETIC_SEGMENTS,
                                 ) -> TestimonyRecord:
    """Test testimony ``n`` with a recording at ``media_path`` ("" = missing), captions, index."""
    media = MediaRecord(id=f"test-recording-{n}", path=media_path, thumb_path="", mime=mime,
                        width=None, height=None, alt_text="Synthetic audio recording for tests.",
                        caption="Synthetic caption of the recording.", captions=captions)
    return replace(TESTIMONIES[n - 1], media=media, segments=segments)


class FakeTestimonyRepo:
    def __init__(self, items: Sequence[TestimonyRecord]) -> None:
        self._items = list(items)

    def list(self, lang: str = "en", group: str | None = None) -> Sequence[TestimonySummary]:
        return [
            TestimonySummary(id=t.id, person_name=t.person_name, role=t.role, title=t.title,
                             # As the real repository: no words of an advised account.
                             excerpt=(t.paragraphs[0] if t.paragraphs and t.advisory == "none"
                                      else ""),
                             advisory=t.advisory, group=t.group, language=t.language,
                             translated=lang == t.language, source=t.source,
                             quotes=t.quotes, reports=t.reports)
            for t in self._items if group is None or t.group == group
        ]

    def get(self, testimony_id: str, lang: str = "en") -> TestimonyRecord | None:
        ids = [t.id for t in self._items]
        if testimony_id not in ids:
            return None
        i = ids.index(testimony_id)
        return replace(self._items[i], translated=lang == self._items[i].language,
                       previous_id=ids[i - 1] if i > 0 else None,
                       next_id=ids[i + 1] if i + 1 < len(ids) else None)


class FakeTimelineRepo:
    def __init__(self, eras: Sequence[EraRecord], events: Sequence[EventRecord]) -> None:
        self._eras, self._events = list(eras), list(events)

    def eras(self, lang: str = "en") -> Sequence[EraRecord]:
        return list(self._eras)

    def events(self, lang: str = "en") -> Sequence[EventRecord]:
        return list(self._events)

    def get(self, event_id: str, lang: str = "en") -> EventRecord | None:
        return next((e for e in self._events if e.id == event_id), None)


class FakeListRepo:
    """Statistics, recognitions and monuments: a plain ``list(lang)``."""

    def __init__(self, items: Sequence) -> None:
        self._items = list(items)

    def list(self, lang: str = "en") -> Sequence:
        return list(self._items)


class FakeNameRepo:
    def __init__(self, items: Sequence[NameRecord]) -> None:
        self._items = list(items)

    def count(self) -> int:
        return len(self._items)

    def page(self, offset: int, limit: int) -> Sequence[NameRecord]:
        return self._items[offset:offset + limit]

    def search(self, query: str, limit: int = 50) -> Sequence[NameRecord]:
        words = query.casefold().split()
        hits = [n for n in self._items
                if all(any(part.startswith(w) for part in n.name.casefold().split())
                       for w in words)]
        return hits[:limit] if words else []

    def get(self, name_id: int) -> NameRecord | None:
        return next((n for n in self._items if n.id == name_id), None)


class FakeAttractRepo:
    def __init__(self, items: Sequence[AttractQuote]) -> None:
        self._items = list(items)

    def quotes(self, lang: str = "en") -> Sequence[AttractQuote]:
        return list(self._items)


class FakePassageRepo:
    def __init__(self, items: Sequence[PassageRecord]) -> None:
        self._items = list(items)

    def section(self, section: str, lang: str = "en") -> Sequence[PassageRecord]:
        return [p for p in self._items if p.section == section]


class FakeSourceRepo:
    def __init__(self, sources: Sequence[SourceRecord], citing: dict[str, list[CitingItem]]):
        self._sources, self._citing = list(sources), citing

    def list(self) -> Sequence[SourceWithCitations]:
        return [SourceWithCitations(s, tuple(self._citing.get(s.id, ()))) for s in self._sources]

    def get(self, source_id: str) -> SourceRecord | None:
        return next((s for s in self._sources if s.id == source_id), None)


def _citations(*groups: tuple[str, Sequence, str]) -> dict[str, list[CitingItem]]:
    found: dict[str, list[CitingItem]] = {}
    for kind, items, label_attr in groups:
        for item in items:
            if item.source is not None:
                found.setdefault(item.source.id, []).append(
                    CitingItem(kind=kind, id=str(item.id), label=getattr(item, label_attr)))
    return found


@dataclass
class FakeArchive:
    """Every ``ArchiveRepos`` protocol over synthetic in-memory records.

    Pass ``empty=True`` for an archive with no content at all (empty-state tests).
    """

    empty: bool = False
    generation: str = "gen-test"
    testimonies: FakeTestimonyRepo = field(init=False)
    timeline: FakeTimelineRepo = field(init=False)
    statistics: FakeListRepo = field(init=False)
    names: FakeNameRepo = field(init=False)
    recognitions: FakeListRepo = field(init=False)
    monuments: FakeListRepo = field(init=False)
    passages: FakePassageRepo = field(init=False)
    sources: FakeSourceRepo = field(init=False)
    attract: FakeAttractRepo = field(init=False)

    def __post_init__(self) -> None:
        def pick(items: Sequence) -> Sequence:
            return () if self.empty else items

        self.testimonies = FakeTestimonyRepo(pick(TESTIMONIES))
        self.timeline = FakeTimelineRepo(pick(ERAS), pick(EVENTS))
        self.statistics = FakeListRepo(pick(STATISTICS))
        self.names = FakeNameRepo(pick(NAMES))
        self.recognitions = FakeListRepo(pick(RECOGNITIONS))
        self.monuments = FakeListRepo(pick(MONUMENTS))
        self.passages = FakePassageRepo(pick(PASSAGES))
        self.attract = FakeAttractRepo(pick(ATTRACT_QUOTES))
        citing = _citations(("testimony", pick(TESTIMONIES), "person_name"),
                            ("event", pick(EVENTS), "headline"),
                            ("statistic", pick(STATISTICS), "label"),
                            ("recognition", pick(RECOGNITIONS), "name"),
                            ("monument", pick(MONUMENTS), "place"),
                            ("passage", pick(PASSAGES), "title"))
        self.sources = FakeSourceRepo(pick(SOURCES), citing)

    def summary(self) -> ArchiveSummary:
        counts = {
            "testimonies": len(self.testimonies.list()),
            "events": len(self.timeline.events()),
            "statistics": len(self.statistics.list()),
            "names": self.names.count(),
            "recognitions": len(self.recognitions.list()),
            "monuments": len(self.monuments.list()),
            "sources": len(self.sources.list()),
        }
        return ArchiveSummary(generation=self.generation, package_version=1,
                              title=SYNTHETIC, built_at="2000-01-01T00:00:00Z", counts=counts)
