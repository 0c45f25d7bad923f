"""The staff PIN pad: large keys, masked entry, and the lock-out shown as seconds to wait."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from khojaly_kiosk.kiosk.core.pin import MAX_DIGITS, PinResult
from khojaly_kiosk.ui.widgets.text import plain_label

KEY_PX = 112  # the brief asks >= 96 px; fingers at a wall-mounted screen miss small keys
MASK = "\u2022"  # BULLET: the bundled Noto Sans has it (not U+25CF)


class PinVerifier(Protocol):
    """What the pad needs: :class:`khojaly_kiosk.kiosk.core.pin.PinChecker` fits."""

    def check(self, pin: str) -> PinResult: ...

    def retry_after(self) -> int: ...


class PinPad(QWidget):
    """Emits ``accepted`` after a right PIN and ``cancelled`` when staff leave."""

    accepted = Signal()
    cancelled = Signal()

    def __init__(self, verifier: PinVerifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self._verifier = verifier
        self._entered = ""
        self._message_kind = ""
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self.refresh_lock)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # kiosk.qss styles it

        self.title = plain_label("", "heading", self)
        self.display = plain_label("", "heading", self, wrap=False)
        self.message = plain_label("", "secondary", self)
        for label, name in ((self.title, "pinTitle"), (self.display, "pinDisplay"),
                            (self.message, "pinMessage")):
            label.setObjectName(name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumHeight(72)

        self.digit_keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        self.clear_key = self._key("", "pinClear")
        self.ok_key = self._key("", "pinOk")
        grid.addWidget(self.clear_key, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        grid.addWidget(self.ok_key, 3, 2)
        self.clear_key.clicked.connect(self.clear)
        self.ok_key.clicked.connect(self.submit)
        self.cancel_key = QPushButton(self)
        self.cancel_key.setObjectName("pinCancel")
        self.cancel_key.setMinimumSize(3 * KEY_PX + 32, 72)
        self.cancel_key.clicked.connect(self._cancel)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.display)
        layout.addWidget(self.message)
        layout.addSpacing(24)
        layout.addLayout(grid)
        layout.setAlignment(grid, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        layout.addWidget(self.cancel_key, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def _key(self, digit: str, object_name: str = "") -> QPushButton:
        key = QPushButton(digit, self)
        key.setMinimumSize(KEY_PX, KEY_PX)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if object_name:
            key.setObjectName(object_name)
        else:
            key.setObjectName(f"pinKey{digit}")
            key.clicked.connect(lambda: self.press(digit))
            self.digit_keys[digit] = key
        return key

    @property
    def entered_length(self) -> int:
        return len(self._entered)

    def reset(self) -> None:
        """Clear the entry; call each time the pad is shown (a lock-out may still be running)."""
        self._entered = ""
        self._message_kind = ""
        self._update_display()
        self.refresh_lock()

    def press(self, digit: str) -> None:
        if self._locked() or len(self._entered) >= MAX_DIGITS:
            return
        self._entered += digit
        if self._message_kind == "wrong":
            self._message_kind = ""
            self.message.clear()
        self._update_display()

    def clear(self) -> None:
        self._entered = ""
        self._update_display()

    def submit(self) -> None:
        if not self._entered or self._locked():
            return
        pin, self._entered = self._entered, ""
        self._update_display()
        result = self._verifier.check(pin)
        if result.ok:
            self._message_kind = ""
            self.message.clear()
            self.accepted.emit()
            return
        self._message_kind = "wrong"
        self.refresh_lock()

    def refresh_lock(self) -> None:
        """Show the lock-out (if any) with the seconds left; re-enable the keys when it ends."""
        wait = self._verifier.retry_after()
        for key in (*self.digit_keys.values(), self.clear_key, self.ok_key):
            key.setEnabled(wait == 0)
        if wait:
            self._message_kind = "locked"
            self.message.setText(self.tr("Try again in %n seconds.", "", wait))
            if not self._lock_timer.isActive():
                self._lock_timer.start()
            return
        self._lock_timer.stop()
        if self._message_kind == "locked":
            self._message_kind = ""
        self.message.setText(self.tr("Wrong PIN.") if self._message_kind == "wrong" else "")

    def hideEvent(self, event: QHideEvent) -> None:
        # No lock-out countdown for a pad nobody sees (reset() starts it again on showing);
        # a running one also outlived its state file when the kiosk closed.
        self._lock_timer.stop()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff PIN"))
        self.clear_key.setText(self.tr("Clear"))
        self.ok_key.setText(self.tr("OK"))
        self.cancel_key.setText(self.tr("Back to visitors"))
        self.refresh_lock()

    def _locked(self) -> bool:
        return not self.ok_key.isEnabled()

    def _update_display(self) -> None:
        # Only the length is ever shown; the digits live in this object alone.
        self.display.setText(MASK * len(self._entered))

    def _cancel(self) -> None:
        self._entered = ""
        self._update_display()
        self.cancelled.emit()
