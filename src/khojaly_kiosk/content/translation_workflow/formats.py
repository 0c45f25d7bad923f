"""What a translated file says, whatever its format (XLIFF 2.0, XLSX, CSV).

Readers of the three formats turn a file into one ``TranslatedFile`` (adding every problem
of the file itself to a ``ValidationReport``); the importer checks it against the content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from khojaly_kiosk.content.report import Where

# The columns of an exported spreadsheet (CSV or XLSX), in order. ``target`` is the one a
# translator writes in; ``translator``, ``reviewer`` and ``date`` may be filled per row.
SHEET_COLUMNS = ("id", "field", "context", "source", "source_hash", "target",
                 "earlier_translation", "translator", "reviewer", "date", "package", "language")
REQUIRED_SHEET_COLUMNS = ("id", "source_hash", "target", "package", "language")
# The XLIFF metadata category the kiosk writes its own facts under (XLIFF 2.0 Metadata module).
META_CATEGORY = "khojaly-kiosk"


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One segment as the translated file gives it."""

    segment_id: str
    where: Where
    source: str  # the English the translator saw
    source_hash: str
    target: str
    translator: str = ""
    reviewer: str = ""
    date: str = ""


@dataclass
class TranslatedFile:
    """A translated file: whose package, which languages, who, and its entries."""

    file: str  # the name shown in the report
    package: str = ""
    source_language: str = ""
    target_language: str = ""
    translator: str = ""
    reviewer: str = ""
    date: str = ""
    entries: list[FileEntry] = field(default_factory=list)

    def where(self) -> Where:
        return Where(self.file)
