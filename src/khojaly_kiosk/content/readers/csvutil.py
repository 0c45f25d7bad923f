"""Reading content files: UTF-8 decoding with line-precise errors, and CSV by header name.

CSV files are read as a stream (``open_csv`` / ``CsvStream.records``): a million-row names
list is never held in memory, and a second pass can read it again while the archive is
written. Every record is strict: it has exactly the header's fields (a short row would shift
its values into the wrong columns), and no cell holds a NUL or other control character. The
delimiter (``,`` ``;`` or tab) is detected from the header row (``readers.delimiter``).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.progress import report as report_progress
from khojaly_kiosk.content.readers.delimiter import detect_delimiter
from khojaly_kiosk.content.report import ValidationReport, Where

_BOM = b"\xef\xbb\xbf"
_CHUNK = 1024 * 1024
# C0 controls except tab, line feed and carriage return; DEL; C1 controls. None is text.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NOT_UTF8_HINT = ("Open it in a spreadsheet or text editor and save it as UTF-8 "
                  "(in Excel: 'CSV UTF-8').")


def utf8_text(data: bytes) -> tuple[str | None, int]:
    """``(text, 0)`` for UTF-8 ``data`` (a BOM tolerated), else ``(None, first bad line)``."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError as err:
        return None, data[: err.start].count(b"\n") + 1


def _not_utf8(where: Where, line: int, report: ValidationReport) -> None:
    report.error(
        where.at(line),
        f"{Path(where.file).name} is not UTF-8 text (line {line} has characters in another "
        "encoding, e.g. Windows-1251).", _NOT_UTF8_HINT)


def decode_utf8(data: bytes, where: Where, report: ValidationReport) -> str | None:
    """The text of ``data`` (UTF-8, a BOM tolerated); an error naming the first bad line else."""
    text, line = utf8_text(data)
    if text is None:
        _not_utf8(where, line, report)
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


def control_char_name(text: str) -> str | None:
    """``"U+0000"`` for the first control character in ``text``, or None when it has none."""
    match = CONTROL_CHARS.search(text)
    return None if match is None else f"U+{ord(match.group()):04X}"


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


class _Lines:
    """The lines of a UTF-8 file, decoded in large chunks, for ``csv.reader``.

    Notes the lines holding control characters (one regular-expression scan per chunk), the
    first line that is not UTF-8, and how far reading has come (for progress).
    """

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self.bytes_read = 0
        self.lines_read = 0
        self.bad_utf8_line = 0  # the first line that is not UTF-8 (reading stops there)
        self.control_lines: set[int] = set()

    def __iter__(self) -> Iterator[str]:
        # csv.reader pulls the lines of each chunk from a list at C speed.
        return itertools.chain.from_iterable(self._chunk_lines())

    def _chunk_lines(self) -> Iterator[list[str]]:
        decoder = codecs.getincrementaldecoder("utf-8")()
        rest = ""
        first = True
        for chunk in self._chunks:
            if first and chunk.startswith(_BOM):
                chunk = chunk[len(_BOM):]
            first = False
            try:
                text = rest + decoder.decode(chunk)
            except UnicodeDecodeError as err:
                self.bad_utf8_line = (self.lines_read + rest.count("\n")
                                      + chunk[: max(0, err.start)].count(b"\n") + 1)
                return
            self.bytes_read += len(chunk)
            end = text.rfind("\n") + 1
            # Lines end at "\n", "\r\n" or "\r", kept as they are: what a file opened with
            # newline="" gives csv.reader.
            lines = io.StringIO(text[:end], newline="").readlines()
            rest = text[end:]
            if CONTROL_CHARS.search(text, 0, end):
                for number, line in enumerate(lines, start=self.lines_read + 1):
                    if CONTROL_CHARS.search(line):
                        self.control_lines.add(number)
            self.lines_read += len(lines)
            yield lines
        try:
            rest += decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            self.bad_utf8_line = self.lines_read + rest.count("\n") + 1
            return
        if rest:
            lines = io.StringIO(rest, newline="").readlines()
            for number, line in enumerate(lines, start=self.lines_read + 1):
                if CONTROL_CHARS.search(line):
                    self.control_lines.add(number)
            self.lines_read += len(lines)
            yield lines


Chunks = Callable[[], Iterator[bytes]]  # starts a new pass over a file's bytes


def file_chunks(path: Path) -> Chunks:
    """The bytes of the file at ``path`` in large chunks, read anew for each pass."""

    def chunks() -> Iterator[bytes]:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk

    return chunks


