"""Hidden gesture -> PIN pad -> staff panel, laid over the visitor shell.

Staff mode is disabled when no PIN is set (``doctor`` says so). The panel's actions are the
real import, rollback, statistics and settings of this kiosk, built by the composition root.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from khojaly_kiosk.kiosk.core.pin import PinChecker, pin_is_set
from khojaly_kiosk.kiosk.core.state import StateStore
from khojaly_kiosk.kiosk.gesture import StaffGesture
from khojaly_kiosk.kiosk.staff.panel import (
    StaffActions,
    StaffPanel,
    StaffStatus,
    status_from_summary,
)
from khojaly_kiosk.kiosk.staff.pinpad import PinPad

if TYPE_CHECKING:
    from khojaly_kiosk.archive.generations import LiveArchive

log = logging.getLogger(__name__)


class _Cover(QWidget):
    """Holds one staff widget over the whole window."""

    def __init__(self, parent: QWidget, child: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(child)
        self.hide()

    def show_over(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()


class StaffFlow(QObject):
    """Wires the gesture to the PIN pad and the PIN pad to the staff panel."""

    def __init__(self, app: QApplication, window: QWidget, state: StateStore,
                 actions: StaffActions, on_open: Callable[[], None],
                 on_close: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._state = state
        self._on_open = on_open
        self._on_close = on_close
        self.gesture = StaffGesture(parent=self)
        self.gesture.triggered.connect(self.open_pin_pad)
        self.gesture.install(app)
        self.pin_pad = PinPad(PinChecker(state))
        self.panel = StaffPanel(actions)
        self._pin_cover = _Cover(window, self.pin_pad)
        self._panel_cover = _Cover(window, self.panel)
        self.pin_pad.accepted.connect(self.open_panel)
        self.pin_pad.cancelled.connect(self.close)
        self.panel.closed.connect(self.close)

    def open_pin_pad(self) -> None:
        if not pin_is_set(self._state):
            log.info("The staff gesture was made, but no PIN is set: staff mode is disabled.")
            return
        self._on_open()
        self.pin_pad.reset()
        self._pin_cover.show_over()

    def open_panel(self) -> None:
        self._pin_cover.hide()
        self.panel.refresh()
        self._panel_cover.show_over()
        log.info("Staff panel opened.")

    def close(self) -> None:
        self._pin_cover.hide()
        self._panel_cover.hide()
        self.pin_pad.reset()
        self._on_close()


def staff_status(live: LiveArchive | None, data_dir: Path) -> StaffStatus:
    """What the staff panel's status box shows for the live archive.

    Runs on the GUI thread when the panel opens, so it uses SQLite's quick check; the full
    integrity check and media hashes run when a package is imported (and in `doctor`).
    """
    from khojaly_kiosk.archive.integrity import quick_check

    # The panel reads in the kiosk's language: its sentences are translated here, where they
    # are made (the detail of a problem is SQLite's own words).
    translate = QCoreApplication.translate
    if live is None:
        return status_from_summary(None, translate("StaffStatus", "No archive is live."),
                                   data_dir)
    problem = quick_check(live.db_path)
    sentence = (translate("StaffStatus", "The archive is intact.") if problem is None
                else translate("StaffStatus", "Problem: %1").replace("%1", problem))
    return status_from_summary(live.repos.summary(), sentence, data_dir)


def save_setting(state: StateStore, key: str, value: str) -> None:
    """Store a staff-changed setting (refused values raise a KioskError the panel shows)."""
    state.set_setting_override(key, value)
    log.info("Staff changed the setting %s.", key)
