"""Turning profiles into a few named causes: cProfile, ``-X importtime``, tracemalloc, smaps.

Each summary is a small JSON-able dict with a ``top`` list and one ``cause`` sentence that
names the largest contributors, for the report of a figure that misses its goal.
"""

from __future__ import annotations

import cProfile
import pstats
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from _common import MIB, ROOT

_SITE = re.compile(r".*/site-packages/")


def _where(filename: str) -> str:
    """A short place: ``khojaly_kiosk/ui/shell.py``, ``sqlalchemy/orm/...``, or the builtin."""
    if filename.startswith("~") or filename.startswith("<"):
        return ""
    short = _SITE.sub("", filename)
    for prefix in (str(ROOT / "src") + "/", str(ROOT) + "/"):
        short = short.removeprefix(prefix)
    return short


def _label(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    where = _where(filename)
    return f"{where}:{line}({name})" if where else name


@contextmanager
def profiled(enabled: bool, out: dict[str, Any], key: str = "cprofile",
             top: int = 18) -> Iterator[None]:
    """Run the block under cProfile if ``enabled``; put its summary in ``out[key]``."""
    if not enabled:
        yield
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        out[key] = cprofile_summary(profile, top)


def cprofile_summary(profile: cProfile.Profile | str, top: int = 18) -> dict[str, Any]:
    """The project's functions by cumulative time, and every function by own time (from a
    profile, or the path of one that ``python -m cProfile -o`` wrote)."""
    stats = pstats.Stats(profile)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]

    def ours(func: tuple[str, int, str]) -> bool:
        return _label(func).startswith("khojaly_kiosk/") and func[2] != "<module>"

    # A project function's "exclusive" time: its cumulative time less what it spent in the
    # project functions it called and in imports (reported by -X importtime instead), i.e.
    # its own code and the library calls it made itself.
    # Qt calls back into Python (a signal's slot, an overridden event handler) from inside a
    # builtin such as ``emit`` or ``setCurrentWidget``: such builtins are seen through, their
    # share going to the project functions that called them.
    imports = {"_find_and_load", "_handle_fromlist", "_call_with_frames_removed"}
    in_callees: dict[Any, float] = {}

    def charge(caller: Any, seconds: float, callee: Any) -> None:
        if ours(caller) and caller != callee:
            in_callees[caller] = in_callees.get(caller, 0.0) + seconds
        elif caller[0] == "~" and caller in raw:
            through = raw[caller]
            for upper, entry in through[4].items():
                if through[3] > 0 and ours(upper) and upper != callee:
                    share = seconds * entry[3] / through[3]
                    in_callees[upper] = in_callees.get(upper, 0.0) + share

    for func, (_cc, _nc, _tt, _cum, callers) in raw.items():
        if ours(func) or (func[0].startswith("<frozen importlib") and func[2] in imports):
            for caller, entry in callers.items():
                charge(caller, entry[3], func)
    total = max((cum for (_cc, _nc, _tt, cum, _callers) in raw.values()), default=0.0)
    rows = [{"function": _label(func), "calls": nc, "own_ms": round(tt * 1000, 1),
             "cumulative_ms": round(cum * 1000, 1),
             "exclusive_ms": round(max(0.0, cum - in_callees.get(func, 0.0)) * 1000, 1)}
            for func, (_cc, nc, tt, cum, _callers) in raw.items()]
    bench = ("benchmarks/", "_common.py", "_kiosk.py")
    project = [r for r, func in zip(rows, raw, strict=True) if ours(func)]
    project.sort(key=lambda r: -float(r["cumulative_ms"]))
    exclusive = sorted(project, key=lambda r: -float(r["exclusive_ms"]))
    own = [r for r in rows if not any(b in str(r["function"]) for b in bench)]
    own.sort(key=lambda r: -float(r["own_ms"]))
    cause = "; ".join(f"{r['function']} {r['exclusive_ms']:.0f} ms (of "
                      f"{r['cumulative_ms']:.0f} ms, {r['calls']} calls)"
                      for r in exclusive[:3])
    hot = ", ".join(f"{r['function']} {r['own_ms']:.0f} ms" for r in own[:3])
    return {"total_ms": round(total * 1000, 1),
            "project_by_exclusive_time": exclusive[:top],
            "project_by_cumulative": project[:top], "by_own_time": own[:top],
            "cause": f"{cause or 'no project function dominates'}; hottest own time: {hot}"}


# --- python -X importtime ----------------------------------------------------------------------

_IMPORT = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)")


