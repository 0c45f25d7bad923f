"""The composition root's archive choice: demo on first run, refreshed demo, calm failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from khojaly_kiosk.app import open_archive
from khojaly_kiosk.paths import data_paths
from khojaly_kiosk.resources import db_path
from khojaly_kiosk.settings import load_settings


def test_a_code_update_with_a_changed_demo_shows_the_new_demo(
        tmp_path: Path, fresh_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "project"
    shutil.copytree(db_path("demo"), root / "db" / "demo")
    monkeypatch.setattr("khojaly_kiosk.resources.project_root", lambda: root)
    paths = data_paths(fresh_data_dir).ensure()
    settings = load_settings(paths.root)
    first = open_archive(paths, settings)
    assert first is not None
    first.close()
    stats = root / "db" / "demo" / "statistics.toml"
    stats.write_text(stats.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = open_archive(paths, settings)
    assert second is not None
    assert second.name != first.name
    second.close()


def test_without_demo_mode_and_archive_the_kiosk_gets_none(fresh_data_dir: Path) -> None:
    paths = data_paths(fresh_data_dir).ensure()
    assert open_archive(paths, load_settings(paths.root, demo_mode=False)) is None


def test_a_start_with_the_unchanged_demo_opens_it_without_the_content_pipeline(
        fresh_data_dir: Path) -> None:
    import subprocess
    import sys

    paths = data_paths(fresh_data_dir).ensure()
    first = open_archive(paths, load_settings(paths.root))
    assert first is not None
    first.close()
    # A fresh process, as a kiosk start: the pipeline (readers, signing, bag tools: ~0.2 s
    # of imports) is not needed to open the archive built from the demo shipped now.
    code = ("import sys\n"
            "from khojaly_kiosk.app import open_archive\n"
            "from khojaly_kiosk.paths import data_paths\n"
            "from khojaly_kiosk.settings import load_settings\n"
            "from pathlib import Path\n"
            "paths = data_paths(Path(sys.argv[1]))\n"
            "live = open_archive(paths, load_settings(paths.root))\n"
            "print(live.name, 'khojaly_kiosk.content.pipeline' in sys.modules)\n"
            "live.close()\n")
    done = subprocess.run([sys.executable, "-c", code, str(fresh_data_dir)],
                          capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == [first.name, "False"]
