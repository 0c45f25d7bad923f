"""A data folder written by the previous release (tag v0.1.0) starts on this code with nothing
lost: the same content served and counted, the PIN, candles and usage counts kept, nothing
moved aside or deleted.

Slow: it checks the tagged release out with ``git worktree``, builds and imports two packages
and fills the state file with THAT code, then starts this code on the folder (SYNTHETIC
content only).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.kiosk.core.pin import PinChecker
from khojaly_kiosk.kiosk.core.state import CandleCounter, StateStore
from khojaly_kiosk.kiosk.core.usage import (
    SCREENS,
    SESSIONS,
    TESTIMONIES_OPENED,
    usage_totals,
)
from khojaly_kiosk.paths import DataPaths
from tests.support.content.packages import files_under, jpeg_bytes, write_content

pytestmark = pytest.mark.slow

PREVIOUS_RELEASE = "v0.1.0"
REPO = Path(__file__).resolve().parents[2]
PIN = "2602"

# Runs with the previous release's code (PYTHONPATH points at its src/).
WITH_PREVIOUS_RELEASE = r"""
import sys
from pathlib import Path

import khojaly_kiosk
from khojaly_kiosk.cli import main

data, work, expected_src = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
assert Path(khojaly_kiosk.__file__).parent.parent == expected_src, khojaly_kiosk.__file__
key = work / "curator.key"
assert main(["--data-dir", str(data), "keygen", str(key)]) == 0
public = key.with_suffix(".pub").read_text().strip()
(data / "config.toml").write_text(f'trusted_keys = ["{public}"]\ndemo_mode = false\n')
for version in (1, 2):
    package = work / f"package-v{version}"
    assert main(["build-package", str(work / f"content-v{version}"), str(package), "--key",
                 str(key), "--version", str(version)]) == 0
    assert main(["--data-dir", str(data), "import", str(package)]) == 0

from khojaly_kiosk.kiosk.pin import set_pin
from khojaly_kiosk.kiosk.state import CandleCounter, StateStore
from khojaly_kiosk.kiosk.usage import UsageCounters

with StateStore.open(data / "state.sqlite") as state:
    set_pin(state, "2602")
    for _ in range(5):
        CandleCounter(state).light()
    usage = UsageCounters(state)
    for _ in range(3):
        usage.session_started()
    usage.screen_viewed("names")
    usage.testimony_opened()
"""


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True,
                          check=False)


@pytest.fixture
def previous_release(tmp_path: Path) -> Iterator[Path]:
    """The previous release's source tree, checked out with ``git worktree``."""
    if shutil.which("git") is None or _git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("not a git checkout: the previous release cannot be checked out")
    if _git("rev-parse", "--verify", f"{PREVIOUS_RELEASE}^{{commit}}").returncode != 0:
        pytest.skip(f"the tag {PREVIOUS_RELEASE} is not in this clone (git fetch --tags)")
    tree = tmp_path / "previous-release"
    added = _git("worktree", "add", "--detach", str(tree), PREVIOUS_RELEASE)
    assert added.returncode == 0, added.stderr
    try:
        yield tree
    finally:
        _git("worktree", "remove", "--force", str(tree))
        _git("worktree", "prune")


