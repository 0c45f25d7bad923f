"""Monuments: each memorial as the text names it (place, country, year when known, its words),
set as type, not as an empty picture frame; a picture only when the archive holds one.

Entries are static: nothing on them looks tappable, since a tap would lead nowhere. The
sources of the list follow it, once each.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import MonumentRecord
from khojaly_kiosk.ui.layout import empty_state, replace_body, scroll_page
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.grouped import sources_of
from khojaly_kiosk.ui.widgets.media_view import MediaView
from khojaly_kiosk.ui.widgets.stat_tile import TileGrid
from khojaly_kiosk.ui.widgets.text import plain_label

PICTURE_HEIGHT = 260


class MonumentEntry(QFrame):
    """One memorial: its picture if the archive has one, the place, country · year, its words."""

    def __init__(self, record: MonumentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setProperty("entry", True)  # base.qss: a rule above, no surface, no pressed state
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 20, 0, 20)
        column.setSpacing(8)
        self.media = MediaView()
        self.media.picture.setFixedHeight(PICTURE_HEIGHT)
        self.media.set_media(record.media, alt_text=record.place)  # hidden without a picture
        self.place = plain_label(record.place, "entryTitle")
        where = [p for p in (record.country, str(record.year) if record.year else "") if p]
        self.where = plain_label("   ·   ".join(where), "secondary")
        self.where.setVisible(bool(where))
        self.description = plain_label(record.description, "body")
        self.description.setVisible(bool(record.description))
        for widget in (self.media, self.place, self.where, self.description):
            column.addWidget(widget)
        column.addStretch(1)


class MonumentsScreen(ContentScreen):
    """The memorials recorded in the archive."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.records: list[MonumentRecord] = []
        self.cards: list[MonumentEntry] = []
        self.source_lines: list[SourceLine] = []
        self.area, self.column = scroll_page()
        self.empty = empty_state()
        self.grid = TileGrid(min_width=420, max_columns=3)
        self.sources = QWidget()
        self.column.addWidget(self.empty)
        self.column.addWidget(self.grid)
        self.column.addWidget(self.sources)
        self.column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        self._loaded = LoadedKey()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Monuments")

    def enter(self, **args: Any) -> None:
        if not self._loaded.changed(self.repos, self.repos.monuments, self.nav.language):
            return
        self.records = list(self.repos.monuments.list(self.nav.language))
        self.cards = [MonumentEntry(r) for r in self.records]
        self.grid.set_tiles(list(self.cards))
        sources = QWidget()
        lines = QVBoxLayout(sources)
        lines.setContentsMargins(0, 16, 0, 0)
        self.source_lines = []
        for source in sources_of(self.records):
            line = SourceLine()
            line.set_source(source, self.nav.language)
            line.sourceRequested.connect(self.nav.show_source)
            lines.addWidget(line)
            self.source_lines.append(line)
        self.sources = replace_body(self.column, self.sources, sources)
        self.empty.setVisible(not self.records)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No monuments are recorded in this archive yet."))
        for line in self.source_lines:
            line.retranslate()

    def reset(self) -> None:
        self.area.scroll_to_top()
