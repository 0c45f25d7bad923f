"""Export what there is to translate from a content folder, for one language.

``xliff`` (XLIFF 2.0, for CAT tools), ``xlsx`` or ``csv`` (for spreadsheets): every segment
of the English with its id, field, a context line, its source hash, and the current
translation as the target (a stale one as an earlier translation, for reference only).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from khojaly_kiosk.content.translation_workflow.catalogue import (
    check_target_language,
    load_catalogue,
)
from khojaly_kiosk.content.translation_workflow.sheets import write_csv, write_xlsx
from khojaly_kiosk.content.translation_workflow.xliff import write_xliff
from khojaly_kiosk.errors import InvalidInput

FORMATS = ("xliff", "xlsx", "csv")


@dataclass(frozen=True, slots=True)
class ExportResult:
    out: Path
    language: str
    segments: int
    translated: int
    stale: int

    def message(self) -> str:
        return (f"Wrote {self.segments} segments to {self.out} ({self.translated} translated "
                f"into {self.language} already, {self.stale} stale, "
                f"{self.segments - self.translated - self.stale} to do).")


def export_translations(content_dir: Path, language: str, fmt: str, out: Path) -> ExportResult:
    """Write the export of ``content_dir`` for ``language`` in ``fmt`` to ``out``.

    Raises:
        InvalidInput: an unknown format or language, ``out`` is a folder, the content folder
            is missing or has errors.
    """
    if fmt not in FORMATS:
        raise InvalidInput(f"'{fmt}' is not an export format.",
                           hint=f"Use one of: {', '.join(FORMATS)}.")
    out = Path(out)
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder.", hint="Give the name of the file to write.")
    if not out.parent.is_dir():
        raise InvalidInput(f"The folder {out.parent} does not exist.",
                           hint="Create it first, or write the file elsewhere.")
    catalogue = load_catalogue(content_dir)
    check_target_language(language, catalogue.source_language)
    entries = catalogue.entries(language)
    package, source = catalogue.package_id, catalogue.source_language
    if fmt == "xliff":
        write_xliff(entries, package, source, language, out)
    elif fmt == "xlsx":
        write_xlsx(entries, package, language, out)
    else:
        write_csv(entries, package, language, out)
    return ExportResult(out, language, len(entries), sum(1 for e in entries if e.target),
                        sum(1 for e in entries if e.earlier))
