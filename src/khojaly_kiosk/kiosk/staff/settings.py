"""The settings part of the staff panel: idle time, default language, opening hours."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from khojaly_kiosk.errors import KioskError
from khojaly_kiosk.kiosk.core.hours import OpeningHours
from khojaly_kiosk.settings import LANGUAGES
from khojaly_kiosk.ui.widgets.controls import ChoiceRow, Stepper, touch_button
from khojaly_kiosk.ui.widgets.text import plain_label

IDLE_MIN, IDLE_MAX, IDLE_STEP = 30, 600, 15
HALF_HOUR = 30
DEFAULT_OPEN, DEFAULT_CLOSE = 9 * 60, 18 * 60


def _clock_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class StaffSettings(QWidget):
    """Shows the current values; Save calls ``save(key, value)`` for each changed one.

    ``save`` raises :class:`KioskError` for a value it refuses (its sentence is shown).
    ``saved`` carries the changed values so the composition root can apply them at once.
    """

    saved = Signal(dict)

    def __init__(self, save: Callable[[str, str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._current: dict[str, str] = {}
        self.idle = Stepper(IDLE_MIN, IDLE_MAX, IDLE_STEP, self._seconds_text, self)
        self.language = ChoiceRow([(code, code.upper()) for code in LANGUAGES], self)
        self.always_open = touch_button(parent=self, object_name="staffAlwaysOpen")
        self.always_open.setCheckable(True)
        self.opens = Stepper(0, 24 * 60 - HALF_HOUR, HALF_HOUR, _clock_text, self)
        self.closes = Stepper(0, 24 * 60 - HALF_HOUR, HALF_HOUR, _clock_text, self)
        self.always_open.toggled.connect(self._hours_toggled)
        self.save_button = touch_button(parent=self, object_name="staffSaveSettings")
        self.save_button.clicked.connect(self.save)
        self.message = plain_label("", "body", self, object_name="staffSettingsMessage")

        self.idle_label = plain_label("", "body", self)
        self.language_label = plain_label("", "body", self)
        self.hours_label = plain_label("", "body", self)
        self.opens_label = plain_label("", "body", self)
        self.closes_label = plain_label("", "body", self)
        grid = QGridLayout()
        grid.addWidget(self.idle_label, 0, 0)
        grid.addWidget(self.idle, 0, 1)
        grid.addWidget(self.language_label, 1, 0)
        grid.addWidget(self.language, 1, 1)
        grid.addWidget(self.hours_label, 2, 0)
        grid.addWidget(self.always_open, 2, 1)
        grid.addWidget(self.opens_label, 3, 0)
        grid.addWidget(self.opens, 3, 1)
        grid.addWidget(self.closes_label, 4, 0)
        grid.addWidget(self.closes, 4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        self.retranslate()

    def _seconds_text(self, seconds: int) -> str:
        return self.tr("%1 s").replace("%1", str(seconds))

    def show_values(self, values: Mapping[str, str]) -> None:
        """Display the settings in force (``idle_seconds``, ``default_language``,
        ``opening_hours``)."""
        self._current = dict(values)
        idle = values.get("idle_seconds", "90")
        self.idle.set_value(int(idle) if idle.isdigit() else 90)
        self.language.set_value(values.get("default_language", "az"))
        try:
            hours = OpeningHours.parse(values.get("opening_hours", ""))
        except KioskError:
            hours = OpeningHours()
        self.always_open.setChecked(hours.always_open)
        if hours.opens is not None and hours.closes is not None:
            self.opens.set_value(hours.opens.hour * 60 + hours.opens.minute)
            self.closes.set_value(hours.closes.hour * 60 + hours.closes.minute)
        else:
            self.opens.set_value(DEFAULT_OPEN)
            self.closes.set_value(DEFAULT_CLOSE)
        self._hours_toggled(self.always_open.isChecked())
        self.message.clear()

    def chosen(self) -> dict[str, str]:
        """The values as the panel shows them now."""
        hours = "" if self.always_open.isChecked() else (
            f"{_clock_text(self.opens.value())}-{_clock_text(self.closes.value())}")
        return {"idle_seconds": str(self.idle.value()),
                "default_language": self.language.value(), "opening_hours": hours}

    def save(self) -> None:
        changed = {k: v for k, v in self.chosen().items() if self._current.get(k) != v}
        try:
            for key, value in changed.items():
                self._save(key, value)
        except KioskError as exc:
            self.message.setText(f"{exc} {exc.hint}".strip())
            return
        self._current.update(changed)
        self.message.setText(self.tr("Settings saved.") if changed
                             else self.tr("Nothing has changed."))
        if changed:
            self.saved.emit(changed)

    def _hours_toggled(self, always: bool) -> None:
        self.opens.setEnabled(not always)
        self.closes.setEnabled(not always)

    def retranslate(self) -> None:
        self.idle_label.setText(self.tr("Return to the start after"))
        self.language_label.setText(self.tr("Default language"))
        self.hours_label.setText(self.tr("Opening hours"))
        self.always_open.setText(self.tr("Always open"))
        self.opens_label.setText(self.tr("Opens at"))
        self.closes_label.setText(self.tr("Closes at"))
        self.save_button.setText(self.tr("Save settings"))
        self.idle.set_value(self.idle.value())
