"""The shell scripts of packaging/: valid, shellcheck-clean, and each does what it says on
small stand-ins (a fake program, a fake wpctl, a tiny .deb and kit)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
SHELL_SCRIPTS = [
    PACKAGING / "build.sh", PACKAGING / "debian" / "build-deb.sh",
    PACKAGING / "usb-kit" / "make-kit.sh", PACKAGING / "usb-kit" / "install.sh",
    PACKAGING / "session" / "kiosk-session", PACKAGING / "session" / "khojaly-kiosk",
    *(PACKAGING / "debian" / name for name in ("preinst", "postinst", "prerm", "postrm")),
    REPO / "scripts" / "bootstrap.sh", REPO / "scripts" / "lock.sh",
]
is_root_on_debian = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("dpkg-deb") is None or shutil.which("apt-get") is None,
    reason="needs root, dpkg-deb and apt-get (Debian)")


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: p.name)
def test_script_is_valid_and_executable(script: Path) -> None:
    shell = "bash" if "bash" in script.read_text(encoding="utf-8").splitlines()[0] else "sh"
    result = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert script.stat().st_mode & stat.S_IXUSR, f"{script.name} is not executable"


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_scripts_pass_shellcheck() -> None:
    result = subprocess.run(["shellcheck", *map(str, SHELL_SCRIPTS)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout


def _executable(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)
    return path


def _run_session(tmp_path: Path, config: str) -> tuple[str, str, str]:
    """Runs kiosk-session with a fake program and a fake wpctl; returns what each was asked
    and the session's stderr."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "wpctl.calls"
    _executable(bin_dir / "wpctl", f'#!/bin/sh\necho "$*" >> "{calls}"\n')
    program_args = tmp_path / "program.args"
    # The program waits (at most 5 s) for the background volume setter, as the kiosk would run.
    _executable(tmp_path / "program", f'#!/bin/sh\necho "$*" > "{program_args}"\n'
                f'for i in 1 2 3 4 5 6 7 8 9 10; do [ -s "{calls}" ] && exit 0; sleep 0.5; done\n')
    (tmp_path / "config.toml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
           "KHOJALY_CONFIG": str(tmp_path / "config.toml"),
           "KHOJALY_PROGRAM": str(tmp_path / "program")}
    result = subprocess.run([str(PACKAGING / "session" / "kiosk-session")], env=env,
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    time.sleep(0.2)
    wpctl = calls.read_text(encoding="utf-8") if calls.exists() else ""
    return program_args.read_text(encoding="utf-8").strip(), wpctl, result.stderr


def test_the_session_sets_the_volume_from_the_config_and_becomes_the_kiosk(
        tmp_path: Path) -> None:
    program, wpctl, _err = _run_session(tmp_path, 'default_language = "en"\nvolume = 65  # %\n')
    assert program == "run --kiosk"
    assert wpctl.splitlines()[0] == "set-volume @DEFAULT_AUDIO_SINK@ 65%"


def test_a_volume_out_of_range_is_named_and_the_kiosk_still_starts(tmp_path: Path) -> None:
    program, wpctl, err = _run_session(tmp_path, "volume = 150\n")
    assert program == "run --kiosk"
    assert wpctl == ""
    assert "volume must be 0-100" in err


def _fake_deb(folder: Path, version: str, depends: str) -> Path:
    root = folder / "root"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text(
        f"Package: khojaly-kiosk\nVersion: {version}\nArchitecture: amd64\n"
        f"Maintainer: test <t@localhost>\nInstalled-Size: 1\nDepends: {depends}\n"
        "Description: a stand-in\n test\n", encoding="utf-8")
    deb = folder / f"khojaly-kiosk_{version}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(deb)],
                   check=True, capture_output=True)
    shutil.rmtree(root)
    return deb


def _kit(tmp_path: Path, depends: str) -> Path:
    kit = tmp_path / "usb-kit"
    (kit / "debs").mkdir(parents=True)
    _fake_deb(kit, "0.0.1~test", depends)
    (kit / "debs" / "Packages").write_text("", encoding="utf-8")
    shutil.copy(PACKAGING / "usb-kit" / "install.sh", kit / "install.sh")
    sums = subprocess.run("find . -type f -printf '%P\\n' | sort | xargs sha256sum", shell=True,
                          cwd=kit, capture_output=True, text=True, check=True).stdout
    (kit / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return kit


def _install(kit: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(kit / "install.sh"), *args], capture_output=True,
                          text=True, timeout=120, check=False)


