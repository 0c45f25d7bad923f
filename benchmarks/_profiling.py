"""Profiles of the figures that miss their goal, each naming a cause.

Run after a group of figures is measured (profiling slows what it watches, so it never
overlaps a measurement). One profile run can serve several figures (both start-up variants,
both restyles, cold and warm navigation); it is made once.
"""

from __future__ import annotations

import subprocess
from typing import Any

from _groups import KIOSK, Context
from _profiles import cprofile_summary, importtime_summary, mappings_summary

_SHARED = {"startup_offscreen": "startup", "startup_xvfb": "startup",
           "restyle_text_size": "restyle", "restyle_contrast": "restyle",
           "cold_visit": "navigation", "warm_tap": "navigation"}


def _startup(ctx: Context) -> dict[str, Any]:
    """``python -X importtime`` and ``python -m cProfile`` of the kiosk up to its first frame."""
    env = {**ctx.env(), "KHOJALY_FIRST_PAINT": "quit"}
    imports = subprocess.run([ctx.python, "-X", "importtime", *KIOSK], env=env, text=True,
                             capture_output=True, timeout=300, check=False)
    out = ctx.work / "startup.prof"
    subprocess.run([ctx.python, "-m", "cProfile", "-o", str(out), *KIOSK], env=env,
                   capture_output=True, timeout=300, check=False)
    result: dict[str, Any] = {"importtime": importtime_summary(imports.stderr)}
    causes = [result["importtime"]["cause"]]
    if out.is_file():
        result["cprofile"] = cprofile_summary(str(out))
        causes.append("start-up code: " + result["cprofile"]["cause"])
    result["cause"] = " | ".join(causes)
    return result


def _worker_profile(ctx: Context, job: str, key: str, args: list[str],
                    profile: tuple[str, ...]) -> dict[str, Any]:
    r = ctx.worker(job, *args, profile=profile)
    found: dict[str, Any] = r[key]
    if "cause" not in found and "python" in found:
        found["cause"] = found["python"]["cause"]
    return found


def _idle(ctx: Context, figure: dict[str, Any]) -> dict[str, Any]:
    seconds = str(figure["detail"].get("idle_seconds", 20))
    r = ctx.worker("idle", "--seconds", seconds)
    mapped = figure["detail"].get("kiosk_mappings_mib", {})
    r["mappings"] = [{"mapping": k, "pss_mib": v} for k, v in mapped.items()]
    top = ", ".join(f"{k} {v} MiB" for k, v in list(mapped.items())[:6])
    r["cause"] = (f"PSS by mapping: {top} | {r['python']['cause']} | glibc gave back "
                  f"{r['malloc_trim_returned_mib']} MiB on malloc_trim after "
                  f"{seconds} s idle")
    return r


def _screens(ctx: Context, made: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], str]:
    """What the screens prepared ahead of their first visit hold, with and without the
    application stylesheet (two kiosk processes, made once per run); and that in a sentence."""
    if "screens" not in made:
        styled, bare = ctx.worker("screens"), ctx.worker("screens", "--no-stylesheet")
        made["screens"] = {"with_stylesheet": styled, "without_stylesheet": bare}
    styled, bare = made["screens"]["with_stylesheet"], made["screens"]["without_stylesheet"]
    top = ", ".join(f"{row['screen']} {row['pss_mib']} MiB ({row['widgets']} widgets)"
                    for row in styled["screens"][:4])
    per_widget = ((styled["screens_pss_mib"] - bare["screens_pss_mib"]) * 1024
                  / max(1, styled["screens_widgets"]))
    sentence = (
        f"the {len(styled['screens'])} screens prepared ahead of their first visit hold "
        f"{styled['screens_pss_mib']} MiB ({top}; {styled['screens_widgets']} widgets in all); "
        f"without the application stylesheet they hold {bare['screens_pss_mib']} MiB and the "
        f"whole kiosk {round(styled['pss_mib'] - bare['pss_mib'], 1)} MiB less: Qt's "
        f"per-widget stylesheet state is ~{per_widget:.0f} KiB a widget")
    tables = {"with_stylesheet": styled["screens"], "without_stylesheet": bare["screens"]}
    return tables, sentence


def _growth(ctx: Context) -> dict[str, Any]:
    warmup = "200" if ctx.quick else "5000"
    r = ctx.worker("growth", "--warmup", warmup, profile=("memory_growth",))
    found: dict[str, Any] = r["memory_growth_profile"]
    grown = ", ".join(f"{t['type']} +{t['grew']}" for t in found["types_grown"][:5])
    start, warmed = r["start"], found["after_warmup"]
    found["cause"] = (
        f"over the first {found['taps']} taps (traced): {found['python']['cause']}; "
        f"object counts grown: {grown}; widgets {start['widgets']:.0f} -> "
        f"{warmed['widgets']:.0f}; malloc_trim then returned "
        f"{found['malloc_trim_returned_mib']} MiB")
    return found


def profile(ctx: Context, figure: dict[str, Any], made: dict[str, dict[str, Any]]
            ) -> dict[str, Any] | None:
    """The profile of ``figure`` (made once per shared run and kept in ``made``)."""
    key = figure["key"]
    shared = _SHARED.get(key, key)
    if shared in made:
        return made[shared]
    found: dict[str, Any] | None
    if shared == "startup":
        found = _startup(ctx)
    elif key == "idle_pss":
        found = _idle(ctx, figure)
        found["screens"], sentence = _screens(ctx, made)
        found["cause"] = f"{sentence} | {found['cause']}"
    elif key == "memory_growth":
        found = _growth(ctx)
    elif key == "name_keystroke":
        from _names_data import cached_names_archive

        archive = cached_names_archive(100_000 if ctx.quick else 1_000_000)
        found = _worker_profile(ctx, "names", "names_profile",
                                ["--names-dir", str(archive), "--queries", "20"], (key,))
    elif shared == "restyle":
        found = _worker_profile(ctx, "restyle", "restyle_profile", ["--rounds", "1"],
                                ("restyle_text_size",))
    elif key == "language_switch":
        found = _worker_profile(ctx, "language", "language_profile", ["--rounds", "1"], (key,))
    elif shared == "navigation":
        r = ctx.worker("navigation", "--rounds", "2", profile=("cold_visit", "warm_tap"))
        made["cold_visit"], made["warm_tap"] = r["cold_visit_profile"], r["warm_tap_profile"]
        return made[key]
    elif key == "timeline_pss":
        r = ctx.worker("timeline", "--swipes", "20", profile=(key,))
        found = r.get("timeline_profile") or mappings_summary({})
        found["screens"], sentence = _screens(ctx, made)
        found["cause"] = f"{sentence} | {found.get('cause', '')}"
    else:
        found = None
    if found is not None:
        made[shared] = found
    return found
