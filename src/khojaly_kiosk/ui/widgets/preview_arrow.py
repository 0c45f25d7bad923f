"""The timeline's side arrows: each says where it leads (the neighbouring event's date and
heading), beside the slide in landscape, under it in portrait."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from khojaly_kiosk.ui.widgets.buttons import TouchButton, chevron_icon
from khojaly_kiosk.ui.widgets.text import ClampedLabel, plain_label

ARROW_WIDTH = 240  # an arrow beside the slide (landscape)
ARROW_HEIGHT = 150  # an arrow under the slide (portrait)
QWIDGETSIZE_MAX = 16_777_215


class PreviewArrow(TouchButton):
    """A side arrow that says where it leads: the neighbouring event's date and heading."""

    def __init__(self, direction: str, parent: QWidget | None = None) -> None:
        self._beside = True
        self.title = ClampedLabel("", "previewTitle", max_lines=5, whole_words=True)
        super().__init__("", "preview", parent)
        self.direction = direction
        self.chevron = QLabel()
        self.chevron.setPixmap(chevron_icon(direction, 40).pixmap(40, 40))
        self.chevron.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.date = plain_label("", "secondary")
        align = Qt.AlignmentFlag.AlignLeft if direction == "left" else Qt.AlignmentFlag.AlignRight
        for label in (self.date, self.title):
            label.setAlignment(align | Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(8)
        text.addWidget(self.date)
        text.addWidget(self.title, 1)  # as many whole lines as fit, the last ending in "…"
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 12, 12, 12)
        row.setSpacing(8)
        if direction == "left":
            row.addWidget(self.chevron, 0, Qt.AlignmentFlag.AlignVCenter)
            row.addLayout(text, 1)
        else:
            row.addLayout(text, 1)
            row.addWidget(self.chevron, 0, Qt.AlignmentFlag.AlignVCenter)
        self.set_beside(True)
        self.set_preview("", "")

    def set_beside(self, beside: bool) -> None:
        """Beside the slide (landscape): narrow and tall; under it (portrait): wide and low."""
        self._beside = beside
        if beside:
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
            self.setMinimumHeight(96)
            self.setMaximumHeight(QWIDGETSIZE_MAX)
            self.setFixedWidth(self.sizeHint().width())
        else:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.setMinimumWidth(0)
            self.setMaximumWidth(QWIDGETSIZE_MAX)
            self.setFixedHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        # The stylesheet's min-width/min-height re-apply on every polish: the hint holds. A
        # larger text step widens the arrow, so its lines keep whole words.
        size = self.title.font().pixelSize()
        grow = max(1.0, size / 24) if size > 0 else 1.0
        width = round(ARROW_WIDTH * grow)
        return QSize(width, 96) if self._beside else QSize(width, round(ARROW_HEIGHT * grow))

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange,
                            QEvent.Type.Polish):
            self._fit()
        return handled

    def _fit(self) -> None:
        hint = self.sizeHint()
        if self._beside and self.width() != hint.width():
            self.setFixedWidth(hint.width())
        elif not self._beside and self.height() != hint.height():
            self.setFixedHeight(hint.height())

    def set_preview(self, date: str, title: str) -> None:
        """Show where the arrow leads; with nowhere to go it is empty and cannot be tapped."""
        self.date.setText(date)
        self.title.set_full_text(title)
        self.date.setVisible(bool(date))
        self.setEnabled(bool(date or title))
        self.chevron.setVisible(bool(date or title))
        self.setAccessibleName(". ".join(p for p in (date, title) if p))

    def preview(self) -> tuple[str, str]:
        return self.date.text(), self.title.full_text()
