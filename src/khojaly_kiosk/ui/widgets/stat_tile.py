"""A figure with its meaning: the numeral, its label and the words that say what it counts.

A ``StatTile`` shows, top to bottom, the words of the text before the figure (its predicate,
e.g. "The bloody massacre claimed lives of"), the qualifier ("nearly"), the numeral, the label
("people"), the words after it, and the figures that are part of it beneath, as one hierarchy
("63 children · 106 women · 70 elders"). ``TileGrid`` lays tiles out in equal columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QLocale, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from khojaly_kiosk.archive.records import StatisticRecord
from khojaly_kiosk.ui.widgets.text import plain_label

#: QLocale names for the kiosk languages, so numbers group the way each reader expects.
LOCALES = {"az": "az_AZ", "en": "en_GB", "ru": "ru_RU", "tr": "tr_TR"}


def locale_for(lang: str) -> QLocale:
    return QLocale(LOCALES.get(lang, lang))


def format_number(value: int, lang: str) -> str:
    """``value`` with the digit grouping of ``lang`` ("2,500" in English, "2 500" in Russian)."""
    return locale_for(lang).toString(value)


class PartFigure(QWidget):
    """One part of a total, beneath it: a smaller numeral and its label ("63 children")."""

    def __init__(self, statistic: StatisticRecord, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statistic = statistic
        self.setProperty("readBlock", True)  # "63 children" read together (ui.tour_text)
        self.numeral = plain_label(format_number(statistic.value, lang), "partNumeral",
                                   wrap=False)
        self.label = plain_label(statistic.label, "statLabel")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.numeral)
        column.addWidget(self.label)
        column.addStretch(1)

    def text(self) -> str:
        return f"{self.numeral.text()} {self.label.text()}"


class StatTile(QFrame):
    """Predicate words, qualifier, the numeral, its label, and its parts beneath.

    ``show_before`` is False when the words before the figure are shown once for a whole
    block of figures (a list such as "Razed to the ground across the district were:").
    """

    def __init__(self, statistic: StatisticRecord, lang: str,
                 parts: Sequence[StatisticRecord] = (), show_before: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statistic = statistic
        self.setProperty("card", True)
        before = statistic.words_before if show_before else ""
        self.before = plain_label(before, "statWords")
        self.before.setVisible(bool(before))
        self.qualifier = plain_label(statistic.qualifier, "qualifier")
        # The qualifier line stays even when empty (min-height in the .qss), so the numerals
        # of a row share one baseline; words before the figure take its place.
        self.qualifier.setVisible(bool(statistic.qualifier) or not before)
        self.numeral = plain_label(format_number(statistic.value, lang), "numeral",
                                   wrap=False)
        self.label = plain_label(statistic.label, "statLabel")
        self.after = plain_label(statistic.words_after, "statWords")
        self.after.setVisible(bool(statistic.words_after))
        self.parts = [PartFigure(part, lang) for part in parts]
        if self.parts:  # a total: larger, and two columns wide in its grid
            self.setProperty("wide", True)
            self.numeral.setProperty("textStyle", "numeralTotal")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 24)
        column.setSpacing(0)
        for widget in (self.before, self.qualifier, self.numeral, self.label, self.after):
            column.addWidget(widget)
        if self.parts:
            row = QHBoxLayout()
            row.setContentsMargins(0, 16, 0, 0)
            row.setSpacing(40)
            for part in self.parts:
                row.addWidget(part)
            row.addStretch(1)
            column.addLayout(row)
        column.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        words = [before, statistic.qualifier, self.numeral.text(), statistic.label,
                 statistic.words_after, *(p.text() for p in self.parts)]
        self.setAccessibleName(" ".join(w for w in words if w))


class TileGrid(QWidget):
    """Tiles in as many equal columns as fit, reflowing on resize and on a new text size.

    A column is as wide as the widest tile needs (a numeral never wraps), so at the largest
    text step the grid takes fewer columns instead of running past the page's margin.
    """

    def __init__(self, min_width: int = 360, max_columns: int = 4, *,
                 stretch_last: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min_width = min_width
        self._max_columns = max_columns
        # The last tile may fill the rest of its row, so a grid never ends in a hole.
        self._stretch_last = stretch_last
        self._tiles: list[QWidget] = []
        self._columns = 0
        self._needed = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(24)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

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

    def column_width(self) -> int:
        """The width each column needs: the widest tile's minimum, at least ``min_width``."""
        widths = [tile.minimumSizeHint().width() for tile in self._tiles]
        return max([self._min_width, *widths])

    def _relayout(self, width: int) -> None:
        spacing = self._grid.horizontalSpacing()
        needed = self.column_width()
        columns = max(1, min(self._max_columns, (width + spacing) // (needed + spacing)))
        if columns == self._columns and needed == self._needed:
            return
        self._columns, self._needed = columns, needed
        for tile in self._tiles:
            self._grid.removeWidget(tile)
        row = column = 0
        for index, tile in enumerate(self._tiles):
            # A total with its parts beneath takes two columns where there are two.
            span = min(columns, 2 if tile.property("wide") else 1)
            if column + span > columns:
                row, column = row + 1, 0
            if self._stretch_last and index == len(self._tiles) - 1:
                span = columns - column
            self._grid.addWidget(tile, row, column, 1, span)
            column += span
            if column >= columns:
                row, column = row + 1, 0
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
            self._grid.setColumnMinimumWidth(column, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout(event.size().width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # A new text size changes what a tile needs: reflow once the tiles are restyled.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange,
                            QEvent.Type.LayoutRequest):
            QTimer.singleShot(0, self, self._reflow)
        return handled

    def _reflow(self) -> None:
        if self.width() > 0 and self.column_width() != self._needed:
            self._relayout(self.width())
