"""Logs: a rotating file in the data dir and stderr (the journal under systemd), with a filter
that keeps visitor input out of both.

Visitors type into the names search; what they type is theirs and never reaches a log. Code that
handles such text either wraps it in :class:`VisitorInput` (the filter blanks it wherever it
appears in a message's arguments) or marks the whole record with ``extra={"visitor_input":
True}`` (the record is dropped).
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from khojaly_kiosk.errors import EnvironmentProblem

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
REDACTED = "[visitor input withheld]"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# journald stamps the time and reads the priority from a "<N>" prefix (sd-daemon(3)).
_JOURNAL_FORMAT = "%(name)s: %(message)s"
_SYSLOG_PRIORITY = ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4),
                    (logging.INFO, 6))  # anything lower: 7, debug


class VisitorInput(str):
    """A string a visitor typed. Logging it prints :data:`REDACTED` instead."""

    __slots__ = ()


class VisitorInputFilter(logging.Filter):
    """Drops records marked as visitor input and blanks :class:`VisitorInput` arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "visitor_input", False):
            return False
        if isinstance(record.msg, VisitorInput):
            record.msg = REDACTED
        if isinstance(record.args, tuple):
            record.args = tuple(REDACTED if isinstance(a, VisitorInput) else a
                                for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: REDACTED if isinstance(v, VisitorInput) else v
                           for k, v in record.args.items()}
        return True


def stderr_is_journal(stream: TextIO | None = None,
                      environ: dict[str, str] | None = None) -> bool:
    """Whether ``stream`` is systemd's journal stream (``$JOURNAL_STREAM`` names its inode)."""
    env = os.environ if environ is None else environ
    stream = sys.stderr if stream is None else stream
    try:
        info = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return False
    return env.get("JOURNAL_STREAM", "") == f"{info.st_dev}:{info.st_ino}"


class JournalFormatter(logging.Formatter):
    """One journal entry per line, each with its syslog priority, so that a traceback's lines
    keep the priority of the error they belong to."""

    def __init__(self) -> None:
        super().__init__(_JOURNAL_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in _SYSLOG_PRIORITY if record.levelno >= level), 7)
        prefix = f"<{priority}>"
        return "\n".join(prefix + line for line in super().format(record).splitlines())


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Logs on stderr: journal entries with priorities under systemd, plain lines elsewhere."""

    def __init__(self, stream: TextIO | None = None, *, journal: bool | None = None) -> None:
        super().__init__(stream if stream is not None else sys.stderr)
        # Without a stream of its own it writes to whatever sys.stderr is at the time.
        self._follow_stderr = stream is None
        use_journal = stderr_is_journal(self.stream) if journal is None else journal
        self.setFormatter(JournalFormatter() if use_journal else logging.Formatter(_FORMAT))
        self.addFilter(VisitorInputFilter())

    def emit(self, record: logging.LogRecord) -> None:
        if self._follow_stderr:
            self.stream = sys.stderr
        if self.stream is None:  # a windowed program on Windows has no stderr at all
            return
        super().emit(record)


def setup_logging(log_dir: Path, level: str = "INFO", logger: logging.Logger | None = None,
                  *, stderr: bool = True) -> RotatingFileHandler:
    """Send ``logger`` (the root logger by default) to ``log_dir/kiosk.log``, rotated at 1 MB,
    and to stderr (once per logger), which systemd puts in the journal."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(log_dir / LOG_FILE, maxBytes=MAX_BYTES,
                                      backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        raise EnvironmentProblem(
            f"The log folder {log_dir} cannot be written ({exc.strerror or exc}).",
            hint="Give the kiosk user write access to the data folder.",
        ) from exc
    handler.setFormatter(logging.Formatter(_FORMAT))
    # On the handler, not a logger: it then also covers records from libraries' loggers.
    handler.addFilter(VisitorInputFilter())
    target = logger if logger is not None else logging.getLogger()
    target.addHandler(handler)
    if stderr and not any(isinstance(h, StderrHandler) for h in target.handlers):
        target.addHandler(StderrHandler())
    target.setLevel(getattr(logging, level.upper(), logging.INFO))
    return handler
