"""Bundled files are found from a source checkout and from an installed wheel's ``_data``."""

from __future__ import annotations

from pathlib import Path

import pytest

from khojaly_kiosk import resources
from khojaly_kiosk.errors import EnvironmentProblem

REPO = Path(__file__).resolve().parents[1]


def test_a_checkout_reads_the_top_level_folders() -> None:
    assert resources.project_root() == REPO
    assert resources.resource_path("fonts", "NotoSans-Regular.ttf").is_file()
    assert (resources.db_path("demo") / "package.toml").is_file()


def test_outside_a_checkout_the_packages_data_folder_is_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "khojaly_kiosk" / "_data"
    (shipped / "resources" / "fonts").mkdir(parents=True)
    (shipped / "db" / "demo").mkdir(parents=True)
    monkeypatch.setattr(resources, "_checkout_root", lambda: None)
    monkeypatch.setattr(resources._importlib_resources, "files",
                        lambda package: tmp_path / package)
    resources.project_root.cache_clear()
    try:
        assert resources.resource_path("fonts") == shipped / "resources" / "fonts"
        assert resources.db_path("demo") == shipped / "db" / "demo"
    finally:
        resources.project_root.cache_clear()


def test_an_installation_without_its_data_is_one_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "_checkout_root", lambda: None)
    monkeypatch.setattr(resources._importlib_resources, "files",
                        lambda package: tmp_path / package)
    resources.project_root.cache_clear()
    try:
        with pytest.raises(EnvironmentProblem, match="fonts, styles and demo content are missing"):
            resources.resource_path("fonts")
    finally:
        resources.project_root.cache_clear()
