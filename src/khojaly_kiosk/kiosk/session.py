"""One running kiosk: the shell plus the unattended-operation services wired together.

Built by ``app.build_session`` (the composition root), which hands it everything it cannot
know by itself: the live archive, a ``reopen`` callable for newer generations, and the staff
actions. Idle returns the visitor to attract, where a newly imported archive generation is
picked up without a restart; an error in any slot does the same.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QTimer
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.kiosk.closed import ClosedOverlay
from khojaly_kiosk.kiosk.core.crash import install_crash_handlers
from khojaly_kiosk.kiosk.core.hours import OpeningHours
from khojaly_kiosk.kiosk.core.memory import release_free_memory
from khojaly_kiosk.kiosk.core.state import CandleCounter, StateStore
from khojaly_kiosk.kiosk.core.usage import UsageCounters
from khojaly_kiosk.kiosk.countdown import CountdownOverlay
from khojaly_kiosk.kiosk.idle import IdleWatcher
from khojaly_kiosk.kiosk.lockdown import KioskLockdown, apply_window_flags
from khojaly_kiosk.kiosk.watchdog import SystemdWatchdog, mark_staff_exit
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui import navigation as nav_keys
from khojaly_kiosk.ui.background import BackgroundOp, run_in_background
from khojaly_kiosk.ui.shell import Shell

if TYPE_CHECKING:
    from khojaly_kiosk.archive.generations import LiveArchive
    from khojaly_kiosk.kiosk.fleet import InboxWatcher, StatusHeartbeat
    from khojaly_kiosk.kiosk.staff.actions import StaffActions
    from khojaly_kiosk.kiosk.staff.flow import StaffFlow

log = logging.getLogger(__name__)

TRIM_AFTER_MS = 2000  # after the first frame or the idle reset: malloc_trim (see core/memory)
USAGE_FLUSH_MS = 30_000  # visits counted in memory are written at least this often

Reopen = Callable[[str | None], "LiveArchive | None"]
"""``reopen(serving)``: the live generation if it is no longer ``serving`` (a new import, a
rollback, a rebuilt demo), else None. Runs on a worker thread: it may check and open files."""


class KioskSession(QObject):
    """The kiosk window and its services for one process lifetime.

    Args:
        app: the running application.
        settings: the kiosk settings (staff overrides applied).
        live: the archive generation to serve, or None (the calm unavailable screen).
        state: the open state file (candles, usage, PIN, settings overrides).
        reopen: opens a newer live generation, if there is one (see :data:`Reopen`).
        logs_dir: where crash reports (faulthandler) are written.
        theme_cache: where the rendered theme stylesheet is cached (None: not cached).
        archive_pending: ``live`` is None because the archive is opened after the first frame
            (``refresh_archive``); attract's title shows meanwhile, not the unavailable screen.
    """

    def __init__(self, app: QApplication, settings: Settings, live: LiveArchive | None,
                 state: StateStore, *, reopen: Reopen, logs_dir: Path,
                 theme_cache: Path | None = None, archive_pending: bool = False) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.live = live
        self.state = state
        self._reopen = reopen
        self._reopening: BackgroundOp | None = None
        self._closed = False
        self._shown = False  # services attached after the first frame start at once
        # Counted in memory, written off the tap's path (core.usage: a commit is an fsync).
        self.usage = UsageCounters(state, buffered=True)
        self._usage_flush = QTimer(self)
        self._usage_flush.setInterval(USAGE_FLUSH_MS)
        self._usage_flush.timeout.connect(self.usage.write_pending)
        self._usage_flush.start()
        self._last_key = ""
        # A playing recording holds the idle countdown (self.idle exists before anything plays).
        self.shell = Shell(live.repos if live is not None else None,
                           candles=CandleCounter(state), settings=settings,
                           media_playing=self._media_playing, theme_cache=theme_cache,
                           search_made=self._search_made,
                           archive_pending=archive_pending and live is None)
        self.shell.screenChanged.connect(self._screen_changed)

        self.lockdown = KioskLockdown(enabled=settings.kiosk_mode, parent=self)
        self.lockdown.hold(self.shell)  # close requests of the window manager are ignored
        self.lockdown.install(app)

        self.idle = IdleWatcher(settings.idle_seconds, settings.countdown_seconds, parent=self)
        self.countdown = CountdownOverlay(self.shell)
        self.countdown.attach(self.idle)
        self.idle.idleTimeout.connect(self.return_to_attract)
        self.idle.start(app)

        self.closed = ClosedOverlay(self.shell, OpeningHours.parse(settings.opening_hours))
        self.closed.closedChanged.connect(self._closed_changed)

        self.staff: StaffFlow | None = None
        self.inbox: InboxWatcher | None = None
        self.heartbeat: StatusHeartbeat | None = None
        self.crash = install_crash_handlers(logs_dir, self.return_to_attract)
        self.watchdog = SystemdWatchdog(parent=self)

    def attach_staff(self, actions: StaffActions) -> StaffFlow:
        """Wire the hidden gesture, PIN pad and staff panel to ``actions`` (built by the root)."""
        from khojaly_kiosk.kiosk.staff.flow import StaffFlow

        self.staff = StaffFlow(self.app, self.shell, self.state, actions,
                               on_open=lambda: self.idle.suspend("staff"),
                               on_close=self._staff_closed)
        self.staff.settings_saved.connect(self.apply_settings)
        return self.staff

    def attach_inbox(self, watcher: InboxWatcher) -> None:
        """The synced inbox: it starts with the window; its imports are picked up here."""
        self.inbox = watcher
        watcher.imported.connect(lambda _outcomes: self.archive_imported())
        self.closed.closedChanged.connect(lambda closed: watcher.scan() if closed else None)
        if self._shown:
            watcher.start()

    def attach_heartbeat(self, heartbeat: StatusHeartbeat) -> None:
        self.heartbeat = heartbeat
        if self._shown:
            heartbeat.start()

    def archive_imported(self) -> None:
        """A package was imported in the background: swap it in now when nobody is reading
        (closed, or the attract loop); otherwise the next return to attract does."""
        if self.closed.closed or self._last_key in ("", nav_keys.ATTRACT):
            self.refresh_archive()

    # --- lifecycle -------------------------------------------------------------------------
    def show(self, size: tuple[int, int]) -> None:
        if self.settings.kiosk_mode:
            apply_window_flags(self.shell)
        if self.settings.fullscreen or self.settings.kiosk_mode:
            self.shell.showFullScreen()
        else:
            self.shell.resize(*size)
            self.shell.show()
        self.closed.start()
        self._shown = True
        for service in (self.heartbeat, self.inbox):
            if service is not None:
                service.start()
        # The watchdog pings from this thread once the first frame is on screen; READY=1 then,
        # or when the archive opened after it is served (``status`` answers from then on).
        QTimer.singleShot(0, self.watchdog.start_pinging)
        if not self.shell.archive_pending:
            QTimer.singleShot(0, self._announce_ready)
        # What start-up freed goes back to the system once the first frames are painted.
        QTimer.singleShot(TRIM_AFTER_MS, release_free_memory)

    def save_screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.shell.grab().save(str(path))
        log.info("Saved a screenshot to %s.", path)

    def close(self) -> None:
        self._closed = True
        self._usage_flush.stop()
        self.usage.write_pending()
        for service in (self.heartbeat, self.inbox):
            if service is not None:
                service.stop()
        self.watchdog.notify_stopping()
        self.crash.uninstall()
        self.idle.stop(self.app)
        self.lockdown.uninstall(self.app)
        if self.staff is not None:
            self.staff.gesture.uninstall(self.app)
        self.shell.translations.uninstall(self.app)
        if self.live is not None:
            self.live.close()

    # --- behaviour -------------------------------------------------------------------------
    def return_to_attract(self) -> None:
        """Idle or an error: back to attract, then pick up a newly imported generation."""
        # Also from attract itself: the default language may have changed (staff settings).
        self.shell.return_to_attract()
        self.usage.write_pending()  # the visit that just ended
        self.refresh_archive()
        # A visit built screens and freed their scratch: give the pages back while idle.
        QTimer.singleShot(TRIM_AFTER_MS, release_free_memory)

    def refresh_archive(self) -> BackgroundOp | None:
        """Look for a newer live generation off the GUI thread; swap it in when it is open."""
        if self._reopening is not None or self._closed:
            return None
        serving = self.live.name if self.live is not None else None
        op = run_in_background(lambda _progress: self._reopen(serving),
                               on_success=self._swap_archive,
                               on_failure=self._reopen_failed, parent=self)
        op.finished.connect(self._reopened)
        self._reopening = op
        return op

    def _reopen_failed(self, exc: BaseException) -> None:
        log.error("Opening the new archive generation failed: %s", exc)
        if self.shell.archive_pending:
            self.shell.swap_repos(None)

    def _reopened(self) -> None:
        self._reopening = None
        if self._shown:
            self._announce_ready()

    def _announce_ready(self) -> None:
        self.watchdog.notify_ready("Showing the attract screen" if self.live is not None
                                   else "No archive: showing the calm unavailable screen")

    def _swap_archive(self, fresh: LiveArchive | None) -> None:
        if fresh is None:
            if self.shell.archive_pending:  # the first open found none: the calm screen
                self.shell.swap_repos(None)
            return  # nothing newer; the reason (if any) is in the log
        if self._closed or (self.live is not None and fresh.name == self.live.name):
            fresh.close()
            return
        old, self.live = self.live, fresh
        log.info("Generation %s is live now.", fresh.name)
        self.shell.swap_repos(fresh.repos)
        if old is not None:
            old.close()

    def _search_made(self) -> None:
        # Only that a search happened: never what was typed. A full disk must not stop a search.
        try:
            self.usage.search_made()
        except Exception as exc:
            log.warning("A search could not be counted: %s", exc)

    def _media_playing(self, playing: bool) -> None:
        if playing:
            self.idle.suspend("media")
        else:
            self.idle.resume("media")

    def _screen_changed(self, key: str) -> None:
        if key == nav_keys.ATTRACT:
            self.idle.suspend("attract")
        else:
            self.idle.resume("attract")
        if key == nav_keys.HOME and self._last_key in ("", nav_keys.ATTRACT):
            self.usage.session_started()
        if key == nav_keys.TESTIMONY_READER:
            self.usage.testimony_opened()
        self.usage.screen_viewed(key)
        self._last_key = key

    def _closed_changed(self, closed: bool) -> None:
        if closed:
            self.idle.suspend("closed")
            self.return_to_attract()
        else:
            self.idle.resume("closed")

    def apply_settings(self, changed: dict[str, str]) -> None:
        """Staff saved settings in the panel: they take effect now, without a restart."""
        if "idle_seconds" in changed:
            self.idle.set_idle_seconds(int(changed["idle_seconds"]))
        if "opening_hours" in changed:
            self.closed.set_hours(OpeningHours.parse(changed["opening_hours"]))
        if "default_language" in changed:
            self.settings = self.settings.with_(default_language=changed["default_language"])
            self.shell.settings = self.settings  # used at the next return to attract

    # --- staff -----------------------------------------------------------------------------
    def _staff_closed(self) -> None:
        self.idle.resume("staff")
        self.return_to_attract()

    def restart(self) -> None:
        """Staff asked for a restart: under systemd, Restart=always brings the kiosk back."""
        log.info("Staff restarted the kiosk.")
        if not os.environ.get("NOTIFY_SOCKET"):
            QProcess.startDetached(sys.executable, sys.argv)
        self.lockdown.let_go()
        self.app.quit()

    def exit_to_desktop(self) -> None:
        log.info("Staff left the kiosk for the desktop.")
        self.lockdown.set_enabled(False)
        self.lockdown.let_go()
        mark_staff_exit()
        self.app.quit()
