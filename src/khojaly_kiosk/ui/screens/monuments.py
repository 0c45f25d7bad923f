"""Monuments: the memorials, where they stand, their year when known, a picture and the source."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import MonumentRecord
from khojaly_kiosk.ui.layout import empty_state, scroll_page
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.media_view import MediaView
from khojaly_kiosk.ui.widgets.stat_tile import TileGrid
from khojaly_kiosk.ui.widgets.text import plain_label

PICTURE_HEIGHT = 260


class MonumentCard(QFrame):
    """One memorial: picture (or a quiet placeholder), place, country · year, text, source."""

    def __init__(self, record: MonumentRecord, parent: QWidget | None = None,
                 lang: str = "en") -> None:
        super().__init__(parent)
        self.record = record
        self.setProperty("card", True)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(12)
        self.media = MediaView()
        self.media.picture.setFixedHeight(PICTURE_HEIGHT)
        self.media.set_media(record.media, alt_text=record.place, always=True)
        self.place = plain_label(record.place, "cardTitle")
        where = [p for p in (record.country, str(record.year) if record.year else "") if p]
        self.where = plain_label("   ·   ".join(where), "secondary")
        self.where.setVisible(bool(where))
        self.description = plain_label(record.description, "body")
        self.description.setVisible(bool(record.description))
        self.source_line = SourceLine()
        self.source_line.set_source(record.attribution, lang)
        for widget in (self.media, self.place, self.where, self.description):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(self.source_line)


class MonumentsScreen(ContentScreen):
    """The memorials recorded in the archive."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.records: list[MonumentRecord] = []
        self.cards: list[MonumentCard] = []
        self.area, self.column = scroll_page()
        self.empty = empty_state()
        self.grid = TileGrid(min_width=480, max_columns=3)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.grid)
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
        self.cards = [MonumentCard(r, lang=self.nav.language) for r in self.records]
        for card in self.cards:
            card.source_line.sourceRequested.connect(self.nav.show_source)
        self.grid.set_tiles(list(self.cards))
        self.empty.setVisible(not self.records)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No monuments are recorded in this archive yet."))
        for card in self.cards:
            card.source_line.retranslate()

    def reset(self) -> None:
        self.area.scroll_to_top()
