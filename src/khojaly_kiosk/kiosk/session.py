"""One running kiosk: the shell plus the unattended-operation services wired together.

Built by ``app.run``. Idle returns the visitor to attract, where a newly imported archive
generation is picked up without a restart; an error in any slot does the same.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.kiosk.closed import ClosedOverlay
from khojaly_kiosk.kiosk.countdown import CountdownOverlay
from khojaly_kiosk.kiosk.crash import install_crash_handlers
from khojaly_kiosk.kiosk.hours import OpeningHours
from khojaly_kiosk.kiosk.idle import IdleWatcher
from khojaly_kiosk.kiosk.inbox import default_package_roots
from khojaly_kiosk.kiosk.lockdown import KioskLockdown, apply_window_flags
from khojaly_kiosk.kiosk.staff_flow import StaffFlow, save_setting, staff_status
from khojaly_kiosk.kiosk.staff_panel import StaffActions
from khojaly_kiosk.kiosk.state import CandleCounter, StateStore
from khojaly_kiosk.kiosk.usage import UsageCounters, sessions_by_hour_of_day, usage_totals
from khojaly_kiosk.kiosk.watchdog import SystemdWatchdog, mark_staff_exit
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui import navigation as nav_keys
from khojaly_kiosk.ui.shell import Shell

log = logging.getLogger(__name__)


class KioskSession(QObject):
    def __init__(self, app: QApplication, paths: DataPaths, settings: Settings,
                 live: Any | None, state: StateStore) -> None:
        super().__init__()
        self.app = app
        self.paths = paths
        self.settings = settings
        self.live = live
        self.state = state
        self.usage = UsageCounters(state)
        self._last_key = ""
        # A playing recording holds the idle countdown (self.idle exists before anything plays).
        self.shell = Shell(live.repos if live is not None else None,
                           candles=CandleCounter(state), settings=settings,
                           media_playing=lambda playing: (
                               self.idle.suspend if playing else self.idle.resume)("media"))
        self.shell.screenChanged.connect(self._screen_changed)

        self.lockdown = KioskLockdown(enabled=settings.kiosk_mode, parent=self)
        self.lockdown.install(app)

        self.idle = IdleWatcher(settings.idle_seconds, settings.countdown_seconds, parent=self)
        self.countdown = CountdownOverlay(self.shell)
        self.countdown.attach(self.idle)
        self.idle.idleTimeout.connect(self.return_to_attract)
        self.idle.start(app)

        self.closed = ClosedOverlay(self.shell, OpeningHours.parse(settings.opening_hours))
        self.closed.closedChanged.connect(self._closed_changed)

        self.staff = StaffFlow(app, self.shell, state, self._staff_actions(),
                               on_open=lambda: self.idle.suspend("staff"),
                               on_close=self._staff_closed)

        self.staff.panel.settings.saved.connect(self.apply_settings)

        self.crash = install_crash_handlers(paths.logs, self.return_to_attract)
        self.watchdog = SystemdWatchdog(parent=self)

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
        # READY=1 once the first frame is on screen; the watchdog then pings from this thread.
        QTimer.singleShot(0, self.watchdog.notify_ready)

    def save_screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.shell.grab().save(str(path))
        log.info("Saved a screenshot to %s.", path)

    def close(self) -> None:
        self.watchdog.notify_stopping()
        self.crash.uninstall()
        self.idle.stop(self.app)
        self.lockdown.uninstall(self.app)
        self.staff.gesture.uninstall(self.app)
        self.shell.translations.uninstall(self.app)
        if self.live is not None:
            self.live.close()

    # --- behaviour -------------------------------------------------------------------------
    def return_to_attract(self) -> None:
        """Idle or an error: back to attract, picking up a newly imported generation."""
        self._refresh_archive()
        # Also from attract itself: the default language may have changed (staff settings).
        self.shell.return_to_attract()

    def _refresh_archive(self) -> None:
        from khojaly_kiosk.app import open_archive
        from khojaly_kiosk.archive.generations import GenerationStore

        current = GenerationStore(self.paths.archives).current()
        live_name = self.live.name if self.live is not None else None
        if current == live_name:
            return
        fresh = open_archive(self.paths, self.settings)
        if fresh is None:
            return  # keep serving what we have; the reason is in the log
        old, self.live = self.live, fresh
        log.info("Generation %s is live now.", fresh.name)
        self.shell.swap_repos(fresh.repos)
        if old is not None:
            old.close()

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
    def _staff_actions(self) -> StaffActions:
        return StaffActions(
            status=lambda: staff_status(self.live, self.paths.root),
            importer=self._import,
            rollback=self._rollback,
            restart=self._restart,
            exit_to_desktop=self._exit_to_desktop,
            usage_totals=lambda: usage_totals(self.state),
            usage_by_hour=lambda: sessions_by_hour_of_day(self.state),
            current_settings=self.state.settings_overrides,
            save_setting=lambda key, value: save_setting(self.state, key, value),
            package_roots=default_package_roots(self.paths.root),
        )

    def _import(self, package: Path, progress: Any) -> str:
        """Runs on a worker thread (the staff panel's background helper)."""
        from khojaly_kiosk.content.pipeline import import_package

        result = import_package(package, self.paths, self.settings, progress=progress)
        return f"{result.message()}\n\n{result.report.to_text()}"

    def _rollback(self) -> str:
        from khojaly_kiosk.content.installed import rollback

        return str(rollback(self.paths))

    def _staff_closed(self) -> None:
        self.idle.resume("staff")
        self.return_to_attract()

    def _restart(self) -> None:
        log.info("Staff restarted the kiosk.")
        if not os.environ.get("NOTIFY_SOCKET"):  # under systemd, Restart=always brings us back
            QProcess.startDetached(sys.executable, sys.argv)
        self.app.quit()

    def _exit_to_desktop(self) -> None:
        log.info("Staff left the kiosk for the desktop.")
        self.lockdown.set_enabled(False)
        mark_staff_exit()
        self.app.quit()
