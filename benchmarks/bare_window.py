"""The anchor of every start-up and memory figure: a bare PySide6 window.

QApplication + one QWidget 1920x1080 + one QLabel, shown; nothing else. It marks its first
painted frame exactly as the kiosk does under ``KHOJALY_FIRST_PAINT`` (see
``khojaly_kiosk/kiosk/firstpaint.py``): after the first paint event of a widget in the window,
a zero timer prints ``khojaly-first-paint <time.monotonic()>`` to stderr, and with
``KHOJALY_FIRST_PAINT=quit`` quits. It imports nothing of the kiosk, so that its start-up is
the floor any PySide6 window pays.

``--page-switch`` instead shows a QStackedWidget of two pages and a button that switches
them (the anchor of "tap -> next screen painted"); it is imported, not run, for that.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

MARK = "khojaly-first-paint"


class FirstPaint(QObject):
    """The same marker as the kiosk's hook, for the bare window."""

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


def bare_window() -> QWidget:
    window = QWidget()
    window.setWindowTitle("bare")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("A bare PySide6 window"))
    window.resize(1920, 1080)
    return window


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = bare_window()
    mode = os.environ.get("KHOJALY_FIRST_PAINT", "")
    if mode:
        app.installEventFilter(FirstPaint(app, window, quit_after=mode == "quit"))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
