"""Statistics: big numerals with short labels, grouped, each group followed by its source."""

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
from khojaly_kiosk.ui.widgets.grouped import build_grouped_body
from khojaly_kiosk.ui.widgets.stat_tile import StatTile


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
        built = build_grouped_body(grouped(self.statistics), lambda s: StatTile(s, lang), 380,
                                   self.nav.show_source)
        self.tiles = list(built.tiles)
        self._group_labels, self._source_lines = built.headings, built.source_lines
        self.body = replace_body(self.column, self.body, built.widget)
        self.empty.setVisible(not self.statistics)
        self.retranslate()

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
