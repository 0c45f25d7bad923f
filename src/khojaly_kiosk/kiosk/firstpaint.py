"""Opt-in measurement hook: say when the kiosk window's first frame has been painted.

Off unless ``KHOJALY_FIRST_PAINT`` is set (``benchmarks/run_all.py`` sets it). Then, once the
first paint event of any widget in the window has been delivered and that frame is finished (a
zero timer runs after the paint pass), one line goes to stderr:
``khojaly-first-paint <time.monotonic()>`` (CLOCK_MONOTONIC, so the benchmark can subtract the
moment it started the process). ``KHOJALY_FIRST_PAINT=quit`` also quits the application then.
``benchmarks/bare_window.py`` marks its anchor window the same way.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "KHOJALY_FIRST_PAINT"
MARK = "khojaly-first-paint"


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QWidget, quit_after: bool) -> None:
        super().__init__(app)
        self._app, self._window, self._quit = app, window, quit_after
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self._seen and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self._window):
            self._seen = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        self._app.removeEventFilter(self)
        print(f"{MARK} {time.monotonic():.6f}", file=sys.stderr, flush=True)
        if self._quit:
            self._app.quit()


def watch_first_paint(app: QApplication, window: QWidget) -> None:
    """Report the first painted frame of ``window`` if ``KHOJALY_FIRST_PAINT`` asks for it."""
    mode = os.environ.get(ENV, "")
    if mode:
        app.installEventFilter(_FirstPaint(app, window, quit_after=mode == "quit"))
