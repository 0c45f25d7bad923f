"""The application's one shared event filter: each watcher sees only the event types it asked
for, newest first, and nobody sees a screen switch's or a paint pass's hundreds of events."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.app_events import app_events
from khojaly_kiosk.ui.shell import Shell
from tests.support.qt import settle, tap

PRESS, PAINT, USER = QEvent.Type.MouseButtonPress, QEvent.Type.Paint, QEvent.Type.User


class Watcher(QObject):
    def __init__(self, name: str, log: list[tuple[str, QEvent.Type]], eats: bool = False) -> None:
        super().__init__()
        self.name, self.log, self.eats = name, log, eats

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.log.append((self.name, event.type()))
        return self.eats


@pytest.fixture
def log() -> list[tuple[str, QEvent.Type]]:
    return []


@pytest.fixture
def target(qapp: QApplication) -> Iterator[QWidget]:
    widget = QWidget()
    yield widget
    widget.deleteLater()


def send(widget: QWidget, kind: QEvent.Type) -> None:
    QCoreApplication.sendEvent(widget, QEvent(kind))


def test_a_watcher_sees_only_the_event_types_it_asked_for(qapp, target, log):
    watcher = Watcher("idle", log)
    app_events(qapp).add(watcher, {USER})
    try:
        send(target, PAINT)
        send(target, USER)
    finally:
        app_events(qapp).remove(watcher)
    send(target, USER)  # removed: no longer told
    assert log == [("idle", USER)]


def test_the_newest_watcher_is_asked_first_and_can_eat_the_event(qapp, target, log):
    older, newer = Watcher("lockdown", log), Watcher("guard", log, eats=True)
    app_events(qapp).add(older, {USER})
    app_events(qapp).add(newer, {USER})
    try:
        send(target, USER)
        assert log == [("guard", USER)]  # eaten: the older watcher never saw it
        app_events(qapp).add(older, {USER})  # added again: now it is the newest
        send(target, USER)
        assert log[1:] == [("lockdown", USER), ("guard", USER)]
    finally:
        app_events(qapp).remove(older)
        app_events(qapp).remove(newer)


def test_a_deleted_watcher_is_forgotten(qapp, target, log):
    watcher = Watcher("gone", log)
    app_events(qapp).add(watcher, {USER})
    watcher.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    send(target, USER)
    assert log == []
    assert app_events(qapp).watching(watcher) is None


def test_nobody_is_told_of_events_while_paused(qapp, target, log):
    watcher = Watcher("idle", log)
    app_events(qapp).add(watcher, {USER})
    try:
        with app_events(qapp).paused():
            send(target, USER)
        send(target, USER)
    finally:
        app_events(qapp).remove(watcher)
    assert log == [("idle", USER)]


def test_a_screen_switch_and_its_paint_pass_reach_no_watcher(shell: Shell, qtbot, log):
    # The lockdown, idle and gesture watchers want input only; a screen switch shows, moves
    # and paints hundreds of widgets, and none of those events may be passed through Python
    # to the application's filter (they were a third of a warm tap's time).
    tap(shell.current_screen())
    settle(shell, qtbot)
    home = shell.current_screen()
    for step in (lambda: tap(home.tiles[keys.TESTIMONIES]), shell.back):  # built and shown once
        shell._end_transition()
        step()
        settle(shell, qtbot)
    shell._end_transition()
    testimonies = shell.screen_for(keys.TESTIMONIES)
    seen: list[QObject] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                log.append(("paint", event.type()))
            elif isinstance(watched, QWidget) and testimonies.isAncestorOf(watched):
                seen.append(watched)
            return False

    spy = Spy()
    app_events(shell_app()).add(spy, {PAINT, QEvent.Type.Show, QEvent.Type.Move})
    try:
        tap(home.tiles[keys.TESTIMONIES])
        settle(shell, qtbot)
    finally:
        app_events(shell_app()).remove(spy)
    assert shell.current_key == keys.TESTIMONIES
    assert testimonies.cards and testimonies.cards[0].isVisible()
    assert log == []  # the window was painted, and no paint went through the filter
    assert seen == []  # nor did the new screen's widgets being shown and placed


def shell_app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
