"""The names a search found, as large rows: one list view, one model, rows painted in place.

A keystroke replaces the model's records and the view repaints the rows on screen; no
widget is created or deleted per keystroke, whatever the archive holds (model/view, as Qt
recommends for long lists). A row shows the name in the serif and the facts the archive holds
after it in secondary text; a tap opens the name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QScroller,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from khojaly_kiosk.archive.records import NameRecord
from khojaly_kiosk.ui.theme import current_palette

ROW_MIN = 80  # px: a finger-sized row, above the 64 px minimum
PADDING = 24
GAP = 32  # between the name and its facts

Index = QModelIndex | QPersistentModelIndex


class NameResultsModel(QAbstractListModel):
    """The found names; ``DisplayRole`` is the name, ``FACTS_ROLE`` the facts line."""

    FACTS_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, facts: Callable[[NameRecord], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[NameRecord] = []
        self._facts = facts

    def set_records(self, records: Sequence[NameRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[NameRecord]:
        return list(self._records)

    def refresh_facts(self) -> None:
        """The facts are worded in the UI language: re-read them after a language change."""
        if self._records:
            self.dataChanged.emit(self.index(0), self.index(len(self._records) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            facts = self._facts(record)
            if role == Qt.ItemDataRole.AccessibleTextRole and facts:
                return f"{record.name}. {facts}"
            return record.name
        if role == self.FACTS_ROLE:
            return self._facts(record)
        if role == self.ID_ROLE:
            return record.id
        return None


class NameRowDelegate(QStyledItemDelegate):
    """Paints a row: the name (the view's serif), the facts (smaller, secondary), a divider."""

    def _facts_font(self, font: QFont) -> QFont:
        smaller = QFont(font)
        smaller.setFamily("Noto Sans")
        smaller.setPixelSize(max(1, round(font.pixelSize() * 0.8)))
        return smaller

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = max(ROW_MIN, round(QFontMetrics(option.font).lineSpacing() * 1.9))  # type: ignore[attr-defined]
        return QSize(option.rect.width(), height)  # type: ignore[attr-defined]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        pal = current_palette()
        rect: QRect = option.rect  # type: ignore[attr-defined]
        painter.save()
        if option.state & QStyle.StateFlag.State_Sunken or (  # type: ignore[attr-defined]
                option.state & QStyle.StateFlag.State_Selected):  # type: ignore[attr-defined]
            painter.fillRect(rect, QColor(pal.pressed))
        painter.setPen(QColor(pal.divider))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        text_rect = rect.adjusted(PADDING, 0, -PADDING, 0)
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        facts = str(index.data(NameResultsModel.FACTS_ROLE) or "")
        font: QFont = option.font  # type: ignore[attr-defined]
        metrics = QFontMetrics(font)
        facts_font = self._facts_font(font)
        facts_metrics = QFontMetrics(facts_font)
        facts_width = min(facts_metrics.horizontalAdvance(facts), text_rect.width() // 2)
        name_room = text_rect.width() - (facts_width + GAP if facts else 0)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(font)
        painter.setPen(QColor(pal.text))
        # drawText with a str is plain text; a long name ends in "…" rather than overlapping.
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(1, name_room))
        painter.drawText(text_rect, flags, shown)
        if facts:
            painter.setFont(facts_font)
            painter.setPen(QColor(pal.secondary))
            left = text_rect.left() + min(metrics.horizontalAdvance(shown), name_room) + GAP
            facts_rect = QRect(left, text_rect.top(), text_rect.right() - left, text_rect.height())
            painter.drawText(facts_rect, flags, facts_metrics.elidedText(
                facts, Qt.TextElideMode.ElideRight, max(1, facts_rect.width())))
        painter.restore()


class NameResultsView(QListView):
    """The result rows; ``nameActivated`` carries the id of the tapped name."""

    nameActivated = Signal(int)

    def __init__(self, facts: Callable[[NameRecord], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nameResults")
        self.results = NameResultsModel(facts, self)
        self.setModel(self.results)
        self.setItemDelegate(NameRowDelegate(self))
        self.setUniformItemSizes(True)  # one row height: layout costs nothing per keystroke
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search field keeps the keyboard's focus
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.clicked.connect(self._activated)

    def set_records(self, records: Sequence[NameRecord]) -> None:
        self.results.set_records(records)
        self.scrollToTop()

    def row_rect(self, row: int) -> QRect:
        """Where row ``row`` is in the viewport (for tests and the tour)."""
        return self.visualRect(self.results.index(row))

    def row_texts(self) -> list[str]:
        """What each row shows: the name, then the facts, as the visitor reads them."""
        out = []
        for row in range(self.results.rowCount()):
            index = self.results.index(row)
            facts = index.data(NameResultsModel.FACTS_ROLE)
            out.append("   ·   ".join(p for p in (index.data(), facts) if p))
        return out

    def _activated(self, index: QModelIndex) -> None:
        name_id = index.data(NameResultsModel.ID_ROLE)
        if isinstance(name_id, int):
            self.nameActivated.emit(name_id)
