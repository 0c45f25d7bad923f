"""content/readers/ohms.py: OHMS XML exports, the two real files and hostile XML."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.ohms import parse_ohms, read_ohms
from khojaly_kiosk.content.report import ValidationReport, Where
from tests.support.content.folders import FIXTURES

DUARTE = FIXTURES / "duarte_OH0344.xml"
LINKS = FIXTURES / "index_hyperlinks_example.xml"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<ROOT><record><title>&lol4;</title></record></ROOT>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<ROOT><record><title>&x;</title></record></ROOT>"""

PLAIN = b"""<?xml version="1.0"?>
<ROOT><record><title>Synthetic interview</title><accession>T1</accession>
<repository>Synthetic Archive</repository><interviewee>Test Person</interviewee>
<language>Azerbaijani</language><transcript>Synthetic words.</transcript>
<index><point><time>5</time><title> Start </title><keywords>a; b;;</keywords></point>
<point><time>soon</time><title>Bad time</title></point></index></record></ROOT>"""


def parse(path: Path) -> tuple[object, ValidationReport]:
    report = ValidationReport()
    return parse_ohms(path.read_bytes(), Where(path.name), report), report


def test_fixtures_are_byte_identical_copies() -> None:
    assert hashlib.sha256(DUARTE.read_bytes()).hexdigest() == (
        "41418aebf704e8212e9e91acc37cce089d85258ad7252bdd09acb12a0d9260a7")
    assert hashlib.sha256(LINKS.read_bytes()).hexdigest() == (
        "ee89bc5cacb2696fab5650c356bf95a4d9899c1cfc08b4c1917a8bfe63f2cd51")


def test_duarte_export() -> None:
    interview, report = parse(DUARTE)
    assert report.ok
    assert interview.title == "Oral history interview with Ronald Duarte"
    assert (interview.accession, interview.interviewee) == ("OH0344", "Ronald Duarte")
    assert interview.language == "English"
    assert [p.time for p in interview.points] == [0, 212, 573, 790, 991, 1219, 1521]
    second = interview.points[1]
    assert second.title == "Growing up with Gordon Moore"
    assert second.partial_transcript and second.synopsis
    assert all(p.title == p.title.strip() for p in interview.points)
    assert interview.transcript.startswith("BROCK: This is an oral history interview")


def test_hyperlinks_example_on_one_line() -> None:
    interview, report = parse(LINKS)
    assert report.ok
    assert [p.time for p in interview.points] == [1, 3473]
    first, second = interview.points
    assert first.synopsis == "" and first.keywords == () and first.hyperlinks == ()
    assert "DuPont (E.I. du Pont de Nemours & Co.)" in second.keywords
    assert len(second.keywords) == 34
    assert [text for _, text in second.hyperlinks] == [
        "Oral history interview with Hubert N. Alyea",
        "Oral history interview with William E. Hanford",
        "Oral history interview with Malcolm M. Renfrew",
    ]


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL])
def test_entities_and_dtds_are_refused(data: bytes) -> None:
    report = ValidationReport()
    assert parse_ohms(data, Where("ohms/bad.xml"), report) is None
    (problem,) = report.errors
    assert problem.file == "ohms/bad.xml"
    assert "DTD or entities" in problem.message


def test_malformed_and_foreign_xml() -> None:
    report = ValidationReport()
    assert parse_ohms(b"<ROOT>\n<record>\n</ROOT>", Where("a.xml"), report) is None
    assert parse_ohms(b"<html><body/></html>", Where("b.xml"), report) is None
    first, second = report.errors
    assert (first.file, first.line) == ("a.xml", 3) and "not well-formed" in first.message
    assert second.file == "b.xml" and "not an OHMS export" in second.message


