"""The systemd unit the installer ships: systemd accepts it, and it supervises the kiosk."""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from khojaly_kiosk.paths import default_data_dir

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
UNIT = PACKAGING / "systemd" / "khojaly-kiosk.service"
INSTALLER = PACKAGING / "install-debian.sh"

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


def _installer_constant(name: str) -> str:
    match = re.search(rf"^readonly {name}=(\S+)$", INSTALLER.read_text(encoding="utf-8"),
                      flags=re.MULTILINE)
    assert match, f"{name} is not set in {INSTALLER.name}"
    return match.group(1)


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


def test_exec_start_runs_the_installed_kiosk_in_kiosk_mode_under_cage(unit: dict) -> None:
    argv = shlex.split(unit["Service"]["ExecStart"][0])
    assert argv[0] == "/usr/bin/cage"
    program = argv[argv.index("--") + 1:]
    prefix = _installer_constant("DEFAULT_PREFIX")
    assert program == [f"{prefix}/.venv/bin/khojaly-kiosk", "run", "--kiosk"]
    assert unit["Service"]["WorkingDirectory"] == [prefix]


def test_unit_runs_as_the_user_and_pam_stack_the_installer_creates(unit: dict) -> None:
    user = _installer_constant("KIOSK_USER")
    assert unit["Service"]["User"] == [user]
    pam_path = _installer_constant("PAM_PATH")
    assert unit["Service"]["PAMName"] == [Path(pam_path).name]


def test_the_data_folder_the_kiosk_picks_at_boot_is_writable_under_the_unit(
        unit: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    # systemd starts the service with HOME of the kiosk user and no KHOJALY_DATA_DIR; with
    # ProtectHome=read-only only ReadWritePaths= can be written, so the two must agree.
    assert unit["Service"]["ProtectHome"] == ["read-only"]
    monkeypatch.delenv("KHOJALY_DATA_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", "/home/kiosk")
    writable = [path.lstrip("-") for line in unit["Service"]["ReadWritePaths"]
                for path in line.split()]
    assert str(default_data_dir()) in writable


def _verifiable_copy(tmp_path: Path, text: str) -> Path:
    """The unit as shipped, with only what a build machine lacks swapped out."""
    if not Path("/usr/bin/cage").exists():
        # verify insists the program exists; cage and /opt are not on a build machine.
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


def _verify(unit: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SYSTEMD_LOG_COLOR": "0"}
    return subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                          text=True, timeout=60, check=False, env=env)


@needs_systemd_analyze
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    result = _verify(_verifiable_copy(tmp_path, UNIT.read_text(encoding="utf-8")))
    # verify exits 0 even for unknown keys and bad values; it only complains on stderr.
    complaints = [line for line in result.stderr.splitlines() if UNIT.name in line]
    assert result.returncode == 0, result.stderr
    assert complaints == []


@needs_systemd_analyze
def test_systemd_analyze_verify_would_catch_a_broken_line(tmp_path: Path) -> None:
    # The check above is only worth something if a mistake shows up in the same way.
    broken = UNIT.read_text(encoding="utf-8").replace("Restart=always", "Restart=allways")
    result = _verify(_verifiable_copy(tmp_path, broken))
    assert any(UNIT.name in line and "restart" in line.lower()
               for line in result.stderr.splitlines()), result.stderr
