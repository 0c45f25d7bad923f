"""Touch buttons: at least 64 px tall and 48 px wide, styled by a ``variant`` property."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QSizePolicy, QWidget

from khojaly_kiosk.ui.theme import BUTTON_HEIGHT, MIN_TOUCH


class TouchButton(QPushButton):
    """A QPushButton sized for a finger.

    Args:
        text: the label (plain text; QPushButton never interprets HTML).
        variant: "" (default), "primary", "quiet", "chip", "lang" or "side" (see base.qss).
    """

    def __init__(self, text: str = "", variant: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("variant", variant)
        self.setMinimumSize(MIN_TOUCH, BUTTON_HEIGHT)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Never narrower than the label: a button that cannot fit makes its layout wrap.
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)


class ChipButton(TouchButton):
    """A checkable filter chip (one of a group)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, "chip", parent)
        self.setCheckable(True)


class SideButton(TouchButton):
    """The large ◀ / ▶ buttons beside the reading column."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, "side", parent)
        self.setFixedSize(96, 96)


class FlowLayout(QLayout):
    """Lays buttons out left to right and wraps to a new row when the width runs out.

    Filter chips use it so that long labels or larger text steps wrap instead of clipping.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 16) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x = area.x()
                y += row_height + self._spacing
                row_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()
