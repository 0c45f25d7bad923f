"""``names.csv`` (or the ``names`` sheet of content.xlsx): one commemorated person a row,
columns found by header name.

``name`` is required; ``age``, ``birth_year``, ``village``, ``category``, ``passage``,
``source`` and ``advisory`` (of the passage: none, distressing, graphic) are optional. Search
keys (``folded``, ``sort_key``) are computed at build time.

A list can hold a million names, so ``names.csv`` is read as a stream: the reader checks the
header and leaves a ``StreamedRows`` in the bundle that validates the rows batch by batch,
once to check a package and once more while the archive is written (an import does only the
second pass). No row is kept in memory beyond its batch. A workbook sheet (already in
memory) goes through the same checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.bundle import ContentBundle, StreamedRows
from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.readers.context import ReadContext, unknown_source
from khojaly_kiosk.content.readers.csvutil import (
    CsvStream,
    CsvTable,
    fold_header,
    open_csv,
    require_columns,
)
from khojaly_kiosk.content.readers.fields import (
    LONG_CAP,
    SHORT_CAP,
    choice_value,
    int_value,
    text_value,
)
from khojaly_kiosk.content.report import ValidationReport, Where

NAME_COLUMNS = ("name", "age", "birth_year", "village", "category", "passage", "source",
                "advisory")
# The columns of the archive's name table in each row tuple (search keys are added later).
ROW_COLUMNS = ("name", "age", "birth_year", "village", "category", "passage", "source_id",
               "advisory")
MAX_AGE = 130
_ADVISORY_CELLS = frozenset(m.ADVISORY_LEVELS) | {""}
BATCH_ROWS = 5_000
_NUMBERS = (("age", "age", 0, MAX_AGE), ("birth_year", "birth year", 1, 9999))
_TEXTS = (("village", SHORT_CAP), ("category", SHORT_CAP), ("passage", LONG_CAP))


class RowSource(Protocol):
    """Where name rows come from: a streamed CSV file, or a workbook sheet."""

    file: str
    item: str
    headers: list[str]

    def has(self, name: str) -> bool: ...

    def position(self, name: str) -> int | None: ...

    def batches(self, report: ValidationReport, progress: Progress | None = None,
                size: int = ...) -> Iterator[tuple[list[int], list[list[str]]]]: ...


class _Sheet:
    """A workbook sheet (``CsvTable``) as a ``RowSource``: its rows in batches, each padded
    to the header's width (a sheet's empty cells at the end of a row are simply absent)."""

    def __init__(self, table: CsvTable) -> None:
        self.table = table
        self.file, self.item, self.headers = table.file, table.item, table.headers

    def has(self, name: str) -> bool:
        return self.table.has(name)

    def position(self, name: str) -> int | None:
        return self.table.index.get(fold_header(name))

    def batches(self, report: ValidationReport, progress: Progress | None = None,
                size: int = 5_000) -> Iterator[tuple[list[int], list[list[str]]]]:
        width = len(self.headers)
        rows = self.table.rows
        for start in range(0, len(rows), size):
            chunk = rows[start:start + size]
            yield ([row.line for row in chunk],
                   [[*row.cells, *[""] * (width - len(row.cells))] for row in chunk])


def read_names(ctx: ReadContext, path: Path, file: str = "names.csv") -> None:
    """Check ``names.csv`` and add it to the bundle as streamed rows (see the module)."""
    stream = open_csv(path, file, ctx.report)
    if stream is not None:
        add_names(ctx, stream)


def add_names(ctx: ReadContext, table: CsvStream | CsvTable) -> None:
    """The names of ``names.csv`` (streamed) or of the ``names`` sheet of a workbook."""
    report = ctx.report
    if not require_columns(table, ("name",), report):
        return
    source: RowSource = _Sheet(table) if isinstance(table, CsvTable) else table
    known = {fold_header(c) for c in NAME_COLUMNS}
    unknown = [h for h in table.headers if h and fold_header(h) not in known]
    if unknown:
        report.warning(Where(table.file, 1, item=table.item),
                       f"The column(s) {', '.join(unknown)} are not used.",
                       f"Known columns: {', '.join(NAME_COLUMNS)}.")
    size = table.size if isinstance(table, CsvStream) else 0
    rows = StreamedRows(table.file, ROW_COLUMNS,
                        NameRows(source, frozenset(ctx.source_ids)).batches, size=size)
    ctx.bundle.streams["names"] = rows
    if not ctx.defer_streams:
        rows.validate(report, ctx.progress)


class NameRows:
    """The rows of one names file or sheet, validated as they are read."""

    def __init__(self, stream: RowSource, source_ids: frozenset[str]) -> None:
        self.stream = stream
        self.source_ids = source_ids

    def batches(self, report: ValidationReport, progress: Progress | None = None,
                ) -> Iterator[list[tuple[Any, ...]]]:
        """Batches of valid rows as ``ROW_COLUMNS`` tuples; every bad row is reported.

        Checked column by column over a batch: the common case costs a few string tests per
        cell, and the checks of ``fields`` (with their sentences) run only for a cell that is
        not plainly fine.
        """
        stream, file, item = self.stream, self.stream.file, self.stream.item
        pos = {column: stream.position(column) for column in NAME_COLUMNS}
        total = 0
        for lines, rows in stream.batches(report, progress, BATCH_ROWS):
            bad: set[int] = set()  # positions in the batch of rows with a problem
            found = _InLineOrder()
            columns: list[list[Any]] = [self._names(rows, lines, pos["name"], found, bad)]
            for column, label, low, high in _NUMBERS:
                columns.append(_numbers(rows, lines, pos[column], Where(file, item=item),
                                        label, low, high, found, bad))
            for column, cap in _TEXTS:
                columns.append(_texts(rows, lines, pos[column], Where(file, item=item), column,
                                      cap, found, bad))
            columns.append(self._sources(rows, lines, pos["source"], found, bad))
            columns.append(_advisories(rows, lines, pos["advisory"], Where(file, item=item),
                                       found, bad))
            batch = list(zip(*columns, strict=True))
            if bad:
                found.pass_on(report)
                batch = [row for index, row in enumerate(batch) if index not in bad]
            total += len(batch)
            if batch:
                yield batch
        if total and pos["source"] is None:
            # One warning for the file, not one per name: lists can hold many thousands.
            report.warning(Where(file, 1, item=item), "The names have no source column, so no "
                           "name shows where it comes from.",
                           "Add a column 'source' with ids from sources.toml.")

    def _names(self, rows: list[list[str]], lines: list[int], at: int | None,
               report: ValidationReport, bad: set[int]) -> list[str]:
        assert at is not None  # read_names required the column
        place = Where(self.stream.file, item=self.stream.item)
        names = [cells[at].strip() for cells in rows]
        joined = "".join(names)
        if ("" not in names and max(map(len, names), default=0) <= SHORT_CAP
                and "\r" not in joined and "\n" not in joined):
            return names
        for index, name in enumerate(names):
            if not name:
                report.error(place.at(lines[index], at + 1), "This row has no name.",
                             "Fill in the name, or delete the row.")
                bad.add(index)
            elif "\r" in name or "\n" in name:
                report.error(place.at(lines[index], at + 1), "This name holds a line break; "
                             "a name is one line.",
                             "Remove the line break inside the quotes of this name.")
                bad.add(index)
            elif len(name) > SHORT_CAP:
                text_value(name, place.at(lines[index], at + 1), report, "name", SHORT_CAP)
                bad.add(index)
        return names

    def _sources(self, rows: list[list[str]], lines: list[int], at: int | None,
                 report: ValidationReport, bad: set[int]) -> list[str | None]:
        if at is None:
            return [None] * len(rows)
        known = self.source_ids
        sources = [cells[at].strip() or None for cells in rows]
        if not set(sources) - known - {None}:
            return sources
        for index, source in enumerate(sources):
            if source is not None and source not in known:
                unknown_source(report, Where(self.stream.file, lines[index], at + 1,
                                             self.stream.item), source)
                bad.add(index)
        return sources


class _InLineOrder(ValidationReport):
    """Problems of one batch, checked column by column, passed on in the order of lines."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, int, Where, str, str]] = []

    def add(self, severity: str, where: Where, message: str, hint: str = "") -> None:
        self.found.append((where.line or 0, len(self.found), where, message, hint))

    def pass_on(self, report: ValidationReport) -> None:
        for _line, _order, where, message, hint in sorted(self.found, key=lambda p: p[:2]):
            report.error(where, message, hint)


