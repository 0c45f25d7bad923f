"""What screens may ask of the archive. Real SQLite repositories and test fakes both fit.

Every method returns frozen records (``archive.records``); ``lang`` is one of az/en/ru/tr and
selects a translation where one exists (records say ``translated=False`` otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from khojaly_kiosk.archive.records import (
    ArchiveSummary,
    AttractQuote,
    EraRecord,
    EventRecord,
    MonumentRecord,
    NameRecord,
    PassageRecord,
    RecognitionRecord,
    SourceRecord,
    SourceWithCitations,
    StatisticRecord,
    TestimonyRecord,
    TestimonySummary,
)


class TestimonyRepo(Protocol):
    def list(self, lang: str = "en", group: str | None = None) -> Sequence[TestimonySummary]: ...
    def get(self, testimony_id: str, lang: str = "en") -> TestimonyRecord | None: ...


class TimelineRepo(Protocol):
    def eras(self, lang: str = "en") -> Sequence[EraRecord]: ...
    def events(self, lang: str = "en") -> Sequence[EventRecord]: ...
    def get(self, event_id: str, lang: str = "en") -> EventRecord | None: ...


class StatisticRepo(Protocol):
    def list(self, lang: str = "en") -> Sequence[StatisticRecord]: ...


class NameRepo(Protocol):
    def count(self) -> int: ...
    def page(self, offset: int, limit: int) -> Sequence[NameRecord]: ...
    def search(self, query: str, limit: int = 50) -> Sequence[NameRecord]: ...
    def get(self, name_id: int) -> NameRecord | None: ...


class RecognitionRepo(Protocol):
    def list(self, lang: str = "en") -> Sequence[RecognitionRecord]: ...


class MonumentRepo(Protocol):
    def list(self, lang: str = "en") -> Sequence[MonumentRecord]: ...


class PassageRepo(Protocol):
    def section(self, section: str, lang: str = "en") -> Sequence[PassageRecord]: ...


class SourceRepo(Protocol):
    def list(self) -> Sequence[SourceWithCitations]: ...
    def get(self, source_id: str) -> SourceRecord | None: ...


class AttractRepo(Protocol):
    def quotes(self, lang: str = "en") -> Sequence[AttractQuote]:
        """The curator's sentences for the attract loop, each with its credit."""
        ...


class ArchiveRepos(Protocol):
    """The bundle the composition root hands to the UI shell."""

    testimonies: TestimonyRepo
    timeline: TimelineRepo
    statistics: StatisticRepo
    names: NameRepo
    recognitions: RecognitionRepo
    monuments: MonumentRepo
    passages: PassageRepo
    sources: SourceRepo
    attract: AttractRepo

    def summary(self) -> ArchiveSummary: ...
