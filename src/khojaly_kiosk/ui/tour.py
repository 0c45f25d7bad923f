"""Render every screen and state to PNG: for review, documentation and paint timings.

``render_tour`` drives a real ``Shell`` offscreen (or on screen) through each state and saves
``<width>x<height>/<nn>-<state>.png``; each step puts the shell in one state (e.g. a search
with results) before the frame is grabbed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.names import NamesScreen
from khojaly_kiosk.ui.screens.remembrance import RemembranceScreen
from khojaly_kiosk.ui.screens.timeline import TimelineScreen
from khojaly_kiosk.ui.services import CandleCounter, MemoryCandleCounter

if TYPE_CHECKING:
    from khojaly_kiosk.ui.shell import Shell

log = logging.getLogger(__name__)

Step = tuple[str, Callable[[], None]]


def _settle(app: QCoreApplication, rounds: int = 3) -> None:
    # Several passes: layouts post further events (height-for-width, deferred scrolls).
    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        app.sendPostedEvents()


def _steps(shell: Shell, repos: ArchiveRepos) -> list[Step]:
    """Every state worth seeing, as (name, action) in visiting order."""
    lang = shell.language
    testimonies = list(repos.testimonies.list(lang))
    advised = next((t for t in testimonies if t.advisory in ("distressing", "graphic")), None)
    sources = list(repos.sources.list())
    events = list(repos.timeline.events(lang))
    first_name = next(iter(repos.names.page(0, 1)), None)

    steps: list[Step] = [
        ("attract", lambda: _attract(shell, lang)),
        ("home", shell.home),
        ("testimonies", lambda: shell.go(keys.TESTIMONIES)),
    ]
    if testimonies:
        steps.append(("reader", lambda: shell.go(keys.TESTIMONY_READER,
                                                 testimony_id=testimonies[0].id,
                                                 skip_advisory=True)))
    if advised is not None:
        steps.append(("advisory", lambda: shell.go(keys.TESTIMONY_READER,
                                                   testimony_id=advised.id)))
    steps.append(("sources", lambda: shell.go(
        keys.SOURCES, **({"source_id": sources[-1].source.id} if sources else {}))))
    steps.append(("about", lambda: shell.go(keys.ABOUT)))
    steps.append(("legal", lambda: shell.go(keys.LEGAL)))
    steps.append(("timeline", lambda: shell.go(keys.TIMELINE)))
    if events:
        steps.append(("timeline-event", lambda: shell.go(keys.TIMELINE,
                                                         event_id=events[len(events) // 2].id)))
        steps.append(("timeline-first", lambda: shell.go(keys.TIMELINE,
                                                         event_id=events[0].id)))
        steps.append(("timeline-zoomed", partial(_timeline_zoomed, shell)))
    for key in (keys.COMMEMORATION, keys.STATISTICS, keys.NAMES, keys.RECOGNITION,
                keys.MONUMENTS, keys.REMEMBRANCE):
        steps.append((key, partial(shell.go, key)))
        if key == keys.NAMES and first_name is not None:
            query = first_name.name.split()[0] if first_name.name.split() else first_name.name
            steps.append(("names-search", partial(_names_search, shell, query)))
            steps.append(("name", partial(shell.go, keys.NAME, name_id=first_name.id)))
        if key == keys.REMEMBRANCE:
            steps.append(("remembrance-candle-lit", partial(_light_candle, shell)))
    return steps


def _attract(shell: Shell, lang: str) -> None:
    # This restores the default language and text size: keep the toured ones.
    scale, contrast = shell.accessibility.text_scale, shell.accessibility.high_contrast
    shell.return_to_attract()
    shell.set_language(lang)
    _visitor_choices(shell, scale, contrast)


def _visitor_choices(shell: Shell, text_scale: float, high_contrast: bool) -> None:
    """Set the text size and contrast as a visitor's taps do (the buttons show them)."""
    shell.accessibility.set_text_scale(text_scale)
    shell.accessibility.set_high_contrast(high_contrast)
    shell._restyle()


def _names_search(shell: Shell, query: str) -> None:
    screen = shell.current_screen()
    if isinstance(screen, NamesScreen):  # the search as a visitor sees it, keyboard open
        screen.show_search(query)


def _timeline_zoomed(shell: Shell) -> None:
    screen = shell.current_screen()
    if isinstance(screen, TimelineScreen):  # the visitor zoomed in twice with +
        screen.zoom_in()
        screen.zoom_in()


def _light_candle(shell: Shell) -> None:
    screen = shell.current_screen()
    if isinstance(screen, RemembranceScreen):
        screen.light_candle()


def render_tour(out_dir: Path, sizes: Sequence[tuple[int, int]], repos: ArchiveRepos,
                settings: Settings | None = None, candles: CandleCounter | None = None,
                languages: Sequence[str] | None = None,
                high_contrast: bool = False, text_scale: float = 1.0,
                theme_cache: Path | None = None) -> list[tuple[str, float]]:
    """Render every screen and state at every size (and language) to PNG files.

    Args:
        out_dir: folder for the images (created); one sub-folder per size.
        sizes: window sizes, e.g. ``[(1920, 1080), (1080, 1920)]``.
        repos: the archive to show (the live one, or ``tests.support.fakes.FakeArchive``).
        settings: kiosk settings (default language, reduced motion); defaults if None.
        candles: the candle counter; an in-memory one if None (the tour lights one candle).
        languages: languages to render; the settings' default language if None.
        high_contrast: render with the high-contrast palette.
        text_scale: render at this text-size step.
        theme_cache: where the rendered theme is cached (None: our own styles only).

    Returns:
        ``(image name, milliseconds)`` per image: time to enter the state and paint it.
    """
    from khojaly_kiosk.ui.shell import Shell
    from khojaly_kiosk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, high_contrast=high_contrast, text_scale=text_scale, cache_dir=theme_cache)
    out_dir.mkdir(parents=True, exist_ok=True)
    timings: list[tuple[str, float]] = []
    for width, height in sizes:
        # Reduced motion: frames are grabbed mid-loop, a half-faded slide would be misleading.
        tour_settings = (settings or Settings()).with_(reduced_motion=True)
        shell = Shell(repos, candles or MemoryCandleCounter(), tour_settings,
                      theme_cache=theme_cache)
        shell.resize(width, height)
        shell.show()
        _visitor_choices(shell, text_scale, high_contrast)
        _settle(app)
        for lang in languages or (tour_settings.default_language,):
            shell.set_language(lang)
            folder = out_dir / f"{width}x{height}" / lang
            folder.mkdir(parents=True, exist_ok=True)
            for number, (name, action) in enumerate(_steps(shell, repos), start=1):
                shell._unlock.stop()  # the tour is not a tap storm: no transition lock
                shell._end_transition()
                started = time.perf_counter()
                action()
                _settle(app)
                image = shell.grab()
                elapsed = (time.perf_counter() - started) * 1000
                file_name = f"{number:02d}-{name}.png"
                image.save(str(folder / file_name))
                timings.append((f"{width}x{height}/{lang}/{file_name}", elapsed))
        shell.close()
        shell.deleteLater()
        _settle(app)
    return timings
