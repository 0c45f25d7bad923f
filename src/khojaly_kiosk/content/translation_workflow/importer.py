"""Merge a translated file (XLIFF 2.0, XLSX or CSV) into a content folder's translations.

Every problem is reported by file and line or segment. Nothing is merged from a file with
an error: the wrong package or language, an unknown or repeated segment id, a segment
without a source hash or without anyone to credit, a target that fails ``checks``. Empty
targets are skipped and stale ones (translated from English that has changed) are merged
as they are (they stay stale: the kiosk shows the original until they are redone); both
are warnings. A target equal to the translation already stored keeps its first credit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.archive.records import TranslationCoverage
from khojaly_kiosk.content.readers.context import LANGUAGES
from khojaly_kiosk.content.readers.translatable import normalize
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.translation_workflow.catalogue import (
    LANGUAGE_NAMES,
    Catalogue,
    folder_coverage,
    key_of,
    load_catalogue,
)
from khojaly_kiosk.content.translation_workflow.checks import check_target
from khojaly_kiosk.content.translation_workflow.formats import FileEntry, TranslatedFile
from khojaly_kiosk.content.translation_workflow.sheets import read_sheet_csv, read_sheet_xlsx
from khojaly_kiosk.content.translation_workflow.xliff import read_xliff
from khojaly_kiosk.errors import InvalidInput

Reader = Callable[[Path, str, ValidationReport], TranslatedFile | None]
READERS: dict[str, Reader] = {".xlf": read_xliff, ".xliff": read_xliff, ".xlsx": read_sheet_xlsx,
                              ".csv": read_sheet_csv}


@dataclass(frozen=True, slots=True)
class Credit:
    """Who to credit for a file's changed targets, when the file does not say (CLI options)."""

    translator: str = ""
    reviewer: str = ""
    date: str = ""


@dataclass
class ImportResult:
    report: ValidationReport
    language: str = ""
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    stale: int = 0
    written: list[Path] = field(default_factory=list)
    coverage: TranslationCoverage | None = None

    @property
    def merged(self) -> int:
        return self.added + self.replaced

    def message(self) -> str:
        if not self.report.ok:
            return "Nothing was merged: the file has errors (listed above)."
        text = (f"Merged {self.merged} translation{'s' if self.merged != 1 else ''} into "
                f"{self.language} ({self.added} new, {self.replaced} replaced, "
                f"{self.unchanged} unchanged")
        text += f", {self.stale} stale)." if self.stale else ")."
        if self.coverage is not None:
            text += f" Coverage now {self.coverage.sentence()}."
        return text


def read_translated_file(path: Path, report: ValidationReport) -> TranslatedFile | None:
    """The translated file at ``path`` by its ending; None (reported) when unusable."""
    path = Path(path)
    name = path.name
    reader = READERS.get(path.suffix.lower())
    if not path.is_file():
        report.error(Where(name), f"There is no file at {path}.", "Check the path.")
        return None
    if reader is None:
        report.error(Where(name), f"{name} is not a translation file the kiosk reads.",
                     "Give an XLIFF 2.0 (.xlf), Excel (.xlsx) or CSV (.csv) file as exported "
                     "by `khojaly-kiosk translations export` (.xls and .ods: save as .xlsx).")
        return None
    return reader(path, name, report)


def _check_file(parsed: TranslatedFile, catalogue: Catalogue, language: str | None,
                report: ValidationReport) -> str:
    """File-level checks; the target language ("" when it cannot be used)."""
    where, name = parsed.where(), parsed.file
    if parsed.package != catalogue.package_id:
        report.error(where, f"{name} is for the package '{parsed.package or '(none)'}', not "
                     f"'{catalogue.package_id}' of {catalogue.folder}.",
                     "Import it into its own content folder, or export this one's anew.")
    if parsed.source_language and parsed.source_language != catalogue.source_language:
        report.error(where, f"{name} translates from '{parsed.source_language}', but this "
                     f"content is written in '{catalogue.source_language}'.",
                     "Export the translations of this content folder anew.")
    target = parsed.target_language
    if target not in LANGUAGES or target == catalogue.source_language:
        report.error(where, f"{name} translates into '{target or '(no language)'}', which is "
                     "not a language the content can be translated into here.",
                     f"Use one of: {', '.join(x for x in LANGUAGES if x != 'en')}.")
        return ""
    if language and language != target:
        report.error(where, f"{name} is a translation into '{target}' "
                     f"({LANGUAGE_NAMES.get(target, target)}), not '{language}'.",
                     "Check that this is the right file, or leave out --language.")
        return ""
    return target


