"""kiosk/fleet.py: the Qt side of the synced inbox and the status heartbeat, and how the
composition root wires them into a running kiosk.

ALL CONTENT HERE IS SYNTHETIC TEST DATA.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication

from khojaly_kiosk.app import build_session
from khojaly_kiosk.kiosk.core.autoimport import InboxActions, SyncedInbox, Verdict
from khojaly_kiosk.kiosk.core.ledger import ImportLedger
from khojaly_kiosk.kiosk.core.state import StateStore
from khojaly_kiosk.kiosk.core.status import StatusSource, StatusWriter
from khojaly_kiosk.kiosk.fleet import InboxWatcher, StatusHeartbeat
from khojaly_kiosk.paths import data_paths
from khojaly_kiosk.settings import load_settings
from tests.support.content.packages import make_keys, make_package


def test_a_package_landing_in_the_inbox_is_noticed_and_imported(qtbot, tmp_path: Path) -> None:
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    installed: list[str] = []

    def install(package: Path) -> Verdict:
        installed.append(package.name)
        return Verdict(True, 2, "Imported.")

    inbox = SyncedInbox([inbox_dir], ImportLedger(tmp_path / "data"),
                        InboxActions(lambda p: Verdict(True, 2, "Fine."), install, lambda: 0),
                        settle_seconds=0.2)
    watcher = InboxWatcher(inbox, scan_seconds=3600)
    with qtbot.waitSignal(watcher.ticked, timeout=5000):
        watcher.start()
    package = make_package(tmp_path / "built", make_keys(tmp_path), version=2)
    with qtbot.waitSignal(watcher.imported, timeout=10_000) as imported:
        shutil.copytree(package, inbox_dir / "v2")  # the folder watcher notices it
    assert [o.package for o in imported.args[0]] == ["v2"]
    assert installed == ["v2"]
    qtbot.waitUntil(lambda: not watcher.busy, timeout=5000)
    watcher.stop()


def test_the_heartbeat_writes_the_status_off_the_gui_thread(qtbot, tmp_path: Path) -> None:
    paths = data_paths(tmp_path / "data").ensure()
    settings = load_settings(paths.root, environ={}, kiosk_id="k1")
    heartbeat = StatusHeartbeat(StatusWriter(StatusSource(paths, settings)), seconds=3600)
    with qtbot.waitSignal(heartbeat.written, timeout=5000):
        heartbeat.start()
    heartbeat.stop()
    assert json.loads((paths.root / "status" / "status-k1.json").read_text("utf-8"))[
        "kiosk_id"] == "k1"


def test_the_running_kiosk_reports_its_status_and_watches_its_inbox(
        qapp: QApplication, qtbot, fresh_data_dir: Path, tmp_path: Path) -> None:
    paths = data_paths(fresh_data_dir).ensure()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (paths.root / "config.toml").write_text(
        f'kiosk_id = "museum-1"\ninbox_dirs = ["{inbox}"]\n', encoding="utf-8")
    settings = load_settings(paths.root, default_language="en", reduced_motion=True)
    state = StateStore.open(paths.state_db)
    session = build_session(qapp, paths, settings, state)
    qtbot.addWidget(session.shell)
    assert session.inbox is not None and session.heartbeat is not None
    assert inbox in session.inbox.inbox.folders
    with qtbot.waitSignal(session.heartbeat.written, timeout=10_000):
        session.show((1280, 720))
    status = json.loads((paths.root / "status" / "status-museum-1.json").read_text("utf-8"))
    assert status["package"]["generation"] == "gen-000001"  # the demo
    assert status["integrity"]["ok"] is True
    qtbot.waitUntil(lambda: not session.inbox.busy, timeout=5000)  # type: ignore[union-attr]
    session.close()
    state.close()
