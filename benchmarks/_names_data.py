"""SYNTHETIC names (not real people) and a throw-away archive holding only them.

Used by ``bench_name_search.py`` (the repository's query alone) and ``run_all.py`` (keystroke
-> results painted through the on-screen keyboard). Name parts are syllables glued at random,
so no generated name is a real person's; every row is marked as synthetic in its category.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import time
from pathlib import Path
from typing import Any

from _common import CACHE, ROOT

_ONSETS = ["", "b", "c", "ç", "d", "f", "g", "ğ", "h", "x", "j", "k", "q", "l", "m", "n", "p",
           "r", "s", "ş", "t", "v", "y", "z"]
_VOWELS = ["a", "e", "ə", "ı", "i", "o", "ö", "u", "ü"]
_CODAS = ["", "", "n", "r", "l", "m", "s", "z", "t"]
_SURNAME_ENDINGS = ["ov", "ova", "yev", "yeva", "li", "zadə"]
_CYRILLIC_ONSETS = ["", "б", "в", "г", "д", "дж", "з", "к", "л", "м", "н", "р", "с", "т", "ш"]
_CYRILLIC_VOWELS = ["а", "е", "и", "о", "у", "ы"]
_CYRILLIC_ENDINGS = ["ов", "ова", "ев", "ева", "ли"]
# A few names every visitor might type, spelt the three ways (still synthetic: no person).
_TYPED_SPELLINGS = ("Məmməd Hüseynov", "Mamed Guseynov", "Мамед Гусейнов")
SYNTHETIC = "SYNTHETIC benchmark name"


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def synthetic_name(rng: random.Random) -> str:
    if rng.random() < 0.1:  # as a Russian-language list writes a name
        parts = ["".join(rng.choice(_CYRILLIC_ONSETS) + rng.choice(_CYRILLIC_VOWELS)
                         for _ in range(rng.randint(2, 3))) for _ in range(2)]
        return f"{parts[0].capitalize()} {parts[1].capitalize()}{rng.choice(_CYRILLIC_ENDINGS)}"
    given = "".join(_syllable(rng) for _ in range(rng.randint(2, 3))).capitalize()
    family = "".join(_syllable(rng) for _ in range(2)).capitalize() + rng.choice(_SURNAME_ENDINGS)
    return f"{given} {family}"


def build(db_path: Path, count: int, quiet: bool = False) -> None:
    """An archive file holding ``count`` synthetic names and nothing else."""
    from sqlalchemy import text

    from khojaly_kiosk.archive.engine import build_engine
    from khojaly_kiosk.archive.schema import create_schema, finalize

    rng = random.Random(1992)
    engine = build_engine(db_path)
    create_schema(engine)
    started = time.perf_counter()
    insert = text("INSERT INTO name (name, folded, sort_key, village, category, passage) "
                  "VALUES (:name, '', '', '', :category, '')")
    with engine.begin() as connection:
        batch: list[dict[str, str]] = []
        for index in range(count):
            name = (_TYPED_SPELLINGS[index % 3] if index % 50_000 == 7
                    else synthetic_name(rng))
            batch.append({"name": name, "category": SYNTHETIC})
            if len(batch) == 50_000:
                connection.execute(insert, batch)
                batch = []
        if batch:
            connection.execute(insert, batch)
    inserted = time.perf_counter()
    finalize(engine)
    engine.dispose()
    if not quiet:
        print(f"built {count:,} synthetic names: insert {inserted - started:.1f} s, "
              f"finalize (fold, sort keys, FTS, ANALYZE) {time.perf_counter() - inserted:.1f} s, "
              f"file {db_path.stat().st_size / 1e6:.0f} MB")


def _schema_key() -> str:
    """Changes whenever the archive's schema code or this generator changes."""
    digest = hashlib.sha256()
    for part in ("src/khojaly_kiosk/archive/schema.py", "src/khojaly_kiosk/archive/models.py",
                 "src/khojaly_kiosk/archive/search.py", "benchmarks/_names_data.py"):
        path = ROOT / part
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_names_archive(count: int) -> Path:
    """A folder holding ``archive.sqlite`` with ``count`` synthetic names (built once, kept in
    ``benchmarks/.cache`` until the schema code changes)."""
    from khojaly_kiosk.archive.schema import DB_FILENAME

    folder = CACHE / f"names-{count}-{_schema_key()}"
    if (folder / DB_FILENAME).is_file():
        return folder
    for old in CACHE.glob(f"names-{count}-*"):
        shutil.rmtree(old, ignore_errors=True)
    work = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    build(work / DB_FILENAME, count, quiet=True)
    work.rename(folder)
    return folder


def open_names_archive(folder: Path) -> tuple[Any, Any]:
    """``(repos, reader)``: the repositories over the synthetic archive in ``folder``."""
    from khojaly_kiosk.archive.layout import DB_FILENAME
    from khojaly_kiosk.archive.reader import Reader
    from khojaly_kiosk.archive.repositories import SqliteArchive

    reader = Reader(folder / DB_FILENAME)
    return SqliteArchive(reader, folder, "synthetic-names"), reader


def queries(count: int, seed: int = 26) -> list[str]:
    """What visitors type: the first 2-7 letters of a (synthetic) name, lower case."""
    rng = random.Random(seed)
    return [synthetic_name(rng).lower()[: rng.randint(2, 7)].rstrip() for _ in range(count)]
