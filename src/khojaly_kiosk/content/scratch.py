"""Scratch folders inside the data folder, and clearing those a killed process left.

Nothing the kiosk unpacks or builds goes to the system's temporary folder: a killed process
would leave it there, where no one looks, until the disk is full. A scratch folder lives in
``DATA/tmp/``, holds a lock for as long as its process uses it, and is removed at the end;
one whose lock nobody holds is a leftover, removed at the next start or import.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_LOCK = ".in-use"


def _hold(lock: Path) -> object | None:
    """An open, exclusively locked handle on ``lock`` (None where locks do not exist)."""
    try:
        import fcntl
    except ImportError:  # Windows: the kiosk runs one process; nothing else cleans meanwhile
        return None
    handle = lock.open("w")
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def _held(lock: Path) -> bool:
    try:
        import fcntl
    except ImportError:
        return False
    try:
        with lock.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


@contextlib.contextmanager
def scratch_dir(tmp_root: Path, prefix: str) -> Iterator[Path]:
    """A new folder below ``tmp_root``, removed with everything in it afterwards.

    ``tmp_root`` itself is removed too when this created it and it is empty again, so a
    command that only reads (``verify``) leaves the data folder as it found it.
    """
    created = not tmp_root.exists()
    tmp_root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=tmp_root))
    handle = _hold(folder / _LOCK)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if handle is not None:
            handle.close()  # type: ignore[attr-defined]
        if created:
            with contextlib.suppress(OSError):
                tmp_root.rmdir()


def clear_scratch(tmp_root: Path) -> list[str]:
    """Remove the scratch folders no running process holds; return their names."""
    removed: list[str] = []
    if not tmp_root.is_dir():
        return removed
    for entry in tmp_root.iterdir():
        if entry.is_dir() and not entry.is_symlink() and _held(entry / _LOCK):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry)
        removed.append(entry.name)
    return removed
