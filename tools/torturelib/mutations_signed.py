"""Hostile packages, part 2: the bag's own files, keys and content, often re-signed.

A change re-signed with the TRUSTED key is what a careless or compromised curator's computer
could send: the signature holds, so validation and limits must refuse it. Re-signed with a
stranger's key, or not at all, the signature check must. ``expect="either"`` marks a change
that leaves a legitimate signed package (the kiosk may accept or refuse it); ``"accept"``
marks controls that prove the tool's re-signing yields packages the kiosk takes.
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from torturelib.bagtools import (
    MANIFEST,
    SIGNATURE,
    TAG_MANIFEST,
    Keys,
    copy_bag,
    rehash,
    set_info,
    sign,
    zip_folder,
)
from torturelib.mutations import Base, Mutation, bag_edit

Change = Callable[[Path], None]


def text_edit(rel: str, edit: Callable[[str], str]) -> Change:
    def change(bag: Path) -> None:
        path = bag / "data" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_text("utf-8") if path.is_file() else ""
        path.write_bytes(edit(old).encode("utf-8", "surrogatepass"))
    return change


def put(rel: str, content: bytes) -> Change:
    def change(bag: Path) -> None:
        path = bag / "data" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return change


def info(key: str, value: str | None) -> Change:
    return lambda bag: set_info(bag, key, value)


def append_row(rel: str, row: str) -> Change:
    return text_edit(rel, lambda text: text + row + "\n")


def replace_text(rel: str, old: str, new: str) -> Change:
    return text_edit(rel, lambda text: text.replace(old, new, 1))


def signed(base: Base, family: str, name: str, change: Change, expect: str = "refuse",
           quick: bool = False, keys: Keys | None = None, zip: bool = False) -> Mutation:
    keys = keys or base.trusted
    return Mutation(family, f"{name} (signed: {keys.name})", bag_edit(base, change, keys, zip),
                    expect, quick)


# ---- bag-info and Package-Version ----------------------------------------------------------


def bag_info(base: Base) -> list[Mutation]:
    found = [
        signed(base, "bag-info", "a 1 MB Package-Title", info("Package-Title", "T" * 2**20),
               quick=True),
        signed(base, "bag-info", "a 4 MB Package-Title", info("Package-Title", "T" * 2**22)),
        signed(base, "bag-info", "a 1 MB Source-Organization",
               info("Source-Organization", "O" * 2**20)),
        signed(base, "bag-info", "50,000 extra fields", lambda bag: (bag / "bag-info.txt")
               .open("a").write("".join(f"X-Field-{i}: v\n" for i in range(50_000)))),
        signed(base, "bag-info", "a 1 MB line without a colon", lambda bag: (
            bag / "bag-info.txt").open("a").write("x" * 2**20 + "\n")),
        signed(base, "bag-info", "Package-Version given twice", lambda bag: (
            bag / "bag-info.txt").open("a").write("Package-Version: 3\n")),
        signed(base, "bag-info", "no Exhibition-Id", info("Exhibition-Id", None)),
        signed(base, "bag-info", "an Exhibition-Id unlike package.toml's",
               info("Exhibition-Id", "another-exhibition")),
        signed(base, "bag-info", "bytes that are not UTF-8", lambda bag: (
            bag / "bag-info.txt").open("ab").write(b"Contact-Name: \xff\xfe\xfa\n")),
        signed(base, "bag-info", "an empty bag-info.txt",
               lambda bag: (bag / "bag-info.txt").write_text("", "utf-8")),
        signed(base, "bag-info", "Bagging-Date that is no date",
               info("Bagging-Date", "yesterday"), "either"),
        signed(base, "bag-info", "an unknown field", info("Contact-Name", "Synthetic Person"),
               "either"),
        signed(base, "bag-info", "CRLF line ends", lambda bag: (bag / "bag-info.txt")
               .write_bytes((bag / "bag-info.txt").read_bytes().replace(b"\n", b"\r\n")),
               "either"),
        Mutation("bag-info", "a wrong Payload-Oxum (signed: curator)",
                 _after_rehash(base, info("Payload-Oxum", "1.1"), base.trusted)),
    ]
    return found


def versions(base: Base) -> list[Mutation]:
    refused = ["7²", "9" * 5000, "1" + "0" * 20, "1000000000", "-1", "0", "1.5", "٣", "³",
               "0x10", "1e3", "+3", "2 2", "2\x00", "2\x1b[31m", "", "Ⅻ", "२"]
    either = ["999999999", "03", " 3"]
    found = [signed(base, "version", f"Package-Version {value[:12]!r}"
                    f"{'...' if len(value) > 12 else ''}", info("Package-Version", value),
                    quick=value in ("7²", "1" + "0" * 20, "٣"))
             for value in refused]
    found += [signed(base, "version", f"Package-Version {value!r}",
                     info("Package-Version", value), "either") for value in either]
    return found


def _after_rehash(base: Base, change: Change, keys: Keys | None, tags_only: bool = True
                  ) -> Callable[[Path], Path]:
    """Re-hash the payload first, then ``change``, then only the tag manifest (+ sign)."""
    def build(out_dir: Path) -> Path:
        out_dir.mkdir(parents=True, exist_ok=True)
        bag = copy_bag(base.bag, out_dir / "package")
        change(bag)
        if keys is not None or not tags_only:
            rehash(bag, manifest=False, oxum=False)
        if keys is not None:
            sign(bag, keys)
        return bag
    return build


# ---- manifests and signatures -----------------------------------------------------------------


def _manifest(edit: Callable[[list[str]], list[str]], name: str = MANIFEST) -> Change:
    def change(bag: Path) -> None:
        path = bag / name
        lines = path.read_text("utf-8").splitlines(keepends=True)
        path.write_text("".join(edit(lines)), "utf-8")
    return change


def _without(part: str) -> Callable[[list[str]], list[str]]:
    return lambda lines: [line for line in lines if part not in line]


def manifests(base: Base) -> list[Mutation]:
    zero = "0" * 64
    edits: list[tuple[str, Change]] = [
        ("the names.csv line removed", _manifest(_without("data/names.csv"))),
        ("a line for a missing file", _manifest(lambda ls: [*ls, f"{zero}  data/ghost.csv\n"])),
        ("names.csv's hash zeroed", _manifest(lambda ls: [
            f"{zero}  data/names.csv\n" if "data/names.csv" in line else line for line in ls])),
        ("a line for ../../../etc/passwd", _manifest(lambda ls: [
            *ls, f"{zero}  data/../../../etc/passwd\n"])),
        ("a line for /etc/passwd", _manifest(lambda ls: [*ls, f"{zero}  /etc/passwd\n"])),
        ("an empty payload manifest", _manifest(lambda ls: [])),
        ("a manifest-md5.txt beside it", lambda bag: (bag / "manifest-md5.txt").write_text(
            "".join(f"{'0' * 32}  {p.relative_to(bag).as_posix()}\n"
                    for p in sorted((bag / "data").rglob("*")) if p.is_file()), "utf-8")),
        ("bag-info.txt left out of the tag manifest",
         _manifest(_without("bag-info.txt"), TAG_MANIFEST)),
        ("the names.csv line twice", _manifest(lambda ls: ls + [
            line for line in ls if "data/names.csv" in line])),
        ("CRLF line ends in the manifest", _manifest(lambda ls: [
            line.replace("\n", "\r\n") for line in ls])),
    ]
    found = []
    for index, (label, change) in enumerate(edits):
        legit = "either" if "twice" in label or "CRLF" in label else "refuse"
        tag_edit = "tag manifest" in label
        found += [
            Mutation("manifest", f"{label} (not re-signed)", _after_rehash(base, change, None)),
            Mutation("manifest", f"{label} (signed: {base.stranger.name})",
                     _after_rehash(base, change, base.stranger)),
            Mutation("manifest", f"{label} (signed: {base.trusted.name})",
                     _tag_signed(base, change) if tag_edit else
                     _after_rehash(base, change, base.trusted), legit, quick=index == 0),
        ]
    return found


def _tag_signed(base: Base, change: Change) -> Callable[[Path], Path]:
    """Edit the tag manifest itself, then sign it as it is."""
    def build(out_dir: Path) -> Path:
        out_dir.mkdir(parents=True, exist_ok=True)
        bag = copy_bag(base.bag, out_dir / "package")
        change(bag)
        sign(bag, base.trusted)
        return bag
    return build


def signatures(base: Base) -> list[Mutation]:
    rng = random.Random(7)
    old_signature = (base.old_bag / SIGNATURE).read_bytes()

    def write(content: bytes | None, folder: bool = False) -> Change:
        def change(bag: Path) -> None:
            path = bag / SIGNATURE
            path.unlink(missing_ok=True)
            if folder:
                path.mkdir()
            elif content is not None:
                path.write_bytes(content)
        return change

    cases = [("an empty signature", write(b"")), ("63 bytes", write(bytes(63))),
             ("65 bytes", write(bytes(65))), ("64 zero bytes", write(bytes(64))),
             ("64 random bytes", write(bytes(rng.randrange(256) for _ in range(64)))),
             ("version 1's signature", write(old_signature)),
             ("the trusted key's signature of other bytes", write(base.trusted.sign(b"x"))),
             ("no signature file", write(None)), ("a folder named signature.ed25519",
                                                  write(None, folder=True)),
             ("a 10 MB signature", write(bytes(10 * 2**20))),
             ("the signature plus a newline", lambda bag: (bag / SIGNATURE).open("ab").write(
                 b"\n"))]
    return [Mutation("signature", label, bag_edit(base, change), quick=index == 4)
            for index, (label, change) in enumerate(cases)]


def untrusted(base: Base) -> list[Mutation]:
    stranger = base.stranger
    return [
        signed(base, "untrusted", "an unchanged copy", lambda bag: None, keys=stranger,
               quick=True),
        signed(base, "untrusted", "a name added", append_row(
            "names.csv", "Added Name,40,,Test Village,,,synthetic-a"), keys=stranger),
        signed(base, "untrusted", "Package-Version 99", info("Package-Version", "99"),
               keys=stranger),
        signed(base, "untrusted", "an unchanged copy, zipped", lambda bag: None,
               keys=stranger, zip=True),
    ]


def replays(base: Base) -> list[Mutation]:
    def mixed(out_dir: Path) -> Path:
        """Version 1's data under version 2's tag files and signature."""
        bag = copy_bag(base.old_bag, out_dir / "package")
        for name in ("bag-info.txt", TAG_MANIFEST, SIGNATURE):
            shutil.copyfile(base.bag / name, bag / name)
        return bag

    def old_edited(out_dir: Path) -> Path:
        bag = copy_bag(base.old_bag, out_dir / "package")
        set_info(bag, "Package-Version", "5")
        return bag

    def old_resigned(out_dir: Path) -> Path:
        bag = copy_bag(base.old_bag, out_dir / "package")
        set_info(bag, "Package-Version", "2")
        rehash(bag)
        sign(bag, base.trusted)
        return bag

    return [
        Mutation("replay", "version 1 again (folder)", lambda out: copy_bag(
            base.old_bag, out / "package"), quick=True),
        Mutation("replay", "version 1 again (zip)", lambda out: shutil.copyfile(
            base.old_zip, out / "package.zip") and out / "package.zip"),
        signed(base, "replay", "version 2 renumbered 1", info("Package-Version", "1")),
        Mutation("replay", "version 1's data under version 2's signature", mixed),
        Mutation("replay", "version 1 renumbered 5, not re-signed", old_edited),
        Mutation("replay", "version 1 renumbered 2 and re-signed by the curator",
                 old_resigned, "either"),
    ]


def controls(base: Base) -> list[Mutation]:
    """Packages the kiosk must accept: they prove the tool's re-signing is sound."""
    return [
        Mutation("control", "the good package (zip)", lambda out: shutil.copyfile(
            base.zip, out / "package.zip") and out / "package.zip", "accept", quick=True),
        signed(base, "control", "re-hashed and re-signed unchanged", lambda bag: None,
               "accept", quick=True),
        signed(base, "control", "a name added", append_row(
            "names.csv", "Added Name,40,,Test Village,,,synthetic-a"), "accept", quick=True),
        signed(base, "control", "a name added, zipped", append_row(
            "names.csv", "Added Name,40,,Test Village,,,synthetic-a"), "accept", zip=True),
    ]


