"""Keep glibc's heap from holding on to memory the kiosk has freed.

The attract loop's cross-fade paints through a full-width offscreen buffer (several MiB) each
frame. glibc raises its mmap threshold after such a buffer is freed, so the next ones come from
the heap and their pages stay with the process: idle PSS 134-136 MiB after 20 s on the demo
archive, 123-125 MiB with the threshold fixed at 512 KiB (``limit_heap_growth``, at start) or
right after ``malloc_trim`` (``release_free_memory``, after the first frame and each idle
reset). Elsewhere (musl, macOS, Windows) both do nothing.
"""

from __future__ import annotations

import ctypes
import linecache
import logging

log = logging.getLogger(__name__)

M_TRIM_THRESHOLD = -1  # glibc's mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 512 * 1024  # blocks this large are mapped, and unmapped when freed
TRIM_THRESHOLD_BYTES = 1024 * 1024  # free heap above this at the top is given back at once

_libc: ctypes.CDLL | None = None
_looked = False


def _glibc() -> ctypes.CDLL | None:
    global _libc, _looked
    if not _looked:
        _looked = True
        try:
            # The process's own symbols (glibc is linked in): no ldconfig run to find it.
            libc = ctypes.CDLL(None)
            libc.malloc_trim.argtypes = [ctypes.c_size_t]
            libc.malloc_trim.restype = ctypes.c_int
            libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
            libc.mallopt.restype = ctypes.c_int
        except (OSError, AttributeError):
            libc = None
        _libc = libc
    return _libc


def limit_heap_growth() -> bool:
    """Fix glibc's mmap and trim thresholds (call once, early); True if glibc took them."""
    libc = _glibc()
    if libc is None:
        return False
    return bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
                and libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))


def release_free_memory() -> bool:
    """Drop the source lines Python cached and return freed heap pages to the system; True
    if glibc released any (False elsewhere).

    PySide6's import hook (shibokensupport ``feature._mod_uses_pyside``) reads the source of
    every module imported after PySide6 with ``inspect.getsource``, which leaves ~550 files
    (~20 MiB of line strings) in ``linecache``; tracebacks read them again when needed.
    """
    linecache.clearcache()
    libc = _glibc()
    if libc is None:
        return False
    return bool(libc.malloc_trim(0))
