"""The opt-in first-frame marker the benchmarks read (``KHOJALY_FIRST_PAINT``)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from khojaly_kiosk.kiosk.firstpaint import ENV, MARK, watch_first_paint


def _window() -> QWidget:
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("first frame"))
    window.resize(640, 360)
    return window


def _marks(capfd: pytest.CaptureFixture[str], seen: list[str]) -> list[str]:
    seen.extend(line for line in capfd.readouterr().err.splitlines() if line.startswith(MARK))
    return seen


def test_the_first_painted_frame_is_reported_once_on_the_monotonic_clock(
        qapp, qtbot, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "1")
    window = _window()
    qtbot.addWidget(window)
    before = time.monotonic()
    watch_first_paint(qapp, window)
    window.show()
    seen: list[str] = []
    qtbot.waitUntil(lambda: bool(_marks(capfd, seen)), timeout=3000)
    window.repaint()
    qtbot.wait(50)
    assert len(_marks(capfd, seen)) == 1  # the first frame only, not every frame
    stamp = float(seen[0].split()[1])
    assert before <= stamp <= time.monotonic()


def test_without_the_variable_nothing_is_printed(
        qapp, qtbot, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    window = _window()
    qtbot.addWidget(window)
    watch_first_paint(qapp, window)
    window.show()
    qtbot.waitExposed(window)
    window.repaint()
    qtbot.wait(50)
    assert _marks(capfd, []) == []
