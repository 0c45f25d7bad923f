"""content/readers/captions.py: WebVTT captions, hostile files, and how recordings get them.

ALL CAPTION TEXT HERE IS SYNTHETIC TEST DATA; none of it is about Khojaly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from khojaly_kiosk.archive.records import CaptionCue
from khojaly_kiosk.content.readers import captions
from khojaly_kiosk.content.readers.captions import parse_webvtt, plain_text, read_captions
from khojaly_kiosk.content.readers.folder import read_content_folder
from khojaly_kiosk.content.report import ValidationReport, Where
from tests.support.content.folders import FIXTURES, minimal_folder, write_files
from tests.support.content.recordings import wav_bytes

GOOD = (
    "\ufeffWEBVTT - synthetic captions\r\n\r\n"
    "NOTE synthetic test data\r\n\r\n"
    "intro\r\n"
    "00:00.000 --> 00:02.500 align:start line:90%\r\n"
    "<v Test Speaker>Synthetic <i>first</i> &amp; <c.loud>line</c>\r\n"
    "  second   line <00:00:01.000>here\r\n\r\n"
    "01:00:03.000 --> 01:00:04.250\r\n"
    "&lt;not a tag&gt;&nbsp;synthetic\r\n\r\n"
    "00:00:01.000 --> 00:00:05.000\r\n"
    "Synthetic overlapping cue\r\n"
)


def parse(data: bytes | str) -> tuple[list[CaptionCue] | None, ValidationReport]:
    report = ValidationReport()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return parse_webvtt(raw, Where("media/t.vtt"), report), report


def problems(report: ValidationReport) -> list[tuple[str, int | None, str]]:
    return [(p.severity, p.line, p.message) for p in report.problems]


# ---- the parser --------------------------------------------------------------------------


def test_good_file_gives_plain_text_cues_in_file_order() -> None:
    cues, report = parse(GOOD)
    assert report.problems == [], report.to_text()
    assert cues == [
        CaptionCue(0, 2500, "Synthetic first & line\nsecond line here"),
        CaptionCue(3_603_000, 3_604_250, "<not a tag> synthetic"),
        CaptionCue(1000, 5000, "Synthetic overlapping cue"),  # overlapping is allowed
    ]


def test_plain_text_unescapes_collapses_and_drops_empty_lines() -> None:
    assert plain_text("a &amp;&amp; b\n\n  c\t\x07 d  \n") == "a && b\nc d"


def test_bom_is_optional() -> None:
    with_bom, _ = parse("\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nSynthetic\n")
    without, _ = parse("WEBVTT\n\n00:01.000 --> 00:02.000\nSynthetic\n")
    assert with_bom == without == [CaptionCue(1000, 2000, "Synthetic")]


def test_windows_1251_names_the_first_bad_line() -> None:
    text = "WEBVTT\n\n00:00.000 --> 00:01.000\nSynthetic\n\n00:01.000 --> 00:02.000\nПривет\n"
    cues, report = parse(text.encode("cp1251"))
    assert cues is None
    assert problems(report) == [("error", 7, "The captions file is not UTF-8 text from this "
                                 "line on (it may be saved as Windows-1251 or another "
                                 "encoding).")]
    assert "UTF-8" in report.problems[0].hint


def test_binary_garbage_is_one_error() -> None:
    cues, report = parse(os.urandom(4096) + b"\x00" + bytes(range(256)))
    assert cues is None
    assert len(report.errors) == 1 and "not plain UTF-8 text" in report.errors[0].message


def test_utf16_is_refused_as_not_utf8() -> None:
    cues, report = parse("WEBVTT\n\n00:00.000 --> 00:01.000\nSynthetic\n".encode("utf-16"))
    assert cues is None and "UTF-16" in report.errors[0].message


def test_missing_header() -> None:
    cues, report = parse("1\n00:00:01,000 --> 00:00:02,000\nSynthetic SubRip\n")
    assert cues is None
    assert problems(report) == [("error", 1, "The captions file does not start with the line "
                                 "WEBVTT.")]
    assert parse("WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n")[0] is None


def test_end_before_start_names_its_line() -> None:
    cues, report = parse("WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n00:01.000 --> 00:00.500\n"
                         "Synthetic backwards\n")
    assert cues is None  # a file with errors gives no cues at all
    assert problems(report) == [("error", 6, "This caption ends (00:00.500) before it starts "
                                 "(00:01.000).")]


def test_every_bad_timing_is_reported_not_just_the_first() -> None:
    cues, report = parse(
        "WEBVTT\n\n"
        "00:00.000 --> 00:99.000\na\n\n"  # line 3: seconds out of range
        "00:01.000 - 00:02.000\nb\n\n"  # line 6: no arrow, the cue would be skipped
        "00:00:01,000 --> 00:00:02,000\nc\n\n"  # line 9: SubRip commas
        "hello --> world\nd\n\n"  # line 12
        "00:03.000 --> 00:03.000\ne\n\n"  # line 15: never shown (a warning)
        "99:00:00.000 --> 99:00:01.000\nf\n"  # line 18: past a day
    )
    assert cues is None
    assert [(p.severity, p.line) for p in report.problems] == [
        ("error", 3), ("error", 6), ("error", 9), ("error", 9), ("error", 12), ("error", 12),
        ("warning", 15), ("error", 18)]
    assert report.problems[0].message == "'00:99.000' is not a WebVTT time."
    assert all("00:01:05.250" in p.hint for p in report.errors)


def test_problems_of_one_file_are_capped() -> None:
    text = "WEBVTT\n\n" + "".join(f"00:0{i % 10}.000 --> bad\nx\n\n" for i in range(50))
    cues, report = parse(text)
    assert cues is None
    # The same problem on every line is one entry counting its other lines (content.report).
    assert len(report.problems) == 2
    assert report.problems[0].more == captions.MAX_PROBLEMS - 1
    assert report.problems[-1].message == (
        f"The captions file has {50 - captions.MAX_PROBLEMS} more problems that are not listed.")


def test_too_long_cue_text_is_an_error_with_its_line() -> None:
    long_text = "Synthetic " * 60
    cues, report = parse(f"WEBVTT\n\n00:00.000 --> 00:01.000\nshort\n\n"
                         f"00:01.000 --> 00:02.000\n{long_text}\n")
    assert cues is None
    assert problems(report) == [("error", 6, f"This caption is {len(long_text.strip())} "
                                 "characters long; at most 500 fit on the screen.")]


def test_too_many_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(captions, "MAX_CUES", 3)
    text = "WEBVTT\n\n" + "".join(f"00:0{i}.000 --> 00:0{i}.500\nx\n\n" for i in range(4))
    cues, report = parse(text)
    assert cues is None
    assert problems(report) == [("error", None, "The captions file has more than 3 captions.")]


def test_too_big_data_is_refused_before_parsing() -> None:
    cues, report = parse(b"WEBVTT\n\n" + b"0" * (captions.MAX_BYTES + 1))
    assert cues is None
    assert problems(report) == [("error", None, "The captions file is larger than 2 MB.")]


def test_ten_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.vtt"
    with path.open("wb") as out:
        out.write(b"WEBVTT\n\n")
        out.truncate(10 * 1024 * 1024)
    report = ValidationReport()
    assert read_captions(path, "media/huge.vtt", report) is None
    assert [(p.file, p.message) for p in report.errors] == [
        ("media/huge.vtt", "The captions file is larger than 2 MB.")]


@pytest.mark.parametrize("line", [
    "00:00.000 " + "1" * 1_500_000,  # a time, then a huge run of digits
    " " * 1_500_000 + "-->",
    "a" * 1_500_000 + "-->",
    "<v " + "<" * 1_500_000,
])
def test_hostile_long_lines_are_reported_not_hung_on(line: str) -> None:
    cues, report = parse(f"WEBVTT\n\n00:00.000 --> 00:01.000\n{line}\n")
    assert cues is None
    assert len(report.errors) == 1 and report.errors[0].line in (3, 4)  # the cue or the line


@pytest.mark.parametrize("data", [b"", b"  \n\r\n", b"WEBVTT\n", b"WEBVTT\n\nNOTE only a note\n",
                                  b"WEBVTT\n\n00:00.000 --> 00:01.000\n<i></i>\n"])
def test_empty_files_are_a_warning(data: bytes) -> None:
    cues, report = parse(data)
    assert cues == []
    assert problems(report) == [("warning", None, "The captions file has no captions.")]


def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    report = ValidationReport()
    assert read_captions(tmp_path / "absent.vtt", "media/absent.vtt", report) is None
    assert "cannot be read" in report.errors[0].message


# ---- recordings and their captions in a content folder ------------------------------------

VTT = "WEBVTT\n\n00:00.000 --> 00:01.500\nSynthetic caption one\n\n" \
      "00:01.500 --> 00:03.000\n<v Test Person 1>Synthetic caption two\n"
SIDECAR_VTT = "WEBVTT\n\n00:02.000 --> 00:04.000\nSynthetic sidecar caption\n"


def vtt_testimony(tid: str, media: str, extra: str = "") -> str:
    return (f'[[testimony]]\nid = "{tid}"\nname = "Test Person {tid}"\ngroup = "survivors"\n'
            f'source = "synthetic-a"\nmedia = "{media}"\n{extra}body = "Synthetic words."\n\n')


def cues_of(bundle: object, media_id: str) -> list[tuple[int, int, int, str]]:
    return [(c.position, c.start_ms, c.end_ms, c.text)
            for c in bundle.captions if c.media_id == media_id]  # type: ignore[attr-defined]


def test_explicit_and_sidecar_captions_of_testimonies(tmp_path: Path) -> None:
    folder = minimal_folder(tmp_path, {
        "testimonies.toml": vtt_testimony("t-1", "media/interview.wav",
                                      'captions = "media/words/interview-en.vtt"\n')
                            + vtt_testimony("t-2", "media/other.wav"),
        "media/interview.wav": wav_bytes(),
        "media/words/interview-en.vtt": VTT,
        "media/interview.vtt": SIDECAR_VTT,  # explicit captions win over the sidecar...
        "media/other.wav": wav_bytes(),
        "media/other.vtt": SIDECAR_VTT,  # ...and a recording without them takes its sidecar
    })
    bundle, report = read_content_folder(folder)
    assert report.ok, report.to_text()
    assert cues_of(bundle, "interview-wav") == [
        (1, 0, 1500, "Synthetic caption one"), (2, 1500, 3000, "Synthetic caption two")]
    assert cues_of(bundle, "other-wav") == [(1, 2000, 4000, "Synthetic sidecar caption")]
    # The .vtt files are read at import; they are not media files of the archive.
    assert sorted(item.asset.path for item in bundle.media) == ["interview.wav", "other.wav"]
    assert [(p.file, p.message) for p in report.warnings] == [
        ("media/interview.vtt", "These captions belong to no recording and are not used.")]


def test_explicit_captions_problems_name_the_field(tmp_path: Path) -> None:
    folder = minimal_folder(tmp_path, {
        "testimonies.toml": vtt_testimony("t-1", "media/a.wav", 'captions = "media/absent.vtt"\n')
        + vtt_testimony("t-2", "media/photo.jpg", 'captions = "media/a.vtt"\nalt_text = "x"\n')
        + vtt_testimony("t-3", "", 'captions = "media/a.vtt"\n')
        + vtt_testimony("t-4", "media/a.wav", 'captions = "../secret.vtt"\n')
        + vtt_testimony("t-5", "media/a.wav", 'captions = "media/a.srt"\n')
        + vtt_testimony("t-6", "https://example.org/a.mp3", 'captions = "media/a.vtt"\n'),
        "media/a.wav": wav_bytes(),
        "media/a.vtt": VTT,
        "media/photo.jpg": b"\xff\xd8\xff synthetic",
    })
    _, report = read_content_folder(folder)
    found = [(p.file, p.line, p.message) for p in report.errors]
    assert found == [
        ("testimonies.toml", 7, "The captions file 'media/absent.vtt' is not in the folder."),
        ("testimonies.toml", 16, "Captions can only be given for audio or video, not for an "
                                 "image."),
        ("testimonies.toml", 26, "These captions belong to no recording."),
        ("testimonies.toml", 35, "The captions path '../secret.vtt' points outside the media "
                                 "folder."),
        ("testimonies.toml", 44, "The captions file 'media/a.srt' is not a WebVTT (.vtt) file."),
    ]
    assert all(p.hint for p in report.errors)
    assert (53, "These captions are not used: the recording is on the internet, and the kiosk "
            "shows a placeholder for it.") in [(p.line, p.message) for p in report.warnings]


def test_bad_captions_file_blocks_the_import_and_names_its_line(tmp_path: Path) -> None:
    folder = minimal_folder(tmp_path, {
        "testimonies.toml": vtt_testimony("t-1", "media/a.wav"),
        "media/a.wav": wav_bytes(),
        "media/a.vtt": "WEBVTT\n\n00:01.000 --> 00:00.500\nSynthetic\n",
    })
    bundle, report = read_content_folder(folder)
    assert [(p.file, p.line) for p in report.errors] == [("media/a.vtt", 3)]
    assert bundle.captions == []


def test_two_testimonies_sharing_a_recording(tmp_path: Path) -> None:
    folder = minimal_folder(tmp_path, {
        "testimonies.toml": vtt_testimony("t-1", "media/a.wav", 'captions = "media/a.vtt"\n')
        + vtt_testimony("t-2", "media/a.wav", 'captions = "media/a.vtt"\n')
        + vtt_testimony("t-3", "media/a.wav", 'captions = "media/b.vtt"\n'),
        "media/a.wav": wav_bytes(),
        "media/a.vtt": VTT,
        "media/b.vtt": SIDECAR_VTT,
    })
    bundle, report = read_content_folder(folder)
    assert len(cues_of(bundle, "a-wav")) == 2  # read once
    assert [p.message for p in report.errors] == [
        "The recording media/a.wav already has the captions media/a.vtt."]


def test_ohms_recording_gets_its_sidecar_captions(tmp_path: Path) -> None:
    folder = write_files(minimal_folder(tmp_path, {}), {
        "ohms/duarte_OH0344.xml": (FIXTURES / "duarte_OH0344.xml").read_bytes(),
        "media/duarte_r_0344_1-1.mp3": b"ID3synthetic",
        "media/duarte_r_0344_1-1.vtt": SIDECAR_VTT,
    })
    bundle, report = read_content_folder(folder)
    assert report.ok, report.to_text()
    (testimony_row,) = bundle.testimonies
    assert testimony_row.media_id is not None
    assert cues_of(bundle, testimony_row.media_id) == [
        (1, 2000, 4000, "Synthetic sidecar caption")]


def test_image_sidecar_is_not_captions(tmp_path: Path) -> None:
    folder = minimal_folder(tmp_path, {
        "testimonies.toml": vtt_testimony("t-1", "media/photo.jpg", 'alt_text = "x"\n'),
        "media/photo.jpg": b"\xff\xd8\xff synthetic",
        "media/photo.vtt": VTT,
    })
    bundle, report = read_content_folder(folder)
    assert bundle.captions == []
    assert [p.file for p in report.warnings] == ["media/photo.vtt"]


def test_timeline_video_gets_its_sidecar_captions(tmp_path: Path) -> None:
    folder = minimal_folder(tmp_path, {
        "timeline.csv": "Year,Headline,Media,Source,Id\n"
                        "1990,Synthetic event,media/clip.mp4,synthetic-a,syn-event\n",
        "media/clip.mp4": b"\x00\x00\x00\x18ftypmp42 synthetic",
        "media/clip.vtt": SIDECAR_VTT,
    })
    bundle, report = read_content_folder(folder)
    assert report.ok, report.to_text()
    (event,) = bundle.events
    assert event.media_id == "clip-mp4"
    assert cues_of(bundle, "clip-mp4") == [(1, 2000, 4000, "Synthetic sidecar caption")]
