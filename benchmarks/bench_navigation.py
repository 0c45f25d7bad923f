"""Benchmark: tap -> next screen painted, through the real shell on the demo archive.

Run on demand (not part of pytest)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_navigation.py [--rounds N]

Builds the demo archive (db/demo/, the shipped content) in a temporary data dir, opens the real
``Shell`` at 1920x1080 and taps (a click routed through the window onto the real tile, card and
top-bar widgets) home -> testimonies -> reader -> back -> back -> timeline -> next event ->
back -> commemoration -> statistics -> back -> names -> ... -> remembrance -> home -> about ->
legal -> sources -> back, many rounds. Each step is timed from just before the tap until the
paint event of the screen (or view) the tap brought up. The first round builds every screen
and is reported apart as "cold"; the per-transition p50/p95 and the overall p95 (goal of
issue 13: 8 ms) come from the later, warm rounds. ``run_all.py`` uses ``STEPS`` and
``run_round`` for its cold-visit, warm-tap and memory-growth figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import OFFSCREEN, Timing, percentile, settle, tap, timed_until_painted

os.environ.setdefault("QT_QPA_PLATFORM", OFFSCREEN)

from khojaly_kiosk.ui import navigation as keys

GOAL_MS = 8.0  # issue 13: tap -> next screen painted, warm, p95


@dataclass(frozen=True)
class Step:
    """One tap: what it is called, the widget to tap, the widget whose paint ends it."""

    name: str
    target: Callable[[Any], Any]
    painted: Callable[[Any], Any]
    arrives: str  # the screen key the tap must lead to (a tap that missed is an error)
    shown: Callable[[Any], bool] = lambda shell: True  # skipped when the archive hides it


def _current(shell: Any) -> Any:
    return shell.stack.currentWidget()


def _back(shell: Any) -> Any:
    return shell.top_bar.back_button


def _home_tile(key: str) -> Callable[[Any], Any]:
    return lambda shell: shell.screen_for(keys.HOME).tiles[key]


def _small_tile(key: str) -> Callable[[Any], Any]:
    return lambda shell: shell.screen_for(keys.HOME).small_tiles[key]


def _small_tile_shown(key: str) -> Callable[[Any], bool]:
    return lambda shell: bool(shell.screen_for(keys.HOME).small_tiles[key].isVisibleTo(
        shell.screen_for(keys.HOME)))


def _commemoration_tile(key: str) -> Callable[[Any], Any]:
    return lambda shell: shell.screen_for(keys.COMMEMORATION).tiles[key]


STEPS: tuple[Step, ...] = (
    Step("home -> testimonies", _home_tile(keys.TESTIMONIES), _current, keys.TESTIMONIES),
    Step("testimonies -> reader", lambda s: s.screen_for(keys.TESTIMONIES).cards[0],
         _current, keys.TESTIMONY_READER),
    Step("reader -> back", _back, _current, keys.TESTIMONIES),
    Step("testimonies -> back (home)", _back, _current, keys.HOME),
    Step("home -> timeline", _home_tile(keys.TIMELINE), _current, keys.TIMELINE),
    Step("timeline: next event", lambda s: s.screen_for(keys.TIMELINE).next_button,
         lambda s: s.screen_for(keys.TIMELINE).detail, keys.TIMELINE),
    Step("timeline -> back (home)", _back, _current, keys.HOME),
    Step("home -> commemoration", _home_tile(keys.COMMEMORATION), _current, keys.COMMEMORATION),
    Step("commemoration -> statistics", _commemoration_tile(keys.STATISTICS), _current,
         keys.STATISTICS),
    Step("statistics -> back", _back, _current, keys.COMMEMORATION),
    Step("commemoration -> names", _commemoration_tile(keys.NAMES), _current, keys.NAMES),
    Step("names -> back", _back, _current, keys.COMMEMORATION),
    Step("commemoration -> recognition", _commemoration_tile(keys.RECOGNITION), _current,
         keys.RECOGNITION),
    Step("recognition -> back", _back, _current, keys.COMMEMORATION),
    Step("commemoration -> monuments", _commemoration_tile(keys.MONUMENTS), _current,
         keys.MONUMENTS),
    Step("monuments -> back", _back, _current, keys.COMMEMORATION),
    Step("commemoration -> remembrance", _commemoration_tile(keys.REMEMBRANCE), _current,
         keys.REMEMBRANCE),
    Step("remembrance -> home", lambda s: s.top_bar.home_button, _current, keys.HOME),
    Step("home -> about", _small_tile(keys.ABOUT), _current, keys.ABOUT,
         _small_tile_shown(keys.ABOUT)),
    Step("about -> back (home)", _back, _current, keys.HOME, _small_tile_shown(keys.ABOUT)),
    Step("home -> legal", _small_tile(keys.LEGAL), _current, keys.LEGAL,
         _small_tile_shown(keys.LEGAL)),
    Step("legal -> back (home)", _back, _current, keys.HOME, _small_tile_shown(keys.LEGAL)),
    Step("home -> sources", lambda s: s.screen_for(keys.HOME).sources_tile, _current,
         keys.SOURCES),
    Step("sources -> back (home)", _back, _current, keys.HOME),
)
"""One round through every screen, ending where it started (home)."""

WAKE = Step("attract -> home (wake)", lambda s: s.screen_for(keys.ATTRACT), _current, keys.HOME)


def unlock(shell: Any) -> None:
    """Lift the shell's tap-storm lock (taps are ignored for 300 ms after each screen change);
    the benchmark measures rendering, as the tour does."""
    shell._unlock.stop()
    shell._end_transition()


def tap_and_time(app: Any, shell: Any, step: Step) -> Timing:
    """Milliseconds from the tap to the paint of what it brought up (a tap routed through the
    window, like a finger)."""
    unlock(shell)
    widget = step.target(shell)
    return timed_until_painted(app, lambda: tap(widget), lambda: step.painted(shell),
                               step.name, arrived=lambda: shell.current_key == step.arrives)


def run_round(app: Any, shell: Any, record: Callable[[Step, float], None],
              between: Callable[[], None] | None = None, settle_rounds: int = 3) -> int:
    """Tap once through ``STEPS`` (those the archive shows); returns the number of taps."""
    taps = 0
    for step in STEPS:
        if not step.shown(shell):
            continue
        record(step, tap_and_time(app, shell, step))
        taps += 1
        settle(app, settle_rounds)  # let the rest of the frame and deferred work finish
        if between is not None:
            between()
    return taps


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from khojaly_kiosk.content.pipeline import ensure_demo_archive
    from khojaly_kiosk.paths import data_paths
    from khojaly_kiosk.settings import load_settings
    from khojaly_kiosk.ui.services import MemoryCandleCounter
    from khojaly_kiosk.ui.shell import Shell
    from khojaly_kiosk.ui.theme import apply_theme

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="warm rounds (default 30)")
    parser.add_argument("--size", default="1920x1080", help="window size (default 1920x1080)")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="khojaly-bench-") as tmp:
        paths = data_paths(Path(tmp)).ensure()
        settings = load_settings(paths.root)
        live = ensure_demo_archive(paths, settings)
        if live is None:
            print("The demo archive could not be built (is db/demo/ present?).")
            return 1
        apply_theme(app, cache_dir=paths.root / "cache" / "theme")
        shell = Shell(live.repos, MemoryCandleCounter(), settings)
        shell.resize(width, height)
        shell.show()
        settle(app)
        unlock(shell)
        shell.home()
        settle(app)

        cold: dict[str, float] = {}
        warm: dict[str, list[float]] = {step.name: [] for step in STEPS}
        for round_number in range(args.rounds + 1):
            def record(step: Step, ms: float, first: bool = round_number == 0) -> None:
                if first:
                    cold[step.name] = ms
                else:
                    warm[step.name].append(ms)

            run_round(app, shell, record)
        shell.close()
        live.close()

    every = [ms for values in warm.values() for ms in values]
    print(f"Navigation, tap -> next screen painted ({width}x{height}, offscreen, "
          f"{args.rounds} warm rounds, demo archive)")
    print(f"{'transition':34} {'cold':>8} {'p50':>8} {'p95':>8}")
    for step in STEPS:
        values = warm[step.name]
        if values:
            print(f"{step.name:34} {cold[step.name]:8.1f} {statistics.median(values):8.1f} "
                  f"{percentile(values, 0.95):8.1f}")
    overall = percentile(every, 0.95)
    print(f"overall warm p50 {statistics.median(every):.1f} ms, p95 {overall:.1f} ms; "
          f"goal p95 <= {GOAL_MS:.0f} ms: ratio {overall / GOAL_MS:.2f} "
          f"({'met' if overall <= GOAL_MS else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
