"""What every suite shares: case results, byte-level snapshots, running the real CLI.

The suites judge the data folder from the outside. Nothing here opens a database inside the
data folder: SQLite checks run on copies, so judging never changes what is judged.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
TRACEBACK = "Traceback (most recent call last)"
PIN = "2468"  # the staff PIN of every prepared data folder
CANDLES = 7  # candles lit in every prepared data folder


def src_importable() -> None:
    """Make ``khojaly_kiosk`` importable from this checkout (no install needed)."""
    if str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))


# ---- results -----------------------------------------------------------------------------


@dataclass
class Case:
    """One tortured case. ``failures`` maps a check name to what went wrong."""

    suite: str
    family: str
    name: str
    outcome: str = ""
    failures: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def survived(self) -> bool:
        return not self.failures

    def fail(self, check: str, detail: str) -> None:
        self.failures.setdefault(check, detail[:600])

    def to_json(self) -> dict[str, Any]:
        return {"family": self.family, "name": self.name, "outcome": self.outcome,
                "survived": self.survived, "failures": self.failures,
                "seconds": round(self.seconds, 2)}


@dataclass
class SuiteResult:
    suite: str
    cases: list[Case] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def lost(self) -> list[Case]:
        return [case for case in self.cases if not case.survived]

    def failed_pairs(self) -> set[tuple[str, str]]:
        """(family, check) of every failure: what the pytest test asserts on."""
        return {(case.family, check) for case in self.lost for check in case.failures}

    def summary(self) -> list[str]:
        lines = [f"{self.suite}: {len(self.cases)} cases, "
                 f"{len(self.cases) - len(self.lost)} survived, {len(self.lost)} lost "
                 f"({self.seconds:.0f} s)"]
        if self.counters:
            lines.append("  " + ", ".join(f"{k} {v}" for k, v in self.counters.items()))
        by_check = Counter(check for case in self.lost for check in case.failures)
        for check, count in sorted(by_check.items()):
            families = sorted({c.family for c in self.lost if check in c.failures})
            lines.append(f"  lost by {check}: {count} ({', '.join(families)})")
        return lines

    def examples(self, per_pair: int = 1) -> list[str]:
        """One line per failing (family, check): the first case and what it found."""
        lines = []
        seen: Counter[tuple[str, str]] = Counter()
        for case in self.lost:
            for check, detail in case.failures.items():
                key = (case.family, check)
                seen[key] += 1
                if seen[key] <= per_pair:
                    lines.append(f"  [{check}] {case.name}: {detail}")
        return lines

    def to_json(self) -> dict[str, Any]:
        return {"suite": self.suite, "cases": len(self.cases),
                "families": dict(Counter(case.family for case in self.cases)),
                "survived": len(self.cases) - len(self.lost), "lost": len(self.lost),
                "counters": self.counters, "seconds": round(self.seconds, 1),
                "failures": sorted(f"{f}/{c}" for f, c in self.failed_pairs()),
                "lost_cases": [case.to_json() for case in self.lost]}


def guarded(suite: str, family: str, name: str, run: Callable[[], Case]) -> Case:
    """``run()``, or a case lost by ``harness`` when the tool itself failed."""
    import traceback

    try:
        return run()
    except Exception as exc:
        case = Case(suite, family, name)
        frames = traceback.extract_tb(exc.__traceback__)[-1:]
        case.fail("harness", f"the torture tool failed: {exc!r} at {frames}")
        return case


class Timer:
    def __init__(self) -> None:
        self.start = time.monotonic()

    def __call__(self) -> float:
        return time.monotonic() - self.start


# ---- snapshots ---------------------------------------------------------------------------


def _is_sqlite_runtime(path: Path, size: int) -> bool:
    """SQLite's shared-memory index, and an empty write-ahead log: any reader makes them."""
    return path.name.endswith("-shm") or (path.name.endswith("-wal") and size == 0)


def snapshot(root: Path, skip: tuple[str, ...] = ("logs",)) -> dict[str, str]:
    """Every file, link and folder below ``root`` with its sha256 (``skip``: top-level names)."""
    found: dict[str, str] = {}
    if not root.exists():
        return found
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        rel_here = here.relative_to(root)
        if rel_here.parts and rel_here.parts[0] in skip:
            dirs[:] = []
            continue
        for name in dirs + files:
            path = here / name
            rel = path.relative_to(root).as_posix()
            if not rel_here.parts and name in skip:
                continue
            info = path.lstat()
            if os.path.islink(path):
                found[rel] = f"link:{os.readlink(path)}"
            elif path.is_dir():
                found[rel + "/"] = "dir"
            elif path.is_file():
                if _is_sqlite_runtime(path, info.st_size):
                    continue
                found[rel] = sha256_file(path)
            else:
                found[rel] = "special"
    return found


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def diff(before: dict[str, str], after: dict[str, str], limit: int = 4) -> list[str]:
    """What changed between two snapshots, at most ``limit`` entries of each kind."""
    changed = sorted(k for k in before if k in after and before[k] != after[k])
    gone = sorted(k for k in before if k not in after)
    new = sorted(k for k in after if k not in before)
    lines = []
    for label, names in (("changed", changed), ("gone", gone), ("new", new)):
        if names:
            more = f" and {len(names) - limit} more" if len(names) > limit else ""
            lines.append(f"{label}: {', '.join(names[:limit])}{more}")
    return lines


