"""Painting the time axis: era bands, ticks, the axis line and centre mark, dots, labels.

Kept apart from ``time_axis`` (geometry, zoom and touch), which calls :func:`paint_axis` from
its ``paintEvent``. Only what is on screen is drawn; every text is plain and clipped at a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from khojaly_kiosk.ui.theme import current_palette
from khojaly_kiosk.ui.widgets.time_scale import choose_unit, ticks

if TYPE_CHECKING:
    from khojaly_kiosk.ui.widgets.time_axis import TimeAxis

_LEFT_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def clip_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` cut after the last whole word that fits in ``width`` px, with "…" if cut."""
    text = " ".join(text.split())
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    shown = ""
    for word in words:
        candidate = f"{shown} {word}" if shown else word
        if metrics.horizontalAdvance(candidate + "…") > width:
            break
        shown = candidate
    if not shown:  # not even one word fits: the only place a word is cut
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return shown.rstrip(",;:") + "…"


def paint_axis(axis: TimeAxis, painter: QPainter) -> None:
    """Eras, ticks, the axis line and centre mark, dots, stems and labels, in that order."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pal = current_palette()
    small, title = axis.fonts()
    line = axis.axis_y()
    band_h, _tick_h, _marker_h = axis.strips()
    _paint_eras(axis, painter, small, band_h, line)
    _paint_ticks(axis, painter, small, line)
    # The centre mark: where a drag puts the event it will choose.
    painter.setPen(QPen(QColor(pal.secondary), 2))
    middle = axis.width() / 2
    painter.drawLine(QPointF(middle, line - 10), QPointF(middle, line + 10))
    painter.setPen(QPen(QColor(pal.divider), 2))
    painter.drawLine(QPointF(0, line), QPointF(axis.width(), line))
    visible = [i for i in range(len(axis.events()))
               if -axis.marker_width() <= axis.dot_x(i) <= axis.width() + 8]
    for index in visible:
        _paint_span_and_dot(axis, painter, index, line)
    # The stems first, then the labels, the selected one last: no stem crosses a label.
    chosen = (axis.selected(), axis.candidate())
    order = sorted(visible, key=lambda i: i in chosen)
    for index in order:
        _paint_stem(axis, painter, index, line)
    for index in order:
        _paint_marker(axis, painter, index, small, title)


def _on_screen(axis: TimeAxis, rect: QRectF | None) -> bool:
    return rect is not None and rect.right() >= 0 and rect.left() <= axis.width()


def _paint_eras(axis: TimeAxis, painter: QPainter, font: QFont, band_h: int,
                line: float) -> None:
    pal = current_palette()
    tint = QColor(pal.text)
    painter.setFont(font)
    metrics = QFontMetrics(font)
    for number, era in enumerate(axis.eras()):
        left, right = axis.x_of(era.start), axis.x_of(era.end + 1)
        if right < 0 or left > axis.width():
            continue
        tint.setAlpha(22 if number % 2 else 12)
        painter.fillRect(QRectF(left, 0, right - left, line), tint)
        painter.setPen(QPen(QColor(pal.divider), 1))
        painter.drawLine(QPointF(left, 0), QPointF(left, line))
        # The name stays readable at the left of what is visible of the band.
        room = int(min(right, axis.width()) - max(left, 0) - 24)
        if room > 40:
            painter.setPen(QColor(pal.secondary))
            painter.drawText(QRectF(max(left, 0) + 12, 0, room, band_h), _LEFT_MIDDLE,
                             clip_words(era.name, metrics, room))


def _paint_ticks(axis: TimeAxis, painter: QPainter, font: QFont, line: float) -> None:
    pal = current_palette()
    metrics = QFontMetrics(font)
    scale = axis.scale()
    unit = choose_unit(scale, max(120, metrics.horizontalAdvance("00 September") + 24))
    first = axis.center() - axis.width() / 2 / scale
    last = axis.center() + axis.width() / 2 / scale
    painter.setFont(font)
    for day in ticks(first, last, unit):
        x = axis.x_of(day.toordinal())
        painter.setPen(QPen(QColor(pal.divider), 1))
        painter.drawLine(QPointF(x, line), QPointF(x, line + 8))
        painter.setPen(QColor(pal.secondary))
        painter.drawText(QRectF(x + 6, line + 6, 400, metrics.lineSpacing() + 8), _LEFT_TOP,
                         axis.tick_label(day, unit))


def _paint_span_and_dot(axis: TimeAxis, painter: QPainter, index: int, line: float) -> None:
    pal = current_palette()
    event = axis.events()[index]
    x = axis.dot_x(index)
    chosen = index in (axis.selected(), axis.candidate())
    if event.end is not None and event.end > event.start:
        end_x = axis.x_of(event.end + 1)
        colour = QColor(pal.indicator if chosen else pal.secondary)
        painter.fillRect(QRectF(x, line - 3, max(end_x - x, 2), 6), colour)
    painter.setPen(Qt.PenStyle.NoPen)
    if index == axis.selected():
        # Shape as well as colour: a larger dot with a ring around it.
        painter.setBrush(QColor(pal.indicator))
        painter.drawEllipse(QPointF(x, line), 9, 9)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(pal.text), 2))
        painter.drawEllipse(QPointF(x, line), 14, 14)
    else:
        painter.setBrush(QColor(pal.secondary))
        painter.drawEllipse(QPointF(x, line), 5, 5)


def _paint_stem(axis: TimeAxis, painter: QPainter, index: int, line: float) -> None:
    rect = axis.marker_rect(index)
    if rect is None or not _on_screen(axis, rect):
        return
    pal = current_palette()
    selected = index == axis.selected()
    painter.setPen(QPen(QColor(pal.indicator if selected else pal.divider), 2))
    painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.left(), line - 6))


def _paint_marker(axis: TimeAxis, painter: QPainter, index: int, small: QFont,
                  title: QFont) -> None:
    rect = axis.marker_rect(index)
    if rect is None or not _on_screen(axis, rect):
        return
    pal = current_palette()
    event = axis.events()[index]
    selected = index == axis.selected()
    painter.setBrush(QColor(pal.pressed if selected or index == axis.candidate()
                            else pal.surface))
    painter.setPen(QPen(QColor(pal.indicator), 3) if selected else QPen(QColor(pal.divider), 1))
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8)
    inner = rect.adjusted(14, 8, -12, -8)
    small_metrics, title_metrics = QFontMetrics(small), QFontMetrics(title)
    painter.setFont(small)
    painter.setPen(QColor(pal.secondary))
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(),
                            small_metrics.lineSpacing()), _LEFT_TOP,
                     clip_words(event.date, small_metrics, int(inner.width())))
    painter.setFont(title)
    painter.setPen(QColor(pal.text))
    painter.drawText(QRectF(inner.left(), inner.top() + small_metrics.lineSpacing() + 2,
                            inner.width(), title_metrics.lineSpacing()), _LEFT_TOP,
                     clip_words(event.title, title_metrics, int(inner.width())))
