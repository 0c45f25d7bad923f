"""What every reader of one content folder shares: the bundle, the report, known ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.readers.csvutil import CsvTable
from khojaly_kiosk.content.readers.fields import slugify
from khojaly_kiosk.content.readers.mediarefs import MediaRefs
from khojaly_kiosk.content.report import ValidationReport, Where

LANGUAGES = ("az", "en", "ru", "tr")


class PersonRegistry:
    """One ``Person`` per distinct (name, role); ids are slugs of the name (role if needed)."""

    def __init__(self, persons: list[m.Person]) -> None:
        self._persons = persons
        self._by_key: dict[tuple[str, str], str] = {(p.name, p.role): p.id for p in persons}
        self._ids = {p.id for p in persons}

    def person_id(self, name: str, role: str) -> str | None:
        if not name:
            return None
        key = (name, role)
        if key in self._by_key:
            return self._by_key[key]
        base = slugify(name) or "person"
        candidate = base
        if candidate in self._ids and role:
            candidate = slugify(f"{name} {role}", limit=110) or base
        n = 2
        unique = candidate
        while unique in self._ids:
            unique, n = f"{candidate}-{n}", n + 1
        self._ids.add(unique)
        self._by_key[key] = unique
        self._persons.append(m.Person(id=unique, name=name, role=role))
        return unique


@dataclass
class ReadContext:
    """State of one reading: readers add rows to ``bundle`` and problems to ``report``."""

    root: Path
    report: ValidationReport = field(default_factory=ValidationReport)
    bundle: ContentBundle = field(default_factory=ContentBundle)
    language: str = "en"  # content language from package.toml
    source_ids: set[str] = field(default_factory=set)
    # ids of testimonies (testimonies.toml and OHMS files share them)
    testimony_ids: set[str] = field(default_factory=set)
    # Large tables (names.csv) are checked row by row while the archive is written instead
    # of in a pass of their own (an import reads them once); their rows are never kept.
    defer_streams: bool = False
    progress: Progress | None = None
    # sheets of content.xlsx not yet read, by folded name; each reader takes its own
    sheets: dict[str, CsvTable] = field(default_factory=dict)
    # ids the timeline made up for rows without one: (file, sheet, row) -> id (--write-ids)
    made_ids: dict[tuple[str, str, int], str] = field(default_factory=dict)
    media: MediaRefs = field(init=False)
    persons: PersonRegistry = field(init=False)

    def __post_init__(self) -> None:
        self.media = MediaRefs(self.root, self.report)
        self.persons = PersonRegistry(self.bundle.persons)

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
            unknown_source(self.report, where, text)
            return None
        return text


def unknown_source(report: ValidationReport, where: Where, source_id: str) -> None:
    """The error of a source id that sources.toml does not list."""
    report.error(where, f"The source '{source_id}' is not listed in sources.toml.",
                 "Add it to sources.toml as a [[source]] with this id, or correct the id.")