# ---- content ---------------------------------------------------------------------------------


def unicode_names(base: Base) -> list[Mutation]:
    names = ["names\u202e.csv", "na\u200bmes.csv", "names\uff0fx.csv", "n\u0430mes.csv",
             "x" * 250 + ".csv", "/".join(["d"] * 120) + "/names.csv", "CON", "names.csv.",
             "ｎａｍｅｓ.csv", "names\u0301.csv"]
    found = []
    for index, name in enumerate(names):
        def rename(bag: Path, name: str = name) -> None:
            target = bag / "data" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(bag / "data" / "names.csv", target)
        found.append(Mutation("unicode", f"data/names.csv renamed {name[:40]!r} (not re-signed)",
                              bag_edit(base, rename), quick=index == 0))
        found.append(Mutation("unicode", f"data/names.csv renamed {name[:40]!r} (zip, tags "
                              "re-hashed)", bag_edit(base, rename, "tags", zip=True)))
        found.append(signed(base, "unicode", f"data/names.csv renamed {name[:40]!r}", rename,
                            "either"))
    pair = [put("caf\u00e9.csv", b"a"), put("cafe\u0301.csv", b"b")]
    found.append(signed(base, "unicode", "two files whose names differ only in NFC/NFD",
                        lambda bag: [step(bag) for step in pair] and None))
    return found


