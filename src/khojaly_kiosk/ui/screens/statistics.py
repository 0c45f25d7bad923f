"""Statistics: figures with their meaning, grouped, each group followed by its credit.

Every figure is shown with the words of the text that say what it counts ("The bloody massacre
claimed lives of / 613 / people / including: 63 children · 106 women · 70 elders"): the total
large, its parts beneath it as one hierarchy. Figures of one sentence form a block
(``widgets.stat_block``); a figure that may not stand alone is shown only inside its sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import StatisticRecord
from khojaly_kiosk.ui.layout import empty_state, replace_body, scroll_page
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.grouped import sources_of
from khojaly_kiosk.ui.widgets.stat_block import StatBlock, blocks_of
from khojaly_kiosk.ui.widgets.stat_tile import StatTile
from khojaly_kiosk.ui.widgets.text import divider, plain_label

TILE_MIN_WIDTH = 380


def grouped(statistics: list[StatisticRecord]) -> dict[str, list[StatisticRecord]]:
    """Statistics by group, groups in the order the archive first lists them."""
    groups: dict[str, list[StatisticRecord]] = {}
    for statistic in statistics:
        groups.setdefault(statistic.group, []).append(statistic)
    return groups


class StatisticsScreen(ContentScreen):
    """The recorded figures; numbers are grouped the way the visitor's language writes them."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.statistics: list[StatisticRecord] = []
        self.tiles: list[StatTile] = []
        self.blocks: list[StatBlock] = []
        self._group_labels: list[tuple[str, QLabel]] = []
        self.area, self.column = scroll_page()
        self.empty = empty_state()
        self.body = QWidget()
        self.column.addWidget(self.empty)
        self.column.addWidget(self.body)
        self.column.addStretch(1)
        self._source_lines: list[SourceLine] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        self._loaded = LoadedKey()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Statistics")

    def enter(self, **args: Any) -> None:
        lang = self.nav.language
        # Rebuilt when the archive or the language (and so the digits) changed.
        if not self._loaded.changed(self.repos, self.repos.statistics, lang):
            return
        self.statistics = list(self.repos.statistics.list(lang))
        self.body = replace_body(self.column, self.body, self._build(lang))
        self.empty.setVisible(not self.statistics)
        self.retranslate()

    def _build(self, lang: str) -> QWidget:
        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(24)
        self.tiles, self.blocks, self._group_labels, self._source_lines = [], [], [], []
        for key, items in grouped(self.statistics).items():
            heading = plain_label("", "groupHeading")
            self._group_labels.append((key, heading))
            rows.addSpacing(24)
            rows.addWidget(heading)
            rows.addWidget(divider())
            for records in blocks_of(items):
                block = StatBlock(records, lang, self.statistics, TILE_MIN_WIDTH)
                self.blocks.append(block)
                self.tiles.extend(block.tiles)
                rows.addWidget(block)
            for credit in sources_of(items):
                line = SourceLine()
                line.set_source(credit, lang)
                line.sourceRequested.connect(self.nav.show_source)
                self._source_lines.append(line)
                rows.addWidget(line)
        return body

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No statistics are recorded in this archive yet."))
        names = {
            "losses": self.tr("Lives lost"),
            "outcomes": self.tr("Outcomes"),
            "destruction": self.tr("Destruction"),
            "assault": self.tr("The assault"),
            "population": self.tr("Population"),
            "recognition": self.tr("Recognition"),
        }
        for group, label in self._group_labels:
            label.setText(names.get(group, group.replace("_", " ").capitalize()))
        for line in self._source_lines:
            line.retranslate()

    def reset(self) -> None:
        self.area.scroll_to_top()
