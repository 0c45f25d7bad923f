"""The names wall: names in columns, drifting slowly upward, each one tappable.

Each name is painted once. When the names do not fill the wall they stand still, centred:
a name is never repeated or padded out to make the wall look fuller.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from khojaly_kiosk.ui.theme import current_palette

COLUMN_WIDTH = 440
LINE_HEIGHT = 64  # a row is also the tap target, so it stays >= 48 px
DRIFT_PX = 0.5  # per tick: ~15 px a second, slow enough to read while it moves
TICK_MS = 33
TAP_SLOP = 12  # px a finger may move and still count as a tap


class NamesWall(QWidget):
    """Paints ``(id, name)`` pairs; ``nameActivated`` carries the id of a tapped name."""

    nameActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[tuple[int, str]] = []
        self._offset = 0.0
        self._press: QPointF | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(LINE_HEIGHT * 3)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._drift)

    # -- content ------------------------------------------------------------------------

    def set_names(self, names: list[tuple[int, str]]) -> None:
        self._names = list(names)
        self._offset = 0.0
        self.update()

    def names(self) -> list[str]:
        return [name for _, name in self._names]

    def columns(self) -> int:
        return max(1, min(len(self._names) or 1, self.width() // COLUMN_WIDTH))

    def rows(self) -> int:
        columns = self.columns()
        return (len(self._names) + columns - 1) // columns

    def content_height(self) -> int:
        return self.rows() * LINE_HEIGHT

    def overflows(self) -> bool:
        """True when the names are more than the wall can show at once (then they drift)."""
        return self.content_height() > self.height()

    # -- motion -------------------------------------------------------------------------

    def set_animated(self, animated: bool) -> None:
        if animated:
            self._timer.start()
        else:
            self._timer.stop()

    def is_animated(self) -> bool:
        return self._timer.isActive()

    def offset(self) -> float:
        return self._offset

    def _cycle(self) -> float:
        # One full turn: the names plus a gap of most of a screen, so the last names leave
        # before the first return and no name is ever on the wall twice.
        return self.content_height() + max(self.height() - LINE_HEIGHT, LINE_HEIGHT * 2)

    def _drift(self) -> None:
        if not self.overflows():
            return
        self._offset = (self._offset + DRIFT_PX) % self._cycle()
        self.update()

    # -- geometry -----------------------------------------------------------------------

    def _positions(self) -> list[tuple[int, QRectF]]:
        """Index and on-screen rectangle of every visible name."""
        columns = self.columns()
        left = (self.width() - columns * COLUMN_WIDTH) / 2
        if self.overflows():
            top, cycle = -self._offset, self._cycle()
        else:
            top, cycle = (self.height() - self.content_height()) / 2, 0.0
        visible: list[tuple[int, QRectF]] = []
        for index in range(len(self._names)):
            y = top + (index // columns) * LINE_HEIGHT
            if cycle and y < -LINE_HEIGHT:
                y += cycle
            if -LINE_HEIGHT < y < self.height():
                x = left + (index % columns) * COLUMN_WIDTH
                visible.append((index, QRectF(x, y, COLUMN_WIDTH, LINE_HEIGHT)))
        return visible

    def name_at(self, point: QPointF) -> int | None:
        """The id of the name under ``point``, if any."""
        for index, rect in self._positions():
            if rect.contains(point):
                return self._names[index][0]
        return None

    def visible_names(self) -> list[str]:
        return [self._names[index][1] for index, _ in self._positions()]

    # -- events -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.setPen(QColor(current_palette().text))
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        for index, rect in self._positions():
            # drawText with a str is plain text; elide rather than overlap the next column.
            text = painter.fontMetrics().elidedText(self._names[index][1],
                                                    Qt.TextElideMode.ElideRight,
                                                    int(rect.width()) - 24)
            painter.drawText(rect, flags, text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._press = self._press, None
        if start is None:
            return
        moved = event.position() - start
        if abs(moved.x()) <= TAP_SLOP and abs(moved.y()) <= TAP_SLOP:
            name_id = self.name_at(event.position())
            if name_id is not None:
                self.nameActivated.emit(name_id)
        event.accept()
