"""Rotating file logs in the data dir, with a filter that keeps visitor input out of them.

Visitors type into the names search; what they type is theirs and never reaches a log. Code that
handles such text either wraps it in :class:`VisitorInput` (the filter blanks it wherever it
appears in a message's arguments) or marks the whole record with ``extra={"visitor_input":
True}`` (the record is dropped).
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from khojaly_kiosk.errors import EnvironmentProblem

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
REDACTED = "[visitor input withheld]"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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


def setup_logging(log_dir: Path, level: str = "INFO",
                  logger: logging.Logger | None = None) -> RotatingFileHandler:
    """Send ``logger`` (the root logger by default) to ``log_dir/kiosk.log``, rotated at 1 MB."""
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
    target.setLevel(getattr(logging, level.upper(), logging.INFO))
    return handler
