"""One reader per kind of content, whatever it is written in: TOML, CSV or a workbook sheet.

A table row becomes the same ``item`` a TOML table gives (column name -> cell text, absent
columns left out), checked by the same code (``add_source``, ``add_testimony``, ...), so a
sheet and a TOML file with the same content make the same archive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from khojaly_kiosk.content.readers.attract import AttractQuotes
from khojaly_kiosk.content.readers.attract import read_attract as read_attract_toml
from khojaly_kiosk.content.readers.attributions import Attributions
from khojaly_kiosk.content.readers.attributions import read_attributions as read_attribution_toml
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.csvutil import CsvRow, CsvTable, fold_header, require_columns
from khojaly_kiosk.content.readers.names import add_names
from khojaly_kiosk.content.readers.names import read_names as read_names_csv
from khojaly_kiosk.content.readers.sheets import (
    SHEETS,
    kind_table,
    warn_unknown_columns,
)
from khojaly_kiosk.content.readers.tables import add_monuments, add_recognitions
from khojaly_kiosk.content.readers.testimonies import add_testimony
from khojaly_kiosk.content.readers.testimonies import read_testimonies as read_testimony_toml
from khojaly_kiosk.content.readers.timeline import add_slides
from khojaly_kiosk.content.readers.timelinejs import read_timeline_json, table_slides
from khojaly_kiosk.content.readers.toml_files import (
    add_passage,
    add_source,
    add_statistic,
    check_totals,
)
from khojaly_kiosk.content.readers.toml_files import read_passages as read_passage_toml
from khojaly_kiosk.content.readers.toml_files import read_sources as read_source_toml
from khojaly_kiosk.content.readers.toml_files import read_statistics as read_statistic_toml
from khojaly_kiosk.content.readers.translations import read_translations as read_translation_files
from khojaly_kiosk.content.report import Where

Locator = Callable[[str], Where]
REQUIRED = {
    "sources": ("id", "kind", "title"),
    "testimonies": ("id", "body"),
    "segments": ("testimony", "title"),
    "statistics": ("id", "value", "label", "group"),
    "passages": ("id", "section", "body"),
    "attributions": ("relation", "item"),
    "attract": ("item", "text"),
}


def items(ctx: ReadContext, table: CsvTable, kind: str
          ) -> Iterator[tuple[int, dict[str, Any], Locator, CsvRow]]:
    """Each row of a table as ``(index, item, locator, row)``; nothing when a required column
    is missing (reported)."""
    warn_unknown_columns(ctx, table, kind)
    if not require_columns(table, REQUIRED.get(kind, ()), ctx.report):
        return
    present = [c for c in SHEETS[kind] if table.has(c)]
    for index, row in enumerate(table.rows):
        def at(key: str, row: CsvRow = row) -> Where:
            return row.where(table.file, key)

        yield index, {c: row.get(c) for c in present}, at, row


def read_sources(ctx: ReadContext) -> None:
    table = kind_table(ctx, "sources", ("sources.toml",))
    if table is None:
        read_source_toml(ctx)
        return
    for index, item, at, _row in items(ctx, table, "sources"):
        add_source(ctx, index, item, at)


def read_statistics(ctx: ReadContext) -> None:
    table = kind_table(ctx, "statistics", ("statistics.toml",))
    if table is None:
        read_statistic_toml(ctx)
        return
    seen: set[str] = set()
    wheres: dict[str, Locator] = {}
    for index, item, at, _row in items(ctx, table, "statistics"):
        _sheet_flag(item, "show_alone")
        add_statistic(ctx, index, item, at, seen, wheres)
    check_totals(ctx, wheres)


def _sheet_flag(item: dict[str, Any], key: str) -> None:
    """A true/false cell as TOML would give it: empty is absent, true/false (yes/no) a bool;
    anything else is left as text, for the reader to report."""
    word = str(item.get(key, "")).strip().lower()
    if not word:
        item.pop(key, None)
    elif word in ("true", "yes"):
        item[key] = True
    elif word in ("false", "no"):
        item[key] = False


def read_passages(ctx: ReadContext) -> None:
    table = kind_table(ctx, "passages", ("passages.toml",))
    if table is None:
        read_passage_toml(ctx)
        return
    seen = {p.id for p in ctx.bundle.passages}
    for index, item, at, _row in items(ctx, table, "passages"):
        add_passage(ctx, item, at, seen, index)


def read_testimonies(ctx: ReadContext) -> None:
    """``testimonies.toml`` (and ``testimonies/*.toml``), or a testimonies table with its
    segments in a ``segments`` table (column ``testimony`` names the testimony's id)."""
    table = kind_table(ctx, "testimonies", ("testimonies.toml", "testimonies"))
    segments = kind_table(ctx, "segments")
    if table is None:
        if segments is not None:
            ctx.report.error(Where(segments.file, item=segments.item), "Segments in a table "
                             "are read only beside testimonies in a table.", "In "
                             "testimonies.toml, write them as [[testimony.segment]] tables.")
        read_testimony_toml(ctx)
        return
    by_testimony: dict[str, list[tuple[dict[str, Any], Locator]]] = {}
    if segments is not None:
        for _index, item, at, _row in items(ctx, segments, "segments"):
            owner = str(item.pop("testimony", "")).strip()
            by_testimony.setdefault(owner, []).append((item, at))
    placed: list[Locator] = []  # segment number (as add_testimony counts) -> its row

    def seg_at(number: int, key: str) -> Where:
        return placed[number](key)

    count = 0
    for _index, item, at, _row in items(ctx, table, "testimonies"):
        own = by_testimony.pop(str(item.get("id", "")).strip(), [])
        item["segment"] = [segment for segment, _at in own]
        placed.extend(locate for _segment, locate in own)
        count = add_testimony(ctx, item, at, seg_at, count)
    for owner, orphans in by_testimony.items():
        for _item, at in orphans:
            ctx.report.error(at("testimony"), f"This segment belongs to the testimony "
                             f"'{owner}', which is not in the testimonies." if owner else
                             "This segment names no testimony.",
                             "Write the id of a testimony in the testimony column.")


def read_timeline(ctx: ReadContext) -> None:
    """``timeline.csv``, the ``timeline`` sheet or ``timeline.json`` (one of them)."""
    table = kind_table(ctx, "timeline", ("timeline.json",))
    if table is not None:
        add_slides(ctx, table_slides(ctx, table))
    elif (ctx.root / "timeline.json").is_file() and not (ctx.root / "timeline.csv").exists():
        read_timeline_json(ctx, ctx.root / "timeline.json", "timeline.json")


def read_names(ctx: ReadContext) -> None:
    """``names.csv`` is streamed (a million rows are never in memory); a sheet is not."""
    if fold_header("names") not in ctx.sheets and (ctx.root / "names.csv").is_file():
        read_names_csv(ctx, ctx.root / "names.csv", "names.csv")
        return
    table = kind_table(ctx, "names")
    if table is not None:
        add_names(ctx, table)


def read_recognitions(ctx: ReadContext) -> None:
    table = kind_table(ctx, "recognitions")
    if table is not None:
        add_recognitions(ctx, table)


def read_monuments(ctx: ReadContext) -> None:
    table = kind_table(ctx, "monuments")
    if table is not None:
        add_monuments(ctx, table)


def read_attributions(ctx: ReadContext) -> None:
    """``attributions.toml``, or a table with a row per quote or report (``relation``)."""
    table = kind_table(ctx, "attributions", ("attributions.toml",))
    if table is None:
        read_attribution_toml(ctx)
        return
    adding = Attributions(ctx)
    for _index, item, at, _row in items(ctx, table, "attributions"):
        relation = str(item.pop("relation", "")).strip().casefold()
        if relation in ("quote", "quotes"):
            adding.quote(item, at)
        elif relation in ("report", "reports"):
            adding.report(item, at)
        else:
            ctx.report.error(at("relation"), f"The relation '{relation}' is neither quote "
                             "nor report.", "Write quote (the item quotes these words) or "
                             "report (it summarises the source in its own words).")


def read_attract(ctx: ReadContext) -> None:
    """``attract.toml``, or a table of the loop's sentences (``item``, ``text``)."""
    table = kind_table(ctx, "attract", ("attract.toml",))
    if table is None:
        read_attract_toml(ctx)
        return
    adding = AttractQuotes(ctx)
    for index, item, at, _row in items(ctx, table, "attract"):
        adding.add(index, item, at)


def read_translations(ctx: ReadContext) -> None:
    """``translations/*.csv`` and the ``translations`` sheet of the workbook."""
    read_translation_files(ctx, ctx.sheets.pop(fold_header("translations"), None))
