"""Reading content files: UTF-8 decoding with line-precise errors, and CSV by header name."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from khojaly_kiosk.content.readers.delimiter import detect_delimiter
from khojaly_kiosk.content.report import ValidationReport, Where

_BOM = b"\xef\xbb\xbf"


def utf8_text(data: bytes) -> tuple[str | None, int]:
    """``(text, 0)`` for UTF-8 ``data`` (a BOM tolerated), else ``(None, first bad line)``."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError as err:
        return None, data[: err.start].count(b"\n") + 1


def decode_utf8(data: bytes, where: Where, report: ValidationReport) -> str | None:
    """The text of ``data`` (UTF-8, a BOM tolerated); an error naming the first bad line else."""
    text, line = utf8_text(data)
    if text is None:
        report.error(
            where.at(line),
            f"{Path(where.file).name} is not UTF-8 text (line {line} has characters in another "
            "encoding, e.g. Windows-1251).",
            "Open it in a spreadsheet or text editor and save it as UTF-8 "
            "(in Excel: 'CSV UTF-8').",
        )
    return text


def read_text(path: Path, where: Where, report: ValidationReport) -> str | None:
    """The decoded text of a file, or None (with an error) when unreadable or not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as err:
        report.error(where, f"{path.name} cannot be read ({err.strerror or err}).",
                     "Check that the file exists and is readable.")
        return None
    return decode_utf8(data, where, report)


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One record with the line it starts on; cells looked up by header name."""

    line: int
    cells: Sequence[str]
    index: dict[str, int]  # folded header name -> position
    item: str = ""  # "sheet 'names'" for a row of a workbook sheet (``line`` is its row)

    def get(self, name: str) -> str:
        """The cell under header ``name`` ('' when the column or cell is absent)."""
        pos = self.index.get(fold_header(name))
        if pos is None or pos >= len(self.cells):
            return ""
        return self.cells[pos]

    def has(self, name: str) -> bool:
        return fold_header(name) in self.index

    def column(self, name: str) -> int | None:
        """The 1-based column number of header ``name``."""
        pos = self.index.get(fold_header(name))
        return None if pos is None else pos + 1

    def where(self, file: str, name: str | None = None) -> Where:
        """The place of this row (and of the cell under ``name``)."""
        return Where(file, self.line, self.column(name) if name else None, self.item)


@lru_cache(maxsize=1024)  # called for every cell lookup of large files
def fold_header(name: str) -> str:
    """Header names match case- and space-insensitively ('End Year' == 'end_year')."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


@dataclass
class CsvTable:
    file: str
    headers: list[str]
    index: dict[str, int]
    rows: list[CsvRow]
    item: str = ""  # "sheet 'names'" for a workbook sheet

    def has(self, name: str) -> bool:
        return fold_header(name) in self.index


def parse_csv(text: str, file: str, report: ValidationReport) -> CsvTable | None:
    """Parse CSV text (CRLF, quoted multi-line cells) with its first row as the header.

    The delimiter (``,`` ``;`` or tab) is detected from the header row.

    Fully empty records are skipped; duplicate header names are an error.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True,
                        delimiter=detect_delimiter(text))
    rows: list[CsvRow] = []
    headers: list[str] | None = None
    index: dict[str, int] = {}
    next_line = 1
    try:
        for cells in reader:
            line, next_line = next_line, reader.line_num + 1
            if headers is None:
                headers = [c.strip() for c in cells]
                for pos, name in enumerate(headers):
                    key = fold_header(name)
                    if not key:
                        continue
                    if key in index:
                        report.error(Where(file, line, pos + 1),
                                     f"The column '{name}' appears twice in the header.",
                                     "Remove or rename one of them.")
                        continue
                    index[key] = pos
                continue
            if any(c.strip() for c in cells):
                rows.append(CsvRow(line, cells, index))
    except csv.Error as err:
        report.error(Where(file, reader.line_num), f"The CSV file is malformed: {err}.",
                     "Check the quotes on this line: a quote inside a cell is written twice.")
        return None
    if headers is None:
        report.error(Where(file), f"{file} is empty.", "Add a header row naming the columns.")
        return None
    return CsvTable(file, headers, index, rows)


def read_csv(path: Path, file: str, report: ValidationReport) -> CsvTable | None:
    """Read, decode and parse a CSV file; None (with errors reported) when it cannot be used."""
    text = read_text(path, Where(file), report)
    if text is None:
        return None
    return parse_csv(text, file, report)


def require_columns(table: CsvTable, names: Sequence[str], report: ValidationReport) -> bool:
    """True when every required column is in the header; one error per missing column."""
    ok = True
    for name in names:
        if not table.has(name):
            report.error(Where(table.file, 1, item=table.item),
                         f"The required column '{name}' is missing.",
                         f"Add a column headed '{name}' to the first row.")
            ok = False
    return ok


def iter_rows(table: CsvTable | None) -> Iterator[CsvRow]:
    return iter(table.rows if table else ())
