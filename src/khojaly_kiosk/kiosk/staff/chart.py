"""The staff panel's usage charts, drawn with QtCharts in the kiosk's palette (high contrast too).

:class:`UsageChart` shows the totals as horizontal bars, :class:`HourlyUsageChart` the visits
per hour of day as columns. Both follow the CSV export's privacy rule: a count of 1-4 is
labelled ``<5`` and drawn as the same small stub, so neither the label nor the bar's length
tells a 1 from a 4. No animation (calm, and the same picture every time), no legend, no
hover or tooltips: everything a person needs is printed next to the bar.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QSizePolicy, QWidget

from khojaly_kiosk.kiosk.core.usage import SMALL_COUNT, shown_count
from khojaly_kiosk.ui.theme import current_palette

ROW_PX = 44  # one horizontal bar with its label
LABEL_FONT_PX = 22  # category and value labels: readable standing at arm's length
HOUR_FONT_PX = 18  # up to 24 hour columns share the width
VALUE_PX = 110  # the column of numbers to the right of the horizontal bars
# A count under five is drawn at this share of the axis, whatever the count is.
STUB_FRACTION = 0.02
PAD_PX = 16
AXIS_SHARE = 0.38  # a little under the share QtCharts allows the category axis
HOURLY_HEIGHT_PX = 5 * ROW_PX + 2 * PAD_PX  # as tall as the totals: the page does not jump


def plotted_values(counts: Sequence[int]) -> tuple[list[float], float]:
    """Bar values and the axis maximum: small counts become one fixed stub, zero stays zero.

    A published count is never drawn shorter than the stub, so a 5 does not look smaller
    than a ``<5`` beside it.
    """
    shown = [c for c in counts if c >= SMALL_COUNT]
    top = float(max(shown, default=1))  # only counts that may be published set the scale
    stub = top * STUB_FRACTION
    values = [0.0 if c <= 0 else stub if c < SMALL_COUNT else max(stub, float(c))
              for c in counts]
    return values, top


class _BarChartView(QChartView):
    """One bar set on a category axis; the value axis is hidden, numbers are printed."""

    def __init__(self, series: QAbstractBarSeries, category_edge: Qt.AlignmentFlag,
                 font_px: int, parent: QWidget | None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().hide()
        chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        chart.setBackgroundRoundness(0)
        chart.setPlotAreaBackgroundVisible(False)
        chart.setAcceptHoverEvents(False)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setInteractive(False)  # nothing to hover or drag: no hidden affordances
        self.setFrameShape(QChartView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self._font = QFont(self.font())  # the application's Noto Sans
        self._font.setPixelSize(font_px)
        self._series = series
        self._set = QBarSet("")
        series.append(self._set)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        self._set.setPen(QPen(Qt.PenStyle.NoPen))

        self.categories_axis = QBarCategoryAxis()
        self.categories_axis.setLabelsFont(self._font)
        self.categories_axis.setLineVisible(False)
        self.categories_axis.setGridLineVisible(False)
        self.categories_axis.setTruncateLabels(False)  # a label is never shortened to "..."
        self.values_axis = QValueAxis()
        self.values_axis.setVisible(False)
        value_edge = (Qt.AlignmentFlag.AlignBottom if category_edge == Qt.AlignmentFlag.AlignLeft
                      else Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.categories_axis, category_edge)
        chart.addAxis(self.values_axis, value_edge)
        series.attachAxis(self.categories_axis)
        series.attachAxis(self.values_axis)

        self._bars: list[tuple[str, int]] = []
        self._values: list[float] = []
        self._value_items: list[QGraphicsSimpleTextItem] = []
        self._ordered = True
        chart.plotAreaChanged.connect(lambda _area: self._place_values())
        self._apply_palette()

    def _apply_palette(self) -> None:
        """Colours from the palette in use (after addSeries, which applies the chart theme's)."""
        pal = current_palette()
        self.chart().setBackgroundBrush(QBrush(QColor(pal.surface)))
        self.setBackgroundBrush(QBrush(QColor(pal.surface)))
        self._set.setColor(QColor(pal.accent))
        self._set.setBorderColor(QColor(pal.accent))
        self.categories_axis.setLabelsColor(QColor(pal.text))
        for item in self._value_items:
            item.setBrush(QBrush(QColor(pal.secondary)))

    # -- data -------------------------------------------------------------------------

    def _show(self, bars: Sequence[tuple[str, int]], ordered: bool) -> None:
        """Show ``bars``; ``ordered`` False lists the first bar at the top of a vertical axis."""
        self._bars = [(str(label), max(0, int(count))) for label, count in bars]
        self._values, top = plotted_values([count for _, count in self._bars])
        order = list(range(len(self._bars)))
        if not ordered:
            order.reverse()  # a horizontal category axis counts upwards from the bottom
        self._set.remove(0, self._set.count())
        self._set.append([self._values[i] for i in order])
        self.categories_axis.clear()
        self.categories_axis.append([self._bars[i][0] for i in order])
        self.values_axis.setRange(0.0, top)
        while len(self._value_items) < len(self._bars):
            item = QGraphicsSimpleTextItem(self.chart())  # plain text, never HTML
            item.setFont(self._font)
            self._value_items.append(item)
        self._apply_palette()  # the panel opens in the palette in use now
        for index, item in enumerate(self._value_items):
            item.setVisible(index < len(self._bars))
            item.setText(shown_count(self._bars[index][1]) if index < len(self._bars) else "")
        self._ordered = ordered
        self.setAccessibleDescription("; ".join(f"{label}: {shown}"
                                                for label, shown in self.shown_bars()))
        self._place_values()
        self.updateGeometry()

    def shown_bars(self) -> list[tuple[str, str]]:
        """What the chart shows: each label with its count as printed, in reading order."""
        return [(label, shown_count(count)) for label, count in self._bars]

    def categories(self) -> list[str]:
        """The category labels in reading order (top to bottom, or left to right)."""
        return [label for label, _ in self._bars]

    def plotted(self) -> list[float]:
        """Each bar's plotted value, in reading order (small counts all give the stub)."""
        return list(self._values)

    def bar_fraction(self, index: int) -> float:
        """Bar ``index``'s length as a share of the axis (the largest publishable count)."""
        top = self.values_axis.max()
        return self._values[index] / top if top else 0.0

    def value_item(self, index: int) -> QGraphicsSimpleTextItem:
        """The printed number next to bar ``index`` (for tests and screenshots)."""
        return self._value_items[index]

    def _position(self, index: int) -> int:
        """Where bar ``index`` (reading order) sits on the category axis."""
        return index if self._ordered else len(self._bars) - 1 - index

    def _place_values(self) -> None:
        raise NotImplementedError


class UsageChart(_BarChartView):
    """Give it ``(label, count)`` pairs with :meth:`set_bars`; one horizontal bar each, top down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QHorizontalBarSeries(), Qt.AlignmentFlag.AlignLeft, LABEL_FONT_PX,
                         parent)
        self.setObjectName("usageChart")
        # The right margin is the column the numbers are printed in.
        self.chart().setMargins(QMargins(PAD_PX, 4, VALUE_PX, 4))
        self.setFixedHeight(self._height())

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self._show(bars, ordered=False)
        self.setFixedHeight(self._height())
        # QtCharts gives the label axis at most ~40% of the width and clips longer labels on
        # the left, so never get narrower than what the longest label needs.
        metrics = QFontMetrics(self._font)
        label_px = max((metrics.horizontalAdvance(label) for label, _ in self._bars), default=0)
        self.setMinimumWidth(math.ceil((label_px + PAD_PX) / AXIS_SHARE) + VALUE_PX + 2 * PAD_PX)

    def _height(self) -> int:
        return max(1, len(self._bars)) * ROW_PX + 2 * PAD_PX

    def sizeHint(self) -> QSize:
        return QSize(720, self._height())

    def _place_values(self) -> None:
        plot = self.chart().plotArea()
        for index, item in enumerate(self._value_items[:len(self._bars)]):
            centre = self.chart().mapToPosition(QPointF(0, self._position(index)), self._series)
            box = item.boundingRect()
            item.setPos(plot.right() + VALUE_PX - PAD_PX - box.width(),
                        centre.y() - box.height() / 2)


class HourlyUsageChart(_BarChartView):
    """Visits per hour of day as columns, from the first to the last hour that had any."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QBarSeries(), Qt.AlignmentFlag.AlignBottom, HOUR_FONT_PX, parent)
        self.setObjectName("hourlyUsageChart")
        label_px = QFontMetrics(self._font).height()
        # The top margin holds the number printed above the tallest column.
        self.chart().setMargins(QMargins(PAD_PX, label_px + 8, PAD_PX, 4))
        self.setFixedHeight(HOURLY_HEIGHT_PX)

    def set_hours(self, counts: Sequence[int]) -> None:
        """``counts[h]`` is the number of visits that began in hour ``h`` (0-23) of the day."""
        hours = [max(0, int(c)) for c in list(counts)[:24]]
        busy = [hour for hour, count in enumerate(hours) if count]
        first, last = (busy[0], busy[-1]) if busy else (0, len(hours) - 1)
        self._show([(f"{hour:02d}", hours[hour]) for hour in range(first, last + 1)],
                   ordered=True)

    def sizeHint(self) -> QSize:
        return QSize(720, HOURLY_HEIGHT_PX)

    def _place_values(self) -> None:
        for index, item in enumerate(self._value_items[:len(self._bars)]):
            tip = self.chart().mapToPosition(QPointF(self._position(index), self._values[index]),
                                             self._series)
            box = item.boundingRect()
            item.setPos(tip.x() - box.width() / 2, tip.y() - box.height() - 4)
