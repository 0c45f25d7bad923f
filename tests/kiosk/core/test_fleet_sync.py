"""Two kiosks, one synced inbox: a sync engine brings a package in pieces; each kiosk imports
it once, in its closed hours, and says so in its status file; fleet-report names the one made
to fail. The real content pipeline runs through the composition root's callables.

ALL CONTENT HERE IS SYNTHETIC TEST DATA.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from khojaly_kiosk.app import inbox_actions
from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.cli import main
from khojaly_kiosk.kiosk.core.autoimport import InboxActions, SyncedInbox, Verdict
from khojaly_kiosk.kiosk.core.hours import OpeningHours
from khojaly_kiosk.kiosk.core.ledger import ImportLedger
from khojaly_kiosk.kiosk.core.status import StatusSource, StatusWriter
from khojaly_kiosk.paths import DataPaths, data_paths
from khojaly_kiosk.settings import load_settings
from tests.support.content.packages import Keys, make_keys, make_package
from tests.support.kiosk import FakeClock

SETTLE = 30.0


class Wall:
    """The kiosks' wall clock (opening hours) and seconds clock, moved by the test."""

    def __init__(self) -> None:
        # An hour ago: fleet-report reads the status files with the real clock.
        self.seconds = FakeClock(time.time() - 3600)
        self.time = datetime(2026, 3, 2, 12, 0)

    def now(self) -> datetime:
        return self.time


@dataclass
class Kiosk:
    name: str
    paths: DataPaths
    inbox: SyncedInbox
    calls: list[tuple[str, str]]
    writer: StatusWriter

    def generation(self) -> str | None:
        return GenerationStore(self.paths.archives).current()


def make_kiosk(tmp_path: Path, name: str, trusted: Keys, inbox: Path, status: Path,
               wall: Wall) -> Kiosk:
    paths = data_paths(tmp_path / name).ensure()
    (paths.root / "config.toml").write_text(
        f'demo_mode = false\ntrusted_keys = ["{trusted.public_hex}"]\n'
        f'opening_hours = "09:00-18:00"\nkiosk_id = "{name}"\n'
        f'inbox_dirs = ["{inbox}"]\nstatus_dir = "{status}"\n', encoding="utf-8")
    settings = load_settings(paths.root, environ={})
    real = inbox_actions(paths, settings)
    calls: list[tuple[str, str]] = []

    def verify(package: Path) -> Verdict:
        calls.append(("verify", package.name))
        return real.verify(package)

    def install(package: Path) -> Verdict:
        calls.append(("install", package.name))
        return real.install(package)

    synced = SyncedInbox([inbox], ImportLedger(paths.root),
                         InboxActions(verify, install, real.installed_version),
                         hours=OpeningHours.parse(settings.opening_hours),
                         settle_seconds=SETTLE, clock=wall.seconds, now=wall.now)
    writer = StatusWriter(StatusSource(paths, settings, started=wall.seconds() - 60,
                                       clock=wall.seconds))
    return Kiosk(name, paths, synced, calls, writer)


