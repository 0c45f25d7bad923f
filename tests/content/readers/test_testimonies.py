"""content/readers/testimonies.py: testimonies TOML, segments and derived people."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.testimonies import read_testimonies
from tests.support.content.folders import TESTIMONIES, jpeg_bytes, write_files


def load(tmp_path: Path, files: dict[str, str | bytes]) -> ReadContext:
    ctx = ReadContext(write_files(tmp_path / "c", files))
    ctx.source_ids = {"synthetic-a", "synthetic-b"}
    read_testimonies(ctx)
    return ctx


def test_good_testimonies_segments_and_people(tmp_path: Path) -> None:
    ctx = load(tmp_path, {"testimonies.toml": TESTIMONIES, "media/photo.jpg": jpeg_bytes()})
    assert ctx.report.problems == [], ctx.report.to_text()
    first, second = ctx.bundle.testimonies
    assert (first.id, first.advisory, first.group, first.language) == (
        "test-person-1", "distressing", "survivors", "en")
    assert first.body == "First synthetic paragraph.\n\nSecond synthetic paragraph."
    assert first.media_id == "photo-jpg"
    assert (second.advisory, second.group, second.language) == ("none", "journalists", "ru")
    # Same name and role: one person.
    assert [(p.id, p.name, p.role) for p in ctx.bundle.persons] == [
        ("test-person-1", "Test Person 1", "Synthetic witness")]
    assert first.person_id == second.person_id == "test-person-1"
    assert [(s.testimony_id, s.position, s.paragraph, s.title, s.keywords)
            for s in ctx.bundle.segments] == [
        ("test-person-1", 1, 1, "Synthetic segment one", "alpha;beta"),
        ("test-person-1", 2, 2, "Synthetic segment two", ""),
    ]


def test_every_problem_of_a_file_is_reported(tmp_path: Path) -> None:
    text = ('[[testimony]]\nid = "t-1"\nname = "Test"\nadvisory = "scary"\ngroup = "poets"\n'
            'source = "synthetic-a"\nbody = "x"\n\n'
            '[[testimony]]\nid = "t-1"\nbody = "' + "y" * 200_001 + '"\n\n'
            '[[testimony]]\nid = "t-3"\nsource = "ghost"\nlanguage = "fr"\nmedia = "m.png"\n'
            'body = "z"\n\n'
            '[[testimony.segment]]\ntime = -4\n')
    ctx = load(tmp_path, {"testimonies/one.toml": text})
    assert [(p.file, p.line, p.message) for p in ctx.report.errors] == [
        ("testimonies/one.toml", 5, "The group 'poets' is not one of the known values."),
        ("testimonies/one.toml", 4, "The advisory 'scary' is not one of the known values."),
        ("testimonies/one.toml", 10, "The id 't-1' is used twice."),
        ("testimonies/one.toml", 11,
         "The body is 200,001 characters long; at most 200,000 are allowed."),
        ("testimonies/one.toml", 16, "The language 'fr' is not one of the known values."),
        ("testimonies/one.toml", 15, "The source 'ghost' is not listed in sources.toml."),
        ("testimonies/one.toml", 17, "The media file 'media/m.png' is not in the folder."),
        ("testimonies/one.toml", 21, "The time in seconds -4 is below 0."),
        ("testimonies/one.toml", 20, "This segment has no title."),
    ]
    assert [(p.line, p.message) for p in ctx.report.warnings] == [
        (9, "This testimony names no source.")]
