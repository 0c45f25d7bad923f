"""corrupt: damage the live archive, the ``current`` pointer or state.sqlite, then ask.

Each case starts from a data folder with generations 1 and 2 (2 live), a PIN and candles,
damages it, then:
1. runs ``status`` and ``doctor``: they must not change the data folder (``readonly``), must
   not print a traceback, and must tell the truth: name what is served and the damage
   (``status-truthful``, ``doctor-truthful``);
2. starts the kiosk (``run`` offscreen): exit 0, serving an expected generation with its
   original content, or the calm unavailable screen where nothing good is left (``start``);
3. asks ``doctor`` again: after a fallback it must say so (``doctor-after-fallback``);
   the PIN and candles must still be there unless state.sqlite itself was damaged (``state``).
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from torturelib.common import (
    Case,
    SuiteResult,
    Timer,
    db_problem,
    diff,
    guarded,
    pointer,
    read_state,
    run_cli,
    snapshot,
)
from torturelib.damages import GEN2, UNAVAILABLE, Damage, damages, db_of, locked
from torturelib.fixture import Fixture

SUITE = "corrupt"
CHECKS = ("readonly", "status-truthful", "doctor-truthful", "start", "doctor-after-fallback",
          "state", "harness")
FAMILIES = ("archive", "archive-flip", "media", "pointer", "state", "combined")
QUICK_FAMILIES = ("archive", "archive-flip", "pointer", "state", "combined")  # what --quick runs
# Words with which a sentence admits damage.
DAMAGE = re.compile(r"damag|corrupt|broken|unusable|cannot be read|fell back|fallen back|"
                    r"moved aside|not a generation|does not exist|missing|instead of|older",
                    re.IGNORECASE)


# ---- judging -----------------------------------------------------------------------------


def _dump(connection: sqlite3.Connection) -> list[Any]:
    """Schema and every row of every stored table, in a stable order. Virtual tables are
    judged by their shadow tables (a contentless FTS5 index cannot be scanned itself, so
    ``iterdump`` fails on it)."""
    schema = connection.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    dump: list[Any] = list(schema)
    for _type, name, sql in schema:
        if _type != "table" or (sql or "").upper().startswith("CREATE VIRTUAL"):
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        dump.append((name, sorted(connection.execute(f"SELECT * FROM {quoted}").fetchall(),
                                  key=repr)))
    return dump


def same_content(a: Path, b: Path) -> bool | None:
    """True when two archive files hold the same rows (judged on copies); None: unreadable."""
    with tempfile.TemporaryDirectory(prefix="torture-dump-") as tmp:
        dumps = []
        for index, db in enumerate((a, b)):
            copy = Path(tmp) / f"{index}.sqlite"
            shutil.copyfile(db, copy)
            try:
                connection = sqlite3.connect(copy)
                try:
                    dumps.append(_dump(connection))
                finally:
                    connection.close()
            except (sqlite3.Error, UnicodeDecodeError):
                return None
    return dumps[0] == dumps[1]


def _fix_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("FIX")]


def _judge_readonly(case: Case, data: Path, args: str, lock: bool) -> Any:
    before = snapshot(data)
    with locked(data / "state.sqlite") if lock else nullcontext():
        run = run_cli(data, args, timeout=120)
    changes = diff(before, snapshot(data))
    if changes:
        case.fail("readonly", f"`{args}` changed the data folder: {'; '.join(changes)}")
    return run


def corrupt_case(fx: Fixture, damage: Damage, folder: Path) -> Case:
    """Each command meets the damage afresh (a copy each), so one cannot hide another's."""
    timer = Timer()
    case = Case(SUITE, damage.family, damage.name)
    template = fx.data_dir(2)

    def damaged(name: str) -> Path:
        data = fx.fresh(2, folder / name)
        damage.apply(data)
        return data

    first = damaged("status")
    damage = _effective(damage, first, template)
    case.name = damage.name
    serve_gen = sorted(damage.serve - {UNAVAILABLE})
    status = _judge_readonly(case, first, "status", damage.hold_lock)
    if status.traceback:
        case.fail("status-truthful", f"traceback: {status.tail()}")
    # Where serving nothing is allowed for this damage, status may say that instead.
    elif serve_gen and not any(g in status.out for g in serve_gen) and not (
            UNAVAILABLE in damage.serve and "No usable content archive" in status.text):
        case.fail("status-truthful", f"does not name {' or '.join(serve_gen)}: {status.tail()}")
    elif damage.what in ("archive", "pointer") and not DAMAGE.search(status.text):
        case.fail("status-truthful", f"does not mention the damaged {damage.what}: "
                  f"{status.tail()}")
    elif not serve_gen and status.rc == 0:
        case.fail("status-truthful", f"exit 0 with nothing to serve: {status.tail()}")
    doctor = _judge_readonly(case, damaged("doctor"), "doctor", damage.hold_lock)
    _judge_doctor(case, "doctor-truthful", doctor, damage, serve_gen)
    data = damaged("start")
    with locked(data / "state.sqlite") if damage.hold_lock else nullcontext():
        start = run_cli(data, "run", "--quit-after", "0.3", timeout=120)
    log = (data / "logs" / "kiosk.log").read_text("utf-8", "replace") if (
        data / "logs" / "kiosk.log").is_file() else ""
    served = UNAVAILABLE if "The archive is unavailable" in log else pointer(data)
    case.outcome = f"served {served}"
    if start.rc != 0 or start.traceback:
        case.fail("start", f"exit {start.rc}: {start.tail()}")
    elif served not in damage.serve:
        case.fail("start", f"served {served}, expected {' or '.join(sorted(damage.serve))}")
    elif served != UNAVAILABLE and served is not None:
        db = db_of(data, served)
        original = db_of(template, served)
        if db_problem(db):
            case.fail("start", f"served {served}, which is damaged: {db_problem(db)}")
        elif (same := same_content(db, original)) is None:
            case.fail("start", f"served {served}, whose rows cannot be read")
        elif not same:
            case.fail("start", f"served {served} with altered rows (a silent corruption "
                      "that passed the start-up check)")
    if served not in (UNAVAILABLE, GEN2) and damage.what:
        after = run_cli(data, "doctor", timeout=120)
        if "Everything checked is in order" in after.text or not DAMAGE.search(
                "\n".join(_fix_lines(after.text))):
            case.fail("doctor-after-fallback", f"serving {served} in place of {GEN2}, doctor "
                      f"says: {' '.join(_fix_lines(after.text)) or after.tail()}")
    if damage.what != "state":  # a lock held by another process damages nothing
        state = read_state(data / "state.sqlite")
        expected = read_state(template / "state.sqlite")
        if state != expected:
            case.fail("state", f"state.sqlite is now {state}")
    case.seconds = timer()
    return case


