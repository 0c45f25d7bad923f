"""What every benchmark shares: statistics, machine load, memory of a process, paint timing.

Qt-free at import (the orchestrator ``run_all.py`` imports it without starting Qt); the paint
helpers import PySide6 when first called.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
CACHE = BENCH / ".cache"
MIB = 1024 * 1024
SIZE = (1920, 1080)
PAINT_TIMEOUT_S = 60.0  # a restyle took 10-14 s on the loaded 2-core machine

# --- statistics ----------------------------------------------------------------------------


def median(values: Iterable[float]) -> float:
    return float(statistics.median(list(values)))


def percentile(values: Iterable[float], fraction: float) -> float:
    """Nearest rank on the sorted values (p95 of 20 values is the 19th)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return float(ordered[index])


def summary(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "median": median(values), "p95": percentile(values, 0.95),
            "min": min(values), "max": max(values)}


# --- the machine ---------------------------------------------------------------------------


def machine_load() -> dict[str, Any]:
    """Load averages (1, 5, 15 min), CPU count and the time, to keep with each figure."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        one = five = fifteen = -1.0
    return {"loadavg": [round(one, 2), round(five, 2), round(fifteen, 2)],
            "cpus": os.cpu_count() or 0, "at": time.strftime("%Y-%m-%d %H:%M:%S")}


# --- memory of a process (Linux /proc) -----------------------------------------------------


def smaps_rollup(pid: int | str = "self") -> dict[str, int]:
    """``/proc/PID/smaps_rollup`` in bytes: Rss, Pss, Pss_Anon, Anonymous, Private_Dirty..."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii").splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB":
            fields[name.strip()] = int(parts[0]) * 1024
    return fields


def smaps_by_mapping(pid: int | str = "self") -> dict[str, int]:
    """PSS in bytes per mapping name (a library's file name, [heap], [anon]...)."""
    totals: dict[str, int] = {}
    name = "[anon]"
    for line in Path(f"/proc/{pid}/smaps").read_text(encoding="utf-8",
                                                       errors="replace").splitlines():
        first = line.split(maxsplit=5)
        if first and "-" in first[0] and len(first) >= 5 and ":" not in first[0]:
            path = first[5].strip() if len(first) == 6 else ""
            name = Path(path).name if path.startswith("/") else (path or "[anon]")
        elif line.startswith("Pss:"):
            totals[name] = totals.get(name, 0) + int(line.split()[1]) * 1024
    return totals