# ---- SQLite, judged on copies ------------------------------------------------------------


def _copy_db(db: Path, into: Path) -> Path:
    target = into / db.name
    shutil.copyfile(db, target)
    wal = db.with_name(db.name + "-wal")
    if wal.is_file() and wal.stat().st_size:
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def db_problem(db: Path) -> str | None:
    """``None`` when ``db`` passes SQLite's integrity_check; else what is wrong."""
    if not db.is_file():
        return f"{db.name} is missing"
    with tempfile.TemporaryDirectory(prefix="torture-db-") as tmp:
        try:
            connection = sqlite3.connect(_copy_db(db, Path(tmp)))
            try:
                rows = [r[0] for r in connection.execute("PRAGMA integrity_check")]
            finally:
                connection.close()
        # UnicodeDecodeError: Python's sqlite3 decoding an error message that quotes a
        # damaged name.
        except (sqlite3.Error, UnicodeDecodeError, OSError) as exc:
            return f"{db.name} cannot be read: {exc}"
    return None if rows == ["ok"] else f"{db.name}: {rows[0]}"


def read_state(db: Path) -> dict[str, Any] | str:
    """What must survive in ``state.sqlite`` (PIN hash, candles, overrides), or a problem."""
    problem = db_problem(db)
    if problem:
        return problem
    with tempfile.TemporaryDirectory(prefix="torture-state-") as tmp:
        connection = sqlite3.connect(_copy_db(db, Path(tmp)))
        try:
            pin = connection.execute("SELECT hash FROM pin WHERE id = 1").fetchone()
            candles = connection.execute("SELECT count FROM candles WHERE id = 1").fetchone()
            overrides = dict(connection.execute("SELECT key, value FROM settings_override"))
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            return f"state.sqlite lacks its tables: {exc}"
        finally:
            connection.close()
    return {"pin": pin[0] if pin else None, "candles": candles[0] if candles else None,
            "overrides": overrides}


def generation_version(folder: Path) -> int | None:
    """The package version a generation says it holds (its import record)."""
    try:
        version = json.loads((folder / "import.json").read_text("utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None
    return version if isinstance(version, int) else None


def pointer(data: Path) -> str | None:
    try:
        return (data / "archives" / "current").read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None


# ---- running the real command ------------------------------------------------------------


@dataclass
class Run:
    args: list[str]
    rc: int
    out: str
    err: str
    seconds: float

    @property
    def text(self) -> str:
        return self.out + self.err

    @property
    def traceback(self) -> bool:
        return TRACEBACK in self.text

    def tail(self, chars: int = 300) -> str:
        return " ".join(self.text.split())[-chars:]


def screen_config(folder: Path, size: tuple[int, int] = (1920, 1080)) -> Path:
    """An offscreen screen as big as the kiosk window (the default 800x800 one clips it)."""
    path = folder / "offscreen-screen.json"
    path.write_text(json.dumps({"screens": [{
        "name": "torture", "x": 0, "y": 0, "width": size[0], "height": size[1],
        "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}), "utf-8")
    return path


def child_env(extra: dict[str, str] | None = None, screen: Path | None = None) -> dict[str, str]:
    """The environment of a kiosk process: this checkout's code, offscreen Qt, no KHOJALY_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHOJALY_")}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), str(REPO / "tools")])
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}" if screen else "offscreen"
    env.pop("NOTIFY_SOCKET", None)
    env.update(extra or {})
    return env


def kiosk_argv(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "khojaly_kiosk", "--data-dir", str(data), *args]


def run_cli(data: Path, *args: str, env: dict[str, str] | None = None,
            stdin: str | None = None, timeout: float = 300) -> Run:
    """Run ``khojaly-kiosk --data-dir DATA ARGS`` and wait for it."""
    started = time.monotonic()
    argv = kiosk_argv(data, *args)
    try:
        done = subprocess.run(argv, env=env or child_env(), input=stdin, text=True,
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        return Run(list(args), -999, str(exc.stdout or ""), f"timed out after {timeout} s",
                   time.monotonic() - started)
    return Run(list(args), done.returncode, done.stdout, done.stderr,
               time.monotonic() - started)


def write_config(data: Path, trusted: list[str], *, demo_mode: bool = False,
                 **settings: object) -> None:
    """``config.toml`` of a production kiosk (demo mode off), our key trusted."""
    lines = [f"trusted_keys = {json.dumps(trusted)}",
             f"demo_mode = {json.dumps(demo_mode)}"]
    for key, value in settings.items():
        lines.append(f"{key} = {json.dumps(value)}")
    data.mkdir(parents=True, exist_ok=True)
    (data / "config.toml").write_text("\n".join(lines) + "\n", "utf-8")


def light_candles(data: Path, count: int = CANDLES) -> None:
    """Put ``count`` candles into state.sqlite (made by ``set-pin`` before)."""
    connection = sqlite3.connect(data / "state.sqlite")
    try:
        with connection:
            connection.execute("INSERT OR REPLACE INTO candles(id, count) VALUES (1, ?)",
                               (count,))
    finally:
        connection.close()


def copy_tree(source: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True)
    return target