def _numbers(rows: list[list[str]], lines: list[int], at: int | None, place: Where,
             label: str, low: int, high: int, report: ValidationReport,
             bad: set[int]) -> list[int | None]:
    if at is None:
        return [None] * len(rows)
    cells = [cells[at].strip() for cells in rows]
    # Plain digits: the common case, converted without a sentence per cell.
    numbers: list[int | None] = [
        int(cell) if cell.isdigit() and cell.isascii() else None for cell in cells]
    given = [number for number in numbers if number is not None]
    if (len(cells) - cells.count("") == len(given)
            and low <= min(given, default=low) and max(given, default=high) <= high):
        return numbers
    for index, cell in enumerate(cells):
        number = numbers[index]
        if cell and (number is None or not low <= number <= high):
            numbers[index] = int_value(cell, place.at(lines[index], at + 1), report, label,
                                       low=low, high=high)
            if numbers[index] is None:
                bad.add(index)
    return numbers


def _advisories(rows: list[list[str]], lines: list[int], at: int | None, place: Where,
                report: ValidationReport, bad: set[int]) -> list[str]:
    if at is None:
        return ["none"] * len(rows)
    cells = [cells[at].strip() for cells in rows]
    if set(cells) <= _ADVISORY_CELLS:
        return [cell or "none" for cell in cells]
    advisories: list[str] = []
    for index, cell in enumerate(cells):
        advisory = choice_value(cell, place.at(lines[index], at + 1), report, "advisory",
                                m.ADVISORY_LEVELS, default="none")
        if advisory is None:
            bad.add(index)
        advisories.append(advisory or "none")
    return advisories


