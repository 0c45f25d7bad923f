"""The index of a recorded testimony (OHMS segments): one tappable row per segment.

A row shows the segment's start time (when it has one), title, synopsis and keywords, all
plain text. Tapping it emits ``segmentChosen(segment)``; the reader seeks the player to the
segment's time or scrolls its text to the segment's paragraph.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from khojaly_kiosk.archive.records import SegmentRecord
from khojaly_kiosk.ui.widgets.cards import ClickableCard
from khojaly_kiosk.ui.widgets.text import plain_label

ROW_MIN_HEIGHT = 72  # px: a full-width row is an easy target


def format_time(ms: int) -> str:
    """``65000`` → ``"1:05"``; an hour or more → ``"1:02:05"``."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SegmentRow(ClickableCard):
    """One segment as a card-like row: time on the left, title / synopsis / keywords beside it."""

    def __init__(self, segment: SegmentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segment = segment
        self.setObjectName("SegmentRow")
        self.setMinimumHeight(ROW_MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(24)
        has_time = segment.start_seconds is not None
        self.time_label = plain_label(
            format_time((segment.start_seconds or 0) * 1000) if has_time else "",
            "segmentTime", wrap=False)
        self.time_label.setMinimumWidth(96)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.time_label.setVisible(has_time)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        self.title_label = plain_label(segment.title, "segmentTitle")
        self.synopsis_label = plain_label(segment.synopsis, "segmentSynopsis")
        self.synopsis_label.setVisible(bool(segment.synopsis))
        self.keywords_label = plain_label(", ".join(segment.keywords), "segmentKeywords")
        self.keywords_label.setVisible(bool(segment.keywords))
        texts.addWidget(self.title_label)
        texts.addWidget(self.synopsis_label)
        texts.addWidget(self.keywords_label)
        row.addWidget(self.time_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        self.setAccessibleName(segment.title)


class SegmentIndex(QWidget):
    """The "Index" section: a heading and the rows; hidden when there are no segments."""

    segmentChosen = Signal(object)  # SegmentRecord

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SegmentRow] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.heading = plain_label("", "sectionTitle")
        column.addWidget(self.heading)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(12)
        column.addLayout(self._rows_layout)
        self.retranslate()
        self.setVisible(False)

    def set_segments(self, segments: tuple[SegmentRecord, ...]) -> None:
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.hide()  # until deleted it would still paint over the new rows
            row.deleteLater()
        self.rows = []
        for segment in sorted(segments, key=lambda s: s.position):
            row = SegmentRow(segment)
            row.clicked.connect(lambda s=segment: self.segmentChosen.emit(s))
            self.rows.append(row)
            self._rows_layout.addWidget(row)
        self.setVisible(bool(self.rows))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Index"))
