"""The hidden staff gesture that opens the PIN pad.

How staff do it: press and hold the **top-left corner** of the screen (within 96 x 96 px) for
**at least 2 seconds** and lift the finger there, then within **5 seconds** tap the
**bottom-right corner** (within 96 x 96 px). Any other touch in between cancels the gesture.
It works with touch and mouse alike.

Visitors do not stumble on it: attract and home screens have nothing to press in the corners,
and a held corner followed by the opposite corner is not something people do by accident. It
is only a way to *ask* for the PIN pad; the PIN is the lock.

Input is observed on the top-level QWindow (each touch reaches it exactly once, in window
coordinates), never eaten.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent, QWindow

from khojaly_kiosk.kiosk.appfilter import AppEventFilter

Clock = Callable[[], float]

CORNER_PX = 96
HOLD_SECONDS = 2.0
TAP_WITHIN_SECONDS = 5.0

_PRESS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_RELEASE = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd)


class _Phase(Enum):
    IDLE = 0
    HOLDING = 1
    ARMED = 2


class StaffGesture(AppEventFilter):
    """Emits ``triggered`` after hold-top-left (>= 2 s) then tap-bottom-right (<= 5 s later)."""

    triggered = Signal()
    EVENTS = frozenset({*_PRESS, *_RELEASE})

    def __init__(self, *, clock: Clock = time.monotonic, corner_px: int = CORNER_PX,
                 hold_seconds: float = HOLD_SECONDS,
                 tap_within_seconds: float = TAP_WITHIN_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._corner = corner_px
        self._hold = hold_seconds
        self._within = tap_within_seconds
        self._phase = _Phase.IDLE
        self._since = 0.0
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (self.enabled and (kind in _PRESS or kind in _RELEASE)
                and isinstance(watched, QWindow)):
            pos = _position(event)
            if pos is not None:
                self.feed(kind in _PRESS, pos.x(), pos.y(), watched.width(), watched.height())
        return False

    def feed(self, pressed: bool, x: float, y: float, width: float, height: float) -> None:
        """Advance the gesture with one press or release at (x, y) in a width x height window.

        Repeated presses or releases (a touch and the mouse event Qt synthesises from it)
        are harmless: a second press while holding keeps the first one's time.
        """
        now = self._clock()
        top_left = x < self._corner and y < self._corner
        bottom_right = x >= width - self._corner and y >= height - self._corner
        if pressed:
            if top_left:
                if self._phase is not _Phase.HOLDING:
                    self._phase, self._since = _Phase.HOLDING, now
            elif (self._phase is _Phase.ARMED and bottom_right
                  and now - self._since <= self._within):
                self._phase = _Phase.IDLE
                self.triggered.emit()
            else:
                self._phase = _Phase.IDLE
        elif self._phase is _Phase.HOLDING:
            held_long_enough = now - self._since >= self._hold
            self._phase = _Phase.ARMED if held_long_enough and top_left else _Phase.IDLE
            self._since = now


def _position(event: QEvent) -> QPointF | None:
    if isinstance(event, QMouseEvent):
        return event.position()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].position()
    return None
