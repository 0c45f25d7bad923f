"""Plain-text labels: every content string goes through here, never as rich text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget

from khojaly_kiosk.ui.fonts import SERIF
from khojaly_kiosk.ui.theme import current_palette

#: A piece of plain text and how it is set: "" (the widget's own style), "quote" (the serif,
#: primary colour: someone's quoted words), "frame" (secondary colour: the document's framing),
#: "editorial" (secondary colour: an [insertion]), "title" (italic: a work's title).
Run = tuple[str, str]


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property used by a selector changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def plain_label(text: str = "", style: str = "body", parent: QWidget | None = None,
                wrap: bool = True, *, object_name: str = "") -> QLabel:
    """A QLabel that always shows ``text`` literally (no HTML) and wraps instead of clipping.

    Args:
        text: the string, shown exactly as given.
        style: a ``textStyle`` from base.qss (title, heading, cardTitle, body, caption...).
        parent: the parent widget.
        wrap: wrap long lines (names, testimonies) rather than clip them.
        object_name: for a style rule of its own (kiosk.qss) and for tests.
    """
    label = QLabel(parent)
    if object_name:
        label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setProperty("textStyle", style)
    label.setText(text)
    # Labels never take a tap: a tap on a card's text belongs to the card.
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


_INSERTION = re.compile(r"\[[^\[\]\n]*\]")


def insertions(text: str) -> list[tuple[int, int]]:
    """``(start, length)`` of every editorial insertion in square brackets in ``text``."""
    return [(m.start(), m.end() - m.start()) for m in _INSERTION.finditer(text)]


def mark_insertions(document: QTextDocument) -> None:
    """Colour the bracketed insertions of a plain-text document in the secondary colour."""
    text = document.toPlainText()
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(current_palette().secondary))
    for start, length in insertions(text):
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


def divider(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setObjectName("Divider")
    line.setFrameShape(QFrame.Shape.NoFrame)
    line.setFixedHeight(1)
    return line


HEIGHTS_KEPT = 8  # widths remembered per paragraph (a window has one or two in use)


class ReadingParagraph(QWidget):
    """One paragraph of reading text: plain text, word-wrapped, 1.5 line height.

    QLabel cannot set a line height, so this lays the text out with a QTextDocument filled by
    ``setPlainText`` (never HTML). The line pitch is ``line_height`` times the font's pixel
    size (42 px for 28 px type at 1.5), set as a fixed height: a proportional height would
    multiply the font's own leading too (Noto's is ~1.36, which gave 56 px on 28 px).

    ``set_runs`` sets parts of the text apart (quoted words, framing, editorial insertions)
    with character formats on that plain text. With ``insertions=True``, editorial insertions
    in square brackets ("30 October [1991]") are drawn in the secondary colour too, as the
    exhibition's own words, not the source's.
    """

    LINE_HEIGHT = 1.5  # times the font's pixel size

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 line_height: float = LINE_HEIGHT, insertions: bool = False) -> None:
        super().__init__(parent)
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        self._text = ""
        self._runs: tuple[Run, ...] = ()
        self._line_height = line_height
        self._insertions = insertions
        self._laid_out = False
        # Heights by width: a layout asks the same widths again and again, and each answer
        # re-lays the whole document out (most of a long page's first show, once).
        self._heights: dict[int, int] = {}
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setText(text)

    def text(self) -> str:
        return self._text

    def runs(self) -> tuple[Run, ...]:
        """The text's parts and their styles (one plain run after ``setText``)."""
        return self._runs

    def setText(self, text: str) -> None:
        self.set_runs([(text, "")])

    def set_runs(self, runs: Sequence[Run]) -> None:
        """Show the runs' texts, joined, each part in its style (see ``Run``)."""
        kept = tuple((text, style) for text, style in runs if text)
        if kept == self._runs and self._laid_out:
            return  # the same words again (a screen re-entered): already laid out
        self._runs = kept
        self._text = "".join(text for text, _style in self._runs)
        self._relayout()

    def _char_format(self, style: str) -> QTextCharFormat | None:
        fmt = QTextCharFormat()
        if style == "quote":
            fmt.setFontFamilies([SERIF])
            fmt.setForeground(self.palette().windowText())
        elif style in ("frame", "editorial"):
            fmt.setForeground(QColor(current_palette().secondary))
        elif style == "title":
            fmt.setFontItalic(True)
        else:
            return None
        return fmt

    def line_pitch(self) -> int:
        """The distance between two baselines, in px."""
        font = self.font()
        size = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 4 / 3)
        return round(size * self._line_height)

    def _relayout(self) -> None:
        font = QFont(self.font())
        self._doc.setDefaultFont(font)
        self._doc.setPlainText(self._text)
        fmt = QTextBlockFormat()
        fixed = QTextBlockFormat.LineHeightTypes.FixedHeight.value
        fmt.setLineHeight(self.line_pitch(), fixed)
        cursor = QTextCursor(self._doc)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)
        position = 0
        for text, style in self._runs:
            char_format = self._char_format(style)
            if char_format is not None:
                cursor.setPosition(position)
                cursor.setPosition(position + len(text), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(char_format)
            position += len(text)
        if self._insertions:
            mark_insertions(self._doc)
        self._heights.clear()
        self._doc.setTextWidth(max(1, self.width()))
        self._laid_out = True
        self.updateGeometry()
        self.update()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # A new text size or palette (high contrast) re-sets the text and its formats.
        if event.type() in (event.Type.FontChange, event.Type.StyleChange,
                            event.Type.PaletteChange):
            self._relayout()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        width = max(1, width)
        height = self._heights.get(width)
        if height is None:
            self._set_width(width)
            height = int(self._doc.size().height() + 0.5)
            if len(self._heights) >= HEIGHTS_KEPT:
                self._heights.clear()
            self._heights[width] = height
        return height

    def _set_width(self, width: int) -> None:
        """Lay the text out at ``width`` unless it already is (setting it always re-lays)."""
        if self._doc.textWidth() != width:
            self._doc.setTextWidth(width)

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 1 else 900
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(self.width() if self.width() > 1 else 900))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._set_width(max(1, self.width()))
        if self.height() != self.heightForWidth(self.width()):
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._set_width(max(1, self.width()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        pal = self.palette()
        pal.setColor(pal.ColorRole.Text, self.palette().windowText().color())
        ctx.palette = pal
        self._doc.documentLayout().draw(painter, ctx)


class ElidedLabel(QLabel):
    """A one-line plain-text label that ends in "…" when too narrow (top bar, source strip).

    ``text()`` returns what is shown; ``full_text()`` the whole string, also set as tooltip
    and accessible name so nothing is lost.
    """

    def __init__(self, text: str = "", style: str = "body", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("textStyle", style)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self._full
        if width > 0:
            shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._elide()


def _whole_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """The words of ``text`` that fit in ``width`` px with a closing "…" (never half a word)."""
    shown = ""
    for word in text.split(" "):
        candidate = f"{shown} {word}" if shown else word
        if metrics.horizontalAdvance(candidate + "…") > width:
            break
        shown = candidate
    if not shown:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return shown.rstrip(",;:") + "…"


class ClampedLabel(QLabel):
    """Plain text wrapped into as many whole lines as fit; the last one ends in "…" if cut.

    A wrapped QLabel in a fixed-size card cuts its text mid-line at the bottom edge; this one
    lays the lines out itself and elides the last visible line. ``full_text()`` keeps it all.
    """

    def __init__(self, text: str = "", style: str = "body", parent: QWidget | None = None,
                 max_lines: int | None = None, whole_words: bool = False):
        super().__init__(parent)
        self._max_lines = max_lines
        self._whole_words = whole_words  # the last line ends after a whole word, never mid-word
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("textStyle", style)
        self.setWordWrap(False)  # the lines are broken here, so QLabel must not re-wrap them
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._full = text
        self._clamp()

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._clamp()

    def visible_lines(self) -> list[str]:
        """The lines as shown (the last may end in "…")."""
        return self.text().split("\n") if self.text() else []

    def line_count(self, width: int) -> int:
        """How many lines the whole text needs at ``width`` px."""
        return len(self._wrap(" ".join(self._full.split()), width))

    def _wrap(self, flat: str, width: int) -> list[tuple[int, int]]:
        layout = QTextLayout(flat, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap if self._whole_words
                           else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        starts: list[tuple[int, int]] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            starts.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return starts

    def _clamp(self) -> None:
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        if rect.width() <= 0 or rect.height() <= 0:
            super().setText(self._full)
            return
        max_lines = max(1, rect.height() // metrics.lineSpacing())
        if self._max_lines is not None:
            max_lines = min(max_lines, self._max_lines)
        flat = " ".join(self._full.split())
        starts = self._wrap(flat, rect.width())
        lines = [flat[start:start + length].strip() for start, length in starts[:max_lines]]
        if len(starts) > max_lines:
            rest = flat[starts[max_lines - 1][0]:]
            lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, rect.width())
            if self._whole_words:
                lines[-1] = _whole_words(rest, metrics, rect.width())
        super().setText("\n".join(lines))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._clamp()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._clamp()
