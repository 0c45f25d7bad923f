"""Running the suites and printing their summary (see ``tools/torture.py``)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from torturelib.common import SuiteResult, src_importable

SUITES = ("kill", "corrupt", "hostile", "monkey")


def run_suites(names: Sequence[str], *, quick: bool, seed: int, work: Path, jobs: int = 2,
               events: int | None = None, only: str = "",
               progress: Callable[[str], None] = print) -> list[SuiteResult]:
    """Run the named suites (in the order of ``SUITES``) in ``work``; their results."""
    src_importable()
    from torturelib.fixture import Fixture

    work.mkdir(parents=True, exist_ok=True)
    results = []
    for name in (s for s in SUITES if s in names):
        progress(f"== {name}{' (quick)' if quick else ''}")
        if name == "monkey":
            from torturelib import monkey

            results.append(monkey.run(work / "monkey", quick=quick, seed=seed,
                                      events=events, jobs=jobs, progress=progress))
            continue
        # A small package for the hostile suite (a thousand imports); a bigger one to kill,
        # so that random moments land inside the work and not only in Python's start-up.
        big = name == "kill" and not quick
        fixture = Fixture.create(work / f"fixture-{name}", names=20_000 if big else 30,
                                 images=6 if big else 2,
                                 image_size=(1600, 1200) if big else (64, 48))
        module = __import__(f"torturelib.{name}", fromlist=["run"])
        results.append(module.run(fixture, work / name, quick=quick, seed=seed, jobs=jobs,
                                  only=only, progress=progress))
    return results


def summary(results: Sequence[SuiteResult], seconds: float) -> str:
    lines = ["", "== torture summary"]
    for result in results:
        lines += result.summary()
    lines.append(f"total: {sum(len(r.cases) for r in results)} cases, "
                 f"{sum(len(r.lost) for r in results)} lost, {seconds:.0f} s")
    failures = [line for result in results for line in result.examples()]
    if failures:
        lines += ["", "== first case of each failure (family, check)", *failures]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/torture.py",
        description="Torture suites of issue 11: kill -9, corruption, hostile packages, monkey.")
    parser.add_argument("suites", nargs="*", metavar="SUITE",
                        help="all (default), kill, corrupt, hostile, monkey")
    parser.add_argument("--quick", action="store_true", help="the short CI variant")
    parser.add_argument("--seed", type=int, default=11, help="random seed (default 11)")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT",
                        help="write every result, with each lost case, to OUT")
    parser.add_argument("--jobs", type=int, default=2, help="kill/corrupt/hostile in parallel")
    parser.add_argument("--events", type=int, default=None,
                        help="monkey events (default 100,000; 3,000 with --quick)")
    parser.add_argument("--only", default="", metavar="TEXT",
                        help="only the kill/corrupt/hostile cases whose name contains TEXT "
                        "(to reproduce one failure)")
    parser.add_argument("--work", type=Path, default=None,
                        help="work folder (default: a temporary one, removed at the end)")
    args = parser.parse_args(argv)
    for name in [k for k in os.environ if k.startswith("KHOJALY_")]:
        del os.environ[name]  # the suites' kiosks take their settings from their data folders
    unknown = sorted(set(args.suites) - {"all", *SUITES})
    if unknown:
        parser.error(f"unknown suite {', '.join(unknown)}; choose from all, {', '.join(SUITES)}")
    names = SUITES if not args.suites or "all" in args.suites else tuple(args.suites)
    work = args.work or Path(tempfile.mkdtemp(prefix="khojaly-torture-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        results = run_suites(names, quick=args.quick, seed=args.seed, work=work,
                             jobs=args.jobs, events=args.events, only=args.only,
                             progress=lambda line: print(line, flush=True))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    seconds = time.monotonic() - started
    print(summary(results, seconds))
    if args.json:
        args.json.write_text(json.dumps({"quick": args.quick, "seed": args.seed,
                                         "seconds": round(seconds, 1),
                                         "suites": [r.to_json() for r in results]},
                                        ensure_ascii=False, indent=2), "utf-8")
    lost = sum(len(r.lost) for r in results)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
