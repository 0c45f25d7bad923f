"""The 64 px strip at the bottom: the current item's source and a way to all sources."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from khojaly_kiosk.archive.records import SourceRecord
from khojaly_kiosk.ui.widgets.buttons import TouchButton, chevron_icon, set_trailing_icon
from khojaly_kiosk.ui.widgets.text import ElidedLabel, plain_label

HEIGHT = 80


class SourceStrip(QFrame):
    """Shows "Source: <short citation>"; ``sources_requested(source_id)`` ("" for all)."""

    sources_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SourceStrip")
        # At least 80 px; taller only when its own sentence (no source) wraps, e.g. a long
        # translation at the largest text step on a portrait screen. The stack above stretches.
        self.setMinimumHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(96, 8, 48, 8)
        layout.setSpacing(24)
        self._source: SourceRecord | None = None
        # A citation is archive content and may end in "…"; the strip's own sentence is UI
        # text and must be read whole, so it wraps instead.
        self.citation_label = ElidedLabel("", "caption")
        self.note_label = plain_label("", "caption")
        self.sources_button = TouchButton("", "quiet")
        set_trailing_icon(self.sources_button, chevron_icon("right", 24))
        self.sources_button.clicked.connect(self._open)
        layout.addWidget(self.citation_label, 1)
        layout.addWidget(self.note_label, 1)
        layout.addWidget(self.sources_button)
        self.retranslate()

    def _open(self) -> None:
        self.sources_requested.emit(self._source.id if self._source else "")

    def set_source(self, source: SourceRecord | None) -> None:
        self._source = source
        self._refresh()

    def source(self) -> SourceRecord | None:
        return self._source

    def _refresh(self) -> None:
        if self._source is None:
            self.note_label.setText(self.tr("Every item in this exhibit names its source."))
            self.citation_label.set_full_text("")
        else:
            self.note_label.setText("")
            self.citation_label.set_full_text(
                self.tr("Source: %s") % (self._source.short or self._source.title))
        self.note_label.setVisible(self._source is None)
        self.citation_label.setVisible(self._source is not None)

    def text(self) -> str:
        """The line a visitor reads: the citation, or the strip's own sentence."""
        return self.note_label.text() if self._source is None else self.citation_label.full_text()

    def retranslate(self) -> None:
        self.sources_button.setText(self.tr("Sources"))
        self._refresh()
