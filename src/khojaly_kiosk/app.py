"""Composition root: settings -> archive -> repositories -> UI shell -> kiosk services.

Everything else is given what it needs from here (callables, not this module): nothing else
reads settings files or opens the archive on its own, and no module imports ``app``.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from khojaly_kiosk.errors import KioskError
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QtMsgType
    from PySide6.QtWidgets import QApplication

    from khojaly_kiosk.archive.generations import LiveArchive
    from khojaly_kiosk.kiosk.core.state import StateStore
    from khojaly_kiosk.kiosk.session import KioskSession
    from khojaly_kiosk.kiosk.staff.panel import StaffActions
    from khojaly_kiosk.ui.background import ProgressCallback

log = logging.getLogger(__name__)


def open_archive(paths: DataPaths, settings: Settings) -> LiveArchive | None:
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


def reopen_archive(paths: DataPaths, settings: Settings, serving: str | None
                   ) -> LiveArchive | None:
    """The live generation if it is no longer ``serving`` (an import, a rollback, a rebuilt
    demo), else None. The session calls it on a worker thread at each return to attract."""
    from khojaly_kiosk.archive.generations import GenerationStore

    if serving is not None and GenerationStore(paths.archives).current() == serving:
        return None
    return open_archive(paths, settings)


# Qt says this on the offscreen platform whenever a window's size hints change; it means nothing.
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)


def _qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    """Qt's own warnings go to our log, never to a visitor or a terminal."""
    from PySide6.QtCore import QtMsgType

    if message in _QT_NOISE:
        return
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def _qt_app(paths: DataPaths) -> QApplication:
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
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    app.setApplicationName("khojaly-kiosk")
    app.setApplicationDisplayName("Khojaly 1992")
    load_fonts()
    apply_theme(app, cache_dir=theme_cache(paths))
    return app


def theme_cache(paths: DataPaths) -> Path:
    """Where the rendered qt-material stylesheet is cached between starts."""
    return paths.cache / "theme"


def staff_actions(paths: DataPaths, settings: Settings, state: StateStore,
                  session: KioskSession) -> StaffActions:
    """Everything the staff panel can do on this kiosk."""
    from khojaly_kiosk.content.installed import rollback
    from khojaly_kiosk.kiosk.core.inbox import default_package_roots
    from khojaly_kiosk.kiosk.core.usage import sessions_by_hour_of_day, usage_totals
    from khojaly_kiosk.kiosk.staff.flow import save_setting, staff_status
    from khojaly_kiosk.kiosk.staff.panel import StaffActions

    def import_package(package: Path, progress: ProgressCallback) -> str:
        """Runs on a worker thread (the staff panel's background helper)."""
        from khojaly_kiosk.content.pipeline import import_package as do_import

        def report(stage: str, done: int, total: int) -> None:
            progress(stage, done / total if total else -1.0)

        result = do_import(package, paths, settings, progress=report)
        return f"{result.message()}\n\n{result.report.to_text()}"

    return StaffActions(
        status=lambda: staff_status(session.live, paths.root),
        importer=import_package,
        rollback=lambda: str(rollback(paths)),
        restart=session.restart,
        exit_to_desktop=session.exit_to_desktop,
        usage_totals=lambda: usage_totals(state),
        usage_by_hour=lambda: sessions_by_hour_of_day(state),
        current_settings=state.settings_overrides,
        save_setting=lambda key, value: save_setting(state, key, value),
        package_roots=default_package_roots(paths.root),
    )


def build_session(app: QApplication, paths: DataPaths, settings: Settings,
                  state: StateStore) -> KioskSession:
    """The running kiosk: the live archive, the shell and its services, the staff room."""
    from khojaly_kiosk.kiosk.session import KioskSession

    session = KioskSession(
        app, settings, open_archive(paths, settings), state,
        reopen=lambda serving: reopen_archive(paths, settings, serving),
        logs_dir=paths.logs, theme_cache=theme_cache(paths))
    session.attach_staff(staff_actions(paths, settings, state, session))
    return session


def run(paths: DataPaths, settings: Settings, *, size: tuple[int, int] = (1920, 1080),
        quit_after: float | None = None, screenshot: Path | None = None) -> int:
    """Open the kiosk and run until it is closed; returns the process exit code."""
    from PySide6.QtCore import QTimer

    from khojaly_kiosk.kiosk.core.logs import setup_logging
    from khojaly_kiosk.kiosk.core.state import StateStore, apply_overrides

    started = time.monotonic()
    setup_logging(paths.logs, settings.log_level)
    logging.getLogger("bagit").setLevel(logging.WARNING)  # one line per file otherwise
    state = StateStore.open(paths.state_db)  # migrated (after a backup) when older
    settings = apply_overrides(settings, state)
    from khojaly_kiosk.content.upgrade import start_up

    for line in start_up(paths, settings):  # leftovers cleared, an older archive rebuilt
        log.info("%s", line)
    app = _qt_app(paths)
    session = build_session(app, paths, settings, state)
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


def _quit_on_sigterm(app: QApplication) -> None:
    """`systemctl stop` sends SIGTERM: close cleanly (state, logs, archive) instead of dying.

    Python only runs signal handlers between bytecodes, so a short timer lets it in while Qt's
    event loop (C++) is running.
    """
    import signal

    from PySide6.QtCore import QTimer

    # exit(), not quit(): quit() first asks each window to close, which the locked-down
    # kiosk window refuses (kiosk.lockdown); systemd's stop must end the kiosk all the same.
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def tour(paths: DataPaths, settings: Settings, out_dir: Path,
         sizes: list[tuple[int, int]], languages: list[str] | None) -> int:
    """Render every screen and state to PNG (``khojaly-kiosk tour``)."""
    from khojaly_kiosk.ui.tour import render_tour

    app = _qt_app(paths)
    live = open_archive(paths, settings)
    if live is None:
        raise KioskError("No archive could be opened, so there is nothing to render.",
                         hint="Run `khojaly-kiosk doctor` to see why.")
    out_dir.mkdir(parents=True, exist_ok=True)
    timings = render_tour(out_dir, sizes, live.repos, settings=settings, languages=languages,
                          theme_cache=theme_cache(paths))
    for name, ms in timings:
        print(f"{ms:8.1f} ms  {name}")
    print(f"Wrote {len(timings)} images to {out_dir}.")
    live.close()
    del app
    return 0
