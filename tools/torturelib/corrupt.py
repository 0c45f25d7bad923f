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
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
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
from torturelib.fixture import Fixture

SUITE = "corrupt"
CHECKS = ("readonly", "status-truthful", "doctor-truthful", "start", "doctor-after-fallback",
          "state", "harness")
FAMILIES = ("archive", "archive-flip", "media", "pointer", "state", "combined")
QUICK_FAMILIES = ("archive", "archive-flip", "pointer", "state", "combined")  # what --quick runs
UNAVAILABLE = "unavailable"
GEN1, GEN2 = "gen-000001", "gen-000002"
# Words with which a sentence admits damage.
DAMAGE = re.compile(r"damag|corrupt|broken|unusable|cannot be read|fell back|fallen back|"
                    r"moved aside|not a generation|does not exist|missing|instead of|older",
                    re.IGNORECASE)


@dataclass
class Damage:
    family: str
    name: str
    apply: Callable[[Path], None]
    serve: set[str]  # generations the kiosk may serve, or UNAVAILABLE
    what: str  # "archive", "pointer", "state", "media" or "" (nothing is damaged for real)
    hold_lock: bool = False


# ---- the damage ------------------------------------------------------------------------------


def _db(data: Path, gen: str = GEN2) -> Path:
    return data / "archives" / gen / "archive.sqlite"


def _truncate(fraction: float, gen: str = GEN2) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        db = _db(data, gen)
        size = db.stat().st_size
        with db.open("r+b") as handle:
            handle.truncate(int(size * fraction))
    return apply


def _write_at(offset: int, data_bytes: bytes, gen: str = GEN2) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        with _db(data, gen).open("r+b") as handle:
            handle.seek(offset)
            handle.write(data_bytes)
    return apply


def _replace(target: Callable[[Path], Path], content: bytes | None) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = target(data)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        if content is not None:
            path.write_bytes(content)
    return apply


def _flip(seed: int, count: int) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        rng = random.Random(seed)
        db = _db(data)
        raw = bytearray(db.read_bytes())
        page = 4096
        for _ in range(count):
            at = rng.randrange(page if len(raw) > 2 * page else 0, len(raw))
            raw[at] ^= rng.randrange(1, 256)
        db.write_bytes(bytes(raw))
    return apply


def _flip_text(text: bytes) -> Callable[[Path], None]:
    """Change one letter of a row's text where it is stored: a "silent" corruption."""
    def apply(data: Path) -> None:
        raw = bytearray(_db(data).read_bytes())
        at = raw.find(text.rstrip(b","))
        if at < 0:
            raise RuntimeError(f"{text!r} is not in the archive file")
        raw[at + 5] ^= 0x20  # "Name" -> "name"
        _db(data).write_bytes(bytes(raw))
    return apply


