"""An image with its caption and credit, or a quiet placeholder when there is no image to show.

A missing file, an unreadable file or a remote ``media_url`` (the kiosk is offline) all show the
same calm frame with the alt text or caption in it: never a broken-image icon.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImageReader, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from khojaly_kiosk.archive.records import MediaRecord
from khojaly_kiosk.ui.theme import current_palette
from khojaly_kiosk.ui.widgets.text import plain_label


def load_pixmap(path: str, bound: QSize | None = None) -> QPixmap | None:
    """Decode ``path`` (scaled down to ``bound`` while decoding), or None when it cannot be."""
    if not path or not Path(path).is_file():
        return None
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if bound is not None and size.isValid() and (
            size.width() > bound.width() or size.height() > bound.height()):
        # Decoding at display size keeps large photographs cheap in memory and time.
        reader.setScaledSize(size.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(image)


class _Picture(QWidget):
    """Paints the pixmap letter-boxed, or the placeholder frame with its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap: QPixmap | None = None
        self.placeholder_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = QRectF(self.rect())
        if self.pixmap is not None and not self.pixmap.isNull():
            scaled = self.pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - scaled.width()) / 2
            y = (self.height() - scaled.height()) / 2
            painter.drawPixmap(QRectF(x, y, scaled.width(), scaled.height()), self.pixmap,
                               QRectF(self.pixmap.rect()))
            return
        pal = current_palette()
        painter.fillRect(area, QColor(pal.surface))
        painter.setPen(QPen(QColor(pal.divider), 2))
        painter.drawRect(area.adjusted(1, 1, -1, -1))
        painter.setPen(QColor(pal.secondary))
        font = painter.font()
        font.setPixelSize(20)
        painter.setFont(font)
        text_area = area.adjusted(32, 32, -32, -32)
        # drawText with a plain string never interprets markup.
        painter.drawText(text_area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                         self.placeholder_text)


class MediaView(QWidget):
    """Shows one picture with caption and credit beneath it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = _Picture(self)
        self.caption = plain_label("", "caption")
        self.credit = plain_label("", "caption")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.picture, 1)
        column.addWidget(self.caption)
        column.addWidget(self.credit)
        self._path = ""
        self.clear()

    def clear(self) -> None:
        self.set_media(None)

    def set_media(self, media: MediaRecord | None, *, media_url: str = "", caption: str = "",
                  credit: str = "", alt_text: str = "", always: bool = False) -> None:
        """Show ``media`` (an archive file) or a placeholder naming what is not shown.

        ``caption``/``credit``/``alt_text`` fill in when the record has none of its own. With
        nothing to show the view hides itself, unless ``always`` keeps the placeholder.
        """
        caption = (media.caption if media else "") or caption
        credit = (media.credit if media else "") or credit
        alt = (media.alt_text if media else "") or alt_text
        self._path = media.path if media else ""
        self.picture.pixmap = load_pixmap(self._path, QSize(1600, 1600))
        self.picture.placeholder_text = alt or caption or (
            self.tr("Image not available") if (media or media_url) else "")
        self.picture.setAccessibleName(alt or caption)
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.credit.setText(credit)
        self.credit.setVisible(bool(credit))
        self.setVisible(bool(media or media_url or always))
        self.picture.update()

    def has_image(self) -> bool:
        """True when a real picture (not the placeholder) is shown."""
        return self.picture.pixmap is not None

    def placeholder_text(self) -> str:
        return "" if self.has_image() else self.picture.placeholder_text

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.picture.update()
