from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from khojaly_kiosk.kiosk.overlay import ACCENT
from khojaly_kiosk.kiosk.usage_chart import LABEL_PX, ROW_PX, UsageChart


def test_bars_show_small_counts_as_under_five(qtbot: object) -> None:
    chart = UsageChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    chart.set_bars([("Visits", 120), ("Searches", 3), ("Candles lit", 0)])
    assert chart.shown_bars() == [("Visits", "120"), ("Searches", "<5"), ("Candles lit", "0")]
    # A small count gets a stub, not a bar whose length would reveal the exact number.
    assert chart.bar_fraction(0) == 1.0
    assert 0 < chart.bar_fraction(1) <= 0.02
    assert chart.bar_fraction(2) == 0.0


def test_bars_are_drawn(qtbot: object) -> None:
    chart = UsageChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    chart.resize(900, 200)
    chart.set_bars([("Visits", 50), ("Searches", 25)])
    image: QImage = chart.grab().toImage()
    middle_row = 8 + ROW_PX // 2
    accent = QColor(ACCENT)
    full_end = LABEL_PX + int((900 - LABEL_PX - 110 - 32) * 0.95)
    half_end = LABEL_PX + int((900 - LABEL_PX - 110 - 32) * 0.45)
    assert image.pixelColor(full_end, middle_row) == accent
    assert image.pixelColor(half_end, middle_row + ROW_PX) == accent
    assert image.pixelColor(full_end, middle_row + ROW_PX) != accent
