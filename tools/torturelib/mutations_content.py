"""Hostile packages, part 3: content files re-signed with the trusted key (odd names, control
characters, broken CSV rows, hostile TOML, XML and images), as a careless or compromised
curator's computer could send them. ``expect`` as in ``mutations``.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

from torturelib.mutations import Base, Mutation, bag_edit
from torturelib.mutations_signed import (
    Change,
    append_row,
    info,
    put,
    replace_text,
    signed,
    text_edit,
)


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


def content_mutations(base: Base) -> list[Mutation]:
    return unicode_names(base) + control_chars(base) + csv_rows(base) + content(base)