def _then(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        for step in steps:
            step(data)
    return apply


def _pointer(data: Path) -> Path:
    return data / "archives" / "current"


def _state(data: Path) -> Path:
    return data / "state.sqlite"


def _copy_gen1_db(data: Path) -> None:
    shutil.copyfile(_db(data, GEN1), _db(data, GEN2))


def _make_dir(target: Callable[[Path], Path]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = target(data)
        path.unlink(missing_ok=True)
        path.mkdir()
    return apply


def _media(action: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        media = sorted(p for p in (data / "archives" / GEN2 / "media").rglob("*")
                       if p.is_file())
        if action == "delete":
            media[0].unlink()
        else:
            media[0].write_bytes(media[0].read_bytes()[:10])
    return apply


def damages(quick: bool, rng: random.Random) -> list[Damage]:
    garbage = bytes(rng.randrange(256) for _ in range(5000))
    old, both = {GEN1}, {UNAVAILABLE}
    cases = [
        Damage("archive", "archive.sqlite truncated to half", _truncate(0.5), old, "archive"),
        Damage("archive", "archive.sqlite header zeroed", _write_at(0, bytes(100)), old,
               "archive"),
        Damage("pointer", "current holds garbage", _replace(_pointer, garbage), {GEN2},
               "pointer"),
        Damage("pointer", "current names a missing generation",
               _replace(_pointer, b"gen-000009\n"), {GEN2}, "pointer"),
        Damage("state", "state.sqlite truncated to half", lambda d: _cut(_state(d), 0.5),
               {GEN2}, "state"),
        Damage("combined", "both generations damaged",
               _then(_truncate(0.3), _truncate(0.3, GEN1)), both, "archive"),
        Damage("archive-flip", "one letter of a name changed inside archive.sqlite",
               _flip_text(b"Test Name 7,"), {GEN1, GEN2}, "archive"),
    ]
    if quick:
        return cases
    cases += [
        Damage("archive", "archive.sqlite empty", _truncate(0.0), old, "archive"),
        Damage("archive", "archive.sqlite cut inside the header",
               _then(_truncate(0.0), _write_at(0, b"SQLite format 3\x00")), old, "archive"),
        Damage("archive", "archive.sqlite cut to one page", lambda d: _truncate_to(d, 4096),
               old, "archive"),
        Damage("archive", "archive.sqlite is garbage", _replace(_db, garbage), old, "archive"),
        Damage("archive", "archive.sqlite deleted", _replace(_db, None), old, "archive"),
        Damage("archive", "archive.sqlite is a folder", _make_dir(_db), old, "archive"),
        Damage("archive", "archive.sqlite is an empty database",
               lambda d: _empty_database(_db(d)), old, "archive"),
        Damage("archive", "page 1 (the schema) scribbled", _write_at(120, b"\xff" * 400),
               old, "archive"),
        Damage("archive", "last page zeroed", lambda d: _zero_last_page(_db(d)), old,
               "archive"),
        Damage("archive", "archive.sqlite swapped for generation 1's", _copy_gen1_db,
               {GEN1}, "archive"),
        Damage("archive", "garbage write-ahead log beside archive.sqlite",
               lambda d: _db(d).with_name("archive.sqlite-wal").write_bytes(garbage),
               {GEN2}, ""),
        Damage("media", "a media file deleted", _media("delete"), {GEN1, GEN2}, "media"),
        Damage("media", "a media file truncated", _media("truncate"), {GEN1, GEN2}, "media"),
        Damage("pointer", "current is empty", _replace(_pointer, b""), {GEN2}, "pointer"),
        Damage("pointer", "current is whitespace", _replace(_pointer, b" \n\n"), {GEN2},
               "pointer"),
        Damage("pointer", "current deleted", _replace(_pointer, None), {GEN2}, "pointer"),
        Damage("pointer", "current is a folder", _make_dir(_pointer), {GEN2}, "pointer"),
        Damage("pointer", "current names the older generation 1",
               _replace(_pointer, b"gen-000001\n"), {GEN1}, ""),
        Damage("pointer", "current with a NUL byte", _replace(_pointer, b"gen-000002\x00\n"),
               {GEN2}, "pointer"),
        Damage("pointer", "current names ../../etc/passwd",
               _replace(_pointer, b"../../etc/passwd\n"), {GEN2}, "pointer"),
        Damage("pointer", "current is 10 MB", _replace(_pointer, b"a" * 10_000_000), {GEN2},
               "pointer"),
        Damage("pointer", "current in UTF-16",
               _replace(_pointer, "gen-000002\n".encode("utf-16")), {GEN2}, "pointer"),
        Damage("state", "state.sqlite empty", _replace(_state, b""), {GEN2}, "state"),
        Damage("state", "state.sqlite is garbage", _replace(_state, garbage), {GEN2}, "state"),
        Damage("state", "state.sqlite header zeroed",
               lambda d: _zero_header(_state(d)), {GEN2}, "state"),
        Damage("state", "state.sqlite deleted", _replace(_state, None), {GEN2}, "state"),
        Damage("state", "state.sqlite is a folder", _make_dir(_state), {GEN2}, "state"),
        Damage("state", "state.sqlite locked by another process", lambda d: None, {GEN2}, "",
               hold_lock=True),
        Damage("combined", "garbage pointer and damaged generation 2",
               _then(_replace(_pointer, garbage), _truncate(0.5)), old, "archive"),
        Damage("combined", "pointer on generation 1, which is damaged",
               _then(_replace(_pointer, b"gen-000001\n"), _truncate(0.5, GEN1)),
               {GEN2, UNAVAILABLE}, "archive"),
    ]
    for seed in range(2, 22):
        count = rng.choice((1, 4, 64, 4096))
        cases.append(Damage("archive-flip", f"{count} bytes flipped in archive.sqlite "
                            f"(seed {seed})", _flip(seed, count), {GEN1, GEN2}, "archive"))
    return cases


def _cut(path: Path, fraction: float) -> None:
    with path.open("r+b") as handle:
        handle.truncate(int(path.stat().st_size * fraction))


def _truncate_to(data: Path, size: int) -> None:
    with _db(data).open("r+b") as handle:
        handle.truncate(size)


def _zero_last_page(db: Path) -> None:
    size = db.stat().st_size
    with db.open("r+b") as handle:
        handle.seek(max(0, size - 4096))
        handle.write(bytes(min(size, 4096)))


def _zero_header(db: Path) -> None:
    with db.open("r+b") as handle:
        handle.write(bytes(100))


def _empty_database(db: Path) -> None:
    db.unlink()
    sqlite3.connect(db).close()


@contextmanager
def _locked(db: Path) -> Any:
    connection = sqlite3.connect(db, timeout=0.1)
    connection.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        connection.rollback()
        connection.close()


# ---- judging -----------------------------------------------------------------------------


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
                    dumps.append(list(connection.iterdump()))
                finally:
                    connection.close()
            except (sqlite3.Error, UnicodeDecodeError):
                return None
    return dumps[0] == dumps[1]


def _fix_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("FIX")]


def _judge_readonly(case: Case, data: Path, args: str, lock: bool) -> Any:
    before = snapshot(data)
    with _locked(data / "state.sqlite") if lock else nullcontext():
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
    elif serve_gen and not any(g in status.out for g in serve_gen):
        case.fail("status-truthful", f"does not name {' or '.join(serve_gen)}: {status.tail()}")
    elif damage.what in ("archive", "pointer") and not DAMAGE.search(status.text):
        case.fail("status-truthful", f"does not mention the damaged {damage.what}: "
                  f"{status.tail()}")
    elif not serve_gen and status.rc == 0:
        case.fail("status-truthful", f"exit 0 with nothing to serve: {status.tail()}")
    doctor = _judge_readonly(case, damaged("doctor"), "doctor", damage.hold_lock)
    _judge_doctor(case, "doctor-truthful", doctor, damage, serve_gen)
    data = damaged("start")
    with _locked(data / "state.sqlite") if damage.hold_lock else nullcontext():
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
        db = _db(data, served)
        original = _db(template, served)
        if db_problem(db):
            case.fail("start", f"served {served}, which is damaged: {db_problem(db)}")
        elif not same_content(db, original):
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
    Judged on a copy, before any command runs."""
    if damage.family not in ("archive", "archive-flip") or not (_db(data)).is_file():
        return damage
    db = _db(data)
    if db_problem(db) is None and same_content(db, _db(template, GEN2)):
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


def run(fx: Fixture, work: Path, *, quick: bool, seed: int, jobs: int = 2,
        progress: Callable[[str], None] = print) -> SuiteResult:
    timer = Timer()
    work.mkdir(parents=True, exist_ok=True)
    fx.data_dir(2)
    cases = damages(quick, random.Random(seed))
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
