"""A real import process SIGKILLed at every named write point leaves old or new, never a mix.

Each test runs ``import_package`` in its own process (with its image worker), stops it at a
write point (``pipeline.checkpoint``), kills the whole process group with SIGKILL, and then
proves: the live archive opens and passes ``check_archive``; it is either the old package
(byte-identical database) or the new one; and the next import clears every leftover.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.integrity import check_archive
from khojaly_kiosk.archive.schema import DB_FILENAME, MEDIA_DIRNAME
from khojaly_kiosk.content.install import WRITE_POINTS
from khojaly_kiosk.content.installed import installed_version
from khojaly_kiosk.content.pipeline import import_package
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import load_settings
from tests.support.content.packages import jpeg_bytes, make_keys, make_package

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups"),
]

REPO = Path(__file__).resolve().parents[2]
IMPORT_SCRIPT = """
import sys
from pathlib import Path
from khojaly_kiosk.content.pipeline import import_package
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import load_settings
paths = DataPaths(Path(sys.argv[1]))
settings = load_settings(paths.root, environ={}, trusted_keys=(sys.argv[3],),
                         demo_mode=False, keep_generations=2)
result = import_package(Path(sys.argv[2]), paths, settings)
sys.exit(0 if result.report.ok else 1)
"""
# The new package is live from the pointer switch on; before it the old one is.
NEW_FROM = WRITE_POINTS.index("switched")


def _kill_at(point: str, data: Path, package: Path, key: str, tmp: Path) -> None:
    marker = tmp / f"marker-{point}"
    env = dict(os.environ, KHOJALY_TEST_PAUSE_AT=point, KHOJALY_TEST_MARKER=str(marker),
               PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]))
    process = subprocess.Popen([sys.executable, "-c", IMPORT_SCRIPT, str(data), str(package),
                                key], env=env, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while not marker.exists():
            if process.poll() is not None:
                _out, err = process.communicate()
                pytest.fail(f"the import ended before {point}: {err.decode()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"the import never reached {point}")
            time.sleep(0.05)
    finally:
        # The whole group: the import and its image worker die at once, as on power loss.
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize("point", WRITE_POINTS)
def test_kill_at_write_point_leaves_old_or_new(tmp_path: Path, point: str) -> None:
    keys = make_keys(tmp_path / "keys")
    paths = DataPaths(tmp_path / "data").ensure()
    settings = load_settings(paths.root, environ={}, trusted_keys=(keys.public_hex,),
                             demo_mode=False, keep_generations=2)
    first = import_package(make_package(tmp_path, keys, 1, image=jpeg_bytes()), paths, settings)
    assert first.report.ok, first.report.to_text()
    old_db = paths.archives / "gen-000001" / DB_FILENAME
    old_digest = hashlib.sha256(old_db.read_bytes()).hexdigest()
    new_package = make_package(tmp_path, keys, 2, zip=True, image=jpeg_bytes((300, 200)))

    _kill_at(point, paths.root, new_package, keys.public_hex, tmp_path)

    store = GenerationStore(paths.archives, keep=2)
    live = store.open_live()
    try:
        assert live.fell_back_from is None
        version = live.repos.summary().package_version
    finally:
        live.close()
    check = check_archive(live.db_path, live.path / MEDIA_DIRNAME)
    assert check.ok, check.problems
    if WRITE_POINTS.index(point) >= NEW_FROM:
        assert (live.name, version) == ("gen-000002", 2)
    else:
        assert (live.name, version) == ("gen-000001", 1)
        assert hashlib.sha256(old_db.read_bytes()).hexdigest() == old_digest

    # The next import clears what the killed one left and succeeds.
    follow_up = 3 if version == 2 else 2
    result = import_package(make_package(tmp_path, keys, follow_up, name="next"), paths,
                            settings)
    assert result.report.ok, result.report.to_text()
    assert installed_version(paths) == follow_up
    assert list(paths.staging.iterdir()) == []
    generations = [g.name for g in store.list()]
    assert all(g.has_database for g in store.list())
    assert sorted(p.name for p in paths.packages.iterdir()) == generations


@pytest.mark.parametrize("point", ["media_written", "db_renamed"])
def test_kill_during_the_first_import_leaves_nothing_half_built(tmp_path: Path,
                                                               point: str) -> None:
    from khojaly_kiosk.errors import ArchiveUnavailable

    keys = make_keys(tmp_path / "keys")
    paths = DataPaths(tmp_path / "data").ensure()
    settings = load_settings(paths.root, environ={}, trusted_keys=(keys.public_hex,),
                             demo_mode=False)
    package = make_package(tmp_path, keys, 1, image=jpeg_bytes())
    _kill_at(point, paths.root, package, keys.public_hex, tmp_path)
    store = GenerationStore(paths.archives)
    if point == "db_renamed":
        # Complete and checked but never switched: serving it is serving "new".
        live = store.open_live()
        live.close()
        assert check_archive(live.db_path, live.path / MEDIA_DIRNAME).ok
    else:
        with pytest.raises(ArchiveUnavailable):
            store.open_live()
    result = import_package(package, paths, settings)
    assert result.report.ok or installed_version(paths) == 1
    assert list(paths.staging.iterdir()) == []
