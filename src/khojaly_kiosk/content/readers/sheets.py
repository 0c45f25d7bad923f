"""Every kind of content as a table: ``<kind>.csv`` or the ``<kind>`` sheet of ``content.xlsx``.

A kind comes from one place only: its TOML file (where it has one), its CSV file, or its
sheet of the workbook; two of them at once is an error naming both, because the curator
would not know which one the kiosk shows. ``SHEETS`` names every kind's columns, in the
order of the templates in ``docs/templates/``.
"""

from __future__ import annotations

from collections.abc import Sequence

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.csvutil import CsvTable, fold_header, read_csv
from khojaly_kiosk.content.readers.names import NAME_COLUMNS
from khojaly_kiosk.content.readers.timelinejs import CSV_COLUMNS as TIMELINE_COLUMNS
from khojaly_kiosk.content.readers.translations import ALL_COLUMNS as TRANSLATION_COLUMNS
from khojaly_kiosk.content.readers.workbook import WORKBOOK, read_workbook, sheet_item
from khojaly_kiosk.content.report import Where

SOURCE_COLUMNS = ("id", "kind", "title", "author", "publisher", "place", "date", "citation",
                  "notes", "url")
TESTIMONY_COLUMNS = ("id", "name", "role", "title", "group", "advisory", "source", "language",
                     "body", "media", "alt_text", "captions")
SEGMENT_COLUMNS = ("testimony", "paragraph", "time", "title", "synopsis", "keywords")
STATISTIC_COLUMNS = ("id", "value", "qualifier", "label", "group", "source", "sentence",
                     "words_before", "words_after", "part_of", "show_alone")
PASSAGE_COLUMNS = ("id", "section", "title", "body", "source")
RECOGNITION_COLUMNS = ("id", "kind", "name", "body", "date", "instrument", "source")
MONUMENT_COLUMNS = ("id", "place", "country", "year", "description", "image", "alt_text",
                    "source")
# relation: quote or report (attributions.toml's [[quote]] and [[report]])
ATTRIBUTION_COLUMNS = ("relation", "item", "source", "words_of", "text")
ATTRACT_COLUMNS = ("item", "text")

# kind (file stem and sheet name) -> its columns, in reading order
SHEETS: dict[str, tuple[str, ...]] = {
    "sources": SOURCE_COLUMNS,
    "testimonies": TESTIMONY_COLUMNS,
    "segments": SEGMENT_COLUMNS,
    "statistics": STATISTIC_COLUMNS,
    "passages": PASSAGE_COLUMNS,
    "timeline": tuple(names[0] for names in TIMELINE_COLUMNS.values()),
    "names": NAME_COLUMNS,
    "recognitions": RECOGNITION_COLUMNS,
    "monuments": MONUMENT_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
    "attract": ATTRACT_COLUMNS,
    "translations": TRANSLATION_COLUMNS,
}


def read_workbook_sheets(ctx: ReadContext) -> None:
    """Load ``content.xlsx`` (when there is one) for the readers of each kind."""
    path = ctx.root / WORKBOOK
    if path.is_file():
        ctx.sheets = read_workbook(path, WORKBOOK, ctx.report)


def kind_table(ctx: ReadContext, kind: str, others: Sequence[str] = ()) -> CsvTable | None:
    """The table of ``kind``: ``<kind>.csv`` or the workbook's ``<kind>`` sheet.

    ``others`` are the kind's other files (``sources.toml``). When the kind is given in more
    than one place, that is an error and None is returned (the caller then reads ``others``,
    whose problems are reported too, so nothing is imported either way).
    """
    csv_name = f"{kind}.csv"
    sheet = ctx.sheets.pop(fold_header(kind), None)
    places = [name for name in (csv_name, *others) if (ctx.root / name).exists()]
    if sheet is not None:
        places.append(f"{WORKBOOK} ({sheet_item(kind)})")
    if len(places) > 1:
        where = Where(WORKBOOK, item=sheet_item(kind)) if sheet is not None else Where(places[-1])
        listed = ", ".join(places[:-1]) + f" and {places[-1]}"
        ctx.report.error(where, f"The folder has both {listed}; only one can be used.",
                         "Keep the one you edit and remove the other.")
        return None
    if sheet is not None:
        return sheet
    if (ctx.root / csv_name).is_file():
        return read_csv(ctx.root / csv_name, csv_name, ctx.report)
    return None


def warn_unknown_columns(ctx: ReadContext, table: CsvTable, kind: str) -> None:
    """One warning naming the columns of a table that no reader uses."""
    known = {fold_header(c) for c in SHEETS[kind]}
    unknown = [h for h in table.headers if h and fold_header(h) not in known]
    if unknown:
        ctx.report.warning(Where(table.file, 1, item=table.item),
                           f"The column(s) {', '.join(unknown)} are not used.",
                           f"Known columns: {', '.join(SHEETS[kind])}.")


def warn_unknown_sheets(ctx: ReadContext) -> None:
    """Sheets of the workbook that no reader took (read after every kind)."""
    for table in ctx.sheets.values():
        name = table.item.removeprefix("sheet ").strip("'")
        ctx.report.warning(Where(table.file, item=table.item), f"The sheet '{name}' is not a "
                           "kind of content and is not read.",
                           f"Sheets are named {', '.join(SHEETS)}.")
    ctx.sheets = {}
