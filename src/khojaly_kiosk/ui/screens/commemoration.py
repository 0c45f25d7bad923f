"""Commemoration hub: tiles to Statistics, Names, Recognition, Monuments and Remembrance."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.ui import navigation
from khojaly_kiosk.ui.layout import scroll_page
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.cards import Tile
from khojaly_kiosk.ui.widgets.stat_tile import TileGrid


class CommemorationScreen(ContentScreen):
    """The hub of the commemoration section."""

    KEYS = (navigation.STATISTICS, navigation.NAMES, navigation.RECOGNITION,
            navigation.MONUMENTS, navigation.REMEMBRANCE)

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.tiles: dict[str, Tile] = {}
        grid = TileGrid(min_width=440, max_columns=3, stretch_last=True)
        for key in self.KEYS:
            tile = Tile()
            tile.clicked.connect(lambda _=False, k=key: self.nav.go(k))
            self.tiles[key] = tile
        grid.set_tiles(list(self.tiles.values()))
        area, column = scroll_page()
        # The tiles sit in the middle of the screen, not hanging from the top bar.
        column.addStretch(1)
        column.addWidget(grid)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Commemoration")

    def enter(self, **args: Any) -> None:
        """Nothing to load: the tiles are fixed."""

    def retranslate(self) -> None:
        texts = {
            navigation.STATISTICS: (self.tr("Statistics"),
                                    self.tr("The figures recorded in the sources.")),
            navigation.NAMES: (self.tr("Names"),
                               self.tr("Names of the people commemorated.")),
            navigation.RECOGNITION: (self.tr("Recognition"),
                                     self.tr("Countries, US states and organisations.")),
            navigation.MONUMENTS: (self.tr("Monuments"),
                                   self.tr("Memorials and where they stand.")),
            navigation.REMEMBRANCE: (self.tr("Remembrance"), self.tr("Light a candle.")),
        }
        for key, (heading, description) in texts.items():
            self.tiles[key].set_texts(heading, description)
            self.tiles[key].setAccessibleName(heading)
