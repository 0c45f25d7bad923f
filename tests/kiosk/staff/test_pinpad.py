from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from khojaly_kiosk.kiosk.core.pin import PinChecker, set_pin
from khojaly_kiosk.kiosk.core.state import StateStore
from khojaly_kiosk.kiosk.staff.pinpad import KEY_PX, PinPad
from tests.support.kiosk import FakeClock, hosted


@pytest.fixture
def pad(qtbot: object, state: StateStore, clock: FakeClock,
        fast_hasher: PasswordHasher) -> Iterator[PinPad]:
    set_pin(state, "2602", hasher=fast_hasher)
    widget = hosted(PinPad, PinChecker(state, hasher=fast_hasher, clock=clock))
    qtbot.addWidget(widget._test_host)  # type: ignore[attr-defined]
    widget.reset()  # type: ignore[attr-defined]
    yield widget  # type: ignore[misc]
    # A locked pad re-reads its state every second; the state closes with this test, so the
    # timer must not fire into a later test (it did: "Cannot operate on a closed database").
    widget._lock_timer.stop()  # type: ignore[attr-defined]


def type_pin(pad: PinPad, pin: str) -> None:
    for digit in pin:
        QTest.mouseClick(pad.digit_keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)


def test_keys_are_large(pad: PinPad) -> None:
    for key in (*pad.digit_keys.values(), pad.ok_key, pad.clear_key):
        assert key.width() >= 96 and key.height() >= 96
    assert KEY_PX >= 96


def test_entry_is_masked(pad: PinPad) -> None:
    for digit in "260":
        QTest.mouseClick(pad.digit_keys[digit], Qt.MouseButton.LeftButton)
    assert pad.display.text() == "•••"
    assert "2" not in pad.display.text()
    assert pad.display.textFormat() == Qt.TextFormat.PlainText


def test_right_pin_is_accepted(pad: PinPad, qtbot: object) -> None:
    with qtbot.waitSignal(pad.accepted, timeout=1000):  # type: ignore[attr-defined]
        type_pin(pad, "2602")
    assert pad.display.text() == ""


def test_wrong_pins_lock_the_pad_with_seconds_to_wait(pad: PinPad, clock: FakeClock,
                                                      english_ui: object) -> None:
    type_pin(pad, "1111")
    assert pad.message.text() == "Wrong PIN."
    type_pin(pad, "1111")
    type_pin(pad, "1111")
    assert pad.message.text() == "Try again in 30 seconds."
    assert not pad.digit_keys["5"].isEnabled()
    QTest.mouseClick(pad.digit_keys["2"], Qt.MouseButton.LeftButton)
    assert pad.entered_length == 0
    clock.advance(29)
    pad.refresh_lock()
    assert pad.message.text() == "Try again in 1 second."
    clock.advance(1)
    pad.refresh_lock()
    assert pad.digit_keys["5"].isEnabled()
    assert pad.message.text() == ""


def test_lockout_shows_when_the_pad_opens(state: StateStore, clock: FakeClock,
                                          fast_hasher: PasswordHasher, qtbot: object) -> None:
    set_pin(state, "2602", hasher=fast_hasher)
    checker = PinChecker(state, hasher=fast_hasher, clock=clock)
    for _ in range(3):
        checker.check("0000")
    widget = hosted(PinPad, checker)
    qtbot.addWidget(widget._test_host)  # type: ignore[attr-defined]
    widget.reset()  # type: ignore[attr-defined]
    assert widget.message.text() == "Try again in 30 seconds."
    widget._lock_timer.stop()  # type: ignore[attr-defined]  # see the pad fixture


def test_clear_and_cancel(pad: PinPad, qtbot: object) -> None:
    QTest.mouseClick(pad.digit_keys["1"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(pad.clear_key, Qt.MouseButton.LeftButton)
    assert pad.entered_length == 0
    QTest.mouseClick(pad.digit_keys["1"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pad.cancelled, timeout=1000):  # type: ignore[attr-defined]
        QTest.mouseClick(pad.cancel_key, Qt.MouseButton.LeftButton)
    assert pad.entered_length == 0


def test_at_most_twelve_digits(pad: PinPad) -> None:
    for _ in range(20):
        pad.press("7")
    assert pad.entered_length == 12


def test_a_hidden_pad_stops_counting_down(pad: PinPad, clock: FakeClock) -> None:
    # The countdown read the state file every second even after staff had left the pad, and
    # went on after the kiosk closed that file ("Cannot operate on a closed database").
    for _ in range(3):
        type_pin(pad, "1111")
    assert pad._lock_timer.isActive()
    pad.window().hide()
    assert not pad._lock_timer.isActive()
    pad.window().show()
    pad.reset()  # what the staff flow calls each time the pad is shown
    assert pad._lock_timer.isActive()
