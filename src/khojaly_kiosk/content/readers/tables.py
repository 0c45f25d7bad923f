"""``recognitions.csv`` and ``monuments.csv``: small lists read by header name."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.csvutil import CsvTable, read_csv, require_columns
from khojaly_kiosk.content.readers.fields import (
    LONG_CAP,
    check_id,
    choice_value,
    int_value,
    text_value,
)


def read_recognitions(ctx: ReadContext, path: Path, file: str = "recognitions.csv") -> None:
    """``id, kind, name, body, date, instrument, source``: who recognised the massacre."""
    table = read_csv(path, file, ctx.report)
    if table is not None:
        add_recognitions(ctx, table)


def add_recognitions(ctx: ReadContext, table: CsvTable) -> None:
    """The recognitions of a table (``recognitions.csv`` or a workbook sheet)."""
    if not require_columns(table, ("id", "kind", "name"), ctx.report):
        return
    report, seen, file = ctx.report, set[str](), table.file
    for order, row in enumerate(table.rows):
        rec_id = check_id(row.get("id"), row.where(file, "id"), report, seen, "recognition")
        kind = choice_value(row.get("kind"), row.where(file, "kind"), report, "kind",
                            m.RECOGNITION_KINDS)
        name = text_value(row.get("name"), row.where(file, "name"), report, "name")
        if not name:
            report.error(row.where(file, "name"), "This recognition has no name.",
                         "Write the country, state or organisation in the name column.")
        body = text_value(row.get("body"), row.where(file, "body"), report, "body")
        date = text_value(row.get("date"), row.where(file, "date"), report, "date")
        instrument = text_value(row.get("instrument"), row.where(file, "instrument"), report,
                                "instrument", LONG_CAP)
        source_id = ctx.source(row.get("source"), row.where(file, "source"), "recognition")
        if rec_id is None or kind is None or not name:
            continue
        ctx.bundle.recognitions.append(m.Recognition(
            id=rec_id, kind=kind, name=name, body=body, date=date, instrument=instrument,
            source_id=source_id, sort_order=order,
        ))  # fmt: skip


def read_monuments(ctx: ReadContext, path: Path, file: str = "monuments.csv") -> None:
    """``id, place, country, year, description, image, alt_text, source``."""
    table = read_csv(path, file, ctx.report)
    if table is not None:
        add_monuments(ctx, table)


def add_monuments(ctx: ReadContext, table: CsvTable) -> None:
    """The monuments of a table (``monuments.csv`` or a workbook sheet)."""
    if not require_columns(table, ("id", "place"), ctx.report):
        return
    report, seen, file = ctx.report, set[str](), table.file
    for order, row in enumerate(table.rows):
        mon_id = check_id(row.get("id"), row.where(file, "id"), report, seen, "monument")
        place = text_value(row.get("place"), row.where(file, "place"), report, "place")
        if not place:
            report.error(row.where(file, "place"), "This monument has no place.",
                         "Write the city or place in the place column.")
        country = text_value(row.get("country"), row.where(file, "country"), report, "country")
        year = int_value(row.get("year"), row.where(file, "year"), report, "year",
                         low=1, high=9999)
        description = text_value(row.get("description"), row.where(file, "description"),
                                 report, "description", LONG_CAP)
        source_id = ctx.source(row.get("source"), row.where(file, "source"), "monument")
        link = ctx.media.resolve(
            row.get("image"), row.where(file, "image"),
            alt_text=text_value(row.get("alt_text"), row.where(file, "alt_text"), report,
                                "alt text", LONG_CAP),
            source_id=source_id,
        )  # fmt: skip
        if mon_id is None or not place:
            continue
        ctx.bundle.monuments.append(m.Monument(
            id=mon_id, place=place, country=country, year=year, description=description,
            media_id=link.media_id, source_id=source_id, sort_order=order,
        ))  # fmt: skip
