from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.kiosk.idle import IdleState, IdleWatcher
from tests.support.kiosk import FakeClock


class Log:
    def __init__(self, watcher: IdleWatcher) -> None:
        self.events: list[str] = []
        watcher.countdownStarted.connect(lambda s: self.events.append(f"countdown {s}"))
        watcher.countdownTick.connect(lambda s: self.events.append(f"tick {s}"))
        watcher.countdownCancelled.connect(lambda: self.events.append("cancelled"))
        watcher.idleTimeout.connect(lambda: self.events.append("timeout"))
        watcher.activeAgain.connect(lambda: self.events.append("active again"))


@pytest.fixture
def watcher(qapp: QApplication, clock: FakeClock) -> Iterator[IdleWatcher]:
    idle = IdleWatcher(90, 15, clock=clock)
    idle.start(qapp)
    yield idle
    idle.stop(qapp)


def step(watcher: IdleWatcher, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    watcher.check()


def test_countdown_then_timeout(watcher: IdleWatcher, clock: FakeClock) -> None:
    log = Log(watcher)
    step(watcher, clock, 89)
    assert log.events == []
    step(watcher, clock, 1)
    assert log.events == ["countdown 15"]
    step(watcher, clock, 0.5)
    step(watcher, clock, 0.5)
    assert log.events[-1] == "tick 14"
    step(watcher, clock, 13.9)
    assert log.events[-1] == "tick 1"
    step(watcher, clock, 0.1)
    assert log.events[-1] == "timeout"
    step(watcher, clock, 500)  # stays timed out: one timeout per idle period
    assert log.events.count("timeout") == 1
    assert watcher.state is IdleState.TIMED_OUT


def test_a_touch_anywhere_resets(watcher: IdleWatcher, clock: FakeClock,
                                 qtbot: object) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.show()
    log = Log(watcher)
    step(watcher, clock, 80)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    step(watcher, clock, 80)
    assert log.events == []
    step(watcher, clock, 10)
    assert log.events == ["countdown 15"]
    QTest.keyClick(widget, Qt.Key.Key_A)
    assert log.events == ["countdown 15", "cancelled"]
    assert watcher.state is IdleState.ACTIVE
    step(watcher, clock, 89)
    assert log.events[-1] == "cancelled"


def test_first_touch_after_timeout_is_reported(watcher: IdleWatcher, clock: FakeClock) -> None:
    log = Log(watcher)
    step(watcher, clock, 200)
    watcher.poke()
    assert log.events == ["timeout", "active again"]


def test_media_playing_suspends_idle(watcher: IdleWatcher, clock: FakeClock) -> None:
    log = Log(watcher)
    watcher.suspend("media")
    step(watcher, clock, 600)  # a ten-minute video testimony
    assert log.events == []
    watcher.resume("media")
    step(watcher, clock, 89)
    assert log.events == []
    step(watcher, clock, 1)
    assert log.events == ["countdown 15"]


def test_suspend_during_countdown_cancels_it(watcher: IdleWatcher, clock: FakeClock) -> None:
    log = Log(watcher)
    step(watcher, clock, 95)  # a late first check reports the seconds really left
    watcher.suspend("media")
    step(watcher, clock, 30)
    assert log.events == ["countdown 10", "cancelled"]


def test_every_hold_must_be_released(watcher: IdleWatcher, clock: FakeClock) -> None:
    log = Log(watcher)
    watcher.suspend("media")
    watcher.suspend("attract")
    watcher.resume("media")
    step(watcher, clock, 300)
    assert log.events == []
    watcher.resume("attract")
    watcher.resume("never suspended")
    step(watcher, clock, 90)
    assert log.events == ["countdown 15"]


def test_a_long_stall_goes_straight_to_timeout(watcher: IdleWatcher, clock: FakeClock) -> None:
    log = Log(watcher)
    step(watcher, clock, 3600)
    assert log.events == ["timeout"]


def test_new_idle_time_applies(watcher: IdleWatcher, clock: FakeClock) -> None:
    log = Log(watcher)
    watcher.set_idle_seconds(30)
    step(watcher, clock, 30)
    assert log.events == ["countdown 15"]


def test_tick_timer_drives_checks(qapp: QApplication, qtbot: object) -> None:
    clock = FakeClock()
    idle = IdleWatcher(1, 1, clock=clock, tick_ms=10)
    idle.start(qapp)
    try:
        clock.advance(5)
        with qtbot.waitSignal(idle.idleTimeout, timeout=2000):  # type: ignore[attr-defined]
            pass
    finally:
        idle.stop(qapp)
