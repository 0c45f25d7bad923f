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

    from khojaly_kiosk.archive.generations import GenerationStore, LiveArchive
    from khojaly_kiosk.content.report import ValidationReport
    from khojaly_kiosk.kiosk.core.autoimport import InboxActions
    from khojaly_kiosk.kiosk.core.state import StateStore
    from khojaly_kiosk.kiosk.session import KioskSession
    from khojaly_kiosk.kiosk.staff.actions import StaffActions
    from khojaly_kiosk.ui.background import ProgressCallback

log = logging.getLogger(__name__)


def open_archive(paths: DataPaths, settings: Settings) -> LiveArchive | None:
    """The live archive generation, building the demo archive on the very first run, and
    rebuilding one an earlier version of the kiosk built (``content.upgrade``).

    Returns None (and logs one sentence) when no usable archive exists: the kiosk then shows
    its calm "temporarily unavailable" screen instead of failing.
    """
    from khojaly_kiosk.archive.generations import GenerationStore
    from khojaly_kiosk.archive.integrity import built_by_older_kiosk
    from khojaly_kiosk.archive.layout import DB_FILENAME

    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    live_name = store.current()
    if live_name and built_by_older_kiosk(store.archives_dir / live_name / DB_FILENAME):
        # A kiosk update: rebuild the live generation for this version first (or learn why
        # not, then an earlier one it can read is served; content.upgrade).
        _start_up(paths, settings)
    try:
        live = _unchanged_demo(paths, store) if settings.demo_mode else None
        if live is None and settings.demo_mode:
            from khojaly_kiosk.content.pipeline import ensure_demo_archive

            # Builds the demo on the first run, and again when the shipped demo changed.
            live = ensure_demo_archive(paths, settings) or store.open_live()
        elif live is None:
            live = store.open_live()
    except KioskError as err:
        log.error("The archive is unavailable: %s %s", err.message, err.hint)
        return None
    if live.fell_back_from:
        log.warning("Generation %s was damaged and moved aside; serving %s.",
                    live.fell_back_from, live.name)
    return live


