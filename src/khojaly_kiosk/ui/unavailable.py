"""Calm message screens: the archive is unavailable, or a section is not installed yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screens.base import Screen
from khojaly_kiosk.ui.widgets.text import plain_label


class _MessageScreen(Screen):
    def __init__(self, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(nav, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(160, 96, 160, 96)
        layout.setSpacing(24)
        layout.addStretch(1)
        self.heading_label = plain_label("", "heading")
        self.hint_label = plain_label("", "secondary")
        for label in (self.heading_label, self.hint_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)


class UnavailableScreen(_MessageScreen):
    """Shown when the archive cannot be opened: one calm sentence, never a traceback."""

    def __init__(self, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(nav, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading_label.setText(self.tr("This exhibit is temporarily unavailable."))
        self.hint_label.setText(self.tr("Please ask a member of staff for help."))


class ComingSoonScreen(_MessageScreen):
    """Stands in for a section whose screen is not installed in this build."""

    def __init__(self, nav: Navigator, section_title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(nav, parent)
        self._section_title = section_title
        self.retranslate()

    def title(self) -> str:
        return self._section_title

    def enter(self, **args: Any) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.heading_label.setText(self.tr("This section is coming soon."))
        self.hint_label.setText(self.tr("Please return to the home screen to continue."))