class CsvStream:
    """A CSV file read record by record; ``records`` can be called again for another pass.

    Build one with :func:`open_csv` (which reads and checks the header).
    """

    item = ""  # a stream is always a file, never a workbook sheet

    def __init__(self, chunks: Chunks, file: str, headers: list[str], index: dict[str, int],
                 size: int, delimiter: str = ",") -> None:
        self.chunks = chunks
        self.delimiter = delimiter
        self.file = file
        self.headers = headers
        self.index = index
        self.size = size

    def has(self, name: str) -> bool:
        return fold_header(name) in self.index

    def position(self, name: str) -> int | None:
        """The 0-based position of the column headed ``name``."""
        return self.index.get(fold_header(name))

    def records(self, report: ValidationReport, progress: Progress | None = None,
                ) -> Iterator[tuple[int, list[str]]]:
        """``(first line, cells)`` of every non-empty record after the header.

        A record with the wrong number of fields, or with control characters, is reported
        (file, line, column) and not yielded. Reading stops at a line that is not UTF-8 or
        at malformed quoting, with an error naming the line.
        """
        for lines, rows in self.batches(report, progress):
            yield from zip(lines, rows, strict=True)

    def batches(self, report: ValidationReport, progress: Progress | None = None,
                size: int = 5_000) -> Iterator[tuple[list[int], list[list[str]]]]:
        """``records`` in batches: the first lines of up to ``size`` records, and their cells."""
        lines = _Lines(self.chunks())
        reader = csv.reader(lines, strict=True, delimiter=self.delimiter)
        width = len(self.headers)
        started, rows_read, next_report = time.monotonic(), 0, 0
        numbers: list[int] = []
        rows: list[list[str]] = []
        next_line = 1
        try:
            for cells in reader:
                line, next_line = next_line, reader.line_num + 1
                if len(cells) != width and not self._width_ok(line, cells, report):
                    continue
                if lines.control_lines and self._has_control(lines, line, reader.line_num,
                                                             cells, report):
                    continue
                numbers.append(line)
                rows.append(cells)
                if len(rows) >= size:
                    if numbers[0] == 1:  # the header, read by open_csv
                        del numbers[0], rows[0]
                    rows_read += len(rows)
                    yield numbers, rows
                    numbers, rows = [], []
                    if progress is not None and lines.bytes_read >= next_report:
                        next_report = lines.bytes_read + _CHUNK
                        self._progress(progress, rows_read, started, lines.bytes_read)
        except csv.Error as err:
            report.error(Where(self.file, reader.line_num), f"The CSV file is malformed: {err}.",
                         "Check the quotes on this line: a quote inside a cell is written "
                         "twice.")
            return
        if numbers and numbers[0] == 1:
            del numbers[0], rows[0]
        if rows:
            rows_read += len(rows)
            yield numbers, rows
        if lines.bad_utf8_line:
            _not_utf8(Where(self.file), lines.bad_utf8_line, report)
        elif progress is not None:
            self._progress(progress, rows_read, started, self.size)

    def _progress(self, progress: Progress, rows: int, started: float, done: int) -> None:
        elapsed = time.monotonic() - started
        rate = f", {rows / elapsed:,.0f} rows/s" if elapsed > 0.5 else ""
        report_progress(progress, f"Reading {self.file} ({rows:,} rows{rate})", done,
                        max(self.size, done, 1))

    def _has_control(self, lines: _Lines, first: int, last: int, cells: list[str],
                     report: ValidationReport) -> bool:
        if not any(number in lines.control_lines for number in range(first, last + 1)):
            return False
        for position, cell in enumerate(cells):
            code = control_char_name(cell)
            if code is not None:
                header = self.headers[position] if position < len(self.headers) else ""
                label = f"The cell under '{header}'" if header else "A cell"
                report.error(Where(self.file, first, position + 1),
                             f"{label} holds the control character {code}, which is never "
                             "part of content.",
                             "Remove it (it often comes from a copy from another program), "
                             "then save the file again.")
                return True
        return False

    def _width_ok(self, line: int, cells: list[str], report: ValidationReport) -> bool:
        """Whether a record of another width than the header can be used (else reported)."""
        width = len(self.headers)
        if not any(cell.strip() for cell in cells):
            return False  # an empty record (a blank line or only commas) is skipped
        if len(cells) > width:
            if not any(cell.strip() for cell in cells[width:]):
                return True  # trailing empty cells hold nothing that could be misplaced
            report.error(Where(self.file, line, width + 1),
                         f"This row has {len(cells)} fields but the header names only "
                         f"{width} columns.",
                         "Remove the extra cells, or add a header for them; a comma inside a "
                         "cell needs double quotes around the cell.")
            return False
        missing = self.headers[len(cells)] or f"column {len(cells) + 1}"
        report.error(Where(self.file, line, len(cells) + 1),
                     f"This row has {len(cells)} of the header's {width} fields: the column "
                     f"'{missing}' is missing, so its values would land in the wrong columns.",
                     "Add the missing cells (empty ones too, as commas), or check the quotes "
                     "of this row.")
        return False


