"""The time axis, driven by a finger: drag, tap, pinch and the zoom steps (synthetic events)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.ui.widgets.time_axis import AxisEra, AxisEvent, TimeAxis
from khojaly_kiosk.ui.widgets.time_axis_paint import clip_words
from khojaly_kiosk.ui.widgets.time_scale import day_number
from tests.support.qt import shown


def synthetic_events() -> list[AxisEvent]:
    # A lone year, a crowded week and a late one, as a real timeline often is.
    days = [day_number(1987), day_number(1992, 2, 25), day_number(1992, 2, 26),
            day_number(1992, 2, 27), day_number(1992, 2, 28), day_number(2010, 4, 22)]
    return [AxisEvent(day, None, f"Synthetic date {n}", f"Synthetic event {n} words")
            for n, day in enumerate(days)]


@pytest.fixture
def axis(qtbot) -> TimeAxis:
    widget = shown(qtbot, TimeAxis(), 1600, 360)
    widget.set_animated(False)
    widget.set_content(synthetic_events(), [
        AxisEra("era-a", "Synthetic era A", day_number(1991, 10), day_number(1992, 2, 24)),
        AxisEra("era-b", "Synthetic era B", day_number(1992, 2, 25), day_number(1992, 3, 3))])
    return widget


def drag(widget, start: QPoint, end: QPoint, steps: int = 8) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for n in range(1, steps + 1):
        point = start + (end - start) * n / steps
        QTest.mouseMove(widget, point)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)
    QApplication.processEvents()


def test_places_are_proportional_to_time(axis):
    events = axis.events()
    gap_week = axis.dot_x(2) - axis.dot_x(1)
    gap_years = axis.dot_x(5) - axis.dot_x(2)
    days = events[5].start - events[2].start
    assert gap_years == pytest.approx(gap_week * days, rel=1e-6)


def test_the_selected_event_glides_to_the_centre_and_keeps_its_label(axis):
    axis.set_selected(3)
    assert axis.dot_x(3) == pytest.approx(axis.width() / 2)
    assert 3 in axis.labelled()


def test_the_axis_zooms_itself_so_a_crowded_week_opens_up(axis):
    axis.set_selected(-1)
    overview = axis.scale()
    axis.set_selected(2)  # in the crowded week: it and its neighbours get their labels
    assert axis.scale() > overview
    assert {1, 2, 3} <= set(axis.labelled())
    axis.set_selected(5)  # alone in its decade: the axis zooms out again
    assert axis.scale() < axis.fit_scale() * 100
    assert {4, 5} <= set(axis.labelled())


def test_zoom_steps_and_a_pinch_hold_until_the_next_visitor(axis):
    axis.set_selected(-1)
    assert axis.can_zoom_in() and not axis.can_zoom_out()
    axis.zoom_in()
    zoomed = axis.scale()
    assert zoomed > axis.fit_scale() and axis.can_zoom_out()
    axis.set_selected(5)
    assert axis.scale() == zoomed  # zoomed by hand: the axis no longer zooms itself
    axis.pinch(2.0)
    assert axis.scale() == pytest.approx(zoomed * 2)
    axis.pinch(1e9)
    assert not axis.can_zoom_in()
    axis.zoom_out()
    assert axis.can_zoom_in()
    axis.reset_zoom()
    axis.set_selected(-1)
    assert axis.scale() == pytest.approx(axis.fit_scale())


def test_a_drag_chooses_the_event_nearest_the_centre_mark(axis, qtbot):
    axis.set_selected(1)
    middle = axis.width() // 2
    distance = round(axis.dot_x(4) - middle)
    assert distance > 40  # a drag, not a tap
    with qtbot.waitSignal(axis.eventActivated) as chosen:
        # Pull the axis left until event 4 sits under the centre mark.
        drag(axis, QPoint(middle + 200, 200), QPoint(middle + 200 - distance, 200))
    assert chosen.args == [4]


def test_a_tap_on_a_label_or_near_a_dot_chooses_its_event(axis, qtbot):
    axis.set_selected(2)
    rect = axis.marker_rect(3)
    assert rect is not None
    with qtbot.waitSignal(axis.eventActivated) as chosen:
        QTest.mouseClick(axis, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert chosen.args == [3]
    axis.set_selected(5)
    near_dot = QPointF(axis.dot_x(5) + 20, axis.axis_y() + 10).toPoint()
    with qtbot.waitSignal(axis.eventActivated) as chosen:
        QTest.mouseClick(axis, Qt.MouseButton.LeftButton, pos=near_dot)
    assert chosen.args == [5]
    with qtbot.assertNotEmitted(axis.eventActivated):
        QTest.mouseClick(axis, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def test_the_selected_marker_is_marked_by_shape_not_colour_alone(axis):
    def ring_pixel() -> object:
        # Where the ring around a selected dot is drawn (10 px right, 10 px up: 14 px out).
        x, y = round(axis.dot_x(2)) + 10, round(axis.axis_y()) - 10
        return axis.grab().toImage().pixelColor(x, y)

    axis.set_selected(2)
    axis.zoom_in()  # zoomed by hand: the places stay while the selection moves
    axis.set_selected(2)
    selected = ring_pixel()
    axis.set_selected(3)
    assert ring_pixel() != selected


def test_labels_are_clipped_at_a_word(qtbot):
    axis = TimeAxis()
    qtbot.addWidget(axis)
    metrics = QFontMetrics(axis.font())
    text = "Armenian forces completely surrounded the town in October 1991."
    for width in (120, 200, 320):
        shown = clip_words(text, metrics, width)
        assert metrics.horizontalAdvance(shown) <= width
        assert shown.endswith("…")
        assert text.startswith(shown[:-1])
        assert shown[:-1] == "" or text[len(shown) - 1] in " ,"  # ends where a word ends
    assert clip_words(text, metrics, 2000) == text


def test_a_larger_text_size_gives_larger_labels_and_strips(axis):
    # The fonts and strip heights are kept between paints (a paint asked for them once per
    # marker) and made again when the widget's font changes: a text-size tap must reach them.
    small, title = axis.fonts()
    strips = axis.strips()
    assert axis.fonts()[0] is small and axis.strips() == strips  # kept
    font = axis.font()
    font.setPixelSize(round(small.pixelSize() / 0.85 * 1.5))
    axis.setFont(font)
    larger_small, larger_title = axis.fonts()
    assert larger_small.pixelSize() > small.pixelSize()
    assert larger_title.pixelSize() > title.pixelSize() and larger_title.family() == "Noto Serif"
    assert all(after > before for after, before in zip(axis.strips(), strips, strict=True))
    assert axis.rows() >= 1
