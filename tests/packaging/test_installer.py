"""packaging/install-debian.sh: valid shell, a truthful --dry-run that changes nothing, and the
packages and paths it installs agree with what the kiosk and its unit need."""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "packaging" / "install-debian.sh"
UNINSTALLER = REPO / "packaging" / "uninstall-debian.sh"
BOOTSTRAP = REPO / "scripts" / "bootstrap.sh"
UNIT_PATH = Path("/etc/systemd/system/khojaly-kiosk.service")
PAM_PATH = Path("/etc/pam.d/khojaly-kiosk")
# Commands that change the machine. In a dry run none of them may run, so the test puts
# recording stand-ins first on PATH; read-only look-ups (id, getent, dpkg-query) stay real.
CHANGING_COMMANDS = ("apt-get", "useradd", "usermod", "groupadd", "rsync", "runuser", "sudo",
                     "chown", "chmod", "install", "mkdir", "cp", "mv", "ln", "rm", "systemctl")
SHIM = """#!/bin/sh
name=$(basename "$0")
# get-default and is-enabled only read; the installer asks them to plan its actions.
case "$name $1" in "systemctl get-default"|"systemctl is-enabled") exit 1 ;; esac
echo "$name $*" >> "{log}"
exit 97
"""


def _watched_files() -> dict[str, str]:
    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"

    return {str(p): digest(p) for p in (UNIT_PATH, PAM_PATH, Path("/etc/passwd"),
                                         Path("/etc/group"))}


def _shimmed_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    shims = tmp_path / "shims"
    shims.mkdir()
    log = tmp_path / "changing-commands.log"
    for name in CHANGING_COMMANDS:
        shim = shims / name
        shim.write_text(SHIM.format(log=log), encoding="utf-8")
        shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{os.environ.get('PATH', '')}"}
    return env, log


def _installer(*args: str, env: dict[str, str] | None = None, user: str | None = None,
               script: Path = INSTALLER) -> subprocess.CompletedProcess[str]:
    command = ["bash", str(script), *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False,
                          env=env, cwd="/")


def _planned(output: str) -> list[list[str]]:
    """The commands a dry run prints, each split as the shell would."""
    return [shlex.split(line.strip()[2:]) for line in output.splitlines()
            if line.strip().startswith("+ ")]


