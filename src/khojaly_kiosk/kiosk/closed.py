"""The black "closed" overlay shown outside opening hours.

Outside the hours the screen goes black (a dark panel draws little power and shows no stale
content). A touch wakes it for five minutes, for a late visitor or a member of staff; at
opening time it lifts by itself. Time comes from an injectable clock so tests need no waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from khojaly_kiosk.kiosk.core.hours import OpeningHours
from khojaly_kiosk.ui.widgets.overlay import Overlay
from khojaly_kiosk.ui.widgets.text import plain_label

WAKE_MINUTES = 5
CHECK_MS = 15_000


class ClosedOverlay(Overlay):
    """Covers ``parent`` while the kiosk is closed; emits ``closedChanged(bool)`` as it shows/hides.

    The composition root suspends idle detection and the attract animation while closed.
    """

    closedChanged = Signal(bool)

    def __init__(self, parent: QWidget, hours: OpeningHours, *,
                 clock: Callable[[], datetime] = datetime.now,
                 wake_minutes: int = WAKE_MINUTES) -> None:
        super().__init__(parent, black=True)
        self.setObjectName("closedOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._hours = hours
        self._clock = clock
        self._wake = timedelta(minutes=wake_minutes)
        self._awake_until: datetime | None = None
        self._closed = False
        # Barely visible, so the screen is not mistaken for broken, yet nothing burns in.
        self.hint = plain_label("", "secondary", self)
        self.hint.setObjectName("closedHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        layout.addSpacing(48)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.update_state)
        self.retranslate()

    @property
    def closed(self) -> bool:
        return self._closed

    def start(self) -> None:
        self.update_state()
        self._timer.start()

    def set_hours(self, hours: OpeningHours) -> None:
        """Apply new hours from the staff panel."""
        self._hours = hours
        self.update_state()

    def update_state(self) -> None:
        """Show or hide from the clock; called by the timer (and by tests)."""
        now = self._clock()
        awake = self._awake_until is not None and now < self._awake_until
        closed = not self._hours.is_open(now) and not awake
        if closed and not self.isVisible():
            self.show_on_top()
        elif not closed and self.isVisible():
            self.hide()
        if closed != self._closed:
            self._closed = closed
            self.closedChanged.emit(closed)

    def wake(self) -> None:
        """Lift the overlay for a few minutes (a touch while closed)."""
        self._awake_until = self._clock() + self._wake
        self.update_state()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the touch that wakes the screen must not also press what lies beneath
        self.wake()

    def touchEvent(self, event: QTouchEvent) -> None:
        event.accept()
        if event.type() == event.Type.TouchBegin:
            self.wake()

    def event(self, event: object) -> bool:
        if isinstance(event, QTouchEvent):
            self.touchEvent(event)
            return True
        return super().event(event)  # type: ignore[arg-type]

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Closed. Touch the screen to wake it."))
