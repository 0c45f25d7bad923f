"""Read-only repositories over one archive generation; they return frozen records only."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.archive.protocols import (
    ArchiveRepos,
    AttractRepo,
    MonumentRepo,
    NameRepo,
    PassageRepo,
    RecognitionRepo,
    SourceRepo,
    StatisticRepo,
    TestimonyRepo,
    TimelineRepo,
)
from khojaly_kiosk.archive.reader import Reader
from khojaly_kiosk.archive.records import ArchiveSummary
from khojaly_kiosk.archive.repositories._context import ArchiveContext
from khojaly_kiosk.archive.repositories.attract import AttractRepository
from khojaly_kiosk.archive.repositories.content import (
    MonumentRepository,
    PassageRepository,
    RecognitionRepository,
    StatisticRepository,
)
from khojaly_kiosk.archive.repositories.names import NameRepository
from khojaly_kiosk.archive.repositories.sources import COUNTED, SourceRepository, summarize
from khojaly_kiosk.archive.repositories.testimonies import TestimonyRepository
from khojaly_kiosk.archive.repositories.timeline import TimelineRepository

__all__ = [
    "COUNTED",
    "AttractRepository",
    "MonumentRepository",
    "NameRepository",
    "PassageRepository",
    "RecognitionRepository",
    "SourceRepository",
    "SqliteArchive",
    "StatisticRepository",
    "TestimonyRepository",
    "TimelineRepository",
]


class SqliteArchive:
    """Every repository of one generation (fits ``protocols.ArchiveRepos``).

    Args:
        reader: read-only connections to the generation's ``archive.sqlite``
            (``archive.reader.Reader``; plain ``sqlite3``, no SQLAlchemy).
        generation_dir: the generation folder; media paths resolve inside its ``media/``.
        generation: the generation's name, e.g. ``"gen-000042"``.
    """

    def __init__(self, reader: Reader, generation_dir: Path, generation: str) -> None:
        context = ArchiveContext(reader, generation_dir, generation)
        self._context = context
        self.testimonies: TestimonyRepo = TestimonyRepository(context)
        self.timeline: TimelineRepo = TimelineRepository(context)
        self.statistics: StatisticRepo = StatisticRepository(context)
        self.names: NameRepo = NameRepository(context)
        self.recognitions: RecognitionRepo = RecognitionRepository(context)
        self.monuments: MonumentRepo = MonumentRepository(context)
        self.passages: PassageRepo = PassageRepository(context)
        self.sources: SourceRepo = SourceRepository(context)
        self.attract: AttractRepo = AttractRepository(context)

    def summary(self) -> ArchiveSummary:
        return summarize(self._context)


def _fits_protocol(archive: SqliteArchive) -> ArchiveRepos:
    """Never called: mypy checks here that SqliteArchive satisfies ``ArchiveRepos``."""
    return archive
