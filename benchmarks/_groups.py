"""The figures of issue 13, measured in groups that share their processes and anchors.

Each ``measure_*`` returns figure dicts (see ``figure``); ``run_all.py`` records the machine
load around each group and writes the report.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import _pages
import _processes
from _common import BENCH, MIB, OFFSCREEN, median, percentile, summary

KIOSK = ["-m", "khojaly_kiosk", "run"]
BARE = [str(BENCH / "bare_window.py")]


@dataclass
class Context:
    quick: bool
    data_dir: Path  # the demo archive, built once (run_all.prepare)
    work: Path  # scratch space for this run
    display: str | None  # an Xvfb of our own, if Xvfb is installed
    growth_taps: int | None = None  # --growth-taps: fewer than 100,000 measured taps
    python: str = sys.executable
    notes: list[str] = field(default_factory=list)

    def env(self, platform: str = "offscreen") -> dict[str, str]:
        import os

        env = {**os.environ, "KHOJALY_DATA_DIR": str(self.data_dir)}
        env.pop("KHOJALY_FIRST_PAINT", None)
        # Bytecode cached, as on a kiosk (compiled at install): the warm-up run writes it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if platform == "xcb" and self.display is not None:
            env.update(QT_QPA_PLATFORM="xcb", DISPLAY=self.display)
        else:
            env["QT_QPA_PLATFORM"] = OFFSCREEN
        return env

    def worker(self, job: str, *args: str, profile: tuple[str, ...] = (),
               timeout: float = 4 * 3600) -> dict[str, Any]:
        out = self.work / f"{job}-{len(list(self.work.glob(job + '-*')))}.json"
        command = [self.python, str(BENCH / "_worker.py"), job, "--data-dir",
                   str(self.data_dir), "--out", str(out), *args]
        for name in profile:
            command += ["--profile", name]
        if job == "idle":
            command.insert(1, "-Xtracemalloc=1")
        done = subprocess.run(command, env=self.env(), capture_output=True, text=True,
                              timeout=timeout, check=False)
        if done.returncode != 0 or not out.is_file():
            tail = "\n".join(done.stderr.strip().splitlines()[-6:])
            raise _processes.Failed(f"worker {job} failed ({done.returncode}): {tail}")
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def figure(key: str, value: float | None, *, goal_met: bool | None,
           anchor: float | None = None, anchor_label: str = "", ratio: float | None = None,
           cpu: float | None = None, detail: dict[str, Any] | None = None,
           skipped: str | None = None) -> dict[str, Any]:
    spec = SPECS[key]
    limit, on = LIMITS[key]
    measured = ratio if on == "ratio" else value
    to_goal = measured / limit if measured is not None else None
    if key == "idle_pss" and value is not None and ratio is not None:
        to_goal = max(value / 120, ratio / 0.3)
    return {"key": key, "title": spec[0], "unit": spec[1], "goal": spec[2], "value": value,
            "goal_met": goal_met, "anchor": anchor, "anchor_label": anchor_label,
            "ratio": ratio, "times_goal": to_goal, "cpu_value": cpu, "detail": detail or {},
            "skipped": skipped}


SPECS: dict[str, tuple[str, str, str]] = {
    "startup_offscreen": ("process start -> first painted frame (offscreen)", "ms",
                          "<= 1.5x the bare window"),
    "startup_xvfb": ("process start -> first painted frame (Xvfb)", "ms",
                     "<= 1.5x the bare window"),
    "idle_pss": ("idle PSS after 20 s on the demo archive", "MiB",
                 "<= 120 MiB and <= 0.3x Chromium --kiosk on an equivalent page"),
    "memory_growth": ("memory growth over 100,000 in-process taps after 5,000 warm-up", "%",
                      "<= 5 % (RSS and anonymous)"),
    "name_keystroke": ("keystroke -> name results painted, 1,000,000 names, p95", "ms",
                       "<= 16 ms"),
    "restyle_text_size": ("Aa tap -> restyled screen painted (median)", "ms", "<= 100 ms"),
    "restyle_contrast": ("contrast (◐) tap -> restyled screen painted (median)", "ms",
                         "<= 100 ms"),
    "language_switch": ("language switch -> painted (median)", "ms", "<= 33 ms"),
    "cold_visit": ("first visit to a screen (cold) -> painted, slowest screen (median)", "ms",
                   "<= 50 ms"),
    "warm_tap": ("tap -> next screen painted, warm, p95", "ms", "<= 8 ms"),
    "timeline_pss": ("timeline PSS after 20 swipes", "MiB", "<= 0.25x TimelineJS3 in Chromium"),
}
# The goal's limit, and whether it bounds the figure itself or its ratio to the anchor.
LIMITS: dict[str, tuple[float, str]] = {
    "startup_offscreen": (1.5, "ratio"), "startup_xvfb": (1.5, "ratio"),
    "idle_pss": (120, "value"), "memory_growth": (5, "value"), "name_keystroke": (16, "value"),
    "restyle_text_size": (100, "value"), "restyle_contrast": (100, "value"),
    "language_switch": (33, "value"), "cold_visit": (50, "value"), "warm_tap": (8, "value"),
    "timeline_pss": (0.25, "ratio"),
}
GROUPS: dict[str, tuple[str, ...]] = {
    "startup": ("startup_offscreen", "startup_xvfb"), "idle": ("idle_pss",),
    "growth": ("memory_growth",), "names": ("name_keystroke",),
    "restyle": ("restyle_text_size", "restyle_contrast"), "language": ("language_switch",),
    "navigation": ("cold_visit", "warm_tap"), "timeline": ("timeline_pss",),
}


def _ratio(value: float, anchor: float) -> float | None:
    return value / anchor if anchor else None


# --- start-up ------------------------------------------------------------------------------


def measure_startup(ctx: Context, keys: set[str]) -> list[dict[str, Any]]:
    """Kiosk and bare window alternately (bare first in even rounds), each variant in turn."""
    variants = [("offscreen", "startup_offscreen")]
    if "startup_xvfb" in keys and ctx.display is not None:
        variants.append(("xcb", "startup_xvfb"))
    variants = [v for v in variants if v[1] in keys]
    commands = {"bare": [ctx.python, *BARE], "kiosk": [ctx.python, *KIOSK]}
    rounds = 3 if ctx.quick else 11
    samples: dict[tuple[str, str], list[dict[str, float]]] = {}
    for platform, _key in variants:  # warm-up: bytecode, page cache; not counted
        for who in commands:
            _processes.first_paint(commands[who], ctx.env(platform))
    for index in range(rounds):
        for platform, _key in variants:
            for who in (("bare", "kiosk") if index % 2 == 0 else ("kiosk", "bare")):
                samples.setdefault((platform, who), []).append(
                    _processes.first_paint(commands[who], ctx.env(platform)))
    figures = []
    for platform, key in variants:
        kiosk = [s["wall_ms"] for s in samples[(platform, "kiosk")]]
        bare = [s["wall_ms"] for s in samples[(platform, "bare")]]
        kiosk_cpu = median(s["cpu_ms"] for s in samples[(platform, "kiosk")])
        bare_cpu = median(s["cpu_ms"] for s in samples[(platform, "bare")])
        ratio = _ratio(median(kiosk), median(bare))
        figures.append(figure(
            key, median(kiosk), goal_met=ratio is not None and ratio <= 1.5,
            anchor=median(bare), anchor_label="bare window", ratio=ratio, cpu=kiosk_cpu,
            detail={"runs": rounds, "kiosk_ms": summary(kiosk), "bare_ms": summary(bare),
                    "cpu_ms": {"kiosk": kiosk_cpu, "bare": bare_cpu,
                               "ratio": _ratio(kiosk_cpu, bare_cpu)},
                    "cpu_note": "user+system CPU of the whole process life (start, first "
                                "frame, quit), median"}))
    if "startup_xvfb" in keys and ctx.display is None:
        figures.append(figure("startup_xvfb", None, goal_met=None,
                              skipped="Xvfb is not installed (apt-get install xvfb)"))
    return figures


# --- idle memory -----------------------------------------------------------------------------


def _live_repos(ctx: Context) -> Any:
    from khojaly_kiosk.archive.generations import GenerationStore
    from khojaly_kiosk.paths import data_paths

    return GenerationStore(data_paths(ctx.data_dir).archives).open_live()


def measure_idle(ctx: Context, keys: set[str]) -> list[dict[str, Any]]:
    seconds = 5.0 if ctx.quick else 20.0
    rounds = 1 if ctx.quick else 3
    live = _live_repos(ctx)
    try:
        page = _pages.attract_page(live.repos, "az", ctx.work).as_uri()
    finally:
        live.close()
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], "kiosk": [], "chromium": []}
    chromium_skip = None if _processes.chromium_binary() else \
        "chromium is not installed (apt-get install chromium)"
    for _ in range(rounds):
        runs["bare"].append(_processes.held([ctx.python, *BARE], ctx.env(), seconds))
        runs["kiosk"].append(_processes.held([ctx.python, *KIOSK], ctx.env(), seconds))
        if chromium_skip is None:
            try:
                runs["chromium"].append(_processes.chromium(page, seconds, ctx.display))
            except _processes.Failed as exc:
                chromium_skip = f"Chromium could not be measured: {exc}"
    kiosk = median(r["pss_mib"] for r in runs["kiosk"])
    bare = median(r["pss_mib"] for r in runs["bare"])
    chromium = median(r["pss_mib"] for r in runs["chromium"]) if runs["chromium"] else None
    ratio = _ratio(kiosk, chromium) if chromium else None
    met = kiosk <= 120 and (ratio is None or ratio <= 0.3)
    mappings = runs["kiosk"][-1]["mappings"]
    for run in runs["kiosk"] + runs["bare"]:
        run.pop("mappings", None)
    return [figure(
        "idle_pss", kiosk, goal_met=met, anchor=chromium, anchor_label="Chromium --kiosk",
        ratio=ratio, detail={
            "idle_seconds": seconds, "runs": rounds, "bare_window_pss_mib": bare,
            "ratio_to_bare": _ratio(kiosk, bare), "kiosk": runs["kiosk"], "bare": runs["bare"],
            "chromium": runs["chromium"], "chromium_skipped": chromium_skip,
            "chromium_mode": "--kiosk under Xvfb" if ctx.display else "--headless=new",
            "kiosk_mappings_mib": {k: round(v / MIB, 1) for k, v in
                                   sorted(mappings.items(), key=lambda kv: -kv[1])[:15]}})]


# --- in-process figures ----------------------------------------------------------------------


def measure_growth(ctx: Context, keys: set[str]) -> list[dict[str, Any]]:
    warmup, taps, every = (200, 1000, 250) if ctx.quick else (5000, 100_000, 5000)
    if ctx.growth_taps is not None:
        taps = ctx.growth_taps
        every = max(1, min(every, taps // 10))
    r = ctx.worker("growth", "--warmup", str(warmup), "--taps", str(taps),
                   "--sample-every", str(every))
    value = max(r["rss_growth_pct"], r["anon_growth_pct"])
    return [figure("memory_growth", value, goal_met=value <= 5, detail={
        "warmup_taps": r["warmup_taps"], "measured_taps": r["measured_taps"],
        "rss_growth_pct": r["rss_growth_pct"], "anon_growth_pct": r["anon_growth_pct"],
        "start": r["start"], "baseline": r["baseline"], "final": r["final"],
        "first_warmup_growth_mib": {
            "rss": r["baseline"]["rss_mib"] - r["start"]["rss_mib"],
            "anon": r["baseline"]["anon_mib"] - r["start"]["anon_mib"]},
        "malloc_trim_returned_mib": r["malloc_trim_returned_mib"], "seconds": r["seconds"],
        "samples": r["samples"]})]


def measure_names(ctx: Context, keys: set[str]) -> list[dict[str, Any]]:
    from _names_data import cached_names_archive

    count = 100_000 if ctx.quick else 1_000_000
    archive = cached_names_archive(count)
    r = ctx.worker("names", "--names-dir", str(archive), "--queries",
                   "15" if ctx.quick else "100")
    p95 = percentile(r["keystrokes"], 0.95)
    anchor = percentile(r["query_alone"], 0.95)
    return [figure("name_keystroke", p95, goal_met=p95 <= 16, anchor=anchor,
                   anchor_label="the query alone (names.search), p95",
                   ratio=_ratio(p95, anchor), cpu=percentile(r["keystrokes_cpu"], 0.95),
                   detail={"names": r["names"], "keystrokes": summary(r["keystrokes"]),
                           "query_alone": summary(r["query_alone"]),
                           "p95_by_letters_typed": {k: percentile(v, 0.95) for k, v in
                                                    r["by_length"].items()},
                           "letters_missing_from_keyboard":
                               r["letters_missing_from_keyboard"]})]


def measure_restyle(ctx: Context, keys: set[str]) -> list[dict[str, Any]]:
    r = ctx.worker("restyle", "--rounds", "1" if ctx.quick else "5")
    figures = []
    for kind, key in (("text_size", "restyle_text_size"), ("contrast", "restyle_contrast")):
        value = median(r[kind])
        figures.append(figure(key, value, goal_met=value <= 100, cpu=median(r[f"{kind}_cpu"]),
                              detail={"taps": summary(r[kind]), "widgets": r["widgets"],
                                      "stylesheet_chars": r["stylesheet_chars"]}))
    return [f for f in figures if f["key"] in keys]


def measure_language(ctx: Context, keys: set[str]) -> list[dict[str, Any]]:
    r = ctx.worker("language", "--rounds", "1" if ctx.quick else "3")
    every = [ms for values in r["by_screen"].values() for ms in values]
    cpu = [ms for values in r["by_screen_cpu"].values() for ms in values]
    value = median(every)
    return [figure("language_switch", value, goal_met=value <= 33, cpu=median(cpu),
                   detail={"taps": summary(every), "median_by_screen": {
                       k: median(v) for k, v in r["by_screen"].items()}})]


def measure_navigation(ctx: Context, keys: set[str]) -> list[dict[str, Any]]:
    processes, rounds = (2, 1) if ctx.quick else (11, 3)
    cold: dict[str, list[float]] = {}
    cold_cpu: dict[str, list[float]] = {}
    warm: dict[str, list[float]] = {}
    warm_cpu: list[float] = []
    anchor: list[float] = []
    for _ in range(processes):
        r = ctx.worker("navigation", "--rounds", str(rounds))
        for screen, ms in r["cold"].items():
            cold.setdefault(screen, []).append(ms)
            cold_cpu.setdefault(screen, []).append(r["cold_cpu"][screen])
        for step, values in r["warm"].items():
            warm.setdefault(step, []).extend(values)
        warm_cpu += [ms for values in r["warm_cpu"].values() for ms in values]
        anchor += r["anchor"]
    by_screen = {screen: median(values) for screen, values in cold.items()}
    slowest = max(by_screen, key=lambda s: by_screen[s])
    every = [ms for values in warm.values() for ms in values]
    figures = [
        figure("cold_visit", by_screen[slowest], goal_met=by_screen[slowest] <= 50,
               anchor=median(anchor), anchor_label="bare page switch (median)",
               ratio=_ratio(by_screen[slowest], median(anchor)),
               cpu=median(cold_cpu[slowest]),
               detail={"processes": processes, "slowest": slowest,
                       "median_by_screen": by_screen,
                       "cpu_median_by_screen": {k: median(v) for k, v in cold_cpu.items()}}),
        figure("warm_tap", percentile(every, 0.95), goal_met=percentile(every, 0.95) <= 8,
               anchor=percentile(anchor, 0.95), anchor_label="bare page switch (p95)",
               ratio=_ratio(percentile(every, 0.95), percentile(anchor, 0.95)),
               cpu=percentile(warm_cpu, 0.95),
               detail={"taps": summary(every), "p95_by_step": {
                   k: percentile(v, 0.95) for k, v in warm.items()}, "anchor": summary(anchor)}),
    ]
    return [f for f in figures if f["key"] in keys]


def measure_timeline(ctx: Context, keys: set[str]) -> list[dict[str, Any]]:
    rounds = 1 if ctx.quick else 3
    swipes = 20
    skip = None if _processes.chromium_binary() else \
        "chromium is not installed (apt-get install chromium)"
    page = None
    if skip is None:
        live = _live_repos(ctx)
        try:
            page = _pages.timeline_page(live.repos, "en", ctx.work, swipes).as_uri()
        except _pages.Skip as exc:
            skip = str(exc)
        finally:
            live.close()
    kiosk_runs, chromium_runs = [], []
    for _ in range(rounds):
        kiosk_runs.append(ctx.worker("timeline", "--swipes", str(swipes)))
        if page is not None and skip is None:
            try:
                chromium_runs.append(_processes.chromium(page, 2, ctx.display,
                                                         until=_pages.SWIPED))
            except _processes.Failed as exc:
                skip = f"TimelineJS3 in Chromium could not be measured: {exc}"
    value = median(r["pss_mib"] for r in kiosk_runs)
    anchor = median(r["pss_mib"] for r in chromium_runs) if chromium_runs else None
    ratio = _ratio(value, anchor) if anchor else None
    return [figure("timeline_pss", value, goal_met=None if ratio is None else ratio <= 0.25,
                   anchor=anchor, anchor_label="TimelineJS3 in Chromium", ratio=ratio,
                   skipped=None, detail={"runs": rounds, "kiosk": kiosk_runs,
                                         "timelinejs": chromium_runs,
                                         "timelinejs_skipped": skip})]


MEASURE: dict[str, Callable[[Context, set[str]], list[dict[str, Any]]]] = {
    "startup": measure_startup, "idle": measure_idle, "growth": measure_growth,
    "names": measure_names, "restyle": measure_restyle, "language": measure_language,
    "navigation": measure_navigation, "timeline": measure_timeline,
}
