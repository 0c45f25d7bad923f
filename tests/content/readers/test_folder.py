"""content/readers/folder.py: a whole content folder -> bundle + report, never an exception."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from khojaly_kiosk.content.fixity import Fixity
from khojaly_kiosk.content.readers import folder as folder_module
from khojaly_kiosk.content.readers import mediarefs
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.folder import Reader, read_content_folder
from tests.support.content.folders import (
    NAMES,
    PACKAGE,
    TESTIMONIES,
    good_files,
    good_folder,
    write_files,
)

DEMO = Path(__file__).resolve().parents[3] / "db" / "demo"


def test_good_folder_loads_everything(tmp_path: Path) -> None:
    bundle, report = read_content_folder(good_folder(tmp_path))
    assert report.ok, report.to_text()
    assert bundle.counts() == {
        "sources": 3,  # 2 from sources.toml + 1 built from the OHMS record
        "testimonies": 3, "events": 3, "eras": 1, "statistics": 2, "names": 3,
        "recognitions": 2, "monuments": 1, "passages": 2,  # + the timeline title
        "translations": 2, "media": 1,  # photo.jpg shared by testimony, event and monument
    }
    assert len(bundle.persons) == 2 and len(bundle.segments) == 2 + 7
    assert bundle.info.title == "Synthetic Test Exhibition" and bundle.info.version == 3
    # Only expected warnings: the OHMS recording is absent and what of the OHMS export is
    # not shown is named (partial transcripts, a GPS place, subjects); one event has remote
    # media, two events have no Id.
    assert sorted(p.file for p in report.warnings) == ["ohms/duarte_OH0344.xml"] * 4 + [
        "timeline.csv", "timeline.csv"]


def test_problems_of_many_files_are_collected_in_one_pass(tmp_path: Path) -> None:
    folder = good_folder(tmp_path, {
        "names.csv": NAMES + "Test Name 4,200,,,,,synthetic-a\n",
        "timeline.csv": "Year,Month,Day,Headline,Source\n1992,2,31,Bad date,synthetic-a\n",
        "statistics.toml": '[[statistic]]\nid = "x"\nvalue = "lots"\nlabel = "l"\n'
                           'group = "losses"\nsource = "synthetic-a"\n',
        "monuments.csv": "id,place,image,source\nm-1,Test Place,media/absent.jpg,synthetic-a\n",
        "recognitions.csv": "id,kind,name,source\nr-1,country,Test,no-such-source\n",
    })
    _, report = read_content_folder(folder)
    assert not report.ok
    assert [(p.file, p.line) for p in report.errors] == [
        ("statistics.toml", 3), ("timeline.csv", 2), ("names.csv", 5),
        ("recognitions.csv", 2), ("monuments.csv", 2),
    ]
    text = report.to_text()
    assert "timeline.csv, line 2, column 3: The start date 31 February 1992 does not exist." in text
    assert "names.csv, line 5, column 2: The age 200 is outside 0-130." in text


def test_missing_folder_and_missing_package(tmp_path: Path) -> None:
    _, report = read_content_folder(tmp_path / "nowhere")
    assert [p.message for p in report.errors] == ["The content folder does not exist."]
    files = good_files()
    del files["package.toml"]
    _, report = read_content_folder(write_files(tmp_path / "c", files))
    assert [p.message for p in report.errors] == ["The content folder has no package.toml."]


def test_both_timeline_formats_is_an_error(tmp_path: Path) -> None:
    folder = good_folder(tmp_path, {"timeline.json": '{"events": []}'})
    _, report = read_content_folder(folder)
    assert [p.file for p in report.errors] == ["timeline.json"]
    assert "both timeline.csv and timeline.json" in report.errors[0].message


def test_timeline_json_is_used_when_alone(tmp_path: Path) -> None:
    folder = good_folder(tmp_path, {"timeline.csv": None, "timeline.json":
                                    '{"events": [{"start_date": {"year": 1990}, "text": '
                                    '{"headline": "Synthetic"}, "source": "synthetic-a"}]}'})
    bundle, report = read_content_folder(folder)
    assert report.ok, report.to_text()
    assert [e.headline for e in bundle.events] == ["Synthetic"]


def test_unknown_content_like_files_are_mentioned(tmp_path: Path) -> None:
    folder = good_folder(tmp_path, {"timline.csv": "x\n", "notes.txt": "free text"})
    _, report = read_content_folder(folder)
    assert report.ok
    assert [p.message for p in report.warnings if p.file == "timline.csv"] == [
        "timline.csv is not a known content file and is not read."]
    assert not any(p.file == "notes.txt" for p in report.problems)


def test_an_id_taken_by_testimonies_toml_is_taken_for_ohms_files_too(tmp_path: Path) -> None:
    again = TESTIMONIES.replace('id = "test-person-1"', 'id = "duarte-oh0344"', 1)
    bundle, report = read_content_folder(good_folder(tmp_path, {"testimonies.toml": again}))
    assert [(p.file, p.message) for p in report.errors] == [
        ("ohms/duarte_OH0344.xml", "The id 'duarte-oh0344' is used twice.")]
    assert [t.id for t in bundle.testimonies].count("duarte-oh0344") == 1


def test_a_failing_reader_is_named_and_the_other_kinds_are_still_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_ctx: ReadContext) -> None:
        raise ValueError("synthetic bug")

    readers = tuple(Reader(r.label, r.owns, broken) if r.label == "names" else r
                    for r in folder_module.READERS)
    monkeypatch.setattr(folder_module, "READERS", readers)
    bundle, report = read_content_folder(good_folder(tmp_path))
    assert [(p.file, p.message) for p in report.errors] == [
        ("names", "An unexpected problem stopped reading names (ValueError: synthetic bug).")]
    assert "names" not in bundle.streams
    assert len(bundle.testimonies) == 3 and len(bundle.monuments) == 1


@pytest.mark.parametrize("garbage", [b"\xff\xfe\x00garbage\x00", b'"unclosed\n', b"[[[", b""])
def test_garbage_in_every_file_never_raises(tmp_path: Path, garbage: bytes) -> None:
    files: dict[str, str | bytes] = {name: garbage for name in good_files()}
    files["package.toml"] = PACKAGE
    files["ohms/x.xml"] = garbage
    files["timeline.json"] = garbage
    _, report = read_content_folder(write_files(tmp_path / "c", files))
    assert not report.ok or garbage == b""
    assert not any("unexpected problem" in p.message for p in report.problems), report.to_text()


@pytest.mark.skipif(not (DEMO / "package.toml").is_file(), reason="db/demo not written yet")
def test_demo_folder_loads_without_errors() -> None:
    bundle, report = read_content_folder(DEMO)
    assert report.ok, report.to_text()
    counts = bundle.counts()
    assert counts["testimonies"] > 0 and counts["sources"] > 0 and counts["events"] > 0
    # Every row names a declared source.
    ids = {s.id for s in bundle.sources}
    rows = [*bundle.testimonies, *bundle.events, *bundle.statistics, *bundle.passages]
    assert all(r.source_id in ids for r in rows if r.id != "timeline-title")


def test_ohms_sidecar_gives_source_group_and_advisory(tmp_path: Path) -> None:
    folder = good_folder(tmp_path, {"ohms/duarte_OH0344.toml": 'source = "synthetic-b"\n'
                                    'group = "journalists"\nadvisory = "graphic"\n'})
    bundle, report = read_content_folder(folder)
    assert report.ok, report.to_text()
    testimony = next(t for t in bundle.testimonies if t.id == "duarte-oh0344")
    assert (testimony.source_id, testimony.group, testimony.advisory) == (
        "synthetic-b", "journalists", "graphic")
    assert len(bundle.sources) == 2  # no source built from the OHMS record


def test_ohms_sidecar_with_unknown_values(tmp_path: Path) -> None:
    folder = good_folder(tmp_path, {"ohms/duarte_OH0344.toml": 'source = "nobody"\n'
                                    'advisory = "mild"\n'})
    bundle, report = read_content_folder(folder)
    assert {(p.file, p.message) for p in report.errors} == {
        ("ohms/duarte_OH0344.xml", "The source 'nobody' is not listed in sources.toml."),
        ("ohms/duarte_OH0344.xml", "The advisory 'mild' is not one of the known values."),
    }
    assert all(t.id != "duarte-oh0344" for t in bundle.testimonies)


def test_media_digests_known_from_staging_are_not_taken_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = good_folder(tmp_path)
    photo = folder / "media" / "photo.jpg"
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    fixity = Fixity()
    fixity.record(photo, digest)
    hashed: list[str] = []
    real = mediarefs.sha256_file

    def spy(path: Path) -> str:
        hashed.append(path.name)
        return real(path)

    monkeypatch.setattr(mediarefs, "sha256_file", spy)
    bundle, report = read_content_folder(folder, digests=fixity.digest)
    assert report.ok, report.to_text()
    assert hashed == []
    assert [item.asset.sha256 for item in bundle.media] == [digest]
    photo.write_bytes(photo.read_bytes() + b"changed after it was hashed")
    bundle, _ = read_content_folder(folder, digests=fixity.digest)
    assert hashed == ["photo.jpg"]  # changed since: read again, the new digest is taken
    assert [item.asset.sha256 for item in bundle.media] == [
        hashlib.sha256(photo.read_bytes()).hexdigest()]
    read_content_folder(folder)  # without known digests (CLI verify, demo): every file is read
    assert hashed == ["photo.jpg", "photo.jpg"]
