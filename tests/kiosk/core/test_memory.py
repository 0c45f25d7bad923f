"""Freed heap memory goes back to the system (glibc); elsewhere nothing happens."""

from __future__ import annotations

import ctypes
import platform

import pytest

from khojaly_kiosk.kiosk.core import memory

glibc = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")


def _resident_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    raise AssertionError("no RssAnon in /proc/self/status")


@glibc
def test_a_freed_paint_sized_buffer_goes_back_to_the_system() -> None:
    assert memory.limit_heap_growth()
    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    # glibc raises its mmap threshold after a mapped block is freed; with it fixed, every
    # 6 MiB buffer (a full-width frame) is mapped again, and unmapped when freed.
    for _ in range(3):
        block = libc.malloc(6 * 1024 * 1024)
        ctypes.memset(block, 1, 6 * 1024 * 1024)
        libc.free(block)
    before = _resident_kib()
    block = libc.malloc(6 * 1024 * 1024)
    ctypes.memset(block, 1, 6 * 1024 * 1024)
    assert _resident_kib() - before > 5 * 1024
    libc.free(block)
    assert _resident_kib() - before < 1024


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
