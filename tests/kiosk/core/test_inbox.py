from __future__ import annotations

import os
from pathlib import Path

from khojaly_kiosk.kiosk.core.inbox import default_package_roots, find_packages


def test_finds_zips_and_bags_on_a_stick(tmp_path: Path) -> None:
    stick = tmp_path / "media" / "KIOSK-USB"
    (stick / "packages").mkdir(parents=True)
    (stick / "packages" / "exhibition-7.zip").write_bytes(b"PK")
    bag = stick / "bag-6"
    bag.mkdir()
    (bag / "bag-info.txt").write_text("Package-Version: 6\n", encoding="utf-8")
    (stick / "notes.txt").write_text("x", encoding="utf-8")
    (stick / ".Trash-1000").mkdir()
    (stick / ".Trash-1000" / "old.zip").write_bytes(b"PK")
    os.utime(bag / "bag-info.txt")
    found = find_packages([tmp_path / "media"], depth=3)
    assert sorted(p.name for p in found) == ["bag-6", "exhibition-7.zip"]


def test_missing_roots_are_fine(tmp_path: Path) -> None:
    assert find_packages([tmp_path / "nothing-here"]) == []


def test_depth_is_limited(tmp_path: Path) -> None:
    deep = tmp_path.joinpath("a", "b", "c", "d")
    deep.mkdir(parents=True)
    (deep / "p.zip").write_bytes(b"PK")
    assert find_packages([tmp_path], depth=2) == []
    assert find_packages([tmp_path], depth=4) == [(deep / "p.zip").resolve()]


def test_default_roots_start_with_the_inbox(tmp_path: Path) -> None:
    assert default_package_roots(tmp_path)[0] == tmp_path / "inbox"
