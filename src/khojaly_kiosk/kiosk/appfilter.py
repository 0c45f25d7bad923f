"""An application-wide event filter: sees every input event before any widget does."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


class AppEventFilter(QObject):
    """Base for the kiosk's watchers (lockdown, idle, staff gesture); override ``eventFilter``."""

    def install(self, app: QApplication | None = None) -> None:
        """Watch every event of ``app`` (the running application by default)."""
        target = app or QApplication.instance()
        if target is not None:
            target.installEventFilter(self)

    def uninstall(self, app: QApplication | None = None) -> None:
        target = app or QApplication.instance()
        if target is not None:
            target.removeEventFilter(self)
