"""The tap-storm lock of a screen change: presses are swallowed until the new screen settles."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

TRANSITION_MS = 300  # taps during a transition are ignored (a tap storm navigates once)
PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick})


class TransitionGuard(QObject):
    """Added to the application's watchers (``ui.app_events``) while a screen change settles.

    The lock lasts ``TRANSITION_MS`` after the new screen is first painted (building a screen on
    a slow kiosk PC must not use up the lock), and every press during it is swallowed and
    extends it, so the taps of a storm never reach what appeared under the finger.
    """

    def __init__(self, window: QWidget, timer: QTimer) -> None:
        super().__init__(timer)
        self._window = window
        self._timer = timer
        self._painted = False

    def arm(self) -> None:
        self._painted = False
        self._timer.start()

    def painted(self) -> None:
        """The window finished a paint pass: the lock counts from the first one."""
        if not self._painted:
            self._painted = True
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() in PRESSES and isinstance(watched, QWidget)
                and watched.window() is self._window):
            self._timer.start()
            return True
        return False
