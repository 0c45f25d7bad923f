"""The kiosk window: one stack of screens, a top bar, a source strip, and navigation.

The shell implements ``ui.navigation.Navigator``. Screens come from ``ui.registry.SCREENS``,
are built once (on first visit) as ``Cls(repos, nav, services)`` and reused; the hooks it calls
(``enter``, ``current_source``, ``source_changed``, ``set_repos``...) are declared on
``ui.screen.Screen``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.settings import LANGUAGES, Settings
from khojaly_kiosk.ui import navigation as nav_keys
from khojaly_kiosk.ui.accessibility import AccessibilityState
from khojaly_kiosk.ui.app_events import app_events
from khojaly_kiosk.ui.i18n import Translations
from khojaly_kiosk.ui.lazy_translation import LazyTranslation
from khojaly_kiosk.ui.preparation import ScreenPreparation
from khojaly_kiosk.ui.restyle import LazyRestyle
from khojaly_kiosk.ui.screen import Screen
from khojaly_kiosk.ui.screen_stack import ScreenStack
from khojaly_kiosk.ui.screens.attract import AttractScreen
from khojaly_kiosk.ui.screens.unavailable import UnavailableScreen
from khojaly_kiosk.ui.services import CandleCounter, MemoryCandleCounter, ScreenServices
from khojaly_kiosk.ui.theme import set_active_palette, style_marks
from khojaly_kiosk.ui.transition import PRESSES, TRANSITION_MS, TransitionGuard
from khojaly_kiosk.ui.widgets.credit import Credit
from khojaly_kiosk.ui.widgets.source_strip import SourceStrip
from khojaly_kiosk.ui.widgets.topbar import TopBar

log = logging.getLogger(__name__)

# Screens without the top bar and source strip: they fill the whole window.
_FULL_WINDOW = {nav_keys.ATTRACT, nav_keys.UNAVAILABLE}


class Shell(QMainWindow):
    """The main window and the visitor's ``Navigator``.

    Args:
        repos: the live archive's repositories, or None when no archive could be opened.
        candles: the shared candle counter (remembrance screen).
        settings: the kiosk settings (language, reduced motion, attract timing).
        media_playing: told True/False as a recording starts/stops (the kiosk holds idle).
        theme_cache: where the rendered theme is cached, for restyling (Aa, contrast).
        search_made: called once per search a visitor starts (the kiosk counts it).
        archive_pending: with no ``repos`` yet, show attract's title (it needs no archive)
            while the archive is opened, instead of the unavailable screen; ``swap_repos``
            then brings the archive (or, with None, the unavailable screen).
    """

    languageChanged = Signal(str)
    screenChanged = Signal(str)
    restyled = Signal()
    """The window took the visitor's text size and contrast (on screen now; the rest follows)."""

    def __init__(self, repos: ArchiveRepos | None, candles: CandleCounter | None = None,
                 settings: Settings | None = None, parent: QWidget | None = None,
                 media_playing: Callable[[bool], None] | None = None,
                 theme_cache: Path | None = None,
                 search_made: Callable[[], None] | None = None,
                 archive_pending: bool = False) -> None:
        super().__init__(parent)
        self._theme_cache = theme_cache
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
        if search_made is not None:
            self.services = replace(self.services, search_made=search_made)
        self._screens: dict[str, Screen] = {}
        self._preparation = ScreenPreparation(self)
        self._translation = LazyTranslation()  # hidden screens catch up when next shown
        self._history: list[tuple[str, dict[str, Any]]] = []
        self._current: tuple[str, dict[str, Any]] | None = None
        self._transitioning = False
        self._unlock = QTimer(self)
        self._unlock.setSingleShot(True)
        self._unlock.setInterval(TRANSITION_MS)
        self._unlock.timeout.connect(self._end_transition)
        self._guard = TransitionGuard(self, self._unlock)

        central = QWidget()
        central.setObjectName("Screen")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar()
        self.stack = ScreenStack()
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
        self.accessibility.textScaleChanged.connect(self._schedule_restyle)
        self.accessibility.highContrastChanged.connect(self._schedule_restyle)
        # The restyle runs after the button's new state is painted, and once for a burst of
        # taps: a visitor sees at once that the tap worked, and never waits for two restyles.
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(0)
        self._restyle_timer.timeout.connect(self._restyle)
        self._restyler = LazyRestyle(self, self._is_lazy_root)
        self._pending = repos is None and archive_pending
        if repos is None and not self._pending:
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
    def archive_pending(self) -> bool:
        """True until the archive opened at start is given (``swap_repos``)."""
        return self._pending

    @property
    def current_key(self) -> str | None:
        return self._current[0] if self._current else None

    @property
    def history(self) -> list[str]:
        return [key for key, _args in self._history]

    def current_screen(self) -> Screen | None:
        return self._screens.get(self._current[0]) if self._current else None

    def screen_for(self, key: str) -> Screen:
        """The screen for ``key``, built on first use and reused afterwards."""
        if key not in self._screens:
            built = self._build(key)
            self._screens[key] = built
            self._translation.built(key, self._language)
            self.stack.addWidget(built)
            built.source_changed.connect(
                lambda source, k=key: self._screen_source_changed(k, source))
        return self._screens[key]

    def prepare_screens(self) -> None:
        """Build every screen ahead of its first visit while attract shows (``ui.preparation``)."""
        self._preparation.start()

    @property
    def screens_prepared(self) -> bool:
        """True once ``prepare_screens`` has built every screen."""
        return self._preparation.done

    def is_built(self, key: str) -> bool:
        return key in self._screens

    def forget(self, key: str) -> None:
        """Drop the built screen ``key`` (it is built again on its next visit)."""
        built = self._screens.pop(key, None)
        self._translation.forget(key)
        if built is not None:
            self.stack.removeWidget(built)
            built.deleteLater()

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
        self.services.advisories.clear()  # the next visitor is asked before advised words
        for built in self._screens.values():
            built.reset()
        self._history.clear()
        self.accessibility.reset()  # the next visitor starts at x1, normal contrast
        if self._restyle_timer.isActive():
            # Nobody is waiting for feedback: every screen now, before attract shows.
            self._restyle(everything=True)
        default = self.settings.default_language if self.settings else "en"
        if default != self._language:
            self._language = default
            self.top_bar.set_language(default)
            self.languageChanged.emit(default)
            self._retranslate_all()
        if self.repos is None and not self._pending:
            self.show_unavailable()
            return
        self._current = None
        self._show(nav_keys.ATTRACT, {})
        self._preparation.resume()  # a visit interrupted prepare_screens: go on now

    def show_unavailable(self) -> None:
        """The calm screen for when the archive cannot be opened."""
        self._history.clear()
        self._show(nav_keys.UNAVAILABLE, {})

    def swap_repos(self, repos: ArchiveRepos | None) -> None:
        """A new archive generation went live (or none is usable): re-enter with it."""
        self.repos = repos
        self._pending = False
        for built in self._screens.values():
            built.set_repos(repos)
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
            attract = AttractScreen(self.repos, self, self.services)
            attract.woken.connect(self._wake)
            return attract
        repos = self.repos
        if repos is None:  # go() refuses content screens without an archive; be sure
            raise LookupError(f"The {key} screen needs an archive.")
        # Imported with the first screen after attract, not before the first frame.
        from khojaly_kiosk.ui.registry import SCREENS

        return SCREENS[key](repos, self, self.services)

    def _show(self, key: str, args: dict[str, Any]) -> None:
        self._begin_transition()
        self._current = (key, dict(args))
        self._enter(key, args)
        self._guard.arm()  # counted from now, not from before the screen was built
        self.screenChanged.emit(key)

    def _enter(self, key: str, args: dict[str, Any]) -> None:
        try:
            target = self.screen_for(key)
            self._translate(key)
            target.enter(**args)
        except Exception:
            # A broken archive row or a bug must never leave a visitor facing a traceback.
            log.exception("Showing the %s screen failed; showing the unavailable screen.", key)
            if key == nav_keys.UNAVAILABLE:
                raise
            self._history.clear()
            self._current = (nav_keys.UNAVAILABLE, {})
            target = self.screen_for(nav_keys.UNAVAILABLE)
            key = nav_keys.UNAVAILABLE
        # A failed screen keeps the top bar (Home still works); no archive at all does not.
        full = key == nav_keys.ATTRACT or (key == nav_keys.UNAVAILABLE and self.repos is None)
        self.top_bar.setVisible(not full)
        self.source_strip.setVisible(not full)
        self.top_bar.set_title(target.title())
        self.top_bar.set_back_visible(key != nav_keys.HOME)
        self.top_bar.set_at_home(key == nav_keys.HOME)
        self.source_strip.set_source(target.current_source(), self._language)
        with self._app_events_paused():
            self.stack.setCurrentWidget(target)

    def _screen_source_changed(self, key: str, source: Credit) -> None:
        if self.current_key == key:
            self.source_strip.set_source(source, self._language)

    def _open_sources(self, source_id: str) -> None:
        if source_id:
            self.show_source(source_id)
        else:
            self.go(nav_keys.SOURCES)

    def _wake(self) -> None:
        # While the archive is still being opened a touch only wakes the loop's title.
        if (self.current_key == nav_keys.ATTRACT and not self._transitioning
                and self.repos is not None):
            self._history.clear()
            self._show(nav_keys.HOME, {})

    def _begin_transition(self) -> None:
        self._transitioning = True
        app = QApplication.instance()
        if app is not None:
            app_events(app).add(self._guard, PRESSES)

    def _end_transition(self) -> None:
        self._unlock.stop()
        self._transitioning = False
        app = QApplication.instance()
        if app is not None:
            app_events(app).remove(self._guard)

    def _schedule_restyle(self, *_args: object) -> None:
        state = self.accessibility
        self.top_bar.show_text_scale(state.text_scale)
        self.top_bar.show_high_contrast(state.high_contrast)
        if self.top_bar.isVisible():
            self.top_bar.repaint()  # the new state on screen now, before the restyle's work
        self._restyle_timer.start()

    def restyle_pending(self) -> bool:
        return self._restyle_timer.isActive()

    def _restyle(self, *_args: object, everything: bool = False) -> None:
        """Put the window in the visitor's palette and text size.

        The application's stylesheet is never set again (that re-polished ~1,900 widgets, 1-2 s
        a tap): two marks on the window change (``theme.style_marks``), the visible widgets
        are re-polished now and each hidden screen or overlay when it is next shown.
        """
        self._restyle_timer.stop()
        state = self.accessibility
        set_active_palette(state.high_contrast)
        for name, value in style_marks(state.high_contrast, state.text_scale).items():
            self.setProperty(name, value)
        if everything:
            self._restyler.restyle_all()
        else:
            self._restyler.restyle_visible()
        self.restyled.emit()

    def is_restyle_waiting(self, widget: QWidget) -> bool:
        """True while a hidden screen or overlay waits to take the current style when shown."""
        return self._restyler.is_stale(widget)

    def _is_lazy_root(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        return parent is self.stack or (parent is self and widget is not self.centralWidget())

    def _retranslate_all(self) -> None:
        """The chrome and the screen on show now; every other screen when it is next shown
        (retranslating all built screens on each language tap cost 0.5-1 s)."""
        self.top_bar.retranslate()
        self.source_strip.retranslate()
        if self._current is not None:
            self._translate(self._current[0])
        if self._current is not None:
            target = self._screens.get(self._current[0])
            if target is not None:
                self.top_bar.set_title(target.title())

    def _translate(self, key: str) -> None:
        built = self._screens.get(key)
        if built is not None:
            self._translation.bring_up_to_date(key, built, self._language)

    def _language_event(self) -> None:
        """Qt's LanguageChange (a translator was installed), delivered by hand (see
        ``LazyTranslation.deliver``), then the chrome and the screen on show retranslated."""
        self._translation.deliver(self, (self.top_bar, self.source_strip), self._screens,
                                  self.current_key)
        self._retranslate_all()

    def is_translation_waiting(self, key: str) -> bool:
        """True while the built screen ``key`` still shows an earlier language (hidden)."""
        return self._translation.is_behind(key, self._language)

    def hideEvent(self, event: QHideEvent) -> None:
        self._end_transition()  # a hidden shell must not keep filtering the application's input
        super().hideEvent(event)

    def event(self, event: QEvent) -> bool:
        # The i18n helper installs a QTranslator; Qt then tells every window, which would pass
        # it on to every widget inside: see _language_event.
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self._language_event()
            return True
        if kind == QEvent.Type.UpdateRequest:  # the window's paint pass
            with self._app_events_paused():
                handled = super().event(event)
            if self._transitioning:
                self._guard.painted()
            return handled
        return super().event(event)

    def _app_events_paused(self) -> AbstractContextManager[None]:
        """The kiosk's input watchers step aside for a screen switch or a paint pass: no
        input arrives inside either, and their ~1,000 events cost a third of a tap."""
        app = QApplication.instance()
        return app_events(app).paused() if app is not None else nullcontext()
