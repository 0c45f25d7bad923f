"""kiosk/core/status.py and prom.py: the status files monitoring reads."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from khojaly_kiosk.kiosk.core.prom import render_prom
from khojaly_kiosk.kiosk.core.runs import RunRecord
from khojaly_kiosk.kiosk.core.state import StateStore
from khojaly_kiosk.kiosk.core.status import StatusSource, StatusWriter, rounded
from khojaly_kiosk.kiosk.core.usage import UsageCounters
from khojaly_kiosk.paths import DataPaths, data_paths
from khojaly_kiosk.settings import load_settings
from tests.support.kiosk import FakeClock


def kiosk(tmp_path: Path, name: str, status: Path, kiosk_id: str | None = None,
          clock: FakeClock | None = None) -> StatusWriter:
    paths = data_paths(tmp_path / name).ensure()
    settings = load_settings(paths.root, environ={}, kiosk_id=kiosk_id or name,
                             status_dir=str(status))
    return StatusWriter(StatusSource(paths, settings, started=(clock or FakeClock())() - 90,
                                     clock=clock or FakeClock()))


def test_a_kiosk_writes_json_and_prom_atomically(tmp_path: Path) -> None:
    status = tmp_path / "status"
    json_path, prom_path = kiosk(tmp_path, "baku-1", status).write()
    assert (json_path.name, prom_path.name) == ("status-baku-1.json",
                                                "khojaly_kiosk-baku-1.prom")
    assert sorted(p.name for p in status.iterdir()) == sorted([json_path.name, prom_path.name])
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["kiosk_id"] == "baku-1"
    assert data["uptime_seconds"] == 90
    assert data["package"]["generation"] is None
    assert data["integrity"] == {"ok": False, "message": "No archive is live."}
    assert data["watchdog_restarts"] == 0 and data["disk_free_bytes"] > 0


def test_only_rounded_aggregates_leave_the_kiosk(tmp_path: Path) -> None:
    writer = kiosk(tmp_path, "k", tmp_path / "status")
    with StateStore.open(writer.source.paths.state_db) as state:
        counters = UsageCounters(state)
        for _ in range(13):
            counters.session_started()
        for _ in range(3):
            counters.search_made()
    data = writer.source.collect()
    assert data["usage_totals"]["sessions"] == 10 and data["usage_totals"]["searches"] == 0
    assert [rounded(n) for n in (0, 4, 5, 9, 12345)] == [0, 0, 5, 5, 12345]
    text = json.dumps(data)
    assert "hour" not in text  # no hourly buckets, no keys a visitor could be found in


def test_two_kiosks_in_one_folder_and_two_machines_with_one_id(tmp_path: Path) -> None:
    status, clock = tmp_path / "status", FakeClock()
    first = kiosk(tmp_path, "a", status, "baku", clock)
    other = kiosk(tmp_path, "b", status, "ganja", clock)
    clone = kiosk(tmp_path, "c", status, "baku", clock)  # a cloned disk image
    first.write()
    other.write()
    json_path, _prom = clone.write()
    first.write()  # and the first one keeps its own file
    clone.write()
    instance = clone.source.collect()["instance"]
    assert json_path.name == f"status-baku-{instance[:6]}.json"
    names = sorted(p.name for p in status.glob("status-*.json"))
    assert names == sorted(["status-baku.json", "status-ganja.json", json_path.name])
    first_data = json.loads((status / "status-baku.json").read_text(encoding="utf-8"))
    assert first_data["instance"] == first.source.collect()["instance"]
    assert json.loads(json_path.read_text(encoding="utf-8"))["id_shared_with_another_kiosk"]


def test_unclean_restarts_are_counted(tmp_path: Path) -> None:
    runs = RunRecord(tmp_path)
    assert runs.started() == 0
    runs.closed()
    assert runs.started() == 0  # the last run closed cleanly
    assert runs.started() == 1  # ... this one was killed (watchdog, power cut)
    assert RunRecord(tmp_path).unclean_restarts() == 1


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"'
                    r'(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*)?\})? (-?[0-9.e+]+)$')


def check_textfile(text: str) -> None:
    """The text format's own rules, as node_exporter's textfile collector applies them."""
    assert text.endswith("\n")
    typed: dict[str, str] = {}
    helped: set[str] = set()
    series: set[str] = set()
    finished: set[str] = set()
    current = ""
    for line in text.splitlines():
        if line.startswith("# HELP "):
            name = line.split()[2]
            assert name not in helped, f"two HELP lines for {name}"
            helped.add(name)
        elif line.startswith("# TYPE "):
            _hash, _type, name, kind = line.split()
            assert kind in ("counter", "gauge") and name not in typed
            if kind == "counter":
                assert name.endswith("_total"), name
            typed[name] = kind
        else:
            match = SAMPLE.match(line)
            assert match, f"not a sample line: {line!r}"
            name = match[1]
            assert name in typed and name in helped, f"{name} has no TYPE/HELP before it"
            if name != current:
                assert name not in finished, f"samples of {name} are not together"
                if current:
                    finished.add(current)
                current = name
            key = line.rsplit(" ", 1)[0]
            assert key not in series, f"duplicate series {key}"
            series.add(key)
            float(match[5])


def test_the_prom_file_follows_the_text_format(tmp_path: Path) -> None:
    status = {"kiosk_id": 'odd "name"\\with\nbreaks', "app_version": "0.1.0",
              "written_at_epoch": 1_700_000_000, "package": {"version": 4, "generation": "g"},
              "uptime_seconds": 12, "last_import": {"state": "failed",
                                                    "at": "2026-03-02T18:30:00Z"},
              "integrity": {"ok": True}, "watchdog_restarts": 2, "disk_free_bytes": 10**10,
              "usage_totals": {"sessions": 10, "candles": 5},
              "inbox": [{"state": "refused"}, {"state": "refused"}, {"state": "imported"}],
              "translation_coverage": [{"language": "az", "total": 412, "current": 380,
                                        "stale": 12, "percent": 92}]}
    text = render_prom(status)
    check_textfile(text)
    assert 'kiosk="odd \\"name\\"\\\\with\\nbreaks"' in text
    assert "khojaly_kiosk_last_import_success{" in text and "} 0\n" in text
    assert 'khojaly_kiosk_inbox_packages{kiosk="odd' in text
    assert 'state="refused"} 2' in text
    assert 'khojaly_kiosk_translation_segments{kiosk="odd' in text
    assert 'language="az",state="stale"} 12' in text
    check_textfile(render_prom({"kiosk_id": "bare"}))  # a status with nothing in it


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool is not installed")
def test_promtool_accepts_the_prom_file(tmp_path: Path) -> None:
    writer = kiosk(tmp_path, "baku-1", tmp_path / "status")
    with StateStore.open(writer.source.paths.state_db) as state:
        UsageCounters(state).session_started()
    _json, prom = writer.write()
    result = subprocess.run(["promtool", "check", "metrics"], input=prom.read_bytes(),
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == b"" and result.stderr.strip() == b""


def test_status_json_on_the_command_line(fresh_data_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from khojaly_kiosk.cli import main

    assert main(["status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["uptime_seconds"] is None and data["format"] == 1
    assert DataPaths(fresh_data_dir).root == fresh_data_dir


def test_status_carries_the_live_archives_translation_coverage(tmp_path: Path) -> None:
    from khojaly_kiosk.content.pipeline import ensure_demo_archive

    writer = kiosk(tmp_path, "k", tmp_path / "status")
    live = ensure_demo_archive(writer.source.paths, writer.source.settings)
    assert live is not None
    live.close()
    coverage = {c["language"]: c for c in writer.source.collect()["translation_coverage"]}
    assert set(coverage) == {"az", "ru", "tr"}  # every kiosk language but the content's own
    assert coverage["az"]["total"] > 0
