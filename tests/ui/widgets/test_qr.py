"""ui/widgets/qr.py: a scannable code of a public address, the address beneath it."""

from __future__ import annotations

import segno
from PySide6.QtGui import QColor

from khojaly_kiosk.ui.widgets.qr import QUIET_MODULES, WIDTH_MM, QrCode, code_pixels, qr_image

URL = "https://example.org/synthetic/report-1992?page=4"


def test_the_image_holds_exactly_the_code_of_the_url(qapp) -> None:
    matrix = [list(row) for row in segno.make(URL, error="m", micro=False).matrix]
    image = qr_image(URL, dpi=96)
    modules = len(matrix) + 2 * QUIET_MODULES
    assert image.width() == image.height() and image.width() % modules == 0
    scale = image.width() // modules
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            centre = ((x + QUIET_MODULES) * scale + scale // 2,
                      (y + QUIET_MODULES) * scale + scale // 2)
            assert (image.pixel(*centre) == black) == bool(dark), (x, y)
    assert image.pixel(1, 1) != black  # the quiet zone is white


def test_large_enough_to_scan_from_half_a_metre(qapp) -> None:
    for dpi in (72.0, 96.0, 160.0):
        side = code_pixels(41, dpi)
        assert side / dpi * 25.4 >= WIDTH_MM  # at least 5 cm on that screen
        assert side % 41 == 0  # whole pixels per module: sharp edges


def test_the_address_is_printed_beneath_in_plain_text(qtbot) -> None:
    widget = QrCode(URL)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.url_label.text().replace("\u200b", "") == URL
    assert widget.url_label.geometry().top() > widget.code.geometry().bottom()
    assert widget.code.pixmap().width() >= code_pixels(41, 96.0) // 2
    assert widget.code.accessibleName().endswith(URL)
