"""Kinetic scrolling for touch: drag anywhere to scroll, with momentum; a fade that says
more lies below; an area that asks for its widget's whole height."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QScrollerProperties, QWidget

from khojaly_kiosk.ui.theme import current_palette


class KineticScrollArea(QScrollArea):
    """A vertical QScrollArea that follows a finger (QScroller) and never scrolls sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        QScroller.grabGesture(self.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(self.viewport())
        props = scroller.scrollerProperties()
        # No rubber-band overshoot: a memorial text should not bounce.
        off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
        scroller.setScrollerProperties(props)

    def scroll_to_top(self) -> None:
        QScroller.scroller(self.viewport()).stop()
        self.verticalScrollBar().setValue(0)

    def scroll_to(self, widget: QWidget) -> None:
        """Bring ``widget`` (inside the scrolled content) to the top of the view."""
        content = self.widget()
        if content is None:
            return
        content.adjustSize()
        y = widget.mapTo(content, widget.rect().topLeft()).y()
        self.verticalScrollBar().setValue(max(0, y - 24))


class MoreBelow(QWidget):
    """A soft fade at the bottom of a scroll area while more text lies below it.

    A line cut by the edge of the view then reads as "there is more", not as a clipped page;
    it goes once the end is reached. Taps pass through it.
    """

    HEIGHT = 72

    def __init__(self, area: KineticScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.follow)
        bar.rangeChanged.connect(self.follow)
        area.installEventFilter(self)
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.follow()
        return False

    def follow(self, *_args: object) -> None:
        viewport = self._area.viewport().geometry()
        self.setGeometry(viewport.left(), viewport.bottom() - self.HEIGHT + 1,
                         viewport.width(), self.HEIGHT)
        bar = self._area.verticalScrollBar()
        self.setVisible(bar.value() < bar.maximum())
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        clear = QColor(current_palette().background)
        clear.setAlpha(0)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(1.0, QColor(current_palette().background))
        painter.fillRect(self.rect(), gradient)


class WholeWidgetArea(KineticScrollArea):
    """A scroll area that asks for its widget's whole height at its width (a plain
    QScrollArea asks for a capped guess): the widget is shown entire where it fits; where it
    does not, it scrolls, instead of raising the window's minimum past the screen (Qt would
    then grow a full-screen kiosk window off the screen). The timeline's advisory card."""

    def height_for(self, width: int) -> int:
        """The area's height that shows its whole widget at ``width`` (0 without one)."""
        widget = self.widget()
        if widget is None:
            return 0
        height = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
        if height < 0:
            height = widget.sizeHint().height()
        return height + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        # Until it is laid out, a viewport is Qt's default 100 px wide: the parent's width
        # (within the area's own maximum) is the better guess then.
        parent = self.parentWidget()
        width = self.viewport().width()
        if width <= 100 and parent is not None:
            width = min(parent.width(), self.maximumWidth())
        return QSize(widget.sizeHint().width(), self.height_for(width))
