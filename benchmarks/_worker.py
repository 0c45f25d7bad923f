"""One in-process measurement in a process of its own (``run_all.py`` starts these).

``python benchmarks/_worker.py JOB --data-dir DIR --out FILE.json [options]``; the JSON result
goes to FILE. A fresh process per job keeps one figure's caches and heap out of the next.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import OFFSCREEN, write_result

os.environ.setdefault("QT_QPA_PLATFORM", OFFSCREEN)

JOBS = ("navigation", "restyle", "language", "growth", "timeline", "names", "idle", "screens")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", choices=JOBS)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=5000)
    parser.add_argument("--taps", type=int, default=100_000)
    parser.add_argument("--sample-every", type=int, default=5000)
    parser.add_argument("--swipes", type=int, default=20)
    parser.add_argument("--names-dir", type=Path, default=None)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--no-stylesheet", action="store_true",
                        help="screens: run the kiosk without the application stylesheet")
    parser.add_argument("--profile", action="append", default=[],
                        help="figure to profile (repeatable)")
    args = parser.parse_args()
    if args.job in ("navigation", "restyle", "language"):
        import _ui_figures

        run = {"navigation": _ui_figures.navigation, "restyle": _ui_figures.restyle,
               "language": _ui_figures.language}[args.job]
        result = run(args.data_dir, args.rounds, args.profile)
    elif args.job == "growth":
        from _memory_figures import growth

        result = growth(args.data_dir, args.warmup, args.taps, args.sample_every, args.profile)
    elif args.job == "idle":
        from _memory_figures import idle

        result = idle(args.data_dir, args.seconds)
    elif args.job == "screens":
        from _memory_figures import screens

        result = screens(args.data_dir, stylesheet=not args.no_stylesheet)
    elif args.job == "timeline":
        from _memory_figures import timeline

        result = timeline(args.data_dir, args.swipes, args.profile)
    else:
        from _names_figure import keystrokes

        result = keystrokes(args.names_dir, args.data_dir, args.queries, args.profile)
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
