"""content/readers/mediarefs.py: media references become assets, remote ones placeholders."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from khojaly_kiosk.content.fixity import Fixity
from khojaly_kiosk.content.readers import mediarefs
from khojaly_kiosk.content.readers.mediarefs import MediaRefs
from khojaly_kiosk.content.report import ValidationReport, Where

W = Where("monuments.csv", 2, 6)


@pytest.fixture
def refs(tmp_path: Path) -> tuple[MediaRefs, ValidationReport]:
    (tmp_path / "media" / "sub").mkdir(parents=True)
    (tmp_path / "media" / "Photo One.JPG").write_bytes(b"synthetic jpeg bytes")
    (tmp_path / "media" / "sub" / "clip.mp3").write_bytes(b"ID3")
    (tmp_path / "media" / "anim.gif").write_bytes(b"GIF89a")
    (tmp_path / "outside.jpg").write_bytes(b"x")
    report = ValidationReport()
    return MediaRefs(tmp_path, report), report


def test_local_file_becomes_an_asset(refs: tuple[MediaRefs, ValidationReport]) -> None:
    media, report = refs
    link = media.resolve("media/Photo One.JPG", W, alt_text="A grey square", caption="c")
    assert link.media_id == "photo-one-jpg" and link.url == ""
    (item,) = media.files
    assert item.asset.path == "Photo One.JPG"
    assert item.asset.mime == "image/jpeg"
    assert item.asset.size == len(b"synthetic jpeg bytes")
    assert item.asset.sha256 == hashlib.sha256(b"synthetic jpeg bytes").hexdigest()
    assert (item.asset.alt_text, item.asset.caption) == ("A grey square", "c")
    assert report.problems == []


def test_same_file_twice_is_one_asset(refs: tuple[MediaRefs, ValidationReport]) -> None:
    media, _ = refs
    first = media.resolve("sub/clip.mp3", W)
    second = media.resolve("media/sub/clip.mp3", W, credit="Test credit")
    assert first.media_id == second.media_id == "sub-clip-mp3"
    assert len(media.files) == 1 and media.files[0].asset.credit == "Test credit"
    assert media.files[0].asset.mime == "audio/mpeg"


@pytest.mark.parametrize(("ref", "words"), [
    ("media/missing.jpg", "is not in the folder"),
    ("media/anim.gif", "is not a supported type (.gif)"),
    ("../outside.jpg", "points outside the media folder"),
    ("/etc/passwd.jpg", "points outside the media folder"),
    ("C:\\pics\\a.jpg", "points outside the media folder"),
    ("media/", "names no file"),
])
def test_bad_local_references_are_errors(
    refs: tuple[MediaRefs, ValidationReport], ref: str, words: str
) -> None:
    media, report = refs
    assert media.resolve(ref, W).media_id is None
    (problem,) = report.errors
    assert words in problem.message
    assert (problem.file, problem.line, problem.column) == ("monuments.csv", 2, 6)
    assert media.files == []


@pytest.mark.parametrize(("ref", "url"), [
    ("https://example.org/a.jpg", "https://example.org/a.jpg"),
    ("https://www.youtube.com/watch?v=x", "https://www.youtube.com/watch?v=x"),
    ("<iframe src='https://example.org/e'></iframe>", "https://example.org/e"),
    ("<blockquote>Quoted words</blockquote>", "Quoted words"),
])
def test_remote_media_is_a_placeholder_with_a_warning(
    refs: tuple[MediaRefs, ValidationReport], ref: str, url: str
) -> None:
    media, report = refs
    link = media.resolve(ref, W)
    assert (link.media_id, link.url) == (None, url)
    assert report.ok and len(report.warnings) == 1
    assert "placeholder" in report.warnings[0].message


def test_image_without_alt_text_warns(refs: tuple[MediaRefs, ValidationReport]) -> None:
    media, report = refs
    assert media.resolve("Photo One.JPG", W).media_id is not None
    assert report.ok
    assert report.warnings[0].message == "The image media/Photo One.JPG has no alt text."
    media.resolve("sub/clip.mp3", W)
    assert len(report.warnings) == 1  # audio needs no alt text


def test_empty_reference_is_nothing(refs: tuple[MediaRefs, ValidationReport]) -> None:
    media, report = refs
    link = media.resolve("  ", W)
    assert (link.media_id, link.url) == (None, "")
    assert report.problems == []


def _never(path: Path) -> str:
    raise AssertionError(f"{path.name} was read again")


def test_a_digest_known_from_staging_is_used_and_the_file_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "media").mkdir()
    photo = tmp_path / "media" / "photo.jpg"
    photo.write_bytes(b"synthetic jpeg bytes")
    fixity = Fixity()
    fixity.record(photo, "ab" * 32)  # a value only the store can give
    monkeypatch.setattr(mediarefs, "sha256_file", _never)
    media = MediaRefs(tmp_path, ValidationReport(), digests=fixity.digest)
    media.resolve("media/photo.jpg", W, alt_text="A grey square")
    (item,) = media.files
    assert (item.asset.sha256, item.asset.size) == ("ab" * 32, len(b"synthetic jpeg bytes"))


def test_a_file_changed_since_its_digest_was_taken_is_hashed_again(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    photo = tmp_path / "media" / "photo.jpg"
    photo.write_bytes(b"synthetic jpeg bytes")
    fixity = Fixity()
    fixity.record(photo, hashlib.sha256(b"synthetic jpeg bytes").hexdigest())
    photo.write_bytes(b"other synthetic bytes, longer")
    media = MediaRefs(tmp_path, ValidationReport(), digests=fixity.digest)
    media.resolve("media/photo.jpg", W, alt_text="A grey square")
    (item,) = media.files
    assert item.asset.sha256 == hashlib.sha256(b"other synthetic bytes, longer").hexdigest()
