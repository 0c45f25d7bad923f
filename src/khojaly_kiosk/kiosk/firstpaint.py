"""The kiosk window's first painted frame: what waits for it, and the benchmarks' marker.

``after_first_frame`` runs a callback once the window's first frame is finished (the first
paint event of any widget in the window has been delivered, then a zero timer runs after that
paint pass). The composition root builds what a visitor cannot see yet (the staff room, the
fleet services, the other screens) there, so the attract screen is painted first.

The marker is off unless ``KHOJALY_FIRST_PAINT`` is set (``benchmarks/run_all.py`` sets it).
Then one line goes to stderr at the first frame: ``khojaly-first-paint <time.monotonic()>``
(CLOCK_MONOTONIC, so the benchmark can subtract the moment it started the process).
``KHOJALY_FIRST_PAINT=quit`` also quits the application then.
``benchmarks/bare_window.py`` marks its anchor window the same way.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "KHOJALY_FIRST_PAINT"
MARK = "khojaly-first-paint"


class _FirstFrame(QObject):
    def __init__(self, app: QApplication, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(app)
        self._app, self._window, self._then = app, window, then
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self._seen and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self._window):
            self._seen = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        self._app.removeEventFilter(self)
        self.deleteLater()
        self._then()


def after_first_frame(app: QApplication, window: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once, when the first frame of ``window`` has been painted."""
    app.installEventFilter(_FirstFrame(app, window, then))


def watch_first_paint(app: QApplication, window: QWidget) -> None:
    """Report the first painted frame of ``window`` if ``KHOJALY_FIRST_PAINT`` asks for it."""
    mode = os.environ.get(ENV, "")
    if not mode:
        return

    def report() -> None:
        print(f"{MARK} {time.monotonic():.6f}", file=sys.stderr, flush=True)
        if mode == "quit":
            app.quit()

    after_first_frame(app, window, report)
