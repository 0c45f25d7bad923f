"""Idle detection: after ``idle_seconds`` without input, a countdown; then back to attract.

Installed as an application event filter, so any touch, click or key anywhere counts as
activity. Time comes from an injectable clock (monotonic seconds) and is checked by a tick
timer, so tests drive it with a fake clock and :meth:`IdleWatcher.check` instead of sleeping.
While a video or audio testimony plays, the screen calls ``suspend("media")``: nobody should be
asked "are you still there?" in the middle of a witness speaking. The shell should also
``suspend("attract")`` while the attract loop is showing.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.kiosk.appfilter import AppEventFilter

Clock = Callable[[], float]

_INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress, QEvent.Type.Gesture, QEvent.Type.NativeGesture,
})


class IdleState(Enum):
    ACTIVE = "active"
    COUNTDOWN = "countdown"
    TIMED_OUT = "timed_out"


class IdleWatcher(AppEventFilter):
    """Emits ``countdownStarted(seconds)``, ``countdownTick(seconds_left)``,
    ``countdownCancelled``, ``idleTimeout`` and ``activeAgain`` (first input after a timeout).
    """

    countdownStarted = Signal(int)
    countdownTick = Signal(int)
    countdownCancelled = Signal()
    idleTimeout = Signal()
    activeAgain = Signal()
    EVENTS = _INPUT_EVENTS

    def __init__(self, idle_seconds: float, countdown_seconds: float, *,
                 clock: Clock = time.monotonic, tick_ms: int = 250,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds
        self._clock = clock
        self._last_input = clock()
        self._state = IdleState.ACTIVE
        self._suspended: set[str] = set()
        self._last_tick = -1
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)

    @property
    def state(self) -> IdleState:
        return self._state

    @property
    def suspended(self) -> bool:
        return bool(self._suspended)

    def start(self, app: QApplication | None = None) -> None:
        """Watch all input of ``app`` (the running application by default) and start ticking."""
        self.install(app)
        self.poke()
        self._timer.start()

    def stop(self, app: QApplication | None = None) -> None:
        self.uninstall(app)
        self._timer.stop()

    def set_idle_seconds(self, seconds: float) -> None:
        """Apply a new idle time from the staff panel; counts from the last input."""
        self.idle_seconds = seconds

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.poke()
        return False  # observe only; never eat a visitor's touch

    def poke(self) -> None:
        """Record activity now (input, the countdown's Continue button)."""
        self._last_input = self._clock()
        previous, self._state = self._state, IdleState.ACTIVE
        if previous is IdleState.COUNTDOWN:
            self.countdownCancelled.emit()
        elif previous is IdleState.TIMED_OUT:
            self.activeAgain.emit()

    def suspend(self, reason: str) -> None:
        """Hold idle detection (e.g. ``"media"`` while a video plays) until ``resume(reason)``."""
        self._suspended.add(reason)
        if self._state is IdleState.COUNTDOWN:
            self._state = IdleState.ACTIVE
            self.countdownCancelled.emit()

    def resume(self, reason: str) -> None:
        """Release one hold; when none is left the idle time starts afresh from now."""
        if reason not in self._suspended:
            return
        self._suspended.discard(reason)
        if not self._suspended:
            self._last_input = self._clock()

    def check(self) -> None:
        """Advance the state from the clock; called by the tick timer (and by tests)."""
        if self._suspended or self._state is IdleState.TIMED_OUT:
            return
        elapsed = self._clock() - self._last_input
        deadline = self.idle_seconds + self.countdown_seconds
        if elapsed >= deadline:
            # Also the path after a long stall (suspend-to-RAM): no point counting down then.
            self._state = IdleState.TIMED_OUT
            self.idleTimeout.emit()
            return
        if self._state is IdleState.ACTIVE and elapsed >= self.idle_seconds:
            self._state = IdleState.COUNTDOWN
            self._last_tick = math.ceil(deadline - elapsed)
            self.countdownStarted.emit(self._last_tick)
            return
        if self._state is IdleState.COUNTDOWN:
            left = math.ceil(deadline - elapsed)
            if left != self._last_tick:
                self._last_tick = left
                self.countdownTick.emit(left)
