"""A swipe detector for any widget: a sideways finger drag becomes "next" or "previous"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class SwipeDetector(QObject):
    """Turns a horizontal finger drag over ``target`` into ``swipedLeft``/``swipedRight``.

    A drag counts when it travels at least ``threshold`` px and mostly sideways, so reading
    (vertical) scrolls and taps are left alone.
    """

    swipedLeft = Signal()
    swipedRight = Signal()

    def __init__(self, target: QWidget, threshold: int = 120) -> None:
        super().__init__(target)
        self._threshold = threshold
        self._start: QPointF | None = None
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._start = event.globalPosition()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            start, self._start = self._start, None
            if start is not None:
                delta = event.globalPosition() - start
                if abs(delta.x()) >= self._threshold and abs(delta.x()) > 2 * abs(delta.y()):
                    (self.swipedLeft if delta.x() < 0 else self.swipedRight).emit()
        return False
