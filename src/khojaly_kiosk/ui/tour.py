"""Render every screen and state to PNG, with a .txt of what a visitor reads on each.

``render_tour`` drives a real ``Shell`` offscreen (or on screen) through each state and saves
``<width>x<height>/<lang>[-<variant>]/<nn>-<state>.png`` and, beside it, ``<nn>-<state>.txt``:
every visible text of that state, top to bottom (``ui.tour_text``). By default it renders each
language, each variant (normal, high contrast, each text size), every screen, the content
advisory as a visitor meets it (and the account after "Read the account" is tapped), each
keyboard layout, and the states the caller adds (the composition root adds the idle prompt and
the staff panel, which live outside ``ui``). ``states.tsv`` in each folder lists the states
with the advisories passed by then, so tests can check that no advised word is read before.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.settings import LANGUAGES, Settings
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.attract import AttractScreen
from khojaly_kiosk.ui.screens.name import NameScreen
from khojaly_kiosk.ui.screens.names import NamesScreen
from khojaly_kiosk.ui.screens.reader import ReaderScreen
from khojaly_kiosk.ui.screens.remembrance import RemembranceScreen
from khojaly_kiosk.ui.screens.timeline import TimelineScreen
from khojaly_kiosk.ui.services import CandleCounter, MemoryCandleCounter
from khojaly_kiosk.ui.tour_text import write_texts
from khojaly_kiosk.ui.widgets.advisory import is_advised
from khojaly_kiosk.ui.widgets.keyboard_layouts import LAYOUTS

if TYPE_CHECKING:
    from khojaly_kiosk.ui.shell import Shell

log = logging.getLogger(__name__)

KEYBOARD_LAYOUTS = ("az", "en", "ru", "tr")


@dataclass(frozen=True)
class TourStep:
    """One state: ``action`` puts the shell in it; ``undo`` (optional) takes it away again."""

    name: str
    action: Callable[[], None]
    undo: Callable[[], None] | None = None


@dataclass(frozen=True)
class Variant:
    """A look the whole tour is rendered in: ``""`` (normal), ``"hc"``, ``"x1.25"``..."""

    name: str
    high_contrast: bool = False
    text_scale: float = 1.0


VARIANTS: dict[str, Variant] = {
    "normal": Variant(""),
    "high-contrast": Variant("hc", high_contrast=True),
    "x1.25": Variant("x1.25", text_scale=1.25),
    "x1.5": Variant("x1.5", text_scale=1.5),
}

Step = tuple[str, Callable[[], None]]  # the older form of a step, still accepted
ExtraSteps = Callable[["Shell"], Sequence[TourStep]]


def _settle(app: QCoreApplication, rounds: int = 3) -> None:
    # Several passes: layouts post further events (height-for-width, deferred scrolls).
    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        app.sendPostedEvents()


def _go(shell: Shell, key: str, **args: object) -> Callable[[], None]:
    return lambda: shell.go(key, **args)


def _steps(shell: Shell, repos: ArchiveRepos) -> list[TourStep]:
    """Every state worth seeing, in visiting order."""
    lang = shell.language
    testimonies = list(repos.testimonies.list(lang))
    advised = next((t for t in testimonies if is_advised(t.advisory)), None)
    events = list(repos.timeline.events(lang))
    advised_event = next((e for e in events if is_advised(e.advisory)), None)
    first_name = next(iter(repos.names.page(0, 1)), None)
    steps = [
        TourStep("attract", lambda: _attract(shell, lang)),
        TourStep("attract-quote", lambda: _attract_slide(shell, "quote")),
        TourStep("attract-figure", lambda: _attract_slide(shell, "statistic")),
        TourStep("home", shell.home),
        TourStep("testimonies", _go(shell, keys.TESTIMONIES)),
    ]
    if advised is not None:
        # The advisory as a visitor meets it, then the account after "Read the account".
        steps.append(TourStep("advisory", _go(shell, keys.TESTIMONY_READER,
                                              testimony_id=advised.id)))
        steps.append(TourStep("reader", lambda: _read_account(shell)))
    elif testimonies:
        steps.append(TourStep("reader", _go(shell, keys.TESTIMONY_READER,
                                            testimony_id=testimonies[0].id)))
    steps += [
        TourStep("sources", _go(shell, keys.SOURCES)),
        TourStep("about", _go(shell, keys.ABOUT)),
        TourStep("legal", _go(shell, keys.LEGAL)),
        TourStep("timeline", _go(shell, keys.TIMELINE)),
    ]
    if events:
        steps.append(TourStep("timeline-event", _go(shell, keys.TIMELINE,
                                                    event_id=events[len(events) // 2].id)))
        steps.append(TourStep("timeline-first", _go(shell, keys.TIMELINE,
                                                    event_id=events[0].id)))
        steps.append(TourStep("timeline-zoomed", lambda: _timeline_zoomed(shell)))
    editorial = next((e for e in events if e.editorial_year is not None
                      and not is_advised(e.advisory)), None)
    if editorial is not None:
        # A year known only from context, shown as an editorial insertion ("[1991]").
        steps.append(TourStep("timeline-editorial-year", _go(shell, keys.TIMELINE,
                                                             event_id=editorial.id)))
    if advised_event is not None:
        steps.append(TourStep("timeline-advisory", _go(shell, keys.TIMELINE,
                                                       event_id=advised_event.id)))
        steps.append(TourStep("timeline-advised-read", lambda: _read_event(shell)))
    for key in (keys.COMMEMORATION, keys.STATISTICS, keys.NAMES, keys.RECOGNITION,
                keys.MONUMENTS, keys.REMEMBRANCE):
        steps.append(TourStep(key, _go(shell, key)))
        if key == keys.NAMES and first_name is not None:
            steps += _names_steps(shell, first_name.id, first_name.name)
        if key == keys.REMEMBRANCE:
            steps.append(TourStep("remembrance-candle-lit", lambda: _light_candle(shell)))
    return steps


def _names_steps(shell: Shell, name_id: int, name: str) -> list[TourStep]:
    query = name.split()[0] if name.split() else name
    steps = [TourStep("names-search", lambda: _names_search(shell, query))]
    for layout in KEYBOARD_LAYOUTS:
        if layout in LAYOUTS:
            steps.append(TourStep(f"keyboard-{layout}", partial(_keyboard, shell, query, layout)))
    steps.append(TourStep("name", _go(shell, keys.NAME, name_id=name_id)))
    steps.append(TourStep("name-read", lambda: _read_name(shell)))
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


def _attract_slide(shell: Shell, kind: str) -> None:
    screen = shell.current_screen()
    if isinstance(screen, AttractScreen):
        for _ in range(len(screen.slides)):
            slide = screen.current_slide
            if slide is not None and slide.kind == kind:
                return
            screen.advance()


def _read_account(shell: Shell) -> None:
    screen = shell.current_screen()
    if isinstance(screen, ReaderScreen) and screen.showing_advisory:
        screen.advisory.continue_button.click()  # as a visitor's tap: the advisory is passed


def _read_event(shell: Shell) -> None:
    screen = shell.current_screen()
    if isinstance(screen, TimelineScreen) and screen.slide.showing_advisory:
        screen.slide.advisory.continue_button.click()


def _read_name(shell: Shell) -> None:
    screen = shell.current_screen()
    if isinstance(screen, NameScreen) and screen.showing_advisory:
        screen.advisory.continue_button.click()


def _names_search(shell: Shell, query: str) -> None:
    screen = shell.current_screen()
    if isinstance(screen, NamesScreen):  # the search as a visitor sees it, keyboard open
        screen.show_search(query)


def _keyboard(shell: Shell, query: str, layout: str) -> None:
    screen = shell.current_screen()
    if isinstance(screen, NamesScreen):
        screen.show_search(query)
        screen.keyboard.set_layout(layout)


def _timeline_zoomed(shell: Shell) -> None:
    screen = shell.current_screen()
    if isinstance(screen, TimelineScreen):  # the visitor zoomed in twice with +
        screen.zoom_in()
        screen.zoom_in()


def _light_candle(shell: Shell) -> None:
    screen = shell.current_screen()
    if isinstance(screen, RemembranceScreen):
        screen.light_candle()


def _passed(shell: Shell) -> str:
    """The advisories passed so far, " | "-separated (a name's key may hold spaces)."""
    return " | ".join(shell.services.advisories.keys())


def render_tour(out_dir: Path, sizes: Sequence[tuple[int, int]], repos: ArchiveRepos,
                settings: Settings | None = None, candles: CandleCounter | None = None,
                languages: Sequence[str] | None = None,
                high_contrast: bool = False, text_scale: float = 1.0,
                theme_cache: Path | None = None,
                variants: Sequence[str] | None = None,
                extra_steps: ExtraSteps | None = None) -> list[tuple[str, float]]:
    """Render every screen and state at every size, language and variant to PNG and text.

    Args:
        out_dir: folder for the images (created); one sub-folder per size, then per language
            and variant (``en``, ``en-hc``, ``en-x1.5``...).
        sizes: window sizes, e.g. ``[(1920, 1080), (1080, 1920)]``.
        repos: the archive to show (the live one, or ``tests.support.fakes.FakeArchive``).
        settings: kiosk settings (default language, reduced motion); defaults if None.
        candles: the candle counter; an in-memory one if None (the tour lights one candle).
        languages: languages to render; every kiosk language if None.
        high_contrast, text_scale: the look when ``variants`` is not given and these differ
            from the defaults (the older way to ask for one look).
        theme_cache: where the rendered theme is cached (None: our own styles only).
        variants: names from ``VARIANTS``; all of them if None (normal, high contrast, x1.25,
            x1.5).
        extra_steps: states the caller adds at the end of each pass (e.g. the idle prompt and
            the staff panel, built by the composition root).

    Returns:
        ``(image name, milliseconds)`` per image: time to enter the state and paint it.
    """
    from khojaly_kiosk.ui.shell import Shell
    from khojaly_kiosk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    if variants is None:
        looks = ([Variant("", high_contrast, text_scale)]
                 if high_contrast or text_scale != 1.0 else list(VARIANTS.values()))
    else:
        looks = [VARIANTS[name] for name in variants]
    out_dir.mkdir(parents=True, exist_ok=True)
    timings: list[tuple[str, float]] = []
    for width, height in sizes:
        # Reduced motion: frames are grabbed mid-loop, a half-faded slide would be misleading.
        tour_settings = (settings or Settings()).with_(reduced_motion=True)
        shell = Shell(repos, candles or MemoryCandleCounter(), tour_settings,
                      theme_cache=theme_cache)
        # Fixed, as a kiosk's full screen is: a page too tall at a large text step must
        # reflow or scroll, not grow the window past the screen.
        shell.setFixedSize(width, height)
        shell.show()
        _settle(app)
        for look in looks:
            # As a visitor's taps set them: the Aa and contrast buttons show the look.
            _visitor_choices(shell, look.text_scale, look.high_contrast)
            for lang in languages or LANGUAGES:
                shell.set_language(lang)
                name = lang + (f"-{look.name}" if look.name else "")
                timings += _render_pass(app, shell, repos, out_dir / f"{width}x{height}" / name,
                                        f"{width}x{height}/{name}", extra_steps)
        shell.close()
        shell.deleteLater()
        _settle(app)
    apply_theme(app, cache_dir=theme_cache)
    return timings


def _render_pass(app: QApplication, shell: Shell, repos: ArchiveRepos, folder: Path,
                 label: str, extra_steps: ExtraSteps | None) -> list[tuple[str, float]]:
    folder.mkdir(parents=True, exist_ok=True)
    steps = _steps(shell, repos) + list(extra_steps(shell) if extra_steps else ())
    timings: list[tuple[str, float]] = []
    states: list[str] = []
    for number, step in enumerate(steps, start=1):
        shell._unlock.stop()  # the tour is not a tap storm: no transition lock
        shell._end_transition()
        started = time.perf_counter()
        step.action()
        _settle(app)
        image = shell.grab()
        elapsed = (time.perf_counter() - started) * 1000
        stem = f"{number:02d}-{step.name}"
        image.save(str(folder / f"{stem}.png"))
        write_texts(shell, str(folder / f"{stem}.txt"))
        states.append(f"{stem}\t{_passed(shell)}")
        timings.append((f"{label}/{stem}.png", elapsed))
        if step.undo is not None:
            step.undo()
            _settle(app)
    (folder / "states.tsv").write_text(
        "state\tadvisories passed\n" + "\n".join(states) + "\n", encoding="utf-8")
    return timings
