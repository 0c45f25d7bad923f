from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.kiosk.lockdown import KioskLockdown, apply_window_flags

K = Qt.Key
M = Qt.KeyboardModifier
ESCAPE_COMBOS = [
    (K.Key_F4, M.AltModifier), (K.Key_Q, M.ControlModifier), (K.Key_W, M.ControlModifier),
    (K.Key_Escape, M.NoModifier), (K.Key_F11, M.NoModifier), (K.Key_Tab, M.AltModifier),
    (K.Key_Backtab, M.AltModifier | M.ShiftModifier), (K.Key_Meta, M.NoModifier),
    (K.Key_Super_L, M.NoModifier), (K.Key_Super_R, M.NoModifier), (K.Key_D, M.MetaModifier),
    (K.Key_F2, M.ControlModifier | M.AltModifier),
    (K.Key_Backspace, M.ControlModifier | M.AltModifier),
]

_MODIFIER_KEYS = {int(K.Key_Control), int(K.Key_Alt), int(K.Key_Shift)}


class KeyRecorder(QWidget):
    """A focused widget that notes every key and right-click that reaches it."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[tuple[int, M]] = []
        self.context_menus = 0
        self.right_clicks = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(400, 300)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QTest presses Ctrl/Alt/Shift on their own before the combination; those are harmless.
        if event.key() not in _MODIFIER_KEYS:
            self.keys.append((event.key(), event.modifiers()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menus += 1

    def mousePressEvent(self, event: object) -> None:
        if event.button() == Qt.MouseButton.RightButton:  # type: ignore[attr-defined]
            self.right_clicks += 1


@pytest.fixture
def window(qtbot: object) -> KeyRecorder:
    win = KeyRecorder()
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    win.activateWindow()
    win.setFocus()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    return win


@pytest.fixture
def lockdown(qapp: QApplication) -> Iterator[KioskLockdown]:
    guard = KioskLockdown(enabled=True)
    guard.install(qapp)
    yield guard
    guard.uninstall(qapp)


@pytest.mark.parametrize(("key", "mods"), ESCAPE_COMBOS)
def test_escape_keys_are_swallowed_when_enabled(window: KeyRecorder, lockdown: KioskLockdown,
                                                key: K, mods: M) -> None:
    QTest.keyClick(window, key, mods)
    assert window.keys == []
    assert lockdown.swallowed >= 1


@pytest.mark.parametrize(("key", "mods"), ESCAPE_COMBOS)
def test_escape_keys_pass_when_disabled(window: KeyRecorder, lockdown: KioskLockdown,
                                        key: K, mods: M) -> None:
    lockdown.set_enabled(False)
    QTest.keyClick(window, key, mods)
    assert [k for k, _ in window.keys][-1:] == [key]


def test_ordinary_keys_pass_when_enabled(window: KeyRecorder, lockdown: KioskLockdown) -> None:
    QTest.keyClick(window, K.Key_A)
    QTest.keyClick(window, K.Key_Return)
    assert [k for k, _ in window.keys] == [K.Key_A, K.Key_Return]


@pytest.mark.parametrize("sequence", ["Ctrl+Q", "Ctrl+W", "Alt+F4", "Esc", "F11"])
def test_shortcuts_do_not_fire_when_enabled(window: KeyRecorder, lockdown: KioskLockdown,
                                            sequence: str) -> None:
    fired: list[str] = []
    shortcut = QShortcut(QKeySequence(sequence), window)
    shortcut.activated.connect(lambda: fired.append(sequence))
    combo = QKeySequence(sequence)[0]
    QTest.keyClick(window, combo.key(), combo.keyboardModifiers())
    assert fired == []
    lockdown.set_enabled(False)
    QTest.keyClick(window, combo.key(), combo.keyboardModifiers())
    assert fired == [sequence]


def _context_menu_event() -> QContextMenuEvent:
    here = QPoint(10, 10)
    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, here, here)


def test_context_menus_and_right_clicks(window: KeyRecorder, lockdown: KioskLockdown,
                                        qapp: QApplication) -> None:
    qapp.sendEvent(window, _context_menu_event())
    QTest.mouseClick(window, Qt.MouseButton.RightButton, pos=QPoint(20, 20))
    assert (window.context_menus, window.right_clicks) == (0, 0)
    lockdown.set_enabled(False)
    qapp.sendEvent(window, _context_menu_event())
    QTest.mouseClick(window, Qt.MouseButton.RightButton, pos=QPoint(20, 20))
    assert (window.context_menus, window.right_clicks) == (1, 1)


def test_left_clicks_and_touches_are_not_touched(window: KeyRecorder,
                                                 lockdown: KioskLockdown) -> None:
    clicks: list[QPointF] = []
    window.mousePressEvent = lambda e: clicks.append(e.position())  # type: ignore[method-assign]
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 6))
    assert clicks == [QPointF(5, 6)]


def test_cursor_is_hidden_while_enabled(lockdown: KioskLockdown) -> None:
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    lockdown.set_enabled(False)
    assert QGuiApplication.overrideCursor() is None


def test_window_flags(qtbot: object) -> None:
    win = QWidget()
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    apply_window_flags(win)
    flags = win.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert win.windowState() & Qt.WindowState.WindowFullScreen
    assert win.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_key_release_is_swallowed_too(window: KeyRecorder, lockdown: KioskLockdown,
                                      qapp: QApplication) -> None:
    released: list[int] = []
    window.keyReleaseEvent = lambda e: released.append(e.key())  # type: ignore[method-assign]
    qapp.sendEvent(window, QKeyEvent(QEvent.Type.KeyRelease, K.Key_Escape, M.NoModifier))
    assert released == []


# ---- close requests: Alt+F4 under a window manager, its close button, WM_DELETE_WINDOW ----


def _request_close(win: QWidget) -> bool:
    """What a window manager does: a close event to the window (accepted = it closes)."""
    from PySide6.QtGui import QCloseEvent

    event = QCloseEvent()
    QApplication.sendEvent(win.windowHandle(), event)
    return event.isAccepted()


def test_close_requests_are_ignored_while_locked(window: KeyRecorder, lockdown: KioskLockdown,
                                                 qapp: QApplication) -> None:
    lockdown.hold(window)
    assert not window.close()  # Alt+F4 / the close button / WM_DELETE_WINDOW
    assert not _request_close(window)
    qapp.processEvents()
    assert window.isVisible()
    assert lockdown.swallowed >= 2


def test_another_window_of_the_kiosk_still_closes(window: KeyRecorder, lockdown: KioskLockdown,
                                                  qtbot: object) -> None:
    lockdown.hold(window)
    other = QWidget()
    qtbot.addWidget(other)  # type: ignore[attr-defined]
    other.show()
    assert other.close() and not other.isVisible()


def test_the_staff_panel_or_an_unlocked_kiosk_may_close(window: KeyRecorder,
                                                       lockdown: KioskLockdown) -> None:
    lockdown.hold(window)
    lockdown.set_enabled(False)
    assert window.close()
    window.show()
    lockdown.set_enabled(True)
    assert not window.close()
    lockdown.let_go()
    assert window.close() and not window.isVisible()


def test_a_quit_is_refused_but_exit_ends_the_loop(window: KeyRecorder, lockdown: KioskLockdown,
                                                 qapp: QApplication) -> None:
    from PySide6.QtCore import QTimer

    lockdown.hold(window)
    QTimer.singleShot(0, qapp.quit)  # what Alt+F4 on the last window would amount to
    QTimer.singleShot(100, lambda: qapp.exit(7))  # what SIGTERM does (app._quit_on_sigterm)
    assert qapp.exec() == 7
    assert window.isVisible()
