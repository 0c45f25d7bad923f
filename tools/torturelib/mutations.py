"""Hostile packages, part 1: what an attacker does to the bytes and members of a package.

Every mutation derives from the good signed version-2 package (zip and folder) of the
fixture. ``Mutation.build(out_dir)`` writes the mutated package and returns its path.
``expect``: "refuse" (hostile), "either" (a legitimately signed package that may be
refused or accepted) or "accept" (a control: the harness is wrong if it is refused).
Part 2 (re-signed content) is ``mutations_signed``.
"""

from __future__ import annotations

import random
import stat
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from torturelib.bagtools import (
    Keys,
    Member,
    copy_bag,
    read_members,
    resign,
    write_members,
    zip_folder,
)

TOKEN = "TORTURE-SLIP"  # in every name that tries to land outside staging


@dataclass
class Mutation:
    family: str
    name: str
    build: Callable[[Path], Path]
    expect: str = "refuse"
    quick: bool = False


@dataclass
class Base:
    """What mutations start from."""

    zip: Path
    bag: Path
    old_zip: Path  # version 1, live already: a replay
    old_bag: Path
    trusted: Keys
    stranger: Keys


def _out(out_dir: Path, name: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    return out_dir / name


def raw_zip(base: Base, change: Callable[[bytearray], bytes | bytearray]) -> Callable[[Path], Path]:
    def build(out_dir: Path) -> Path:
        path = _out(out_dir, "package.zip")
        path.write_bytes(bytes(change(bytearray(base.zip.read_bytes()))))
        return path
    return build


def members_zip(base: Base, change: Callable[[list[Member]], list[Member]]
                ) -> Callable[[Path], Path]:
    def build(out_dir: Path) -> Path:
        return write_members(_out(out_dir, "package.zip"), change(read_members(base.zip)))
    return build


def bag_edit(base: Base, change: Callable[[Path], None], sign: Keys | str | None = None,
             zip: bool = False) -> Callable[[Path], Path]:
    """Copy the bag, ``change`` it, then: ``None`` leave the manifests and signature stale,
    "tags" re-hash without signing, or re-hash and sign with ``Keys``."""
    def build(out_dir: Path) -> Path:
        bag = copy_bag(base.bag, _out(out_dir, "package"))
        change(bag)
        if sign == "tags":
            resign(bag, None)
        elif isinstance(sign, Keys):
            resign(bag, sign)
        if zip:
            return zip_folder(bag, out_dir / "package.zip")
        return bag
    return build


# ---- bytes of the zip ------------------------------------------------------------------------


def _regions(data: bytes) -> list[tuple[str, int, int]]:
    """(name, start, end) of the local headers+data, the central directory and its end."""
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"PK\x05\x06"))
    first_central = data.find(b"PK\x01\x02")
    end = data.rfind(b"PK\x05\x06")
    return [("members", 0, first_central), ("central directory", first_central, end),
            ("end record", end, len(data))] if central >= 0 else [("file", 0, len(data))]


def zip_flips(base: Base, count: int, rng: random.Random) -> list[Mutation]:
    data = base.zip.read_bytes()
    regions = _regions(data)
    found = []
    for index in range(count):
        name, start, end = regions[index % len(regions)] if index % 4 else regions[0]
        flips = rng.choice((1, 1, 1, 2, 3, 8))
        spots = [(rng.randrange(start, max(start + 1, end)), rng.randrange(1, 256))
                 for _ in range(flips)]

        def change(raw: bytearray, spots: list[tuple[int, int]] = spots) -> bytearray:
            for at, xor in spots:
                raw[at] ^= xor
            return raw
        found.append(Mutation("zip-flip", f"{flips} byte(s) flipped in the {name} at "
                              f"{spots[0][0]}", raw_zip(base, change), quick=index < 10))
    return found


