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


MEDIA_NOISE = r"PulseAudioService|No audio device|Couldn't (load|resolve) va|FFmpeg"


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


def test_doctor_names_a_misspelt_setting(fresh_data_dir: Path) -> None:
    from khojaly_kiosk.doctor import check_config

    assert check_config(data_paths()).ok
    (fresh_data_dir / "config.toml").write_text("idle_secs = 30\n", encoding="utf-8")
    result = check_config(data_paths())
    assert not result.ok
    assert "unknown key 'idle_secs' — did you mean 'idle_seconds'?" in result.line()
