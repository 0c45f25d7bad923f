from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.kiosk.gesture import StaffGesture
from tests.support.kiosk import FakeClock

W, H = 800, 600
TOP_LEFT = QPoint(20, 20)
BOTTOM_RIGHT = QPoint(W - 20, H - 20)
MIDDLE = QPoint(W // 2, H // 2)
L = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot: object) -> Iterator[QWindow]:
    widget = QWidget()
    widget.resize(W, H)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    handle = widget.windowHandle()
    assert handle is not None and (handle.width(), handle.height()) == (W, H)
    yield handle  # the widget stays referenced (and its window alive) until the test ends
    widget.close()


@pytest.fixture
def gesture(qapp: QApplication, clock: FakeClock) -> Iterator[tuple[StaffGesture, list[str]]]:
    detector = StaffGesture(clock=clock)
    fired: list[str] = []
    detector.triggered.connect(lambda: fired.append("staff"))
    detector.install(qapp)
    yield detector, fired
    detector.uninstall(qapp)


def hold(window: QWindow, clock: FakeClock, at: QPoint, seconds: float) -> None:
    QTest.mousePress(window, L, pos=at)
    clock.advance(seconds)
    QTest.mouseRelease(window, L, pos=at)


def tap(window: QWindow, at: QPoint) -> None:
    QTest.mouseClick(window, L, pos=at)


def test_hold_top_left_then_tap_bottom_right(window: QWindow, clock: FakeClock,
                                            gesture: tuple[StaffGesture, list[str]]) -> None:
    _, fired = gesture
    hold(window, clock, TOP_LEFT, 2.0)
    clock.advance(4.9)
    tap(window, BOTTOM_RIGHT)
    assert fired == ["staff"]
    tap(window, BOTTOM_RIGHT)  # a second tap is not a second gesture
    assert fired == ["staff"]


@pytest.mark.parametrize(("first", "held", "wait", "second"), [
    (TOP_LEFT, 1.9, 1.0, BOTTOM_RIGHT),      # hold too short
    (TOP_LEFT, 2.5, 5.1, BOTTOM_RIGHT),      # tap too late
    (MIDDLE, 3.0, 1.0, BOTTOM_RIGHT),        # hold not in the corner
    (TOP_LEFT, 3.0, 1.0, MIDDLE),            # tap not in the corner
    (BOTTOM_RIGHT, 3.0, 1.0, TOP_LEFT),      # corners the wrong way round
    (QPoint(100, 20), 3.0, 1.0, BOTTOM_RIGHT),  # just outside the 96 px corner
])
def test_wrong_sequences_do_nothing(window: QWindow, clock: FakeClock,
                                    gesture: tuple[StaffGesture, list[str]], first: QPoint,
                                    held: float, wait: float, second: QPoint) -> None:
    _, fired = gesture
    hold(window, clock, first, held)
    clock.advance(wait)
    tap(window, second)
    assert fired == []


def test_a_touch_in_between_cancels(window: QWindow, clock: FakeClock,
                                    gesture: tuple[StaffGesture, list[str]]) -> None:
    _, fired = gesture
    hold(window, clock, TOP_LEFT, 2.5)
    tap(window, MIDDLE)
    tap(window, BOTTOM_RIGHT)
    assert fired == []


def test_tap_in_the_corner_without_the_hold_does_nothing(
        window: QWindow, clock: FakeClock, gesture: tuple[StaffGesture, list[str]]) -> None:
    _, fired = gesture
    tap(window, TOP_LEFT)
    tap(window, BOTTOM_RIGHT)
    assert fired == []


def test_dragging_out_of_the_corner_does_not_arm(
        window: QWindow, clock: FakeClock, gesture: tuple[StaffGesture, list[str]]) -> None:
    _, fired = gesture
    QTest.mousePress(window, L, pos=TOP_LEFT)
    clock.advance(3)
    QTest.mouseRelease(window, L, pos=MIDDLE)
    tap(window, BOTTOM_RIGHT)
    assert fired == []


def test_works_with_touch(window: QWindow, clock: FakeClock,
                          gesture: tuple[StaffGesture, list[str]]) -> None:
    _, fired = gesture
    screen = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    QTest.touchEvent(window, screen).press(0, TOP_LEFT).commit()
    clock.advance(2.2)
    QTest.touchEvent(window, screen).release(0, TOP_LEFT).commit()
    clock.advance(1)
    QTest.touchEvent(window, screen).press(0, BOTTOM_RIGHT).commit()
    QTest.touchEvent(window, screen).release(0, BOTTOM_RIGHT).commit()
    assert fired == ["staff"]


def test_disabled_detector_ignores_everything(window: QWindow, clock: FakeClock,
                                              gesture: tuple[StaffGesture, list[str]]) -> None:
    detector, fired = gesture
    detector.enabled = False
    hold(window, clock, TOP_LEFT, 3)
    tap(window, BOTTOM_RIGHT)
    assert fired == []


def test_feed_directly_in_window_coordinates(clock: FakeClock) -> None:
    detector = StaffGesture(clock=clock)
    fired: list[bool] = []
    detector.triggered.connect(lambda: fired.append(True))
    detector.feed(True, 1, 1, 1920, 1080)
    clock.advance(2)
    detector.feed(False, 95, 95, 1920, 1080)
    detector.feed(True, 1824, 984, 1920, 1080)
    assert fired == [True]