def _effective(damage: Damage, data: Path, template: Path) -> Damage:
    """A random flip may land in unused bytes: then nothing is damaged and gen 2 is served.
    Judged on a copy, before any command runs. Where the generation records its file's
    SHA-256 (``archive.sha256``), every changed byte is damage the kiosk must see."""
    if damage.family not in ("archive", "archive-flip") or not (db_of(data)).is_file():
        return damage
    db = db_of(data)
    if db.with_name("archive.sha256").is_file():
        return damage
    if db_problem(db) is None and same_content(db, db_of(template, GEN2)):
        return replace(damage, serve={GEN2}, what="", name=damage.name + " (harmless)")
    return damage


def _judge_doctor(case: Case, check: str, doctor: Any, damage: Damage,
                  serve_gen: list[str]) -> None:
    fixes = _fix_lines(doctor.text)
    if doctor.traceback:
        case.fail(check, f"traceback: {doctor.tail()}")
    elif damage.what and "Everything checked is in order" in doctor.text:
        case.fail(check, f"says everything is in order with a damaged {damage.what}")
    elif damage.what in ("archive", "pointer", "media") and not any(
            line.startswith("FIX  archive") for line in fixes):
        case.fail(check, f"no FIX line for the damaged {damage.what}: {' '.join(fixes)}")
    elif damage.what == "state" and not any("state" in f.lower() or "PIN" in f for f in fixes):
        case.fail(check, f"no FIX line for the damaged state.sqlite: {' '.join(fixes)}")
    elif serve_gen and "No archive is installed" in doctor.text:
        case.fail(check, f"says no archive is installed while {serve_gen[0]} is good")


def run(fx: Fixture, work: Path, *, quick: bool, seed: int, jobs: int = 2, only: str = "",
        progress: Callable[[str], None] = print) -> SuiteResult:
    timer = Timer()
    work.mkdir(parents=True, exist_ok=True)
    fx.data_dir(2)
    cases = [d for d in damages(quick, random.Random(seed)) if only.lower() in d.name.lower()]
    progress(f"corrupt: {len(cases)} cases")
    result = SuiteResult(SUITE)

    def one(index: int) -> Case:
        folder = work / f"case-{index:04d}"
        damage = cases[index]
        case = guarded(SUITE, damage.family, damage.name,
                       lambda: corrupt_case(fx, damage, folder))
        shutil.rmtree(folder, ignore_errors=True)
        return case

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for case in pool.map(one, range(len(cases))):
            result.cases.append(case)
            mark = "ok  " if case.survived else "LOST"
            progress(f"  corrupt {mark} {case.name}: {case.outcome}; "
                     f"{'; '.join(case.failures)}")
    result.seconds = timer()
    return result
