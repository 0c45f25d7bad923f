"""Era chips, the in-content source (credit) line, and sideways dragging for scroll areas.

Labels come from ``widgets.text.plain_label`` (never rich text); content put on a button goes
through :func:`button_text` so an ``&`` in a source is not turned into a keyboard mnemonic.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QWidget,
)

from khojaly_kiosk.archive.records import Attribution, SourceRecord
from khojaly_kiosk.ui.theme import current_palette
from khojaly_kiosk.ui.widgets.buttons import ChipButton, FlowLayout, chevron_icon
from khojaly_kiosk.ui.widgets.cards import ClickableCard
from khojaly_kiosk.ui.widgets.credit import Credit, CreditLine, as_attribution


def button_text(text: str) -> str:
    """Escape ``&`` so content in a button label is shown as written."""
    return text.replace("&", "&&")


def grab_horizontal(area: QScrollArea) -> None:
    """Let a finger drag ``area`` sideways with momentum (touch screens have no wheel)."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)


class ChipBar(QWidget):
    """A band of chips that wraps onto more rows when they do not fit; one is checked.

    Every chip is always fully readable: a row that scrolled sideways hid the last chips
    behind the screen edge in portrait. Emits the tapped chip's key.
    """

    chipSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._chips: dict[str, ChipButton] = {}
        self._flow = FlowLayout(self, spacing=16)
        self._flow.setContentsMargins(0, 8, 0, 8)

    def set_chips(self, chips: list[tuple[str, str]]) -> None:
        """Replace the chips with ``(key, label)`` pairs, in order."""
        for chip in self._chips.values():
            self._group.removeButton(chip)
            self._flow.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips.clear()
        for key, label in chips:
            chip = ChipButton(button_text(label))
            chip.clicked.connect(lambda _=False, k=key: self.chipSelected.emit(k))
            self._group.addButton(chip)
            self._flow.addWidget(chip)
            self._chips[key] = chip
        self.updateGeometry()

    def chip(self, key: str) -> ChipButton | None:
        return self._chips.get(key)

    def chips(self) -> list[ChipButton]:
        return list(self._chips.values())

    def set_current(self, key: str | None) -> None:
        """Check the chip for ``key`` (without emitting); no chip for it: none is checked.

        A chip must never stay lit for an era that is no longer the selected one's.
        """
        chip = self._chips.get(key or "")
        if chip is not None:
            chip.setChecked(True)
            return
        self._group.setExclusive(False)  # an exclusive group cannot uncheck its last chip
        for other in self._chips.values():
            other.setChecked(False)
        self._group.setExclusive(True)

    def current(self) -> str | None:
        return next((k for k, c in self._chips.items() if c.isChecked()), None)


class SourceLink(ClickableCard):
    """A quiet, full-width tap target: a wrapping caption and a chevron after it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", False)
        self.setProperty("sourceLink", True)
        self.setMinimumSize(48, 64)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.label = CreditLine()  # plain text; a work's title in italics
        self.chevron = QLabel()
        self._chevron_colour = ""
        self._draw_chevron()
        self.chevron.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 8, 16, 8)
        row.setSpacing(12)
        row.addWidget(self.label, 1)
        row.addWidget(self.chevron, 0, Qt.AlignmentFlag.AlignVCenter)

    def _draw_chevron(self) -> None:
        colour = current_palette().text
        if colour != self._chevron_colour:
            self._chevron_colour = colour
            self.chevron.setPixmap(chevron_icon("right", 20, colour).pixmap(20, 20))

    def changeEvent(self, event: QEvent) -> None:
        # A contrast tap re-polishes the window (ui.restyle): the drawn chevron follows, as
        # the words do (a screen that keeps its source lines between visits keeps this one).
        if event.type() == QEvent.Type.StyleChange:
            self._draw_chevron()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        # As wide as the citation on one line (a layout gives no more than there is: then the
        # citation wraps); a wrapped label's own hint would break short citations in two.
        hint = super().sizeHint()
        one_line = self.label.fontMetrics().horizontalAdvance(self.label.text())
        return QSize(one_line + 12 + 20 + 16 + 4, hint.height())


class SourceLine(QWidget):
    """"Source: <credit>", itself the way to the Sources screen (one quiet row).

    The credit names the document and whom it quotes or reports (``widgets.credit``); a tap
    opens the one work quoted, else the document. No "Sources" button is repeated on every
    card beside the one in the source strip. ``button`` is that row.
    """

    sourceRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._credit: Attribution = Attribution()
        self._lang = "en"
        row = QHBoxLayout(self)
        self.setProperty("readRow", True)  # read left to right (ui.tour_text)
        row.setContentsMargins(0, 0, 0, 0)
        self.button = SourceLink()
        self.button.clicked.connect(self._open)
        self.label = self.button.label
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.set_source(None)

    def set_source(self, source: Credit, lang: str | None = None) -> None:
        """Show the credit of ``source`` (an ``Attribution``, a bare source, or None)."""
        self._credit = as_attribution(source)
        if lang is not None:
            self._lang = lang
        self.setVisible(not self._credit.is_empty)
        self.retranslate()

    def source(self) -> SourceRecord | None:
        """The source the button opens."""
        return self._credit.primary

    def credit(self) -> Attribution:
        return self._credit

    def text(self) -> str:
        return self.label.text()

    def retranslate(self) -> None:
        self.label.set_prefix(self.tr("Source: %1"))
        self.label.set_credit(self._credit, self._lang)
        self.button.setAccessibleName(self.tr("Open this source"))
        self.button.setAccessibleDescription(self.label.text())

    def _open(self) -> None:
        primary = self._credit.primary
        if primary is not None:
            self.sourceRequested.emit(primary.id)
