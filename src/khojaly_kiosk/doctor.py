"""`khojaly-kiosk doctor`: check the machine and say, in sentences, what to fix."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from khojaly_kiosk.errors import KioskError
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.resources import resource_path

log = logging.getLogger(__name__)

# Letters a visitor must be able to read: Azerbaijani, Turkish, Russian.
REQUIRED_LETTERS = (
    "ƏəĞğIıİiÖöŞşÜüÇç"
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
)
QT_XCB_PACKAGES = (
    "libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 "
    "libxcb-render-util0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libegl1 libgl1 libfontconfig1"
)


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    message: str

    def line(self) -> str:
        return f"{'ok ' if self.ok else 'FIX'}  {self.name}: {self.message}"


def check_data_dir(paths: DataPaths) -> CheckResult:
    try:
        paths.ensure()
    except KioskError as err:
        return CheckResult("data folder", False, f"{err.message} {err.hint}")
    free = shutil.disk_usage(paths.root).free // (1024 * 1024)
    if free < 500:
        return CheckResult("data folder", False,
                           f"{paths.root} has only {free} MB free; free at least 500 MB.")
    return CheckResult("data folder", True, f"{paths.root} is writable, {free} MB free.")


def check_fonts(_paths: DataPaths) -> CheckResult:
    from PySide6.QtGui import QFontDatabase, QGuiApplication, QRawFont

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    fonts = sorted(resource_path("fonts").glob("*.ttf"))
    if not fonts:
        return CheckResult("fonts", False, "No bundled fonts were found in resources/fonts; "
                                           "reinstall the kiosk.")
    missing: set[str] = set()
    for font in fonts:
        if QFontDatabase.addApplicationFont(str(font)) < 0:
            return CheckResult("fonts", False, f"The font {font.name} cannot be loaded; "
                                               "reinstall the kiosk.")
        raw = QRawFont(str(font), 24)
        missing |= {ch for ch in REQUIRED_LETTERS if not raw.supportsCharacter(ord(ch))}
    if missing:
        return CheckResult("fonts", False,
                           f"The bundled fonts lack the letters {''.join(sorted(missing))}.")
    return CheckResult("fonts", True, f"{len(fonts)} bundled fonts cover Azerbaijani, Turkish "
                                      "and Russian letters.")


def check_qt(_paths: DataPaths) -> CheckResult:
    try:
        import PySide6
        from PySide6 import QtWidgets  # noqa: F401
    except ImportError as exc:
        return CheckResult("Qt", False, f"Qt cannot be loaded ({exc}). Install the Debian "
                                        f"libraries: apt-get install {QT_XCB_PACKAGES}")
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return CheckResult("Qt", True, "Qt loads (no xcb plugin on this platform).")
    ldd = shutil.which("ldd")
    if ldd:
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
        missing = [line.split()[0] for line in out.stdout.splitlines() if "not found" in line]
        if missing:
            return CheckResult("Qt", False,
                               f"The X11 (xcb) platform plugin lacks {', '.join(missing)}. "
                               f"Install: apt-get install {QT_XCB_PACKAGES}")
    return CheckResult("Qt", True, "Qt and its X11 platform plugin have all their libraries.")


NO_AUDIO_OUTPUT = "No audio output device was found; recordings will play without sound."


@contextmanager
def _quiet_qt() -> Iterator[None]:
    """Send Qt's messages to the debug log meanwhile.

    Loading Qt Multimedia and listing devices starts the audio backend, which warns about each
    library it probes (PipeWire, VA-API, a missing sound server); the doctor prints its own
    sentence about what matters.
    """
    from PySide6.QtCore import qInstallMessageHandler

    def to_log(_kind: object, _context: object, message: str) -> None:
        log.debug("Qt: %s", message)

    previous = qInstallMessageHandler(to_log)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def check_media(_paths: DataPaths) -> CheckResult:
    """Qt Multimedia, its FFmpeg plugin's libraries, and a sound output.

    No sound output is reported but not counted as a problem: recordings still play with their
    captions, and a kiosk may be installed without speakers on purpose. The line says so, so a
    technician who expected sound knows to connect it.
    """
    try:
        import PySide6

        with _quiet_qt():
            from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        return CheckResult("media", False, f"Qt Multimedia cannot be loaded ({exc}), so audio "
                                           "and video testimonies are not offered. Install "
                                           "PySide6-Addons with the same version as PySide6.")
    plugin = (Path(PySide6.__file__).parent / "Qt" / "plugins" / "multimedia"
              / "libffmpegmediaplugin.so")
    ldd = shutil.which("ldd")
    if plugin.exists() and ldd:
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
        missing = [line.split()[0] for line in out.stdout.splitlines() if "not found" in line]
        if missing:
            return CheckResult("media", False,
                               f"The FFmpeg media plugin lacks {', '.join(missing)}, so "
                               "recordings cannot play. Install the Debian packages that "
                               "provide them (libpulse.so.0: apt-get install libpulse0).")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:  # kept referenced while the devices are listed
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    with _quiet_qt():
        outputs = QMediaDevices.audioOutputs()
    if not outputs:
        return CheckResult("media", True, f"Qt Multimedia loads. {NO_AUDIO_OUTPUT}")
    return CheckResult("media", True, "Qt Multimedia, its FFmpeg plugin and a sound output "
                                      "are available.")


def check_archive(paths: DataPaths) -> CheckResult:
    from khojaly_kiosk.archive.generations import GenerationStore
    from khojaly_kiosk.archive.integrity import check_archive as integrity

    store = GenerationStore(paths.archives)
    current = store.current()
    if current is None:
        return CheckResult("archive", False, "No archive is installed; run `khojaly-kiosk run` "
                                             "once to build the demo archive, or import a package.")
    folder = paths.archives / current
    report = integrity(folder / "archive.sqlite", folder / "media")
    if not report.ok:
        return CheckResult("archive", False, f"Generation {current} is damaged: "
                                             f"{report.summary()}. Roll back or re-import.")
    return CheckResult("archive", True, f"Generation {current} passed its integrity check.")


def check_pin(paths: DataPaths) -> CheckResult:
    from khojaly_kiosk.kiosk.core.pin import pin_is_set
    from khojaly_kiosk.kiosk.core.state import StateStore

    with StateStore.open(paths.state_db) as state:
        if pin_is_set(state):
            return CheckResult("staff PIN", True, "A staff PIN is set.")
    return CheckResult("staff PIN", False, "No staff PIN is set, so staff mode is disabled. "
                                           "Set one with `khojaly-kiosk set-pin`.")


def check_config(paths: DataPaths) -> CheckResult:
    """Keys of config.toml that are no setting are ignored: name each, with a likely fix."""
    from khojaly_kiosk.settings import config_problems, load_settings

    try:
        load_settings(paths.root, environ={})
    except KioskError as err:
        return CheckResult("settings", False, f"{err.message} {err.hint}")
    problems = config_problems(paths.root)
    if problems:
        return CheckResult("settings", False, " ".join(problems))
    return CheckResult("settings", True, "config.toml has only known settings."
                       if paths.config_file.is_file() else "No config.toml; the defaults apply.")


CHECKS: tuple[Callable[[DataPaths], CheckResult], ...] = (
    check_data_dir, check_config, check_qt, check_media, check_fonts, check_archive, check_pin)


def run_checks(paths: DataPaths) -> list[CheckResult]:
    results = []
    for check in CHECKS:
        try:
            results.append(check(paths))
        except Exception as exc:  # a check must never crash the doctor
            name = check.__name__.removeprefix("check_").replace("_", " ")
            results.append(CheckResult(name, False, f"The check could not run: {exc}"))
    return results
