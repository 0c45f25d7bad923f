"""In-process memory figures: growth over many taps, and the timeline after 20 swipes.

The process is the kiosk (``_kiosk.start_kiosk``), so ``/proc/self`` is the kiosk's memory.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Any

import bench_navigation as nav
from _common import MIB, malloc_trim, settle, smaps_by_mapping, smaps_rollup
from _kiosk import RunningKiosk, start_kiosk
from _profiles import (
    mappings_summary,
    top_types,
    tracemalloc_by_package,
    tracemalloc_diff,
    type_counts,
)

from khojaly_kiosk.ui import navigation as keys


def _memory(app: Any) -> dict[str, float]:
    fields = smaps_rollup()
    return {"rss_mib": fields["Rss"] / MIB, "anon_mib": fields["Anonymous"] / MIB,
            "pss_mib": fields["Pss"] / MIB, "widgets": float(len(app.allWidgets())),
            "python_objects": float(len(gc.get_objects()))}


def _tap_rounds(kiosk: RunningKiosk, taps: int) -> int:
    """Tap round after round through ``STEPS`` until ``taps`` taps are done."""
    done = 0
    while done < taps:
        done += nav.run_round(kiosk.app, kiosk.shell, lambda _step, _ms: None,
                              settle_rounds=1)
    return done


def growth(data_dir: Path, warmup: int, taps: int, sample_every: int,
           profile: list[str]) -> dict[str, Any]:
    """Warm up with ``warmup`` taps, then tap ``taps`` more across every screen; memory is
    sampled every ``sample_every`` taps. Growth is measured from the end of the warm-up.

    With ``memory_growth`` in ``profile`` the run stops after the warm-up instead and
    reports what grew during it: tracemalloc (Python allocations still held, by line and
    file), object types whose count grew, widgets alive, and what ``malloc_trim`` returns.
    """
    kiosk = start_kiosk(data_dir)
    app = kiosk.app
    nav.tap_and_time(app, kiosk.shell, nav.WAKE)
    settle(app)
    started = _memory(app)
    result: dict[str, Any] = {"start": started}
    if "memory_growth" in profile:
        import tracemalloc

        nav.run_round(app, kiosk.shell, lambda _step, _ms: None)  # every screen built
        gc.collect()
        built = _memory(app)
        types_before = type_counts()
        tracemalloc.start(1)
        before = tracemalloc.take_snapshot()
        done = _tap_rounds(kiosk, warmup)
        gc.collect()
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        warmed = _memory(app)
        trimmed = smaps_rollup()
        malloc_trim()
        after_trim = smaps_rollup()
        result["memory_growth_profile"] = {
            "taps": done, "after_first_round": built, "after_warmup": warmed,
            "python": tracemalloc_diff(before, after),
            "types_grown": top_types(type_counts(), types_before),
            "malloc_trim_returned_mib": round(
                (trimmed["Rss"] - after_trim["Rss"]) / MIB, 1),
            "note": "tracemalloc itself holds memory while tracing; RSS here is not the figure",
        }
        kiosk.close()
        return result
    samples: list[dict[str, float]] = []
    began = time.perf_counter()
    done = _tap_rounds(kiosk, warmup)
    baseline = _memory(app)
    baseline["taps"] = float(done)
    samples.append(baseline)
    measured = 0
    while measured < taps:
        measured += _tap_rounds(kiosk, min(sample_every, taps - measured))
        point = _memory(app)
        point["taps"] = float(done + measured)
        samples.append(point)
    final = samples[-1]
    before_trim = smaps_rollup()["Rss"]
    malloc_trim()
    result.update(
        warmup_taps=done, measured_taps=measured, baseline=baseline, final=final,
        samples=samples, seconds=round(time.perf_counter() - began, 1),
        malloc_trim_returned_mib=round((before_trim - smaps_rollup()["Rss"]) / MIB, 1),
        rss_growth_pct=100 * (final["rss_mib"] - baseline["rss_mib"]) / baseline["rss_mib"],
        anon_growth_pct=100 * (final["anon_mib"] - baseline["anon_mib"])
        / baseline["anon_mib"])
    kiosk.close()
    return result


def idle(data_dir: Path, seconds: float) -> dict[str, Any]:
    """The idle figure's profile: the kiosk started in this process under tracemalloc (run
    with ``python -X tracemalloc``), left on attract for ``seconds``; what Python holds by
    package, the PSS by mapping, and what ``malloc_trim`` gives back."""
    import tracemalloc

    kiosk = start_kiosk(data_dir)
    rest = time.perf_counter() + seconds
    while time.perf_counter() < rest:
        settle(kiosk.app)
        time.sleep(0.05)
    gc.collect()
    python = tracemalloc_by_package(tracemalloc.take_snapshot()) if tracemalloc.is_tracing() \
        else {"cause": "tracemalloc was not tracing (run with python -X tracemalloc)"}
    # Measured while tracing still holds its own memory, so what glibc gives back is the
    # kiosk's freed heap, not tracemalloc's.
    before = smaps_rollup()
    malloc_trim()
    after = smaps_rollup()
    tracemalloc.stop()
    result = {"python": python,
              "malloc_trim_returned_mib": round((before["Rss"] - after["Rss"]) / MIB, 1),
              "widgets": len(kiosk.app.allWidgets()),
              "note": "mappings and PSS are those of the measured run (without tracemalloc)"}
    kiosk.close()
    return result


def _swipe(app: Any, widget: Any, leftward: bool) -> None:
    """A finger drag of 400 px across ``widget``: press, ten moves and a release sent to the
    window (which delivers them to whatever lies under the finger), as ``_common.tap``."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    window = widget.window()
    handle = window.windowHandle()
    centre = QPointF(widget.mapTo(window, widget.rect().center()))
    step = -40.0 if leftward else 40.0
    start = centre - QPointF(step * 5, 0)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    moves = [(QEvent.Type.MouseMove, start + QPointF(step * i, 0), none, left)
             for i in range(1, 11)]
    for kind, at, button, buttons in [(QEvent.Type.MouseButtonPress, start, left, left), *moves,
                                      (QEvent.Type.MouseButtonRelease, moves[-1][1], left,
                                       none)]:
        event = QMouseEvent(kind, at, QPointF(window.mapToGlobal(at.toPoint())), button,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(handle, event)
    settle(app)


def timeline(data_dir: Path, swipes: int, profile: list[str]) -> dict[str, Any]:
    """Home -> timeline, then ``swipes`` swipes over the event (back the other way at either
    end); the kiosk's PSS after 2 s of rest, and where it lies."""
    kiosk = start_kiosk(data_dir)
    app, shell = kiosk.app, kiosk.shell
    nav.tap_and_time(app, shell, nav.WAKE)
    settle(app)
    at_home = smaps_rollup()["Pss"] / MIB
    step = next(s for s in nav.STEPS if s.arrives == keys.TIMELINE)
    nav.tap_and_time(app, shell, step)
    screen = shell.screen_for(keys.TIMELINE)
    target = screen.slide.scroll_area.viewport()
    leftward, moved, seen = True, 0, {screen.current}
    for _ in range(swipes):
        if leftward and screen.current >= len(screen.events) - 1:
            leftward = False
        elif not leftward and screen.current <= 0:
            leftward = True
        before = screen.current
        kiosk.unlock()  # the tap-storm lock would swallow the press (as after any tap)
        _swipe(app, target, leftward)
        moved += screen.current != before
        seen.add(screen.current)
    rest = time.perf_counter() + 2
    while time.perf_counter() < rest:
        settle(app)
    fields = smaps_rollup()
    result: dict[str, Any] = {
        "pss_mib": fields["Pss"] / MIB, "rss_mib": fields["Rss"] / MIB,
        "anon_mib": fields["Anonymous"] / MIB, "pss_at_home_mib": at_home, "swipes": swipes,
        "swipes_that_moved": moved, "events": len(screen.events), "events_shown": len(seen)}
    if "timeline_pss" in profile:
        result["timeline_profile"] = mappings_summary(smaps_by_mapping())
    kiosk.close()
    return result


def screens(data_dir: Path, stylesheet: bool) -> dict[str, Any]:
    """What each screen prepared ahead of its first visit holds: PSS before and after each
    is built (``malloc_trim`` before each reading) and its widgets; with ``stylesheet`` False
    the kiosk runs without the application stylesheet, which shows what Qt's per-widget
    stylesheet state costs (the profile of the memory figures that miss their goal)."""
    from PySide6.QtWidgets import QWidget

    from khojaly_kiosk.ui import theme
    from khojaly_kiosk.ui.preparation import ScreenPreparation

    if not stylesheet:
        theme.kiosk_stylesheet = lambda *_args, **_kwargs: ""  # type: ignore[assignment]
    held: dict[str, float] = {}
    original = ScreenPreparation.step

    def measured(preparation: ScreenPreparation) -> None:
        key = preparation.waiting[0] if preparation.waiting else None
        malloc_trim()
        before = smaps_rollup()["Pss"]
        original(preparation)
        malloc_trim()
        if key is not None and preparation._shell.is_built(key):
            held[key] = (smaps_rollup()["Pss"] - before) / MIB

    ScreenPreparation.step = measured  # type: ignore[method-assign]
    kiosk = start_kiosk(data_dir)
    malloc_trim()
    widgets = {key: len(screen.findChildren(QWidget))
               for key, screen in kiosk.shell._screens.items()}
    rows = sorted(({"screen": key, "pss_mib": round(mib, 2), "widgets": widgets.get(key, 0)}
                   for key, mib in held.items()), key=lambda row: -row["pss_mib"])
    result = {"stylesheet": stylesheet, "pss_mib": round(smaps_rollup()["Pss"] / MIB, 1),
              "screens": rows, "screens_pss_mib": round(sum(held.values()), 1),
              "screens_widgets": sum(row["widgets"] for row in rows)}
    kiosk.close()
    return result
