"""hostile: import >= 1,000 mutated packages into a kiosk whose version 1 is live.

Each import runs ``khojaly_kiosk.cli.main(["import", PACKAGE])`` in a long-lived worker
process (``python -m torturelib.hostile``, one per job, address space capped at 4 GiB),
which is what ``khojaly-kiosk import`` runs, minus a Python start-up per case. A worker that
dies or hangs is replaced and its case is lost (``crash``).

Checks: a hostile package is refused (``accepted``), with exit code 1 (``exit-code``) and a
report sentence, no traceback (``traceback``), no "report this problem" builder failure and
no raw terminal control characters (``unreadable``, ``raw-control``); the data folder stays
byte-identical (``live-changed``), nothing is written outside it (``outside-write``), in less
than 30 s (``slow``) and 1 GB (``memory``). A mutated package that is accepted although its
imported content is exactly the signed original is "benign", not a failure; a control that
is refused is a ``harness`` failure (the tool, not the kiosk, is wrong).
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from torturelib.bagtools import same_tree
from torturelib.common import (
    TRACEBACK,
    Case,
    SuiteResult,
    Timer,
    child_env,
    copy_tree,
    diff,
    pointer,
    snapshot,
)
from torturelib.fixture import Fixture
from torturelib.mutations import (
    TOKEN,
    Base,
    Mutation,
    folder_flips,
    links,
    member_ops,
    sizes,
    slip,
    zip_cuts,
    zip_flips,
)
from torturelib.mutations_content import content_mutations
from torturelib.mutations_signed import signed_mutations

SUITE = "hostile"
CHECKS = ("accepted", "exit-code", "traceback", "unreadable", "raw-control", "live-changed",
          "outside-write", "slow", "memory", "crash", "harness")
FAMILIES = ("zip-flip", "zip-cut", "folder-flip", "zip-member", "zip-slip", "links", "sizes",
            "control", "bag-info", "version", "manifest", "signature", "untrusted", "replay",
            "unicode", "control-chars", "csv-rows", "content")
QUICK_FAMILIES = FAMILIES  # what --quick runs
SLOW_SECONDS = 30
MEMORY_MB = 1024
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\t", "\r"} | {"\x7f"}


def mutations(base: Base, quick: bool, rng: random.Random) -> list[Mutation]:
    found = (zip_flips(base, 520, rng) + zip_cuts(base, 60, rng) + folder_flips(base, 120, rng)
             + member_ops(base) + slip(base) + links(base) + sizes(base)
             + signed_mutations(base) + content_mutations(base))
    return [m for m in found if m.quick] if quick else found


# ---- the worker ----------------------------------------------------------------------------


def worker_main() -> None:
    """Import the packages named on stdin, one JSON request per line."""
    import contextlib
    import io
    import resource
    import traceback

    limit = 4 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from khojaly_kiosk.cli import main as kiosk_main

    for line in sys.stdin:
        request = json.loads(line)
        out, err = io.StringIO(), io.StringIO()
        exception = ""
        started = time.monotonic()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = kiosk_main(["--data-dir", request["data"], "import", request["package"]])
        except BaseException:  # what would reach the terminal as a traceback
            code, exception = -1, traceback.format_exc()
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) // 1024
        Path(request["result"]).write_text(json.dumps({
            "rc": code, "out": out.getvalue(), "err": err.getvalue(), "exception": exception,
            "seconds": time.monotonic() - started, "rss_grown_mb": grown}), "utf-8")
        print(f"done {request['id']}", file=sys.__stdout__, flush=True)


class Worker:
    def __init__(self, folder: Path, template: Path) -> None:
        self.folder = folder
        self.template = template
        self.data = folder / "data"
        self.process: subprocess.Popen[bytes] | None = None
        self.reset()

    def reset(self) -> None:
        copy_tree(self.template, self.data)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "torturelib.hostile"], env=child_env(),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=self.folder, start_new_session=True)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            import signal
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def ask(self, number: int, package: Path, timeout: float) -> dict[str, Any] | str:
        """The worker's answer, or why there is none."""
        if self.process is None or self.process.poll() is not None:
            self.start()
        assert self.process is not None and self.process.stdin and self.process.stdout
        result = self.folder / "result.json"
        result.unlink(missing_ok=True)
        request = {"id": number, "package": str(package), "data": str(self.data),
                   "result": str(result)}
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()
        deadline = time.monotonic() + timeout
        buffer = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    break
                buffer += chunk
                if f"done {number}\n".encode() in buffer:
                    return json.loads(result.read_text("utf-8"))
            elif self.process.poll() is not None:
                break
        died = self.process.poll()
        self.stop()
        return (f"the import process died (exit {died})" if died is not None
                else f"no answer within {timeout:.0f} s")


# ---- judging ----------------------------------------------------------------------------

LEDGER = "imports.json"


