"""Benchmark: build-package, verify and import a SYNTHETIC names list of 1,000,000 rows.

Run on demand: ``.venv/bin/python benchmarks/bench_import_names.py [--rows 1000000] [--zip]
[--keep DIR]``. Each of the three steps runs in a fresh Python process (as the CLI does), so
its peak RSS is its own; the figures are printed next to the goals of issue 11 (each step
<= 15 s and <= 300 MB peak RSS on the kiosk PC).

Every generated name is SYNTHETIC: syllables glued at random (as in ``bench_name_search``),
so no row names a real person.

On a machine shared with other work the wall times say more about that work than about the
import; ``chrt -r 10 python benchmarks/bench_import_names.py`` (as root) runs the steps ahead
of it, as on a kiosk PC doing nothing else. The CPU column counts this process and its
helpers either way.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 15.0
GOAL_RSS_MB = 300.0
MB = 1024 * 1024

_ONSETS = ["", "b", "c", "ç", "d", "f", "g", "ğ", "h", "x", "j", "k", "q", "l", "m", "n", "p",
           "r", "s", "ş", "t", "v", "y", "z"]
_VOWELS = ["a", "e", "ə", "ı", "i", "o", "ö", "u", "ü"]
_CODAS = ["", "", "n", "r", "l", "m", "s", "z", "t"]
_ENDINGS = ["ov", "ova", "yev", "yeva", "li", "zadə"]
_VILLAGES = ["SYNTHETIC village A", "SYNTHETIC village B", "SYNTHETIC village C", ""]


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def _name(rng: random.Random) -> str:
    given = "".join(_syllable(rng) for _ in range(rng.randint(2, 3))).capitalize()
    family = "".join(_syllable(rng) for _ in range(2)).capitalize() + rng.choice(_ENDINGS)
    return f"{given} {family}"


def make_content(folder: Path, rows: int) -> int:
    """A content folder with ``rows`` SYNTHETIC names; returns the size of names.csv."""
    folder.mkdir(parents=True)
    (folder / "package.toml").write_text(
        'title = "SYNTHETIC names benchmark"\nexhibition_id = "synthetic-names"\n'
        'language = "az"\nsource_organization = "Synthetic Benchmark"\n', encoding="utf-8")
    (folder / "sources.toml").write_text(
        '[[source]]\nid = "synthetic-list"\nkind = "book"\ntitle = "SYNTHETIC list"\n',
        encoding="utf-8")
    rng = random.Random(1992)
    with (folder / "names.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("name,age,birth_year,village,category,source\n")
        for _ in range(rows):
            age = rng.randint(1, 90)
            out.write(f"{_name(rng)},{age},{1992 - age},{rng.choice(_VILLAGES)},"
                      f"civilian,synthetic-list\n")
    return (folder / "names.csv").stat().st_size


# ---- one step, in its own process ---------------------------------------------------------


def _peak_rss_mb() -> tuple[float, float]:
    import resource

    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _cpu_seconds() -> float:
    """CPU time of this process and its helpers: the work itself, whatever else runs."""
    import resource

    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_step(step: str, work: Path, public: str, use_zip: bool) -> dict[str, object]:
    from khojaly_kiosk.content.package import build_package, verify_package
    from khojaly_kiosk.content.pipeline import import_package
    from khojaly_kiosk.paths import DataPaths
    from khojaly_kiosk.settings import load_settings

    package = work / ("package.zip" if use_zip else "package")
    started = time.perf_counter()
    ok, detail = True, ""
    if step == "build":
        build_package(work / "content", package, work / "bench.key", version=1, zip=use_zip)
    elif step == "verify":
        result = verify_package(package, [public])
        ok, detail = result.report.ok, result.report.summary()
    else:
        paths = DataPaths(work / "data").ensure()
        settings = load_settings(paths.root, environ={}, trusted_keys=(public,),
                                 demo_mode=False)
        imported = import_package(package, paths, settings)
        ok, detail = imported.report.ok, imported.message()
    seconds = time.perf_counter() - started
    rss, children = _peak_rss_mb()
    return {"step": step, "seconds": seconds, "rss_mb": rss, "children_rss_mb": children,
            "cpu_s": _cpu_seconds(), "ok": ok, "detail": detail}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--zip", action="store_true", help="build and import a .zip package")
    parser.add_argument("--keep", type=Path, default=None,
                        help="work in this folder and keep it (its names.csv is reused)")
    parser.add_argument("--step", choices=("build", "verify", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--public", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:  # the child process of one step
        print(json.dumps(run_step(args.step, args.keep, args.public, args.zip)))
        return 0

    from khojaly_kiosk.content.trust.signing import generate_keypair

    with tempfile.TemporaryDirectory(prefix="bench-names-") as tmp_name:
        work = args.keep or Path(tmp_name)
        work.mkdir(parents=True, exist_ok=True)
        for leftover in ("package", "package.zip", "data", "bench.key", "bench.pub"):
            shutil.rmtree(work / leftover, ignore_errors=True)
            (work / leftover).unlink(missing_ok=True)
        names = work / "content" / "names.csv"
        lines = sum(1 for _ in names.open("rb")) - 1 if names.is_file() else -1
        if lines != args.rows:
            shutil.rmtree(work / "content", ignore_errors=True)
            size = make_content(work / "content", args.rows)
            print(f"SYNTHETIC names.csv: {args.rows:,} rows, {size / MB:.0f} MB")
        public = generate_keypair(work / "bench.key", work / "bench.pub")
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'step':<8} {'time':>8} {'CPU':>8} {'peak RSS':>10} {'(helpers)':>10}   goal: "
              f"<= {GOAL_SECONDS:.0f} s, <= {GOAL_RSS_MB:.0f} MB")
        failed = False
        for step in ("build", "verify", "import"):
            command = [sys.executable, __file__, "--step", step, "--keep", str(work),
                       "--public", public] + (["--zip"] if args.zip else [])
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{step}: failed\n{done.stderr[-3000:]}")
                return 1
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            within = (figures["seconds"] <= GOAL_SECONDS and figures["rss_mb"] <= GOAL_RSS_MB
                      and figures["children_rss_mb"] <= GOAL_RSS_MB)
            failed |= not within or not figures["ok"]
            print(f"{step:<8} {figures['seconds']:6.1f} s {figures['cpu_s']:6.1f} s "
                  f"{figures['rss_mb']:7.0f} MB {figures['children_rss_mb']:7.0f} MB   "
                  f"{'ok' if within else 'OVER GOAL'}"
                  f"{'' if figures['ok'] else ' NOT OK: ' + str(figures['detail'])}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
