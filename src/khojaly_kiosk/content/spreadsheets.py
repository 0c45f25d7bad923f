"""A content folder written as spreadsheets: one CSV file per kind, or one ``content.xlsx``.

For curators who would rather edit a spreadsheet than TOML: ``export_sheets`` turns a
content folder (``db/demo/`` is one) into the same content as CSV files or as a workbook,
which read back into the same archive; ``write_templates`` writes the empty templates of
``docs/templates/`` (the columns of every kind, nothing else).
"""

from __future__ import annotations

import csv
import io
import shutil
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from khojaly_kiosk.content.readers.csvutil import utf8_text
from khojaly_kiosk.content.readers.delimiter import detect_delimiter
from khojaly_kiosk.content.readers.sheets import SEGMENT_COLUMNS, SHEETS
from khojaly_kiosk.content.readers.testimonies import testimony_files
from khojaly_kiosk.content.readers.translations import translation_files
from khojaly_kiosk.content.readers.workbook import WORKBOOK
from khojaly_kiosk.errors import InvalidInput

Row = dict[str, Any]
EXCEL_CELL_CAP = 32_767  # characters Excel keeps in one cell
# TOML file -> (kind, [[table]] name)
_TOML_KINDS = (("sources.toml", "sources", "source"), ("statistics.toml", "statistics",
               "statistic"), ("passages.toml", "passages", "passage"))
_CSV_KINDS = ("timeline", "names", "recognitions", "monuments")
_COPIED = ("package.toml", "media", "ohms", "timeline.json")


def write_templates(out: Path) -> list[Path]:
    """The empty templates: ``<kind>.csv`` for every kind and ``content.xlsx`` with a sheet
    per kind, each holding only its row of column names."""
    out.mkdir(parents=True, exist_ok=True)
    written = [_write_csv(out / f"{kind}.csv", list(columns), [])
               for kind, columns in SHEETS.items()]
    written.append(_write_workbook(out / WORKBOOK, {k: (list(c), []) for k, c in SHEETS.items()}))
    return written


def export_sheets(src: Path, out: Path, workbook: bool = False) -> Path:
    """Write the content folder ``src`` as spreadsheets in the new folder ``out``.

    ``package.toml`` (with the document file it names), ``media/`` and ``ohms/`` are copied;
    every other kind becomes ``<kind>.csv`` (or a sheet of ``content.xlsx`` with ``workbook``).

    Raises:
        InvalidInput: ``src`` is no content folder, ``out`` exists, or a TOML file or a
            CSV file cannot be read (``verify`` names the line).
    """
    if not (src / "package.toml").is_file():
        raise InvalidInput(f"{src} is not a content folder (it has no package.toml).",
                           hint="Give the folder that holds package.toml.")
    if out.exists():
        raise InvalidInput(f"{out} already exists and will not be overwritten.",
                           hint="Choose a new folder name.")
    tables = _tables(src)
    out.mkdir(parents=True)
    for name in (*_COPIED, *_document_file(src)):
        path = src / name
        if path.is_dir():
            shutil.copytree(path, out / name)
        elif path.is_file():
            shutil.copyfile(path, out / name)
    if workbook:
        _write_workbook(out / WORKBOOK, tables)
        return out
    tables.pop("translations", None)  # as CSV they stay in translations/, as they were
    if (src / "translations").is_dir():
        shutil.copytree(src / "translations", out / "translations")
    for kind, (headers, rows) in tables.items():
        _write_csv(out / f"{kind}.csv", headers, rows)
    return out


def _tables(src: Path) -> dict[str, tuple[list[str], list[Row]]]:
    """Every kind of ``src`` as (headers, rows), in the order of ``SHEETS``."""
    found: dict[str, tuple[list[str], list[Row]]] = {}
    for file, kind, table in _TOML_KINDS:
        if (src / file).is_file():
            found[kind] = (list(SHEETS[kind]), _toml_list(src / file, table))
    testimonies: list[Row] = []
    segments: list[Row] = []
    for path in testimony_files(src):
        for item in _toml_list(path, "testimony"):
            for segment in item.pop("segment", []):
                keywords = segment.get("keywords", [])
                if isinstance(keywords, list):
                    segment["keywords"] = "; ".join(str(k) for k in keywords)
                segments.append({"testimony": item.get("id", ""), **segment})
            testimonies.append(item)
    if testimonies:
        found["testimonies"] = (list(SHEETS["testimonies"]), testimonies)
    if segments:
        found["segments"] = (list(SEGMENT_COLUMNS), segments)
    for kind in _CSV_KINDS:
        if (src / f"{kind}.csv").is_file():
            found[kind] = _csv_rows(src / f"{kind}.csv")
    if (src / "attributions.toml").is_file():  # one row per [[quote]], then per [[report]]
        path = src / "attributions.toml"
        found["attributions"] = (list(SHEETS["attributions"]), [
            {"relation": relation, **item}
            for relation in ("quote", "report") for item in _toml_list(path, relation)])
    if (src / "attract.toml").is_file():
        found["attract"] = (list(SHEETS["attract"]), _toml_list(src / "attract.toml", "quote"))
    translations: list[Row] = []
    headers: list[str] = list(SHEETS["translations"])
    for path in translation_files(src):
        headers, rows = _csv_rows(path)
        translations.extend(rows)
    if translations:
        found["translations"] = (headers, translations)
    return {kind: found[kind] for kind in SHEETS if kind in found}


