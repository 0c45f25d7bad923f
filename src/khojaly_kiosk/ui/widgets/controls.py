"""Touch-sized controls (used by the staff panel): a stepper, a tap-twice button, a choice row.

Staff work the panel with fingers on the same screen and usually without a keyboard, so
there are no spin-box arrows or text fields: every value is set with large buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from khojaly_kiosk.ui.theme import BUTTON_HEIGHT
from khojaly_kiosk.ui.widgets.buttons import TouchButton
from khojaly_kiosk.ui.widgets.text import plain_label

TOUCH_MIN_PX = BUTTON_HEIGHT

CONFIRM_SECONDS = 4


def touch_button(text: str = "", parent: QWidget | None = None, *,
                 object_name: str = "", min_width: int = 0) -> TouchButton:
    """A :class:`TouchButton` with an object name (for kiosk.qss and tests) and a minimum width."""
    button = TouchButton(text, "", parent)
    if min_width:
        button.setMinimumWidth(min_width)
    if object_name:
        button.setObjectName(object_name)
    return button


class Stepper(QWidget):
    """``[-]  value  [+]`` for an integer in ``[minimum, maximum]``, shown by ``display``."""

    valueChanged = Signal(int)

    def __init__(self, minimum: int, maximum: int, step: int,
                 display: Callable[[int], str] = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min, self._max, self._step = minimum, maximum, step
        self._display = display
        self._value = minimum
        self.minus = touch_button("\u2013", self, min_width=TOUCH_MIN_PX)
        self.plus = touch_button("+", self, min_width=TOUCH_MIN_PX)
        self.label = plain_label("", "body", self, wrap=False)
        self.label.setProperty("stepperValue", True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(140)
        self.minus.clicked.connect(lambda: self.set_value(self._value - self._step))
        self.plus.clicked.connect(lambda: self.set_value(self._value + self._step))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.minus)
        layout.addWidget(self.label)
        layout.addWidget(self.plus)
        self._refresh()

    def value(self) -> int:
        return self._value

    def set_value(self, value: int) -> None:
        clamped = max(self._min, min(self._max, value))
        changed = clamped != self._value
        self._value = clamped
        self._refresh()
        if changed:
            self.valueChanged.emit(clamped)

    def _refresh(self) -> None:
        self.label.setText(self._display(self._value))
        self.minus.setEnabled(self._value > self._min)
        self.plus.setEnabled(self._value < self._max)


class ConfirmButton(QPushButton):
    """Needs two taps within a few seconds; emits ``confirmed`` on the second.

    For actions that interrupt visitors (restart, exit, rollback) without a modal dialog.
    """

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None, object_name: str = "") -> None:
        super().__init__(parent)
        self.setMinimumHeight(TOUCH_MIN_PX)
        if object_name:
            self.setObjectName(object_name)
        self._label = ""
        self._confirm_label = ""
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CONFIRM_SECONDS * 1000)
        self._timer.timeout.connect(self.disarm)
        self.clicked.connect(self._tapped)

    @property
    def armed(self) -> bool:
        return self._armed

    def set_labels(self, label: str, confirm_label: str) -> None:
        self._label, self._confirm_label = label, confirm_label
        self.setText(confirm_label if self._armed else label)

    def disarm(self) -> None:
        self._armed = False
        self._timer.stop()
        self.setText(self._label)

    def _tapped(self) -> None:
        if self._armed:
            self.disarm()
            self.confirmed.emit()
            return
        self._armed = True
        self.setText(self._confirm_label)
        self._timer.start()


class ChoiceRow(QWidget):
    """A row of checkable buttons of which exactly one is chosen (e.g. AZ EN RU TR)."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for value, text in choices:
            button = touch_button(text, self, min_width=96)
            button.setCheckable(True)
            self._group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def value(self) -> str:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return ""

    def set_value(self, value: str) -> None:
        if value in self.buttons:
            self.buttons[value].setChecked(True)
