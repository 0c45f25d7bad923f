"""The strip at the bottom: the current item's credit and a way to all sources."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from khojaly_kiosk.archive.records import Attribution, SourceRecord
from khojaly_kiosk.ui.widgets.buttons import TouchButton, chevron_icon, set_trailing_icon
from khojaly_kiosk.ui.widgets.credit import Credit, CreditLine, as_attribution
from khojaly_kiosk.ui.widgets.text import plain_label

HEIGHT = 80


class SourceStrip(QFrame):
    """Shows "Source: <credit>"; ``sources_requested(source_id)`` ("" for all).

    The credit names the item's document and whom it quotes ("Source: Exhibition text, quoting
    ..."); its Sources button opens the one work quoted, else the document.
    """

    sources_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SourceStrip")
        self.setProperty("readRow", True)  # read left to right (ui.tour_text)
        # At least 80 px; taller when a credit or its own sentence wraps (a long credit, a long
        # translation at the largest text step on a portrait screen). The stack above stretches.
        self.setMinimumHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(96, 8, 48, 8)
        layout.setSpacing(24)
        self._credit: Attribution = Attribution()
        self._lang = "en"
        # A credit is read whole: it wraps rather than ending in "…".
        self.citation_label = CreditLine()
        self.citation_label.setObjectName("StripCredit")
        self.note_label = plain_label("", "caption")
        self.sources_button = TouchButton("", "quiet")
        set_trailing_icon(self.sources_button, chevron_icon("right", 24))
        self.sources_button.clicked.connect(self._open)
        layout.addWidget(self.citation_label, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.note_label, 1)
        layout.addWidget(self.sources_button)
        self.retranslate()

    def _open(self) -> None:
        primary = self._credit.primary
        self.sources_requested.emit(primary.id if primary else "")

    def set_source(self, source: Credit, lang: str | None = None) -> None:
        """Show the credit of ``source`` (an ``Attribution``, a bare source, or None)."""
        credit = as_attribution(source)
        if credit == self._credit and lang in (None, self._lang):
            return  # the same words: every screen change sets it, most to what it shows
        self._credit = credit
        if lang is not None:
            self._lang = lang
        self._refresh()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._refresh()

    def source(self) -> SourceRecord | None:
        """The source its button opens (the one work quoted, else the document)."""
        return self._credit.primary

    def credit(self) -> Attribution:
        return self._credit

    def _refresh(self) -> None:
        empty = self._credit.is_empty
        if empty:
            self.note_label.setText(self.tr("Every item in this exhibit names its source."))
        else:
            self.note_label.setText("")
        self.citation_label.set_prefix(self.tr("Source: %1"))
        self.citation_label.set_credit(self._credit, self._lang)
        self.note_label.setVisible(empty)
        self.citation_label.setVisible(not empty)

    def text(self) -> str:
        """The line a visitor reads: the credit, or the strip's own sentence."""
        return self.note_label.text() if self._credit.is_empty else self.citation_label.text()

    def retranslate(self) -> None:
        self.sources_button.setText(self.tr("Sources"))
        self._refresh()
