"""Application-level lockdown: the keys, menus, close requests and cursor a visitor could use
to leave the kiosk.

Under a window manager, Alt+F4 or a title bar's close button reach the application as a
request to close its window (WM_DELETE_WINDOW), not as a key: the kiosk window ignores every
such request while locked (``hold``). Only the staff panel (``let_go`` or disabling the
lockdown first) or SIGTERM from systemd (``app.exit``, which closes no window) end the kiosk.

This is the second line of defence. The first is the session itself (cage compositor or a
locked Xorg on Linux, Shell Launcher on Windows; see ``packaging/kiosk-session.md``): a
compositor-level shortcut such as Alt+Tab never reaches the application when the session is
right, but if a keyboard is plugged into a badly configured machine this filter still
swallows what Qt does see.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QMouseEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.kiosk.appfilter import AppEventFilter

_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
_MOUSE_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                 QEvent.Type.MouseButtonDblClick)
_META_KEYS = {Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Menu,
              Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R}
_ALWAYS_BLOCKED = {Qt.Key.Key_Escape, Qt.Key.Key_F11}
_VT_SWITCH_KEYS = {getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)} | {Qt.Key.Key_Backspace}
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_META = Qt.KeyboardModifier.MetaModifier


def is_escape_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """True for a key combination that could leave, close or switch away from the kiosk."""
    qt_key = Qt.Key(key)
    if qt_key in _META_KEYS or qt_key in _ALWAYS_BLOCKED or modifiers & _META:
        return True
    if modifiers & _ALT and qt_key in (Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        return True
    if modifiers & _CTRL and modifiers & _ALT and qt_key in _VT_SWITCH_KEYS:
        return True  # Ctrl+Alt+F1..F12 (switch VT), Ctrl+Alt+Backspace (kill X)
    return bool(modifiers & _CTRL and qt_key in (Qt.Key.Key_Q, Qt.Key.Key_W))


class KioskLockdown(AppEventFilter):
    """Install with :meth:`install`; while :attr:`enabled`, escape routes are swallowed."""

    EVENTS = frozenset({QEvent.Type.Close, QEvent.Type.ContextMenu, *_KEY_EVENTS,
                        *_MOUSE_EVENTS})

    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = False
        self._cursor_hidden = False
        self._held: QWidget | None = None
        self._leaving = False
        self.swallowed = 0  # how many events were eaten; shown by staff diagnostics
        self.set_enabled(enabled)

    def hold(self, window: QWidget) -> None:
        """Ignore requests to close ``window`` (the kiosk's own) while enabled."""
        self._held = window
        self._leaving = False

    def let_go(self) -> None:
        """The staff panel ends the kiosk on purpose: its window may close now."""
        self._leaving = True

    def _holds(self, watched: QObject) -> bool:
        window = self._held
        if window is None or self._leaving:
            return False
        if watched is window:
            return True
        return isinstance(watched, QWindow) and watched is window.windowHandle()

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Turn the lockdown on or off (staff "exit to desktop" turns it off first)."""
        self._enabled = enabled
        self._set_cursor_hidden(enabled)

    def uninstall(self, app: QApplication | None = None) -> None:
        super().uninstall(app)
        self._set_cursor_hidden(False)

    def _set_cursor_hidden(self, hidden: bool) -> None:
        # A touch kiosk has no pointer; an arrow parked mid-screen looks broken.
        if QGuiApplication.instance() is None or hidden == self._cursor_hidden:
            return
        if hidden:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        self._cursor_hidden = hidden

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._enabled:
            return False
        kind = event.type()
        blocked = False
        if kind == QEvent.Type.Close and self._holds(watched):
            # Alt+F4 under a window manager, its close button, WM_DELETE_WINDOW: ignored.
            event.ignore()
            self.swallowed += 1
            return True
        if kind in _KEY_EVENTS and isinstance(event, QKeyEvent):
            blocked = is_escape_key(event.key(), event.modifiers())
        elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            blocked = True
        elif kind in _MOUSE_EVENTS and isinstance(event, QMouseEvent):
            blocked = bool(event.button() == Qt.MouseButton.RightButton
                           or event.buttons() & Qt.MouseButton.RightButton)
        if blocked:
            # Accepting a ShortcutOverride stops a QShortcut/QAction from firing.
            event.accept()
            self.swallowed += 1
        return blocked


def apply_window_flags(win: QWidget) -> None:
    """Make ``win`` a frameless, stay-on-top, full-screen kiosk window (call before ``show``)."""
    win.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                       | Qt.WindowType.WindowStaysOnTopHint)
    win.setWindowState(Qt.WindowState.WindowFullScreen)
    win.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
