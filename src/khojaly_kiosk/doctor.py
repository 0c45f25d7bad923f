"""`khojaly-kiosk doctor`: check the machine and say, in sentences, what to fix.

Without ``--fix`` the doctor changes nothing in the data folder (no folder created, the state
file and archives opened read-only). ``fix_data_folder`` (``--fix``) removes what interrupted
imports left and acknowledges a fallback to an earlier archive generation.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from khojaly_kiosk.errors import KioskError, printable
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.resources import resource_path

log = logging.getLogger(__name__)

# Letters a visitor must be able to read: Azerbaijani, Turkish, Russian.
REQUIRED_LETTERS = (
    "ƏəĞğIıİiÖöŞşÜüÇç"
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
)
# The Debian package that provides each library Qt's platform and media plugins load; doctor
# names the package to install for a library it finds missing.
DEBIAN_PACKAGES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libpulse.so.0": "libpulse0",
}
# Besides the platform plugin itself, what Qt loads on Wayland under cage (window decorations
# are off: QT_WAYLAND_DISABLE_WINDOWDECORATION=1 in the unit).
WAYLAND_PLUGINS = ("wayland-shell-integration/libxdg-shell.so",)
# Where the kiosk's systemd unit lives once installed; its QT_QPA_PLATFORM is the session's.
SESSION_UNITS = tuple(Path(folder) / "khojaly-kiosk.service" for folder in
                      ("/etc/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"))


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    message: str

    def line(self) -> str:
        return f"{'ok ' if self.ok else 'FIX'}  {self.name}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "ok": self.ok, "message": self.message}


def check_data_dir(paths: DataPaths) -> CheckResult:
    if not paths.root.is_dir():
        return CheckResult("data folder", False, f"The data folder {paths.root} does not exist "
                           "yet; `khojaly-kiosk run` creates it (or set KHOJALY_DATA_DIR).")
    if not os.access(paths.root, os.W_OK | os.X_OK):
        return CheckResult("data folder", False, f"The data folder {paths.root} cannot be "
                           "written. Give the kiosk user write access to it, or set "
                           "KHOJALY_DATA_DIR to a writable folder.")
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


def session_platform(environ: Mapping[str, str] | None = None,
                     units: Sequence[Path] = SESSION_UNITS) -> tuple[str, str]:
    """The Qt platform plugin the kiosk session will use, and why that one.

    The installed kiosk unit decides (wayland under cage); without it, the environment the
    doctor runs in: ``QT_QPA_PLATFORM``, then a Wayland or X11 desktop session.
    """
    env = os.environ if environ is None else environ
    for unit in units:
        try:
            text = unit.read_text(encoding="utf-8")
        except OSError:
            continue
        match = re.search(r"^Environment=QT_QPA_PLATFORM=([\w-]+)", text, flags=re.MULTILINE)
        if match:
            return match.group(1), f"the kiosk unit {unit} starts Qt on it"
    explicit = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if explicit:
        return explicit, "QT_QPA_PLATFORM names it"
    if sys.platform == "win32":
        return "windows", "this is Windows"
    if env.get("WAYLAND_DISPLAY"):
        return "wayland", "a Wayland session is running"
    return "xcb", "no kiosk unit is installed and no Wayland session runs"


def _plugin_file(plugins: Path, relative: str) -> Path:
    """``platforms/libqxcb.so`` on Linux is ``platforms/qxcb.dll`` on Windows."""
    if sys.platform != "win32":
        return plugins / relative
    folder, _, name = relative.rpartition("/")
    return plugins / folder / (name.removeprefix("lib").removesuffix(".so") + ".dll")


def missing_libraries(binary: Path) -> list[str]:
    """The shared libraries ``binary`` needs that the dynamic linker cannot find (Linux)."""
    ldd = shutil.which("ldd")
    if ldd is None or sys.platform == "win32":
        return []
    out = subprocess.run([ldd, str(binary)], capture_output=True, text=True, check=False)
    return sorted({line.split()[0] for line in out.stdout.splitlines() if "not found" in line})


def install_hint(libraries: Sequence[str]) -> str:
    """``apt-get install ...`` for the Debian packages that provide ``libraries``."""
    known = sorted({DEBIAN_PACKAGES[lib] for lib in libraries if lib in DEBIAN_PACKAGES})
    unknown = [lib for lib in libraries if lib not in DEBIAN_PACKAGES]
    parts = []
    if known:
        parts.append(f"Install: apt-get install {' '.join(known)}")
    if unknown:
        parts.append(f"Install the Debian packages that provide {', '.join(unknown)}")
    return "; ".join(parts) + "."


def check_qt(_paths: DataPaths) -> CheckResult:
    """Qt loads, and the platform plugin the session will use has every library it needs."""
    platform, why = session_platform()
    try:
        from PySide6 import QtWidgets  # noqa: F401
        from PySide6.QtCore import QLibraryInfo
    except ImportError as exc:
        return CheckResult("Qt", False, f"Qt cannot be loaded ({exc}). Reinstall the kiosk; on "
                                        "Debian the libraries Qt needs come with its package.")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    wanted = [f"platforms/libq{platform}.so"]
    if platform == "wayland":
        wanted += list(WAYLAND_PLUGINS)
    for relative in wanted:
        plugin = _plugin_file(plugins, relative)
        if not plugin.is_file():
            return CheckResult("Qt", False, f"The session uses Qt's {platform} platform ({why}), "
                                            f"but {plugin} is missing. Reinstall the kiosk.")
        missing = missing_libraries(plugin)
        if missing:
            return CheckResult("Qt", False,
                               f"Qt's {platform} platform plugin ({why}) lacks "
                               f"{', '.join(missing)}. {install_hint(missing)}")
    return CheckResult("Qt", True, f"Qt and its {platform} platform plugin ({why}) have all "
                                   "their libraries.")


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
        with _quiet_qt():
            from PySide6.QtCore import QLibraryInfo
            from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        return CheckResult("media", False, f"Qt Multimedia cannot be loaded ({exc}), so audio "
                                           "and video testimonies are not offered. Install "
                                           "PySide6-Addons with the same version as PySide6.")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plugin = _plugin_file(plugins, "multimedia/libffmpegmediaplugin.so")
    missing = missing_libraries(plugin) if plugin.is_file() else []
    if missing:
        return CheckResult("media", False,
                           f"The FFmpeg media plugin lacks {', '.join(missing)}, so recordings "
                           f"cannot play. {install_hint(missing)}")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:  # kept referenced while the devices are listed
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    with _quiet_qt():
        outputs = QMediaDevices.audioOutputs()
        default = QMediaDevices.defaultAudioOutput()
    if not outputs:
        return CheckResult("media", True, f"Qt Multimedia loads. {NO_AUDIO_OUTPUT}")
    device = default if not default.isNull() else outputs[0]
    return CheckResult("media", True, "Qt Multimedia and its FFmpeg plugin load; sound goes to "
                                      f"'{device.description()}'.")


def check_archive(paths: DataPaths) -> CheckResult:
    """The generation the kiosk shows: which one, why (after a fallback), and its integrity."""
    from khojaly_kiosk.archive.generations import GenerationStore
    from khojaly_kiosk.archive.integrity import assess
    from khojaly_kiosk.archive.integrity import check_archive as integrity
    store = GenerationStore(paths.archives)
    if store.current() is None and not store.list() and not store.pointer_problem():
        return CheckResult("archive", False, "No archive is installed; run `khojaly-kiosk run` "
                                             "once to build the demo archive, or import a package.")
    try:
        live = store.open_live(repair=False)  # what the kiosk would show; changes nothing
    except KioskError as err:
        return CheckResult("archive", False, f"{err.message} {err.hint}")
    live.close()
    if live.fell_back_from or live.fallback_reason:
        return CheckResult("archive", False, f"{printable(live.fallback_reason)} The kiosk "
                           f"would show {live.name} instead. Roll back, or import the package "
                           "again.")
    report = integrity(live.db_path, live.path / "media")
    if not report.ok:
        return CheckResult("archive", False, f"Generation {live.name} is damaged: "
                                             f"{report.summary()}. Roll back or re-import.")
    older = assess(live.db_path)
    if older.state == "older":
        return CheckResult("archive", True, f"Generation {live.name} passed its integrity "
                           "check; it was built by an earlier version of the kiosk and is "
                           "rebuilt at the next start.")
    return CheckResult("archive", True, f"Generation {live.name} passed its integrity check.")


def check_fallback(paths: DataPaths) -> CheckResult:
    """An earlier generation served after a fallback stays a FIX line until acknowledged."""
    from khojaly_kiosk.archive.generations import GenerationStore

    notice = GenerationStore(paths.archives).fallback_notice()
    if notice is None:
        return CheckResult("fallback", True, "The kiosk shows the generation it was told to.")
    return CheckResult("fallback", False, printable(
        f"Since {notice.get('since')}, the kiosk shows {notice.get('served')} in place of "
        f"{notice.get('instead_of') or 'the generation its pointer named'}: "
        f"{notice.get('reason')} Import the package again or roll back; "
        "`khojaly-kiosk doctor --fix` acknowledges this."))


def check_leftovers(paths: DataPaths) -> CheckResult:
    """What killed imports and commands left in the data folder."""
    from khojaly_kiosk.archive.generations import GenerationStore
    from khojaly_kiosk.content.housekeeping import leftovers

    found = leftovers(paths, GenerationStore(paths.archives)) if paths.root.is_dir() else []
    if not found:
        return CheckResult("leftovers", True, "No interrupted import left anything behind.")
    shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
    return CheckResult("leftovers", False, f"Interrupted imports left {shown}. The kiosk "
                       "removes them at its next start; `khojaly-kiosk doctor --fix` now.")


def check_pin(paths: DataPaths) -> CheckResult:
    from khojaly_kiosk.kiosk.core.pin import pin_is_set
    from khojaly_kiosk.kiosk.core.state import StateStore

    state = StateStore.open_readonly(paths.state_db)
    if state is not None:
        with state:
            if pin_is_set(state):
                return CheckResult("staff PIN", True, "A staff PIN is set.")
    return CheckResult("staff PIN", False, "No staff PIN is set, so staff mode is disabled. "
                                           "Set one with `khojaly-kiosk set-pin`.")


def fix_data_folder(paths: DataPaths) -> list[str]:
    """``doctor --fix``: remove leftovers of interrupted imports, acknowledge a fallback."""
    from khojaly_kiosk.archive.generations import GenerationStore
    from khojaly_kiosk.content.housekeeping import clear_leftovers, import_lock

    paths.ensure()
    store = GenerationStore(paths.archives)
    done = []
    with import_lock(paths):
        removed = clear_leftovers(paths, store)
    if removed:
        done.append(f"Removed what interrupted imports left: {', '.join(removed)}.")
    if store.acknowledge_fallback():
        done.append("The fallback to an earlier archive generation is acknowledged.")
    return done



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
    check_data_dir, check_config, check_qt, check_media, check_fonts, check_archive,
    check_fallback, check_leftovers, check_pin)


def run_checks(paths: DataPaths) -> list[CheckResult]:
    results = []
    for check in CHECKS:
        try:
            results.append(check(paths))
        except Exception as exc:  # a check must never crash the doctor
            name = check.__name__.removeprefix("check_").replace("_", " ")
            results.append(CheckResult(name, False, f"The check could not run: {exc}"))
    return results


def report_json(results: Sequence[CheckResult]) -> dict[str, object]:
    """What ``doctor --json`` prints: every check, and whether all passed."""
    platform, why = session_platform()
    return {"ok": all(r.ok for r in results), "platform": platform, "platform_reason": why,
            "checks": [r.to_json() for r in results]}
