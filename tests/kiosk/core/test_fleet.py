"""kiosk/core/fleet.py: behind, failing, silent, unreadable, and a file from the future."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.kiosk.core.fleet import fleet_table, read_fleet

NOW = 1_800_000_000.0


def status(folder: Path, name: str, **changes: Any) -> None:
    data: dict[str, Any] = {
        "format": 1, "kiosk_id": name, "instance": "0" * 16, "written_at_epoch": int(NOW - 600),
        "package": {"version": 7, "generation": "gen-000003"}, "integrity": {"ok": True},
        "last_import": {"state": "imported", "package": "v7.zip", "at": "2027-01-01T02:00:00Z"},
        "inbox": [], "watchdog_restarts": 0, "disk_free_bytes": 20 * 10**9}
    data.update(changes)
    (folder / f"status-{name}.json").write_text(json.dumps(data), encoding="utf-8")


def states(folder: Path, **options: Any) -> dict[str, str]:
    return {row.kiosk: row.state for row in read_fleet(folder, NOW, **options)}


def test_each_kind_of_trouble_is_named(tmp_path: Path) -> None:
    status(tmp_path, "ok-1")
    status(tmp_path, "old-1", package={"version": 6, "generation": "gen-000002"})
    status(tmp_path, "quiet-1", written_at_epoch=int(NOW - 7 * 3600))
    status(tmp_path, "broken-1", integrity={"ok": False, "message": "database disk image is "
                                                                    "malformed"})
    status(tmp_path, "refused-1", last_import={"state": "failed", "message": "The new archive "
                                               "could not be written. Hint: free space."})
    (tmp_path / "status-garbled.json").write_text("{not json", encoding="utf-8")
    assert states(tmp_path) == {"ok-1": "ok", "old-1": "behind", "quiet-1": "silent",
                                "broken-1": "failing", "refused-1": "failing",
                                "garbled": "unreadable"}
    assert states(tmp_path, silent_hours=8)["quiet-1"] == "ok"
    assert states(tmp_path, expected_version=8)["ok-1"] == "behind"
    table = fleet_table(read_fleet(tmp_path, NOW))
    assert table.splitlines()[-1] == "6 kiosk(s); 5 need attention."
    assert "last import failed: The new archive could not be written." in table
    assert "Hint" not in table


def test_a_status_from_a_newer_version_is_reported_not_crashed_on(tmp_path: Path) -> None:
    status(tmp_path, "future-1", format=2, package="a new shape", integrity=[1, 2])
    (row,) = read_fleet(tmp_path, NOW)
    assert (row.kiosk, row.state) == ("future-1", "unreadable")
    assert row.notes == ["written by a newer khojaly-kiosk (status format 2); update "
                         "khojaly-kiosk on this machine to read it"]
    assert row.heard_hours == pytest.approx(600 / 3600)


def test_odd_values_never_crash_the_report(tmp_path: Path) -> None:
    status(tmp_path, "odd-1", package=None, integrity="yes", last_import=["x"], inbox="none",
           written_at_epoch="yesterday", disk_free_bytes="lots")
    (tmp_path / "status-list.json").write_text("[1, 2]", encoding="utf-8")
    rows = read_fleet(tmp_path, NOW)
    assert {r.kiosk: r.state for r in rows} == {"odd-1": "silent", "list": "unreadable"}
    fleet_table(rows)


def test_two_files_naming_one_kiosk_are_flagged(tmp_path: Path) -> None:
    status(tmp_path, "baku")
    status(tmp_path, "baku-1a2b3c", kiosk_id="baku", id_shared_with_another_kiosk=True)
    assert set(states(tmp_path).values()) == {"failing"}


def test_a_subfolder_per_kiosk_is_read_too(tmp_path: Path) -> None:
    (tmp_path / "baku").mkdir()
    status(tmp_path / "baku", "baku-1")
    status(tmp_path, "ganja-1")
    assert states(tmp_path) == {"baku-1": "ok", "ganja-1": "ok"}


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        read_fleet(tmp_path / "nowhere", NOW)
