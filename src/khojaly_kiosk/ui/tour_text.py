"""Every text a visitor can read on a window, top to bottom: what ``tour`` writes beside a PNG.

Reviewers and translators read these files; tests assert on them. Text is collected from the
widgets that show it (labels, buttons, reading paragraphs, fields, lists, painted names and
placeholders), only from widgets that are shown, ordered by where they stand on the window
(top to bottom, then left to right). A cover over the whole window (an overlay, the staff
panel) hides what is beneath it, so only its own texts count. Text inside a scrolling page is
listed whole, below the fold too (a visitor reaches it by scrolling), where the page starts.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from khojaly_kiosk.ui.widgets.media_view import MediaView
from khojaly_kiosk.ui.widgets.names_wall import NamesWall
from khojaly_kiosk.ui.widgets.overlay import Overlay
from khojaly_kiosk.ui.widgets.text import ElidedLabel, ReadingParagraph


def _texts_of(widget: QWidget) -> list[str]:
    """The texts ``widget`` itself shows (not its children's)."""
    if isinstance(widget, ElidedLabel):
        return [widget.text()]
    if isinstance(widget, QLabel):
        return [widget.text()] if widget.pixmap() is None or widget.pixmap().isNull() else []
    if isinstance(widget, QAbstractButton):
        return [widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")]
    if isinstance(widget, ReadingParagraph):
        return [widget.text()]
    if isinstance(widget, QLineEdit):
        return [widget.text() or widget.placeholderText()]
    if isinstance(widget, QPlainTextEdit):
        return [widget.toPlainText()]
    if isinstance(widget, QListWidget):
        return [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, NamesWall):
        return widget.visible_names()
    if isinstance(widget, MediaView):
        return [widget.placeholder_text()]
    texts = getattr(widget, "tour_texts", None)  # painted widgets may say what they show
    if callable(texts):
        return [str(t) for t in texts()]
    return []


def _cover(window: QWidget) -> QWidget | None:
    """The topmost shown child covering the whole window (an overlay or a staff cover)."""
    area = window.rect()
    covers = [child for child in window.findChildren(QWidget)
              if child.isVisible() and child is not window and child.isWindow() is False
              and child.parentWidget() is not None
              and child.mapTo(window, QPoint(0, 0)) == area.topLeft()
              and child.size() == area.size() and _is_cover(child)]
    return covers[-1] if covers else None


def _is_cover(widget: QWidget) -> bool:
    # Overlays (idle countdown, closed hours) and whatever a caller marks as a cover (the staff
    # room's covers, in the tour) hide the visitor screen beneath them.
    return isinstance(widget, Overlay) or bool(widget.property("tourCover"))


def _anchors(widget: QWidget, window: QWidget) -> list[QWidget]:
    """The blocks ``widget`` is read within, outermost first: scrolling pages (read where the
    page starts, below the fold too), cards (a tile's texts together) and rows marked
    ``readRow`` (read left to right, e.g. a credit and its button) or ``readBlock`` (read
    together, e.g. a part's numeral and label)."""
    chain: list[QWidget] = []
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            chain.append(parent.viewport())
        elif (parent.property("card") or parent.property("readRow")
              or parent.property("readBlock")):
            chain.append(parent)
        parent = parent.parentWidget()
    return list(reversed(chain))


def _place(widget: QWidget, window: QWidget) -> tuple[int, ...]:
    """A sort key: where a visitor meets ``widget`` reading top to bottom, block by block."""
    key: list[int] = []
    outer: QWidget = window
    for anchor in [*_anchors(widget, window), widget]:
        point = anchor.mapTo(outer, QPoint(0, 0)) if outer is not window else anchor.mapTo(
            window, QPoint(0, 0))
        row = bool(outer.property("readRow"))
        key += [point.x(), point.y()] if row else [point.y(), point.x()]
        outer = anchor
    return tuple(key)


def visible_texts(window: QWidget) -> list[str]:
    """Every shown text of ``window`` (or of the cover over it), top to bottom."""
    root = _cover(window) or window
    found: list[tuple[tuple[int, ...], int, str]] = []
    for order, widget in enumerate(_shown(root)):
        texts = [t.strip() for t in _texts_of(widget) if t.strip()]
        if texts:
            place = _place(widget, window)
            found += [(place, order, text) for text in texts]
    found.sort(key=lambda entry: (entry[0], entry[1]))
    return [text for _place_, _order, text in found]


def _shown(root: QWidget) -> Iterable[QWidget]:
    yield root
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and not QRect(widget.rect()).isEmpty():
            yield widget


def write_texts(window: QWidget, path: str) -> list[str]:
    """Write ``visible_texts(window)`` to ``path`` (UTF-8, one text per paragraph)."""
    texts = visible_texts(window)
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n\n".join(texts) + "\n")
    return texts
