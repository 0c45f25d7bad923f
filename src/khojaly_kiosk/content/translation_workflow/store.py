"""The rows of a content folder's ``translations/*.csv`` as written, to look up and merge into.

The content reader (``readers.translations``) checks these files and builds the archive from
them; this module only keeps their rows in order, finds the row of one segment, replaces it
where it is or adds it to ``translations/<language>.csv``, and writes the changed files back
(each through a temporary file and a rename). Old files keep their columns; the new ones
(``paragraph``, ``source_hash``, ``translator``, ``reviewer``, ``date``) are added at the end.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.content.readers.translations import ALIASES, ALL_COLUMNS, translation_files

RowKey = tuple[str, str, str, int | None, str]  # entity, entity_id, field, paragraph, language


@dataclass
class StoredFile:
    path: Path
    headers: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)
    changed: bool = False


def row_key(row: dict[str, str]) -> RowKey | None:
    """The key of a stored row; None for a row the reader would not accept anyway."""
    entity = (row.get("entity") or "").strip()
    paragraph = (row.get("paragraph") or "").strip()
    if paragraph and not paragraph.isdigit():
        return None
    return (ALIASES.get(entity, entity), (row.get("entity_id") or "").strip(),
            (row.get("field") or "").strip(), int(paragraph) if paragraph else None,
            (row.get("language") or "").strip())


class TranslationStore:
    """Every row of ``root/translations/*.csv``; ``put`` then ``save`` merges new ones."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.files: list[StoredFile] = []
        self._index: dict[RowKey, tuple[StoredFile, int]] = {}
        for path in translation_files(self.root):
            text = path.read_bytes().decode("utf-8-sig")  # the reader checked it is UTF-8
            reader = csv.DictReader(io.StringIO(text, newline=""))
            stored = StoredFile(path, list(reader.fieldnames or []))
            for row in reader:
                self._remember(stored, {k: v or "" for k, v in row.items() if k is not None})
            self.files.append(stored)

    def _remember(self, stored: StoredFile, row: dict[str, str]) -> None:
        stored.rows.append(row)
        key = row_key(row)
        if key is not None and key not in self._index:
            self._index[key] = (stored, len(stored.rows) - 1)

    def get(self, key: RowKey) -> dict[str, str] | None:
        found = self._index.get(key)
        return found[0].rows[found[1]] if found else None

    def where(self, key: RowKey) -> str:
        """``"translations/az.csv, line 4"`` for a stored row (the header is line 1)."""
        stored, position = self._index[key]
        return f"{stored.path.relative_to(self.root).as_posix()}, row {position + 2}"

    def put(self, key: RowKey, values: dict[str, str]) -> bool:
        """Set the row of ``key`` (True: replaced an existing one, False: added one)."""
        found = self._index.get(key)
        if found is not None:
            stored, position = found
            stored.rows[position].update(values)
            stored.changed = True
            _add_headers(stored, values)
            return True
        stored = self._file_for(key[4])
        entity, entity_id, field_name, paragraph, language = key
        row = {"entity": entity, "entity_id": entity_id, "field": field_name,
               "paragraph": "" if paragraph is None else str(paragraph), "language": language,
               **values}
        _add_headers(stored, row)
        self._remember(stored, row)
        stored.changed = True
        return False

    def _file_for(self, language: str) -> StoredFile:
        path = self.root / "translations" / f"{language}.csv"
        for stored in self.files:
            if stored.path == path:
                return stored
        stored = StoredFile(path, list(ALL_COLUMNS))
        self.files.append(stored)
        return stored

    def save(self) -> list[Path]:
        """Write every changed file; returns their paths."""
        written = []
        for stored in self.files:
            if not stored.changed:
                continue
            out = io.StringIO()
            writer = csv.DictWriter(out, stored.headers, lineterminator="\n",
                                    extrasaction="ignore")
            writer.writeheader()
            writer.writerows(stored.rows)
            stored.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = stored.path.with_name(f".{stored.path.name}.tmp")
            with temporary.open("w", encoding="utf-8", newline="") as handle:
                handle.write(out.getvalue())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, stored.path)
            stored.changed = False
            written.append(stored.path)
        return written


def _add_headers(stored: StoredFile, values: dict[str, str]) -> None:
    for name in (*ALL_COLUMNS, *values):
        if name in values and name not in stored.headers:
            stored.headers.append(name)