def _ledger_problem(worker: Worker) -> str | None:
    """``imports.json`` may record a refused import as the last one (that is what the
    fleet's status file reads) but must still list exactly the packages imported before;
    ``None`` when it does (or did not change at all)."""
    before, after = worker.template / LEDGER, worker.data / LEDGER
    if not after.is_file() or (before.is_file() and after.read_bytes() == before.read_bytes()):
        return None
    try:
        old = json.loads(before.read_text("utf-8")) if before.is_file() else {}
        new = json.loads(after.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        return f"{LEDGER} cannot be read: {exc}"
    last = (new.get("last_import") or {}).get("state")
    if new.get("imported") != old.get("imported") or last == "imported":
        return f"{LEDGER} records the refused package as imported (last: {last})"
    return None



def judge(case: Case, mutation: Mutation, answer: dict[str, Any] | str, worker: Worker,
          base: Base, clean: dict[str, str]) -> None:
    if isinstance(answer, str):
        case.fail("crash", answer)
        case.outcome = "crashed"
        worker.reset()
        return
    text = answer["out"] + answer["err"] + answer["exception"]
    if answer["exception"] or TRACEBACK in text:
        lines = (answer["exception"] or text).strip().splitlines()
        case.fail("traceback", lines[-1] if lines else "a traceback")
    if answer["seconds"] > SLOW_SECONDS:
        case.fail("slow", f"took {answer['seconds']:.0f} s")
    if answer["rss_grown_mb"] > MEMORY_MB:
        case.fail("memory", f"memory grew by {answer['rss_grown_mb']} MB")
    if answer["rc"] == 0:
        live = pointer(worker.data) or ""
        kept = worker.data / "packages" / live
        benign = kept.is_dir() and same_tree(kept, base.bag)
        case.outcome = "benign" if benign else "accepted"
        if mutation.expect == "refuse" and not benign:
            case.fail("accepted", f"imported as {live}: {_first_line(answer['out'])}")
        worker.reset()
    else:
        case.outcome = "refused"
        if mutation.expect == "accept":
            case.fail("harness", f"a control was refused: {' '.join(answer['out'].split())[:300]}")
        if answer["rc"] != 1 and not answer["exception"]:
            case.fail("exit-code", f"exit {answer['rc']}")
        if "was not imported" not in answer["out"]:
            case.fail("unreadable", f"no report: {' '.join(text.split())[-200:]}")
        elif "could not be built (" in text or "Report this problem" in text:
            case.fail("unreadable", _first_line(answer["out"], "could not be built"))
        raw = sorted({f"\\x{ord(c):02x}" for c in answer["out"] + answer["err"]
                      if c in _CONTROL})
        if raw:
            case.fail("raw-control", f"the report prints raw {', '.join(raw)}")
        after = snapshot(worker.data)
        ledger = _ledger_problem(worker)
        if ledger is None:  # imports.json records the refusal (the fleet's ledger)
            after.pop(LEDGER, None)
            clean = {k: v for k, v in clean.items() if k != LEDGER}
        changes = diff(clean, after)
        if changes or ledger:
            case.fail("live-changed", "; ".join(changes + ([ledger] if ledger else [])))
            worker.reset()
    escaped = [str(p) for p in Path("/tmp").glob(f"*{TOKEN}*")]
    escaped += [str(p) for p in worker.folder.rglob(f"*{TOKEN}*")]
    if escaped:
        case.fail("outside-write", f"written outside staging: {', '.join(escaped[:3])}")
        for path in escaped:
            Path(path).unlink(missing_ok=True)


def _first_line(text: str, containing: str = "") -> str:
    lines = [line for line in text.splitlines() if containing in line] or [""]
    return lines[0][:300]


def run(fx: Fixture, work: Path, *, quick: bool, seed: int, jobs: int = 2, only: str = "",
        progress: Callable[[str], None] = print) -> SuiteResult:
    timer = Timer()
    work.mkdir(parents=True, exist_ok=True)
    base = Base(zip=fx.package(2, zip=True), bag=fx.package(2), old_zip=fx.package(1, zip=True),
                old_bag=fx.package(1), trusted=fx.trusted, stranger=fx.stranger)
    template = fx.data_dir(1)
    clean = snapshot(template)
    cases = [m for m in mutations(base, quick, random.Random(seed))
             if only.lower() in m.name.lower()]
    progress(f"hostile: {len(cases)} packages")
    result = SuiteResult(SUITE)
    lock = threading.Lock()
    counter = iter(range(len(cases)))

    def serve(slot: int) -> None:
        worker = Worker(work / f"worker-{slot}", template)
        try:
            while True:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                case = one(index, worker)
                with lock:
                    result.cases.append(case)
                    done = len(result.cases)
                    if not case.survived or done % 100 == 0:
                        mark = "ok  " if case.survived else "LOST"
                        progress(f"  hostile {done}/{len(cases)} {mark} [{case.family}] "
                                 f"{case.name}: {case.outcome}; {'; '.join(case.failures)}")
        finally:
            worker.stop()

    def one(index: int, worker: Worker) -> Case:
        mutation = cases[index]
        case = Case(SUITE, mutation.family, mutation.name)
        started = time.monotonic()
        out_dir = worker.folder / "package"
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir(parents=True)
        try:
            package = mutation.build(out_dir)
        except Exception as exc:  # the tool's own mistake: say so, go on
            case.fail("harness", f"building the mutation failed: {exc!r}")
            return case
        judge(case, mutation, worker.ask(index, package, timeout=180), worker, base, clean)
        shutil.rmtree(out_dir, ignore_errors=True)
        case.seconds = time.monotonic() - started
        return case

    threads = [threading.Thread(target=serve, args=(slot,)) for slot in range(max(1, jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.cases.sort(key=lambda c: (FAMILIES.index(c.family), c.name))
    outcomes = [c.outcome for c in result.cases]
    result.counters = {"refused": outcomes.count("refused"),
                       "accepted": sum(1 for c in result.cases if "accepted" in c.failures),
                       "benign": outcomes.count("benign"),
                       "controls accepted": sum(1 for c in result.cases
                                                if c.family == "control" and c.survived)}
    result.seconds = timer()
    return result


if __name__ == "__main__":
    worker_main()
