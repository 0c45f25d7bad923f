"""The frozen bundle (packaging/build.sh) against the source: the same screens, pixel for pixel.

Opt-in and slow: ``KHOJALY_TEST_BUNDLE=dist/khojaly-kiosk pytest tests/packaging/test_bundle.py``
after a build (a bundle left over from older code would differ for good reason).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.environ.get("KHOJALY_TEST_BUNDLE"),
                       reason="set KHOJALY_TEST_BUNDLE to a bundle folder built from this code"),
]


def _bundle() -> Path:
    program = Path(os.environ["KHOJALY_TEST_BUNDLE"]) / "khojaly-kiosk"
    assert program.is_file(), f"{program} is missing: run packaging/build.sh"
    return program


def _tour(program: list[str], out: Path, data: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KHOJALY_DATA_DIR": str(data)}
    result = subprocess.run([*program, "tour", str(out), "--size", "1920x1080",
                             "--language", "en"], env=env, capture_output=True, text=True,
                            timeout=300, check=False, cwd=data.parent)
    assert result.returncode == 0, result.stderr


def test_the_bundle_draws_every_screen_as_the_source_does(tmp_path: Path) -> None:
    _tour([str(_bundle())], tmp_path / "bundle", tmp_path / "bundle-data")
    _tour([sys.executable, "-m", "khojaly_kiosk"], tmp_path / "source", tmp_path / "source-data")
    frozen_dir, source_dir = (tmp_path / side / "1920x1080" / "en" for side in ("bundle", "source"))
    # Every screen the tour draws (a fixed list went stale when the tour's names changed), but
    # the staff panel: it shows the free disk space, which moves between the two runs.
    names = sorted(p.name for p in source_dir.glob("*.png") if "staff" not in p.name)
    assert len(names) >= 20
    assert sorted(p.name for p in frozen_dir.glob("*.png") if "staff" not in p.name) == names
    for name in names:
        assert (frozen_dir / name).read_bytes() == (source_dir / name).read_bytes(), (
            f"{name} differs between the bundle and the source")


def test_the_bundles_doctor_finds_fonts_qt_and_media(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KHOJALY_DATA_DIR": str(tmp_path)}
    result = subprocess.run([str(_bundle()), "doctor", "--json"], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    for name in ("data folder", "Qt", "media", "fonts"):
        assert checks[name]["ok"], checks[name]["message"]
