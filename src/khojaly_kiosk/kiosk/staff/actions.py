"""What the staff panel shows and does, as plain data and callables.

Apart from the panel (``panel.py``, with its QtCharts), so the composition root and the kiosk
session can hand the staff room its actions at start without building or importing the panel:
it is built the first time staff open it (``flow.StaffFlow``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.archive.records import ArchiveSummary, TranslationCoverage
from khojaly_kiosk.ui.background import ProgressCallback


@dataclass(frozen=True, slots=True)
class StaffStatus:
    """What the status box shows. Empty strings and ``None`` are shown as "unknown"."""

    generation: str = ""
    package_version: int | None = None
    package_title: str = ""
    counts: Mapping[str, int] = field(default_factory=dict)
    integrity: str = ""  # a sentence from the integrity check, e.g. "The archive is intact."
    disk_free_bytes: int | None = None
    coverage: tuple[TranslationCoverage, ...] = ()  # of the content's translations


def status_from_summary(summary: ArchiveSummary | None, integrity: str,
                        data_dir: Path) -> StaffStatus:
    """Build a :class:`StaffStatus` from the archive summary and the data dir's free space."""
    try:
        free: int | None = shutil.disk_usage(data_dir).free
    except OSError:
        free = None
    if summary is None:
        return StaffStatus(integrity=integrity, disk_free_bytes=free)
    return StaffStatus(summary.generation, summary.package_version, summary.title,
                       dict(summary.counts), integrity, free, summary.coverage)


@dataclass(frozen=True)
class StaffActions:
    """Everything the panel can do, given by the composition root."""

    status: Callable[[], StaffStatus]
    importer: Callable[[Path, ProgressCallback], str]  # returns the report text
    rollback: Callable[[], str]  # returns a sentence saying what is live now
    restart: Callable[[], None]
    exit_to_desktop: Callable[[], None]
    usage_totals: Callable[[], Mapping[str, int]]  # counter name -> count
    current_settings: Callable[[], Mapping[str, str]]
    save_setting: Callable[[str, str], None]  # raises KioskError when refused
    package_roots: Sequence[Path] = ()
    # Visits per hour of day (24 numbers); without it the panel shows only the totals.
    usage_by_hour: Callable[[], Sequence[int]] | None = None
