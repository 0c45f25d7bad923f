"""The calm screen shown when the archive cannot be opened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import Screen
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
