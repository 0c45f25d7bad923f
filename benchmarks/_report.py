"""``report.json`` and ``report.md``: every figure next to its goal, anchor, ratio and load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.1f}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _verdict(fig: dict[str, Any]) -> str:
    if fig.get("error"):
        return "error"
    if fig.get("skipped"):
        return "skipped"
    return {True: "met", False: "**missed**", None: "—"}[fig["goal_met"]]


def _load(fig: dict[str, Any]) -> str:
    load = fig.get("load") or {}
    before, after = load.get("before", {}), load.get("after", {})
    if not before:
        return "—"
    return f"{before['loadavg'][0]:.1f} → {after.get('loadavg', ['?'])[0]} ({before['cpus']} CPUs)"


def table(figures: list[dict[str, Any]]) -> list[str]:
    lines = ["| figure | goal | anchor, same run | kiosk now | ratio to anchor | goal | "
             "× goal | GUI/process CPU | load 1-min (before → after) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for fig in figures:
        unit = fig.get("unit", "")
        anchor = (f"{fig['anchor_label']}: {_num(fig['anchor'], unit)}"
                  if fig.get("anchor") is not None else (fig.get("anchor_label") or "—"))
        now = _num(fig.get("value"), unit)
        if fig.get("skipped"):
            now = f"skipped: {fig['skipped']}"
        if fig.get("error"):
            now = f"error: {fig['error'][:160]}"
        lines.append(f"| {fig['title']} | {fig['goal']} | {anchor} | {now} | "
                     f"{_ratio(fig.get('ratio'))} | {_verdict(fig)} | "
                     f"{_ratio(fig.get('times_goal'))} | "
                     f"{_num(fig.get('cpu_value'), unit)} | {_load(fig)} |")
    return lines


def _profile_lines(fig: dict[str, Any]) -> list[str]:
    found = fig.get("profile")
    if not found:
        return []
    lines = [f"### {fig['title']}", "", f"Cause: {found.get('cause', found.get('error', '?'))}",
             ""]
    for name, rows in _profile_tables(found):
        lines.append(f"{name}:")
        lines.append("")
        for row in rows[:10]:
            lines.append("- " + ", ".join(f"{k} {v}" for k, v in row.items()))
        lines.append("")
    return lines


def _profile_tables(found: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The lists inside a profile summary (nested one level), for the Markdown report."""
    tables: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in found.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            tables.append((key.replace("_", " "), value))
        elif isinstance(value, dict):
            for sub, rows in value.items():
                if isinstance(rows, list) and rows and isinstance(rows[0], dict):
                    tables.append((f"{key} — {sub.replace('_', ' ')}", rows))
    return tables


def _detail_lines(fig: dict[str, Any]) -> list[str]:
    detail = {k: v for k, v in fig.get("detail", {}).items()
              if k not in ("samples", "kiosk", "bare", "chromium", "timelinejs")}
    if not detail:
        return []
    text = json.dumps(detail, ensure_ascii=False, default=str)
    if len(text) > 1800:
        text = text[:1800] + " …"
    return [f"- **{fig['key']}**: `{text}`"]


def write(out_dir: Path, report: dict[str, Any]) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "report.json"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str) + "\n",
                         encoding="utf-8")
    figures = report["figures"]
    machine = report["machine"]
    lines = [
        "# Benchmark report (issue 13)", "",
        f"`{report['command']}` — {report['started']} to {report['finished']}"
        f"{' (QUICK: reduced rounds and data, for smoke tests only)' if report['quick'] else ''}.",
        "",
        f"Machine: {machine['cpus']} CPUs, Python {machine['python']}, PySide6 "
        f"{machine['pyside6']}, commit {machine['commit']}. Load average at the start "
        f"{report['load']['start']['loadavg']}, at the end {report['load']['end']['loadavg']}.",
        "",
        "Medians of interleaved runs (start-up: kiosk and bare window alternately); p95 where "
        "the goal says p95. Times are wall clock from the tap (or the process start) to the "
        "paint; the CPU column is the GUI thread's CPU time over the same span (start-up: the "
        "process's user+system time of its whole life), which a busy machine inflates far "
        "less. All names are SYNTHETIC (generated syllables); everything else is the shipped "
        "demo archive.", "",
        *table(figures), "",
    ]
    missed = [f for f in figures if f.get("profile")]
    if missed:
        lines += ["## Profiles: the figures that miss their goal (and what grows during the "
                  "memory warm-up)", ""]
        for fig in missed:
            lines += _profile_lines(fig)
    lines += ["## Details", ""]
    for fig in figures:
        lines += _detail_lines(fig)
    if report.get("notes"):
        lines += ["", "## Notes", "", *[f"- {note}" for note in report["notes"]]]
    md_path = out_dir / "report.md"
    md_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return json_path, md_path
