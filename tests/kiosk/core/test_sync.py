"""kiosk/core/sync.py: a copy in progress is told from a finished one, without reading it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from khojaly_kiosk.kiosk.core.sync import candidates, identity, look_at
from tests.support.content.packages import make_keys, make_package


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return make_package(tmp_path / "built", make_keys(tmp_path), version=3, names=4)


def test_a_complete_folder_package_looks_complete(package: Path) -> None:
    state = look_at(package)
    assert state.incomplete == ""
    assert len(state.fingerprint) > 5


@pytest.mark.parametrize("temp", [".syncthing.names.csv.tmp", "~syncthing~names.csv.tmp",
                                  ".names.csv.Ab12Cd", ".~tmp~/names.csv"])
def test_a_sync_engines_temporary_file_means_in_progress(package: Path, temp: str) -> None:
    (package / "data" / temp).parent.mkdir(exist_ok=True)
    (package / "data" / temp).write_bytes(b"partial")
    assert "still writing it" in look_at(package).incomplete


def test_files_not_arrived_yet(package: Path) -> None:
    (package / "data" / "names.csv").unlink()
    assert look_at(package).incomplete == (
        "1 of its files have not arrived yet (e.g. data/names.csv)")
    (package / "tagmanifest-sha256.txt").unlink()
    assert look_at(package).incomplete == "tagmanifest-sha256.txt has not arrived yet"


def test_a_file_still_growing_under_its_final_name(package: Path) -> None:
    names = package / "data" / "names.csv"
    names.write_bytes(names.read_bytes()[:10])
    assert "have arrived in full so far" in look_at(package).incomplete


def test_a_zip_without_its_closing_directory(tmp_path: Path) -> None:
    keys = make_keys(tmp_path)
    whole = make_package(tmp_path, keys, version=2, zip=True)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    partial = inbox / "p.zip"
    partial.write_bytes(whole.read_bytes()[:-30])
    assert look_at(partial).incomplete == "the zip file is not complete yet"
    partial.write_bytes(whole.read_bytes())
    assert look_at(partial).incomplete == ""
    (inbox / ".syncthing.p.zip.tmp").write_bytes(b"PK")
    assert "a newer copy is arriving" in look_at(partial).incomplete


def test_candidates_skip_temporary_and_hidden_names(tmp_path: Path, package: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copytree(package, inbox / "v3")
    (inbox / ".syncthing.v4.zip.tmp").write_bytes(b"PK")
    (inbox / "notes.txt").write_text("x", encoding="utf-8")
    (inbox / "exhibition").mkdir()
    (inbox / "exhibition" / "v5.zip").write_bytes(b"PK")
    assert [p.name for p in candidates([inbox, tmp_path / "absent"])] == ["v5.zip", "v3"]


def test_two_copies_of_one_package_have_one_identity(tmp_path: Path, package: Path) -> None:
    copy = shutil.copytree(package, tmp_path / "elsewhere" / "renamed")
    assert identity(package) == identity(copy) != ""
    zipped = make_package(tmp_path, make_keys(tmp_path, "other"), version=3, zip=True)
    assert identity(zipped) not in ("", identity(package))
    assert identity(tmp_path / "nothing") == ""