@pytest.mark.parametrize("script", [INSTALLER, UNINSTALLER, BOOTSTRAP], ids=lambda p: p.name)
def test_script_is_valid_bash(script: Path) -> None:
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert script.stat().st_mode & stat.S_IXUSR, f"{script.name} is not executable"


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
@pytest.mark.parametrize("script", [INSTALLER, UNINSTALLER], ids=lambda p: p.name)
def test_script_passes_shellcheck(script: Path) -> None:
    result = subprocess.run(["shellcheck", "--severity=warning", str(script)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_dry_run_prints_the_plan_and_changes_nothing(tmp_path: Path) -> None:
    prefix = tmp_path / "opt" / "khojaly-kiosk"
    before = _watched_files()
    env, log = _shimmed_env(tmp_path)
    result = _installer("--dry-run", "--prefix", str(prefix), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    planned = _planned(out)

    assert f"write {UNIT_PATH}" in out
    assert any(cmd[:1] == ["rsync"] and cmd[-1] == f"{prefix}/" for cmd in planned)
    assert [str(prefix / "scripts" / "bootstrap.sh"), "run"] in planned
    assert any(cmd[:1] == ["useradd"] and cmd[-1] == "kiosk" for cmd in planned) \
        or "kiosk exists" in out
    assert ["install", "-m", "0644", str(REPO / "packaging/systemd/khojaly-kiosk.pam"),
            str(PAM_PATH)] in planned or f"{PAM_PATH} is up to date" in out
    assert ["systemctl", "enable", "khojaly-kiosk.service"] in planned
    assert any(cmd[-4:] == [f"{prefix}/.venv/bin/khojaly-kiosk", "run", "--quit-after", "1"]
               for cmd in planned)
    assert "set-pin" in out and "demo_mode = false" in out and "trusted_keys" in out

    assert not log.exists(), "a dry run ran: " + log.read_text(encoding="utf-8")
    assert not prefix.exists()
    assert _watched_files() == before


def test_no_enable_leaves_the_boot_alone(tmp_path: Path) -> None:
    env, log = _shimmed_env(tmp_path)
    result = _installer("--dry-run", "--no-enable", "--prefix", str(tmp_path / "k"), env=env)
    assert result.returncode == 0, result.stderr
    planned = _planned(result.stdout)
    assert not [cmd for cmd in planned if cmd[:1] == ["systemctl"] and "enable" in cmd]
    assert not [cmd for cmd in planned if "set-default" in cmd]
    assert "systemctl start khojaly-kiosk.service" in result.stdout
    assert not log.exists()


@pytest.mark.parametrize(("prefix", "reason"), [
    ("relative/dir", "must be an absolute folder"),
    ("/usr", "is not an earlier khojaly-kiosk installation"),
])
def test_an_unsafe_prefix_is_refused(tmp_path: Path, prefix: str, reason: str) -> None:
    # The copy deletes what is not in the checkout: /usr must never be a target.
    env, log = _shimmed_env(tmp_path)
    result = _installer("--dry-run", "--prefix", prefix, env=env)
    assert result.returncode == 2
    assert reason in result.stderr
    assert "Traceback" not in result.stderr and not log.exists()


def test_an_earlier_installation_may_be_updated(tmp_path: Path) -> None:
    earlier = tmp_path / "khojaly-kiosk"
    earlier.mkdir()
    (earlier / "pyproject.toml").write_text('[project]\nname = "khojaly-kiosk"\n', "utf-8")
    env, log = _shimmed_env(tmp_path)
    result = _installer("--dry-run", "--prefix", str(earlier), env=env)
    assert result.returncode == 0, result.stderr
    assert not log.exists()


@pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None,
                    reason="setpriv (util-linux) is needed to drop root")
def test_without_root_a_real_run_refuses_before_doing_anything(tmp_path: Path) -> None:
    # As root, the test drops to nobody (65534) so that the real run cannot change anything.
    user = "65534" if os.geteuid() == 0 else None
    # nobody cannot read a checkout under /root (0700): give it a world-readable copy.
    readable = Path(tempfile.mkdtemp(prefix="khojaly-installer-", dir="/tmp"))
    try:
        readable.chmod(0o755)
        # The installer checks it stands in a checkout: give it the bare shape of one.
        (readable / "src" / "khojaly_kiosk").mkdir(parents=True)
        shutil.copy2(INSTALLER.parent.parent / "pyproject.toml", readable / "pyproject.toml")
        (readable / "packaging").mkdir()
        copy = readable / "packaging" / INSTALLER.name
        shutil.copy2(INSTALLER, copy)
        for folder in (readable / "src", readable / "src" / "khojaly_kiosk",
                       readable / "packaging"):
            folder.chmod(0o755)
        (readable / "pyproject.toml").chmod(0o644)
        copy.chmod(0o755)
        result = _installer("--prefix", str(readable / "k"), user=user, script=copy)
    finally:
        shutil.rmtree(readable, ignore_errors=True)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Run this as root" in result.stderr
    assert "--dry-run" in result.stderr  # the hint says how to look without root
    assert result.stdout == ""  # it stopped before its first step


def _debian_package(soname: str) -> str:
    """Debian's library package naming: libfoo.so.1 -> libfoo1, libfoo2.so.0 -> libfoo2-0."""
    name, _, version = soname.partition(".so.")
    name = name.lower()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _packages_installed_by_the_installer(tmp_path: Path) -> set[str]:
    bootstrap = re.search(r'deb_packages="([^"]+)"', BOOTSTRAP.read_text(encoding="utf-8"))
    assert bootstrap
    session = re.search(r"SESSION_PACKAGES=\(([^)]+)\)", INSTALLER.read_text(encoding="utf-8"))
    assert session
    return set(bootstrap.group(1).split()) | set(session.group(1).split())


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) is missing")
def test_the_libraries_qt_wayland_loads_are_installed(tmp_path: Path) -> None:
    # The unit runs Qt on Wayland; the wheel's Wayland plugin needs libwayland-cursor0 and
    # libwayland-egl1, which neither cage nor bootstrap.sh brings in.
    pyside = pytest.importorskip("PySide6")
    qt = Path(pyside.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqwayland.so"
    if not plugin.exists():
        pytest.skip("this PySide6 build has no Wayland platform plugin")
    pieces = [plugin, *qt.glob("lib/libQt6WaylandClient.so*"),
              *qt.glob("lib/libQt6WaylandEglClientHwIntegration.so*"),
              *qt.glob("plugins/wayland-shell-integration/libxdg-shell.so"),
              *qt.glob("plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so")]
    bundled = {p.name for p in (qt / "lib").iterdir()}
    base = {"libc", "libm", "libdl", "librt", "libpthread", "libgcc_s", "libstdc++", "ld-linux"}
    needed: set[str] = set()
    for piece in pieces:
        dynamic = subprocess.run(["readelf", "-d", str(piece)], capture_output=True, text=True,
                                 check=True).stdout
        needed |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic))
    system = {lib for lib in needed
              if lib not in bundled and not lib.startswith("libQt6")
              and lib.split(".so")[0] not in base}
    assert "libwayland-client.so.0" in system  # the scan found what it is looking for
    installed = _packages_installed_by_the_installer(tmp_path)
    missing = sorted(lib for lib in system if _debian_package(lib) not in installed)
    assert missing == []


