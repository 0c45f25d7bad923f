"""Timed captions in a built archive: MediaRecord.captions, in time order.

ALL CONTENT HERE IS SYNTHETIC TEST DATA; none of it is about Khojaly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.archive.conftest import MakeArchive, sample_rows
from tests.support.content.folders import minimal_folder
from tests.support.content.recordings import wav_bytes

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.integrity import check_archive, quick_check
from khojaly_kiosk.archive.reader import Reader
from khojaly_kiosk.archive.records import CaptionCue
from khojaly_kiosk.archive.repositories import SqliteArchive
from khojaly_kiosk.archive.schema import DB_FILENAME, MEDIA_DIRNAME
from khojaly_kiosk.content.archive_writer import write_archive
from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.readers.folder import read_content_folder
from khojaly_kiosk.errors import InvalidInput

# Cue 2 starts before cue 1 in the file: the archive returns them by start time.
VTT = ("WEBVTT\n\n00:05.000 --> 00:07.000\nSynthetic later cue\n\n"
       "00:01.000 --> 00:03.000\n<i>Synthetic</i> earlier cue\nsecond line\n\n"
       "00:05.000 --> 00:06.000\nSynthetic same start, later in the file\n")
TESTIMONIES = ('[[testimony]]\nid = "t-audio"\nname = "Test Person"\ngroup = "survivors"\n'
               'source = "synthetic-a"\nmedia = "media/voice.wav"\n'
               'captions = "media/voice-captions.vtt"\nbody = "Synthetic words."\n\n'
               '[[testimony]]\nid = "t-plain"\nname = "Test Person 2"\ngroup = "survivors"\n'
               'source = "synthetic-a"\nmedia = "media/quiet.wav"\nbody = "Synthetic words."\n')


@pytest.fixture
def built(tmp_path: Path) -> Iterator[tuple[SqliteArchive, Path, dict[str, int]]]:
    """A generation built from a content folder with two recordings, one captioned."""
    folder = minimal_folder(tmp_path, {
        "testimonies.toml": TESTIMONIES,
        "media/voice.wav": wav_bytes(),
        "media/voice-captions.vtt": VTT,
        "media/quiet.wav": wav_bytes(),
    })
    bundle, report = read_content_folder(folder)
    assert report.ok, report.to_text()
    generation = tmp_path / "gen-000001"
    counts = write_archive(bundle, generation / DB_FILENAME, generation / MEDIA_DIRNAME)
    reader = Reader(generation / DB_FILENAME)
    yield SqliteArchive(reader, generation, generation.name), generation, counts
    reader.close()


def test_testimony_media_has_captions_in_time_order(
        built: tuple[SqliteArchive, Path, dict[str, int]]) -> None:
    archive, generation, counts = built
    record = archive.testimonies.get("t-audio")
    assert record is not None and record.media is not None
    assert record.media.mime == "audio/wav" and record.media.path.endswith("voice.wav")
    assert record.media.captions == (
        CaptionCue(1000, 3000, "Synthetic earlier cue\nsecond line"),
        CaptionCue(5000, 7000, "Synthetic later cue"),
        CaptionCue(5000, 6000, "Synthetic same start, later in the file"),
    )
    assert counts["captions"] == 3
    # The captions live in the database; the .vtt file is not copied to the generation.
    assert sorted(p.name for p in (generation / MEDIA_DIRNAME).iterdir()) == [
        "quiet.wav", "voice.wav"]
    plain = archive.testimonies.get("t-plain")
    assert plain is not None and plain.media is not None and plain.media.captions == ()


def test_built_archive_passes_its_check(
        built: tuple[SqliteArchive, Path, dict[str, int]]) -> None:
    _, generation, _ = built
    report = check_archive(generation / DB_FILENAME, generation / MEDIA_DIRNAME)
    assert report.ok, report.problems


def test_captions_of_a_missing_media_are_refused(tmp_path: Path) -> None:
    bundle = ContentBundle(captions=[m.CaptionCue(media_id="no-such-media", position=1,
                                                  start_ms=0, end_ms=1, text="Synthetic")])
    with pytest.raises(InvalidInput):
        write_archive(bundle, tmp_path / DB_FILENAME)
    assert not (tmp_path / DB_FILENAME).exists()


def test_archive_built_before_captions_stays_usable(
        tmp_path: Path, make_archive: MakeArchive) -> None:
    db = make_archive(tmp_path / "gen", sample_rows())
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TABLE caption_cue")
    assert quick_check(db) is None
    reader = Reader(db)
    try:
        record = SqliteArchive(reader, db.parent, "gen").testimonies.get("t-first")
    finally:
        reader.close()
    assert record is not None and record.media is not None and record.media.captions == ()