def _run(args: list[str], *, src: Path | None = None, stdin: str = "",
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KHOJALY_DATA_DIR", None)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          input=stdin, timeout=timeout, check=False)


def _release_data_folder(previous_release: Path, tmp_path: Path) -> tuple[DataPaths, str]:
    """A data folder written by the previous release, and what its own ``status`` said."""
    work = tmp_path / "work"
    write_content(work / "content-v1", names=3, image=jpeg_bytes())
    write_content(work / "content-v2", names=5, image=jpeg_bytes((80, 60)))
    data = DataPaths(tmp_path / "release-data")
    data.root.mkdir()
    old_src = previous_release / "src"
    built = _run(["-c", WITH_PREVIOUS_RELEASE, str(data.root), str(work), str(old_src)],
                 src=old_src)
    assert built.returncode == 0, built.stdout + built.stderr
    old_status = _run(["-m", "khojaly_kiosk", "--data-dir", str(data.root), "status"],
                      src=old_src)
    assert old_status.returncode == 0, old_status.stderr
    return data, old_status.stdout


def _counts(status_output: str) -> dict[str, str]:
    return {parts[0]: parts[1] for line in status_output.splitlines()
            if line.startswith("  ") and len(parts := line.split()) == 2}


def test_a_data_folder_of_the_previous_release_starts_with_nothing_lost(
        previous_release: Path, tmp_path: Path) -> None:
    data, old_status = _release_data_folder(previous_release, tmp_path)
    before = files_under(data.root)
    generations = {p for p in before if p.count("/") == 1 and p.startswith("archives/gen-")}
    assert generations == {"archives/gen-000001", "archives/gen-000002"}

    # This code starts the kiosk on that folder (state migrated, leftovers cleared, an older
    # archive rebuilt), shows its first screen and quits.
    started = _run(["-m", "khojaly_kiosk", "--data-dir", str(data.root), "run",
                    "--quit-after", "3"])
    assert started.returncode == 0, started.stdout + started.stderr
    assert "Traceback" not in started.stderr

    status = _run(["-m", "khojaly_kiosk", "--data-dir", str(data.root), "status"])
    assert status.returncode == 0, status.stderr
    assert "Package version: 2" in status.stdout and "Warning" not in status.stdout
    assert _counts(status.stdout) == _counts(old_status)
    assert _counts(status.stdout)["names"] == "5"

    after = files_under(data.root)
    # Nothing moved aside, nothing deleted: every file of the old folder is still there
    # (the state file's backup, a rebuilt generation and logs may have been added).
    assert not [p for p in after if ".corrupt" in p]
    assert before - after == set()
    assert {"packages/gen-000001", "packages/gen-000002"} <= after

    with StateStore.open(data.state_db) as state:
        assert PinChecker(state).check(PIN).ok
        assert CandleCounter(state).count() == 5
        totals = usage_totals(state)
        assert (totals[SESSIONS], totals[TESTIMONIES_OPENED], totals[SCREENS]) == (3, 1, 1)
        assert CandleCounter(state).light() == 6  # and it goes on counting
    live = GenerationStore(data.archives).open_live(repair=False)
    try:
        assert live.repos.summary().package_version == 2
        assert [n.name for n in live.repos.names.search("test name 4")] == ["Test Name 4"]
    finally:
        live.close()
    listing = _run(["-m", "khojaly_kiosk", "--data-dir", str(data.root), "rollback", "--list"])
    assert "version 1  gen-000001" in listing.stdout, listing.stdout + listing.stderr
    back = _run(["-m", "khojaly_kiosk", "--data-dir", str(data.root), "rollback", "--to", "1"])
    assert back.returncode == 0, back.stdout + back.stderr
    assert "Package version 1 (gen-000001)" in back.stdout and "is live again" in back.stdout
    status = _run(["-m", "khojaly_kiosk", "--data-dir", str(data.root), "status"])
    assert "Package version: 1" in status.stdout and _counts(status.stdout)["names"] == "3"


def test_after_a_schema_change_the_release_archive_is_rebuilt_not_moved_aside(
        previous_release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As when this code's archive schema is newer than the release's (every change to the
    archive's tables bumps it): the live generation is rebuilt from its kept package."""
    from khojaly_kiosk.archive import layout
    from khojaly_kiosk.archive.integrity import assess
    from khojaly_kiosk.content.installed import status
    from khojaly_kiosk.content.upgrade import start_up
    from khojaly_kiosk.settings import load_settings

    data, old_status = _release_data_folder(previous_release, tmp_path)
    before = files_under(data.root)
    monkeypatch.setattr(layout, "SCHEMA_VERSION", layout.SCHEMA_VERSION + 1)
    settings = load_settings(data.root, environ={})
    (done,) = start_up(data, settings)
    assert done.startswith("Package version 2 (gen-000002) was rebuilt for this version of "
                           "the kiosk as gen-000003")
    live = GenerationStore(data.archives).open_live()
    try:
        assert (live.name, live.fell_back_from) == ("gen-000003", None)
        counts = {k: str(v) for k, v in live.repos.summary().counts.items()}
        assert {k: counts[k] for k in _counts(old_status)} == _counts(old_status)
    finally:
        live.close()
    assert assess(live.db_path).state == "ok"
    assert before - files_under(data.root) == set()  # nothing deleted or moved
    assert not list(data.archives.glob("*.corrupt-*"))
    kept = {g.name: g for g in status(data).generations}
    assert kept["gen-000002"].state == "older" and kept["gen-000003"].rebuilt_from == "gen-000002"