def control_chars(base: Base) -> list[Mutation]:
    name_row = "names.csv"
    cases: list[tuple[str, Change, str]] = [
        ("a NUL byte in a name", append_row(name_row, "Test\x00Name,30,,Test Village,,,"
                                            "synthetic-a"), "refuse"),
        ("an escape sequence in the package title", replace_text(
            "package.toml", "Synthetic Torture", "\\u001b[2J\\u001b[31mSynthetic"), "refuse"),
        ("an escape sequence in bag-info's Package-Title",
         info("Package-Title", "\x1b[2J\x1b[31mSynthetic"), "refuse"),
        ("a BEL in a testimony body", replace_text(
            "testimonies.toml", "One synthetic paragraph.", "One\\u0007 paragraph."), "refuse"),
        ("a DEL in a source title", replace_text(
            "sources.toml", "Synthetic Source A", "Synthetic\\u007f Source A"), "refuse"),
        ("a form feed in a timeline headline", replace_text(
            "timeline.csv", "Synthetic event two", "Synthetic\x0cevent two"), "refuse"),
        ("U+0085 in a passage body", replace_text(
            "passages.toml", "Synthetic passage body.", "Synthetic\\u0085passage."), "refuse"),
        ("a lone CR inside a quoted name", append_row(
            name_row, '"Test\rName",30,,Test Village,,,synthetic-a'), "refuse"),
        ("a control character in an id", replace_text(
            "testimonies.toml", 'id = "test-person-2"', 'id = "test\\u0001person"'), "refuse"),
        ("a NUL in the names header", text_edit(name_row, lambda t: t.replace(
            "name,", "na\x00me,", 1)), "refuse"),
        ("a NUL in a source title (TOML escape)", replace_text(
            "sources.toml", "Synthetic Source B", "Synthetic\\u0000Source B"), "refuse"),
        ("a right-to-left override in a name", append_row(
            name_row, "Test \u202eemaN,30,,Test Village,,,synthetic-a"), "either"),
        ("a zero-width space in a name", append_row(
            name_row, "Test\u200bName,30,,Test Village,,,synthetic-a"), "either"),
    ]
    return [signed(base, "control-chars", label, change, expect, quick=index in (0, 2))
            for index, (label, change, expect) in enumerate(cases)]


