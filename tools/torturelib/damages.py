"""The damage the corrupt suite does: to archive.sqlite, the ``current`` pointer, state.sqlite.

Each ``Damage`` names what the kiosk may serve afterwards and what a truthful ``doctor``
must call damaged.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

UNAVAILABLE = "unavailable"
GEN1, GEN2 = "gen-000001", "gen-000002"


@dataclass
class Damage:
    family: str
    name: str
    apply: Callable[[Path], None]
    serve: set[str]  # generations the kiosk may serve, or UNAVAILABLE
    what: str  # "archive", "pointer", "state", "media" or "" (nothing is damaged for real)
    hold_lock: bool = False


def db_of(data: Path, gen: str = GEN2) -> Path:
    return data / "archives" / gen / "archive.sqlite"


def _truncate(fraction: float, gen: str = GEN2) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        db = db_of(data, gen)
        size = db.stat().st_size
        with db.open("r+b") as handle:
            handle.truncate(int(size * fraction))
    return apply


def _write_at(offset: int, data_bytes: bytes, gen: str = GEN2) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        with db_of(data, gen).open("r+b") as handle:
            handle.seek(offset)
            handle.write(data_bytes)
    return apply


def _replace(target: Callable[[Path], Path], content: bytes | None) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = target(data)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        if content is not None:
            path.write_bytes(content)
    return apply


def _flip(seed: int, count: int) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        rng = random.Random(seed)
        db = db_of(data)
        raw = bytearray(db.read_bytes())
        page = 4096
        for _ in range(count):
            at = rng.randrange(page if len(raw) > 2 * page else 0, len(raw))
            raw[at] ^= rng.randrange(1, 256)
        db.write_bytes(bytes(raw))
    return apply


def _flip_text(text: bytes) -> Callable[[Path], None]:
    """Change one letter of a row's text where it is stored: a "silent" corruption."""
    def apply(data: Path) -> None:
        raw = bytearray(db_of(data).read_bytes())
        at = raw.find(text.rstrip(b","))
        if at < 0:
            raise RuntimeError(f"{text!r} is not in the archive file")
        raw[at + 5] ^= 0x20  # "Name" -> "name"
        db_of(data).write_bytes(bytes(raw))
    return apply


