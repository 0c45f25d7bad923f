"""The console script as a person uses it: sentences and exit codes, never tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khojaly_kiosk.cli import main
from khojaly_kiosk.content.pipeline import ensure_demo_archive
from khojaly_kiosk.paths import data_paths
from khojaly_kiosk.settings import load_settings


def test_no_command_prints_help_and_exits_with_usage_code(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "status" in capsys.readouterr().out


def test_status_without_an_archive_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status"]) == 3
    err = capsys.readouterr().err
    assert "No archive is installed yet." in err
    assert "Traceback" not in err


def test_status_prints_the_live_generation_and_counts(
        fresh_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = data_paths(fresh_data_dir).ensure()
    live = ensure_demo_archive(paths, load_settings(paths.root))
    assert live is not None
    live.close()
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "Live generation: gen-000001" in out
    assert "testimonies    27" in out


def test_unwritable_data_dir_is_one_sentence_and_exit_code_3(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["--data-dir", str(blocker / "data"), "rollback"]) == 3
    err = capsys.readouterr().err
    assert "cannot be written" in err
    assert "Traceback" not in err


def test_a_bad_size_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--size", "huge"])
    assert exit_info.value.code == 2
    assert "is not a size like 1920x1080" in capsys.readouterr().err


def test_a_broken_config_file_is_named(fresh_data_dir: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    (fresh_data_dir / "config.toml").write_text("idle_seconds = [", encoding="utf-8")
    assert main(["status"]) == 1
    assert "config.toml cannot be read" in capsys.readouterr().err


@pytest.fixture
def demo_installed(fresh_data_dir: Path) -> Path:
    paths = data_paths(fresh_data_dir).ensure()
    live = ensure_demo_archive(paths, load_settings(paths.root))
    assert live is not None
    live.close()
    return fresh_data_dir


@pytest.mark.parametrize("typed", ["Məmməd", "Мамед", "Mamed", "Mammad"])
def test_find_name_prints_what_a_visitor_would_find(
        demo_installed: Path, capsys: pytest.CaptureFixture[str], typed: str) -> None:
    assert main(["find-name", typed]) == 0
    out = capsys.readouterr().out
    assert "1 recorded name(s) match" in out
    assert "  Mammad\n" in out
    assert "Source: Exhibition text" in out


def test_find_name_as_json_and_without_hits_exits_0(
        demo_installed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find-name", "Фузули", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["birth_year"], r["village"]) for r in found] == [
        ("Fuzuli Rustamov", None, "")]
    assert found[0]["source"]["id"] == "exhibition-text"
    assert main(["find-name", "Zzzz"]) == 0
    assert "No recorded name matches 'Zzzz'." in capsys.readouterr().out
    assert main(["find-name", "Zzzz", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_find_name_without_an_archive_says_what_to_do(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find-name", "x"]) == 3
    assert "No archive is installed yet." in capsys.readouterr().err


def test_a_reader_that_goes_away_gets_no_traceback(demo_installed: Path) -> None:
    # `khojaly-kiosk find-name M | head -1`: the reader has left before the command writes.
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "khojaly_kiosk", "--data-dir", str(demo_installed),
             "find-name", "M"], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == 141  # what a shell reports for a command its reader left
