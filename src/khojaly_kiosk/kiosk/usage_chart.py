"""A plain horizontal bar chart of usage totals, drawn with QPainter (QtCharts is not shipped).

Counts under five are labelled ``<5`` and drawn as a stub, the same rule as the CSV export.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from khojaly_kiosk.kiosk.overlay import ACCENT, DIVIDER, SECONDARY, SURFACE, TEXT
from khojaly_kiosk.kiosk.usage import SMALL_COUNT, shown_count

ROW_PX = 48
LABEL_PX = 260
VALUE_PX = 110


class UsageChart(QWidget):
    """Give it ``(label, count)`` pairs with :meth:`set_bars`; it draws one bar each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageChart")
        self._bars: list[tuple[str, int]] = []
        self.setMinimumHeight(ROW_PX)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self._bars = [(label, max(0, int(count))) for label, count in bars]
        self.setMinimumHeight(max(1, len(self._bars)) * ROW_PX + 16)
        self.updateGeometry()
        self.update()

    def shown_bars(self) -> list[tuple[str, str]]:
        """What the chart shows: each label with its count as displayed."""
        return [(label, shown_count(count)) for label, count in self._bars]

    def bar_fraction(self, index: int) -> float:
        """Bar length as a share of the longest; small counts get a fixed stub, not their size."""
        counts = [c for _, c in self._bars]
        top = max(counts, default=0)
        count = counts[index]
        if count == 0 or top == 0:
            return 0.0
        if count < SMALL_COUNT:
            return min(0.02, count / top)
        return count / top

    def sizeHint(self) -> QSize:
        return QSize(720, max(1, len(self._bars)) * ROW_PX + 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(SURFACE))
        font = QFont(self.font())
        font.setPixelSize(22)
        painter.setFont(font)
        track = max(0, self.width() - LABEL_PX - VALUE_PX - 32)
        for index, (label, shown) in enumerate(self.shown_bars()):
            top = 8 + index * ROW_PX
            painter.setPen(QColor(TEXT))
            painter.drawText(QRectF(16, top, LABEL_PX - 24, ROW_PX), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignLeft, label)
            painter.fillRect(QRectF(LABEL_PX, top + ROW_PX / 2 - 1, track, 2), QColor(DIVIDER))
            length = track * self.bar_fraction(index)
            if length:
                painter.fillRect(QRectF(LABEL_PX, top + 10, length, ROW_PX - 20), QColor(ACCENT))
            painter.setPen(QColor(SECONDARY))
            painter.drawText(QRectF(LABEL_PX + track + 16, top, VALUE_PX, ROW_PX),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown)
        painter.end()
