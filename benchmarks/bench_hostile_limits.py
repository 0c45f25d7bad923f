"""Benchmark: how fast, and in how much memory, hostile packages are refused (issue 11).

Run on demand: ``.venv/bin/python benchmarks/bench_hostile_limits.py [--keep DIR]``. From a
small SYNTHETIC package signed by a benchmark key it makes the packages the issue measured
before its limits (an unsigned package with a 6 GiB sparse tag manifest, a signed 20 MB
bag-info title, signed Package-Versions "7²", 5,000 nines and 10^20) and runs
``khojaly-kiosk verify`` and ``khojaly-kiosk import`` on each in its own process: exit code,
wall time and that process's peak RSS (``wait4``), and the report's first error; the good
package last, for comparison.

Bags are edited with ``tools/torturelib/bagtools`` (written from the package format, not
with the kiosk's own code).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_import_names import make_content  # noqa: E402
from torturelib import bagtools  # noqa: E402

KIOSK = [sys.executable, "-m", "khojaly_kiosk"]
GIB = 1024**3


def _measure(argv: list[str]) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak RSS in MB and the first report line of one command."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    first = next((line.strip() for line in text.splitlines()
                  if line.strip() and not line.startswith(("Errors:", "Copying", "Checking"))
                  and "[" not in line), "")
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, first[:150]


def _variants(base: Path, work: Path, keys: bagtools.Keys) -> dict[str, Path]:
    made: dict[str, Path] = {}

    def copy(name: str) -> Path:
        made[name] = bagtools.copy_bag(base, work / f"hostile-{len(made)}")
        return made[name]

    bag = copy("unsigned: 6 GiB sparse tag manifest")
    (bag / bagtools.SIGNATURE).unlink()
    with (bag / bagtools.TAG_MANIFEST).open("r+b") as manifest:
        manifest.truncate(6 * GIB)
    bag = copy("signed: 20 MB Package-Title")
    bagtools.set_info(bag, "Package-Title", "T" * 20 * 1024 * 1024)
    bagtools.resign(bag, keys)
    for label, value in (("7²", "7²"), ("5,000 nines", "9" * 5000),
                         ("10^20", "1" + "0" * 20)):
        bag = copy(f"signed: Package-Version {label}")
        bagtools.set_info(bag, "Package-Version", value)
        bagtools.resign(bag, keys)
    copy("the good package (control, accepted)")
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, default=None, help="work here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        work = args.keep or Path(tmp)
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        keys = bagtools.make_keys(work / "keys", "bench")
        make_content(work / "content", 100)
        built = _measure([*KIOSK, "build-package", str(work / "content"), str(work / "good"),
                          "--key", str(keys.private), "--version", "1"])
        if built[0] != 0:
            print(f"build-package failed: {built[3]}")
            return 1
        data = work / "data"
        data.mkdir()
        (data / "config.toml").write_text(
            f'trusted_keys = ["{keys.public_hex}"]\ndemo_mode = false\n', "utf-8")
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'package':<40} {'command':<7} {'exit':>4} {'time':>8} {'peak RSS':>9}  first "
              "line")
        for name, bag in _variants(work / "good", work, keys).items():
            for command in ("verify", "import"):
                argv = ([*KIOSK, "verify", str(bag), "--public-key", str(keys.public)]
                        if command == "verify" else
                        [*KIOSK, "--data-dir", str(data), "import", str(bag)])
                code, seconds, rss, first = _measure(argv)
                print(f"{name:<40} {command:<7} {code:>4} {seconds:6.2f} s {rss:6.0f} MB  "
                      f"{first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
