"""Restyle a window after its style marks changed: what is on screen now, the rest when shown.

The application's stylesheet holds every palette and text size (``ui.theme``); a visitor's Aa or
contrast tap only changes two properties on the window. Qt does not restyle a widget when an
ancestor's property changes, so each widget is re-polished (``unpolish`` + ``polish``, the
documented way for dynamic properties). Doing that for every widget of every screen costs as
much as setting the stylesheet again; so only what is visible is re-polished at once, and a
hidden screen or overlay (a *lazy root*) is re-polished the moment it is shown again, before it
is painted. Even on the visible screen only what is on screen is re-polished before the next
frame: widgets scrolled out of view (most cards of a long list) follow in small batches right
after it, so the visitor sees the restyled screen within a frame or two of the tap.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def repolish(widgets: list[QWidget]) -> int:
    """Re-apply the stylesheet's rules to ``widgets`` (not to their children); returns how many.

    Then each is told its style changed, as setting a stylesheet does (a QLabel forgets its
    cached size hint only then), once all of them are polished: a widget that sizes itself by
    a child's font (a timeline arrow) sees the child's new font whatever the order.
    """
    for widget in widgets:
        widget.style().polish(widget)  # (the stylesheet style drops the widget's cached rules)
    for widget in widgets:
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))
    return len(widgets)


LATER_BATCH = 40  # widgets re-polished per turn of the event loop after the first frame
FRAME_WAIT_MS = 100


def on_screen(widget: QWidget) -> bool:
    """True if some of ``widget`` can be seen now (shown, not scrolled or clipped away)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def repolish_tree(root: QWidget) -> int:
    """Re-polish ``root`` and every widget inside it, shown or not; returns how many."""
    return repolish([root, *root.findChildren(QWidget)])


class LazyRestyle(QObject):
    """Re-polishes ``window``'s widgets after its marks changed.

    Args:
        window: the window whose marks change (its own properties are what the rules test).
        is_lazy_root: which hidden widgets may wait until they are shown (screens in the
            stack, overlays on the window); everything else is re-polished at once.
    """

    def __init__(self, window: QWidget, is_lazy_root: Callable[[QWidget], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._is_lazy_root = is_lazy_root
        self._stale: set[QWidget] = set()
        self._later: list[QWidget] = []
        self._later_timer = QTimer(self)
        self._later_timer.setSingleShot(True)
        self._later_timer.setInterval(0)
        self._later_timer.timeout.connect(self._restyle_later)
        # The batches start once the restyled frame is on its way (the window's update
        # request), or after FRAME_WAIT_MS if nothing needed painting.
        self._await_frame = False
        self._frame_wait = QTimer(self)
        self._frame_wait.setSingleShot(True)
        self._frame_wait.setInterval(FRAME_WAIT_MS)
        self._frame_wait.timeout.connect(self._frame_done)
        window.installEventFilter(self)

    def restyle_visible(self) -> int:
        """Re-polish everything but hidden lazy roots, which wait to be shown; returns the
        number of widgets re-polished."""
        self._stale = {w for w in self._stale if shiboken6.isValid(w)}
        now: list[QWidget] = []
        pending = [self._window]
        while pending:
            widget = pending.pop()
            for child in widget.children():
                if not isinstance(child, QWidget) or child.isWindow():
                    continue
                if child.isHidden() and self._is_lazy_root(child):
                    self._mark_stale(child)
                    continue
                if child in self._stale:
                    self._unmark(child)
                now.append(child)
                pending.append(child)
        return self._repolish_seen_first(now)

    def restyle_all(self) -> int:
        """Re-polish every widget in the window now (when nobody waits: the idle reset)."""
        for widget in list(self._stale):
            self._unmark(widget)
        self._later = []
        self._later_timer.stop()
        self._frame_wait.stop()
        self._await_frame = False
        return repolish([w for w in self._window.findChildren(QWidget) if not w.isWindow()])

    def is_stale(self, widget: QWidget) -> bool:
        """True while ``widget`` waits to be re-polished (when shown, or after this frame)."""
        return widget in self._stale or widget in self._later

    def pending(self) -> bool:
        """True while widgets out of view still wait for their batch."""
        return bool(self._later)

    def finish(self) -> None:
        """Re-polish every widget that still waits for its batch, now."""
        self._later_timer.stop()
        self._frame_wait.stop()
        self._await_frame = False
        later, self._later = self._later, []
        repolish([w for w in later if shiboken6.isValid(w)])

    def _repolish_seen_first(self, widgets: list[QWidget]) -> int:
        seen = [w for w in widgets if on_screen(w)]
        self._later = [w for w in widgets if not on_screen(w)]
        self._later_timer.stop()
        self._await_frame = bool(self._later)
        if self._later:
            self._frame_wait.start()
        return repolish(seen)

    def _frame_done(self) -> None:
        self._frame_wait.stop()
        self._await_frame = False
        if self._later:
            self._later_timer.start()

    def _restyle_later(self) -> None:
        batch, self._later = self._later[:LATER_BATCH], self._later[LATER_BATCH:]
        repolish([w for w in batch if shiboken6.isValid(w)])
        if self._later:
            self._later_timer.start()

    def _mark_stale(self, widget: QWidget) -> None:
        if widget not in self._stale:
            self._stale.add(widget)
            widget.installEventFilter(self)

    def _unmark(self, widget: QWidget) -> None:
        self._stale.discard(widget)
        if shiboken6.isValid(widget):
            widget.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            # The frame is painted while this event is handled; the batch timer fires after.
            if self._await_frame and event.type() == QEvent.Type.UpdateRequest:
                self._frame_done()
            return False
        if event.type() == QEvent.Type.Show and watched in self._stale:
            assert isinstance(watched, QWidget)
            self._unmark(watched)
            self._later = [w for w in self._later if shiboken6.isValid(w)]
            mine = [watched, *watched.findChildren(QWidget)]
            waiting = set(self._later)
            self._later.extend(w for w in mine if w not in waiting)
            self._repolish_seen_first(self._later)
        return False
