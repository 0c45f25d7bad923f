"""Digests taken while files are written, and fsyncs done while other work goes on.

An import hashes each byte once: staging hashes every file as it copies or unpacks it, and
the digest of the bytes written IS what the package's manifest must match. A digest is kept
with the file's identity (device, inode, size, modification time) and is used again only
while the file still has that identity; a file replaced, rewritten or truncated since is read
and hashed again. This guards against our own mistakes (a wrong file at a path, a file
changed after it was checked), not against someone who can write the kiosk's data folder.
"""

from __future__ import annotations

import hashlib
import os
import queue
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Protocol

CHUNK = 1024 * 1024  # fewer system calls than small reads, and stays in the CPU cache
# The digest of a file known without reading it (``Fixity.digest``), or None to read it.
DigestLookup = Callable[[Path], str | None]


class _Readable(Protocol):
    def readinto(self, buffer: memoryview, /) -> int | None: ...


class _Writable(Protocol):
    def write(self, data: memoryview, /) -> int | None: ...


class Fixity:
    """SHA-256 digests of files, each valid while the file keeps the identity it had."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], tuple[int, int, str]] = {}

    def record(self, path: Path, sha256: str) -> None:
        """Remember ``sha256`` as the digest of the file now at ``path``."""
        st = os.stat(path, follow_symlinks=False)
        self._known[(st.st_dev, st.st_ino)] = (st.st_size, st.st_mtime_ns, sha256)

    def digest(self, path: Path) -> str | None:
        """The recorded digest of the file at ``path`` if it is unchanged since, else ``None``."""
        try:
            st = os.stat(path, follow_symlinks=False)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        known = self._known.get((st.st_dev, st.st_ino))
        if known is None or known[:2] != (st.st_size, st.st_mtime_ns):
            return None
        return known[2]


def copy_hashing(source: _Readable, out: _Writable,
                 on_chunk: Callable[[int], None] | None = None) -> tuple[str, int]:
    """Copy ``source`` to ``out``, hashing exactly the bytes written; ``(sha256, size)``.

    ``on_chunk`` gets the running size before each chunk is written and may raise to stop.
    """
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    size = 0
    while count := source.readinto(view):
        size += count
        if on_chunk is not None:
            on_chunk(size)
        digest.update(view[:count])
        written = 0
        while written < count:  # an unbuffered write may take only part of the chunk
            written += out.write(view[written:count]) or 0
    return digest.hexdigest(), size


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in large chunks."""
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    with path.open("rb", buffering=0) as handle:
        while count := handle.readinto(view):
            digest.update(view[:count])
    return digest.hexdigest()


def fsync_path(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder) to the disk."""
    if os.name == "nt" and path.is_dir():
        return  # folders cannot be opened for fsync on Windows; NTFS journals them itself
    fd = os.open(path, os.O_RDWR if os.name == "nt" else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(folder: Path) -> None:
    """Flush every file and folder under ``folder`` (files already flushed cost little)."""
    for current, _dirs, files in os.walk(folder):
        for name in files:
            fsync_path(Path(current, name))
        fsync_path(Path(current))


class Syncer:
    """Flushes files to the disk in a background thread while the import goes on.

    The disk writes the media while the processor prepares images, instead of after it.
    ``close`` waits for every submitted file and raises the first error.
    """

    def __init__(self) -> None:
        self._queue: queue.Queue[Path | None] = queue.Queue()
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="fsync", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (path := self._queue.get()) is not None:
            if self._error is None:
                try:
                    fsync_path(path)
                except OSError as exc:
                    self._error = exc

    def submit(self, path: Path) -> None:
        """Flush ``path`` soon."""
        self._queue.put(path)

    def close(self) -> None:
        """Wait for every submitted file; raise the first error."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None:
            raise self._error

    def __enter__(self) -> Syncer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._thread.is_alive():  # an early exit: stop, the caller reports its own error
            self._queue.put(None)
            self._thread.join()