def open_csv(path: Path, file: str, report: ValidationReport) -> CsvStream | None:
    """Open a CSV file and read its header; None (with an error) when it cannot be used.

    Duplicate header names are an error; an empty file is one too.
    """
    try:
        size = path.stat().st_size
    except OSError as err:
        report.error(Where(file), f"{path.name} cannot be read ({err.strerror or err}).",
                     "Check that the file exists and is readable.")
        return None
    return _open(file_chunks(path), file, size, report)


def _delimiter(chunks: Chunks) -> str:
    """The delimiter, from the header row in the first chunk (``,`` when it cannot tell)."""
    first = next(chunks(), b"")
    return detect_delimiter(first.decode("utf-8", "replace"))


def _open(chunks: Chunks, file: str, size: int, report: ValidationReport) -> CsvStream | None:
    lines = _Lines(chunks())
    try:
        delimiter = _delimiter(chunks)
        cells = next(csv.reader(lines, strict=True, delimiter=delimiter), None)
    except OSError as err:
        report.error(Where(file), f"{file} cannot be read ({err.strerror or err}).",
                     "Check that the file exists and is readable.")
        return None
    except csv.Error as err:
        report.error(Where(file, 1), f"The CSV file is malformed: {err}.",
                     "Check the quotes of the header row.")
        return None
    if lines.bad_utf8_line:
        _not_utf8(Where(file), lines.bad_utf8_line, report)
        return None
    if cells is None:
        report.error(Where(file), f"{file} is empty.", "Add a header row naming the columns.")
        return None
    headers = [c.strip() for c in cells]
    index: dict[str, int] = {}
    for pos, name in enumerate(headers):
        key = fold_header(name)
        if not key:
            continue
        if key in index:
            report.error(Where(file, 1, pos + 1),
                         f"The column '{name}' appears twice in the header.",
                         "Remove or rename one of them.")
            continue
        index[key] = pos
    return CsvStream(chunks, file, headers, index, size, delimiter)


@dataclass
class CsvTable:
    file: str
    headers: list[str]
    index: dict[str, int]
    rows: list[CsvRow]
    item: str = ""  # "sheet 'names'" for a workbook sheet

    def has(self, name: str) -> bool:
        return fold_header(name) in self.index


# Tables read whole (all but names.csv, which is streamed) hold at most this many rows: a
# timeline or a list of monuments is thousands of rows, and a hostile file must not be able
# to fill the kiosk's memory.
MAX_TABLE_ROWS = 50_000


def _table(stream: CsvStream | None, report: ValidationReport) -> CsvTable | None:
    if stream is None:
        return None
    rows: list[CsvRow] = []
    for line, cells in stream.records(report):
        if len(rows) >= MAX_TABLE_ROWS:
            report.error(Where(stream.file, line), f"{stream.file} has more than "
                         f"{MAX_TABLE_ROWS:,} rows; no list of this kind is that long.",
                         "Check that this is the right file; split a list that is really this "
                         "long into several packages.")
            return None
        rows.append(CsvRow(line, cells, stream.index))
    return CsvTable(stream.file, stream.headers, stream.index, rows)


def read_csv(path: Path, file: str, report: ValidationReport) -> CsvTable | None:
    """Read a (small) CSV file whole; None (with errors reported) when it cannot be used."""
    return _table(open_csv(path, file, report), report)


def parse_csv(text: str, file: str, report: ValidationReport) -> CsvTable | None:
    """Parse CSV text (CRLF, quoted multi-line cells) with its first row as the header.

    The delimiter (``,`` ``;`` or tab) is detected from the header row.
    """
    data = text.encode("utf-8")
    return _table(_open(lambda: iter([data]), file, len(data), report), report)


def require_columns(table: CsvTable | CsvStream, names: Sequence[str],
                    report: ValidationReport) -> bool:
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
