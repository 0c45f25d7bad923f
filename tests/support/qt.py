"""Driving real widgets as a visitor would: settle the shell, tap, read what is visible."""

from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.shell import Shell
from khojaly_kiosk.ui.widgets.text import ReadingParagraph

W = TypeVar("W", bound=QWidget)

# A machine without a sound server or video acceleration: the audio backend says so, then
# plays without a device. The mark sits on each test because a test's own qt_log_ignore mark
# replaces the one tests/conftest.py adds, so it repeats the offscreen pattern too.
MULTIMEDIA_NOISE = (r"PulseAudioService|No audio device|Couldn't (load|resolve) (va|pipewire)|"
                    r"Could not open media|FFmpeg|propagateSizeHints")
media_noise = pytest.mark.qt_log_ignore(MULTIMEDIA_NOISE)


def shown(qtbot, widget: W, width: int, height: int) -> W:
    """``widget`` in a window of its own at ``width`` x ``height``, shown and exposed."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def settle(shell: Shell, qtbot) -> None:
    """Wait until the transition lock is released, so the next tap counts."""
    qtbot.waitUntil(lambda: not shell.transitioning, timeout=2000)


def tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """A real tap routed like hardware input: through the window, to whatever is under it."""
    window = widget.window()
    centre = pos if pos is not None else widget.rect().center()
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, widget.mapTo(window, centre))
    QApplication.processEvents()


def visible_texts(root: QWidget) -> list[str]:
    """Every text a visitor can see inside ``root`` (labels and reading paragraphs, among
    them credit lines), in the order the widgets were laid out."""
    return [w.text() for w in root.findChildren(QWidget)
            if isinstance(w, (QLabel, ReadingParagraph)) and w.isVisibleTo(root) and w.text()]


class RecordingNav:
    """A Navigator that remembers where a screen asked to go."""

    language = "en"

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.args: list[dict[str, object]] = []  # the arguments of each go(), in order

    def go(self, screen: str, **args: object) -> None:
        self.calls.append(("go", screen))
        self.args.append(dict(args))

    def back(self) -> None:
        self.calls.append(("back", None))

    def home(self) -> None:
        self.calls.append(("home", None))

    def show_source(self, source_id: str) -> None:
        self.calls.append(("source", source_id))


def open_reader(shell, qtbot, testimony_id: str):
    shell.home()
    settle(shell, qtbot)
    shell.go(keys.TESTIMONIES)
    settle(shell, qtbot)
    card = next(c for c in shell.current_screen().cards if c.testimony_id == testimony_id)
    tap(card)
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONY_READER
    return shell.current_screen()
