"""``names.csv``: one commemorated person a row, columns found by header name.

``name`` is required; ``age``, ``birth_year``, ``village``, ``category``, ``passage``,
``source`` and ``advisory`` (of the passage: none, distressing, graphic) are optional. Search
keys (``folded``, ``sort_key``) are computed at build time.
"""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.csvutil import CsvTable, fold_header, read_csv, require_columns
from khojaly_kiosk.content.readers.fields import (
    LONG_CAP,
    SHORT_CAP,
    choice_value,
    int_value,
    text_value,
)
from khojaly_kiosk.content.report import Where

NAME_COLUMNS = ("name", "age", "birth_year", "village", "category", "passage", "source",
                "advisory")
MAX_AGE = 130
_NUMBERS = (("age", "age", 0, MAX_AGE), ("birth_year", "birth year", 1, 9999))
_TEXTS = (("village", SHORT_CAP), ("category", SHORT_CAP), ("passage", LONG_CAP))


def read_names(ctx: ReadContext, path: Path, file: str = "names.csv") -> None:
    """Read ``names.csv`` into the bundle; every bad row is reported with its line."""
    table = read_csv(path, file, ctx.report)
    if table is not None:
        add_names(ctx, table)


def add_names(ctx: ReadContext, table: CsvTable) -> None:
    """The names of a table (``names.csv`` or the ``names`` sheet of a workbook)."""
    if not require_columns(table, ("name",), ctx.report):
        return
    report, file = ctx.report, table.file
    known = {fold_header(c) for c in NAME_COLUMNS}
    unknown = [h for h in table.headers if h and fold_header(h) not in known]
    if unknown:
        report.warning(Where(file, 1, item=table.item),
                       f"The column(s) {', '.join(unknown)} are not used.",
                       f"Known columns: {', '.join(NAME_COLUMNS)}.")
    if not table.has("source") and table.rows:
        # One warning for the file, not one per name: lists can hold many thousands.
        report.warning(Where(file, 1, item=table.item), "The names have no source column, so "
                       "no name shows where it comes from.",
                       "Add a column 'source' with ids from sources.toml.")
    has_source = table.has("source")
    # Lists can hold a million names: only present, non-empty cells are checked, and the
    # ORM row gets only the values it needs (each instrumented attribute costs time).
    columns = [c for c in NAME_COLUMNS if table.has(c)]
    for row in table.rows:
        cells = {c: row.get(c) for c in columns}
        values: dict[str, object] = {}
        name = text_value(cells["name"], row.where(file, "name"), report, "name", SHORT_CAP)
        if not name:
            report.error(row.where(file, "name"), "This row has no name.",
                         "Fill in the name, or delete the row.")
        for column, label, low, high in _NUMBERS:
            if cells.get(column, "").strip():
                number = int_value(cells[column], row.where(file, column), report, label,
                                   low=low, high=high)
                if number is not None:
                    values[column] = number
        for column, cap in _TEXTS:
            if cells.get(column, "").strip():
                values[column] = text_value(cells[column], row.where(file, column), report,
                                            column, cap)
        if cells.get("advisory", "").strip():
            advisory = choice_value(cells["advisory"], row.where(file, "advisory"), report,
                                    "advisory", m.ADVISORY_LEVELS)
            if advisory is not None:
                values["advisory"] = advisory
        if has_source:
            source_id = ctx.source(cells["source"], row.where(file, "source"), "name",
                                   warn_missing=False)
            if source_id:
                values["source_id"] = source_id
        if name:
            ctx.bundle.names.append(m.Name(name=name, **values))
