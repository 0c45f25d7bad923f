"""A full-window overlay: covers its parent, follows its size, paints a fill from the palette.

The idle countdown, the closed-hours screen and the staff room are overlays on the kiosk window.
Their text and buttons are styled by ``resources/styles/kiosk.qss`` with the same palette tokens
as every screen, so high contrast reaches them too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from khojaly_kiosk.ui.theme import current_palette


class Overlay(QWidget):
    """Covers its parent completely and paints the palette's background (``alpha`` 0-255).

    Args:
        parent: the widget to cover (the kiosk window).
        alpha: how opaque the fill is; below 255 the screen underneath stays faintly visible.
        black: paint pure black whatever the palette (the closed screen draws little power).
    """

    def __init__(self, parent: QWidget, alpha: int = 255, black: bool = False) -> None:
        super().__init__(parent)
        self._alpha = alpha
        self._black = black
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(False)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def fill_colour(self) -> QColor:
        colour = QColor("#000000" if self._black else current_palette().background)
        colour.setAlpha(self._alpha)
        return colour

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._cover()
        return False

    def show_on_top(self) -> None:
        self._cover()
        self.show()
        self.raise_()

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.fill_colour())
