"""`doctor` checks the machine and says in sentences what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.cli import main
from khojaly_kiosk.content.pipeline import ensure_demo_archive
from khojaly_kiosk.doctor import check_archive, check_fonts
from khojaly_kiosk.paths import data_paths
from khojaly_kiosk.settings import load_settings


def test_fonts_cover_every_letter_of_the_four_alphabets(qapp: QApplication) -> None:
    result = check_fonts(data_paths())
    assert result.ok, result.message


def test_doctor_names_a_missing_archive_and_a_missing_pin(
        qapp: QApplication, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor"]) == 3
    out = capsys.readouterr().out
    assert "FIX  archive: No archive is installed" in out
    assert "FIX  staff PIN: No staff PIN is set, so staff mode is disabled." in out


def test_doctor_finds_a_damaged_archive(qapp: QApplication, fresh_data_dir: Path) -> None:
    paths = data_paths(fresh_data_dir).ensure()
    live = ensure_demo_archive(paths, load_settings(paths.root))
    assert live is not None
    db = live.db_path
    live.close()
    assert check_archive(paths).ok
    with db.open("r+b") as handle:  # overwrite pages in the middle of the file
        handle.seek(8192)
        handle.write(b"\xff" * 16384)
    result = check_archive(paths)
    assert not result.ok
    assert "damaged" in result.message


MEDIA_NOISE = r"PulseAudioService|No audio device|Couldn't (load|resolve) (va|pipewire)|FFmpeg"


@pytest.mark.qt_log_ignore(MEDIA_NOISE)
def test_media_check_loads_qt_multimedia_and_names_a_silent_machine(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    from khojaly_kiosk.doctor import NO_AUDIO_OUTPUT, check_media

    result = check_media(data_paths())
    assert result.ok, result.message
    assert result.message.startswith("Qt Multimedia")
    # No sound card: still ok (recordings play with captions), but the line says so.
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    silent = check_media(data_paths())
    assert silent.ok
    assert silent.line() == f"ok   media: Qt Multimedia loads. {NO_AUDIO_OUTPUT}"


def test_media_check_names_a_missing_plugin_library(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from khojaly_kiosk import doctor

    def fake_ldd(args: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        out = "\tlibpulse.so.0 => not found\n\tlibc.so.6 => /lib/libc.so.6 (0x0)\n"
        return subprocess.CompletedProcess(args, 0, stdout=out, stderr="")

    monkeypatch.setattr(doctor.subprocess, "run", fake_ldd)
    result = doctor.check_media(data_paths())
    assert not result.ok
    assert "lacks libpulse.so.0" in result.message
    assert "apt-get install libpulse0" in result.message


def test_the_session_platform_is_the_installed_units(tmp_path: Path) -> None:
    from khojaly_kiosk.doctor import session_platform

    unit = tmp_path / "khojaly-kiosk.service"
    unit.write_text("[Service]\nEnvironment=QT_QPA_PLATFORM=wayland\n", encoding="utf-8")
    # The unit decides even when the doctor itself runs offscreen from a terminal.
    assert session_platform({"QT_QPA_PLATFORM": "offscreen"}, [unit])[0] == "wayland"
    assert session_platform({"QT_QPA_PLATFORM": "xcb;wayland"}, [])[0] == "xcb"
    assert session_platform({"WAYLAND_DISPLAY": "wayland-0"}, [])[0] == "wayland"
    assert session_platform({"DISPLAY": ":0"}, [tmp_path / "absent.service"])[0] == "xcb"


def test_qt_check_names_the_wayland_library_and_its_debian_package(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from khojaly_kiosk import doctor

    checked: list[str] = []

    def fake_ldd(args: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        checked.append(Path(args[-1]).name)
        out = "\tlibwayland-cursor.so.0 => not found\n\tlibc.so.6 => /lib/libc.so.6 (0x0)\n"
        return subprocess.CompletedProcess(args, 0, stdout=out, stderr="")

    monkeypatch.setattr(doctor, "session_platform", lambda: ("wayland", "the kiosk unit"))
    monkeypatch.setattr(doctor.subprocess, "run", fake_ldd)
    result = doctor.check_qt(data_paths())
    assert checked == ["libqwayland.so"]
    assert not result.ok
    assert "wayland platform plugin (the kiosk unit) lacks libwayland-cursor.so.0" in result.message
    assert result.message.endswith("Install: apt-get install libwayland-cursor0.")


def test_qt_check_passes_for_the_plugin_in_use(qapp: QApplication,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from khojaly_kiosk import doctor

    monkeypatch.setattr(doctor, "session_platform", lambda: ("offscreen", "a test"))
    result = doctor.check_qt(data_paths())
    assert result.ok, result.message
    assert "offscreen platform plugin" in result.message


def test_a_missing_platform_plugin_is_named(qapp: QApplication,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from khojaly_kiosk import doctor

    monkeypatch.setattr(doctor, "session_platform", lambda: ("eglfs-nonexistent", "a test"))
    result = doctor.check_qt(data_paths())
    assert not result.ok
    assert "libqeglfs-nonexistent.so is missing. Reinstall the kiosk." in result.message


@pytest.mark.qt_log_ignore(MEDIA_NOISE)
def test_media_check_names_the_output_device(qapp: QApplication,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    from khojaly_kiosk.doctor import check_media

    class Device:
        def isNull(self) -> bool:
            return False

        def description(self) -> str:
            return "Built-in Audio Analog Stereo"

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: [Device()]))
    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(Device))
    result = check_media(data_paths())
    assert result.ok
    assert result.message.endswith("sound goes to 'Built-in Audio Analog Stereo'.")


@pytest.mark.qt_log_ignore(MEDIA_NOISE)
def test_doctor_json_lists_every_check(qapp: QApplication,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["doctor", "--json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    names = [check["name"] for check in report["checks"]]
    assert names == ["data folder", "settings", "Qt", "media", "fonts", "archive", "fallback",
                     "leftovers", "staff PIN"]
    pin = report["checks"][-1]
    assert pin == {"name": "staff PIN", "ok": False, "message": "No staff PIN is set, so staff "
                   "mode is disabled. Set one with `khojaly-kiosk set-pin`."}
    assert report["platform"]


def test_doctor_names_a_misspelt_setting(fresh_data_dir: Path) -> None:
    from khojaly_kiosk.doctor import check_config

    assert check_config(data_paths()).ok
    (fresh_data_dir / "config.toml").write_text("idle_secs = 30\n", encoding="utf-8")
    result = check_config(data_paths())
    assert not result.ok
    assert "unknown key 'idle_secs' — did you mean 'idle_seconds'?" in result.line()
