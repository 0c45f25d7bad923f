"""Cards that act as buttons: a tap that starts and ends on them, and their pressed look."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.ui.widgets.cards import ClickableCard
from tests.support.qt import shown


def _card(qtbot) -> ClickableCard:
    return shown(qtbot, ClickableCard(), 400, 200)


def test_a_tap_clicks_once_and_the_card_looks_unpressed_right_after(qtbot, themed) -> None:
    card = _card(qtbot)
    clicks: list[bool] = []
    card.clicked.connect(lambda: clicks.append(True))
    QTest.mousePress(card, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert card.pressed
    QTest.mouseRelease(card, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert clicks == [True]
    # The screen the tap opens is drawn first; the card's own restyle follows on the next turn.
    assert card.pressed
    QApplication.processEvents()  # a zero timer would restyle it here, before the paint request
    assert card.pressed
    qtbot.waitUntil(lambda: not card.pressed, timeout=1000)


def test_a_finger_that_slides_off_clicks_nothing_and_unpresses_at_once(qtbot, themed) -> None:
    card = _card(qtbot)
    clicks: list[bool] = []
    card.clicked.connect(lambda: clicks.append(True))
    QTest.mousePress(card, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    QTest.mouseRelease(card, Qt.MouseButton.LeftButton, pos=QPoint(900, 100))
    assert clicks == [] and not card.pressed


def test_a_card_its_tap_removes_is_not_restyled_after_it_is_gone(qtbot, themed) -> None:
    card = _card(qtbot)
    card.clicked.connect(card.deleteLater)  # a list rebuilt by the tap
    QTest.mousePress(card, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    QTest.mouseRelease(card, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.wait(250)  # no "Internal C++ object already deleted" from the deferred restyle
