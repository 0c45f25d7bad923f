"""Benchmark: process start -> first frame painted, for the venv and for the frozen bundle.

Run on demand (not part of pytest), after ``packaging/build.sh``::

    .venv/bin/python benchmarks/bench_startup.py [--rounds 7] [--bundle dist/khojaly-kiosk]

Each program runs ``run --kiosk`` offscreen on the same, already built demo archive (so the one
time demo build is not counted) with ``$NOTIFY_SOCKET`` pointing at a socket this script owns.
The kiosk sends ``READY=1`` after its first frame is painted, exactly as it tells systemd; the
time from ``Popen`` to that message is the start-up. Then SIGTERM, and the next round. The
programs alternate round by round so that both see the same page cache and machine load.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def start_once(program: list[str], data_dir: Path, sock_path: Path) -> float:
    """Seconds from start to READY=1."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock_path.unlink(missing_ok=True)
    sock.bind(str(sock_path))
    sock.settimeout(60)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KHOJALY_DATA_DIR": str(data_dir),
           "NOTIFY_SOCKET": str(sock_path)}
    env.pop("WATCHDOG_USEC", None)
    started = time.perf_counter()
    process = subprocess.Popen([*program, "run", "--kiosk"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            message = sock.recv(4096).decode()
            if "READY=1" in message.split("\n"):
                return time.perf_counter() - started
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        sock.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "khojaly-kiosk")
    args = parser.parse_args()
    programs = {
        "venv": [str(Path(sys.executable).parent / "khojaly-kiosk")],
        "bundle": [str(args.bundle / "khojaly-kiosk")],
    }
    for name, program in programs.items():
        if not Path(program[0]).exists():
            print(f"{program[0]} is missing ({name}); run packaging/build.sh first.")
            return 2
    with tempfile.TemporaryDirectory(prefix="kk-start-") as tmp:
        folder = Path(tmp)
        data_dir = folder / "data"
        print("Building the demo archive once (not timed)...")
        subprocess.run([*programs["venv"], "run", "--quit-after", "0.5"], check=True,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                            "KHOJALY_DATA_DIR": str(data_dir)}, capture_output=True)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for round_number in range(args.rounds + 1):
            for name, program in programs.items():
                seconds = start_once(program, data_dir, folder / "notify.sock")
                if round_number > 0:  # round 0 warms the page cache for both
                    times[name].append(seconds)
        print(f"Start-up to first frame (READY=1), {args.rounds} warm rounds each:")
        for name, values in times.items():
            print(f"  {name:<7} median {statistics.median(values) * 1000:6.0f} ms   "
                  f"min {min(values) * 1000:6.0f} ms   max {max(values) * 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
