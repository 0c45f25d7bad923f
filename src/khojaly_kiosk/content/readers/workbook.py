"""``content.xlsx``: one workbook with a sheet per kind of content, read as tables.

Each sheet is read like the CSV file of its kind (``sources`` like ``sources.csv``): its first
row names the columns, each further row is one item. The workbook is opened read-only and
streamed (a names sheet may hold a million rows). What a spreadsheet can hold but a content
file cannot is refused with its sheet and cell: a formula (its result would be a guess of
the last program that saved the file), merged cells (which row does the value belong to?).

openpyxl is asked for formulas (``data_only=False``): with ``data_only=True`` it hands back
the cached result of a formula and the formula itself would pass unseen.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from khojaly_kiosk.content.readers.csvutil import CsvRow, CsvTable, fold_header
from khojaly_kiosk.content.report import ValidationReport, Where, column_letter

log = logging.getLogger(__name__)

WORKBOOK = "content.xlsx"
# <mergeCell ref="A2:B3"/>, with or without a namespace prefix
_MERGE_RE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([^"]{1,64})"')
_OVERLAP = 256  # bytes kept between chunks, so an element cut in two is still found
_FORMULA_HINT = ("Replace the formula by its value (copy the cells, then Paste Special > "
                 "Values), or type the value.")


def sheet_item(name: str) -> str:
    """How a report names a sheet: ``sheet 'names'``."""
    return f"sheet '{name}'"


def read_workbook(path: Path, file: str, report: ValidationReport) -> dict[str, CsvTable]:
    """Every sheet of the workbook at ``path`` as a table, by folded sheet name.

    A sheet with a problem that makes its rows unreliable (a formula, merged cells, no
    header) is reported and left out; the other sheets are still read.
    """
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as err:
        report.error(Where(file), f"{file} cannot be opened as an Excel workbook ({err}).",
                     "Save it from Excel or LibreOffice as 'Excel Workbook (.xlsx)'.")
        return {}
    tables: dict[str, CsvTable] = {}
    try:
        for sheet in workbook.worksheets:
            name = str(sheet.title)
            table = _read_sheet(workbook, sheet, name, file, report)
            if table is None:
                continue
            key = fold_header(name)
            if key in tables:
                report.error(Where(file, item=sheet_item(name)), f"Two sheets are named "
                             f"'{name}' (letter case and spaces aside).",
                             "Rename or merge one of them.")
                continue
            tables[key] = table
    finally:
        workbook.close()
    return tables


def _read_sheet(workbook: Any, sheet: Any, name: str, file: str,
                report: ValidationReport) -> CsvTable | None:
    item = sheet_item(name)
    errors_before = len(report.errors)
    for ref in _merged_ranges(workbook, sheet):
        report.error(Where(file, item=item), f"The cells {ref} are merged; a content sheet "
                     "has one value per cell.", "Select them and choose 'Unmerge cells', then "
                     "write the value into each row it belongs to.")
    sheet.reset_dimensions()  # some programs write a wrong size: read every row there is
    headers: list[str] | None = None
    index: dict[str, int] = {}
    rows: list[CsvRow] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values = [_cell_text(cell, file, item, number, report) for cell in cells]
        if headers is None:
            if not any(v.strip() for v in values):
                if number == 1:
                    continue  # looked at again below: a sheet that has no first row at all
                continue
            if number != 1:
                report.error(Where(file, number, item=item), "The column names must be in "
                             "the first row of the sheet.", "Delete the empty rows above them.")
                return None
            headers = [v.strip() for v in values]
            index = _header_index(headers, file, item, report)
            continue
        if any(v.strip() for v in values):
            rows.append(CsvRow(number, values, index, item))
    if headers is None:
        report.error(Where(file, item=item), f"The sheet '{name}' is empty.",
                     "Write the column names in its first row, or delete the sheet.")
        return None
    if len(report.errors) > errors_before:
        return None  # nothing of a sheet with formulas or merged cells is used
    return CsvTable(file, headers, index, rows, item)


def _header_index(headers: list[str], file: str, item: str,
                  report: ValidationReport) -> dict[str, int]:
    index: dict[str, int] = {}
    for pos, name in enumerate(headers):
        key = fold_header(name)
        if not key:
            continue
        if key in index:
            report.error(Where(file, 1, pos + 1, item), f"The column '{name}' appears twice "
                         "in the first row.", "Remove or rename one of them.")
            continue
        index[key] = pos
    return index


def _cell_text(cell: Any, file: str, item: str, row: int, report: ValidationReport) -> str:
    """A cell's value as the text a CSV file would hold."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    column = getattr(cell, "column", None)
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str)
                                                   and value.startswith("=")
                                                   and getattr(cell, "data_type", "") == "f"):
        where = Where(file, row, column, item)
        report.error(where, f"The cell {column_letter(column or 0)}{row} holds a formula "
                     f"({str(value)[:60]}); content is read as written, never calculated.",
                     _FORMULA_HINT)
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        report.warning(Where(file, row, column, item), "The spreadsheet stored this cell as a "
                       f"date; it is read as {day.isoformat()}.", "To keep your own wording "
                       "(e.g. 'February 1992'), format the column as Text and type it again.")
        return day.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if not value.second else "%H:%M:%S")
    return str(value)


def _merged_ranges(workbook: Any, sheet: Any) -> list[str]:
    """The merged ranges of a sheet (``A2:B3``). Read-only mode does not parse them, so the
    sheet's XML is scanned for its ``<mergeCell ref=...>`` elements: as bytes, in chunks
    (parsing a names sheet's XML a second time would double the time it takes to read)."""
    archive = getattr(workbook, "_archive", None)
    member = getattr(sheet, "_worksheet_path", None)
    if archive is None or member is None:
        log.warning("cannot look for merged cells in %s", sheet.title)
        return []
    found: list[str] = []
    tail = b""
    with archive.open(member) as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            cut = max(0, len(data) - _OVERLAP)
            found += [m[1].decode("utf-8", "replace") for m in _MERGE_RE.finditer(data)
                      if m.start() < cut]
            tail = data[cut:]
        found += [m[1].decode("utf-8", "replace") for m in _MERGE_RE.finditer(tail)]
    return list(dict.fromkeys(found))


def known_sheets(tables: dict[str, CsvTable], kinds: Iterable[str]) -> list[str]:
    """Names of the sheets that hold no known kind (their folded names)."""
    wanted = {fold_header(k) for k in kinds}
    return [key for key in tables if key not in wanted]