def test_the_archive_build_it_plans_lands_where_the_unit_looks(tmp_path: Path) -> None:
    # Run the installer's own pre-build command (as printed by --dry-run, minus runuser) with
    # a stand-in home: the demo archive must appear under ~/.local/share/khojaly-kiosk,
    # which is where the kiosk looks at boot and what the unit lets it write.
    if not (REPO / ".venv" / "bin" / "khojaly-kiosk").exists():
        pytest.skip("no .venv in the checkout (scripts/bootstrap.sh creates it)")
    env, _log = _shimmed_env(tmp_path)
    result = _installer("--dry-run", "--prefix", str(REPO), env=env)
    assert result.returncode == 0, result.stderr
    prebuild = next(cmd for cmd in _planned(result.stdout) if cmd[-2:] == ["--quit-after", "1"])
    assert prebuild[:4] == ["runuser", "-u", "kiosk", "--"]
    home = tmp_path / "home"
    home.mkdir()
    command = [f"HOME={home}" if arg.startswith("HOME=") else arg for arg in prebuild[4:]]
    built = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (home / ".local/share/khojaly-kiosk/archives/current").is_file()
    status = subprocess.run([*command[:-3], "status"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert status.returncode == 0, status.stdout + status.stderr


def test_uninstall_dry_run_plans_the_purge_and_changes_nothing(tmp_path: Path) -> None:
    installed = tmp_path / "khojaly-kiosk"
    installed.mkdir()
    (installed / "pyproject.toml").write_text('[project]\nname = "khojaly-kiosk"\n', "utf-8")
    env, log = _shimmed_env(tmp_path)
    before = _watched_files()
    result = subprocess.run(["bash", str(UNINSTALLER), "--dry-run", "--purge", "--prefix",
                             str(installed)], capture_output=True, text=True, timeout=60,
                            check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert ["rm", "-rf", str(installed)] in _planned(result.stdout)
    assert not log.exists(), log.read_text(encoding="utf-8")
    assert installed.is_dir() and _watched_files() == before