def _document_file(src: Path) -> list[str]:
    """The document file ``package.toml``'s ``[document]`` ships, if any (a plain name)."""
    try:
        data = tomllib.loads((src / "package.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []  # the reader reports it
    document = data.get("document")
    name = document.get("file") if isinstance(document, dict) else None
    if not isinstance(name, str) or not name or "/" in name or "\\" in name or name == "..":
        return []
    return [name]


def _toml_list(path: Path, table: str) -> list[Row]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise InvalidInput(f"{path.name} cannot be read ({err}).",
                           hint="Run `khojaly-kiosk verify` on the folder to see the line.",
                           ) from err
    items = data.get(table, [])
    return [dict(item) for item in items if isinstance(item, dict)]


def _csv_rows(path: Path) -> tuple[list[str], list[Row]]:
    text, line = utf8_text(path.read_bytes())
    if text is None:
        raise InvalidInput(f"{path.name} is not UTF-8 text (line {line}).",
                           hint="Save it as UTF-8 first.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))
    records = [cells for cells in reader if any(c.strip() for c in cells)]
    if not records:
        return [], []
    headers = [h.strip() for h in records[0]]
    return headers, [dict(zip(headers, cells, strict=False)) for cells in records[1:]]


def _cell(value: Any) -> Any:
    return "" if value is None else value


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Row]) -> Path:
    """UTF-8 with a byte-order mark, so that Excel shows ə, ğ and Cyrillic correctly."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_cell(row.get(h)) for h in headers])
    return path


def _write_workbook(path: Path, tables: dict[str, tuple[list[str], list[Row]]]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for kind, (headers, rows) in tables.items():
        sheet = book.create_sheet(kind)
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(rows, start=2):
            for column, header in enumerate(headers, start=1):
                value = _cell(row.get(header))
                if isinstance(value, str) and len(value) > EXCEL_CELL_CAP:
                    raise InvalidInput(f"The {header} of row {number} of {kind} has "
                                       f"{len(value):,} characters; a spreadsheet cell holds at "
                                       f"most {EXCEL_CELL_CAP:,}.",
                                       hint="Keep this kind in its TOML or CSV file.")
                cell = sheet.cell(number, column, value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text that starts with "=" is no formula
        sheet.freeze_panes = "A2"
    book.save(path)
    return path


# ---- stable timeline ids ----------------------------------------------------------------


def write_timeline_ids(folder: Path) -> list[int]:
    """Write the ids the reader makes up for timeline rows without one into the sheet itself
    (``timeline.csv`` or the ``timeline`` sheet of ``content.xlsx``), adding an ``Id`` column
    when there is none; returns the rows written (none when every row has its id).

    The ids are exactly those the kiosk used so far, so translations made for them still fit.

    Raises:
        InvalidInput: the timeline is TimelineJS JSON, or the file cannot be written.
    """
    from khojaly_kiosk.content.readers.context import ReadContext
    from khojaly_kiosk.content.readers.kinds import read_timeline
    from khojaly_kiosk.content.readers.sheets import read_workbook_sheets

    ctx = ReadContext(folder)
    read_workbook_sheets(ctx)
    read_timeline(ctx)  # only the timeline: its other problems are for verify to report
    if not ctx.made_ids:
        return []
    (file, item, _line), *_rest = ctx.made_ids
    made = {line: made_id for (_f, _i, line), made_id in ctx.made_ids.items()}
    if file == "timeline.json":
        raise InvalidInput("--write-ids writes into a timeline sheet, not into timeline.json.",
                           hint='Add a "unique_id" to each item of timeline.json by hand.')
    try:
        if item:
            _workbook_ids(folder / file, "timeline", made)
        else:
            _csv_ids(folder / file, made)
    except OSError as err:
        raise InvalidInput(f"{file} cannot be written ({err.strerror or err}).",
                           hint="Close it in the spreadsheet program, then try again.") from err
    return sorted(made)


def _csv_ids(path: Path, made: dict[int, str]) -> None:
    data = path.read_bytes()
    text, _bad = utf8_text(data)
    if text is None:
        raise InvalidInput(f"{path.name} is not UTF-8 text.", hint="Save it as UTF-8 first.")
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    next_line = 1
    for cells in reader:
        records.append((next_line, cells))
        next_line = reader.line_num + 1
    header = records[0][1]
    folded = [h.strip().casefold() for h in header]
    if "id" not in folded:
        header.append("Id")
        folded.append("id")
    column = folded.index("id")
    for line, cells in records[1:]:
        if line in made:
            cells.extend([""] * (column + 1 - len(cells)))
            cells[column] = made[line]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter,
                        lineterminator="\r\n" if "\r\n" in text else "\n")
    writer.writerows(cells for _line, cells in records)
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    partial = path.with_name(f".{path.name}.writing")
    partial.write_bytes(bom + out.getvalue().encode("utf-8"))
    partial.replace(path)


def _workbook_ids(path: Path, kind: str, made: dict[int, str]) -> None:
    """Fill the ``Id`` column of one sheet; a copy of the workbook as it was is kept as
    ``.content.xlsx.bak`` (openpyxl keeps values and formatting, not charts or images)."""
    from openpyxl import load_workbook

    from khojaly_kiosk.content.readers.csvutil import fold_header

    book = load_workbook(path)
    sheet = next(s for s in book.worksheets if fold_header(str(s.title)) == fold_header(kind))
    headers = [fold_header(str(c.value or "")) for c in sheet[1]]
    if "id" in headers:
        column = headers.index("id") + 1
    else:
        column = len(headers) + 1
        sheet.cell(1, column, "Id")
    for row, made_id in made.items():
        sheet.cell(row, column, made_id)
    shutil.copyfile(path, path.with_name(f".{path.name}.bak"))
    partial = path.with_name(f".{path.name}.writing")
    book.save(partial)
    partial.replace(path)
