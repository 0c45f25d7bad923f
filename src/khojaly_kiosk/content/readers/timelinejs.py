"""TimelineJS input: the Google-sheet CSV (read by header name) and the JSON format.

Both readers turn their input into ``timeline.Slide`` objects; ``timeline.add_slides``
validates them into eras and events. Columns follow TimelineJS3's ConfigFactory: 'Tag' is an
alias of 'Group', 'Alt Text' is optional, and our own 'Source', 'Id', 'Advisory' and
'Editorial Year' columns are added.
The v1 sheet layout ('Start Date'/'End Date') is refused with a clear message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.csvutil import (
    CsvRow,
    CsvTable,
    read_csv,
    read_text,
    require_columns,
)
from khojaly_kiosk.content.readers.timeline import Slide, add_slides
from khojaly_kiosk.content.report import Where

# canonical key -> header names accepted for it (first found wins)
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "year": ("Year",),
    "month": ("Month",),
    "day": ("Day",),
    "time": ("Time",),
    "end_year": ("End Year",),
    "end_month": ("End Month",),
    "end_day": ("End Day",),
    "end_time": ("End Time",),
    "display_date": ("Display Date",),
    "headline": ("Headline",),
    "text": ("Text",),
    "media": ("Media",),
    "credit": ("Media Credit",),
    "caption": ("Media Caption",),
    "thumbnail": ("Media Thumbnail",),
    "type": ("Type",),
    "group": ("Group", "Tag"),
    "background": ("Background",),
    "alt": ("Alt Text",),
    "source": ("Source",),
    "id": ("Id",),
    "advisory": ("Advisory",),
    "editorial_year": ("Editorial Year",),
}
REQUIRED_CSV_COLUMNS = ("Year", "Headline")
_V1_COLUMNS = ("Start Date", "End Date")


def _header_for(row: CsvRow, key: str) -> str | None:
    return next((name for name in CSV_COLUMNS[key] if row.has(name)), None)


def csv_slides(ctx: ReadContext, path: Path, file: str) -> list[Slide]:
    """The slides of a TimelineJS Google-sheet CSV export."""
    table = read_csv(path, file, ctx.report)
    return [] if table is None else table_slides(ctx, table)


def table_slides(ctx: ReadContext, table: CsvTable) -> list[Slide]:
    """The slides of a TimelineJS sheet (a CSV export or the sheet of a workbook)."""
    file = table.file
    if any(table.has(name) for name in _V1_COLUMNS):
        ctx.report.error(
            Where(file, 1, item=table.item),
            "This timeline uses the old TimelineJS v1 sheet layout (Start Date, End Date), "
            "which is not supported.",
            "Copy the rows into the current TimelineJS template, with Year, Month and Day in "
            "separate columns.",
        )
        return []
    if not require_columns(table, REQUIRED_CSV_COLUMNS, ctx.report):
        return []
    slides = []
    for row in table.rows:
        headers = {key: _header_for(row, key) for key in CSV_COLUMNS}
        values = {key: row.get(name) for key, name in headers.items() if name}

        def where(key: str, row: CsvRow = row, headers: dict = headers) -> Where:
            return row.where(file, headers.get(key))

        slides.append(Slide(_kind(ctx, values.pop("type", ""), where("type")), row.line,
                            where, values))
    return slides


def _kind(ctx: ReadContext, value: str, where: Where) -> str:
    kind = value.strip().lower()
    if kind in ("title", "era"):
        return kind
    if kind:
        ctx.report.warning(where, f"The type '{value.strip()}' is not known; the row is shown "
                           "as an event.", "Use 'title', 'era' or leave Type empty for events.")
    return "event"


def read_timeline_csv(ctx: ReadContext, path: Path, file: str = "timeline.csv") -> None:
    """Read a TimelineJS CSV into the bundle."""
    add_slides(ctx, csv_slides(ctx, path, file))


# ---- JSON -------------------------------------------------------------------------------


def _date_values(value: Any, prefix: str, where: Where, ctx: ReadContext) -> dict[str, Any]:
    """year/month/day/time (+ display_date) from a TimelineJS date object."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        ctx.report.error(where, f"'{prefix}date' must be an object with year, month, day.",
                         'Write it as {"year": 1992, "month": 2, "day": 26}.')
        return {}
    out: dict[str, Any] = {}
    key_prefix = "" if prefix == "start_" else "end_"
    for part in ("year", "month", "day"):
        if value.get(part) not in (None, ""):
            out[key_prefix + part] = _scalar(value[part])
    hour, minute = value.get("hour"), value.get("minute")
    if hour not in (None, "") or minute not in (None, ""):
        parts = [str(_scalar(hour) if hour not in (None, "") else 0),
                 f"{_scalar(minute) if minute not in (None, '') else 0:0>2}"]
        if value.get("second") not in (None, ""):
            parts.append(f"{_scalar(value['second']):0>2}")
        out[key_prefix + "time"] = ":".join(parts)
    if value.get("display_date"):
        out[f"{prefix}display_date"] = value["display_date"]
    return out


