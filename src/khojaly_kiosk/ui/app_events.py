"""One application event filter for all the kiosk's watchers, each called only for its events.

The kiosk watches the whole application's input: the lockdown, the idle watcher, the staff
gesture, and the shell's tap-storm guard while a screen changes. Installed one by one with
``QApplication.installEventFilter``, each of them was called from C++ for *every* event of
every widget (a screen change sends ~1,000: show, hide, move, resize, layout, paint), and each
call wraps the event and the receiver for Python: a third of a warm tap's time went there.
Here the application has one filter; it looks at the event's type once and passes the event
on only to the watchers that asked for that type, most recently added first (the order Qt
gives its own filters), stopping when one of them eats it (returns True).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

EventTypes = frozenset[QEvent.Type]


class AppEvents(QObject):
    """The application's shared event filter; get it with :func:`app_events`."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._watchers: list[tuple[QObject, EventTypes]] = []
        self._kinds: frozenset[QEvent.Type] = frozenset()
        self._changes = 0
        self._paused = 0

    def add(self, watcher: QObject, kinds: Iterable[QEvent.Type]) -> None:
        """Call ``watcher.eventFilter(watched, event)`` for every event of the types ``kinds``
        in the application, before any other watcher (adding it again moves it first and
        replaces its types). A deleted watcher is dropped by itself."""
        known = any(w is watcher for w, _ in self._watchers)
        self._watchers = [(watcher, frozenset(kinds))] + [
            (w, k) for w, k in self._watchers if w is not watcher]
        self._changed()
        if not known:
            watcher.destroyed.connect(self._prune)
        # Qt calls the most recently installed application filter first: so does the
        # application's own list, with this filter where its newest watcher was added.
        if not self._paused:
            self._app.installEventFilter(self)

    def remove(self, watcher: QObject) -> None:
        """Stop passing events to ``watcher`` (nothing happens if it was not added)."""
        if any(w is watcher for w, _ in self._watchers):
            self._watchers = [(w, k) for w, k in self._watchers if w is not watcher]
            self._changed()
            if shiboken6.isValid(watcher):
                watcher.destroyed.disconnect(self._prune)
        if not self._watchers:  # nobody left to tell: no Python call per event at all
            self._app.removeEventFilter(self)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Step aside while the block runs: for synchronous work that no input can interrupt
        (a screen switch's show and hide events, a paint pass), which would otherwise pass
        hundreds of events through this filter for nothing."""
        self._paused += 1
        if self._paused == 1:
            self._app.removeEventFilter(self)
        try:
            yield
        finally:
            self._paused -= 1
            if self._paused == 0 and self._watchers:
                self._app.installEventFilter(self)

    def watching(self, watcher: QObject) -> frozenset[QEvent.Type] | None:
        """The event types ``watcher`` is called for, or None if it is not added."""
        return next((k for w, k in self._watchers if w is watcher), None)

    def _changed(self) -> None:
        self._changes += 1
        self._kinds = frozenset().union(*(k for _, k in self._watchers))

    def _prune(self, *_args: object) -> None:
        self._watchers = [(w, k) for w, k in self._watchers if shiboken6.isValid(w)]
        self._changed()
        if not self._watchers:
            self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in self._kinds:
            return False
        changes = self._changes
        watchers = self._watchers
        for watcher, kinds in watchers:
            if kind not in kinds:
                continue
            # A watcher removed by an earlier one's handling is skipped, as Qt skips it.
            if changes != self._changes and not any(w is watcher for w, _ in self._watchers):
                continue
            if watcher.eventFilter(watched, event):
                return True
        return False


def app_events(app: QCoreApplication) -> AppEvents:
    """The shared filter of ``app``, made (as a child of ``app``) on first use."""
    found = _BY_APP.get(id(app))
    if found is None or not shiboken6.isValid(found) or found.parent() is not app:
        found = AppEvents(app)
        _BY_APP[id(app)] = found
    return found


_BY_APP: dict[int, AppEvents] = {}
