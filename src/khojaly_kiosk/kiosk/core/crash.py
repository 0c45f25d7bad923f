"""Crash handling: a Python error anywhere is logged and the kiosk returns to attract.

PySide6 reports an exception raised in a slot or a virtual method through ``sys.excepthook``
and then carries on, so replacing the hook is enough to turn "a traceback on stderr and a half
drawn screen" into "a log entry and the attract loop". Hard crashes (segfaults in a C++
library) cannot be caught; ``faulthandler`` writes their Python stack to a file so the next
person has something to read, and systemd restarts the process.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

log = logging.getLogger(__name__)

FAULT_LOG = "faulthandler.log"


class CrashHandlers:
    """The installed hooks; :meth:`uninstall` puts the previous ones back (tests, shutdown)."""

    def __init__(self, log_dir: Path, on_crash: Callable[[], None]) -> None:
        self._on_crash = on_crash
        self._handling = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._fault_was_enabled = faulthandler.is_enabled()
        log_dir.mkdir(parents=True, exist_ok=True)
        self.fault_file: IO[str] = (log_dir / FAULT_LOG).open("a", encoding="utf-8")
        faulthandler.enable(file=self.fault_file, all_threads=True)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            # Ctrl+C from a developer's terminal still stops the program.
            self._previous_hook(exc_type, exc, tb)
            return
        log.error("unhandled error; returning to the attract screen", exc_info=(exc_type, exc, tb))
        if self._handling:
            # on_crash itself failed while handling a crash: do not loop.
            return
        self._handling = True
        try:
            self._on_crash()
        except Exception:
            log.exception("the crash callback failed as well")
        finally:
            self._handling = False

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        # A background thread's error is logged; the GUI is untouched, so no return to attract.
        log.error("unhandled error in thread %s: %s", args.thread.name if args.thread else "?",
                  args.exc_value, exc_info=args.exc_value)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        faulthandler.disable()
        if self._fault_was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
        self.fault_file.close()


def install_crash_handlers(log_dir: Path, on_crash: Callable[[], None]) -> CrashHandlers:
    """Log errors and fatal signals to ``log_dir``; call ``on_crash`` after an error."""
    return CrashHandlers(log_dir, on_crash)
