"""kill: SIGKILL real ``khojaly-kiosk`` processes (import, rollback, start-up) mid-write.

Triggers:
- ``point``: the importer's named write points (``pipeline.checkpoint``: the process stops
  at the point when ``KHOJALY_TEST_PAUSE_AT`` names it) - import and the first start, which
  imports the demo;
- ``write``: before the Nth write into the data folder (``torturelib.child``: audit hooks);
- ``random``: after a random delay (full run only: wall-clock moments are not repeatable).

After each kill the whole process group is gone (the image workers too, as on power loss),
and the data folder must hold: the old or the new generation live, passing integrity_check
(``old-or-new``); every generation that existed before byte-identical (``live-unchanged``);
state.sqlite intact with its PIN and candles (``state``); a next start that serves a good
generation without a traceback (``next-start``); leftovers cleaned by that start or named by
it or by ``doctor`` (``leftovers``); and a next import that succeeds (``next-import``).
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from torturelib.common import (
    Case,
    SuiteResult,
    Timer,
    child_env,
    db_problem,
    generation_version,
    guarded,
    kiosk_argv,
    pointer,
    read_state,
    run_cli,
    snapshot,
    write_config,
)
from torturelib.fixture import Fixture

SUITE = "kill"
CHECKS = ("old-or-new", "live-unchanged", "state", "next-start", "leftovers", "next-import",
          "harness")
FAMILIES = ("import-point", "import-write", "import-random", "rollback-write",
            "rollback-random", "start-write", "start-random", "first-start-point",
            "first-start-write", "first-start-random", "fallback-write", "fallback-random")
QUICK_FAMILIES = ("import-point", "first-start-point", "rollback-write", "start-write",
                  "fallback-write")  # what --quick runs
# The importer's own mechanism (content.pipeline.checkpoint).
PAUSE_ENV, MARKER_ENV = "KHOJALY_TEST_PAUSE_AT", "KHOJALY_TEST_MARKER"
BROKEN = -1  # a pointer that may stay on the damaged generation the start falls back from
ANY = 0  # a generation of any package version (the demo)
_COMPLETE = re.compile(r"^gen-\d{6}$")


def write_points() -> tuple[str, ...]:
    from torturelib.common import src_importable

    src_importable()
    for module in ("khojaly_kiosk.content.install", "khojaly_kiosk.content.pipeline",
                   "khojaly_kiosk.content.package.pipeline"):
        try:
            return tuple(__import__(module, fromlist=["WRITE_POINTS"]).WRITE_POINTS)
        except (ImportError, AttributeError):
            continue
    raise RuntimeError("WRITE_POINTS of the import pipeline not found; update kill.py")


@dataclass
class Op:
    """An operation to kill, and what the data folder may look like afterwards."""

    kind: str
    live: int  # packages imported before (0: an empty data folder, demo mode on)
    args: list[str]
    acceptable: dict[str | None, int]  # pointer after the kill -> package version it holds
    served: set[str]  # generations the next start may serve
    next_version: int
    prepare: Callable[[Path], None] | None = None
    changes: set[str] = field(default_factory=set)  # generations that may change (damaged)


def _break_live(data: Path) -> None:
    (data / "archives" / "gen-000002" / "archive.sqlite").write_bytes(b"not a database" * 99)


def operations(fx: Fixture, variant: str = "zip") -> dict[str, Op]:
    run = ["run", "--quit-after", "1"]
    package = str(fx.package(2, zip=variant == "zip"))
    return {
        "import": Op("import", 1, ["import", package], {"gen-000001": 1, "gen-000002": 2},
                     {"gen-000001", "gen-000002"}, 3),
        "rollback": Op("rollback", 2, ["rollback"], {"gen-000002": 2, "gen-000001": 1},
                       {"gen-000001", "gen-000002"}, 3),
        "start": Op("start", 2, run, {"gen-000002": 2}, {"gen-000002"}, 3),
        # Killed between the switch and its demo-digest.txt, the demo is rebuilt: gen 2.
        "first-start": Op("first-start", 0, run, {None: ANY, "gen-000001": ANY},
                          {"gen-000001", "gen-000002"}, 1),
        "fallback": Op("fallback", 2, run, {"gen-000002": BROKEN, "gen-000001": 1},
                       {"gen-000001"}, 3, prepare=_break_live, changes={"gen-000002"}),
    }


def prepare(fx: Fixture, op: Op, data: Path) -> Path:
    if op.live:
        fx.fresh(op.live, data)
    else:
        shutil.rmtree(data, ignore_errors=True)
        write_config(data, [fx.trusted.public_hex], demo_mode=True)
    if op.prepare:
        op.prepare(data)
    return data


def _generations(data: Path) -> dict[str, dict[str, str]]:
    archives = data / "archives"
    if not archives.is_dir():
        return {}
    return {p.name: snapshot(p) for p in archives.iterdir()
            if _COMPLETE.match(p.name) and (p / "archive.sqlite").is_file()}


# ---- one kill ----------------------------------------------------------------------------


@dataclass
class Trigger:
    how: str  # "point", "write" or "random"
    value: str | int | float
    label: str = ""


def _launch_and_kill(data: Path, op: Op, trigger: Trigger, tmp: Path) -> str:
    """Start the operation, kill its process group at the trigger; what happened."""
    marker = tmp / "marker"
    marker.unlink(missing_ok=True)
    extra = {"TORTURE_WATCH": str(data), MARKER_ENV: str(marker), "TORTURE_MARKER": str(marker)}
    argv = kiosk_argv(data, *op.args)
    if trigger.how == "point":
        extra[PAUSE_ENV] = str(trigger.value)
    elif trigger.how == "write":
        extra["TORTURE_PAUSE_EVENT"] = str(trigger.value)
        argv = [sys.executable, "-m", "torturelib.child", "--data-dir", str(data), *op.args]
    process = subprocess.Popen(argv, env=child_env(extra), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + (float(trigger.value) if trigger.how == "random" else 180)
    outcome = ""
    try:
        while True:
            if process.poll() is not None:
                outcome = f"finished (exit {process.returncode}) before the kill"
                break
            if trigger.how != "random" and marker.exists():
                outcome = f"killed at {marker.read_text('utf-8')[:120]}"
                break
            if time.monotonic() >= deadline:
                outcome = (f"killed after {float(trigger.value):.3f} s"
                           if trigger.how == "random" else "never reached the trigger; killed")
                break
            time.sleep(0.005)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        with contextlib.suppress(ProcessLookupError):  # what the group left (image workers)
            os.killpg(process.pid, signal.SIGKILL)
    return outcome


def kill_case(fx: Fixture, op: Op, family: str, trigger: Trigger, folder: Path) -> Case:
    timer = Timer()
    case = Case(SUITE, family, f"{op.kind} {trigger.label}")
    data = prepare(fx, op, folder / "data")
    before = _generations(data)
    state_before = read_state(data / "state.sqlite") if op.live else None
    case.outcome = _launch_and_kill(data, op, trigger, folder)
    _judge_after_kill(case, op, data, before, state_before)
    _judge_next_start(case, fx, op, data)
    case.seconds = timer()
    return case


def _judge_after_kill(case: Case, op: Op, data: Path, before: dict[str, dict[str, str]],
                      state_before: object) -> None:
    live = pointer(data)
    if live not in op.acceptable:
        case.fail("old-or-new", f"current names {live!r}, not one of "
                  f"{sorted(str(k) for k in op.acceptable)} ({case.outcome})")
    elif live is not None and op.acceptable[live] != BROKEN:
        folder = data / "archives" / live
        problem = db_problem(folder / "archive.sqlite")
        version = generation_version(folder)
        if problem:
            case.fail("old-or-new", f"the live {live} is damaged: {problem} ({case.outcome})")
        elif op.acceptable[live] not in (ANY, version):
            case.fail("old-or-new", f"the live {live} holds version {version}, expected "
                      f"{op.acceptable[live]} ({case.outcome})")
    after = _generations(data)
    for name, files in before.items():
        if name in op.changes:
            continue
        if name not in after:
            case.fail("live-unchanged", f"{name} is gone ({case.outcome})")
        elif after[name] != files:
            changed = sorted(k for k in files.keys() | after[name].keys()
                             if files.get(k) != after[name].get(k))
            case.fail("live-unchanged", f"{name} changed: {', '.join(changed[:4])} "
                      f"({case.outcome})")
    state_file = data / "state.sqlite"
    if state_before is not None:
        state_after = read_state(state_file)
        if state_after != state_before:
            case.fail("state", f"state.sqlite: {state_after} ({case.outcome})")
    elif state_file.exists() and db_problem(state_file):
        case.fail("state", f"{db_problem(state_file)} ({case.outcome})")


def leftovers(data: Path) -> list[str]:
    """What a killed operation left that no finished one would have."""
    found: list[str] = []
    staging = data / "staging"
    if staging.is_dir():
        found += [f"staging/{p.name}" for p in staging.iterdir()]
    archives = data / "archives"
    generations = set()
    live = pointer(data)
    if archives.is_dir():
        for entry in archives.iterdir():
            if entry.name == "current" or ".corrupt-" in entry.name:
                continue
            if not _COMPLETE.match(entry.name) or not entry.is_dir():
                found.append(f"archives/{entry.name}")
                continue
            generations.add(entry.name)
            if not (entry / "archive.sqlite").is_file():
                found.append(f"archives/{entry.name} (no archive.sqlite)")
            elif entry.name != live and not (data / "packages" / entry.name).is_dir():
                found.append(f"archives/{entry.name} (never went live, no kept package)")
            found += [f"archives/{entry.name}/{p.name}" for p in entry.iterdir()
                      if p.name.startswith("archive.building")]
    packages = data / "packages"
    if packages.is_dir():
        # The package of a generation moved aside as damaged is kept to rebuild it from.
        aside = {p.name.split(".corrupt-")[0] for p in archives.glob("gen-*.corrupt-*")}
        found += [f"packages/{p.name}" for p in packages.iterdir()
                  if p.name not in generations | aside]
    if (data / "cache" / "demo-build").exists():
        found.append("cache/demo-build")
    return found


def _log_size(data: Path) -> int:
    log = data / "logs" / "kiosk.log"
    return log.stat().st_size if log.is_file() else 0


def _new_log(data: Path, offset: int) -> str:
    log = data / "logs" / "kiosk.log"
    if not log.is_file():
        return ""
    with log.open("rb") as handle:
        handle.seek(offset)
        return handle.read().decode("utf-8", "replace")


def _judge_next_start(case: Case, fx: Fixture, op: Op, data: Path) -> None:
    offset = _log_size(data)
    started = run_cli(data, "run", "--quit-after", "0.2", timeout=180)
    log = _new_log(data, offset)
    served = pointer(data)
    if started.rc != 0 or started.traceback:
        case.fail("next-start", f"exit {started.rc}: {started.tail()}")
    elif "The archive is unavailable" in log:
        case.fail("next-start", f"the calm unavailable screen instead of {sorted(op.served)}"
                  f" ({case.outcome})")
    elif served not in op.served:
        case.fail("next-start", f"serves {served!r}, expected one of {sorted(op.served)} "
                  f"({case.outcome})")
    elif db_problem(data / "archives" / served / "archive.sqlite"):
        case.fail("next-start", f"serves the damaged {served} ({case.outcome})")
    left = leftovers(data)
    if left:
        doctor = run_cli(data, "doctor", timeout=120)
        said = (log + doctor.text).lower()
        reported = any(word in said for word in ("leftover", "left over", "unfinished"))
        if not reported:
            case.fail("leftovers", f"{', '.join(left[:4])} stayed, named neither by the "
                      f"next start nor by doctor ({case.outcome})")
    package = fx.package(op.next_version, zip=True)
    follow = run_cli(data, "import", str(package), timeout=300)
    if follow.rc != 0 or follow.traceback or "is now live" not in follow.text:
        case.fail("next-import", f"exit {follow.rc}: {follow.tail()}")
    else:  # what an import clears (staging, unfinished generations); the rest: "leftovers"
        left = [item for item in leftovers(data) if item.startswith(("staging/", "archives/"))]
        if left:
            case.fail("next-import", f"left {', '.join(left[:4])}")


# ---- the suite ---------------------------------------------------------------------------


def count_writes(fx: Fixture, op: Op, folder: Path) -> tuple[list[str], float]:
    """Run the operation once to the end, listing its writes; (writes, seconds)."""
    data = prepare(fx, op, folder / "data")
    out = folder / "writes.txt"
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "torturelib.child", "--data-dir", str(data),
                    *op.args], env=child_env({"TORTURE_WATCH": str(data),
                                              "TORTURE_EVENTS_OUT": str(out)}),
                   capture_output=True, check=False, timeout=300)
    seconds = time.monotonic() - started
    shutil.rmtree(data, ignore_errors=True)
    return (out.read_text("utf-8").splitlines() if out.is_file() else []), seconds


def _pick(writes: list[str], quick: bool, limit: int, rng: random.Random,
          prefer: tuple[str, ...]) -> list[int]:
    """1-based write numbers: in quick runs the first preferred ones, else all (or a sample
    of ``limit`` that keeps every rename and removal)."""
    preferred = [i + 1 for i, w in enumerate(writes) if w.startswith(prefer)]
    if quick:
        return preferred[:2] or [1]
    every = list(range(1, len(writes) + 1))
    if len(every) <= limit:
        return every
    keep = set(preferred) | set(rng.sample(every, max(0, limit - len(preferred))))
    return sorted(keep)


def plan(fx: Fixture, quick: bool, seed: int, folder: Path, only: str = ""
         ) -> list[tuple[Op, str, Trigger]]:
    """The cases; each kind draws from its own random stream, so ``only`` (which skips the
    kinds it cannot match, and their slow counting runs) leaves the others' cases as they
    were. Random moments depend on measured durations: they do not repeat exactly."""
    ops = operations(fx)
    cases: list[tuple[Op, str, Trigger]] = []
    points = write_points()
    variants = ["zip"] if quick else ["zip", "folder"]
    for variant in variants:
        op = operations(fx, variant)["import"]
        cases += [(op, "import-point", Trigger("point", p, f"{variant} @ {p}")) for p in points]
    cases += [(ops["first-start"], "first-start-point", Trigger("point", p, f"@ {p}"))
              for p in (["switched"] if quick else points)]
    limits = {"import": 60, "rollback": 40, "start": 40, "first-start": 60, "fallback": 40}
    prefer = ("os.rename", "os.remove", "shutil.rmtree", "sqlite3.connect")
    for kind, limit in limits.items():
        if quick and kind in ("import", "first-start"):
            continue  # the named points cover them in CI
        if only and only.split(" ")[0] in limits and only.split(" ")[0] != kind:
            continue
        rng = random.Random(f"{seed}-{kind}")
        op = ops[kind]
        writes, seconds = count_writes(fx, op, folder / f"count-{kind}")
        for number in _pick(writes, quick, limit, rng, prefer):
            cases.append((op, f"{kind}-write",
                          Trigger("write", number, f"@ write {number}: {writes[number - 1]}")))
        if not quick:
            for _ in range(20 if kind in ("import", "first-start") else 10):
                delay = rng.uniform(0.05, seconds * 1.05)
                cases.append((op, f"{kind}-random", Trigger("random", delay,
                                                            f"@ {delay:.3f} s")))
    return cases


def run(fx: Fixture, work: Path, *, quick: bool, seed: int, jobs: int = 2, only: str = "",
        progress: Callable[[str], None] = print) -> SuiteResult:
    timer = Timer()
    work.mkdir(parents=True, exist_ok=True)
    for version in (1, 2, 3):  # built before the threads start
        fx.package(version, zip=True)
        fx.package(version)
    fx.data_dir(1)
    fx.data_dir(2)
    cases = [c for c in plan(fx, quick, seed, work, only)
             if only.lower() in f"{c[0].kind} {c[2].label}".lower()]
    progress(f"kill: {len(cases)} cases")
    result = SuiteResult(SUITE)

    def one(index: int) -> Case:
        op, family, trigger = cases[index]
        folder = work / f"case-{index:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        case = guarded(SUITE, family, f"{op.kind} {trigger.label}",
                       lambda: kill_case(fx, op, family, trigger, folder))
        shutil.rmtree(folder, ignore_errors=True)
        return case

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for done, case in enumerate(pool.map(one, range(len(cases))), 1):
            result.cases.append(case)
            if not case.survived or done % 10 == 0:
                mark = "ok  " if case.survived else "LOST"
                progress(f"  kill {done}/{len(cases)} {mark} {case.name}: "
                         f"{case.outcome}; {'; '.join(case.failures)}")
    result.seconds = timer()
    return result
