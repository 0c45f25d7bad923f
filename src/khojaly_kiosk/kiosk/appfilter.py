"""An application-wide event filter: sees every input event before any widget does."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.ui.app_events import app_events


class AppEventFilter(QObject):
    """Base for the kiosk's watchers (lockdown, idle, staff gesture); override ``eventFilter``
    and name the event types it needs in ``EVENTS``: it is called for those only, through the
    application's one shared filter (``ui.app_events``), never for the paints, shows and
    layouts of every widget."""

    EVENTS: ClassVar[frozenset[QEvent.Type]] = frozenset()

    def install(self, app: QApplication | None = None) -> None:
        """Watch the ``EVENTS`` of ``app`` (the running application by default)."""
        target = app or QApplication.instance()
        if target is not None:
            app_events(target).add(self, self.EVENTS)

    def uninstall(self, app: QApplication | None = None) -> None:
        target = app or QApplication.instance()
        if target is not None:
            app_events(target).remove(self)
