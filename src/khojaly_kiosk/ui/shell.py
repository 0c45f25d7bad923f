"""The kiosk window: one stack of screens, a top bar, a source strip, and navigation.

The shell implements ``ui.navigation.Navigator``. Screens are built once (on first visit) and
reused; each is constructed as ``Cls(repos, nav, services, parent=None)`` and keeps the repos
in ``self.repos`` so ``swap_repos`` can hand it a new archive generation.

Optional screen hooks the shell uses when present:
``current_source() -> SourceRecord | None`` (shown in the source strip after ``enter``) and a
``source_changed`` signal carrying a ``SourceRecord | None`` (the strip follows it).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.settings import LANGUAGES, Settings
from khojaly_kiosk.ui import navigation as nav_keys
from khojaly_kiosk.ui.accessibility import AccessibilityState
from khojaly_kiosk.ui.i18n import Translations
from khojaly_kiosk.ui.screens.base import Screen
from khojaly_kiosk.ui.services import CandleCounter, MemoryCandleCounter, ScreenServices
from khojaly_kiosk.ui.theme import apply_theme
from khojaly_kiosk.ui.unavailable import ComingSoonScreen, UnavailableScreen
from khojaly_kiosk.ui.widgets.source_strip import SourceStrip
from khojaly_kiosk.ui.widgets.topbar import TopBar

log = logging.getLogger(__name__)

# key -> (module, class). Screens of other parts are imported defensively: a missing module
# shows a calm "coming soon" screen, so the parts can be built and tested independently.
SCREEN_REGISTRY: dict[str, tuple[str, str]] = {
    nav_keys.HOME: ("khojaly_kiosk.ui.screens.home", "HomeScreen"),
    nav_keys.TESTIMONIES: ("khojaly_kiosk.ui.screens.testimonies", "TestimoniesScreen"),
    nav_keys.TESTIMONY_READER: ("khojaly_kiosk.ui.screens.reader", "ReaderScreen"),
    nav_keys.SOURCES: ("khojaly_kiosk.ui.screens.sources", "SourcesScreen"),
    nav_keys.TIMELINE: ("khojaly_kiosk.ui.screens.timeline", "TimelineScreen"),
    nav_keys.COMMEMORATION: ("khojaly_kiosk.ui.screens.commemoration", "CommemorationScreen"),
    nav_keys.STATISTICS: ("khojaly_kiosk.ui.screens.statistics", "StatisticsScreen"),
    nav_keys.NAMES: ("khojaly_kiosk.ui.screens.names", "NamesScreen"),
    nav_keys.RECOGNITION: ("khojaly_kiosk.ui.screens.recognition", "RecognitionScreen"),
    nav_keys.MONUMENTS: ("khojaly_kiosk.ui.screens.monuments", "MonumentsScreen"),
    nav_keys.REMEMBRANCE: ("khojaly_kiosk.ui.screens.remembrance", "RemembranceScreen"),
    nav_keys.ABOUT: ("khojaly_kiosk.ui.screens.passages", "AboutScreen"),
    nav_keys.LEGAL: ("khojaly_kiosk.ui.screens.passages", "LegalScreen"),
}

# Screens without the top bar and source strip: they fill the whole window.
_FULL_WINDOW = {nav_keys.ATTRACT, nav_keys.UNAVAILABLE}
TRANSITION_MS = 300  # taps during a transition are ignored (a tap storm navigates once)
_PRESSES = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick}


class _TransitionGuard(QObject):
    """Installed on the application while a screen change settles.

    The lock lasts ``TRANSITION_MS`` after the new screen is first painted (building a screen on
    a slow kiosk PC must not use up the lock), and every press during it is swallowed and
    extends it, so the taps of a storm never reach what appeared under the finger.
    """

    def __init__(self, window: QWidget, timer: QTimer) -> None:
        super().__init__(timer)
        self._window = window
        self._timer = timer
        self._painted = False

    def arm(self) -> None:
        self._painted = False
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESSES and isinstance(watched, QWidget) and watched.window() is self._window:
            self._timer.start()
            return True
        if kind == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._timer.start()
        return False


def load_screen_class(key: str) -> type[Screen] | None:
    """The screen class registered for ``key``, or None when its module is not installed."""
    module_name, class_name = SCREEN_REGISTRY[key]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise  # a real bug inside the screen's own imports: do not hide it
        log.warning("The %s screen is not installed (%s); showing a placeholder.", key,
                    module_name)
        return None
    cls = getattr(module, class_name, None)
    if cls is None:
        log.warning("%s has no %s; showing a placeholder.", module_name, class_name)
    return cls


class Shell(QMainWindow):
    """The main window and the visitor's ``Navigator``.

    Args:
        repos: the live archive's repositories, or None when no archive could be opened.
        candles: the shared candle counter (remembrance screen).
        settings: the kiosk settings (language, reduced motion, attract timing).
        media_playing: told True/False as a recording starts/stops (the kiosk holds idle).
    """

    languageChanged = Signal(str)
    screenChanged = Signal(str)

    def __init__(self, repos: ArchiveRepos | None, candles: CandleCounter | None = None,
                 settings: Settings | None = None, parent: QWidget | None = None,
                 media_playing: Callable[[bool], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Khojaly 1992")
        self.repos = repos
        self.settings = settings
        self._language = settings.default_language if settings else "en"
        self.services = ScreenServices(
            candles=candles if candles is not None else MemoryCandleCounter(),
            reduced_motion=settings.reduced_motion if settings else False,
            slide_seconds=settings.attract_slide_seconds if settings else 8,
        )
        if media_playing is not None:
            self.services = replace(self.services, media_playing=media_playing)
        self._screens: dict[str, Screen] = {}
        self._history: list[tuple[str, dict[str, Any]]] = []
        self._current: tuple[str, dict[str, Any]] | None = None
        self._transitioning = False
        self._unlock = QTimer(self)
        self._unlock.setSingleShot(True)
        self._unlock.setInterval(TRANSITION_MS)
        self._unlock.timeout.connect(self._end_transition)
        self._guard = _TransitionGuard(self, self._unlock)

        central = QWidget()
        central.setObjectName("Screen")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar()
        self.stack = QStackedWidget()
        self.source_strip = SourceStrip()
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.source_strip)
        self.setCentralWidget(central)
        self.top_bar.back_requested.connect(self.back)
        self.top_bar.home_requested.connect(self.home)
        self.top_bar.language_requested.connect(self.set_language)
        self.top_bar.set_language(self._language)
        # The shell owns the UI translator: the kiosk, the tour and tests all switch through it.
        self.translations = Translations(parent=self)
        app = QApplication.instance()
        if app is not None:
            self.translations.switch(app, self._language)
            self.languageChanged.connect(lambda lang: self.translations.switch(app, lang))
        self.source_strip.sources_requested.connect(self._open_sources)
        self.accessibility = AccessibilityState(self)
        self.top_bar.text_size_requested.connect(self.accessibility.cycle_text_scale)
        self.top_bar.contrast_requested.connect(self.accessibility.toggle_high_contrast)
        self.accessibility.textScaleChanged.connect(self._restyle)
        self.accessibility.highContrastChanged.connect(self._restyle)
        if repos is None:
            self.show_unavailable()
        else:
            self.return_to_attract()

    # --- Navigator -------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self._language

    def go(self, screen: str, **args: Any) -> None:
        """Show ``screen`` with ``args``; ignored during a transition or if already there."""
        if self._transitioning or self._current == (screen, args):
            return
        if self.repos is None and screen not in _FULL_WINDOW:
            return
        if self._current is not None and self._current[0] not in _FULL_WINDOW:
            self._history.append(self._current)
        self._show(screen, args)

    def back(self) -> None:
        if self._transitioning:
            return
        if not self._history:
            self.home()
            return
        key, args = self._history.pop()
        self._show(key, args)

    def home(self) -> None:
        if self._transitioning:
            return
        self._history.clear()
        if self._current is None or self._current[0] != nav_keys.HOME:
            self._show(nav_keys.HOME, {})

    def show_source(self, source_id: str) -> None:
        self.go(nav_keys.SOURCES, source_id=source_id)

    # --- Kiosk control ---------------------------------------------------------------------
    @property
    def transitioning(self) -> bool:
        """True for a moment after each navigation, while further taps are ignored."""
        return self._transitioning

    @property
    def current_key(self) -> str | None:
        return self._current[0] if self._current else None

    @property
    def history(self) -> list[str]:
        return [key for key, _args in self._history]

    def current_screen(self) -> Screen | None:
        return self._screens.get(self._current[0]) if self._current else None

    def screen(self, key: str) -> Screen:
        """The screen for ``key``, built on first use and reused afterwards."""
        if key not in self._screens:
            built = self._build(key)
            self._screens[key] = built
            self.stack.addWidget(built)
            changed = getattr(built, "source_changed", None)
            if changed is not None:
                changed.connect(lambda source, k=key: self._screen_source_changed(k, source))
        return self._screens[key]

    def set_language(self, lang: str) -> None:
        """Switch the visitor's language; the current screen re-reads its content."""
        if lang not in LANGUAGES or lang == self._language:
            return
        self._language = lang
        self.top_bar.set_language(lang)
        self.languageChanged.emit(lang)  # installs the Qt translator (see __init__)
        self._retranslate_all()
        if self._current is not None:
            self._enter(*self._current)

    def return_to_attract(self) -> None:
        """Idle: reset every screen, forget the visit, restore the default language."""
        self._end_transition()
        for built in self._screens.values():
            built.reset()
        self._history.clear()
        self.accessibility.reset()  # the next visitor starts at x1, normal contrast
        default = self.settings.default_language if self.settings else "en"
        if default != self._language:
            self._language = default
            self.top_bar.set_language(default)
            self.languageChanged.emit(default)
            self._retranslate_all()
        if self.repos is None:
            self.show_unavailable()
            return
        self._current = None
        self._show(nav_keys.ATTRACT, {})

    def show_unavailable(self) -> None:
        """The calm screen for when the archive cannot be opened."""
        self._history.clear()
        self._show(nav_keys.UNAVAILABLE, {})

    def swap_repos(self, repos: ArchiveRepos | None) -> None:
        """A new archive generation went live (or none is usable): re-enter with it."""
        self.repos = repos
        for built in self._screens.values():
            setter = getattr(built, "set_repos", None)
            if setter is not None:
                setter(repos)
            elif hasattr(built, "repos"):
                built.repos = repos
        if repos is None:
            self.show_unavailable()
        elif self._current is None or self._current[0] == nav_keys.UNAVAILABLE:
            self.return_to_attract()
        else:
            self._enter(*self._current)

    # --- internals -------------------------------------------------------------------------
    def _build(self, key: str) -> Screen:
        if key == nav_keys.UNAVAILABLE:
            return UnavailableScreen(self)
        if key == nav_keys.ATTRACT:
            from khojaly_kiosk.ui.screens.attract import AttractScreen

            attract = AttractScreen(self.repos, self, self.services)
            attract.woken.connect(self._wake)
            return attract
        cls = load_screen_class(key)
        if cls is None:
            return ComingSoonScreen(self, self._placeholder_title(key))
        return cls(self.repos, self, self.services)

    def _placeholder_title(self, key: str) -> str:
        titles = {
            nav_keys.TIMELINE: self.tr("Timeline"),
            nav_keys.COMMEMORATION: self.tr("Commemoration"),
            nav_keys.STATISTICS: self.tr("Statistics"),
            nav_keys.NAMES: self.tr("Names"),
            nav_keys.RECOGNITION: self.tr("Recognition"),
            nav_keys.MONUMENTS: self.tr("Monuments"),
            nav_keys.REMEMBRANCE: self.tr("Remembrance"),
        }
        return titles.get(key, "")

    def _show(self, key: str, args: dict[str, Any]) -> None:
        self._begin_transition()
        self._current = (key, dict(args))
        self._enter(key, args)
        self._guard.arm()  # counted from now, not from before the screen was built
        self.screenChanged.emit(key)

    def _enter(self, key: str, args: dict[str, Any]) -> None:
        try:
            target = self.screen(key)
            target.enter(**args)
        except Exception:
            # A broken archive row or a bug must never leave a visitor facing a traceback.
            log.exception("Showing the %s screen failed; showing the unavailable screen.", key)
            if key == nav_keys.UNAVAILABLE:
                raise
            self._history.clear()
            self._current = (nav_keys.UNAVAILABLE, {})
            target = self.screen(nav_keys.UNAVAILABLE)
            key = nav_keys.UNAVAILABLE
        # A failed screen keeps the top bar (Home still works); no archive at all does not.
        full = key == nav_keys.ATTRACT or (key == nav_keys.UNAVAILABLE and self.repos is None)
        self.top_bar.setVisible(not full)
        self.source_strip.setVisible(not full)
        self.top_bar.set_title(target.title())
        self.top_bar.set_back_visible(key != nav_keys.HOME)
        current_source = getattr(target, "current_source", None)
        self.source_strip.set_source(current_source() if current_source else None)
        self.stack.setCurrentWidget(target)

    def _screen_source_changed(self, key: str, source: object) -> None:
        if self.current_key == key:
            self.source_strip.set_source(source)  # type: ignore[arg-type]

    def _open_sources(self, source_id: str) -> None:
        if source_id:
            self.show_source(source_id)
        else:
            self.go(nav_keys.SOURCES)

    def _wake(self) -> None:
        if self.current_key == nav_keys.ATTRACT and not self._transitioning:
            self._history.clear()
            self._show(nav_keys.HOME, {})

    def _begin_transition(self) -> None:
        self._transitioning = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._guard)

    def _end_transition(self) -> None:
        self._unlock.stop()
        self._transitioning = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._guard)

    def _restyle(self, *_args: object) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        state = self.accessibility
        cache = self.settings.data_dir / "cache" / "theme" if self.settings else None
        apply_theme(app, high_contrast=state.high_contrast, text_scale=state.text_scale,
                    cache_dir=cache)
        self.top_bar.contrast_button.setChecked(state.high_contrast)

    def _retranslate_all(self) -> None:
        self.top_bar.retranslate()
        self.source_strip.retranslate()
        for built in self._screens.values():
            built.retranslate()
        if self._current is not None:
            target = self._screens.get(self._current[0])
            if target is not None:
                self.top_bar.set_title(target.title())

    def hideEvent(self, event: QHideEvent) -> None:
        self._end_transition()  # a hidden shell must not keep filtering the application's input
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # The i18n helper installs a QTranslator; Qt then tells every window.
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_all()
        super().changeEvent(event)
