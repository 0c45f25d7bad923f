"""content/trust/bag.py: a signed bag is written and checked without reading its content."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.content.trust.bag import check_bag, write_bag
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
