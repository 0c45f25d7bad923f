"""The wheel carries resources/ and the demo, and runs from any folder once installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # As packaging/build.sh builds it: the locked setuptools of the venv, nothing downloaded.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--wheel-dir", str(out), str(REPO)],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("khojaly_kiosk-*.whl")
    return built


def test_the_wheel_holds_the_fonts_translations_styles_and_demo(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "khojaly_kiosk/_data/"
    for shipped in (REPO / "resources").rglob("*"):
        if shipped.is_file() and shipped.suffix != ".ts":
            assert data + shipped.relative_to(REPO).as_posix() in names
    for shipped in (REPO / "db" / "demo").rglob("*"):
        if shipped.is_file():
            assert data + shipped.relative_to(REPO).as_posix() in names
    assert data + "db/demo/khojaly-source-text.txt" in names
    # Nothing of the repository besides the package: no tests, benchmarks or translators' files.
    assert {name.split("/")[0] for name in names} == {
        "khojaly_kiosk", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    assert not [name for name in names if name.endswith(".ts")]


def test_the_wheels_version_is_the_programs(wheel: Path) -> None:
    from khojaly_kiosk import __version__

    assert wheel.name == f"khojaly_kiosk-{__version__}-py3-none-any.whl"


def test_installed_from_the_wheel_doctor_finds_fonts_and_the_demo(
        wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300, check=False)
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "KHOJALY_DATA_DIR": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "offscreen"}
    probe = subprocess.run(
        [sys.executable, "-c", "from khojaly_kiosk.resources import project_root, db_path;"
                               "print(project_root()); print(db_path('demo'))"],
        capture_output=True, text=True, timeout=60, check=False, cwd=elsewhere, env=env)
    assert probe.returncode == 0, probe.stderr
    root, demo = probe.stdout.splitlines()
    assert Path(root) == target / "khojaly_kiosk" / "_data"
    assert (Path(demo) / "package.toml").is_file()
    doctor = subprocess.run(
        [sys.executable, "-m", "khojaly_kiosk", "doctor", "--json"],
        capture_output=True, text=True, timeout=120, check=False, cwd=elsewhere, env=env)
    checks = {c["name"]: c for c in json.loads(doctor.stdout)["checks"]}
    assert checks["fonts"]["ok"], checks["fonts"]["message"]
