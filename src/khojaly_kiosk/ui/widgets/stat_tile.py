"""A statistic shown as a big numeral with its label, and a grid that reflows tiles by width."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from khojaly_kiosk.archive.records import StatisticRecord
from khojaly_kiosk.ui.widgets.text import plain_label

#: QLocale names for the kiosk languages, so numbers group the way each reader expects.
LOCALES = {"az": "az_AZ", "en": "en_GB", "ru": "ru_RU", "tr": "tr_TR"}


def locale_for(lang: str) -> QLocale:
    return QLocale(LOCALES.get(lang, lang))


def format_number(value: int, lang: str) -> str:
    """``value`` with the digit grouping of ``lang`` ("2,500" in English, "2 500" in Russian)."""
    return locale_for(lang).toString(value)


class StatTile(QFrame):
    """Qualifier (when the source gives one), the numeral, and the short label beneath."""

    def __init__(self, statistic: StatisticRecord, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statistic = statistic
        self.setProperty("card", True)
        self.qualifier = plain_label(statistic.qualifier, "qualifier")
        # The qualifier line stays even when empty (min-height in the .qss), so the numerals
        # of a row share one baseline.
        self.numeral = plain_label(format_number(statistic.value, lang), "numeral",
                                   wrap=False)
        self.label = plain_label(statistic.label, "statLabel")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 24)
        column.setSpacing(0)
        column.addWidget(self.qualifier)
        column.addWidget(self.numeral)
        column.addWidget(self.label)
        column.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(" ".join(
            p for p in (statistic.qualifier, self.numeral.text(), statistic.label) if p))


class TileGrid(QWidget):
    """Lays its tiles out in as many columns of ``min_width`` as fit, reflowing on resize."""

    def __init__(self, min_width: int = 360, max_columns: int = 4, *,
                 stretch_last: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min_width = min_width
        self._max_columns = max_columns
        # The last tile may fill the rest of its row, so a grid never ends in a hole.
        self._stretch_last = stretch_last
        self._tiles: list[QWidget] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(24)

    def set_tiles(self, tiles: list[QWidget]) -> None:
        for tile in self._tiles:
            self._grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
        self._tiles = list(tiles)
        self._columns = 0
        self._relayout(self.width() or self._min_width * self._max_columns)

    def tiles(self) -> list[QWidget]:
        return list(self._tiles)

    def columns(self) -> int:
        return self._columns

    def _relayout(self, width: int) -> None:
        spacing = self._grid.horizontalSpacing()
        columns = max(1, min(self._max_columns, (width + spacing) // (self._min_width + spacing)))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self._tiles:
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self._tiles):
            span = 1
            if self._stretch_last and index == len(self._tiles) - 1:
                span = columns - index % columns
            self._grid.addWidget(tile, index // columns, index % columns, 1, span)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout(event.size().width())
