from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from khojaly_kiosk.kiosk.core.crash import FAULT_LOG, CrashHandlers, install_crash_handlers


class _Emitter(QObject):
    fired = Signal()


@pytest.fixture
def crashes(tmp_path: Path) -> Iterator[tuple[CrashHandlers, list[str]]]:
    calls: list[str] = []
    handlers = install_crash_handlers(tmp_path, lambda: calls.append("attract"))
    yield handlers, calls
    handlers.uninstall()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_returns_to_attract(
        qapp: object, crashes: tuple[CrashHandlers, list[str]], tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    _, calls = crashes
    emitter = _Emitter()

    def broken_slot() -> None:
        raise RuntimeError("a screen failed to draw")

    emitter.fired.connect(broken_slot)
    with caplog.at_level(logging.ERROR, logger="khojaly_kiosk.kiosk.core.crash"):
        emitter.fired.emit()
    assert calls == ["attract"]
    assert "a screen failed to draw" in caplog.text
    assert (tmp_path / FAULT_LOG).exists()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_timer_callback_from_the_event_loop_returns_to_attract(
        qtbot: object, crashes: tuple[CrashHandlers, list[str]]) -> None:
    _, calls = crashes

    def broken() -> None:
        raise ValueError("bad data")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: calls == ["attract"])  # type: ignore[attr-defined]


@pytest.mark.qt_no_exception_capture
def test_a_failing_crash_callback_is_logged_not_fatal(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    def failing() -> None:
        raise OSError("screen gone")

    handlers = install_crash_handlers(tmp_path, failing)
    try:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(KeyError, KeyError("x"), None)
    finally:
        handlers.uninstall()
    assert "the crash callback failed as well" in caplog.text


def test_uninstall_restores_the_previous_hook(tmp_path: Path) -> None:
    before = sys.excepthook
    install_crash_handlers(tmp_path, lambda: None).uninstall()
    assert sys.excepthook is before
