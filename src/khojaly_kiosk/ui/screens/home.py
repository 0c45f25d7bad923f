"""Home: the memorial title and date, three large section tiles and smaller About, Legal
assessment and Sources tiles."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.cards import Tile
from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea
from khojaly_kiosk.ui.widgets.text import plain_label

SIDE_MARGIN = 96
GUTTER = 24


class HomeScreen(ContentScreen):
    """The visitor's starting point after the attract loop."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self._counts: dict[str, int] = {}
        self._loaded = LoadedKey()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Scrollable so larger text steps reflow downwards instead of clipping.
        self.scroll_area = KineticScrollArea()
        content = QWidget()
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(SIDE_MARGIN, 40, SIDE_MARGIN, 40)
        layout.setSpacing(GUTTER)
        # The page sits a little above the middle; tiles are as tall as what they say (tall
        # tiles stretched to the height were ~60 % empty).
        layout.addStretch(2)
        self.title_label = plain_label("", "title")
        self.date_label = plain_label("", "subtitle")
        layout.addWidget(self.title_label)
        layout.addWidget(self.date_label)
        layout.addSpacing(24)
        self.tiles, self.tile_row = self._tile_row(
            (keys.TESTIMONIES, keys.TIMELINE, keys.COMMEMORATION), large=True)
        layout.addLayout(self.tile_row)
        # The smaller entries: background, the legal texts and the sources. About and Legal
        # show only when the archive holds passages of that section.
        self.small_tiles, self.small_row = self._tile_row(
            (keys.ABOUT, keys.LEGAL, keys.SOURCES), large=False)
        self.sources_tile = self.small_tiles[keys.SOURCES]
        layout.addLayout(self.small_row)
        layout.addStretch(3)
        self.retranslate()

    def _tile_row(self, screens: tuple[str, ...], large: bool
                  ) -> tuple[dict[str, Tile], QBoxLayout]:
        """One tile per screen key, side by side (stacked in portrait, see resizeEvent)."""
        tiles = {key: Tile(large=large) for key in screens}
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(GUTTER)
        for key, tile in tiles.items():
            tile.setObjectName(f"tile-{key}")
            tile.clicked.connect(lambda k=key: self.nav.go(k))
            row.addWidget(tile, 1)
        return tiles, row

    def title(self) -> str:
        # The page's own title ("Khojaly 1992") is the title here: the top bar says nothing
        # rather than "Home" beside a Home button.
        return ""

    def enter(self, **args: Any) -> None:
        # The counts change only with the archive generation (and the language's overlay).
        if self._loaded.changed(self.repos, self.nav.language):
            self._counts = self._read_counts()
            self.retranslate()

    def reset(self) -> None:
        self.scroll_area.scroll_to_top()

    def _read_counts(self) -> dict[str, int]:
        if self.repos is None:
            return {}
        lang = self.nav.language
        return {
            keys.TESTIMONIES: len(self.repos.testimonies.list(lang)),
            keys.TIMELINE: len(self.repos.timeline.events(lang)),
            keys.SOURCES: len(self.repos.sources.list()),
            keys.ABOUT: len(self.repos.passages.section("about", lang)),
            keys.LEGAL: len(self.repos.passages.section("legal", lang)),
        }

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Khojaly 1992"))
        self.date_label.setText(self.tr("25–26 February 1992"))
        c = self._counts
        self.tiles[keys.TESTIMONIES].set_texts(
            self.tr("Testimonies"),
            self.tr("First-hand accounts of survivors, rescuers and journalists."),
            self.tr("%n testimonies", "", c[keys.TESTIMONIES]) if keys.TESTIMONIES in c else "")
        self.tiles[keys.TIMELINE].set_texts(
            self.tr("Timeline"),
            self.tr("The events in order, each with its source."),
            self.tr("%n events", "", c[keys.TIMELINE]) if keys.TIMELINE in c else "")
        # No count here: "2 names" on a memorial tile would read as a number of victims. The
        # tile's last line says what is inside instead.
        self.tiles[keys.COMMEMORATION].set_texts(
            self.tr("Commemoration"),
            self.tr("Names, figures, recognition and remembrance."),
            " · ".join((self.tr("Statistics"), self.tr("Names"), self.tr("Recognition"),
                        self.tr("Monuments"), self.tr("Remembrance"))))
        self.sources_tile.set_texts(
            self.tr("Sources"),
            self.tr("Where every item in this exhibit comes from."),
            self.tr("%n sources", "", c[keys.SOURCES]) if keys.SOURCES in c else "")
        self.small_tiles[keys.ABOUT].set_texts(
            self.tr("About Khojaly"),
            self.tr("The town, the siege and the night, as the sources describe them."))
        self.small_tiles[keys.LEGAL].set_texts(
            self.tr("Legal assessment"),
            self.tr("Qualification of the crime, investigation and judgments."))
        for key in (keys.ABOUT, keys.LEGAL):
            self.small_tiles[key].setVisible(c.get(key, 0) > 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Portrait screens stack the same tiles vertically.
        portrait = self.height() > self.width()
        direction = (QBoxLayout.Direction.TopToBottom if portrait
                     else QBoxLayout.Direction.LeftToRight)
        for row in (self.tile_row, self.small_row):
            if row.direction() != direction:
                row.setDirection(direction)