def _installed_packages() -> str:
    return subprocess.run(["dpkg-query", "-W"], capture_output=True, text=True,
                          check=True).stdout


@is_root_on_debian
def test_the_kit_names_the_packages_that_are_missing_and_installs_nothing(
        tmp_path: Path) -> None:
    before = _installed_packages()
    kit = _kit(tmp_path, "bash, khojaly-test-absent-one, khojaly-test-absent-two (>= 1)")
    result = _install(kit)
    assert result.returncode == 1
    assert ("These Debian packages are needed but are neither installed here nor on the kit: "
            "khojaly-test-absent-one khojaly-test-absent-two.") in result.stderr
    assert "Nothing was installed or changed." in result.stderr
    assert _installed_packages() == before


@is_root_on_debian
def test_a_damaged_kit_is_refused_before_apt_runs(tmp_path: Path) -> None:
    kit = _kit(tmp_path, "bash")
    (kit / "debs" / "Packages").write_text("garbage\n", encoding="utf-8")
    result = _install(kit)
    assert result.returncode == 1
    assert "The kit is damaged or incomplete (debs/Packages); copy it again" in result.stderr


@is_root_on_debian
def test_a_dry_run_plans_from_the_kit_alone(tmp_path: Path) -> None:
    before = _installed_packages()
    kit = _kit(tmp_path, "bash")
    result = _install(kit, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert ("Installing khojaly-kiosk 0.0.1~test and 0 Debian packages from the kit."
            in result.stdout)
    assert "Dry run: nothing was installed." in result.stdout
    assert _installed_packages() == before


@pytest.mark.skipif(shutil.which("dpkg-deb") is None or shutil.which("readelf") is None,
                    reason="needs dpkg-deb and readelf (Debian: dpkg, binutils)")
def test_the_deb_holds_the_program_unit_settings_and_maintainer_scripts(tmp_path: Path) -> None:
    bundle = tmp_path / "khojaly-kiosk"
    bundle.mkdir()
    _executable(bundle / "khojaly-kiosk", "#!/bin/sh\necho stand-in\n")
    out = tmp_path / "out"
    result = subprocess.run(
        [str(PACKAGING / "debian" / "build-deb.sh"), str(bundle), "9.8.7", str(out)],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    deb = out / "khojaly-kiosk_9.8.7_amd64.deb"
    assert result.stdout.strip() == str(deb)
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/khojaly-kiosk/khojaly-kiosk", "./usr/bin/khojaly-kiosk",
                 "./usr/libexec/khojaly-kiosk/kiosk-session",
                 "./lib/systemd/system/khojaly-kiosk.service", "./etc/pam.d/khojaly-kiosk",
                 "./etc/khojaly-kiosk/config.toml"):
        assert f" {path}\n" in listing + "\n", path
    # Nothing of the data folder is in the package: dpkg never touches it on upgrade.
    assert "/var/lib/" not in listing
    field = lambda name: subprocess.run(  # noqa: E731
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert field("Version") == "9.8.7"
    depends = [d.strip() for d in field("Depends").split(",")]
    assert {"cage", "pipewire-pulse", "wireplumber", "libpam-systemd"} <= set(depends)
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    assert (control / "conffiles").read_text().split() == [
        "/etc/khojaly-kiosk/config.toml", "/etc/pam.d/khojaly-kiosk"]
    for script in ("preinst", "postinst", "prerm", "postrm"):
        assert (control / script).stat().st_mode & stat.S_IXUSR


def test_the_bundle_sees_every_screen_the_shell_can_show() -> None:
    # PyInstaller follows static imports only. Every screen module is imported by name in
    # ui/registry.py or ui/shell.py (a first bundle, when the shell still loaded screens from
    # strings, showed "coming soon" on every screen); the spec also takes every module.
    spec = (PACKAGING / "pyinstaller" / "khojaly-kiosk.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("khojaly_kiosk")' in spec
    ui = REPO / "src" / "khojaly_kiosk" / "ui"
    imports = (ui / "registry.py").read_text(encoding="utf-8") + (
        ui / "shell.py").read_text(encoding="utf-8")
    for module in sorted((ui / "screens").glob("*.py")):
        if module.stem != "__init__":
            assert f"from khojaly_kiosk.ui.screens.{module.stem} import" in imports, module.stem
