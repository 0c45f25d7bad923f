"""Candles drawn with QPainter on a dark field (the only place the palette's candle light is used).

A large candle with a red carnation at its foot stands at the bottom of the field, unlit until
the first candle is lit and burning after; it never goes away. Above it, the lit candles stand
one for each candle lit (as many as fit) in a calm field that fills from the large candle
upward, so they are seen without scrolling. Flames move a little unless reduced motion is on.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from khojaly_kiosk.ui.theme import current_palette

# The flame and the carnation take the palette's candle light and accent (high contrast too);
# wax, wick and stem are the drawing's own colours.
WAX = QColor("#C9C3B6")
WAX_SHADE = QColor("#9E988C")
WICK = QColor("#5A544B")
STEM = QColor("#4E6B4A")

CELL_WIDTH = 84
CELL_HEIGHT = 132


def _jitter(index: int) -> float:
    """A stable pseudo-random number in [0, 1) per candle, so the rows look hand-placed."""
    return (math.sin(index * 12.9898) * 43758.5453) % 1.0


class CandleField(QWidget):
    """A quiet field of lit candles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._phase = 0.0
        self.setMinimumSize(CELL_WIDTH * 3, CELL_HEIGHT * 2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._timer = QTimer(self)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._flicker)
        self.setAccessibleName(self.tr("Candles"))

    def set_count(self, count: int) -> None:
        self._count = max(0, count)
        self.update()

    def set_animated(self, animated: bool) -> None:
        """Flicker the flames (off for reduced motion and while hidden)."""
        if animated:
            self._timer.start()
        else:
            self._timer.stop()
            self._phase = 0.0
            self.update()

    def is_animated(self) -> bool:
        return self._timer.isActive()

    def _big_scale(self) -> float:
        return max(1.0, min(2.2, self.height() / 360))

    def _field_rect(self) -> QRectF:
        """Where lit candles stand: above the large candle, in the upper part of the field."""
        flame_top = self.height() - (60 + 84 + 60) * self._big_scale()
        return QRectF(0, 8, self.width(), max(CELL_HEIGHT, flame_top - 24))

    def _grid(self) -> tuple[int, int]:
        field = self._field_rect()
        return max(1, int(field.width() // CELL_WIDTH)), max(1, int(field.height() // CELL_HEIGHT))

    def capacity(self) -> int:
        columns, rows = self._grid()
        return columns * rows

    def drawn_count(self) -> int:
        """How many small candles are painted: one per candle lit, as many as fit."""
        return min(self._count, self.capacity())

    def _flicker(self) -> None:
        self._phase += 0.7
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_field(painter)
        # The large candle with the carnation stays, lit once a candle has been lit.
        self._paint_memorial(painter, lit=self._count > 0)

    def _paint_field(self, painter: QPainter) -> None:
        field = self._field_rect()
        columns, rows = self._grid()
        drawn = self.drawn_count()
        if drawn == 0:
            return
        left = field.left() + (field.width() - columns * CELL_WIDTH) / 2
        # Nearest the large candle first, from the middle outwards; rows further up are
        # smaller and dimmer, so the field reads as depth, not a grid.
        slots = [(row, column) for row in range(rows) for column in range(columns)]
        placed = sorted(slots, key=lambda rc: (-rc[0], abs(rc[1] - (columns - 1) / 2)))[:drawn]
        for row, column in sorted(placed):
            depth = (row + 1) / rows
            scale = 0.55 + 0.45 * depth
            stagger = CELL_WIDTH / 2 if row % 2 else 0.0
            index = row * columns + column
            x = left + column * CELL_WIDTH + CELL_WIDTH / 2 + stagger - CELL_WIDTH / 4
            x += (_jitter(index + 7) - 0.5) * 16
            y = field.top() + (row + 1) * CELL_HEIGHT - 12
            painter.save()
            painter.translate(x, y)
            painter.scale(scale, scale)
            painter.setOpacity(0.55 + 0.45 * depth)
            self._paint_candle(painter, 0.0, 0.0, index)
            painter.restore()

    def _paint_memorial(self, painter: QPainter, lit: bool) -> None:
        # One large candle, a carnation laid at its foot; its flame burns once one is lit.
        scale = self._big_scale()
        painter.save()
        painter.translate(self.width() / 2, self.height() - 60 * scale)
        painter.scale(scale, scale)
        painter.setPen(Qt.PenStyle.NoPen)
        if lit:
            pal = current_palette()
            halo = QColor(pal.candle)
            halo.setAlpha(36)
            painter.setBrush(halo)
            painter.drawEllipse(QPointF(0, -112), 40, 46)
            sway = math.sin(self._phase) * 1.5 if self._timer.isActive() else 0.0
            flame = QPainterPath(QPointF(0, -90))
            flame.cubicTo(QPointF(-14, -100), QPointF(-8, -122), QPointF(sway, -146))
            flame.cubicTo(QPointF(8, -122), QPointF(14, -100), QPointF(0, -90))
            painter.setBrush(QColor(pal.candle))
            painter.drawPath(flame)
            painter.setBrush(QColor(pal.accent))
            painter.drawEllipse(QPointF(0, -95), 4.5, 5.5)
        painter.setOpacity(1.0 if lit else 0.75)
        body = QRectF(-11, -84, 22, 84)
        painter.setBrush(WAX)
        painter.drawRoundedRect(body, 3, 3)
        painter.setBrush(WAX_SHADE)
        painter.drawRect(QRectF(body.right() - 6, body.top() + 3, 6, body.height() - 3))
        painter.setBrush(WICK)
        painter.drawRoundedRect(QRectF(-1.5, -96, 3, 13), 1.5, 1.5)
        painter.setOpacity(1.0)
        self._paint_carnation(painter, QPointF(30, 6))
        painter.restore()

    @staticmethod
    def _paint_carnation(painter: QPainter, head: QPointF) -> None:
        # A stem lying to the right and a ruffled head: overlapping petals, no clip art.
        stem = QPainterPath(QPointF(head.x() + 8, head.y() + 2))
        stem.cubicTo(QPointF(head.x() + 40, head.y() + 8), QPointF(head.x() + 70, head.y() + 10),
                     QPointF(head.x() + 96, head.y() + 6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(STEM, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPath(stem)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STEM)
        painter.drawEllipse(QPointF(head.x() + 10, head.y() + 2), 6, 4)
        petals = QColor(current_palette().accent)
        for angle in range(0, 360, 45):
            radians = math.radians(angle)
            petal = QPointF(head.x() + 7 * math.cos(radians), head.y() + 7 * math.sin(radians))
            painter.setBrush(petals.darker(115) if angle % 90 else petals)
            painter.drawEllipse(petal, 8, 8)
        painter.setBrush(petals.lighter(115))
        painter.drawEllipse(head, 6, 6)

    def _paint_candle(self, painter: QPainter, x: float, base: float, index: int) -> None:
        jitter = _jitter(index)
        height = 56 + 28 * jitter
        width = 22
        body = QRectF(x - width / 2, base - height, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WAX)
        painter.drawRoundedRect(body, 3, 3)
        painter.setBrush(WAX_SHADE)
        painter.drawRect(QRectF(body.right() - 6, body.top() + 3, 6, height - 3))

        sway = math.sin(self._phase + index * 1.7) * 1.5 if self._timer.isActive() else 0.0
        tip = QPointF(x + sway, base - height - 40 - 4 * jitter)
        pal = current_palette()
        halo = QColor(pal.candle)
        halo.setAlpha(28)
        painter.setBrush(halo)
        painter.drawEllipse(QPointF(x, base - height - 18), 30, 34)

        flame = QPainterPath(QPointF(x, base - height - 4))
        flame.cubicTo(QPointF(x - 11, base - height - 12), QPointF(x - 6, base - height - 28), tip)
        flame.cubicTo(QPointF(x + 6, base - height - 28), QPointF(x + 11, base - height - 12),
                      QPointF(x, base - height - 4))
        painter.setBrush(QColor(pal.candle))
        painter.drawPath(flame)
        painter.setBrush(QColor(pal.accent))
        painter.drawEllipse(QPointF(x, base - height - 8), 3.5, 4.5)
