"""A full-window overlay base for the countdown and closed screens, and the kiosk palette.

The colours repeat VISUAL.md's palette so the kiosk widgets look right before (and without)
the application stylesheet; the theme's ``.qss`` can still restyle them by object name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

BACKGROUND = "#111315"
SURFACE = "#1B1E21"
SURFACE_PRESSED = "#24282C"
TEXT = "#ECEDEE"
SECONDARY = "#A9AEB3"
ACCENT = "#B3262E"
DIVIDER = "#2C3136"

TOUCH_MIN_PX = 64


def plain_label(parent: QWidget | None = None, *, object_name: str = "",
                point_px: int = 0, wrap: bool = True) -> QLabel:
    """A label that never interprets HTML (content and messages are shown as typed)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    if point_px:
        font = label.font()
        font.setPixelSize(point_px)
        label.setFont(font)
    return label


class Overlay(QWidget):
    """Covers its parent completely, follows its size, and paints a solid or dimmed fill."""

    def __init__(self, parent: QWidget, fill: QColor) -> None:
        super().__init__(parent)
        self._fill = fill
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(False)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def show_on_top(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._fill)