def sync_in_pieces(package: Path, target: Path) -> Iterator[str]:
    """Copy a package folder as a sync engine would, pausing after each visible step: two
    tag files first, then the payload as Syncthing temp files, renamed, then one file
    growing under its final name (an SMB copy), then complete."""
    files = sorted(p for p in package.rglob("*") if p.is_file())
    tags = [p for p in files if p.parent == package]
    payload = [p for p in files if p.parent != package]
    target.mkdir()
    for path in tags[:2]:
        shutil.copyfile(path, target / path.name)
    yield "two tag files"
    for path in tags[2:]:
        shutil.copyfile(path, target / path.name)
    for path in payload[:-1]:
        rel = path.relative_to(package)
        (target / rel.parent).mkdir(parents=True, exist_ok=True)
        (target / rel.parent / f".syncthing.{rel.name}.tmp").write_bytes(path.read_bytes())
    yield "Syncthing temp files"
    for path in payload[:-1]:
        rel = path.relative_to(package)
        (target / rel.parent / f".syncthing.{rel.name}.tmp").replace(target / rel)
    last = target / payload[-1].relative_to(package)
    last.parent.mkdir(parents=True, exist_ok=True)
    data = payload[-1].read_bytes()
    last.write_bytes(data[: len(data) // 2])
    yield "a growing file"
    last.write_bytes(data)


def states(kiosk: Kiosk) -> dict[str, str]:
    return {o.package: o.state for o in kiosk.inbox.outcomes()}


def test_two_kiosks_one_synced_inbox(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    curator, stranger = make_keys(tmp_path, "curator"), make_keys(tmp_path, "stranger")
    inbox, status = tmp_path / "inbox", tmp_path / "status"
    inbox.mkdir()
    wall = Wall()
    good = make_kiosk(tmp_path, "baku-1", curator, inbox, status, wall)
    # The kiosk made to fail: it trusts another key than the one the curator signs with.
    failing = make_kiosk(tmp_path, "paris-1", stranger, inbox, status, wall)
    kiosks = (good, failing)
    package = make_package(tmp_path / "built", curator, version=2, names=5)

    # The sync engine brings the package in pieces: nothing is read meanwhile.
    steps = []
    for step in sync_in_pieces(package, inbox / "exhibition-v2"):
        steps.append(step)
        for kiosk in kiosks:
            kiosk.inbox.tick()
            assert states(kiosk) == {"exhibition-v2": "arriving"}, step
            assert kiosk.calls == []
        wall.seconds.advance(SETTLE * 2)  # however long a step takes, it is never read
    assert len(steps) == 3

    # Complete now, but it must stay unchanged for the settle time before it is read.
    wall.seconds.advance(5)
    for kiosk in kiosks:
        kiosk.inbox.tick()
        assert states(kiosk) == {"exhibition-v2": "waiting"}
        assert kiosk.calls == []

    # Settled while the museum is open: verified at once, imported only when it closes.
    wall.seconds.advance(SETTLE + 1)
    for kiosk in kiosks:
        assert kiosk.inbox.tick() == []
    assert states(good) == {"exhibition-v2": "scheduled"}
    assert "will be imported at closing time (18:00)" in good.inbox.outcomes()[0].message
    assert states(failing) == {"exhibition-v2": "refused"}
    assert good.generation() is None and failing.generation() is None

    wall.time = datetime(2026, 3, 2, 18, 30)  # closed
    wall.seconds.advance(600)
    done = good.inbox.tick()
    assert [o.state for o in done] == ["imported"]
    assert failing.inbox.tick() == []
    assert good.generation() == "gen-000001" and failing.generation() is None

    # The same package dropped again, under another name: imported once only.
    shutil.copytree(package, inbox / "exhibition-v2-again")
    for _ in range(3):
        wall.seconds.advance(SETTLE + 1)
        for kiosk in kiosks:
            kiosk.inbox.tick()
    assert states(good) == {"exhibition-v2": "imported", "exhibition-v2-again": "duplicate"}
    assert good.calls == [("verify", "exhibition-v2"), ("install", "exhibition-v2")]
    assert [c for c in failing.calls if c[0] == "install"] == []
    assert good.generation() == "gen-000001"

    # Both report into one folder, each under its own name.
    for kiosk in kiosks:
        kiosk.writer.write()
    written = sorted(p.name for p in status.iterdir())
    assert written == ["khojaly_kiosk-baku-1.prom", "khojaly_kiosk-paris-1.prom",
                       "status-baku-1.json", "status-paris-1.json"]
    report = json.loads((status / "status-baku-1.json").read_text(encoding="utf-8"))
    assert report["kiosk_id"] == "baku-1" and report["package"]["version"] == 2
    assert report["last_import"]["state"] == "imported"
    assert report["last_import"]["package"] == "exhibition-v2"
    assert report["integrity"]["ok"] is True
    assert {e["state"] for e in report["inbox"]} == {"imported", "duplicate"}
    paris = json.loads((status / "status-paris-1.json").read_text(encoding="utf-8"))
    assert paris["package"]["version"] is None
    assert paris["inbox"][0]["state"] == "refused"
    assert "trust" in paris["inbox"][0]["message"]

    # fleet-report names the one made to fail.
    out_csv = tmp_path / "fleet.csv"
    assert main(["fleet-report", str(status), "--csv", str(out_csv)]) == 1
    table = capsys.readouterr().out
    lines = {line.split()[0]: line for line in table.splitlines()[1:-2]}
    assert lines["paris-1"].split()[1] == "failing"
    assert "refused" in lines["paris-1"]
    assert lines["baku-1"].split()[1] == "ok"
    assert table.splitlines()[-2].endswith("2 kiosk(s); 1 need attention.")
    assert "paris-1,failing" in out_csv.read_text(encoding="utf-8")
