"""The real kiosk inside a benchmark process, built as ``khojaly_kiosk.app.run`` builds it.

Settings, state file, QApplication with fonts and theme, ``app.build_window`` (shell on
attract, idle, lockdown, closed hours), ``session.show`` at 1920x1080, then what ``run`` does
after the first frame (``app.finish_start``: the archive, the staff room, the services, every
screen prepared ahead of its first visit), waited for; then the benchmark drives it with taps
instead of ``app.exec()``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import SIZE, paint_watch, settle


@dataclass
class RunningKiosk:
    app: Any
    session: Any
    state: Any

    @property
    def shell(self) -> Any:
        return self.session.shell

    def unlock(self) -> None:
        """Lift the shell's tap-storm lock (it ignores taps for 300 ms after each screen
        change); the benchmarks measure rendering, as the tour does."""
        self.shell._unlock.stop()
        self.shell._end_transition()

    def close(self) -> None:
        self.session.close()
        self.state.close()


def start_kiosk(data_dir: Path) -> RunningKiosk:
    """The kiosk on the (already built) archive of ``data_dir``, shown and painted once."""
    from PySide6.QtCore import QEventLoop

    from khojaly_kiosk import app as root
    from khojaly_kiosk.kiosk.core.state import StateStore, apply_overrides
    from khojaly_kiosk.kiosk.firstpaint import after_first_frame
    from khojaly_kiosk.paths import data_paths
    from khojaly_kiosk.settings import load_settings

    paths = data_paths(data_dir).ensure()
    settings = load_settings(paths.root)
    state = StateStore.open(paths.state_db)
    settings = apply_overrides(settings, state)
    qapp = root._qt_app(paths)
    # As ``run`` does: attract's title first, then the archive, the services and every
    # screen prepared while the kiosk waits on attract (``app.finish_start``).
    session = root.build_window(qapp, paths, settings, state, None, archive_pending=True)
    after_first_frame(qapp, session.shell, lambda: root.finish_start(
        paths, settings, state, session, started=time.time()))
    watch = paint_watch()
    qapp.installEventFilter(watch)
    session.show(SIZE)
    deadline = time.perf_counter() + 60
    while (session.live is None or not session.shell.screens_prepared
           or watch.painted_at is None) and time.perf_counter() < deadline:
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    qapp.removeEventFilter(watch)
    settle(qapp)
    return RunningKiosk(qapp, session, state)


def start_shell(repos: Any, data_dir: Path, language: str = "az") -> tuple[Any, Any]:
    """A bare ``Shell`` (no kiosk services) on ``repos``, themed, shown and painted."""
    from PySide6.QtWidgets import QApplication

    from khojaly_kiosk.settings import load_settings
    from khojaly_kiosk.ui.fonts import load_fonts
    from khojaly_kiosk.ui.services import MemoryCandleCounter
    from khojaly_kiosk.ui.shell import Shell
    from khojaly_kiosk.ui.theme import apply_theme

    qapp = QApplication.instance() or QApplication(["bench"])
    load_fonts()
    cache = data_dir / "cache" / "theme"
    apply_theme(qapp, cache_dir=cache)
    settings = load_settings(data_dir, environ={}).with_(default_language=language)
    shell = Shell(repos, MemoryCandleCounter(), settings, theme_cache=cache)
    shell.resize(*SIZE)
    shell.show()
    settle(qapp)
    return qapp, shell
