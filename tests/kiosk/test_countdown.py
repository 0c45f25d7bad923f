from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.kiosk.countdown import CountdownOverlay
from khojaly_kiosk.kiosk.idle import IdleState, IdleWatcher
from tests.support.kiosk import FakeClock


@pytest.fixture
def screen(qtbot: object) -> Iterator[QWidget]:
    window = QWidget()
    window.resize(1920, 1080)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    yield window


@pytest.fixture
def watcher(qapp: QApplication, clock: FakeClock) -> Iterator[IdleWatcher]:
    idle = IdleWatcher(90, 15, clock=clock)
    idle.start(qapp)
    yield idle
    idle.stop(qapp)


def test_overlay_follows_the_idle_countdown(screen: QWidget, watcher: IdleWatcher,
                                            clock: FakeClock, english_ui: object) -> None:
    overlay = CountdownOverlay(screen)
    overlay.attach(watcher)
    assert not overlay.isVisible()
    clock.advance(90)
    watcher.check()
    assert overlay.isVisible()
    assert overlay.geometry() == screen.rect()
    assert overlay.question.text() == "Are you still there?"
    assert overlay.seconds.text() == "Returning to the start in 15 seconds."
    clock.advance(14)
    watcher.check()
    assert overlay.seconds.text() == "Returning to the start in 1 second."
    clock.advance(1)
    watcher.check()
    assert not overlay.isVisible()


def test_continue_keeps_the_visitor_where_they_were(screen: QWidget, watcher: IdleWatcher,
                                                    clock: FakeClock) -> None:
    overlay = CountdownOverlay(screen)
    overlay.attach(watcher)
    clock.advance(95)
    watcher.check()
    assert overlay.button.height() >= 64 and overlay.button.text() == "Continue"
    QTest.mouseClick(overlay.button, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()
    assert watcher.state is IdleState.ACTIVE
    clock.advance(89)
    watcher.check()
    assert not overlay.isVisible()


def test_overlay_texts_are_plain(screen: QWidget) -> None:
    overlay = CountdownOverlay(screen)
    for label in (overlay.question, overlay.seconds):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_overlay_resizes_with_the_window(screen: QWidget) -> None:
    overlay = CountdownOverlay(screen)
    overlay.start(10)
    screen.resize(1080, 1920)
    assert overlay.geometry() == screen.rect()


def test_the_question_stands_on_a_card_of_its_own(screen: QWidget) -> None:
    from khojaly_kiosk.ui.theme import apply_theme, current_palette

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, cache_dir=None)
    try:
        overlay = CountdownOverlay(screen)
        overlay.start(10)
        QApplication.processEvents()
        card = overlay.card
        assert all(card.isAncestorOf(w) for w in (overlay.question, overlay.seconds,
                                                  overlay.button))
        # In the middle of the window, narrower than it, and opaque: the page does not show
        # through behind the words.
        middle = card.geometry().center()
        assert abs(middle.x() - screen.width() // 2) <= 2
        assert card.width() < screen.width() * 0.6
        image = overlay.grab().toImage()
        inside = image.pixelColor(card.geometry().left() + 20, card.geometry().top() + 20)
        assert inside.name().upper() == current_palette().surface.upper()
    finally:
        app.setStyleSheet("")
