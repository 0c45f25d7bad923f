"""Benchmark: prefix search over 1,000,000 SYNTHETIC names (not real people).

Run on demand: ``.venv/bin/python benchmarks/bench_name_search.py [--names N]``.
Builds a throw-away archive in a temp folder, then prints p50/p95 latency in ms of
``NameRepository.search`` (limit 50, the full path the UI uses) for kinds of query, the
alphabetical ``page`` at several depths, and the ratio to ordering by BM25 ``rank``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from khojaly_kiosk.archive.engine import open_engine
from khojaly_kiosk.archive.repositories import SqliteArchive
from khojaly_kiosk.archive.schema import DB_FILENAME
from khojaly_kiosk.archive.search import fts_query, search_name_ids

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _names_data import build


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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-names-") as temp:
        folder = Path(temp)
        build(folder / DB_FILENAME, args.names)
        engine = open_engine(folder / DB_FILENAME, readonly=True)
        archive = SqliteArchive(engine, folder, "bench")
        queries = {
            "1 letter 's'": "s",
            "2 letters 'se'": "se",
            "3 letters 'səv' (diacritic)": "səv",
            "4 letters 'SEVI' (case)": "SEVI",
            "word + letter 'sa m'": "sa m",
            "two prefixes 'sa ba'": "sa ba",
            "no hit 'qqq'": "qqq",
            "hostile '\"(NEAR*'": '"(NEAR*',
        }
        print(f"\nNameRepository.search, limit 50, {args.repeat} runs each (ms):")
        print(f"{'query':34} {'p50':>8} {'p95':>8} {'hits':>6}")
        p95s = {}
        for label, query in queries.items():
            p50, p95 = measure(lambda q=query: archive.names.search(q, 50), args.repeat)
            p95s[label] = p95
            hits = len(archive.names.search(query, 50))
            print(f"{label:34} {p50:8.3f} {p95:8.3f} {hits:6}")
        with engine.connect() as connection:
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
        rank_sql = text("SELECT rowid FROM name_fts WHERE name_fts MATCH :q ORDER BY rank LIMIT 50")
        with engine.connect() as connection:
            _, rank_p95 = measure(
                lambda: connection.execute(rank_sql, {"q": match}).all(), max(5, args.repeat // 20)
            )
        ours = p95s["1 letter 's'"]
        print(f"\n1 letter 's' ordered by BM25 rank instead: p95 {rank_p95:.1f} ms "
              f"({rank_p95 / ours:.0f}x our alphabetical-rank order)")
        engine.dispose()


if __name__ == "__main__":
    main()
