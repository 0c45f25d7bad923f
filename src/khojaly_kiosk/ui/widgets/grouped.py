"""Shared by the Statistics and Recognition screens: groups of tiles, each with its sources."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from khojaly_kiosk.archive.records import Attribution, QuotedSpan, SourceRecord
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.stat_tile import TileGrid
from khojaly_kiosk.ui.widgets.text import divider, plain_label


def sources_of(records: Sequence[Any]) -> list[Attribution]:
    """One credit per document of ``records``, in order of first use: the document with every
    work its records quote or report (so a group says once whom it draws on)."""
    merged: dict[str, tuple[SourceRecord, dict[str, QuotedSpan], dict[str, SourceRecord]]] = {}
    for record in records:
        credit: Attribution = record.attribution
        if credit.document is None:
            continue
        _doc, quotes, reports = merged.setdefault(credit.document.id, (credit.document, {}, {}))
        for quote in credit.quotes:
            quotes.setdefault(f"{quote.source.id if quote.source else ''}|{quote.words_of}", quote)
        for source in credit.reports:
            reports.setdefault(source.id, source)
    return [Attribution(document, tuple(quotes.values()), tuple(reports.values()))
            for document, quotes, reports in merged.values()]


TileT = TypeVar("TileT", bound=QWidget)


@dataclass
class GroupedBody(Generic[TileT]):
    """A freshly built body: one heading, a tile grid and source lines per group."""

    widget: QWidget
    headings: list[tuple[str, QLabel]] = field(default_factory=list)
    tiles: list[TileT] = field(default_factory=list)
    source_lines: list[SourceLine] = field(default_factory=list)


def build_grouped_body(groups: dict[str, list[Any]], make_tile: Callable[[Any], TileT],
                       min_width: int, show_source: Callable[[str], None],
                       lang: str = "en") -> GroupedBody[TileT]:
    """Lay out ``groups`` (key -> records); headings are left empty for ``retranslate``."""
    body: GroupedBody[TileT] = GroupedBody(QWidget())
    rows = QVBoxLayout(body.widget)
    rows.setContentsMargins(0, 0, 0, 0)
    rows.setSpacing(24)
    for key, items in groups.items():
        heading = plain_label("", "groupHeading")
        body.headings.append((key, heading))
        rows.addSpacing(24)
        rows.addWidget(heading)
        rows.addWidget(divider())
        grid = TileGrid(min_width=min_width, max_columns=4)
        tiles = [make_tile(item) for item in items]
        grid.set_tiles(list(tiles))
        body.tiles.extend(tiles)
        rows.addWidget(grid)
        for credit in sources_of(items):
            line = SourceLine()
            line.set_source(credit, lang)
            line.sourceRequested.connect(show_source)
            body.source_lines.append(line)
            rows.addWidget(line)
    return body
