"""Composition root: settings -> archive -> repositories -> UI shell -> kiosk services.

Everything else is given what it needs from here; nothing else reads settings files or opens
the archive on its own.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from khojaly_kiosk.errors import KioskError
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings

log = logging.getLogger(__name__)


def open_archive(paths: DataPaths, settings: Settings):  # -> LiveArchive | None
    """The live archive generation, building the demo archive on the very first run.

    Returns None (and logs one sentence) when no usable archive exists: the kiosk then shows
    its calm "temporarily unavailable" screen instead of failing.
    """
    from khojaly_kiosk.archive.generations import GenerationStore

    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    try:
        if settings.demo_mode:
            from khojaly_kiosk.content.pipeline import ensure_demo_archive

            # Builds the demo on the first run, and again when the shipped demo changed.
            live = ensure_demo_archive(paths, settings) or store.open_live()
        else:
            live = store.open_live()
    except KioskError as err:
        log.error("The archive is unavailable: %s %s", err.message, err.hint)
        return None
    if live.fell_back_from:
        log.warning("Generation %s was damaged and moved aside; serving %s.",
                    live.fell_back_from, live.name)
    return live


# Qt says this on the offscreen platform whenever a window's size hints change; it means nothing.
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)


def _qt_message(mode, _context, message: str) -> None:
    """Qt's own warnings go to our log, never to a visitor or a terminal."""
    from PySide6.QtCore import QtMsgType

    if message in _QT_NOISE:
        return
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def _qt_app(settings: Settings):
    try:
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        from khojaly_kiosk.doctor import QT_XCB_PACKAGES
        from khojaly_kiosk.errors import EnvironmentProblem

        raise EnvironmentProblem(
            f"Qt cannot be loaded on this machine ({exc}).",
            hint=f"Install its libraries: apt-get install {QT_XCB_PACKAGES}",
        ) from exc

    from khojaly_kiosk.ui.fonts import load_fonts
    from khojaly_kiosk.ui.theme import apply_theme

    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("khojaly-kiosk")
    app.setApplicationDisplayName("Khojaly 1992")
    load_fonts()
    apply_theme(app)
    return app


def run(paths: DataPaths, settings: Settings, *, size: tuple[int, int] = (1920, 1080),
        quit_after: float | None = None, screenshot: Path | None = None) -> int:
    """Open the kiosk and run until it is closed; returns the process exit code."""
    from PySide6.QtCore import QTimer

    from khojaly_kiosk.kiosk.logs import setup_logging
    from khojaly_kiosk.kiosk.session import KioskSession
    from khojaly_kiosk.kiosk.state import StateStore, apply_overrides

    started = time.monotonic()
    setup_logging(paths.logs, settings.log_level)
    logging.getLogger("bagit").setLevel(logging.WARNING)  # one line per file otherwise
    state = StateStore.open(paths.state_db)
    settings = apply_overrides(settings, state)
    app = _qt_app(settings)
    live = open_archive(paths, settings)
    session = KioskSession(app, paths, settings, live, state)
    session.show(size)
    log.info("Kiosk window shown %.0f ms after start.", (time.monotonic() - started) * 1000)
    if screenshot is not None:
        QTimer.singleShot(1500, lambda: session.save_screenshot(screenshot))
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    _quit_on_sigterm(app)
    code = app.exec()
    session.close()
    state.close()
    return int(code)


def _quit_on_sigterm(app) -> None:
    """`systemctl stop` sends SIGTERM: close cleanly (state, logs, archive) instead of dying.

    Python only runs signal handlers between bytecodes, so a short timer lets it in while Qt's
    event loop (C++) is running.
    """
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def tour(paths: DataPaths, settings: Settings, out_dir: Path,
         sizes: list[tuple[int, int]], languages: list[str] | None) -> int:
    """Render every screen and state to PNG (``khojaly-kiosk tour``)."""
    from khojaly_kiosk.ui.tour import render_tour

    app = _qt_app(settings)
    live = open_archive(paths, settings)
    if live is None:
        raise KioskError("No archive could be opened, so there is nothing to render.",
                         hint="Run `khojaly-kiosk doctor` to see why.")
    out_dir.mkdir(parents=True, exist_ok=True)
    timings = render_tour(out_dir, sizes, live.repos, settings=settings, languages=languages)
    for name, ms in timings:
        print(f"{ms:8.1f} ms  {name}")
    print(f"Wrote {len(timings)} images to {out_dir}.")
    live.close()
    del app
    return 0
