"""The "Are you still there?" overlay shown while the idle countdown runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from khojaly_kiosk.kiosk.idle import IdleWatcher
from khojaly_kiosk.ui.widgets.overlay import Overlay
from khojaly_kiosk.ui.widgets.text import plain_label

CONTINUE_MIN_HEIGHT = 96  # VISUAL.md asks >= 64 px; the one button that matters here is bigger
CARD_WIDTH = 960


class CountdownOverlay(Overlay):
    """Dims the screen, asks the visitor whether they are still there, counts down.

    Wire it with :meth:`attach`; ``continued`` is emitted when the button is pressed.
    """

    continued = Signal()

    def __init__(self, parent: QWidget) -> None:
        # The screen underneath stays faintly visible: nothing is lost yet.
        super().__init__(parent, alpha=235)
        self.setObjectName("countdownOverlay")
        self._remaining = 0
        # The question stands on a card of its own, opaque, in the middle: over the dimmed
        # screen, loose text read as part of the page beneath.
        self.card = QFrame(self)
        self.card.setObjectName("countdownCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.card.setMaximumWidth(CARD_WIDTH)
        self.question = plain_label("", "title", self.card)
        self.question.setObjectName("countdownQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds = plain_label("", "secondary", self.card)
        self.seconds.setObjectName("countdownSeconds")
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(self.card)
        self.button.setObjectName("countdownContinue")
        self.button.setMinimumSize(360, CONTINUE_MIN_HEIGHT)
        self.button.clicked.connect(self._continue)

        inside = QVBoxLayout(self.card)
        inside.setContentsMargins(64, 56, 64, 56)
        inside.setSpacing(0)
        inside.addWidget(self.question)
        inside.addSpacing(24)
        inside.addWidget(self.seconds)
        inside.addSpacing(48)
        inside.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(2)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.retranslate()

    def attach(self, watcher: IdleWatcher) -> None:
        """Show and hide with ``watcher``'s countdown; Continue counts as activity."""
        watcher.countdownStarted.connect(self.start)
        watcher.countdownTick.connect(self.set_remaining)
        watcher.countdownCancelled.connect(self.hide)
        watcher.idleTimeout.connect(self.hide)
        self.continued.connect(watcher.poke)

    def start(self, seconds: int) -> None:
        self.set_remaining(seconds)
        self.show_on_top()
        self.button.setFocus()

    def set_remaining(self, seconds: int) -> None:
        self._remaining = max(0, seconds)
        self.seconds.setText(
            self.tr("Returning to the start in %n seconds.", "", self._remaining))

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.button.setText(self.tr("Continue"))
        self.set_remaining(self._remaining)

    def _continue(self) -> None:
        self.hide()
        self.continued.emit()
