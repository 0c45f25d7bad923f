"""Freed heap memory goes back to the system (glibc); elsewhere nothing happens."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from khojaly_kiosk.kiosk.core import memory

glibc = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")


# Run in a fresh process, as the kiosk calls it first thing: glibc maps a large block only
# when no freed heap chunk can hold it, and a long test run leaves such chunks behind.
FRAMES = """
import ctypes
from khojaly_kiosk.kiosk.core import memory
IS_MMAPPED = 0x2  # glibc's flag in a chunk's size word: the block is a mapping of its own

def mapped(block):
    size_word = ctypes.c_size_t.from_address(block - ctypes.sizeof(ctypes.c_size_t)).value
    return bool(size_word & IS_MMAPPED)

limited = memory.limit_heap_growth() if LIMIT else False
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
seen = []
for _ in range(4):
    block = libc.malloc(6 * 1024 * 1024)  # a full-width frame
    ctypes.memset(block, 1, 6 * 1024 * 1024)
    seen.append(mapped(block))
    libc.free(block)
small = libc.malloc(4096)
print(limited, seen, mapped(small))
"""


def _frames(limit: bool) -> str:
    code = FRAMES.replace("LIMIT", str(limit))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60).stdout.strip()


@glibc
def test_a_freed_paint_sized_buffer_goes_back_to_the_system() -> None:
    # glibc raises its mmap threshold after a mapped block is freed, so the next frame
    # stays in the heap after it is freed; with the threshold fixed, every frame is mapped
    # again and unmapped when freed. Small blocks still live in the heap.
    assert _frames(limit=False) == "False [True, False, False, False] False"
    assert _frames(limit=True) == "True [True, True, True, True] False"


@glibc
def test_release_free_memory_asks_glibc_to_trim() -> None:
    memory.release_free_memory()  # returns whether pages were released; never raises


def test_without_glibc_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_looked", True)
    monkeypatch.setattr(memory, "_libc", None)
    assert memory.limit_heap_growth() is False
    assert memory.release_free_memory() is False


def test_release_free_memory_drops_the_source_lines_python_cached() -> None:
    import linecache

    linecache.getlines(memory.__file__)
    assert memory.__file__ in linecache.cache
    memory.release_free_memory()
    assert memory.__file__ not in linecache.cache
