"""Background work off the GUI thread, in the shape of Anki's ``QueryOp``.

``run_in_background(work, on_success=..., on_failure=..., on_progress=...)`` runs
``work(progress)`` on the global QThreadPool. ``progress(message, fraction)`` may be called
from the worker; every callback arrives on the GUI thread through queued signals, so it may
touch widgets. Imports, rollbacks and other slow staff actions go through here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, float], None]
"""``progress(message, fraction)``: a short sentence and 0.0-1.0 (or -1 when unknown)."""

# Operations stay referenced until they finish, so a caller may drop its handle.
_RUNNING: set[BackgroundOp] = set()


class BackgroundOp(QObject):
    """One piece of work; emits ``progress(str, float)``, then ``succeeded`` or ``failed``."""

    progress = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    # Emitted on the worker thread; connected to this object's own methods, which Qt then
    # queues to the GUI thread (where this object lives) and which re-emit the public signals.
    # A plain function connected straight to a worker-emitted signal may run on the worker.
    _worker_progress = Signal(str, float)
    _worker_succeeded = Signal(object)
    _worker_failed = Signal(object)
    _worker_finished = Signal()

    def __init__(self, work: Callable[[ProgressCallback], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.running = False
        self._worker_progress.connect(self._relay_progress)
        self._worker_succeeded.connect(self._relay_succeeded)
        self._worker_failed.connect(self._relay_failed)
        self._worker_finished.connect(self._relay_finished)

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _execute(self) -> None:
        # Runs on the worker thread: only emit signals from here, never touch widgets.
        try:
            result = self._work(self._worker_progress.emit)
        except Exception as exc:
            log.exception("background work failed")
            outcome: tuple[Any, object] = (self._worker_failed, exc)
        else:
            outcome = (self._worker_succeeded, result)
        try:
            signal, value = outcome
            signal.emit(value)
            self._worker_finished.emit()
        except RuntimeError:  # its owner was deleted meanwhile (the kiosk is closing)
            log.info("Background work finished after its window closed; nobody is told.")

    def _relay_progress(self, message: str, fraction: float) -> None:
        self.progress.emit(message, fraction)

    def _relay_succeeded(self, result: object) -> None:
        self.succeeded.emit(result)

    def _relay_failed(self, exc: object) -> None:
        self.failed.emit(exc)

    def _relay_finished(self) -> None:
        self.running = False
        self.finished.emit()
        _RUNNING.discard(self)


class _Runner(QRunnable):
    def __init__(self, op: BackgroundOp) -> None:
        super().__init__()
        self._op = op

    def run(self) -> None:
        self._op._execute()


def run_in_background(work: Callable[[ProgressCallback], Any], *,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[BaseException], None] | None = None,
                      on_progress: ProgressCallback | None = None,
                      parent: QObject | None = None) -> BackgroundOp:
    """Start ``work`` on a pool thread; the callbacks run on the GUI thread."""
    op = BackgroundOp(work, parent)
    if on_progress is not None:
        op.progress.connect(on_progress)
    if on_success is not None:
        op.succeeded.connect(on_success)
    if on_failure is not None:
        op.failed.connect(on_failure)
    op.start()
    return op