def zip_cuts(base: Base, count: int, rng: random.Random) -> list[Mutation]:
    size = base.zip.stat().st_size
    lengths = [0, 1, 4, 21, 22, size - 1, size - 22, size - 23, size // 2]
    lengths += [rng.randrange(1, size) for _ in range(max(0, count - len(lengths)))]
    return [Mutation("zip-cut", f"the zip cut to {n} of {size} bytes",
                     raw_zip(base, lambda raw, n=n: raw[:n]), quick=n in (0, size - 1))
            for n in lengths]


def folder_flips(base: Base, count: int, rng: random.Random) -> list[Mutation]:
    files = sorted(p.relative_to(base.bag).as_posix() for p in base.bag.rglob("*")
                   if p.is_file())
    found = []
    for index in range(count):
        rel = files[index % len(files)]
        size = (base.bag / rel).stat().st_size
        at, xor = rng.randrange(max(1, size)), rng.randrange(1, 256)

        def change(bag: Path, rel: str = rel, at: int = at, xor: int = xor) -> None:
            raw = bytearray((bag / rel).read_bytes())
            if raw:
                raw[at] ^= xor
            else:
                raw = bytearray(b"x")
            (bag / rel).write_bytes(bytes(raw))
        found.append(Mutation("folder-flip", f"byte {at} of {rel} flipped",
                              bag_edit(base, change), quick=index < 3))
    return found


# ---- members ------------------------------------------------------------------------------


def member_ops(base: Base) -> list[Mutation]:
    names = [m.name for m in read_members(base.zip)]
    found: list[Mutation] = []
    for name in names:
        quick = name == "data/names.csv"

        def op(kind: str, name: str = name) -> Callable[[list[Member]], list[Member]]:
            def change(members: list[Member]) -> list[Member]:
                result = []
                for member in members:
                    if member.name != name:
                        result.append(member)
                    elif kind == "truncate":
                        result.append(Member(name, member.data[: len(member.data) // 2]))
                    elif kind == "drop":
                        continue
                    elif kind == "duplicate":
                        result += [member, Member(name, member.data + b"\nextra,row\n")]
                    elif kind == "duplicate-same":
                        result += [member, Member(name, member.data)]
                    elif kind == "upper":
                        result.append(Member(name.upper(), member.data))
                    elif kind == "case-twin":
                        result += [member, Member(name[:-1] + name[-1].upper(), member.data)]
                    elif kind == "moved":
                        result.append(Member("extra/" + name, member.data))
                    elif kind == "trailing-space":
                        result.append(Member(name + " ", member.data))
                    elif kind == "stored":
                        result.append(Member(name, member.data, compress=zipfile.ZIP_STORED))
                return result
            return change

        kinds = ["truncate", "drop", "duplicate", "duplicate-same", "upper", "case-twin",
                 "moved", "trailing-space", "stored"]
        for kind in kinds:
            expect = "either" if kind == "stored" else "refuse"
            found.append(Mutation("zip-member", f"{name}: {kind}", members_zip(base, op(kind)),
                                  expect, quick=quick and kind in ("truncate", "duplicate")))
    return found


def slip(base: Base) -> list[Mutation]:
    names = [f"../{TOKEN}", f"../../{TOKEN}", f"/tmp/{TOKEN}-abs", f"data/../../{TOKEN}",
             f"C:\\{TOKEN}", f"data\\..\\..\\{TOKEN}", f"C:/{TOKEN}", f"\\\\server\\{TOKEN}",
             f"data/./{TOKEN}", f"data//{TOKEN}", "", ".", "data/..", f"./../{TOKEN}",
             f"data/media/../../../{TOKEN}"]
    found = []
    for index, name in enumerate(names):
        for replace in (False, True):
            def change(members: list[Member], name: str = name, replace: bool = replace
                       ) -> list[Member]:
                evil = Member(name, b"name,source\nslipped,synthetic-a\n")
                if replace:
                    return [evil if m.name == "data/names.csv" else m for m in members]
                return [*members, evil]
            label = "in place of data/names.csv" if replace else "added"
            found.append(Mutation("zip-slip", f"member {name!r} {label}",
                                  members_zip(base, change), quick=index < 2 and not replace))
    return found


def links(base: Base) -> list[Mutation]:
    link = stat.S_IFLNK | 0o777
    zipped = [("data/names.csv", "/etc/passwd"), ("data/media", "/"),
              ("data/extra-link", "../../../etc/shadow"), ("bagit.txt", "/etc/hostname")]
    found = []
    for index, (name, target) in enumerate(zipped):
        def change(members: list[Member], name: str = name, target: str = target
                   ) -> list[Member]:
            kept = [m for m in members if m.name != name]
            return [*kept, Member(name, target.encode(), mode=link)]
        found.append(Mutation("links", f"zip symlink {name} -> {target}",
                              members_zip(base, change), quick=index == 0))
    found.append(Mutation("links", "zip member that is a FIFO",
                          members_zip(base, lambda ms: [*ms, Member("data/fifo", b"",
                                                                    mode=stat.S_IFIFO | 0o644)])))
    found.append(Mutation("links", "zip member that is a block device",
                          members_zip(base, lambda ms: [*ms, Member("data/dev", b"",
                                                                    mode=stat.S_IFBLK | 0o644)])))

    def folder_link(rel: str, target: str) -> Callable[[Path], None]:
        def change(bag: Path) -> None:
            path = bag / rel
            if path.is_dir():
                import shutil
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
            path.symlink_to(target)
        return change

    for rel, target in (("data/names.csv", "/etc/passwd"), ("data/media", "/usr/share"),
                        ("data/extra", "/etc/passwd"), ("bag-info.txt", "/etc/hostname")):
        for sign in (None, base.trusted):
            label = " (re-signed with the trusted key)" if sign else ""
            found.append(Mutation("links", f"folder symlink {rel} -> {target}{label}",
                                  bag_edit(base, folder_link(rel, target), sign)))

    def fifo(bag: Path) -> None:
        import os
        os.mkfifo(bag / "data" / "pipe")

    def hardlink(bag: Path) -> None:
        import os
        outside = bag.parent / "outside.csv"
        outside.write_text("name,source\nhard,synthetic-a\n", "utf-8")
        (bag / "data" / "names.csv").unlink()
        os.link(outside, bag / "data" / "names.csv")

    found.append(Mutation("links", "folder with a FIFO", bag_edit(base, fifo)))
    found.append(Mutation("links", "folder with a hard link to a file outside",
                          bag_edit(base, hardlink, base.trusted)))
    return found


# ---- sizes --------------------------------------------------------------------------------


def _patch_sizes(raw: bytearray, name: bytes, uncompressed: int) -> bytearray:
    """Set the declared uncompressed size of ``name`` in its local and central headers."""
    for signature, size_at, name_len_at, header in ((b"PK\x03\x04", 22, 26, 30),
                                                     (b"PK\x01\x02", 24, 28, 46)):
        at = raw.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", raw, at + name_len_at)[0]
            if bytes(raw[at + header: at + header + length]) == name:
                struct.pack_into("<I", raw, at + size_at, uncompressed & 0xFFFFFFFF)
            at = raw.find(signature, at + 4)
    return raw


def sizes(base: Base) -> list[Mutation]:
    found = []
    for declared in (0, 1, 0xFFFFFFFF, 0x7FFFFFFF):
        found.append(Mutation("sizes", f"data/names.csv declares {declared} bytes",
                              raw_zip(base, lambda raw, d=declared: _patch_sizes(
                                  raw, b"data/names.csv", d)), quick=declared == 0xFFFFFFFF))

    def bomb(members: list[Member]) -> list[Member]:
        return [*members, Member("data/bomb.txt", bytes(200 * 1024 * 1024))]

    def lying_bomb(out_dir: Path) -> Path:
        path = write_members(_out(out_dir, "package.zip"),
                             [*read_members(base.zip),
                              Member("data/bomb.txt", bytes(120 * 1024 * 1024))])
        path.write_bytes(bytes(_patch_sizes(bytearray(path.read_bytes()), b"data/bomb.txt",
                                            1000)))
        return path

    def many(members: list[Member]) -> list[Member]:
        return members + [Member(f"data/many/{i}.txt", b"") for i in range(20_001)]

    def bomb_pieces(members: list[Member]) -> list[Member]:
        return members + [Member(f"data/pieces/{i}.txt", bytes(900 * 1024))
                          for i in range(150)]

    found += [
        Mutation("sizes", "a 200 MB member of zeros (a zip bomb)", members_zip(base, bomb)),
        Mutation("sizes", "a 120 MB member that declares 1,000 bytes", lying_bomb),
        Mutation("sizes", "20,001 members", members_zip(base, many)),
        Mutation("sizes", "150 members of 900 KB zeros (a bomb in pieces)",
                 members_zip(base, bomb_pieces)),
    ]
    return found
