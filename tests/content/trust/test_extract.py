"""The safe zip extractor and folder copy: hostile members are refused, nothing escapes."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from khojaly_kiosk.content.fixity import Fixity
from khojaly_kiosk.content.trust import extract
from khojaly_kiosk.content.trust.extract import (
    ExtractLimits,
    check_member_name,
    copy_folder,
    extract_zip,
    find_bag_root,
    to_report,
)
from tests.support.content.packages import files_under, symlink_zip, zip_with


@pytest.fixture
def box(tmp_path: Path) -> Path:
    """A folder holding staging; anything appearing beside staging escaped it."""
    folder = tmp_path / "box"
    folder.mkdir()
    return folder


def _only_staging_touched(box: Path) -> None:
    assert files_under(box) <= {"staging"} | {p for p in files_under(box)
                                                if p.startswith("staging/")}


def test_plain_zip_is_extracted(box: Path, tmp_path: Path) -> None:
    zip_path = zip_with(tmp_path / "ok.zip", [("bagit.txt", b"x"), ("data/a/b.txt", b"hello")])
    assert extract_zip(zip_path, box / "staging") == []
    assert (box / "staging" / "data" / "a" / "b.txt").read_bytes() == b"hello"
    _only_staging_touched(box)


@pytest.mark.parametrize(("name", "why"), [
    ("../evil.txt", "'..'"),
    ("data/../../evil.txt", "'..'"),
    ("/tmp/evil.txt", "absolute path"),
    ("C:/evil.txt", "drive letter"),
    ("data\\..\\evil.txt", "backslash"),
    ("data//x.txt", "empty or '.'"),
    ("data/\x01x.txt", "control characters"),
])
def test_unsafe_names_are_refused_and_nothing_is_written(
        box: Path, tmp_path: Path, name: str, why: str) -> None:
    zip_path = zip_with(tmp_path / "bad.zip", [("data/good.txt", b"ok"), (name, b"evil")])
    refusals = extract_zip(zip_path, box / "staging")
    assert [r.file for r in refusals] == [name]
    assert why in refusals[0].message
    assert not (box / "staging").exists()
    assert not (tmp_path / "evil.txt").exists()
    _only_staging_touched(box)


def test_symlink_member_is_refused(box: Path, tmp_path: Path) -> None:
    refusals = extract_zip(symlink_zip(tmp_path / "link.zip"), box / "staging")
    assert refusals[0].file == "data/link"
    assert "symbolic link" in refusals[0].message
    assert not (box / "staging").exists()


@pytest.mark.parametrize("kind", [stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK])
def test_device_and_special_members_are_refused(box: Path, tmp_path: Path, kind: int) -> None:
    zip_path = zip_with(tmp_path / "dev.zip", [("data/dev", b"")], mode=kind | 0o644)
    refusals = extract_zip(zip_path, box / "staging")
    assert refusals[0].file == "data/dev"
    assert "special file" in refusals[0].message


def test_duplicate_and_case_colliding_names_are_refused(box: Path, tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        zip_path = zip_with(tmp_path / "dup.zip", [("data/a.txt", b"1"), ("data/a.txt", b"2"),
                                                   ("data/B.txt", b"3"), ("data/b.txt", b"4")])
    messages = [r.message for r in extract_zip(zip_path, box / "staging")]
    assert any("appears twice" in m for m in messages)
    assert any("data/b.txt differs from data/B.txt only by letter case" in m for m in messages)
    assert not (box / "staging").exists()


def test_file_and_folder_of_the_same_name_are_refused(box: Path, tmp_path: Path) -> None:
    zip_path = zip_with(tmp_path / "ff.zip", [("data/a", b"1"), ("data/a/b", b"2")])
    refusals = extract_zip(zip_path, box / "staging")
    assert refusals[0].file == "data/a/b"


def test_zip_bomb_is_refused_by_ratio(box: Path, tmp_path: Path) -> None:
    zip_path = zip_with(tmp_path / "bomb.zip", [("data/zeros.bin", b"\0" * (8 * 1024 * 1024))])
    refusals = extract_zip(zip_path, box / "staging")
    assert refusals[0].file == "data/zeros.bin"
    assert "zip bomb" in refusals[0].message
    assert not (box / "staging").exists()


def test_oversize_member_total_and_member_count(box: Path, tmp_path: Path) -> None:
    zip_path = zip_with(tmp_path / "big.zip", [(f"data/{i}.txt", os.urandom(2000))
                                               for i in range(5)])
    member = extract_zip(zip_path, box / "s1", ExtractLimits(max_member_bytes=1000))
    assert {r.file for r in member} == {f"data/{i}.txt" for i in range(5)}
    total = extract_zip(zip_path, box / "s2", ExtractLimits(max_total_bytes=5000))
    assert "at most 5,000" in total[0].message
    count = extract_zip(zip_path, box / "s3", ExtractLimits(max_members=3))
    assert "5 members" in count[0].message


def test_not_enough_free_disk_is_refused(box: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    zip_path = zip_with(tmp_path / "ok.zip", [("data/a.bin", os.urandom(4096))])
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: SimpleNamespace(free=1024))
    refusals = extract_zip(zip_path, box / "staging", ExtractLimits())
    assert refusals[0].message == (
        "The import needs about 65 MB of free disk space (1 MB for the copy of the package, "
        "and 64 MB that always stays free so the kiosk can go on writing its logs and visitor "
        "counts), but only 1 MB are free.")
    assert not (box / "staging" / "data").exists()


def test_header_lying_about_size_is_caught_while_writing(box: Path, tmp_path: Path) -> None:
    zip_path = zip_with(tmp_path / "lie.zip", [("data/a.bin", os.urandom(5000))])
    # Shrink the declared size in the central directory only: the stream holds more.
    data = bytearray(zip_path.read_bytes())
    with zipfile.ZipFile(zip_path) as archive:
        info = archive.getinfo("data/a.bin")
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (100).to_bytes(4, "little")
    zip_path.write_bytes(bytes(data))
    assert info.file_size == 5000
    refusals = extract_zip(zip_path, box / "staging")
    assert refusals and refusals[0].file in ("data/a.bin", "lie.zip")
    assert not (box / "staging").exists()


def test_not_a_zip(box: Path, tmp_path: Path) -> None:
    (tmp_path / "fake.zip").write_bytes(b"not a zip at all")
    refusals = extract_zip(tmp_path / "fake.zip", box / "staging")
    assert "not a readable zip" in refusals[0].message


@pytest.mark.parametrize(("offset", "value"), [
    (10, 99),  # a compression method zipfile does not know
    (6, 99),  # a "version needed to extract" above what zipfile reads
])
def test_a_zip_feature_python_cannot_read_is_a_refusal_not_a_traceback(
        box: Path, tmp_path: Path, offset: int, value: int) -> None:
    zip_path = zip_with(tmp_path / "odd.zip", [("data/a.txt", b"text")])
    data = bytearray(zip_path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + offset:central + offset + 2] = value.to_bytes(2, "little")
    zip_path.write_bytes(bytes(data))
    refusals = extract_zip(zip_path, box / "staging")
    assert refusals, "the zip was extracted"
    assert not (box / "staging").exists()


def test_encrypted_member_is_refused(box: Path, tmp_path: Path) -> None:
    zip_path = zip_with(tmp_path / "enc.zip", [("data/a.txt", b"secret")])
    data = bytearray(zip_path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    zip_path.write_bytes(bytes(data))
    refusals = extract_zip(zip_path, box / "staging")
    assert "encrypted" in refusals[0].message


def test_refusals_become_report_errors_naming_the_member() -> None:
    from khojaly_kiosk.content.trust.extract import Refusal

    result = to_report([Refusal("data/x", "The member data/x is a symbolic link.")])
    assert not result.ok
    assert result.errors[0].file == "data/x"
    assert "symbolic link" in result.to_text()


def test_member_name_checker_accepts_ordinary_names() -> None:
    assert check_member_name("data/media/photo-1.jpg") is None
    assert check_member_name("data/") is None
    assert check_member_name("data/Xocalı şəkil.jpg") is None


# ---- folder packages -------------------------------------------------------------------


def test_folder_copy_copies_regular_files(box: Path, tmp_path: Path) -> None:
    src = tmp_path / "pkg"
    (src / "data" / "media").mkdir(parents=True)
    (src / "bagit.txt").write_text("x")
    (src / "data" / "media" / "a.jpg").write_bytes(b"jpg")
    assert copy_folder(src, box / "staging") == []
    assert files_under(box / "staging") == {"bagit.txt", "data", "data/media",
                                            "data/media/a.jpg"}


@pytest.mark.skipif(os.name != "posix", reason="symlinks and hard links need POSIX")
def test_folder_copy_refuses_symlinks_and_hard_links(box: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret of the kiosk")
    src = tmp_path / "pkg"
    (src / "data").mkdir(parents=True)
    (src / "data" / "link.txt").symlink_to(secret)
    os.link(secret, src / "data" / "hard.txt")
    refusals = copy_folder(src, box / "staging")
    by_file = {r.file: r.message for r in refusals}
    assert "symbolic link" in by_file["data/link.txt"]
    assert "hard link" in by_file["data/hard.txt"]
    assert not (box / "staging").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_folder_copy_refuses_fifos(box: Path, tmp_path: Path) -> None:
    src = tmp_path / "pkg"
    (src / "data").mkdir(parents=True)
    os.mkfifo(src / "data" / "pipe")
    refusals = copy_folder(src, box / "staging")
    assert refusals[0].file == "data/pipe"


def test_folder_copy_checks_free_disk(box: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "pkg"
    (src / "data").mkdir(parents=True)
    (src / "data" / "a.bin").write_bytes(os.urandom(4096))
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: SimpleNamespace(free=100))
    refusals = copy_folder(src, box / "staging", ExtractLimits())
    assert "64 MB that always stays free" in refusals[0].message
    assert not (box / "staging" / "data").exists()


def test_find_bag_root_accepts_one_wrapping_folder(tmp_path: Path) -> None:
    (tmp_path / "wrapped" / "package-v3").mkdir(parents=True)
    (tmp_path / "wrapped" / "package-v3" / "bagit.txt").write_text("x")
    assert find_bag_root(tmp_path / "wrapped") == tmp_path / "wrapped" / "package-v3"
    (tmp_path / "empty").mkdir()
    assert find_bag_root(tmp_path / "empty") is None


def test_macos_resource_fork_folder_is_skipped(box: Path, tmp_path: Path) -> None:
    zip_path = zip_with(tmp_path / "mac.zip", [("bagit.txt", b"x"),
                                               ("__MACOSX/._bagit.txt", b"fork")])
    assert extract_zip(zip_path, box / "staging") == []
    assert files_under(box / "staging") == {"bagit.txt"}


def test_many_small_members_that_expand_together_are_a_bomb(box: Path, tmp_path: Path) -> None:
    members = [(f"data/z{i}.bin", b"\0" * (512 * 1024)) for i in range(8)]
    zip_path = zip_with(tmp_path / "spread.zip", members)
    refusals = extract_zip(zip_path, box / "staging")
    assert [r.file for r in refusals] == ["(zip)"]
    assert "in all (a zip bomb)" in refusals[0].message


def _package_folder(tmp_path: Path) -> Path:
    src = tmp_path / "pkg"
    (src / "data" / "media").mkdir(parents=True)
    (src / "bagit.txt").write_text("BagIt-Version: 0.97\n")
    (src / "data" / "media" / "clip.mp4").write_bytes(b"synthetic video " * 5000)
    return src


def test_folder_copy_is_a_real_copy_whose_digests_are_recorded(box: Path,
                                                              tmp_path: Path) -> None:
    src = _package_folder(tmp_path)
    fixity = Fixity()
    assert copy_folder(src, box / "staging", fixity=fixity) == []
    staged = box / "staging" / "data" / "media" / "clip.mp4"
    assert fixity.digest(staged) == hashlib.sha256(b"synthetic video " * 5000).hexdigest()
    assert fixity.digest(box / "staging" / "bagit.txt") == hashlib.sha256(
        b"BagIt-Version: 0.97\n").hexdigest()
    assert not staged.samefile(src / "data" / "media" / "clip.mp4")
    (src / "data" / "media" / "clip.mp4").write_bytes(b"changed on the stick")
    assert staged.read_bytes() == b"synthetic video " * 5000


def test_a_file_that_grows_while_copied_is_refused(box: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    src = _package_folder(tmp_path)

    def grow_after_scan(*_args: object) -> None:
        with (src / "data" / "media" / "clip.mp4").open("ab") as handle:
            handle.write(b"more than the scan saw")

    monkeypatch.setattr(extract, "_disk_problem", grow_after_scan)
    refusals = copy_folder(src, box / "staging", fixity=Fixity())
    assert [(r.file, r.message) for r in refusals] == [
        ("data/media/clip.mp4", "The file data/media/clip.mp4 changed while it was being "
         "copied.")]
    assert not (box / "staging").exists()


@pytest.mark.skipif(os.name != "posix", reason="symlinks need POSIX")
def test_a_file_swapped_for_a_symlink_after_the_scan_is_not_followed(
        box: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _package_folder(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("secret of the kiosk")
    clip = src / "data" / "media" / "clip.mp4"

    def swap_after_scan(*_args: object) -> None:
        clip.unlink()
        clip.symlink_to(secret)

    monkeypatch.setattr(extract, "_disk_problem", swap_after_scan)
    refusals = copy_folder(src, box / "staging")
    assert [r.file for r in refusals] == [str(src)]
    assert "cannot be copied" in refusals[0].message
    assert not (box / "staging").exists()


def test_zip_extraction_records_the_digest_of_each_member(box: Path, tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 7)  # more than one chunk
    archive = zip_with(tmp_path / "p.zip", [("data/media/clip.mp4", data), ("bagit.txt", b"x")])
    fixity = Fixity()
    assert extract_zip(archive, box / "staging", fixity=fixity) == []
    staged = box / "staging" / "data" / "media" / "clip.mp4"
    assert staged.read_bytes() == data
    assert fixity.digest(staged) == hashlib.sha256(data).hexdigest()
