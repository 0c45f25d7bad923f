"""Free disk space: checked before an import writes and while it writes, said in one sentence.

A kiosk's data disk may be small. An import must never fill it: the kiosk goes on writing
its logs, usage counts and candles while and after it imports, so ``RESERVE_BYTES`` always
stays free. When space runs short, the sentence says how much the import needs, for what,
how much is kept free and why, and how much is free now; never a traceback.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from khojaly_kiosk.errors import EnvironmentProblem

RESERVE_BYTES = 64 * 1024 * 1024
_MB = 1024 * 1024
FREE_SPACE_HINT = ("Free space on the kiosk's data disk (remove files that are not the "
                   "kiosk's), or give the kiosk a larger disk, then import again.")


class DiskFull(EnvironmentProblem):
    """Not enough free disk space for what was about to be written."""


def megabytes(size: int) -> str:
    """``"1 MB"`` for anything up to a megabyte, rounded up: never "0 MB" for some bytes."""
    return f"{max(1, -(-size // _MB)):,} MB"


def free_bytes(folder: Path) -> int:
    """Free bytes on the disk holding ``folder`` (or its nearest existing parent)."""
    existing = Path(folder)
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    return shutil.disk_usage(existing).free


def shortage(folder: Path, needed: int, what: str) -> str | None:
    """The sentence when writing ``needed`` bytes for ``what`` would eat into the reserve."""
    free = free_bytes(folder)
    if needed + RESERVE_BYTES <= free:
        return None
    return (f"The import needs about {megabytes(needed + RESERVE_BYTES)} of free disk space "
            f"({megabytes(needed)} for {what}, and {megabytes(RESERVE_BYTES)} that always "
            "stays free so the kiosk can go on writing its logs and visitor counts), but only "
            f"{megabytes(free)} are free.")


def check_room(folder: Path, needed: int, what: str) -> None:
    """Raise ``DiskFull`` when ``needed`` bytes for ``what`` do not fit beside the reserve."""
    sentence = shortage(folder, needed, what)
    if sentence is not None:
        raise DiskFull(sentence, hint=FREE_SPACE_HINT)


def is_disk_full(exc: BaseException) -> bool:
    """True for the ways a full disk shows itself (OSError ENOSPC/EDQUOT, SQLite FULL)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFull):
            return True
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(current, sqlite3.Error) and (
                getattr(current, "sqlite_errorcode", None) == 13  # SQLITE_FULL
                or "disk is full" in str(current)):
            return True
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return False


def disk_full_sentence(folder: Path, what: str) -> str:
    """What to say after the disk filled up while ``what`` was written."""
    return (f"The kiosk's disk filled up while {what} was written ({megabytes(free_bytes(folder))}"
            f" free; {megabytes(RESERVE_BYTES)} must always stay free so the kiosk can go on "
            "writing its logs and visitor counts). Nothing was changed: the live archive is "
            "the one before.")
