"""content/trust/bag.py: a signed bag is written and checked without reading its content."""

from __future__ import annotations

from pathlib import Path

import pytest

from khojaly_kiosk.content.trust.bag import TAG_MANIFEST, check_bag, parse_version, write_bag
from khojaly_kiosk.content.trust.signing import load_signing_key
from tests.support.content.packages import SYNTHETIC, make_keys

INFO = {"Package-Version": "2", "Exhibition-Id": "synthetic-exhibition",
        "Package-Title": "Synthetic Test Exhibition",
        "Source-Organization": "Synthetic Test Organisation", "Bagging-Date": "2024-01-02"}


def test_a_bag_is_checked_without_reading_what_its_content_says(tmp_path: Path) -> None:
    keys = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    src.mkdir()
    (src / "notes.txt").write_text(SYNTHETIC, encoding="utf-8")  # no package.toml at all
    bag = write_bag(src, tmp_path / "bag", load_signing_key(keys.private), INFO)
    checked = check_bag(bag, [keys.public_hex])
    assert checked.report.ok, checked.report.to_text()
    assert checked.data == bag / "data" and (checked.data / "notes.txt").is_file()
    assert (checked.info.version, checked.info.title, checked.info.bagging_date) == (
        2, "Synthetic Test Exhibition", "2024-01-02")
    assert checked.key_id == keys.public_hex


def test_a_changed_file_leaves_no_content_folder_to_read(tmp_path: Path) -> None:
    keys = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    src.mkdir()
    (src / "notes.txt").write_text(SYNTHETIC, encoding="utf-8")
    bag = write_bag(src, tmp_path / "bag", load_signing_key(keys.private), INFO)
    (bag / "data" / "notes.txt").write_text("changed", encoding="utf-8")
    checked = check_bag(bag, [keys.public_hex])
    assert checked.data is None
    assert [(p.file, p.message) for p in checked.report.errors] == [
        ("data/notes.txt", "The file data/notes.txt has changed since the package was signed.")]


def _signed(tmp_path: Path, info: dict[str, str] | None = None) -> tuple[Path, str]:
    keys = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    src.mkdir()
    (src / "notes.txt").write_text(SYNTHETIC, encoding="utf-8")
    return write_bag(src, tmp_path / "bag", load_signing_key(keys.private), info or INFO), \
        keys.public_hex


@pytest.mark.parametrize("version", ["7²", "9" * 5000, str(10**20), "0", "-3", "1e9", "٣",
                                     "1000000000"])
def test_a_signed_version_that_is_no_small_whole_number_is_refused(
        tmp_path: Path, version: str) -> None:
    bag, key = _signed(tmp_path, {**INFO, "Package-Version": version})
    checked = check_bag(bag, [key])
    assert checked.data is None and checked.info.version == 0
    (problem,) = checked.report.errors
    assert problem.file == "bag-info.txt"
    assert problem.message.endswith("is not a whole number from 1 to 999,999,999.")
    assert len(problem.message) < 120


def test_the_largest_version_is_accepted(tmp_path: Path) -> None:
    bag, key = _signed(tmp_path, {**INFO, "Package-Version": "999999999"})
    assert check_bag(bag, [key]).info.version == 999_999_999
    assert parse_version("999999999") == 999_999_999 and parse_version("0999999999") is None


def test_a_huge_sparse_tag_manifest_is_refused_unread(tmp_path: Path) -> None:
    bag, key = _signed(tmp_path)
    (bag / "signature.ed25519").unlink()  # unsigned: nothing is trusted yet
    with (bag / TAG_MANIFEST).open("r+b") as handle:
        handle.truncate(6 * 1024**3)  # sparse: costs no disk, would cost 6 GB of memory
    checked = check_bag(bag, [key])
    assert [(p.file, p.message[:45]) for p in checked.report.errors] == [
        (TAG_MANIFEST, "tagmanifest-sha256.txt is 6,442,450,944 bytes")]
    assert checked.data is None


def test_long_or_escaped_bag_info_values_are_refused(tmp_path: Path) -> None:
    bag, key = _signed(tmp_path, {**INFO, "Package-Title": "x" * 501,
                                  "Source-Organization": "Synthetic\x1b[2J Org"})
    messages = [p.message for p in check_bag(bag, [key]).report.errors]
    assert messages == [
        "Package-Title is 501 characters long; at most 500 are allowed.",
        "Source-Organization holds control characters (such as terminal escape codes), "
        "which are never part of a package.",
    ]


def test_a_bag_info_over_its_cap_is_refused_unread(tmp_path: Path) -> None:
    bag, key = _signed(tmp_path)
    with (bag / "bag-info.txt").open("a", encoding="utf-8") as handle:
        handle.write("Package-Title: " + "x" * (20 * 1024 * 1024) + "\n")
    (problem,) = check_bag(bag, [key]).report.errors
    assert problem.file == "bag-info.txt" and "is not read" in problem.message


def test_an_unsigned_bag_is_still_diagnosed_but_never_opened(tmp_path: Path) -> None:
    bag, key = _signed(tmp_path)
    (bag / "signature.ed25519").unlink()
    (bag / "data" / "notes.txt").write_text("changed", encoding="utf-8")
    checked = check_bag(bag, [key])
    assert checked.data is None
    assert [p.file for p in checked.report.errors] == ["signature.ed25519", "data/notes.txt"]
    assert "has changed since the package was signed" in checked.report.errors[1].message
