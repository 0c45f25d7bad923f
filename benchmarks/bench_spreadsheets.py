"""Benchmark: reading N SYNTHETIC names (not real people) as names.csv and as the names
sheet of content.xlsx, and one look of the synced inbox at a package of that size.

Run on demand: ``.venv/bin/python benchmarks/bench_spreadsheets.py [--names N]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from khojaly_kiosk.content.readers.folder import read_content_folder
from khojaly_kiosk.kiosk.core.sync import look_at

PACKAGE = 'title = "Synthetic benchmark"\nexhibition_id = "synthetic-bench"\n'
SOURCES = '[[source]]\nid = "synthetic"\nkind = "book"\ntitle = "Synthetic"\n'


def timed(label: str, work: object) -> float:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    print(f"{seconds:8.2f} s  {label}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=100_000)
    args = parser.parse_args()
    rows = [(f"Synthetic Name {i}", 20 + i % 70, "Synthetic Village", "synthetic")
            for i in range(args.names)]
    with tempfile.TemporaryDirectory() as tmp:
        csv_dir, xlsx_dir = Path(tmp, "csv"), Path(tmp, "xlsx")
        for folder in (csv_dir, xlsx_dir):
            folder.mkdir()
            (folder / "package.toml").write_text(PACKAGE, encoding="utf-8")
            (folder / "sources.toml").write_text(SOURCES, encoding="utf-8")
        lines = ["name;age;village;source"] + [";".join(map(str, r)) for r in rows]
        (csv_dir / "names.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        book = Workbook(write_only=True)
        sheet = book.create_sheet("names")
        sheet.append(["name", "age", "village", "source"])
        for row in rows:
            sheet.append(list(row))
        book.save(xlsx_dir / "content.xlsx")
        print(f"{args.names:,} synthetic names")
        timed("names.csv (semicolons) read and checked", lambda: read_content_folder(csv_dir))
        timed("content.xlsx names sheet read and checked",
              lambda: read_content_folder(xlsx_dir))
        timed("one look of the inbox at the workbook folder", lambda: look_at(xlsx_dir))


if __name__ == "__main__":
    main()
