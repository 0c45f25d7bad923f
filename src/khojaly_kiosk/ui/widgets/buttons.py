"""Touch buttons: at least 64 px tall and 48 px wide, styled by a ``variant`` property."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QSizePolicy, QWidget

from khojaly_kiosk.ui.theme import BUTTON_HEIGHT, MIN_TOUCH, current_palette


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
        # Tab reaches it (a keyboard user sees the focus ring); a tap does not focus it, so
        # no ring and no focused look stay behind after a finger leaves.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Never narrower than the label: a button that cannot fit makes its layout wrap.
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)


class ChipButton(TouchButton):
    """A checkable filter chip (one of a group), never narrower than its label.

    The stylesheet's ``min-width`` becomes an explicit minimum width, and a layout honours an
    explicit minimum over the label's size hint: in a crowded row chips were squeezed and their
    text clipped on both sides. The chip re-asserts its label width whenever style, font or text
    change, so a row that cannot fit scrolls or wraps instead.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, "chip", parent)
        self.setCheckable(True)
        self._fit_label()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_label()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_label()
        return handled

    def _fit_label(self) -> None:
        width = max(MIN_TOUCH, self.sizeHint().width())
        if self.minimumWidth() != width:
            self.setMinimumWidth(width)


_LEFT = ("◀", "‹", "<")
_RIGHT = ("▶", "›", ">")


def _icon(draw: Callable[[QPainter, float], None], size: int, color: str) -> QIcon:
    color = color or current_palette().text
    # Drawn at 2x so the shape stays crisp on high-density panels.
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), max(2.0, size / 12), Qt.PenStyle.SolidLine,
               Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    draw(painter, float(size))
    painter.end()
    icon = QIcon(pixmap)
    # A disabled previous/next has nowhere to go: it disappears rather than greying out.
    blank = QPixmap(size * 2, size * 2)
    blank.setDevicePixelRatio(2.0)
    blank.fill(Qt.GlobalColor.transparent)
    icon.addPixmap(blank, QIcon.Mode.Disabled)
    return icon


def chevron_icon(direction: str, size: int = 32, color: str = "") -> QIcon:
    """A vector chevron ("left" or "right"): the bundled fonts have no arrow glyphs."""

    def draw(p: QPainter, s: float) -> None:
        x0, x1 = (0.62 * s, 0.36 * s) if direction == "left" else (0.38 * s, 0.64 * s)
        path = QPainterPath(QPointF(x0, 0.2 * s))
        path.lineTo(QPointF(x1, 0.5 * s))
        path.lineTo(QPointF(x0, 0.8 * s))
        p.drawPath(path)

    return _icon(draw, size, color)


def playback_icon(playing: bool, size: int = 32, color: str = "") -> QIcon:
    """A filled triangle (play) or two bars (pause, shown while playing)."""

    def draw(p: QPainter, s: float) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(color))
        if playing:
            p.drawRoundedRect(QRectF(0.22 * s, 0.18 * s, 0.2 * s, 0.64 * s), 2, 2)
            p.drawRoundedRect(QRectF(0.58 * s, 0.18 * s, 0.2 * s, 0.64 * s), 2, 2)
        else:
            path = QPainterPath(QPointF(0.28 * s, 0.16 * s))
            path.lineTo(QPointF(0.84 * s, 0.5 * s))
            path.lineTo(QPointF(0.28 * s, 0.84 * s))
            path.closeSubpath()
            p.drawPath(path)

    return _icon(draw, size, color)


def contrast_icon(size: int = 32, color: str = "") -> QIcon:
    """A circle half filled: the usual mark for a high-contrast switch."""

    def draw(p: QPainter, s: float) -> None:
        box = QRectF(0.18 * s, 0.18 * s, 0.64 * s, 0.64 * s)
        p.drawEllipse(box)
        p.setBrush(QColor(color))
        p.drawPie(box, 90 * 16, 180 * 16)

    return _icon(draw, size, color)


def set_trailing_icon(button: QPushButton, icon: QIcon, size: int = 24) -> None:
    """Show ``icon`` after the text ("Sources ›") instead of before it."""
    button.setIcon(icon)
    button.setIconSize(QSize(size, size))
    button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)


class SideButton(TouchButton):
    """The large previous / next buttons beside a reading column or rail.

    Given an arrow ("◀", "▶", "‹", "›") it shows a drawn chevron, since the bundled fonts
    have no arrow glyphs; set ``accessibleName`` to say what it does.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        direction = "left" if text in _LEFT else "right" if text in _RIGHT else ""
        super().__init__("" if direction else text, "side", parent)
        self.setFixedSize(96, 96)
        if direction:
            self.setIcon(chevron_icon(direction, 48))
            self.setIconSize(QSize(48, 48))
            self.setAccessibleName(
                QCoreApplication.translate("SideButton", "Previous") if direction == "left"
                else QCoreApplication.translate("SideButton", "Next"))


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
