"""A QR code of a source's public address, with the address printed beneath it.

A visitor points a phone at it to go on reading at home; the kiosk itself never goes
online. Sized by the 10:1 rule of thumb (a code is read from about ten times its width):
5 cm of screen for 50 cm away, from the screen's physical DPI. Dark modules on a white
tile with a quiet zone of four modules: phones read light-on-dark codes poorly.
"""

from __future__ import annotations

import math

import segno
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from khojaly_kiosk.ui.widgets.text import plain_label

READ_FROM_MM = 500  # a visitor stands about this far from the screen
WIDTH_MM = READ_FROM_MM / 10  # the 10:1 rule
QUIET_MODULES = 4
MIN_MODULE_PX = 4
FALLBACK_DPI = 96.0
_BREAK_AFTER = "/?&=.-_#"


def code_pixels(modules: int, dpi: float) -> int:
    """The side of a code of ``modules`` (quiet zone included) in whole pixels per module,
    at least ``WIDTH_MM`` wide at ``dpi``."""
    target = WIDTH_MM / 25.4 * (dpi if dpi > 0 else FALLBACK_DPI)
    return max(MIN_MODULE_PX, math.ceil(target / modules)) * modules


def qr_image(url: str, side: int | None = None, dpi: float = FALLBACK_DPI) -> QImage:
    """The code of ``url`` as an image (black on white, quiet zone included)."""
    code = segno.make(url, error="m", micro=False)
    rows = [list(row) for row in code.matrix]
    modules = len(rows) + 2 * QUIET_MODULES
    size = side if side is not None else code_pixels(modules, dpi)
    scale = size // modules
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect((x + QUIET_MODULES) * scale, (y + QUIET_MODULES) * scale,
                                 scale, scale, QColor("black"))
    painter.end()
    return image


def breakable(url: str) -> str:
    """``url`` with zero-width spaces after its separators (not in ``https://``), so a long
    address wraps instead of widening its card."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    return scheme + sep + "".join(ch + "\u200b" if ch in _BREAK_AFTER else ch for ch in rest)


class QrCode(QWidget):
    """The code of ``url`` and, beneath it, the address itself in plain text."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.setObjectName("qrCode")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.hint_label = plain_label("", "caption")
        layout.addWidget(self.hint_label)
        screen = QGuiApplication.primaryScreen()
        dpi = screen.physicalDotsPerInch() if screen is not None else FALLBACK_DPI
        self.code = QLabel(self)
        self.code.setObjectName("qrImage")
        self.code.setPixmap(QPixmap.fromImage(qr_image(url, dpi=dpi)))
        self.code.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignLeft)
        self.url_label = plain_label(breakable(url), "caption")
        layout.addWidget(self.url_label)
        self.retranslate()

    def retranslate(self) -> None:
        hint = QCoreApplication.translate("QrCode", "Continue reading on your phone:")
        self.hint_label.setText(hint)
        self.code.setAccessibleName(f"{hint} {self.url}")