def csv_rows(base: Base) -> list[Mutation]:
    header = "Year,Month,Day,Time,End Year"
    cases: list[tuple[str, Change, str]] = [
        ("a names row without its village column", append_row(
            "names.csv", "Short Row,30,,,,synthetic-a"), "refuse"),
        ("a names row with an extra column", append_row(
            "names.csv", "Long Row,30,,Test Village,,,synthetic-a,extra"), "refuse"),
        ("a names row without its last column", append_row(
            "names.csv", "Short Row,30,,Test Village,,"), "refuse"),
        ("an unbalanced quote in names", append_row(
            "names.csv", '"Open Quote,30,,Test Village,,,synthetic-a'), "refuse"),
        ("a names header with a column twice", text_edit(
            "names.csv", lambda t: t.replace("name,age", "name,name", 1)), "refuse"),
        ("a names header without name", text_edit(
            "names.csv", lambda t: t.replace("name,age", "who,age", 1)), "refuse"),
        ("a names row of commas", append_row("names.csv", ",,,,,,"), "refuse"),
        ("a names row with 100,000 columns", append_row(
            "names.csv", "Wide," + ",".join(["x"] * 100_000)), "refuse"),
        ("a blank line inside names", text_edit(
            "names.csv", lambda t: t.replace("\n", "\n\n", 3)), "either"),
        ("a 10 MB name", append_row("names.csv", "N" * 10 * 2**20 +
                                    ",30,,Test Village,,,synthetic-a"), "either"),
        ("names.csv in UTF-16", lambda bag: (bag / "data" / "names.csv").write_bytes(
            (bag / "data" / "names.csv").read_text("utf-8").encode("utf-16")), "refuse"),
        ("names.csv in Latin-1", lambda bag: (bag / "data" / "names.csv").write_bytes(
            (bag / "data" / "names.csv").read_bytes() + b"J\xf6rg,30,,,,,synthetic-a\n"),
         "refuse"),
        ("a timeline row with too few columns", append_row(
            "timeline.csv", "1993,1,1,,,,,,,Short event"), "refuse"),
        ("a timeline row with extra columns", append_row(
            "timeline.csv", "1993,1,1" + "," * 20 + "synthetic-a,x,y,z"), "refuse"),
        ("a timeline header cut short", text_edit(
            "timeline.csv", lambda t: t.replace(header, "Year,Month", 1)), "refuse"),
        ("a monuments row with an extra column", append_row(
            "monuments.csv", "m2,Place,Country,2001,Text,,,synthetic-a,extra"), "refuse"),
        ("a recognitions row too short", append_row(
            "recognitions.csv", "r3,country,Name"), "refuse"),
        ("a translations row too short", append_row(
            "translations/az.csv", "testimony,test-person-1,title"), "refuse"),
    ]
    return [signed(base, "csv-rows", label, change, expect, quick=index in (0, 1))
            for index, (label, change, expect) in enumerate(cases)]


