"""Four large buttons, one per language, each named in its own language."""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from khojaly_kiosk.settings import LANGUAGES
from khojaly_kiosk.ui.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES
from khojaly_kiosk.ui.theme import Palette, palette

_STYLE = """
LanguageButton {{
    background: transparent; color: {secondary}; border: none;
    border-bottom: 3px solid transparent;
    font-family: "Noto Sans"; font-size: 24px; padding: 8px 20px; min-height: 64px;
}}
LanguageButton:pressed {{ background: {pressed}; }}
LanguageButton:checked {{ color: {text}; border-bottom: 4px solid {indicator}; }}
"""


def _style(pal: Palette) -> str:
    return _STYLE.format(**asdict(pal))


class LanguageButton(QPushButton):
    """A language's own name; the chosen one is bold and underlined (not marked by colour alone)."""

    def __init__(self, lang: str, compact: bool, parent: QWidget) -> None:
        super().__init__(lang.upper() if compact else LANGUAGE_NAMES[lang], parent)
        self.lang = lang
        self.setCheckable(True)
        # Clicks must not take focus away from a search field; Tab can still reach the buttons.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(64, 64)
        self.setAccessibleName(LANGUAGE_NAMES[lang])  # no tooltip: touch has no hover

    def reserve_bold_width(self) -> None:
        """Keep the width the bold label needs, so marking a language never shifts the row."""
        self.ensurePolished()
        bold = QFont(self.font())
        bold.setBold(True)
        needed = QFontMetrics(bold).horizontalAdvance(self.text()) + 48  # 2 x 20 px padding + air
        self.setMinimumWidth(max(self.minimumWidth(), needed))

    def set_current(self, current: bool) -> None:
        self.setChecked(current)
        font = self.font()
        font.setBold(current)
        font.setUnderline(current)
        self.setFont(font)


class LanguagePicker(QWidget):
    """Emits ``languageChosen(lang)`` when the visitor taps a language other than the current one.

    ``compact=True`` shows the codes (AZ EN RU TR) for the top bar; names stay the accessible names.
    """

    languageChosen = Signal(str)

    def __init__(self, current: str = DEFAULT_LANGUAGE, compact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_style(palette(False)))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self._buttons: dict[str, LanguageButton] = {}
        for lang in LANGUAGES:
            button = LanguageButton(lang, compact, self)
            button.clicked.connect(lambda _=False, code=lang: self._chosen(code))
            row.addWidget(button)
            button.reserve_bold_width()
            self._buttons[lang] = button
        self._current = ""
        self.set_current(current)
        self._retranslate()

    def current(self) -> str:
        return self._current

    def set_current(self, lang: str) -> None:
        """Mark ``lang`` as the current language without emitting (the shell calls this)."""
        if lang not in self._buttons:
            raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
        self._current = lang
        for code, button in self._buttons.items():
            button.set_current(code == lang)

    def set_high_contrast(self, on: bool) -> None:
        """Restyle with the high-contrast palette (the shell forwards the visitor's choice)."""
        self.setStyleSheet(_style(palette(on)))

    def button(self, lang: str) -> LanguageButton:
        return self._buttons[lang]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Language"))

    def _chosen(self, lang: str) -> None:
        previous = self._current
        self.set_current(lang)  # re-check the tapped button even when it was already current
        if lang != previous:
            self.languageChosen.emit(lang)
