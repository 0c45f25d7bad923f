"""Which language each built screen's words are in: a hidden screen is brought up to date
when it is next shown, not on every language tap (retranslating every built screen cost
0.5-1 s a tap; Qt's own LanguageChange went through ~1,900 widgets)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from khojaly_kiosk.ui.screen import Screen


class LazyTranslation:
    def __init__(self) -> None:
        self._language: dict[str, str] = {}  # screen key -> the language its words are in
        self._event_owed: set[str] = set()  # hidden screens owed Qt's LanguageChange

    def built(self, key: str, lang: str) -> None:
        self._language[key] = lang

    def forget(self, key: str) -> None:
        self._language.pop(key, None)
        self._event_owed.discard(key)

    def deliver(self, window: QMainWindow, chrome: Iterable[QWidget],
                screens: Mapping[str, Screen], current: str | None) -> None:
        """Qt's LanguageChange (a translator was installed), delivered by hand: to the window's
        overlays, its ``chrome`` and the screen on show now; to each other built screen when it
        is next shown (``bring_up_to_date``). Qt's own delivery sent it through ~1,900 widgets
        (and the application's event filters) on every language tap."""
        central = window.centralWidget()
        direct = window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        for child in [*(c for c in direct if c is not central and not c.isWindow()), *chrome]:
            QCoreApplication.sendEvent(child, QEvent(QEvent.Type.LanguageChange))
        self._event_owed = {key for key in screens if key != current}
        if current is not None and current in screens:
            QCoreApplication.sendEvent(screens[current], QEvent(QEvent.Type.LanguageChange))

    def bring_up_to_date(self, key: str, screen: Screen, lang: str) -> None:
        if key in self._event_owed:
            self._event_owed.discard(key)
            QCoreApplication.sendEvent(screen, QEvent(QEvent.Type.LanguageChange))
        if self._language.get(key) != lang:
            self._language[key] = lang
            screen.retranslate()

    def is_behind(self, key: str, lang: str) -> bool:
        """True while the built screen ``key`` still shows another language than ``lang``."""
        return key in self._language and self._language[key] != lang
