"""The content bundle: a content folder read and checked, ready to become an archive file.

The readers (``content.readers``: TOML files, TimelineJS, OHMS, names CSV, ...) each add
unattached ``archive.models`` rows to one ``ContentBundle``; ``content.archive_writer``
writes the bundle into a fresh SQLite file, table by table in the order of ``TABLES``.
Media files are listed with the path of their file inside the package.

A table that can be very large (a names list of a million rows) is not held in memory: its
reader leaves a ``StreamedRows`` that reads the file again, batch by batch, while the archive
is written.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.records import TranslationCoverage
from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.report import ValidationReport

RowBatches = Callable[[ValidationReport, "Progress | None"], Iterator[list[tuple[Any, ...]]]]


@dataclass
class PackageInfo:
    title: str = ""
    exhibition_id: str = ""
    version: int = 0
    source_organization: str = ""
    bagging_date: str = ""
    language: str = "en"


@dataclass
class MediaFile:
    """A media file of the package and the row that will describe it."""

    asset: m.MediaAsset
    file: Path


@dataclass
class StreamedRows:
    """A large table left in its file and read in batches of tuples while it is written.

    ``read(report, progress)`` validates each row again (problems go to ``report``) and yields
    batches of the valid ones, each a tuple of ``columns`` of the archive table. ``count`` is
    the number of valid rows once a pass has read the file (None before).
    """

    file: str
    columns: tuple[str, ...]
    read: RowBatches
    count: int | None = None
    size: int = 0  # bytes of the file: how large the table is before it is read

    def validate(self, report: ValidationReport, progress: Progress | None = None) -> int:
        """Read every row once (keeping none) and remember how many are valid."""
        with collector_paused():
            self.count = sum(len(batch) for batch in self.read(report, progress))
        return self.count


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: a million rows are a million new tuples, none
    in a cycle, and each collection would walk them all again (a quarter of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class ContentBundle:
    info: PackageInfo = field(default_factory=PackageInfo)
    sources: list[m.Source] = field(default_factory=list)
    persons: list[m.Person] = field(default_factory=list)
    testimonies: list[m.Testimony] = field(default_factory=list)
    segments: list[m.TestimonySegment] = field(default_factory=list)
    eras: list[m.TimelineEra] = field(default_factory=list)
    events: list[m.TimelineEvent] = field(default_factory=list)
    statistics: list[m.Statistic] = field(default_factory=list)
    recognitions: list[m.Recognition] = field(default_factory=list)
    monuments: list[m.Monument] = field(default_factory=list)
    passages: list[m.Passage] = field(default_factory=list)
    translations: list[m.Translation] = field(default_factory=list)
    attributions: list[m.Attribution] = field(default_factory=list)
    attract_quotes: list[m.AttractQuote] = field(default_factory=list)
    media: list[MediaFile] = field(default_factory=list)
    captions: list[m.CaptionCue] = field(default_factory=list)
    # media id -> the .vtt file its captions came from (one file per recording)
    caption_files: dict[str, str] = field(default_factory=dict)
    # TABLES key -> a large table read from its file while the archive is written ("names")
    streams: dict[str, StreamedRows] = field(default_factory=dict)
    # the names of the "names" stream when a quote names one (``readers.names.name_index``)
    name_index: Any = None
    # how much of the text each other language has (``readers.translations``)
    coverage: tuple[TranslationCoverage, ...] = ()

    def rows(self, key: str) -> list[Any]:
        """The in-memory rows of one ``TABLES`` key (for ``"media"``: the asset rows)."""
        if key == "media":
            return [item.asset for item in self.media]
        rows: list[Any] = getattr(self, key, [])
        return rows

    def counts(self) -> dict[str, int]:
        return {
            "sources": len(self.sources),
            "testimonies": len(self.testimonies),
            "events": len(self.events),
            "eras": len(self.eras),
            "statistics": len(self.statistics),
            "names": self._streamed("names"),
            "recognitions": len(self.recognitions),
            "monuments": len(self.monuments),
            "passages": len(self.passages),
            "translations": len(self.translations),
            "media": len(self.media),
        }

    def _streamed(self, key: str) -> int:
        stream = self.streams.get(key)
        return stream.count or 0 if stream is not None else 0


# What a bundle holds: its attribute -> the archive model of its rows, in foreign-key order
# (a row's parents are written before it).
TABLES: tuple[tuple[str, type[m.Base]], ...] = (
    ("sources", m.Source),
    ("media", m.MediaAsset),
    ("persons", m.Person),
    ("testimonies", m.Testimony),
    ("segments", m.TestimonySegment),
    ("captions", m.CaptionCue),
    ("eras", m.TimelineEra),
    ("events", m.TimelineEvent),
    ("statistics", m.Statistic),
    ("names", m.Name),
    ("recognitions", m.Recognition),
    ("monuments", m.Monument),
    ("passages", m.Passage),
    ("translations", m.Translation),
    ("attributions", m.Attribution),
    ("attract_quotes", m.AttractQuote),
)
