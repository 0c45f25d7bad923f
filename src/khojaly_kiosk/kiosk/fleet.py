"""The fleet services of a running kiosk: the synced inbox watched, the status written.

Thin Qt wrappers around ``kiosk.core.autoimport`` and ``kiosk.core.status``: a
QFileSystemWatcher and a periodic scan trigger :meth:`SyncedInbox.tick`, which runs on a
worker thread (verifying and importing take minutes); a timer writes the status files,
also off the GUI thread (the status folder may be a slow network share).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from khojaly_kiosk.kiosk.core.autoimport import SyncedInbox
from khojaly_kiosk.kiosk.core.ledger import Outcome
from khojaly_kiosk.kiosk.core.status import StatusWriter
from khojaly_kiosk.ui.background import BackgroundOp, run_in_background

log = logging.getLogger(__name__)

DEBOUNCE_MS = 2000  # a sync writes many files at once: look once it paused


class InboxWatcher(QObject):
    """Runs ``inbox.tick()`` when an inbox folder changes, on a timer, and on request.

    Emits ``imported`` (the outcomes) after a tick that imported a package. The worker's
    operation has no Qt parent: a kiosk closing mid-import must not delete it under the
    running thread (it is kept referenced until it finishes).
    """

    imported = Signal(object)
    ticked = Signal()

    def __init__(self, inbox: SyncedInbox, scan_seconds: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inbox = inbox
        self._op: BackgroundOp | None = None
        self._again = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self.changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.scan)
        self._settle = QTimer(self)  # a package waits to settle: look again when it may have
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self.scan)
        self._periodic = QTimer(self)  # notifications can be missed (network shares, floods)
        self._periodic.setInterval(max(5, scan_seconds) * 1000)
        self._periodic.timeout.connect(self.scan)

    def start(self) -> None:
        self._watch()
        self._periodic.start()
        self.scan()

    def stop(self) -> None:
        self._periodic.stop()
        self._debounce.stop()
        self._settle.stop()

    def _watch(self) -> None:
        """Watch each inbox folder and its package folders (a folder that appears later is
        added at the next scan)."""
        wanted = [str(f) for f in self.inbox.folders if f.is_dir()]
        for folder in self.inbox.folders:
            if folder.is_dir():
                wanted += [str(p) for p in folder.iterdir() if p.is_dir()
                           and not p.name.startswith(".")]
        missing = [w for w in wanted if w not in self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def changed(self, _path: str = "") -> None:
        self._debounce.start()

    @property
    def busy(self) -> bool:
        return self._op is not None

    def scan(self) -> None:
        """Tick on a worker thread; a request while one runs makes one more run after it."""
        if self._op is not None:
            self._again = True
            return
        self._watch()
        self._op = run_in_background(lambda _progress: self.inbox.tick(),
                                     on_success=self._done,
                                     on_failure=lambda exc: log.error(
                                         "Looking at the inbox failed: %s", exc))
        self._op.finished.connect(self._finished)

    def _done(self, outcomes: list[Outcome]) -> None:
        if outcomes:
            self.imported.emit(outcomes)
        if any(o.state in ("arriving", "waiting") for o in self.inbox.outcomes()):
            self._settle.start(int(self.inbox.settle_seconds * 1000) + 500)

    def _finished(self) -> None:
        self._op = None
        self.ticked.emit()
        if self._again:
            self._again = False
            self.scan()


class StatusHeartbeat(QObject):
    """Writes the status files now and every ``seconds``, off the GUI thread."""

    written = Signal()

    def __init__(self, writer: StatusWriter, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self._op: BackgroundOp | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(max(10, seconds) * 1000)
        self._timer.timeout.connect(self.write)

    def start(self) -> None:
        self._timer.start()
        self.write()

    def stop(self) -> None:
        self._timer.stop()

    def write(self) -> None:
        if self._op is not None:
            return
        self._op = run_in_background(lambda _progress: self.writer.write(),
                                     on_failure=lambda exc: log.warning(
                                         "The status files could not be written: %s", exc))
        self._op.finished.connect(self._finished)

    def _finished(self) -> None:
        self._op = None
        self.written.emit()