def _unchanged_demo(paths: DataPaths, store: GenerationStore) -> LiveArchive | None:
    """The live archive when it was built from exactly the demo shipped now (every start of
    a demo kiosk after the first), without importing the content pipeline (~0.2 s of
    readers, signing and bag tools); None means "ask ``ensure_demo_archive``"."""
    from khojaly_kiosk.content.demo_digest import demo_digest, live_demo_digest
    from khojaly_kiosk.errors import ArchiveUnavailable
    from khojaly_kiosk.resources import db_path

    demo = db_path("demo")
    if store.current() is None or not (demo / "package.toml").is_file():
        return None
    if live_demo_digest(paths) != demo_digest(demo):
        return None
    try:
        return store.open_live()
    except ArchiveUnavailable:
        return None


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
        from khojaly_kiosk.doctor import DEBIAN_PACKAGES
        from khojaly_kiosk.errors import EnvironmentProblem

        packages = " ".join(sorted(set(DEBIAN_PACKAGES.values())))
        raise EnvironmentProblem(
            f"Qt cannot be loaded on this machine ({exc}).",
            hint=f"Install its libraries: apt-get install {packages}, or run "
                 "`khojaly-kiosk doctor` to see which one is missing.",
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
    from khojaly_kiosk.kiosk.core.inbox import default_package_roots
    from khojaly_kiosk.kiosk.core.ledger import record_import_result
    from khojaly_kiosk.kiosk.staff.actions import StaffActions
    from khojaly_kiosk.kiosk.staff.flow import save_setting, staff_status

    def import_package(package: Path, progress: ProgressCallback) -> str:
        """Runs on a worker thread (the staff panel's background helper)."""
        from khojaly_kiosk.content.pipeline import import_package as do_import

        def report(stage: str, done: int, total: int) -> None:
            progress(stage, done / total if total else -1.0)

        result = do_import(package, paths, settings, progress=report)
        record_import_result(paths.root, package, bool(result.report.ok and result.generation),
                             result.message(), result.version, "staff")
        return f"{result.message()}\n\n{result.report.to_text()}"

    return StaffActions(
        status=lambda: staff_status(session.live, paths.root),
        importer=import_package,
        rollback=lambda: _rollback(paths, settings),
        restart=session.restart,
        exit_to_desktop=session.exit_to_desktop,
        usage_totals=session.usage.totals,  # with the visit under way
        usage_by_hour=session.usage.sessions_by_hour_of_day,
        current_settings=state.settings_overrides,
        save_setting=lambda key, value: save_setting(state, key, value),
        package_roots=[*(Path(d).expanduser() for d in settings.inbox_dirs),
                       *default_package_roots(paths.root)],
    )


def _rollback(paths: DataPaths, settings: Settings) -> str:
    """The staff panel's rollback (imports the content side only when staff use it); a target
    built by an earlier kiosk is rebuilt from its kept package first."""
    from khojaly_kiosk.content.upgrade import rollback

    return str(rollback(paths, settings))


def _first_problem(report: ValidationReport) -> str:
    """A refusal in one sentence or two: the first error and how many more there are."""
    errors = report.errors
    if not errors:
        return ""
    more = f" ({len(errors) - 1} more problems: run `khojaly-kiosk verify` on it.)" \
        if len(errors) > 1 else ""
    return f"{errors[0].to_text()}{more}"


def inbox_actions(paths: DataPaths, settings: Settings) -> InboxActions:
    """What the synced inbox may do: verify a package, import it, know the live version.

    Both run the content pipeline (minutes for a large package) and are called by the
    inbox on a worker thread; the kiosk room itself never imports ``content``.
    """
    from khojaly_kiosk.content.installed import installed_version, live_is_demo, trusted_keys
    from khojaly_kiosk.content.package import verify_package
    from khojaly_kiosk.content.pipeline import import_package as do_import
    from khojaly_kiosk.kiosk.core.autoimport import InboxActions, Verdict

    def verify(package: Path) -> Verdict:
        result = verify_package(package, trusted_keys(paths, settings))
        if result.report.ok:
            return Verdict(True, result.info.version, "The package is complete and signed by "
                           "a trusted key.")
        return Verdict(False, result.info.version, "The package was refused: "
                       + _first_problem(result.report))

    def install(package: Path) -> Verdict:
        result = do_import(package, paths, settings)
        ok = bool(result.report.ok and result.generation)
        detail = "" if ok else " " + _first_problem(result.report)
        return Verdict(ok, result.version, result.message() + detail)

    def live_version() -> int:
        # The demo gives way to any real package, whatever its version (as import does).
        return 0 if live_is_demo(paths) else installed_version(paths)

    return InboxActions(verify, install, live_version)


def fleet_services(paths: DataPaths, settings: Settings, session: KioskSession,
                   started: float) -> None:
    """The synced inbox (when ``inbox_dirs`` are set) and the status heartbeat."""
    from khojaly_kiosk.kiosk.core.autoimport import SyncedInbox
    from khojaly_kiosk.kiosk.core.hours import OpeningHours
    from khojaly_kiosk.kiosk.core.ledger import ImportLedger
    from khojaly_kiosk.kiosk.core.status import StatusSource, StatusWriter
    from khojaly_kiosk.kiosk.fleet import InboxWatcher, StatusHeartbeat

    heartbeat = StatusHeartbeat(StatusWriter(StatusSource(paths, settings, started=started)),
                                settings.status_seconds, parent=session)
    session.attach_heartbeat(heartbeat)
    if not settings.inbox_dirs:
        return
    inbox = SyncedInbox(
        folders=[Path(d).expanduser() for d in settings.inbox_dirs],
        ledger=ImportLedger(paths.root), actions=inbox_actions(paths, settings),
        hours=OpeningHours.parse(settings.opening_hours),
        at_once=settings.inbox_import == "at-once",
        settle_seconds=settings.inbox_settle_seconds)
    watcher = InboxWatcher(inbox, settings.inbox_scan_seconds, parent=session)
    watcher.ticked.connect(heartbeat.write)  # every outcome reaches the status files
    session.attach_inbox(watcher)


def build_session(app: QApplication, paths: DataPaths, settings: Settings,
                  state: StateStore) -> KioskSession:
    """The running kiosk: the live archive, the shell and its services, the staff room.

    ``run`` builds the window alone (``build_window``) and the rest after the first frame
    (``complete_session``).
    """
    session = build_window(app, paths, settings, state, open_archive(paths, settings))
    complete_session(paths, settings, state, session, started=time.time())
    return session


def build_window(app: QApplication, paths: DataPaths, settings: Settings, state: StateStore,
                 live: LiveArchive | None, *, archive_pending: bool = False) -> KioskSession:
    """What the first frame needs: the shell on attract, idle and lockdown (and the live
    archive, unless it is opened after the first frame: ``archive_pending``)."""
    from khojaly_kiosk.kiosk.session import KioskSession

    return KioskSession(
        app, settings, live, state,
        reopen=lambda serving: reopen_archive(paths, settings, serving),
        logs_dir=paths.logs, theme_cache=theme_cache(paths), archive_pending=archive_pending)


def complete_session(paths: DataPaths, settings: Settings, state: StateStore,
                     session: KioskSession, started: float) -> None:
    """What a visitor cannot see at first: the staff room, the inbox and status heartbeat."""
    session.attach_staff(staff_actions(paths, settings, state, session))
    fleet_services(paths, settings, session, started=started)


def _start_up(paths: DataPaths, settings: Settings) -> None:
    from khojaly_kiosk.content.upgrade import start_up

    for line in start_up(paths, settings):  # leftovers cleared, an older archive rebuilt
        log.info("%s", line)


def finish_start(paths: DataPaths, settings: Settings, state: StateStore,
                       session: KioskSession, started: float) -> None:
    """Once attract's title is on screen: open the archive off the GUI thread (rebuilding one
    an earlier kiosk built, or the demo on a first run), then the staff room and the fleet
    services, the start-up housekeeping (leftovers of killed imports: none of the content
    pipeline is imported for it), and every screen built ahead of its first visit,
    each step on its own turn of the event loop so a tap in between is answered."""
    from PySide6.QtCore import QTimer

    from khojaly_kiosk.content.housekeeping import tidy
    from khojaly_kiosk.ui.background import run_in_background

    def services() -> None:
        complete_session(paths, settings, state, session, started)
        run_in_background(lambda _progress: tidy(paths, settings.keep_generations),
                          on_failure=lambda exc: log.error("Start-up housekeeping: %s", exc),
                          parent=session)
        QTimer.singleShot(0, session.shell.prepare_screens)

    opening = session.refresh_archive()
    if opening is None:
        services()
    else:
        opening.finished.connect(lambda: QTimer.singleShot(0, services))


def run(paths: DataPaths, settings: Settings, *, size: tuple[int, int] = (1920, 1080),
        quit_after: float | None = None, screenshot: Path | None = None) -> int:
    """Open the kiosk and run until it is closed; returns the process exit code."""
    from PySide6.QtCore import QTimer

    from khojaly_kiosk.ui.shiboken_hook import quicken

    quicken()  # before the ~160 modules imported up to the first frame
    from khojaly_kiosk.kiosk.core.logs import setup_logging
    from khojaly_kiosk.kiosk.core.memory import limit_heap_growth
    from khojaly_kiosk.kiosk.core.runs import RunRecord
    from khojaly_kiosk.kiosk.core.state import StateStore, apply_overrides
    from khojaly_kiosk.settings import config_problems

    started, began = time.monotonic(), time.time()
    limit_heap_growth()  # before Qt allocates: freed paint buffers go back to the system
    setup_logging(paths.logs, settings.log_level)
    logging.getLogger("bagit").setLevel(logging.WARNING)  # one line per file otherwise
    for problem in config_problems(paths.root):  # said again now that the log is open
        log.warning("%s", problem)
    runs = RunRecord(paths.root)
    if runs.started():
        log.info("Unclean restarts so far: %d.", runs.unclean_restarts())
    state = StateStore.open(paths.state_db)  # migrated (after a backup) when older
    settings = apply_overrides(settings, state)
    app = _qt_app(paths)
    # The first frame is attract's title, which needs no archive: it is opened right after.
    session = build_window(app, paths, settings, state, None, archive_pending=True)
    from khojaly_kiosk.kiosk.firstpaint import after_first_frame, watch_first_paint

    after_first_frame(app, session.shell, lambda: finish_start(
        paths, settings, state, session, started=began))
    watch_first_paint(app, session.shell)  # off unless KHOJALY_FIRST_PAINT is set (benchmarks)
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
    runs.closed()
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
         sizes: list[tuple[int, int]], languages: list[str] | None,
         variants: list[str] | None = None, *,
         text_scale: float = 1.0, high_contrast: bool = False) -> int:
    """Render every screen and state to PNG and text (``khojaly-kiosk tour``).

    ``variants`` name the looks (all by default); without them, ``text_scale`` or
    ``high_contrast`` ask for that one look only.
    """
    from khojaly_kiosk.kiosk.staff.flow import staff_status
    from khojaly_kiosk.kiosk.tour_states import kiosk_tour_steps, tour_staff_actions
    from khojaly_kiosk.ui.tour import render_tour

    app = _qt_app(paths)
    live = open_archive(paths, settings)
    if live is None:
        raise KioskError("No archive could be opened, so there is nothing to render.",
                         hint="Run `khojaly-kiosk doctor` to see why.")
    out_dir.mkdir(parents=True, exist_ok=True)
    # The idle prompt and the staff panel belong to the kiosk room; the panel changes nothing.
    actions = tour_staff_actions(staff_status(live, paths.root), {})
    timings = render_tour(out_dir, sizes, live.repos, settings=settings, languages=languages,
                          theme_cache=theme_cache(paths), variants=variants,
                          text_scale=text_scale, high_contrast=high_contrast,
                          extra_steps=lambda shell: kiosk_tour_steps(shell, actions))
    for name, ms in timings:
        print(f"{ms:8.1f} ms  {name}")
    print(f"Wrote {len(timings)} images, each with the text a visitor reads, to {out_dir}.")
    live.close()
    del app
    return 0
