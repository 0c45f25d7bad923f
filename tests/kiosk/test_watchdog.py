from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from khojaly_kiosk.kiosk.watchdog import (
    STAFF_EXIT_MARKER,
    SystemdWatchdog,
    mark_staff_exit,
    sd_notify,
    watchdog_interval_ms,
)

UNIT = Path(__file__).resolve().parents[2] / "packaging" / "systemd" / "khojaly-kiosk.service"


@pytest.fixture
def notify_socket() -> Iterator[tuple[socket.socket, str]]:
    # AF_UNIX paths are limited to ~108 bytes; pytest's tmp_path can be longer than that.
    folder = Path(os.environ.get("XDG_RUNTIME_DIR", "/tmp"))
    path = folder / f"khojaly-notify-{os.getpid()}.sock"
    path.unlink(missing_ok=True)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(2)
    yield sock, str(path)
    sock.close()
    path.unlink(missing_ok=True)


def test_sd_notify_sends_a_datagram(notify_socket: tuple[socket.socket, str]) -> None:
    sock, path = notify_socket
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": path})
    assert sock.recv(256) == b"READY=1"


def test_sd_notify_outside_systemd_does_nothing() -> None:
    assert not sd_notify("READY=1", {})
    assert not sd_notify("READY=1", {"NOTIFY_SOCKET": "/nonexistent/khojaly.sock"})


def test_abstract_socket_address() -> None:
    name = f"khojaly-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(b"\0" + name.encode())
        sock.settimeout(2)
        assert sd_notify("WATCHDOG=1", {"NOTIFY_SOCKET": "@" + name})
        assert sock.recv(64) == b"WATCHDOG=1"


def test_watchdog_interval_is_half_of_watchdog_usec() -> None:
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000"}) == 15_000
    assert watchdog_interval_ms({}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "0"}) is None


def test_ready_after_first_frame_then_pings_from_the_gui_timer(
        qtbot: object, notify_socket: tuple[socket.socket, str]) -> None:
    sock, path = notify_socket
    watchdog = SystemdWatchdog({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000"})
    assert not watchdog.active
    watchdog.notify_ready()
    assert sock.recv(256).startswith(b"READY=1\nSTATUS=")
    assert watchdog.active
    # The 50 ms timer runs on the event loop: let it spin until two pings have arrived.
    sock.setblocking(False)
    pings: list[bytes] = []

    def two_pings() -> bool:
        with contextlib.suppress(BlockingIOError):
            pings.append(sock.recv(64))
        return len(pings) >= 2

    qtbot.waitUntil(two_pings, timeout=5000)  # type: ignore[attr-defined]
    assert pings[:2] == [b"WATCHDOG=1", b"WATCHDOG=1"]
    watchdog.notify_stopping()
    assert not watchdog.active


def test_staff_exit_marker_stops_the_next_start(tmp_path: Path) -> None:
    assert not mark_staff_exit({})
    assert mark_staff_exit({"RUNTIME_DIRECTORY": str(tmp_path)})
    assert (tmp_path / STAFF_EXIT_MARKER).is_file()
    # The unit's ExecCondition is the other half: it must test for the same file name.
    condition = _unit_values()["ExecCondition"][0].replace("$$", "$")  # systemd's unescaping
    assert f'"$RUNTIME_DIRECTORY/{STAFF_EXIT_MARKER}"' in condition
    command = condition.split(" -c ", 1)[1].strip("'")
    env = {"RUNTIME_DIRECTORY": str(tmp_path), "PATH": os.environ.get("PATH", "")}
    assert subprocess.run(["/bin/sh", "-c", command], env=env, check=False).returncode == 1
    (tmp_path / STAFF_EXIT_MARKER).unlink()
    assert subprocess.run(["/bin/sh", "-c", command], env=env, check=False).returncode == 0


def _unit_values() -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_unit_declares_notify_watchdog_and_restart() -> None:
    values = _unit_values()
    assert values["Type"] == ["notify"]
    assert values["WatchdogSec"] == ["30"]
    assert values["Restart"] == ["always"]
    assert values["RestartSec"] == ["2"]
    assert int(values["StartLimitBurst"][0]) >= 3
    assert any(v.startswith("QT_QPA_PLATFORM=") for v in values["Environment"])
    # cage runs the session script, which ends in `exec /opt/khojaly-kiosk/khojaly-kiosk run
    # --kiosk` (tests/packaging/test_unit.py follows the paths through the .deb).
    assert values["ExecStart"][0].endswith("/usr/libexec/khojaly-kiosk/kiosk-session")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed (apt package systemd)")
def test_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    # verify insists every ExecStart program exists; cage and /opt are not on a build machine,
    # so only the command is swapped for /bin/true and every other line is checked as shipped.
    text = UNIT.read_text(encoding="utf-8")
    text, swapped = re.subn(r"^ExecStart=.*$", "ExecStart=/bin/true run --kiosk", text,
                            flags=re.MULTILINE)
    assert swapped == 1
    unit = tmp_path / UNIT.name
    unit.write_text(text, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "khojaly-kiosk.service" not in result.stderr, result.stderr
