"""A horizontal, finger-draggable rail of cards, and a swipe detector for any widget."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from khojaly_kiosk.ui.widgets.chips import grab_horizontal
from khojaly_kiosk.ui.widgets.text import plain_label

CARD_WIDTH = 360
CARD_HEIGHT = 184


class RailCard(QPushButton):
    """One card: a small overline (a date) and a title, both plain text."""

    def __init__(self, overline: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setProperty("variant", "railCard")
        self.setFixedSize(CARD_WIDTH, CARD_HEIGHT)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # plain_label labels are transparent to the mouse: a tap lands on the card.
        self.overline = plain_label(overline, "secondary")
        self.title_label = plain_label(title, "cardTitle")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(8)
        column.addWidget(self.overline)
        column.addWidget(self.title_label, 1, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(f"{overline}. {title}")


class Rail(QScrollArea):
    """Cards in one row; tap one to select it. Emits the index of the tapped card."""

    cardActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(CARD_HEIGHT + 24)
        self._inner = QWidget()
        self._row = QHBoxLayout(self._inner)
        self._row.setContentsMargins(0, 8, 0, 8)
        self._row.setSpacing(24)
        self._row.addStretch(1)
        self.setWidget(self._inner)
        self.cards: list[RailCard] = []
        grab_horizontal(self)

    def set_cards(self, items: list[tuple[str, str]]) -> None:
        """Replace the cards with ``(overline, title)`` pairs."""
        for card in self.cards:
            self._row.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        for index, (overline, title) in enumerate(items):
            card = RailCard(overline, title)
            card.clicked.connect(lambda _=False, i=index: self.cardActivated.emit(i))
            self._row.insertWidget(self._row.count() - 1, card, 0, Qt.AlignmentFlag.AlignTop)
            self.cards.append(card)

    def set_current(self, index: int) -> None:
        """Mark card ``index`` selected and bring it into view."""
        for i, card in enumerate(self.cards):
            card.setChecked(i == index)
        if 0 <= index < len(self.cards):
            self.ensureWidgetVisible(self.cards[index], CARD_WIDTH // 2, 0)


class SwipeDetector(QObject):
    """Turns a horizontal finger drag over ``target`` into ``swipedLeft``/``swipedRight``.

    A drag counts when it travels at least ``threshold`` px and mostly sideways, so reading
    (vertical) scrolls and taps are left alone.
    """

    swipedLeft = Signal()
    swipedRight = Signal()

    def __init__(self, target: QWidget, threshold: int = 120) -> None:
        super().__init__(target)
        self._threshold = threshold
        self._start: QPointF | None = None
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._start = event.globalPosition()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            start, self._start = self._start, None
            if start is not None:
                delta = event.globalPosition() - start
                if abs(delta.x()) >= self._threshold and abs(delta.x()) > 2 * abs(delta.y()):
                    (self.swipedLeft if delta.x() < 0 else self.swipedRight).emit()
        return False
