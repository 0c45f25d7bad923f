"""The names wall: names in columns, drifting slowly upward, each one tappable.

The wall is virtual: it knows how many names the archive holds and asks for the names of the
rows on screen only (a few pages, cached), and paints just those. A million names cost what
a hundred do. Each name is on the wall once; when the names fit on the screen they stand
still in one calm, centred column: a name is never repeated or padded out to look fuller.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from khojaly_kiosk.ui.theme import current_palette

COLUMN_WIDTH = 440
LINE_HEIGHT = 64  # a row is also the tap target, so it stays >= 48 px
CALM_LINE = 104  # a short column stands larger and with more air, like names on a plaque
CALM_TYPE = 1.3  # times the wall's type
DRIFT_PX = 0.5  # per tick: ~15 px a second, slow enough to read while it moves
TICK_MS = 33
TAP_SLOP = 12  # px a finger may move and still count as a tap
PAGE = 128  # names fetched at once
CACHED_PAGES = 8

#: ``fetch(offset, limit)``: ``(id, name)`` pairs of the names at ``offset`` .. in wall order.
Fetch = Callable[[int, int], Sequence[tuple[int, str]]]


def _no_names(_offset: int, _limit: int) -> Sequence[tuple[int, str]]:
    return ()


class NamesWall(QWidget):
    """Paints the names on screen; ``nameActivated`` carries the id of a tapped name."""

    nameActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._fetch: Fetch = _no_names
        self._pages: OrderedDict[int, Sequence[tuple[int, str]]] = OrderedDict()
        self._offset = 0.0
        self._press: QPointF | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(LINE_HEIGHT * 3)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._drift)

    # -- content ------------------------------------------------------------------------

    def set_names(self, total: int, fetch: Fetch) -> None:
        """Show ``total`` names, read on demand with ``fetch``, from the first; the same
        names again keep the pages already read."""
        if fetch is not self._fetch or max(0, total) != self._total:
            self._pages.clear()
        self._total = max(0, total)
        self._fetch = fetch
        self._offset = 0.0
        self.update()

    def total(self) -> int:
        return self._total

    def _name(self, index: int) -> tuple[int, str] | None:
        page = index // PAGE
        names = self._pages.get(page)
        if names is None:
            names = self._fetch(page * PAGE, PAGE)
            self._pages[page] = names
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        offset = index - page * PAGE
        return names[offset] if 0 <= offset < len(names) else None

    def cached_names(self) -> int:
        """How many names the wall holds in memory now (a few pages, whatever the total)."""
        return sum(len(names) for names in self._pages.values())

    # -- geometry -----------------------------------------------------------------------

    def calm(self) -> bool:
        """True when every name fits in one column on screen: they stand still, centred."""
        return self._total * CALM_LINE <= self.height()

    def overflows(self) -> bool:
        """True when the names are more than the wall can show at once (then they drift)."""
        return self.rows() * LINE_HEIGHT > self.height()

    def columns(self) -> int:
        if self.calm():
            return 1
        return max(1, min(self._total, self.width() // COLUMN_WIDTH))

    def rows(self) -> int:
        columns = self.columns()
        return (self._total + columns - 1) // columns

    def _cycle_rows(self) -> int:
        # One full turn: the names plus a gap of most of a screen, so the last names leave
        # before the first return and no name is ever on the wall twice.
        return self.rows() + max(self.height() // LINE_HEIGHT - 1, 2)

    def _positions(self) -> list[tuple[int, QRectF]]:
        """Index and on-screen rectangle of every visible name (only those are computed)."""
        if self._total == 0:
            return []
        if self.calm():
            top = (self.height() - self._total * CALM_LINE) / 2
            width = min(self.width(), COLUMN_WIDTH * 2)
            left = (self.width() - width) / 2
            return [(i, QRectF(left, top + i * CALM_LINE, width, CALM_LINE))
                    for i in range(self._total)]
        columns, rows = self.columns(), self.rows()
        left = (self.width() - columns * COLUMN_WIDTH) / 2
        if not self.overflows():  # they fit in a few columns: still, centred
            top = (self.height() - rows * LINE_HEIGHT) / 2
            return [(i, QRectF(left + (i % columns) * COLUMN_WIDTH,
                               top + (i // columns) * LINE_HEIGHT, COLUMN_WIDTH, LINE_HEIGHT))
                    for i in range(self._total)]
        cycle = self._cycle_rows()
        first = math.floor(self._offset / LINE_HEIGHT)
        last = math.floor((self._offset + self.height()) / LINE_HEIGHT)
        visible: list[tuple[int, QRectF]] = []
        for unwrapped in range(first, last + 1):
            row = unwrapped % cycle
            if row >= rows:
                continue  # the gap between the last names and the first
            y = unwrapped * LINE_HEIGHT - self._offset
            for column in range(columns):
                index = row * columns + column
                if index < self._total:
                    x = left + column * COLUMN_WIDTH
                    visible.append((index, QRectF(x, y, COLUMN_WIDTH, LINE_HEIGHT)))
        return visible

    def name_at(self, point: QPointF) -> int | None:
        """The id of the name under ``point``, if any."""
        for index, rect in self._positions():
            if rect.contains(point):
                found = self._name(index)
                return found[0] if found else None
        return None

    def visible_names(self) -> list[str]:
        return [found[1] for index, _ in self._positions() if (found := self._name(index))]

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

    def _drift(self) -> None:
        if not self.overflows():
            return
        self._offset = (self._offset + DRIFT_PX) % (self._cycle_rows() * LINE_HEIGHT)
        self.update()

    # -- events -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        calm = self.calm()
        font = QFont(self.font())
        if calm and font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * CALM_TYPE))
        painter.setFont(font)
        pal = current_palette()
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        metrics = painter.fontMetrics()
        for index, rect in self._positions():
            found = self._name(index)
            if found is None:
                continue
            if calm and index:  # a quiet rule between the names of a short column
                painter.setPen(QColor(pal.divider))
                middle = rect.center().x()
                painter.drawLine(QPointF(middle - 48, rect.top()), QPointF(middle + 48, rect.top()))
            painter.setPen(QColor(pal.text))
            # drawText with a str is plain text; elide rather than overlap the next column.
            text = metrics.elidedText(found[1], Qt.TextElideMode.ElideRight,
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
