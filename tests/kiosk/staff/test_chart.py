from __future__ import annotations

import time
from collections.abc import Sequence

import pytest
from PySide6.QtCharts import QChart, QChartView, QHorizontalBarSeries
from PySide6.QtCore import QPointF, Qt, QTranslator
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.kiosk.core.state import StateStore
from khojaly_kiosk.kiosk.core.usage import UsageCounters, sessions_by_hour_of_day
from khojaly_kiosk.kiosk.staff.chart import HourlyUsageChart, UsageChart
from khojaly_kiosk.kiosk.staff.panel import StaffActions, StaffPanel, StaffStatus
from khojaly_kiosk.ui.theme import current_palette
from tests.support.kiosk import FakeClock, hosted

# Synthetic counts, not content.
NOON = time.mktime((2026, 2, 26, 12, 0, 0, 0, 0, -1))


def _chart(qtbot: object, bars: Sequence[tuple[str, int]], width: int = 900) -> UsageChart:
    chart = UsageChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    chart.set_bars(bars)
    chart.resize(width, chart.height())
    chart.show()
    QApplication.processEvents()  # lets QtCharts lay out its plot area
    return chart


def _pixel(chart: UsageChart, value: float, position: int) -> QColor:
    """The colour drawn at ``value`` along the bar that sits at ``position`` on the axis."""
    point = chart.chart().mapToPosition(QPointF(value, position))
    image: QImage = chart.grab().toImage()
    return image.pixelColor(chart.mapFromScene(chart.chart().mapToScene(point)))


def test_the_chart_is_a_calm_qtcharts_view(qtbot: object) -> None:
    chart = _chart(qtbot, [("Visits", 120), ("Searches", 3), ("Candles lit", 0)])
    assert isinstance(chart, QChartView)
    assert isinstance(chart.chart().series()[0], QHorizontalBarSeries)
    assert chart.chart().animationOptions() == QChart.AnimationOption.NoAnimation
    assert not chart.chart().legend().isVisible()
    assert not chart.isInteractive()  # nothing reacts to hover: no tooltips
    # Read top down; QtCharts counts a vertical category axis from the bottom.
    assert chart.categories() == ["Visits", "Searches", "Candles lit"]
    assert chart.categories_axis.categories() == ["Candles lit", "Searches", "Visits"]


def test_small_counts_read_under_five_and_zero_reads_zero(qtbot: object) -> None:
    chart = _chart(qtbot, [("Visits", 120), ("Searches", 3), ("Candles lit", 0)])
    assert chart.shown_bars() == [("Visits", "120"), ("Searches", "<5"), ("Candles lit", "0")]
    assert [chart.value_item(i).text() for i in range(3)] == ["120", "<5", "0"]
    assert chart.bar_fraction(0) == 1.0
    assert 0 < chart.bar_fraction(1) <= 0.02
    assert chart.bar_fraction(2) == 0.0


def test_a_one_and_a_four_look_exactly_the_same(qtbot: object) -> None:
    one = _chart(qtbot, [("Visits", 50), ("Searches", 1)])
    four = _chart(qtbot, [("Visits", 50), ("Searches", 4)])
    assert one.plotted() == four.plotted()
    assert one.grab().toImage() == four.grab().toImage()
    five = _chart(qtbot, [("Visits", 50), ("Searches", 5)])
    assert five.grab().toImage() != four.grab().toImage()


def test_a_published_count_is_never_drawn_shorter_than_the_stub(qtbot: object) -> None:
    chart = _chart(qtbot, [("Screens viewed", 10_000), ("Visits", 5), ("Searches", 2)])
    assert chart.plotted()[1] == chart.plotted()[2] > 0
    assert chart.shown_bars()[1:] == [("Visits", "5"), ("Searches", "<5")]


def test_only_small_counts_or_none_still_draw(qtbot: object) -> None:
    chart = _chart(qtbot, [("Visits", 2), ("Searches", 0)])
    assert chart.shown_bars() == [("Visits", "<5"), ("Searches", "0")]
    assert chart.bar_fraction(0) == pytest.approx(0.02)
    chart.set_bars([])
    assert chart.shown_bars() == [] and chart.plotted() == []
    assert not any(chart.value_item(i).isVisible() for i in range(2))


def test_bar_lengths_follow_the_counts(qtbot: object) -> None:
    chart = _chart(qtbot, [("Visits", 50), ("Searches", 25)])
    accent = QColor(current_palette().accent)
    # "Visits" is read first, so it is the top bar: the last position on the axis.
    assert _pixel(chart, 47.5, 1) == accent
    assert _pixel(chart, 22.5, 0) == accent
    assert _pixel(chart, 47.5, 0) != accent