def _texts(rows: list[list[str]], lines: list[int], at: int | None, place: Where, label: str,
           cap: int, report: ValidationReport, bad: set[int]) -> list[str]:
    if at is None:
        return [""] * len(rows)
    texts = [cells[at].strip() for cells in rows]
    if max(map(len, texts), default=0) <= cap:
        return texts
    for index, text in enumerate(texts):
        if len(text) > cap:
            text_value(text, place.at(lines[index], at + 1), report, label, cap)
            bad.add(index)
    return texts


class NameIndex:
    """The names of a streamed names list for attributions and attract quotes, read from the
    file in one more pass the first time they are asked for (never for a package that quotes
    no name): every valid name, and the passage and advisory of those that have one."""

    def __init__(self, stream: StreamedRows | None) -> None:
        self._stream = stream
        self._names: set[str] | None = None
        self._details: dict[str, tuple[str, str]] = {}

    def _load(self) -> set[str]:
        if self._names is None:
            self._names = set()
            if self._stream is not None:
                at_passage = ROW_COLUMNS.index("passage")
                at_advisory = ROW_COLUMNS.index("advisory")
                # Problems were (or will be) reported by the pass that checks the rows.
                for batch in self._stream.read(ValidationReport(), None):
                    for row in batch:
                        self._names.add(row[0])
                        if row[at_passage] or row[at_advisory] != "none":
                            self._details.setdefault(row[0], (row[at_passage],
                                                              row[at_advisory]))
        return self._names

    def __contains__(self, name: str) -> bool:
        return name in self._load()

    def passage(self, name: str) -> str:
        self._load()
        return self._details.get(name, ("", "none"))[0]

    def advised(self) -> dict[str, str]:
        """name -> passage of every name whose passage carries an advisory."""
        self._load()
        return {name: passage for name, (passage, advisory) in self._details.items()
                if advisory != "none"}


def name_index(bundle: ContentBundle) -> NameIndex:
    """The ``NameIndex`` of ``bundle``'s names stream (one per bundle, read when asked)."""
    if not isinstance(bundle.name_index, NameIndex):
        bundle.name_index = NameIndex(bundle.streams.get("names"))
    return bundle.name_index