def children_of(root: int) -> set[int]:
    """``root`` and every live descendant of it."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = {root}, [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def pids_running(executable_prefix: str) -> set[int]:
    """Processes whose executable lies under ``executable_prefix`` (e.g. /usr/lib/chromium/)."""
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.readlink(entry / "exe").startswith(executable_prefix):
                    pids.add(int(entry.name))
            except OSError:
                continue
    return pids


def pss_of(pids: Iterable[int]) -> dict[str, int]:
    """Summed smaps_rollup of ``pids`` (processes that are gone are skipped) + their count."""
    total: dict[str, int] = {"processes": 0}
    for pid in pids:
        try:
            fields = smaps_rollup(pid)
        except OSError:
            continue
        total["processes"] += 1
        for key, value in fields.items():
            total[key] = total.get(key, 0) + value
    return total


def malloc_trim() -> bool:
    """Ask glibc to give freed heap back to the system (what the kiosk could do when idle)."""
    import ctypes

    try:
        return bool(ctypes.CDLL("libc.so.6").malloc_trim(0))
    except (OSError, AttributeError):
        return False


# --- results of a worker process -----------------------------------------------------------


def write_result(path: Path | None, result: dict[str, Any]) -> None:
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if path is None:
        print(text)
    else:
        path.write_text(text, encoding="utf-8")


# --- Qt: paint timing ----------------------------------------------------------------------


_PAINT_WATCH: Any = None


def paint_watch() -> Any:
    """An event filter that notes the time of the first paint event each widget receives
    (install it on one widget, or on the application to see them all).

    The class is made once: shiboken keeps every QObject subclass alive, so a class made per
    call would itself grow the measured process by about 1.4 KB per tap.
    """
    global _PAINT_WATCH
    if _PAINT_WATCH is None:
        _PAINT_WATCH = _paint_watch_class()
    return _PAINT_WATCH()


def _paint_watch_class() -> Any:
    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted_at: float | None = None
            self.first: dict[Any, tuple[float, float]] = {}  # widget -> (wall, GUI CPU)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                now = time.perf_counter()
                if self.painted_at is None:
                    self.painted_at = now
                if watched not in self.first:
                    self.first[watched] = (now, time.thread_time())
            return False

    return PaintWatch


def settle(app: Any, rounds: int = 3) -> None:
    """Let deferred work and the rest of a frame finish."""
    from PySide6.QtCore import QEventLoop

    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


class Timing(float):
    """Wall-clock milliseconds (the figure), with ``cpu_ms``: the GUI thread's CPU time over
    the same span, which a busy machine inflates far less than the wall clock."""

    cpu_ms: float

    def __new__(cls, wall_ms: float, cpu_ms: float) -> Timing:
        made = super().__new__(cls, wall_ms)
        made.cpu_ms = cpu_ms
        return made


def cpu_of(values: list[float]) -> list[float]:
    """The GUI-thread CPU milliseconds of ``Timing`` values."""
    return [float(getattr(v, "cpu_ms", v)) for v in values]


def timed_until_painted(app: Any, action: Callable[[], object], painted: Callable[[], Any],
                        what: str, arrived: Callable[[], bool] = lambda: True) -> Timing:
    """Milliseconds from just before ``action`` to the first paint of ``painted()``.

    ``action`` is a tap; its handlers usually run inside it, and then only the painted widget
    is watched. When they run later (a press held back by a kinetic scroller is replayed on
    release), every widget's paint is watched until ``arrived()`` is true. Nothing watches
    while the tap's own handlers run, so the measurement adds no event filter to their work.
    """
    from PySide6.QtCore import QEventLoop

    watch = paint_watch()
    started, cpu = time.perf_counter(), time.thread_time()
    action()
    watched = painted() if arrived() else app
    watched.installEventFilter(watch)
    try:
        deadline = started + PAINT_TIMEOUT_S
        while True:
            if arrived():
                at = watch.first.get(painted())
                if at is not None:
                    return Timing((at[0] - started) * 1000, (at[1] - cpu) * 1000)
            if time.perf_counter() > deadline:
                state = "nothing was painted" if arrived() else "the tap did not arrive"
                raise RuntimeError(f"{what}: {state} within {PAINT_TIMEOUT_S} s")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
    finally:
        watched.removeEventFilter(watch)


def tap(widget: Any) -> None:
    """A tap routed like hardware input: a press and a release sent to the window at the
    widget's centre; the window delivers them to whatever lies under that point, through the
    application's event filters, as it does a finger's. (``QTest.mouseClick`` on a window
    would also run the event loop inside the tap, painting before the watch could start.)"""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    window = widget.window()
    handle = window.windowHandle()
    local = QPointF(widget.mapTo(window, widget.rect().center()))
    screen = QPointF(window.mapToGlobal(local.toPoint()))
    button, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in ((QEvent.Type.MouseButtonPress, button),
                          (QEvent.Type.MouseButtonRelease, none)):
        event = QMouseEvent(kind, local, screen, button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(handle, event)


OFFSCREEN = f"offscreen:configfile={BENCH / 'offscreen-screen.json'}"
"""Qt's offscreen platform with two 1920x1080 screens side by side: the kiosk's display, and
one for an anchor window beside it (the default offscreen screen is 800x800: taps routed
through the window then miss what lies outside it)."""
