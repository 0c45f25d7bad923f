"""Test doubles shared by the kiosk tests (a unique module name: tests/ has no packages)."""

from __future__ import annotations


class FakeClock:
    """Seconds that move only when a test says so."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def hosted(widget_type: type, *args: object, size: tuple[int, int] = (1920, 1080)) -> object:
    """Build ``widget_type(*args, parent=host)`` inside a plain top-level host and show it.

    In the kiosk these widgets are pages or overlays inside the main window. Shown as top-level
    windows themselves, their layouts would resize the window and the offscreen platform warns
    (and ``qt_log_level_fail`` turns that warning into a failure).
    """
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    host.resize(*size)
    widget = widget_type(*args, parent=host)
    widget.resize(*size)
    host.show()
    widget.show()
    widget._test_host = host  # keep the host alive as long as the widget
    return widget