def importtime_summary(stderr: str, top: int = 15) -> dict[str, Any]:
    """Where import time goes: by top-level package (own time), the project's modules by
    cumulative time, and for each heavy third-party package the project module that pulled
    it in first."""
    entries: list[tuple[int, int, int, str]] = []  # (level, self us, cumulative us, module)
    for line in stderr.splitlines():
        match = _IMPORT.match(line)
        if match:
            entries.append((len(match.group(3)) // 2, int(match.group(1)),
                            int(match.group(2)), match.group(4)))
    parent: dict[int, int | None] = {}
    stack: list[tuple[int, int]] = []  # (level, index) while walking backwards (pre-order)
    for index in range(len(entries) - 1, -1, -1):
        level = entries[index][0]
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent[index] = stack[-1][1] if stack else None
        stack.append((level, index))
    by_package: dict[str, int] = {}
    for _level, own, _cum, module in entries:
        package = module.split(".")[0]
        by_package[package] = by_package.get(package, 0) + own
    packages = sorted(by_package.items(), key=lambda kv: -kv[1])
    ours = sorted((e for e in entries if e[3].startswith("khojaly_kiosk")),
                  key=lambda e: -e[2])
    via: dict[str, str] = {}
    for index, (_level, _own, _cum, module) in enumerate(entries):
        package = module.split(".")[0]
        if package == "khojaly_kiosk" or package in via:
            continue
        up = parent.get(index)
        while up is not None and not entries[up][3].startswith("khojaly_kiosk"):
            up = parent.get(up)
        if up is not None:
            via[package] = entries[up][3]
    total = sum(own for _l, own, _c, _m in entries)
    top_packages = [{"package": p, "own_ms": round(us / 1000, 1), "first_imported_by":
                     via.get(p, "")} for p, us in packages[:top]]
    cause = "; ".join(
        f"{p['package']} {p['own_ms']:.0f} ms" + (f" (via {p['first_imported_by']})"
                                                  if p["first_imported_by"] else "")
        for p in top_packages[:5])
    return {"total_import_ms": round(total / 1000, 1), "packages": top_packages,
            "project_modules_by_cumulative": [
                {"module": m, "cumulative_ms": round(c / 1000, 1), "own_ms": round(o / 1000, 1)}
                for _l, o, c, m in ours[:top]],
            "cause": f"imports {total / 1000:.0f} ms: {cause}"}


# --- memory --------------------------------------------------------------------------------------


def mappings_summary(by_mapping: dict[str, int], top: int = 12) -> dict[str, Any]:
    """PSS per mapping (anonymous memory, [heap], each library), largest first."""
    rows = sorted(by_mapping.items(), key=lambda kv: -kv[1])
    total = sum(by_mapping.values())
    listed = [{"mapping": name, "pss_mib": round(size / MIB, 1)} for name, size in rows[:top]]
    cause = ", ".join(f"{r['mapping']} {r['pss_mib']:.1f} MiB" for r in listed[:6])
    return {"total_pss_mib": round(total / MIB, 1), "mappings": listed,
            "cause": f"PSS {total / MIB:.0f} MiB: {cause}"}


def tracemalloc_diff(before: Any, after: Any, top: int = 15) -> dict[str, Any]:
    """What Python allocated between two tracemalloc snapshots and still holds, by line and
    by file."""
    lines = after.compare_to(before, "lineno")
    files = after.compare_to(before, "filename")

    def rows(stats: list[Any]) -> list[dict[str, Any]]:
        grown = [s for s in stats if s.size_diff > 0]
        return [{"where": f"{_where(s.traceback[0].filename)}:{s.traceback[0].lineno}"
                 if s.traceback else "?", "grew_kib": round(s.size_diff / 1024, 1),
                 "blocks": s.count_diff} for s in grown[:top]]

    by_file = rows(files)
    for row in by_file:
        row["where"] = str(row["where"]).rsplit(":", 1)[0]
    total = sum(s.size_diff for s in files)
    cause = ", ".join(f"{r['where']} +{r['grew_kib']:.0f} KiB" for r in by_file[:4])
    return {"python_heap_growth_kib": round(total / 1024, 1), "by_line": rows(lines),
            "by_file": by_file, "cause": f"Python objects +{total / MIB:.1f} MiB: {cause}"}


def top_types(counts: dict[str, int], earlier: dict[str, int], top: int = 10
              ) -> list[dict[str, Any]]:
    """Object types whose count grew the most between ``earlier`` and ``counts``."""
    grown = sorted(((name, n - earlier.get(name, 0)) for name, n in counts.items()),
                   key=lambda kv: -kv[1])
    return [{"type": name, "grew": diff} for name, diff in grown[:top] if diff > 0]


def type_counts() -> dict[str, int]:
    import gc

    counts: dict[str, int] = {}
    for obj in gc.get_objects():
        name = type(obj).__qualname__
        counts[name] = counts.get(name, 0) + 1
    return counts


def tracemalloc_by_package(snapshot: Any, top: int = 12) -> dict[str, Any]:
    """Python allocations alive in ``snapshot``, by package (a site-packages distribution,
    a room of the kiosk, or the standard library)."""
    totals: dict[str, int] = {}
    for stat in snapshot.statistics("filename"):
        filename = stat.traceback[0].filename if stat.traceback else "?"
        where = _where(filename)
        parts = where.split("/")
        if filename.startswith("<frozen importlib"):
            key = "imported code (importlib)"
        elif not where:
            key = filename
        elif where.startswith("khojaly_kiosk/"):
            key = "/".join(parts[:2]) if len(parts) > 2 else where
        elif "/lib/python" in filename and "site-packages" not in filename:
            key = "stdlib " + "/".join(filename.split("/lib/python", 1)[1].split("/")[1:3])
        else:
            key = parts[0]
        totals[key] = totals.get(key, 0) + stat.size
    rows = sorted(totals.items(), key=lambda kv: -kv[1])
    total = sum(totals.values())
    listed = [{"package": k, "mib": round(v / MIB, 2)} for k, v in rows[:top]]
    cause = ", ".join(f"{r['package']} {r['mib']:.1f} MiB" for r in listed[:5])
    return {"python_heap_mib": round(total / MIB, 1), "by_package": listed,
            "cause": f"Python objects {total / MIB:.0f} MiB: {cause}"}
