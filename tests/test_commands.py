"""The commands that only read (status, verify, doctor without --fix) never change the data
folder, byte for byte, whatever state it is in; rollback --list and doctor --fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.cli import main
from khojaly_kiosk.content.pipeline import ensure_demo_archive
from khojaly_kiosk.kiosk.core.pin import set_pin
from khojaly_kiosk.kiosk.core.state import CandleCounter, StateStore
from khojaly_kiosk.paths import DataPaths, data_paths
from khojaly_kiosk.settings import load_settings
from tests.support.content.packages import make_keys, make_package


def _tree(root: Path) -> dict[str, bytes | None]:
    """Every path below ``root`` with its bytes (None for a folder)."""
    return {p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(root.rglob("*"))}


@pytest.fixture
def kiosk_data(fresh_data_dir: Path, tmp_path: Path) -> tuple[DataPaths, Path, Path]:
    """A used data folder (demo archive, PIN, a lit candle) and a package of each kind."""
    paths = data_paths(fresh_data_dir).ensure()
    keys = make_keys(tmp_path / "keys")
    (paths.root / "config.toml").write_text(f'trusted_keys = ["{keys.public_hex}"]\n',
                                            encoding="utf-8")
    live = ensure_demo_archive(paths, load_settings(paths.root))
    assert live is not None
    live.close()
    with StateStore.open(paths.state_db) as state:
        set_pin(state, "2602")
        CandleCounter(state).light()
    folder = make_package(tmp_path / "pkg", keys, 5)
    zipped = make_package(tmp_path / "zip", keys, 5, zip=True)
    return paths, folder, zipped


@pytest.mark.parametrize("damage", ["none", "damaged live", "garbage pointer", "leftovers"])
def test_status_verify_and_doctor_change_nothing(
        qapp: QApplication, kiosk_data: tuple[DataPaths, Path, Path], damage: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    paths, folder, zipped = kiosk_data
    store = GenerationStore(paths.archives)
    if damage == "damaged live":
        live = store.current()
        assert live is not None
        with (paths.archives / live / "archive.sqlite").open("r+b") as handle:
            handle.write(b"\x00" * 100)
    elif damage == "garbage pointer":
        store.pointer.write_bytes(b"\x1b[2J garbage")
    elif damage == "leftovers":
        (paths.staging / "import-1-2").mkdir()
        (paths.tmp / "verify-killed").mkdir(parents=True)
    before = _tree(paths.root)
    main(["status"])
    main(["status", "--json"])
    assert main(["verify", str(folder)]) == 0
    assert main(["verify", str(zipped)]) == 0
    main(["doctor"])
    main(["rollback", "--list"])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    assert _tree(paths.root) == before
    if damage == "garbage pointer":
        assert "\x1b" not in out.out and "is damaged: it holds '\\x1b[2J garbage'" in out.out
    if damage == "leftovers":
        assert "FIX  leftovers: Interrupted imports left staging/import-1-2" in out.out


def test_status_without_any_data_folder_creates_none(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert main(["--data-dir", str(missing), "status"]) == 3
    assert "No archive is installed yet." in capsys.readouterr().err
    assert not missing.exists()


def test_doctor_fix_clears_leftovers_and_acknowledges_a_fallback(
        qapp: QApplication, kiosk_data: tuple[DataPaths, Path, Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    paths, _folder, _zipped = kiosk_data
    store = GenerationStore(paths.archives)
    store._record_fallback("gen-000001", "gen-000002", "Synthetic reason.")
    (paths.staging / "import-1-2").mkdir()
    main(["doctor"])
    out = capsys.readouterr().out
    assert "FIX  fallback: Since " in out and "gen-000001 in place of gen-000002" in out
    main(["doctor", "--fix"])
    out = capsys.readouterr().out
    assert "Removed what interrupted imports left: staging/import-1-2." in out
    assert "The fallback to an earlier archive generation is acknowledged." in out
    assert "ok   fallback:" in out and "ok   leftovers:" in out


def test_rollback_list_names_what_it_can_go_to(kiosk_data: tuple[DataPaths, Path, Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    _paths, folder, _zipped = kiosk_data
    assert main(["import", str(folder)]) == 0
    capsys.readouterr()
    assert main(["rollback", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Live: version 5  gen-000002")
    assert lines[2].startswith("  version 1  gen-000001")
    assert main(["rollback"]) == 0
    assert "Package version 1 (gen-000001) is live again" in capsys.readouterr().out
    assert main(["rollback"]) == 1
    err = capsys.readouterr().err
    assert "There is no earlier archive generation to go back to" in err
    assert "It can go to version 5 (gen-000002)" in err


def test_reports_never_print_escape_codes(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from tests.support.content.packages import write_content

    src = write_content(tmp_path / "src")
    (src / "sources.toml").write_text(
        '[[source]]\nid = "bad\\u001b[2Jid"\nkind = "book"\ntitle = "Synthetic\\u009b"\n',
        encoding="utf-8")
    keys = make_keys(tmp_path / "keys")
    assert main(["build-package", str(src), str(tmp_path / "out"), "--key", str(keys.private),
                 "--version", "1"]) == 1
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\\x1b[2J" in out.out + out.err
