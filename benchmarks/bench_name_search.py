"""Benchmark: name search over 1,000,000 SYNTHETIC names (not real people), in any script.

Run on demand: ``.venv/bin/python benchmarks/bench_name_search.py [--names N] [--no-ui]``.
Builds a throw-away archive in a temp folder (a tenth of the names in Cyrillic), then prints
p50/p95 latency in ms of

- ``NameRepository.search`` (limit 50, the full path the UI uses) for kinds of query,
  including the same names typed in another script;
- a keystroke on the on-screen keyboard to the results painted: the real names screen at
  1920x1080 (offscreen Qt), keyboard open, each letter tapped as a visitor types a name in
  Azerbaijani Latin, English or Russian; the issue's budget is p95 <= 16 ms (one frame);
- the alphabetical ``page`` at several depths, and the ratio to ordering by BM25 ``rank``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from khojaly_kiosk.archive.reader import Reader
from khojaly_kiosk.archive.repositories import SqliteArchive
from khojaly_kiosk.archive.schema import DB_FILENAME
from khojaly_kiosk.archive.search import fts_query, search_name_ids

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _names_data import build


def cold_search(archive: SqliteArchive, query: str) -> object:
    archive.names.forget_recent()  # the repository keeps recent answers: measure without them
    return archive.names.search(query, 50)


def measure(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    call()  # warm the page cache once
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--no-ui", dest="ui", action="store_false",
                        help="skip the keystroke-to-paint measurement on the names screen")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-names-") as temp:
        folder = Path(temp)
        build(folder / DB_FILENAME, args.names)
        reader = Reader(folder / DB_FILENAME)
        archive = SqliteArchive(reader, folder, "bench")
        queries = {
            "1 letter 's'": "s",
            "2 letters 'se'": "se",
            "3 letters 'səv' (diacritic)": "səv",
            "4 letters 'SEVI' (case)": "SEVI",
            "word + letter 'sa m'": "sa m",
            "two prefixes 'sa ba'": "sa ba",
            "no hit 'qqq'": "qqq",
            "hostile '\"(NEAR*'": '"(NEAR*',
            "Azerbaijani 'Məmməd'": "Məmməd",
            "English 'Mamed Gus'": "Mamed Gus",
            "Cyrillic 'Мамед'": "Мамед",
            "Cyrillic 1 letter 'д'": "д",
        }
        print(f"\nNameRepository.search, limit 50, {args.repeat} runs each (ms):")
        print(f"{'query':34} {'p50':>8} {'p95':>8} {'hits':>6}")
        p95s = {}
        for label, query in queries.items():
            p50, p95 = measure(lambda q=query: cold_search(archive, q), args.repeat)
            p95s[label] = p95
            hits = len(archive.names.search(query, 50))
            print(f"{label:34} {p50:8.3f} {p95:8.3f} {hits:6}")
        with reader.connection() as connection:
            p50, p95 = measure(
                lambda: search_name_ids(connection, "s", 50), args.repeat
            )
        print(f"{'ids only (FTS + rank join), 1 letter':34} {p50:8.3f} {p95:8.3f}")
        total = archive.names.count()
        print(f"\nNameRepository.page(offset, 50) of {total:,} (ms):")
        for offset in (0, total // 2, total - 50):
            p50, p95 = measure(lambda o=offset: archive.names.page(o, 50), args.repeat)
            print(f"offset {offset:>9,}{'':19} {p50:8.3f} {p95:8.3f}")
        match = fts_query("s")
        rank_sql = "SELECT rowid FROM name_fts WHERE name_fts MATCH :q ORDER BY rank LIMIT 50"
        with reader.connection() as connection:
            _, rank_p95 = measure(
                lambda: connection.execute(rank_sql, {"q": match}).fetchall(),
                max(5, args.repeat // 20)
            )
        ours = p95s["1 letter 's'"]
        print(f"\n1 letter 's' ordered by BM25 rank instead: p95 {rank_p95:.1f} ms "
              f"({rank_p95 / ours:.0f}x our alphabetical-rank order)")
        if args.ui:
            keystrokes(archive, args.repeat)
        reader.close()


# What visitors type, letter by letter, with the keyboard layout they type it on.
TYPED = [("az", "Məmməd"), ("en", "Mamed"), ("ru", "Мамед"), ("az", "Səbinə Q"),
         ("en", "Jamil"), ("ru", "Гусейнов"), ("az", "Zaur Əliyev")]


def keystrokes(archive: SqliteArchive, repeat: int) -> None:
    """p50/p95 of one on-screen keyboard tap to the result rows painted, on the real screen.

    Every tap is measured cold (the repository's recent answers forgotten first), the worst
    case; then once more as visitors meet it, with the answers of earlier visitors kept.
    """
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from khojaly_kiosk.ui.screens.names import NamesScreen
    from khojaly_kiosk.ui.services import ScreenServices
    from khojaly_kiosk.ui.theme import apply_theme

    class Nav:
        language = "en"

        def go(self, screen: str, **args: object) -> None: ...
        def back(self) -> None: ...
        def home(self) -> None: ...
        def show_source(self, source_id: str) -> None: ...

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, cache_dir=None)
    screen = NamesScreen(archive, Nav(), ScreenServices(reduced_motion=True))  # type: ignore[arg-type]
    screen.resize(1920, 904)  # the area between the top bar and the source strip at 1080p
    screen.show()
    screen.enter()
    screen.show_keyboard()
    app.processEvents()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"\nKeystroke on the on-screen keyboard -> results painted (names screen 1920x904, "
          f"keyboard open; {os.cpu_count()} CPUs, load average {load:.1f}). Wall time is what a "
          "visitor waits on this machine now; CPU time is the work itself, what an idle kiosk "
          "waits. Budget: p95 <= 16 ms.")
    for cold in (True, False):
        walls, cpus, hits = _type_names(app, screen, archive, repeat, cold)
        label = "cold (no kept answers)" if cold else "recent answers kept"
        for kind, samples in (("wall", walls), ("CPU ", cpus)):
            samples.sort()
            p95 = samples[int(len(samples) * 0.95) - 1]
            print(f"  {label:24} {kind} {len(samples)} taps: p50 "
                  f"{statistics.median(samples):6.2f} ms, p95 {p95:6.2f} ms, max "
                  f"{samples[-1]:6.2f} ms  {'OK' if p95 <= 16 else 'OVER BUDGET'}")
        print(f"  (rows shown after the last letter, summed over the names typed: {hits})")
    screen.close()


def _type_names(app: object, screen: object, archive: SqliteArchive, repeat: int,
                cold: bool) -> tuple[list[float], list[float], int]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    keyboard = screen.keyboard  # type: ignore[attr-defined]
    samples: list[float] = []
    cpu: list[float] = []
    hits = 0
    rounds = max(1, repeat // 40)
    for _ in range(rounds):
        for layout, typed in TYPED:
            keyboard.set_layout(layout)
            for char in typed:
                key = keyboard.key_for(char) if char != " " else keyboard.space_key
                assert key is not None, char
                if char != " " and key.property("lower") != char:
                    QTest.mouseClick(keyboard.shift_key, Qt.MouseButton.LeftButton)
                    app.processEvents()  # type: ignore[attr-defined]
                if cold:
                    archive.names.forget_recent()
                started, started_cpu = time.perf_counter(), time.process_time()
                QTest.mouseClick(key, Qt.MouseButton.LeftButton)  # search runs on textChanged
                app.processEvents()  # type: ignore[attr-defined]  # rows and key painted here
                samples.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            hits += len(screen.result_rows())  # type: ignore[attr-defined]
            QTest.mouseClick(keyboard.clear_key, Qt.MouseButton.LeftButton)
            app.processEvents()  # type: ignore[attr-defined]
    return samples, cpu, hits


if __name__ == "__main__":
    main()