def _then(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        for step in steps:
            step(data)
    return apply


def _pointer(data: Path) -> Path:
    return data / "archives" / "current"


def _state(data: Path) -> Path:
    return data / "state.sqlite"


def _copy_gen1_db(data: Path) -> None:
    shutil.copyfile(db_of(data, GEN1), db_of(data, GEN2))


def _make_dir(target: Callable[[Path], Path]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = target(data)
        path.unlink(missing_ok=True)
        path.mkdir()
    return apply


def _media(action: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        media = sorted(p for p in (data / "archives" / GEN2 / "media").rglob("*")
                       if p.is_file())
        if action == "delete":
            media[0].unlink()
        else:
            media[0].write_bytes(media[0].read_bytes()[:10])
    return apply


def damages(quick: bool, rng: random.Random) -> list[Damage]:
    garbage = bytes(rng.randrange(256) for _ in range(5000))
    old, both = {GEN1}, {UNAVAILABLE}
    cases = [
        Damage("archive", "archive.sqlite truncated to half", _truncate(0.5), old, "archive"),
        Damage("archive", "archive.sqlite header zeroed", _write_at(0, bytes(100)), old,
               "archive"),
        Damage("pointer", "current holds garbage", _replace(_pointer, garbage), {GEN2},
               "pointer"),
        Damage("pointer", "current names a missing generation",
               _replace(_pointer, b"gen-000009\n"), {GEN2}, "pointer"),
        Damage("state", "state.sqlite truncated to half", lambda d: _cut(_state(d), 0.5),
               {GEN2}, "state"),
        Damage("combined", "both generations damaged",
               _then(_truncate(0.3), _truncate(0.3, GEN1)), both, "archive"),
        Damage("archive-flip", "one letter of a name changed inside archive.sqlite",
               _flip_text(b"Test Name 7,"), {GEN1, GEN2}, "archive"),
    ]
    if quick:
        return cases
    cases += [
        Damage("archive", "archive.sqlite empty", _truncate(0.0), old, "archive"),
        Damage("archive", "archive.sqlite cut inside the header",
               _then(_truncate(0.0), _write_at(0, b"SQLite format 3\x00")), old, "archive"),
        Damage("archive", "archive.sqlite cut to one page", lambda d: _truncate_to(d, 4096),
               old, "archive"),
        Damage("archive", "archive.sqlite is garbage", _replace(db_of, garbage), old, "archive"),
        Damage("archive", "archive.sqlite deleted", _replace(db_of, None), old, "archive"),
        Damage("archive", "archive.sqlite is a folder", _make_dir(db_of), old, "archive"),
        Damage("archive", "archive.sqlite is an empty database",
               lambda d: _empty_database(db_of(d)), old, "archive"),
        Damage("archive", "page 1 (the schema) scribbled", _write_at(120, b"\xff" * 400),
               old, "archive"),
        Damage("archive", "last page zeroed", lambda d: _zero_last_page(db_of(d)), old,
               "archive"),
        Damage("archive", "archive.sqlite swapped for generation 1's", _copy_gen1_db,
               {GEN1}, "archive"),
        Damage("archive", "garbage write-ahead log beside archive.sqlite",
               lambda d: db_of(d).with_name("archive.sqlite-wal").write_bytes(garbage),
               {GEN2}, ""),
        Damage("media", "a media file deleted", _media("delete"), {GEN1, GEN2}, "media"),
        Damage("media", "a media file truncated", _media("truncate"), {GEN1, GEN2}, "media"),
        Damage("pointer", "current is empty", _replace(_pointer, b""), {GEN2}, "pointer"),
        Damage("pointer", "current is whitespace", _replace(_pointer, b" \n\n"), {GEN2},
               "pointer"),
        Damage("pointer", "current deleted", _replace(_pointer, None), {GEN2}, "pointer"),
        Damage("pointer", "current is a folder", _make_dir(_pointer), {GEN2}, "pointer"),
        Damage("pointer", "current names the older generation 1",
               _replace(_pointer, b"gen-000001\n"), {GEN1}, ""),
        Damage("pointer", "current with a NUL byte", _replace(_pointer, b"gen-000002\x00\n"),
               {GEN2}, "pointer"),
        Damage("pointer", "current names ../../etc/passwd",
               _replace(_pointer, b"../../etc/passwd\n"), {GEN2}, "pointer"),
        Damage("pointer", "current is 10 MB", _replace(_pointer, b"a" * 10_000_000), {GEN2},
               "pointer"),
        Damage("pointer", "current in UTF-16",
               _replace(_pointer, "gen-000002\n".encode("utf-16")), {GEN2}, "pointer"),
        Damage("state", "state.sqlite empty", _replace(_state, b""), {GEN2}, "state"),
        Damage("state", "state.sqlite is garbage", _replace(_state, garbage), {GEN2}, "state"),
        Damage("state", "state.sqlite header zeroed",
               lambda d: _zero_header(_state(d)), {GEN2}, "state"),
        Damage("state", "state.sqlite deleted", _replace(_state, None), {GEN2}, "state"),
        Damage("state", "state.sqlite is a folder", _make_dir(_state), {GEN2}, "state"),
        Damage("state", "state.sqlite locked by another process", lambda d: None, {GEN2}, "",
               hold_lock=True),
        Damage("combined", "garbage pointer and damaged generation 2",
               _then(_replace(_pointer, garbage), _truncate(0.5)), old, "archive"),
        Damage("combined", "pointer on generation 1, which is damaged",
               _then(_replace(_pointer, b"gen-000001\n"), _truncate(0.5, GEN1)),
               {GEN2, UNAVAILABLE}, "archive"),
    ]
    for seed in range(2, 22):
        count = rng.choice((1, 4, 64, 4096))
        cases.append(Damage("archive-flip", f"{count} bytes flipped in archive.sqlite "
                            f"(seed {seed})", _flip(seed, count), {GEN1, GEN2}, "archive"))
    return cases


def _cut(path: Path, fraction: float) -> None:
    with path.open("r+b") as handle:
        handle.truncate(int(path.stat().st_size * fraction))


def _truncate_to(data: Path, size: int) -> None:
    with db_of(data).open("r+b") as handle:
        handle.truncate(size)


def _zero_last_page(db: Path) -> None:
    size = db.stat().st_size
    with db.open("r+b") as handle:
        handle.seek(max(0, size - 4096))
        handle.write(bytes(min(size, 4096)))


def _zero_header(db: Path) -> None:
    with db.open("r+b") as handle:
        handle.write(bytes(100))


def _empty_database(db: Path) -> None:
    db.unlink()
    sqlite3.connect(db).close()


@contextmanager
def locked(db: Path) -> Iterator[None]:
    connection = sqlite3.connect(db, timeout=0.1)
    connection.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        connection.rollback()
        connection.close()
