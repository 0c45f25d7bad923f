"""The content advisory: a card that names the witness and what the account describes.

Two buttons of equal weight (both outlined, neither the red call to action): "Read the account"
and "Back to the list" (or the caller's own way back). Nothing of the account is on the card:
before it a visitor sees only neutral facts (name, role, place, date, source).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from khojaly_kiosk.ui.widgets.buttons import TouchButton, chevron_icon, set_trailing_icon
from khojaly_kiosk.ui.widgets.text import plain_label

ADVISED = ("distressing", "graphic")


def is_advised(level: str) -> bool:
    """Whether an item of this advisory level is shown only after its advisory."""
    return level in ADVISED


def advisory_message(level: str, witness: str) -> str:
    """What the account describes, in the level's own words, naming the witness if known."""
    # QCoreApplication.translate spelled out in full: lupdate finds only literal calls.
    if level == "graphic":
        message = (QCoreApplication.translate(
            "Advisory", "The account of %1 contains graphic descriptions of killing, torture "
            "and mutilation.") if witness else QCoreApplication.translate(
            "Advisory", "This account contains graphic descriptions of killing, torture and "
            "mutilation."))
    else:
        message = (QCoreApplication.translate(
            "Advisory", "The account of %1 describes the deaths and suffering of civilians.")
            if witness else QCoreApplication.translate(
            "Advisory", "This account describes the deaths and suffering of civilians."))
    return message.replace("%1", witness)


class AdvisoryCard(QWidget):
    """Shown before a distressing or graphic account; the visitor chooses to read it or not.

    ``set_item(witness, level)`` fills it; ``continue_requested`` means "Read the account",
    ``back_requested`` the way back. ``compact`` makes a card that sits inside a page (the
    timeline's event, a name's page) instead of filling the screen.
    """

    continue_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        # A full page is painted in the screen colour (base.qss); a compact card sits on its page.
        self.setObjectName("AdvisoryPage" if compact else "Screen")
        self._witness = ""
        self._level = "graphic"
        self._back_text = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*((0, 0, 0, 0) if compact else (96, 48, 96, 48)))
        if not compact:
            outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("AdvisoryCard")
        self.card.setMaximumWidth(1000)
        if not compact:
            self.card.setMinimumWidth(760)
        # Preferred, not Maximum: a Maximum height is the size hint at the preferred width, so
        # a long translation at a larger text step was cut; the stretches around keep it centred.
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = self._inner = QVBoxLayout(self.card)
        margin = 40 if compact else 72
        inner.setContentsMargins(margin, 48 if not compact else 36, margin, 40 if compact else 56)
        inner.setSpacing(24)
        self.heading_label = plain_label("", "caption")
        self.message_label = plain_label("", "sectionTitle" if compact else "heading")
        self.hint_label = plain_label("", "secondary")
        for label in (self.heading_label, self.message_label, self.hint_label):
            inner.addWidget(label)
        inner.addSpacing(16)
        # Side by side when both labels fit, one above the other (both full width) when a long
        # translation at a large text step does not: equal weight either way.
        self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._buttons.setSpacing(24)
        self.back_button = TouchButton("", "outline")
        self.back_button.setIcon(chevron_icon("left", 28))
        self.back_button.setIconSize(QSize(28, 28))
        self.continue_button = TouchButton("", "outline")
        self.back_button.setObjectName("advisory-back")
        self.continue_button.setObjectName("advisory-continue")
        for button in (self.back_button, self.continue_button):
            button.setMinimumHeight(80)
            # Equal weight: same style, same share of the row.
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._buttons.addWidget(button, 1)
        inner.addLayout(self._buttons)
        centred = QHBoxLayout()
        if not compact:
            centred.addStretch(1)
        centred.addWidget(self.card, 100)
        if not compact:
            centred.addStretch(1)
        outer.addLayout(centred)
        if not compact:
            outer.addStretch(1)
        self.card.installEventFilter(self)
        self.back_button.clicked.connect(self.back_requested)
        self.continue_button.clicked.connect(self.continue_requested)
        self.retranslate()

    def set_item(self, witness: str, level: str) -> None:
        """Name the witness (may be "") and say what an account of ``level`` describes."""
        self._witness, self._level = witness, level
        self.retranslate()

    def set_back_text(self, text: str, forward: bool = False) -> None:
        """The other choice in the caller's words ("" = "Back to the list"), translated by it;
        ``forward`` when it moves on (its chevron then points ahead, after the words)."""
        self._back_text = text
        if forward:
            set_trailing_icon(self.back_button, chevron_icon("right", 28), 28)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading_label.setText(self.tr("Content advisory"))
        self.message_label.setText(advisory_message(self._level, self._witness))
        self.hint_label.setText(self.tr("It is your choice whether to read it."))
        self.back_button.setText(self._back_text or self.tr("Back to the list"))
        self.continue_button.setText(self.tr("Read the account"))
        self._fit_buttons()

    def buttons_stacked(self) -> bool:
        return self._buttons.direction() == QBoxLayout.Direction.TopToBottom

    def _fit_buttons(self) -> None:
        margins = self._inner.contentsMargins()
        inner = self.card.width() - margins.left() - margins.right()
        if inner <= 0:
            return
        half = (inner - self._buttons.spacing()) // 2
        need = max(b.sizeHint().width() for b in (self.back_button, self.continue_button))
        direction = (QBoxLayout.Direction.TopToBottom if need > half
                     else QBoxLayout.Direction.LeftToRight)
        if self._buttons.direction() != direction:
            self._buttons.setDirection(direction)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.card and event.type() == QEvent.Type.Resize:
            self._fit_buttons()  # the card's own width decides, once it is laid out
        return False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_buttons()
