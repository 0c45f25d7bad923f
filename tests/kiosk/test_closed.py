from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from khojaly_kiosk.kiosk.closed import ClosedOverlay
from khojaly_kiosk.kiosk.core.hours import OpeningHours


class WallClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def screen(qtbot: object) -> Iterator[QWidget]:
    window = QWidget()
    window.resize(1280, 720)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    yield window


def test_closed_at_night_wakes_on_touch_and_opens_in_the_morning(screen: QWidget) -> None:
    clock = WallClock(datetime(2026, 2, 26, 7, 0))
    overlay = ClosedOverlay(screen, OpeningHours.parse("09:00-18:00"), clock=clock)
    changes: list[bool] = []
    overlay.closedChanged.connect(changes.append)
    overlay.start()
    assert overlay.isVisible() and overlay.closed
    assert overlay.hint.textFormat() == Qt.TextFormat.PlainText

    QTest.mouseClick(overlay, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not overlay.isVisible()
    clock.now += timedelta(minutes=4, seconds=59)
    overlay.update_state()
    assert not overlay.isVisible()
    clock.now += timedelta(seconds=1)
    overlay.update_state()
    assert overlay.isVisible()

    clock.now = datetime(2026, 2, 26, 9, 0)
    overlay.update_state()
    assert not overlay.isVisible()
    assert changes == [True, False, True, False]


def test_the_waking_touch_does_not_press_what_is_underneath(screen: QWidget) -> None:
    pressed: list[bool] = []
    button = QPushButton("Testimonies", screen)
    button.setGeometry(0, 0, 1280, 720)
    button.show()
    button.clicked.connect(lambda: pressed.append(True))
    overlay = ClosedOverlay(screen, OpeningHours.parse("09:00-18:00"),
                            clock=WallClock(datetime(2026, 2, 26, 22, 0)))
    overlay.start()
    QTest.mouseClick(screen.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert pressed == []
    assert not overlay.isVisible()


def test_touch_wakes_it(screen: QWidget) -> None:
    overlay = ClosedOverlay(screen, OpeningHours.parse("09:00-18:00"),
                            clock=WallClock(datetime(2026, 2, 26, 22, 0)))
    overlay.start()
    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    QTest.touchEvent(screen.windowHandle(), device).press(0, QPoint(100, 100)).commit()
    QTest.touchEvent(screen.windowHandle(), device).release(0, QPoint(100, 100)).commit()
    assert not overlay.isVisible()


def test_always_open_never_shows(screen: QWidget) -> None:
    overlay = ClosedOverlay(screen, OpeningHours.parse(""),
                            clock=WallClock(datetime(2026, 2, 26, 3, 0)))
    overlay.start()
    assert not overlay.isVisible() and not overlay.closed


def test_new_hours_apply_at_once(screen: QWidget) -> None:
    overlay = ClosedOverlay(screen, OpeningHours.parse(""),
                            clock=WallClock(datetime(2026, 2, 26, 20, 0)))
    overlay.start()
    overlay.set_hours(OpeningHours.parse("09:00-18:00"))
    assert overlay.isVisible()
