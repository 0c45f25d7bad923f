"""The demo archive: built on first run, kept while unchanged, rebuilt when it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from khojaly_kiosk.content import installed, pipeline
from khojaly_kiosk.paths import DataPaths, data_paths
from khojaly_kiosk.resources import db_path
from khojaly_kiosk.settings import load_settings


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of db/ that the test may change, as a code update would."""
    root = tmp_path / "project"
    shutil.copytree(db_path("demo"), root / "db" / "demo")
    monkeypatch.setattr("khojaly_kiosk.resources.project_root", lambda: root)
    return root / "db" / "demo"


def _live_name(paths: DataPaths) -> str:
    settings = load_settings(paths.root)
    live = pipeline.ensure_demo_archive(paths, settings)
    assert live is not None
    name = live.name
    live.close()
    return name


def test_the_demo_is_built_once_and_kept_while_unchanged(shipped: Path,
                                                        fresh_data_dir: Path) -> None:
    paths = data_paths(fresh_data_dir).ensure()
    first = _live_name(paths)
    assert _live_name(paths) == first


def test_a_changed_shipped_demo_replaces_the_old_demo_archive(shipped: Path,
                                                             fresh_data_dir: Path) -> None:
    paths = data_paths(fresh_data_dir).ensure()
    first = _live_name(paths)
    names = shipped / "names.csv"
    names.write_text(names.read_text(encoding="utf-8").rstrip("\n") + "\n", encoding="utf-8")
    (shipped / "translations" / "extra.csv").write_text(
        "entity,entity_id,field,language,text\n", encoding="utf-8")
    second = _live_name(paths)
    assert second != first
    assert installed.installed_version(paths) == 2


def test_demo_off_leaves_a_kiosk_without_archive(shipped: Path, fresh_data_dir: Path) -> None:
    paths = data_paths(fresh_data_dir).ensure()
    settings = load_settings(paths.root, demo_mode=False)
    assert pipeline.ensure_demo_archive(paths, settings) is None
