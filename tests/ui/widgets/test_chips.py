"""Source lines: the quiet "Source: ..." row and its chevron."""

from __future__ import annotations

from PySide6.QtGui import QColor

from khojaly_kiosk.ui.restyle import repolish_tree
from khojaly_kiosk.ui.theme import current_palette, set_active_palette
from khojaly_kiosk.ui.widgets.chips import SourceLine
from tests.support.fakes import SOURCES


def chevron_colours(line: SourceLine) -> set[str]:
    image = line.button.chevron.pixmap().toImage()
    return {QColor(image.pixel(x, y)).name() for x in range(image.width())
            for y in range(image.height()) if QColor.fromRgba(image.pixel(x, y)).alpha() == 255}


def test_a_kept_source_line_s_chevron_follows_a_contrast_tap(qtbot):
    # Screens keep their source lines between visits: the drawn chevron must take the high
    # contrast palette as the words do, not keep the colours it was first drawn in.
    set_active_palette(False)
    line = SourceLine()
    qtbot.addWidget(line)
    line.set_source(SOURCES[0], "en")
    normal = current_palette().text
    assert chevron_colours(line) == {QColor(normal).name()}
    try:
        set_active_palette(True)
        repolish_tree(line)  # what the shell's restyle does to a screen when it is shown
        assert chevron_colours(line) == {QColor(current_palette().text).name()}
        assert current_palette().text != normal
    finally:
        set_active_palette(False)
