"""Spreadsheets for translators: CSV (UTF-8) and XLSX, one segment a row.

Columns (``formats.SHEET_COLUMNS``): the segment ``id``, its ``field``, a ``context`` line,
the English ``source`` and its ``source_hash``, the ``target`` to write, an
``earlier_translation`` (stale: made from English that has changed), the optional
``translator``, ``reviewer`` and ``date`` of a row, and the ``package`` and ``language`` the
sheet belongs to. Every cell is text: a cell starting with "=" is written as text, never as
a formula, and a sheet whose cells hold formulas or are merged is refused on import.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khojaly_kiosk.content.readers.csvutil import parse_csv, utf8_text
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.translation_workflow.catalogue import LANGUAGE_NAMES, Entry
from khojaly_kiosk.content.translation_workflow.formats import (
    REQUIRED_SHEET_COLUMNS,
    SHEET_COLUMNS,
    FileEntry,
    TranslatedFile,
)

MAX_BYTES = 50_000_000
MAX_UNPACKED = 400_000_000  # an XLSX is a zip: refuse one that would unpack to more
_WIDTHS = {"id": 34, "field": 12, "context": 30, "source": 70, "source_hash": 18, "target": 70,
           "earlier_translation": 40, "translator": 20, "reviewer": 20, "date": 12,
           "package": 16, "language": 10}


def sheet_rows(entries: Sequence[Entry], package: str, language: str) -> list[list[str]]:
    """The header and one row per entry, as text."""
    rows = [list(SHEET_COLUMNS)]
    for entry in entries:
        segment = entry.segment
        values = {"id": segment.id, "field": segment.field, "context": segment.context,
                  "source": segment.source, "source_hash": segment.hash,
                  "target": entry.target, "earlier_translation": entry.earlier,
                  "package": package, "language": language}
        rows.append([values.get(name, "") for name in SHEET_COLUMNS])
    return rows


def write_csv(entries: Sequence[Entry], package: str, language: str, out: Path) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(sheet_rows(entries, package, language))
    out.write_text(buffer.getvalue(), encoding="utf-8")


def write_xlsx(entries: Sequence[Entry], package: str, language: str, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = LANGUAGE_NAMES.get(language, language)[:31]
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate(sheet_rows(entries, package, language), start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            cell.value = value
            cell.data_type = "s"  # text, even when it starts with "="
            cell.alignment = wrap
            if number == 1:
                cell.font = Font(bold=True)
    for column, name in enumerate(SHEET_COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = (
            _WIDTHS.get(name, 16))
    sheet.freeze_panes = "A2"
    book.properties.title = f"{package}: translation into {language}"
    book.save(out)


def _file_from_rows(name: str, rows: list[tuple[int, dict[str, str]]],
                    report: ValidationReport) -> TranslatedFile:
    """A ``TranslatedFile`` from ``(line, cells by column)``; package/language must agree."""
    result = TranslatedFile(name)
    for line, cells in rows:
        for attribute, column in (("package", "package"), ("target_language", "language")):
            value = cells.get(column, "").strip()
            known = getattr(result, attribute)
            if value and not known:
                setattr(result, attribute, value)
            elif value and value != known:
                report.error(Where(name, line, item=f"segment {cells.get('id', '')}"),
                             f"This row says {column} '{value}', an earlier row '{known}'.",
                             "A file holds one package and one language: split it.")
        segment_id = cells.get("id", "").strip()
        result.entries.append(FileEntry(
            segment_id, Where(name, line, item=f"segment {segment_id}"), cells.get("source", ""),
            cells.get("source_hash", "").strip().lower(), cells.get("target", ""),
            cells.get("translator", "").strip(), cells.get("reviewer", "").strip(),
            cells.get("date", "").strip()))  # fmt: skip
    return result


def _missing_columns(name: str, headers: Sequence[str], report: ValidationReport) -> bool:
    missing = [c for c in REQUIRED_SHEET_COLUMNS if c not in headers]
    for column in missing:
        report.error(Where(name, 1), f"The column '{column}' is missing.",
                     "Keep the columns of the exported sheet; write only in 'target' (and "
                     "translator, reviewer, date).")
    return bool(missing)


def read_sheet_csv(path: Path, name: str, report: ValidationReport) -> TranslatedFile | None:
    """A translated CSV (UTF-8; a leading byte-order mark and CRLF line ends are fine)."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        report.error(Where(name), f"{name} is larger than {MAX_BYTES // 1_000_000} MB.")
        return None
    text, bad_line = utf8_text(data)
    if text is None:
        report.error(Where(name, bad_line), f"{name} is not UTF-8 text (line {bad_line} has "
                     "characters in another encoding, e.g. Windows-1251).",
                     "Save it as 'CSV UTF-8' (Excel) or 'Unicode (UTF-8)' (LibreOffice).")
        return None
    table = parse_csv(text, name, report)
    if table is None:
        return None
    headers = [h.strip() for h in table.headers]
    if _missing_columns(name, headers, report):
        return None
    rows = [(row.line, {h: row.get(h) for h in headers if h}) for row in table.rows]
    return _file_from_rows(name, rows, report)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _unpacked_size(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return 0  # not a zip: openpyxl says so below


def read_sheet_xlsx(path: Path, name: str, report: ValidationReport) -> TranslatedFile | None:
    """A translated XLSX: its first sheet. Merged cells and formulas are refused."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if path.stat().st_size > MAX_BYTES or _unpacked_size(path) > MAX_UNPACKED:
        report.error(Where(name), f"{name} is larger than a translation sheet can be.",
                     "Export the translations again; an export of a package is far smaller.")
        return None
    try:
        book = load_workbook(path, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        report.error(Where(name), f"{name} cannot be read as an Excel workbook ({err}).",
                     "Save it as an Excel workbook (.xlsx), or export the sheet as CSV UTF-8.")
        return None
    sheet = book.worksheets[0]
    grid = [[cell for cell in row] for row in sheet.iter_rows()]
    headers = [_cell_text(cell.value).strip() for cell in grid[0]] if grid else []
    if _missing_columns(name, headers, report):
        return None
    ids = {r + 1: _cell_text(row[headers.index("id")].value) for r, row in enumerate(grid)}
    problems = False
    for merged in sheet.merged_cells.ranges:
        report.error(Where(name, merged.min_row, item=f"segment {ids.get(merged.min_row, '')}"),
                     f"The cells {merged.coord} are merged.",
                     "Unmerge them (each segment keeps its own row and cells).")
        problems = True
    rows: list[tuple[int, dict[str, str]]] = []
    for number, row in enumerate(grid[1:], start=2):
        cells: dict[str, str] = {}
        for header, cell in zip(headers, row, strict=False):
            if cell.data_type == "f":
                report.error(Where(name, number, item=f"segment {ids.get(number, '')}"),
                             f"The cell {cell.coordinate} holds a formula.",
                             "Replace the formula by its text (paste as values).")
                problems = True
            if header:
                cells[header] = _cell_text(cell.value)
        if any(value.strip() for value in cells.values()):
            rows.append((number, cells))
    return None if problems else _file_from_rows(name, rows, report)