def _scalar(value: Any) -> Any:
    # JSON numbers like 1992.0 are whole; keep them as int, anything else as given.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _json_slide(ctx: ReadContext, obj: Any, kind: str, number: int, file: str) -> Slide | None:
    label = {"title": "title", "era": f"era {number}", "event": f"event {number}"}[kind]
    where = Where(file, item=label)
    if not isinstance(obj, dict):
        ctx.report.error(where, f"The {label} is not a JSON object.",
                         "Each era and event is written as {...}.")
        return None
    values: dict[str, Any] = {}
    values.update(_date_values(obj.get("start_date"), "start_", where, ctx))
    values.update(_date_values(obj.get("end_date"), "end_", where, ctx))
    display = obj.get("display_date") or values.pop("start_display_date", "")
    values.pop("end_display_date", None)
    text: dict[str, Any] = obj["text"] if isinstance(obj.get("text"), dict) else {}
    media: dict[str, Any] = obj["media"] if isinstance(obj.get("media"), dict) else {}
    values.update({
        "display_date": display, "headline": text.get("headline", ""),
        "text": text.get("text", ""), "media": media.get("url", ""),
        "credit": media.get("credit", ""), "caption": media.get("caption", ""),
        "alt": media.get("alt", ""), "group": obj.get("group", ""),
        "source": obj.get("source", ""), "id": obj.get("unique_id", ""),
        "advisory": obj.get("advisory", ""), "editorial_year": obj.get("editorial_year", ""),
    })  # fmt: skip
    if kind == "event" and "year" not in values:
        values["year"] = ""  # reported as "no year" by add_slides
    return Slide(kind, number, lambda key: where, values)


def json_slides(ctx: ReadContext, path: Path, file: str) -> list[Slide]:
    """The slides of a TimelineJS JSON file (title, eras, events)."""
    text = read_text(path, Where(file), ctx.report)
    if text is None:
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        ctx.report.error(Where(file, err.lineno, err.colno),
                         f"The JSON syntax is wrong here ({err.msg}).",
                         "Check commas, quotes and brackets; a JSON validator shows the spot.")
        return []
    if not isinstance(data, dict):
        ctx.report.error(Where(file, 1), "The timeline JSON must be an object with 'events'.",
                         'Start it with {"title": ..., "events": [...]}.')
        return []
    slides: list[Slide] = []
    if data.get("title") is not None:
        slide = _json_slide(ctx, data["title"], "title", 0, file)
        if slide:
            slides.append(slide)
    for key, kind in (("eras", "era"), ("events", "event")):
        items = data.get(key, [])
        if not isinstance(items, list):
            ctx.report.error(Where(file), f"'{key}' must be a list.", f'Write "{key}": [...].')
            continue
        for number, obj in enumerate(items, start=1):
            slide = _json_slide(ctx, obj, kind, number, file)
            if slide:
                slides.append(slide)
    return slides


def read_timeline_json(ctx: ReadContext, path: Path, file: str = "timeline.json") -> None:
    """Read a TimelineJS JSON file into the bundle."""
    add_slides(ctx, json_slides(ctx, path, file))


def read_timeline(ctx: ReadContext) -> None:
    """``timeline.csv`` or ``timeline.json`` (not both: a folder has one timeline)."""
    csv_path, json_path = ctx.root / "timeline.csv", ctx.root / "timeline.json"
    if csv_path.is_file() and json_path.is_file():
        ctx.report.error(Where("timeline.json"), "The folder has both timeline.csv and "
                         "timeline.json; only one timeline can be used.",
                         "Keep the one you edit and remove the other.")
        return
    if csv_path.is_file():
        read_timeline_csv(ctx, csv_path, "timeline.csv")
    elif json_path.is_file():
        read_timeline_json(ctx, json_path, "timeline.json")