def _credit_for(entry: FileEntry, parsed: TranslatedFile, given: Credit,
                today: str) -> tuple[str, str, str]:
    """Row or unit first, then the command line, then the file's own metadata."""
    translator = entry.translator or given.translator or parsed.translator
    reviewer = entry.reviewer or given.reviewer or parsed.reviewer
    return translator, reviewer, entry.date or given.date or parsed.date or today


def _valid_date(text: str) -> bool:
    try:
        return len(text) == 10 and bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


def import_translations(path: Path, content_dir: Path, language: str | None = None,
                        credit: Credit | None = None, today: dt.date | None = None,
                        ) -> ImportResult:
    """Check ``path`` against ``content_dir`` and merge it when it has no error.

    Raises:
        InvalidInput: the content folder is missing or has errors of its own.
    """
    catalogue = load_catalogue(content_dir)
    report = ValidationReport()
    result = ImportResult(report)
    parsed = read_translated_file(path, report)
    if parsed is None:
        return result
    target = _check_file(parsed, catalogue, language, report)
    if not target:
        return result
    result.language = target
    segments = catalogue.by_id()
    given = credit or Credit()
    day = (today or dt.date.today()).isoformat()
    seen: dict[str, Where] = {}
    changes: list[tuple[FileEntry, dict[str, str]]] = []
    for entry in parsed.entries:
        where = entry.where
        segment = segments.get(entry.segment_id)
        if segment is None:
            report.error(where, f"No segment of this content has the id '{entry.segment_id}'.",
                         "Keep the ids of the exported file; export anew if the content "
                         "changed a lot.")
            continue
        if entry.segment_id in seen:
            report.error(where, f"The segment '{entry.segment_id}' appears twice.",
                         "Keep one of them.")
            continue
        seen[entry.segment_id] = where
        if not entry.target.strip():
            report.warning(where, "The target is empty; this segment is skipped.",
                           "Translate it in a later round (the original is shown meanwhile).")
            continue
        if not entry.source_hash:
            report.error(where, "This segment has no source hash, so it cannot be told which "
                         "English it was translated from.", "Keep the source_hash of the "
                         "exported file (column or XLIFF metadata) untouched.")
            continue
        stored = catalogue.stored(segment, target)
        text = normalize(entry.target)
        check_target(where, entry.source or segment.source, entry.target, target, report)
        if (stored is not None and normalize(stored.get("text", "")) == text
                and (stored.get("source_hash") or "") == entry.source_hash):
            result.unchanged += 1
            continue
        stale = entry.source_hash != segment.hash
        if stale:
            result.stale += 1
            report.warning(where, "The English of this segment has changed since the file was "
                           "exported: the translation is kept but marked stale, and the "
                           "original is shown until it is translated anew.",
                           "Export the translations again for the new English.")
        translator, reviewer, date = _credit_for(entry, parsed, given, day)
        if not translator:
            report.error(where, "No translator is named for this translation.",
                         "Give --translator NAME (or fill the translator column / the XLIFF "
                         "file's translator metadata): a translation carries its credit.")
            continue
        if not _valid_date(date):
            report.error(where, f"The date '{date}' is not a date like 2026-03-01.",
                         "Write the date as YYYY-MM-DD.")
            continue
        changes.append((entry, {"text": text, "source_hash": entry.source_hash,
                                "translator": translator, "reviewer": reviewer, "date": date}))
    if not report.ok:
        return result
    for entry, values in changes:
        key = key_of(segments[entry.segment_id], target)
        if catalogue.store.put(key, values):
            result.replaced += 1
        else:
            result.added += 1
    result.written = catalogue.store.save()
    result.coverage = _coverage_after(content_dir, target)
    return result


def _coverage_after(content_dir: Path, language: str) -> TranslationCoverage | None:
    return next((c for c in folder_coverage(content_dir) if c.language == language), None)


def check_language_option(language: str | None) -> None:
    if language is not None and language not in LANGUAGES:
        raise InvalidInput(f"'{language}' is not a language of the kiosk.",
                           hint=f"Use one of: {', '.join(LANGUAGES)}.")
