"""One running kiosk: the shell plus the unattended-operation services wired together.

Built by ``app.run``; owns nothing it did not create. Idle returns the visitor to attract,
where a newly imported archive generation is picked up without a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.kiosk.crash import install_crash_handlers
from khojaly_kiosk.kiosk.idle import IdleWatcher
from khojaly_kiosk.kiosk.lockdown import KioskLockdown, apply_window_flags
from khojaly_kiosk.kiosk.state import CandleCounter, StateStore
from khojaly_kiosk.kiosk.usage import UsageCounters
from khojaly_kiosk.kiosk.watchdog import SystemdWatchdog
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui import navigation as nav_keys
from khojaly_kiosk.ui.i18n import Translations
from khojaly_kiosk.ui.shell import Shell

log = logging.getLogger(__name__)


class KioskSession(QObject):
    def __init__(self, app: QApplication, paths: DataPaths, settings: Settings,
                 live: Any | None) -> None:
        super().__init__()
        self.app = app
        self.paths = paths
        self.settings = settings
        self.live = live
        self.state = StateStore.open(paths.state_db)
        self.usage = UsageCounters(self.state)
        self.translations = Translations(parent=self)
        self.translations.switch(app, settings.default_language)
        self.shell = Shell(live.repos if live is not None else None,
                           candles=CandleCounter(self.state), settings=settings)
        self.shell.languageChanged.connect(lambda lang: self.translations.switch(app, lang))
        self.shell.screenChanged.connect(self._screen_changed)

        self.lockdown = KioskLockdown(parent=self)
        self.lockdown.set_enabled(settings.kiosk_mode)
        self.lockdown.install(app)

        self.idle = IdleWatcher(settings.idle_seconds, settings.countdown_seconds, parent=self)
        self.idle.idleTimeout.connect(self.return_to_attract)
        self.idle.start(app)

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
        # READY=1 once the first frame is on screen; the watchdog then pings from this thread.
        QTimer.singleShot(0, self.watchdog.notify_ready)

    def save_screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.shell.grab().save(str(path))
        log.info("Saved a screenshot to %s.", path)

    def close(self) -> None:
        self.watchdog.notify_stopping()
        self.crash.uninstall()
        if self.live is not None:
            self.live.close()
        self.state.close()

    # --- behaviour -------------------------------------------------------------------------
    def return_to_attract(self) -> None:
        """Idle or an error: back to attract, picking up a newly imported generation."""
        self._refresh_archive()
        if self.shell.current_key() != nav_keys.ATTRACT:
            self.shell.return_to_attract()

    def _refresh_archive(self) -> None:
        from khojaly_kiosk.app import open_archive
        from khojaly_kiosk.archive.generations import GenerationStore

        store = GenerationStore(self.paths.archives, keep=self.settings.keep_generations)
        current = store.current()
        if self.live is not None and current == self.live.name:
            return
        if self.live is None and current is None:
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
        if key == nav_keys.HOME and self._last_key == nav_keys.ATTRACT:
            self.usage.session_started()
        if key == nav_keys.TESTIMONY_READER:
            self.usage.testimony_opened()
        self.usage.screen_viewed(key)
        self._last_key = key

    _last_key: str = ""
