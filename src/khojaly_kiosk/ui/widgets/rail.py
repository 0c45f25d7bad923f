"""A horizontal, finger-draggable rail of cards, and a swipe detector for any widget."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
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
from khojaly_kiosk.ui.widgets.text import ClampedLabel

CARD_WIDTH = 360
CARD_HEIGHT = 208  # at the first text step: room for a date line and three title lines
TITLE_PX = 28  # the card title's size at the first text step (commemoration.qss cardTitle)


class RailCard(QPushButton):
    """One card: a small overline (a date, at most two lines) and a title, both plain text.

    The card grows with the text-size step (the stylesheet sets the fonts), so a larger step
    keeps whole lines instead of cutting them.
    """

    def __init__(self, overline: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setProperty("variant", "railCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # The labels are transparent to the mouse: a tap lands on the card.
        self.overline = ClampedLabel(overline, "secondary", max_lines=2)
        # Fixed, not Ignored: a layout places an Ignored item by its (zero) size hint.
        self.overline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.title_label = ClampedLabel(title, "cardTitle")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(8)
        column.addWidget(self.overline)
        column.addWidget(self.title_label, 1)  # fills the card: it clamps to the lines that fit
        self.setAccessibleName(f"{overline}. {title}")
        for label in (self.overline, self.title_label):
            label.installEventFilter(self)
        self._fit()

    def _fit(self) -> None:
        """Size the card for its fonts: one date line and three title lines at least."""
        self.title_label.ensurePolished()
        self.overline.ensurePolished()
        pixels = self.title_label.font().pixelSize()
        scale = max(1.0, pixels / TITLE_PX) if pixels > 0 else 1.0
        width = round(CARD_WIDTH * scale)
        date_line = self.overline.fontMetrics().lineSpacing()
        title_line = self.title_label.fontMetrics().lineSpacing()
        height = max(CARD_HEIGHT, 48 + date_line + 3 * title_line)
        date_lines = max(1, min(2, self.overline.line_count(width - 48)))
        self.overline.setFixedHeight(date_lines * date_line)
        # Every time: a restyle re-applies the stylesheet's minimum size to the card.
        self.setFixedSize(width, height)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            self._fit()
        return handled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new text-size step restyles the labels: the card follows their fonts.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
        return False


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
        self.setFixedHeight(CARD_HEIGHT + 16)
        self._inner = QWidget()
        self._inner.installEventFilter(self)
        self._row = QHBoxLayout(self._inner)
        self._row.setContentsMargins(0, 8, 0, 8)
        self._row.setSpacing(24)
        self._row.addStretch(1)
        self.setWidget(self._inner)
        self.cards: list[RailCard] = []
        self._current = -1
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
        self._current = index
        for i, card in enumerate(self.cards):
            card.setChecked(i == index)
        self._show_current()
        # New cards have no geometry until the layout runs: scroll again once it has.
        QTimer.singleShot(0, self, self._show_current)

    def _show_current(self) -> None:
        if 0 <= self._current < len(self.cards):
            self.ensureWidgetVisible(self.cards[self._current], CARD_WIDTH // 2, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Cards grow with the text size: the rail grows with its tallest card.
        if watched is self._inner and event.type() == QEvent.Type.LayoutRequest:
            tallest = max((card.height() for card in self.cards), default=CARD_HEIGHT)
            margins = self._row.contentsMargins()
            wanted = tallest + margins.top() + margins.bottom()
            if self.height() != wanted:
                self.setFixedHeight(wanted)
        return super().eventFilter(watched, event)


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
