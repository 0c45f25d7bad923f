"""The systemd unit the .deb ships: systemd accepts it, it supervises the kiosk, its sandbox
rates "OK", and its paths agree with what the package installs."""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
UNIT = PACKAGING / "systemd" / "khojaly-kiosk.service"
BUILD_DEB = PACKAGING / "debian" / "build-deb.sh"
POSTINST = PACKAGING / "debian" / "postinst"
SESSION = PACKAGING / "session" / "kiosk-session"
WRAPPER = PACKAGING / "session" / "khojaly-kiosk"
DATA_DIR = "/var/lib/khojaly-kiosk"

needs_systemd_analyze = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze is not installed (Debian package: systemd)")


def parse_unit(text: str) -> dict[str, dict[str, list[str]]]:
    """Section -> key -> every value in order (systemd keys may repeat)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        assert current is not None, f"a setting outside any section: {line!r}"
        key, _, value = line.partition("=")
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def _installed_as(source: str) -> str:
    """Where build-deb.sh installs ``source`` (a path under packaging/) in the package."""
    text = BUILD_DEB.read_text(encoding="utf-8")
    match = re.search(rf'"\$packaging/{re.escape(source)}" "\$root(/[^"]*)"', text)
    assert match, f"build-deb.sh does not install {source}"
    target = match.group(1)
    return target if not target.endswith("/") else target + Path(source).name


@pytest.fixture(scope="module")
def unit() -> dict[str, dict[str, list[str]]]:
    return parse_unit(UNIT.read_text(encoding="utf-8"))


def test_unit_is_a_notify_service_with_a_watchdog(unit: dict) -> None:
    service = unit["Service"]
    assert service["Type"] == ["notify"]
    # cage is the main process and the kiosk its child: without "all" systemd drops READY=1.
    assert service["NotifyAccess"] == ["all"]
    assert int(service["WatchdogSec"][0]) > 0
    assert int(service["TimeoutStartSec"][0]) >= int(service["WatchdogSec"][0])
    # A hung process is killed soon after the watchdog fires, not after the default 90 s.
    assert int(service["TimeoutStopSec"][0]) <= int(service["WatchdogSec"][0])


def test_unit_restarts_always_but_gives_up_on_a_broken_install(unit: dict) -> None:
    assert unit["Service"]["Restart"] == ["always"]
    # Start limits belong in [Unit]; systemd ignores StartLimitBurst= in [Service].
    assert int(unit["Unit"]["StartLimitBurst"][0]) >= 3
    assert int(unit["Unit"]["StartLimitIntervalSec"][0]) > 0
    assert "StartLimitBurst" not in unit["Service"]


def test_exec_start_runs_the_installed_session_under_cage(unit: dict) -> None:
    argv = shlex.split(unit["Service"]["ExecStart"][0])
    assert argv[0] == "/usr/bin/cage"
    assert argv[argv.index("--") + 1:] == [_installed_as("session/kiosk-session")]
    assert _installed_as("systemd/khojaly-kiosk.service") == \
        "/lib/systemd/system/khojaly-kiosk.service"
    # The session becomes the bundle's program in kiosk mode.
    last = SESSION.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert last == 'exec "$kiosk" run --kiosk'
    assert 'kiosk=${KHOJALY_PROGRAM:-/opt/khojaly-kiosk/khojaly-kiosk}' in SESSION.read_text()


def test_unit_runs_as_the_user_and_pam_stack_the_package_installs(unit: dict) -> None:
    assert unit["Service"]["User"] == ["kiosk"]
    assert 'user=kiosk' in POSTINST.read_text(encoding="utf-8")
    pam_name = unit["Service"]["PAMName"][0]
    assert _installed_as("systemd/khojaly-kiosk.pam") == f"/etc/pam.d/{pam_name}"


def test_the_data_folder_is_the_same_for_the_unit_the_package_and_the_command(unit: dict) -> None:
    service = unit["Service"]
    assert f"KHOJALY_DATA_DIR={DATA_DIR}" in service["Environment"]
    # StateDirectory= makes /var/lib/<name> writable under ProtectSystem=strict.
    assert service["ProtectSystem"] == ["strict"]
    assert f"/var/lib/{service['StateDirectory'][0]}" == DATA_DIR
    assert service["WorkingDirectory"] == [DATA_DIR]
    assert f"data={DATA_DIR}" in POSTINST.read_text(encoding="utf-8")
    assert f"KHOJALY_DATA_DIR:={DATA_DIR}" in WRAPPER.read_text(encoding="utf-8")


def test_the_sandbox_lets_cage_reach_only_its_devices(unit: dict) -> None:
    service = unit["Service"]
    assert service["DevicePolicy"] == ["closed"]
    assert {"char-drm rw", "char-input rw", "/dev/tty1 rw"} <= set(service["DeviceAllow"])
    assert service["PrivateDevices"] == ["no"]
    assert service["IPAddressDeny"] == ["any"]
    assert service["RestrictAddressFamilies"] == ["AF_UNIX AF_NETLINK"]
    assert service["CapabilityBoundingSet"] == [""]
    assert service["NoNewPrivileges"] == ["yes"]


def _verifiable_copy(tmp_path: Path, text: str) -> Path:
    """The unit as shipped, with only what a build machine lacks swapped out."""
    if not Path("/usr/bin/cage").exists():
        # verify insists the program exists; cage is not on a build machine.
        text, swapped = re.subn(r"^ExecStart=\S+", "ExecStart=/bin/true", text,
                                flags=re.MULTILINE)
        assert swapped == 1
    try:
        pwd.getpwnam("kiosk")
    except KeyError:
        text = re.sub(r"^(User|Group)=.*\n", "", text, flags=re.MULTILINE)
    unit = tmp_path / UNIT.name
    unit.write_text(text, encoding="utf-8")
    return unit


def _analyze(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SYSTEMD_LOG_COLOR": "0", "SYSTEMD_COLORS": "0"}
    return subprocess.run(["systemd-analyze", *args], capture_output=True, text=True,
                          timeout=60, check=False, env=env)


@needs_systemd_analyze
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    result = _analyze("verify", str(_verifiable_copy(tmp_path, UNIT.read_text(encoding="utf-8"))))
    # verify exits 0 even for unknown keys and bad values; it only complains on stderr.
    complaints = [line for line in result.stderr.splitlines() if UNIT.name in line]
    assert result.returncode == 0, result.stderr
    assert complaints == []


@needs_systemd_analyze
def test_systemd_analyze_verify_would_catch_a_broken_line(tmp_path: Path) -> None:
    # The check above is only worth something if a mistake shows up in the same way.
    broken = UNIT.read_text(encoding="utf-8").replace("Restart=always", "Restart=allways")
    result = _analyze("verify", str(_verifiable_copy(tmp_path, broken)))
    assert any(UNIT.name in line and "restart" in line.lower()
               for line in result.stderr.splitlines()), result.stderr


def _exposure(unit: Path) -> float:
    result = _analyze("security", "--offline=true", str(unit))
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    assert match, result.stdout + result.stderr
    return float(match.group(1))


@needs_systemd_analyze
def test_the_sandbox_rates_ok(tmp_path: Path) -> None:
    assert _exposure(UNIT) <= 4.9
    # And the rating reacts to the sandbox: without it the same unit is exposed.
    text = UNIT.read_text(encoding="utf-8")
    bare = tmp_path / UNIT.name
    bare.write_text(text.split("# --- Sandbox")[0] + "\n[Install]\nWantedBy=graphical.target\n",
                    encoding="utf-8")
    assert _exposure(bare) > 7
