"""Tappable cards: home tiles and testimony cards. Their texts are plain-text labels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from khojaly_kiosk.ui.widgets.credit import Credit, CreditLine
from khojaly_kiosk.ui.widgets.text import plain_label, restyle

EXCERPT_CHARS = 220
TAG_SPACING = 12  # px between the advisory badge and the note


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first words of ``text`` up to ``limit`` characters, ending with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


UNPRESS_AFTER_MS = 100  # after a tap, the pressed look goes once the next frame is drawn


class ClickableCard(QFrame):
    """A card that acts like a button: emits ``clicked`` on a tap that starts and ends on it."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setProperty("pressed", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a tap leaves no focus ring behind
        self.setMinimumSize(48, 64)
        self._press: QPoint | None = None

    def _set_pressed(self, pressed: bool) -> None:
        self.setProperty("pressed", pressed)
        restyle(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._set_pressed(True)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        started = self._press is not None
        self._press = None
        if started and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
            # A tap mostly opens another screen: its first frame is not kept waiting for this
            # card's own restyle (a re-polish, ~0.3 ms). Not a zero timer: that call would be
            # posted ahead of the window's paint request (Qt posts it at low priority).
            QTimer.singleShot(UNPRESS_AFTER_MS, self, lambda: self._set_pressed(False))
        else:
            self._set_pressed(False)
        event.accept()

    @property
    def pressed(self) -> bool:
        """Shown pressed (a finger is on it, or a tap has just ended)."""
        return bool(self.property("pressed"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class Tile(ClickableCard):
    """A home-screen tile: heading, one-line description, and a live count line."""

    def __init__(self, title: str = "", description: str = "", parent: QWidget | None = None,
                 large: bool = True) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 36 if large else 28, 32, 36 if large else 28)
        layout.setSpacing(12)
        self.title_label = plain_label(title, "heading" if large else "sectionTitle")
        self.description_label = plain_label(description, "secondary")
        self.count_label = plain_label("", "count")
        layout.addWidget(self.title_label)
        layout.addWidget(self.description_label)
        layout.addStretch(1)
        layout.addWidget(self.count_label)
        # As tall as its words (a row of tiles takes its tallest); never stretched empty.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # Width stays flexible so a 1080 px portrait screen can hold the landscape row briefly.
        self.setMinimumSize(240, 220 if large else 120)

    def set_texts(self, title: str, description: str, count: str = "") -> None:
        self.title_label.setText(title)
        self.description_label.setText(description)
        self.count_label.setText(count)
        self.count_label.setVisible(bool(count))


class TestimonyCard(ClickableCard):
    """A testimony in the list: name, role, its credit, first lines, and an advisory badge.

    An advised testimony comes without ``first_lines`` (the repository gives none): its card
    shows only neutral facts (name, role, source) and the badge in words.
    """

    def __init__(self, testimony_id: str, name: str, role: str, first_lines: str,
                 advisory_text: str = "", note: str = "", parent: QWidget | None = None,
                 credit: Credit = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.testimony_id = testimony_id
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(8)
        self.name_label = plain_label(name, "cardTitle")
        self.role_label = plain_label(role, "secondary")
        self.role_label.setVisible(bool(role))
        self.excerpt_label = plain_label(excerpt(first_lines), "body")
        self.excerpt_label.setVisible(bool(first_lines))
        self.credit_line = CreditLine()
        self.credit_line.set_credit(credit, lang)
        self.credit_line.setVisible(not self.credit_line.is_empty())
        layout.addWidget(self.name_label)
        layout.addWidget(self.role_label)
        layout.addWidget(self.credit_line)
        layout.addSpacing(8)
        layout.addWidget(self.excerpt_label)
        layout.addStretch(1)
        # The advisory badge and the "original language" note sit side by side when they fit,
        # and stack, each wrapped, when a long translation or a larger text step does not.
        self._tags = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._tags.setContentsMargins(0, 8, 0, 0)
        self._tags.setSpacing(TAG_SPACING)
        self.badge_label = plain_label(advisory_text, "badge", wrap=False)
        self.badge_label.setVisible(bool(advisory_text))
        self.note_label = plain_label(note, "note", wrap=False)
        self.note_label.setVisible(bool(note))
        for label in (self.badge_label, self.note_label):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            label.installEventFilter(self)
            self._tags.addWidget(label)
        self._tags.addStretch(1)
        layout.addLayout(self._tags)

    def set_content(self, testimony_id: str, name: str, role: str, first_lines: str,
                    advisory_text: str = "", note: str = "", credit: Credit = None,
                    lang: str = "en") -> None:
        """Show another testimony (or the same in another language) in this card, exactly as
        a new card would: a list updates its cards in place instead of building new ones."""
        self.testimony_id = testimony_id
        for label, text in ((self.name_label, name), (self.role_label, role),
                            (self.excerpt_label, excerpt(first_lines)),
                            (self.badge_label, advisory_text), (self.note_label, note)):
            if label.text() != text:
                label.setText(text)
        self.credit_line.set_credit(credit, lang)
        for widget, shown in ((self.role_label, bool(role)),
                              (self.excerpt_label, bool(first_lines)),
                              (self.credit_line, not self.credit_line.is_empty()),
                              (self.badge_label, bool(advisory_text)),
                              (self.note_label, bool(note))):
            if widget.isHidden() == shown:  # setVisible costs even when nothing changes
                widget.setVisible(shown)
        self._fit_tags()

    def tags_stacked(self) -> bool:
        """True when the badge and note are stacked (they do not fit on one line)."""
        return self._tags.direction() == QBoxLayout.Direction.TopToBottom

    def _fit_tags(self) -> None:
        tags = [label for label in (self.badge_label, self.note_label)
                if not label.isHidden() and label.text()]
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        need = sum(_one_line_width(label) for label in tags) + TAG_SPACING * (len(tags) - 1)
        stack = room > 0 and need > room
        direction = (QBoxLayout.Direction.TopToBottom if stack
                     else QBoxLayout.Direction.LeftToRight)
        if self._tags.direction() != direction:
            self._tags.setDirection(direction)
        for label in (self.badge_label, self.note_label):
            # Only a tag longer than the card wraps; a shorter one keeps hugging its text.
            wrap = stack and _one_line_width(label) > room
            if label.wordWrap() != wrap:
                label.setWordWrap(wrap)
                self._tags.setAlignment(label, Qt.AlignmentFlag(0) if wrap
                                        else Qt.AlignmentFlag.AlignLeft)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_tags()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new text-size step or language changes what fits.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_tags()
        return False


def _one_line_width(label: QLabel) -> int:
    """The width ``label`` needs to show its text on one line, padding and border included."""
    margins = label.contentsMargins()
    return (QFontMetrics(label.font()).horizontalAdvance(label.text()) + margins.left()
            + margins.right() + 2 * label.margin() + 4)
