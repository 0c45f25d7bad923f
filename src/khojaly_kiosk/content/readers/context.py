"""What every importer of one content folder shares: the bundle, the report, known ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.readers.mediarefs import MediaRefs
from khojaly_kiosk.content.report import ValidationReport, Where

LANGUAGES = ("az", "en", "ru", "tr")


@dataclass
class ReadContext:
    """State of one load: importers add rows to ``bundle`` and problems to ``report``."""

    root: Path
    report: ValidationReport = field(default_factory=ValidationReport)
    bundle: ContentBundle = field(default_factory=ContentBundle)
    language: str = "en"  # content language from package.toml
    source_ids: set[str] = field(default_factory=set)
    media: MediaRefs = field(init=False)

    def __post_init__(self) -> None:
        self.media = MediaRefs(self.root, self.report)

    def source(
        self, value: object, where: Where, what: str, warn_missing: bool = True
    ) -> str | None:
        """A known source id (or None); an unknown id is an error, none at all a warning."""
        text = "" if value is None else str(value).strip()
        if not text:
            if warn_missing:
                self.report.warning(
                    where,
                    f"This {what} names no source.",
                    "Add the id of its source from sources.toml so visitors see where it comes "
                    "from.",
                )
            return None
        if text not in self.source_ids:
            self.report.error(
                where,
                f"The source '{text}' is not listed in sources.toml.",
                "Add it to sources.toml as a [[source]] with this id, or correct the id.",
            )
            return None
        return text
