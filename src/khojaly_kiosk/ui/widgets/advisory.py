"""The content advisory: a full-screen card, one plain sentence, Continue and Back."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from khojaly_kiosk.ui.widgets.buttons import TouchButton, chevron_icon
from khojaly_kiosk.ui.widgets.text import plain_label


class AdvisoryCard(QWidget):
    """Shown before a distressing or graphic testimony; the visitor chooses to go on or not."""

    continue_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(96, 48, 96, 48)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("AdvisoryCard")
        self.card.setMinimumWidth(760)
        self.card.setMaximumWidth(1000)
        # Preferred, not Maximum: a Maximum height is the size hint at the preferred width, so
        # a long translation at a larger text step was cut; the stretches around keep it centred.
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(72, 64, 72, 56)
        inner.setSpacing(24)
        self.heading_label = plain_label("", "caption")
        self.message_label = plain_label("", "heading")
        self.hint_label = plain_label("", "secondary")
        for label in (self.heading_label, self.message_label, self.hint_label):
            inner.addWidget(label)
        inner.addSpacing(24)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        self.back_button = TouchButton("")
        self.back_button.setIcon(chevron_icon("left", 28))
        self.back_button.setIconSize(QSize(28, 28))
        self.continue_button = TouchButton("", "primary")
        self.back_button.setObjectName("advisory-back")
        self.continue_button.setObjectName("advisory-continue")
        for button in (self.back_button, self.continue_button):
            button.setMinimumHeight(80)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button)
        inner.addLayout(buttons)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.card, 100)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(1)
        self.back_button.clicked.connect(self.back_requested)
        self.continue_button.clicked.connect(self.continue_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading_label.setText(self.tr("Content advisory"))
        self.message_label.setText(self.tr("This account describes violence against civilians."))
        self.hint_label.setText(self.tr("You can continue to read it, or go back."))
        self.back_button.setText(self.tr("Back"))
        self.continue_button.setText(self.tr("Continue"))
