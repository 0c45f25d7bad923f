"""A proportional time axis for a touch screen: era bands, event markers in rows, zoom.

In the manner of TimelineJS3's timenav (``TimeNav``/``TimeScale``/``TimeAxis``): an event's
place is proportional to its date; eras are tinted bands with their names; tick labels step
from decades to days as the visitor zooms; markers stack in rows. Made for fingers:

- a drag slides time under a fixed centre mark and, on release, selects the event nearest
  it; a tap on a marker (or near its dot) selects that event; the axis then glides to centre it;
- pinch, or the +/- buttons the screen puts beside it (``zoom_in``/``zoom_out``), zoom
  around the centre;
- every event keeps a dot on the axis line; a label that finds no free row is not drawn over
  another, and the selected event's label always has a place (row 0).

Everything is painted: a thousand events are a thousand dots, not a thousand widgets.
Labels are plain text, clipped to the marker at a word, never mid-word.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPointF,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QSizePolicy, QWidget

from khojaly_kiosk.ui.widgets.time_axis_paint import paint_axis
from khojaly_kiosk.ui.widgets.time_scale import (
    Placed,
    assign_rows,
    auto_zoom_level,
    zoom_levels,
)

MARKER_WIDTH = 300  # px at the first text step; grows with the text
PAD = 48  # px kept free at both ends of the whole span when it fits on screen
DRAG_SLOP = 12  # px a finger may move and still tap
DOT_HIT = 40  # px around a dot that a tap may land on
MOST_PX_PER_DAY = 360.0  # the deepest zoom: a day is wider than a marker
GLIDE_MS = 250
FINGER = 48  # px: neighbouring dots at least this far apart can each be tapped


#: ``(date, unit) -> label``: how a tick is labelled ("1992", "February 1992", "26 Feb").
TickFormat = Callable[[dt.date, str], str]


def numeric_tick(day: dt.date, unit: str) -> str:
    """Tick labels without month names (the screen passes its language's own)."""
    if unit in ("decade", "year"):
        return str(day.year)
    if unit == "month":
        return f"{day.month:02d}.{day.year}"
    return f"{day.day}.{day.month:02d}"


@dataclass(frozen=True, slots=True)
class AxisEvent:
    """One marker: where it starts (and ends, for a span) in day numbers, and its label."""

    start: float
    end: float | None
    date: str
    title: str


@dataclass(frozen=True, slots=True)
class AxisEra:
    key: str
    name: str
    start: float
    end: float


class TimeAxis(QWidget):
    """Emits ``eventActivated(index)`` when a tap or a drag chooses an event."""

    eventActivated = Signal(int)
    zoomChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font_cache: tuple[QFont, tuple[QFont, QFont], tuple[int, int, int]] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self._events: list[AxisEvent] = []
        self._eras: list[AxisEra] = []
        self._selected = -1
        self._candidate = -1  # the event nearest the centre while a drag is under way
        self._first = self._last = 0.0
        self._levels: list[float] = [1.0]
        self._level = 0
        self._scale = 1.0  # px per day
        self._center = 0.0  # day at the centre mark
        self._press: QPointF | None = None
        self._press_center = 0.0
        self._dragging = False
        self._rows_cache: tuple[tuple[object, ...], list[Placed]] | None = None
        self._zoomed_by_hand = False  # once the visitor zooms, the axis no longer does
        self._animate = True
        self._glide = QVariantAnimation(self)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._glide.valueChanged.connect(self._glide_to)
        self.tick_format: TickFormat = numeric_tick

    # -- content ------------------------------------------------------------------------

    def set_content(self, events: list[AxisEvent], eras: list[AxisEra]) -> None:
        self._events = list(events)
        self._eras = list(eras)
        starts = [e.start for e in events] + [a.start for a in eras]
        ends = [e.end or e.start for e in events] + [a.end for a in eras]
        self._first = min(starts, default=0.0)
        self._last = max(ends, default=self._first)
        self._selected = -1
        self._zoomed_by_hand = False
        self._rebuild_levels(keep_level=False)
        self._center = (self._first + self._last) / 2
        self.update()

    def events(self) -> list[AxisEvent]:
        return list(self._events)

    def set_animated(self, animated: bool) -> None:
        """Glide to a selection (off for reduced motion: the axis jumps)."""
        self._animate = animated

    # -- selection ----------------------------------------------------------------------

    def selected(self) -> int:
        return self._selected

    def set_selected(self, index: int) -> None:
        """Mark event ``index`` (-1: none, the title slide) and glide to put it in the centre.

        Until the visitor zooms by hand, the axis zooms itself: out as far as it can while the
        selected event and its two neighbours all keep their labels and their dots stay a
        finger apart (the title slide shows everything), so a crowded week opens up and a
        lone decade stays in view.
        """
        self._selected = index if 0 <= index < len(self._events) else -1
        self._candidate = -1
        if not self._zoomed_by_hand:
            self._auto_zoom()
        if self._selected >= 0:
            self._move_center(self._events[self._selected].start)
        else:
            self._move_center((self._first + self._last) / 2)
        self.update()

    def center(self) -> float:
        return self._center

    def x_of(self, day: float) -> float:
        """Where ``day`` is drawn, in px from the widget's left edge."""
        return self.width() / 2 + (day - self._center) * self._scale

    def nearest_to(self, day: float) -> int:
        """The event whose start is nearest ``day`` (-1 when there are none)."""
        if not self._events:
            return -1
        return min(range(len(self._events)), key=lambda i: abs(self._events[i].start - day))

    def _auto_zoom(self) -> None:
        level = 0
        if self._selected >= 0:
            level = auto_zoom_level([e.start for e in self._events], self._levels,
                                    self._selected, self.marker_width(), self.rows(), FINGER)
        if level != self._level or not math.isclose(self._scale, self._levels[level]):
            self._level = level
            self._scale = self._levels[level]
            self._rows_cache = None
            self.zoomChanged.emit()

    def reset_zoom(self) -> None:
        """Back to zooming itself (a new visitor)."""
        self._zoomed_by_hand = False
        self._auto_zoom()
        self.update()

    def _move_center(self, day: float) -> None:
        target = self._clamped(day)
        self._glide.stop()
        if self._animate and self.isVisible() and abs(target - self._center) * self._scale > 1:
            self._glide.setStartValue(self._center)
            self._glide.setEndValue(target)
            self._glide.start()
        else:
            self._center = target
            self.update()

    def _glide_to(self, value: object) -> None:
        if isinstance(value, float):
            self._center = value
            self.update()

    def _clamped(self, day: float) -> float:
        # The whole span may scroll to the centre mark and no further.
        return min(max(day, self._first), self._last)

    # -- zoom ---------------------------------------------------------------------------

    def scale(self) -> float:
        """The zoom: px per day."""
        return self._scale

    def fit_scale(self) -> float:
        span = max(self._last - self._first, 1.0)
        room = max(self.width() - 2 * PAD - self.marker_width(), 100)
        return min(room / span, MOST_PX_PER_DAY)

    def _rebuild_levels(self, keep_level: bool = True) -> None:
        self._levels = zoom_levels(self.fit_scale(), MOST_PX_PER_DAY)
        self._level = min(self._level, len(self._levels) - 1) if keep_level else 0
        self._scale = self._levels[self._level]
        self._rows_cache = None

    def can_zoom_in(self) -> bool:
        return self._scale < self._levels[-1] - 1e-9

    def can_zoom_out(self) -> bool:
        return self._scale > self._levels[0] + 1e-9

    def zoom_in(self) -> None:
        self._zoomed_by_hand = True
        self._set_level(next((i for i, s in enumerate(self._levels) if s > self._scale + 1e-9),
                             len(self._levels) - 1))

    def zoom_out(self) -> None:
        self._zoomed_by_hand = True
        lower = [i for i, s in enumerate(self._levels) if s < self._scale - 1e-9]
        self._set_level(lower[-1] if lower else 0)

    def _set_level(self, level: int) -> None:
        self._level = level
        self.set_scale(self._levels[level])

    def set_scale(self, px_per_day: float) -> None:
        """Zoom to ``px_per_day`` (kept within fit-all and the deepest zoom), centre kept."""
        scale = min(max(px_per_day, self._levels[0]), self._levels[-1])
        if math.isclose(scale, self._scale):
            return
        self._scale = scale
        self._level = max(i for i, s in enumerate(self._levels) if s <= scale + 1e-9)
        self._rows_cache = None
        self.update()
        self.zoomChanged.emit()

    # -- geometry -----------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        return self._font_set()[1]

    def _font_set(self) -> tuple[QFont, tuple[QFont, QFont], tuple[int, int, int]]:
        """The labels' fonts and strip heights, made again only when the widget's font changed
        (a text size or the stylesheet): a paint asked for them ~100 times (every marker)."""
        base = self.font()
        cached = self._font_cache
        if cached is not None and cached[0] == base:
            return cached
        size = base.pixelSize() if base.pixelSize() > 0 else 20
        small = QFont(base)
        small.setPixelSize(max(1, round(size * 0.85)))
        title = QFont(base)
        title.setFamily("Noto Serif")
        title.setPixelSize(size)
        small_line = QFontMetrics(small).lineSpacing()
        title_line = QFontMetrics(title).lineSpacing()
        strips = (small_line + 16, small_line + 20, small_line + title_line + 20)
        self._font_cache = (QFont(base), (small, title), strips)
        return self._font_cache

    def marker_width(self) -> int:
        size = self.font().pixelSize()
        return round(MARKER_WIDTH * max(1.0, size / 20)) if size > 0 else MARKER_WIDTH

    def _metrics(self) -> tuple[int, int, int]:
        """Heights of the era label strip, the tick strip and one marker label."""
        return self._font_set()[2]

    def axis_y(self) -> float:
        return self.height() - self._metrics()[1]

    def rows(self) -> int:
        band, _tick, marker = self._metrics()
        room = self.axis_y() - band - 28
        return max(1, int(room // (marker + 10)))

    def _placements(self) -> list[Placed]:
        key = (self._scale, self._selected, self.rows(), self.marker_width(), len(self._events))
        if self._rows_cache is None or self._rows_cache[0] != key:
            lefts = [(e.start - self._first) * self._scale for e in self._events]
            chosen = self._selected
            priority = [chosen, chosen - 1, chosen + 1] if chosen >= 0 else []
            placed = assign_rows(lefts, self.marker_width(), self.rows(), first=priority)
            self._rows_cache = (key, placed)
        return self._rows_cache[1]

    def marker_rect(self, index: int) -> QRectF | None:
        """Where event ``index``'s label is drawn, or None when it shows only its dot."""
        row = self._placements()[index].row
        if row is None:
            return None
        _band, _tick, marker = self._metrics()
        bottom = self.axis_y() - 22 - row * (marker + 10)
        return QRectF(self.x_of(self._events[index].start), bottom - marker,
                      self.marker_width(), marker)

    def labelled(self) -> list[int]:
        """Events whose labels are on screen now (for tests and the tour)."""
        return [i for i in range(len(self._events))
                if (rect := self.marker_rect(i)) is not None
                and rect.right() > 0 and rect.left() < self.width()]

    def dot_x(self, index: int) -> float:
        return self.x_of(self._events[index].start)

    # -- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_axis(self, painter)

    def eras(self) -> list[AxisEra]:
        return list(self._eras)

    def candidate(self) -> int:
        """The event a drag under way would choose (-1 when none)."""
        return self._candidate

    def fonts(self) -> tuple[QFont, QFont]:
        """The labels' fonts: a small one for dates, the serif for titles (from the stylesheet)."""
        return self._fonts()

    def strips(self) -> tuple[int, int, int]:
        """Heights of the era label strip, the tick strip and one marker label."""
        return self._metrics()

    def tick_label(self, day: dt.date, unit: str) -> str:
        """A tick's label, written by ``tick_format`` (the screen gives the UI language's)."""
        return self.tick_format(day, unit)

    def set_tick_format(self, formatter: TickFormat) -> None:
        self.tick_format = formatter
        self.update()

    # -- input --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        self._press_center = self._center
        self._dragging = False
        self._glide.stop()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        dx = event.position().x() - self._press.x()
        if not self._dragging and abs(dx) > DRAG_SLOP:
            self._dragging = True
        if self._dragging:
            self._center = self._clamped(self._press_center - dx / self._scale)
            self._candidate = self.nearest_to(self._center)
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._press = self._press, None
        if start is None:
            return
        if self._dragging:
            self._dragging = False
            chosen = self.nearest_to(self._center)
            self._candidate = -1
            if chosen >= 0:
                if chosen == self._selected:
                    self.set_selected(chosen)  # glide back to it
                self.eventActivated.emit(chosen)
        else:
            hit = self.index_at(event.position())
            if hit is not None:
                self.eventActivated.emit(hit)
        event.accept()

    def index_at(self, point: QPointF) -> int | None:
        """The event whose label is under ``point``, or whose dot is within a finger's reach."""
        order = sorted(range(len(self._events)), key=lambda i: i != self._selected)
        for index in order:
            rect = self.marker_rect(index)
            if rect is not None and rect.contains(point):
                return index
        if abs(point.y() - self.axis_y()) <= DOT_HIT and self._events:
            nearest = min(range(len(self._events)), key=lambda i: abs(self.dot_x(i) - point.x()))
            if abs(self.dot_x(nearest) - point.x()) <= DOT_HIT:
                return nearest
        return None

    def wheelEvent(self, event: QWheelEvent) -> None:
        # A mouse or touchpad (staff testing at a desk): wheel pans, Ctrl+wheel zooms.
        delta = event.angleDelta().y() or event.angleDelta().x()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._zoomed_by_hand = True
            self.set_scale(self._scale * (1.25 if delta > 0 else 0.8))
        else:
            self._center = self._clamped(self._center - delta / self._scale)
            self.update()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.pinch(pinch.scaleFactor())
                event.accept(pinch)
                return True
        return super().event(event)

    def pinch(self, factor: float) -> None:
        """Zoom by ``factor`` (a pinch's change since its last step), around the centre."""
        if factor > 0:
            self._zoomed_by_hand = True
            self.set_scale(self._scale * factor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        old = self._scale
        self._rebuild_levels()
        if self._level == 0 or old < self._levels[0]:
            self._scale = self._levels[0]
        else:
            self._scale = min(max(old, self._levels[0]), self._levels[-1])
        self._rows_cache = None
        if not self._zoomed_by_hand:
            # The rows that fit changed with the height: choose the zoom again, and keep the
            # selection in the centre (no glide: nothing moved under a finger).
            self._auto_zoom()
            if self._selected >= 0:
                self._glide.stop()
                self._center = self._clamped(self._events[self._selected].start)