def _png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                             0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
          + ']><ROOT xmlns="https://www.weareavp.com/nunncenter/ohms"><record><title>&lol9;'
          '</title></record></ROOT>')
XXE = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       '<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms"><record><title>&x;</title>'
       '</record></ROOT>')


def content(base: Base) -> list[Mutation]:
    photo = "media/photo-0.jpg"
    cases: list[tuple[str, Change, str]] = [
        ("TOML arrays nested 50,000 deep", text_edit(
            "testimonies.toml", lambda t: t + "\nx = " + "[" * 50_000 + "]" * 50_000 + "\n"),
         "refuse"),
        ("a statistic of 10**30", replace_text("statistics.toml", "value = 7",
                                               "value = " + "1" + "0" * 30), "refuse"),
        ("a statistic of 2**63", replace_text("statistics.toml", "value = 7",
                                              f"value = {2**63}"), "refuse"),
        ("OHMS billion laughs", put("ohms/laughs.xml", LAUGHS.encode()), "refuse"),
        ("OHMS external entity", put("ohms/xxe.xml", XXE.encode()), "refuse"),
        ("a testimony id twice", text_edit("testimonies.toml", lambda t: t + t[
            t.index("[[testimony]]", 10):]), "refuse"),
        ("an unknown source id", replace_text("names.csv", "synthetic-a", "no-such-source"),
         "refuse"),
        ("media ../../etc/passwd", replace_text("testimonies.toml", photo,
                                                "../../../etc/passwd"), "refuse"),
        ("media /etc/passwd", replace_text("testimonies.toml", photo, "/etc/passwd"),
         "refuse"),
        ("media that does not exist", replace_text("testimonies.toml", photo,
                                                   "media/ghost.jpg"), "refuse"),
        ("an image that is HTML", put(photo, b"<html><script>alert(1)</script></html>"),
         "refuse"),
        ("a truncated JPEG", lambda bag: (bag / "data" / photo).write_bytes(
            (bag / "data" / photo).read_bytes()[:200]), "refuse"),
        ("a PNG claiming 100,000 x 100,000 pixels", lambda bag: (
            (bag / "data" / "media" / "bomb.png").write_bytes(_png_claiming(100_000, 100_000)),
            replace_text("testimonies.toml", photo, "media/bomb.png")(bag)), "refuse"),
        ("31 February in the timeline", replace_text("timeline.csv", "1992,2,26",
                                                     "1992,2,31"), "refuse"),
        ("an age of -5", append_row("names.csv", "Neg Age,-5,,Test Village,,,synthetic-a"),
         "refuse"),
        ("an age of 10**30", append_row("names.csv", "Big Age," + "1" + "0" * 30 +
                                        ",,Test Village,,,synthetic-a"), "refuse"),
        ("no package.toml", lambda bag: (bag / "data" / "package.toml").unlink(), "refuse"),
        ("testimonies.toml that is not TOML", put("testimonies.toml", b"[[testimony]\nid ="),
         "refuse"),
        ("a 5 MB testimony body", replace_text("testimonies.toml", "One synthetic paragraph.",
                                               "W" * 5 * 2**20), "either"),
    ]
    return [signed(base, "content", label, change, expect,
                   quick=label.startswith(("TOML arrays", "a statistic of 10", "OHMS billion")))
            for label, change, expect in cases]


def all_signed(base: Base) -> list[Mutation]:
    return (controls(base) + bag_info(base) + versions(base) + manifests(base)
            + signatures(base) + untrusted(base) + replays(base) + unicode_names(base)
            + control_chars(base) + csv_rows(base) + content(base))


__all__ = ["all_signed", "zip_folder"]
