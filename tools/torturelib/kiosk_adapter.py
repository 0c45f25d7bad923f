"""The ONE place where the torture tool touches the kiosk's internals (for the monkey).

When the kiosk's modules move (``kiosk/session.py``, ``app.py``, ``ui/shell.py``), update
``open_kiosk`` and nothing else.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from torturelib.common import src_importable


@dataclass
class Kiosk:
    """What the monkey may see and do of a running kiosk."""

    window: Any  # the kiosk's top-level QWidget
    content: Any  # the part below the top bar, whose buttons the monkey aims at
    screen: Callable[[], str | None]  # the key of the screen shown
    attract: str  # the key of the attract screen
    unavailable: str  # the key of the calm unavailable screen
    advance_idle: Callable[[float], None]  # move the idle clock on and let it look
    on_idle_reset: Callable[[Callable[[], None]], None]  # call back after each idle reset
    locked_down: Callable[[], bool]  # kiosk mode's lockdown still on
    idle_after: float  # seconds without input until the reset (idle + countdown)
    close: Callable[[], None]


def open_kiosk(data: Path, size: tuple[int, int] = (1920, 1080)) -> Kiosk:
    """THE ADAPTER: start a kiosk-mode session on ``data`` as ``app.run`` does.

    Differences from production, both for speed: the idle watcher reads a fake clock, and
    the shell's transition lock (300 ms of real time after each screen change, during which
    presses are swallowed) lasts one turn of the event loop.
    """
    src_importable()
    from khojaly_kiosk.app import _qt_app, build_session
    from khojaly_kiosk.content.upgrade import start_up
    from khojaly_kiosk.kiosk.core.state import StateStore, apply_overrides
    from khojaly_kiosk.paths import DataPaths
    from khojaly_kiosk.settings import load_settings
    from khojaly_kiosk.ui import navigation

    paths = DataPaths(data).ensure()
    settings = load_settings(paths.root, environ={}, kiosk_mode=True, fullscreen=True)
    state = StateStore.open(paths.state_db)
    settings = apply_overrides(settings, state)
    for _line in start_up(paths, settings):  # leftovers cleared, an older archive rebuilt
        pass
    app = _qt_app(paths)
    session = build_session(app, paths, settings, state)
    now = [time.monotonic()]
    session.idle._clock = lambda: now[0]
    session.idle.poke()
    session.shell._unlock.setInterval(0)
    session.show(size)

    def advance(seconds: float) -> None:
        now[0] += seconds
        session.idle.check()

    def close() -> None:
        session.close()
        state.close()
        session.shell.hide()
        session.shell.deleteLater()

    return Kiosk(window=session.shell, content=session.shell.stack,
                 screen=lambda: session.shell.current_key,
                 attract=navigation.ATTRACT, unavailable=navigation.UNAVAILABLE,
                 advance_idle=advance, on_idle_reset=session.idle.idleTimeout.connect,
                 locked_down=lambda: session.lockdown.enabled,
                 idle_after=settings.idle_seconds + settings.countdown_seconds, close=close)