def test_load_builds_testimony_segments_person_and_source(tmp_path: Path) -> None:
    (tmp_path / "ohms").mkdir()
    shutil.copyfile(DUARTE, tmp_path / "ohms" / "duarte_OH0344.xml")
    ctx = ReadContext(tmp_path)
    read_ohms(ctx, tmp_path / "ohms" / "duarte_OH0344.xml", "ohms/duarte_OH0344.xml")
    assert ctx.report.ok
    (testimony,) = ctx.bundle.testimonies
    assert (testimony.id, testimony.language, testimony.group) == ("duarte-oh0344", "en",
                                                                    "survivors")
    assert testimony.title == "Oral history interview with Ronald Duarte"
    assert [(p.id, p.name) for p in ctx.bundle.persons] == [("ronald-duarte", "Ronald Duarte")]
    assert testimony.person_id == "ronald-duarte"
    (source,) = ctx.bundle.sources
    assert testimony.source_id == source.id == "science-history-institute-oh0344"
    assert (source.kind, source.publisher, source.notes) == (
        "interview", "Science History Institute", "OH0344")
    segments = ctx.bundle.segments
    assert [s.position for s in segments] == list(range(1, 8))
    assert (segments[1].start_seconds, segments[1].title) == (212, "Growing up with Gordon Moore")
    assert all(s.testimony_id == "duarte-oh0344" for s in segments)
    assert "playback" in ctx.report.warnings[0].message  # the mp3 is not in media/


def test_load_without_namespace_uses_given_source_and_language(tmp_path: Path) -> None:
    (tmp_path / "plain.xml").write_bytes(PLAIN)
    ctx = ReadContext(tmp_path)
    ctx.source_ids.add("synthetic-a")
    read_ohms(ctx, tmp_path / "plain.xml", "plain.xml", source="synthetic-a",
              group="journalists")
    (problem,) = ctx.report.errors
    assert "'soon' is not a whole number" in problem.message and problem.file == "plain.xml"
    (testimony,) = ctx.bundle.testimonies
    assert (testimony.source_id, testimony.language, testimony.group) == (
        "synthetic-a", "az", "journalists")
    assert testimony.body == "Synthetic words."
    first = ctx.bundle.segments[0]
    assert (first.title, first.keywords, first.start_seconds) == ("Start", "a;b", 5)
    assert ctx.bundle.sources == []


def _not_shown(ctx: ReadContext) -> list[str]:
    return [p.message for p in ctx.report.warnings if "playback" not in p.message]


def test_what_the_kiosk_does_not_show_is_named_in_the_report(tmp_path: Path) -> None:
    (tmp_path / "ohms").mkdir()
    shutil.copyfile(DUARTE, tmp_path / "ohms" / "duarte_OH0344.xml")
    ctx = ReadContext(tmp_path)
    read_ohms(ctx, tmp_path / "ohms" / "duarte_OH0344.xml", "ohms/duarte_OH0344.xml")
    assert ctx.report.ok
    assert _not_shown(ctx) == [
        "7 index points have a partial transcript, which the kiosk does not show (it shows "
        "each point's title, synopsis and keywords, and the whole transcript).",
        "1 GPS place of the index (e.g. 'Pescadero, California') is not shown: the kiosk "
        "has no map.",
        "11 subjects of the interview and its index are not shown (the kiosk shows the index "
        "keywords).",
    ]
    assert {p.file for p in ctx.report.warnings} == {"ohms/duarte_OH0344.xml"}


def test_hyperlinks_are_named_never_kept(tmp_path: Path) -> None:
    shutil.copyfile(LINKS, tmp_path / "links.xml")
    ctx = ReadContext(tmp_path)
    read_ohms(ctx, tmp_path / "links.xml", "links.xml")
    messages = _not_shown(ctx)
    assert ("3 hyperlinks of the index (e.g. 'Oral history interview with Hubert N. Alyea') "
            "are not kept: the kiosk opens no links and shows no web addresses.") in messages
    assert all("https://" not in s.synopsis + s.title for s in ctx.bundle.segments)


def test_a_plain_export_has_nothing_to_name(tmp_path: Path) -> None:
    (tmp_path / "plain.xml").write_bytes(PLAIN)
    ctx = ReadContext(tmp_path)
    ctx.source_ids.add("synthetic-a")
    read_ohms(ctx, tmp_path / "plain.xml", "plain.xml", source="synthetic-a")
    assert _not_shown(ctx) == []
