"""Page building blocks every screen shares: a kinetic scrolling page, the calm empty state,
and swapping a page body in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea
from khojaly_kiosk.ui.widgets.text import plain_label


def empty_state(text: str = "") -> QLabel:
    """A centred, quiet sentence for "nothing here yet"."""
    label = plain_label(text, "emptyState")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def scroll_page(margins: tuple[int, int, int, int] = (96, 32, 96, 48)
                ) -> tuple[KineticScrollArea, QVBoxLayout]:
    """A vertically kinetic page; returns the area and the column to fill."""
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.setContentsMargins(*margins)
    column.setSpacing(24)
    area = KineticScrollArea()
    area.setWidget(inner)
    return area, column


def replace_body(column: QVBoxLayout, old: QWidget, new: QWidget) -> QWidget:
    """Swap the page body in place; the old one disappears at once and is deleted later."""
    column.replaceWidget(old, new)
    old.hide()
    old.deleteLater()
    return new
