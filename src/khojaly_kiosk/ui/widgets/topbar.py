"""The 96 px bar on every screen except attract: Back, section title, text size, contrast,
languages, Home.

The text-size and contrast buttons show their state ("Aa ×1.25"; contrast checked and
underlined when on). They change the moment they are tapped; the restyle they ask for follows
(the shell runs it once the new state is painted, so the finger sees at once that it worked).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QWidget

from khojaly_kiosk.settings import LANGUAGES
from khojaly_kiosk.ui.i18n import format_number
from khojaly_kiosk.ui.widgets.buttons import TouchButton, chevron_icon, contrast_icon
from khojaly_kiosk.ui.widgets.text import ElidedLabel

HEIGHT = 96


class TopBar(QFrame):
    """Emits what the visitor asked for; the shell decides what happens."""

    back_requested = Signal()
    home_requested = Signal()
    language_requested = Signal(str)
    text_size_requested = Signal()
    contrast_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setFixedHeight(HEIGHT)
        self._scale = 1.0
        self._lang = LANGUAGES[0]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 16)
        layout.setSpacing(16)
        self._layout = layout
        self.back_button = TouchButton("", "quiet")
        self.back_button.setIcon(chevron_icon("left", 28))
        self.back_button.setIconSize(QSize(28, 28))
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = ElidedLabel("", "sectionTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The language picker is a hook area: the i18n helper may replace these buttons.
        self.language_area = QWidget()
        lang_layout = QHBoxLayout(self.language_area)
        lang_layout.setContentsMargins(0, 0, 0, 0)
        lang_layout.setSpacing(0)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, TouchButton] = {}
        for lang in LANGUAGES:
            button = TouchButton(lang.upper(), "lang")
            button.setCheckable(True)
            button.setAccessibleName(lang)
            button.clicked.connect(
                lambda _checked=False, code=lang: self.language_requested.emit(code))
            self.language_group.addButton(button)
            self.language_buttons[lang] = button
            lang_layout.addWidget(button)
        self.home_button = TouchButton("", "quiet")
        self.home_button.clicked.connect(self.home_requested)
        # Accessibility: text size steps (x1, x1.25, x1.5) and high contrast.
        self.text_size_button = TouchButton("Aa", "lang")
        self.text_size_button.setObjectName("textSizeButton")
        self.text_size_button.clicked.connect(self.text_size_requested)
        self.contrast_button = TouchButton("", "lang")
        self.contrast_button.setObjectName("contrastButton")
        self.contrast_button.setIcon(contrast_icon(32))
        self.contrast_button.setIconSize(QSize(32, 32))
        self.contrast_button.setCheckable(True)
        self.contrast_button.clicked.connect(self.contrast_requested)
        layout.addWidget(self.back_button)
        layout.addWidget(self.title_label, 1)
        layout.addWidget(self.text_size_button)
        layout.addWidget(self.contrast_button)
        layout.addWidget(self.language_area)
        layout.addWidget(self.home_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back"))
        self.home_button.setText(self.tr("Home"))
        self._show_states()

    def show_text_scale(self, scale: float) -> None:
        """Show the text-size step now (before the restyle it asks for is done)."""
        self._scale = scale
        self._show_states()

    def show_high_contrast(self, on: bool) -> None:
        """Show the contrast state now (checked and underlined while on)."""
        self.contrast_button.setChecked(on)
        self._show_states()

    def _show_states(self) -> None:
        factor = format_number(self._scale, self._lang)
        self.text_size_button.setText(f"Aa ×{factor}")
        self.text_size_button.setAccessibleName(
            self.tr("Text size: %1 times").replace("%1", factor))
        on = self.contrast_button.isChecked()
        self.contrast_button.setAccessibleName(
            self.tr("High contrast: on") if on else self.tr("High contrast: off"))
    def set_title(self, title: str) -> None:
        self.title_label.set_full_text(title)

    def set_language(self, lang: str) -> None:
        button = self.language_buttons.get(lang)
        if button is not None:
            button.setChecked(True)
            self._lang = lang
            self._show_states()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Wide screens line Back up with the content's 96 px margin (a quiet button pads its
        # text by 16 px); narrow (portrait) ones give the section title the margin they save.
        wide = self.width() >= 1400
        side = 80 if wide else 16
        self._layout.setContentsMargins(side, 16, side, 16)
        self._layout.setSpacing(16 if wide else 4)

    def set_back_visible(self, visible: bool) -> None:
        # Keep the space so the title does not jump when Back appears.
        policy = self.back_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.back_button.setSizePolicy(policy)
        self.back_button.setVisible(visible)

    def set_at_home(self, at_home: bool) -> None:
        """At home there is nowhere back to and no Home to go to: neither button shows, and
        nothing keeps their place (the page's own title is the title there)."""
        policy = self.back_button.sizePolicy()
        policy.setRetainSizeWhenHidden(not at_home)
        self.back_button.setSizePolicy(policy)
        self.back_button.setVisible(not at_home)
        self.home_button.setVisible(not at_home)

    def title(self) -> str:
        return self.title_label.full_text()