def test_numbers_sit_beside_their_bars_and_labels_are_whole(qtbot: object) -> None:
    labels = [("Visits", 1243), ("Testimonies opened", 88), ("Searches", 3)]
    chart = _chart(qtbot, labels, width=400)  # narrower than the chart allows
    assert chart.width() == chart.minimumWidth() > 400
    assert not chart.categories_axis.truncateLabels()
    plot = chart.chart().plotArea()
    view = chart.rect()
    for index in range(3):
        box = chart.value_item(index).sceneBoundingRect()
        assert box.left() > plot.right() and box.right() <= view.right()
        centre = chart.chart().mapToPosition(QPointF(0, 2 - index))
        assert box.top() < centre.y() < box.bottom()


def test_hourly_chart_shows_the_hours_that_had_visits(qtbot: object) -> None:
    chart = HourlyUsageChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    hours = [0] * 24
    hours[9], hours[10], hours[12] = 3, 40, 12
    chart.set_hours(hours)
    assert chart.shown_bars() == [("09", "<5"), ("10", "40"), ("11", "0"), ("12", "12")]
    assert chart.categories_axis.categories() == ["09", "10", "11", "12"]
    hours[9] = 1
    plotted = chart.plotted()
    chart.set_hours(hours)
    assert chart.plotted() == plotted  # a 1 and a 3 give the same stub
    chart.set_hours([0] * 24)
    assert [label for label, _ in chart.shown_bars()] == [f"{h:02d}" for h in range(24)]
    assert {shown for _, shown in chart.shown_bars()} == {"0"}


def test_sessions_by_hour_of_day_counts_the_last_thirty_days(state: StateStore) -> None:
    clock = FakeClock(NOON - 40 * 86400)
    usage = UsageCounters(state, clock)
    usage.session_started()  # 40 days ago: outside the window
    clock.now = NOON - 3 * 86400 + 60
    usage.session_started()
    usage.search_made()  # not a visit
    clock.now = NOON + 60
    usage.session_started()
    clock.advance(3600)
    usage.session_started()
    hours = sessions_by_hour_of_day(state, clock=lambda: NOON + 7200)
    assert len(hours) == 24
    assert hours[12] == 2 and hours[13] == 1 and sum(hours) == 3


class _Brackets(QTranslator):
    """Shows which staff panel strings went through tr(): "Visits" -> "[Visits]"."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return f"[{source}]" if context == "StaffPanel" else ""


def _panel(qtbot: object, by_hour: Sequence[int] | None) -> StaffPanel:
    actions = StaffActions(
        status=lambda: StaffStatus(), importer=lambda _path, _progress: "",
        rollback=lambda: "", restart=lambda: None, exit_to_desktop=lambda: None,
        usage_totals=lambda: {"sessions": 40, "searches": 2},
        current_settings=lambda: {"idle_seconds": "90", "default_language": "az",
                                  "opening_hours": ""},
        save_setting=lambda _key, _value: None,
        usage_by_hour=None if by_hour is None else (lambda: by_hour))
    panel: StaffPanel = hosted(StaffPanel, actions)  # type: ignore[assignment]
    qtbot.addWidget(panel._test_host)  # type: ignore[attr-defined]
    panel.refresh()
    return panel


def test_the_panel_switches_between_totals_and_hours(qtbot: object) -> None:
    hours = [0] * 24
    hours[14] = 30
    panel = _panel(qtbot, hours)
    assert panel.chart.isVisible() and not panel.hourly_chart.isVisible()
    assert panel.totals_button.isChecked()
    assert panel.hourly_button.text() == "Visits by hour, last 30 days"
    QTest.mouseClick(panel.hourly_button, Qt.MouseButton.LeftButton)
    assert panel.hourly_chart.isVisible() and not panel.chart.isVisible()
    assert panel.hourly_chart.shown_bars() == [("14", "30")]
    QTest.mouseClick(panel.totals_button, Qt.MouseButton.LeftButton)
    assert panel.chart.isVisible() and panel.totals_button.isChecked()


def test_without_hourly_data_only_the_totals_show(qtbot: object) -> None:
    panel = _panel(qtbot, None)
    assert panel.chart.isVisible()
    assert not panel.hourly_button.isVisible() and not panel.hourly_chart.isVisible()


def test_retranslate_relabels_the_bars(qtbot: object) -> None:
    panel = _panel(qtbot, None)
    brackets = _Brackets()
    QApplication.installTranslator(brackets)
    try:
        panel.retranslate()
        assert panel.chart.shown_bars()[:2] == [("[Visits]", "40"), ("[Screens viewed]", "0")]
        assert panel.chart.shown_bars()[3] == ("[Searches]", "<5")
    finally:
        QApplication.removeTranslator(brackets)
