"""The translation report of a content folder: coverage per language, every stale segment."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khojaly_kiosk.archive.records import TranslationCoverage
from khojaly_kiosk.content.readers.context import LANGUAGES
from khojaly_kiosk.content.translation_workflow.catalogue import (
    folder_coverage,
    key_of,
    load_catalogue,
)


@dataclass(frozen=True, slots=True)
class StaleSegment:
    language: str
    segment_id: str
    stored_at: str  # "translations/az.csv, row 12"


@dataclass
class FolderStatus:
    coverage: tuple[TranslationCoverage, ...]
    stale: list[StaleSegment] = field(default_factory=list)

    def to_text(self) -> str:
        lines = ["Translation coverage:"]
        lines += [f"  {c.sentence()}" for c in self.coverage]
        if self.stale:
            lines.append("Stale (the English changed since they were translated; the original "
                         "is shown):")
            lines += [f"  {s.language} {s.segment_id} ({s.stored_at})" for s in self.stale]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {"coverage": [c.to_dict() for c in self.coverage],
                "stale": [{"language": s.language, "segment": s.segment_id,
                           "stored_at": s.stored_at} for s in self.stale]}


def folder_status(folder: Path) -> FolderStatus:
    """Coverage and stale segments of ``folder`` (raises InvalidInput for a bad folder)."""
    catalogue = load_catalogue(folder)
    stale = []
    for language in LANGUAGES:
        if language == catalogue.source_language:
            continue
        for entry in catalogue.entries(language):
            if entry.earlier:
                key = key_of(entry.segment, language)
                where = catalogue.store.where(key) if catalogue.store.get(key) else ""
                stale.append(StaleSegment(language, entry.segment.id, where))
    return FolderStatus(folder_coverage(folder), stale)
