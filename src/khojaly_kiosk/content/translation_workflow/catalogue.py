"""A content folder as a translator's catalogue: its segments and their translations so far.

Each segment of the English (``readers.translatable``) is paired with what the folder's
``translations/*.csv`` hold for one language: a current translation (made from the English
as it is), a stale one (made from English that has changed since: shown to the translator
as an earlier translation, never as the target), or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from khojaly_kiosk.archive.records import TranslationCoverage
from khojaly_kiosk.archive.repositories.testimonies import split_paragraphs
from khojaly_kiosk.content.bundle import PackageInfo
from khojaly_kiosk.content.readers.context import LANGUAGES
from khojaly_kiosk.content.readers.folder import read_content_folder
from khojaly_kiosk.content.readers.translatable import Segment, segments_of
from khojaly_kiosk.content.report import ValidationReport
from khojaly_kiosk.content.translation_workflow.store import RowKey, TranslationStore
from khojaly_kiosk.errors import InvalidInput

LANGUAGE_NAMES = {"az": "Azerbaijani", "en": "English", "ru": "Russian", "tr": "Turkish"}
_NOT_HASHED = "0" * 64  # media files are not read: the workflow needs only the text


class ContentHasErrors(InvalidInput):
    """The content folder itself has errors; its report says which."""

    def __init__(self, folder: Path, report: ValidationReport) -> None:
        super().__init__(f"The content folder {folder} has {report.summary()}; fix them "
                         "before working on its translations.", hint=report.to_text())
        self.report = report


@dataclass(frozen=True, slots=True)
class Entry:
    """One segment with its translation so far in one language."""

    segment: Segment
    target: str = ""  # the current translation, or ""
    earlier: str = ""  # a stale translation (made from other English), or ""
    translator: str = ""
    reviewer: str = ""
    date: str = ""


@dataclass
class Catalogue:
    """The segments of one content folder, and its stored translations."""

    folder: Path
    info: PackageInfo
    segments: list[Segment]
    store: TranslationStore

    @property
    def source_language(self) -> str:
        return self.info.language or "en"

    @property
    def package_id(self) -> str:
        return self.info.exhibition_id

    def by_id(self) -> dict[str, Segment]:
        return {segment.id: segment for segment in self.segments}

    def entries(self, language: str) -> list[Entry]:
        """Every segment with its translation into ``language`` so far, in export order."""
        return [self.entry(segment, language) for segment in self.segments]

    def stored(self, segment: Segment, language: str) -> dict[str, str] | None:
        """The stored row translating ``segment`` into ``language`` (by paragraph or whole)."""
        return self.store.get(key_of(segment, language))

    def entry(self, segment: Segment, language: str) -> Entry:
        row = self.stored(segment, language)
        text = (row or {}).get("text", "").strip()
        if row is None and segment.paragraph is not None:
            text, row = self._from_whole(segment, language)
        if row is None or not text:
            return Entry(segment)
        current = (row.get("source_hash") or "").strip() in ("", segment.hash)
        if row.get("paragraph", "") == "" and segment.paragraph is not None:
            current = True  # split from a whole-field row made before hashes or still current
        return Entry(segment, text if current else "", "" if current else text,
                     row.get("translator", ""), row.get("reviewer", ""), row.get("date", ""))

    def _from_whole(self, segment: Segment, language: str) -> tuple[str, dict[str, str] | None]:
        """A paragraph of a field translated whole (before paragraphs), when it splits evenly."""
        row = self.store.get((segment.entity, segment.entity_id, segment.field, None, language))
        if row is None:
            return "", None
        parts = split_paragraphs(row.get("text", ""))
        whole_hash = (row.get("source_hash") or "").strip()
        if len(parts) != segment.paragraphs or whole_hash:
            return "", None  # cannot tell which paragraph is which, or whether it is current
        return parts[segment.paragraph - 1 if segment.paragraph else 0], row


def key_of(segment: Segment, language: str) -> RowKey:
    return (segment.entity, segment.entity_id, segment.field, segment.paragraph, language)


def load_catalogue(folder: Path) -> Catalogue:
    """Read ``folder`` (text only; media files are not hashed).

    Raises:
        InvalidInput: the folder does not exist.
        ContentHasErrors: the content has errors (its report is attached).
    """
    folder = Path(folder)
    if not (folder / "package.toml").is_file():
        raise InvalidInput(f"{folder} is not a content folder (it has no package.toml).",
                           hint="Give the folder that holds package.toml, e.g. db/demo.")
    bundle, report = read_content_folder(folder, lambda _path: _NOT_HASHED)
    if not report.ok:
        raise ContentHasErrors(folder, report)
    return Catalogue(folder, bundle.info, segments_of(bundle), TranslationStore(folder))


def folder_coverage(folder: Path) -> tuple[TranslationCoverage, ...]:
    """Coverage per language of a content folder as it is on disk (text only)."""
    bundle, _report = read_content_folder(Path(folder), lambda _path: _NOT_HASHED)
    return bundle.coverage


def check_target_language(language: str, source_language: str) -> None:
    """Raise InvalidInput unless ``language`` is a kiosk language other than the English's."""
    if language not in LANGUAGES:
        raise InvalidInput(f"'{language}' is not a language of the kiosk.",
                           hint=f"Use one of: {', '.join(LANGUAGES)}.")
    if language == source_language:
        raise InvalidInput(f"The content is written in '{language}' already.",
                           hint="Choose the language to translate into.")
