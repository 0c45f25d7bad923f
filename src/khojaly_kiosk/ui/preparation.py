"""Every screen built ahead of its first visit, while attract is on show."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from khojaly_kiosk.ui import navigation as nav_keys

if TYPE_CHECKING:
    from khojaly_kiosk.ui.shell import Shell

log = logging.getLogger(__name__)


class ScreenPreparation:
    """Builds the shell's screens one per turn of the event loop, only while attract is shown
    (a visitor's tap is answered between two; a visit pauses it and the next return to attract
    goes on). Each screen does a first visit's work (``prepare``) and is drawn once off screen,
    so a first visit costs what a later one does."""

    def __init__(self, shell: Shell) -> None:
        self._shell = shell
        self.waiting: list[str] = []  # screens still to build
        self.done = False

    def start(self) -> None:
        from khojaly_kiosk.ui.registry import SCREENS

        self.waiting = [key for key in SCREENS if not self._shell.is_built(key)]
        self.done = not self.waiting
        self.step()

    def resume(self) -> None:
        """Attract is on show again: go on with what a visit interrupted."""
        if self.waiting:
            QTimer.singleShot(0, self.step)

    def step(self) -> None:
        shell = self._shell
        if not self.waiting or shell.repos is None or shell.current_key != nav_keys.ATTRACT:
            return
        key = self.waiting.pop(0)
        if not shell.is_built(key):
            try:
                built = shell.screen_for(key)
                built.prepare()
                built.setGeometry(shell.stack.rect())
                # Drawn once, off screen: styles, layouts at this size, text laid out at its
                # widths and glyphs cached now, not when the first visitor taps.
                built.grab()
            except Exception:  # the first visit says so (the unavailable screen) if it fails
                log.exception("Preparing the %s screen failed; it is built on its first visit.",
                              key)
                shell.forget(key)
        if self.waiting:
            QTimer.singleShot(0, self.step)
        else:
            self.done = True
