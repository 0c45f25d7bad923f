"""Hostile packages, part 2: the bag's own files and keys, often re-signed (content: part 3,
``mutations_content``).

A change re-signed with the TRUSTED key is what a careless or compromised curator's computer
could send: the signature holds, so validation and limits must refuse it. Re-signed with a
stranger's key, or not at all, the signature check must. ``expect="either"`` marks a change
that leaves a legitimate signed package (the kiosk may accept or refuse it); ``"accept"``
marks controls that prove the tool's re-signing yields packages the kiosk takes.
"""

from __future__ import annotations

import random
import shutil
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


def signed_mutations(base: Base) -> list[Mutation]:
    return (controls(base) + bag_info(base) + versions(base) + manifests(base)
            + signatures(base) + untrusted(base) + replays(base))
