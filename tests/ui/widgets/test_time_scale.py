"""The arithmetic of the proportional time axis (no widgets)."""

from __future__ import annotations

import datetime as dt
import itertools

from khojaly_kiosk.ui.widgets.time_scale import (
    assign_rows,
    choose_unit,
    day_number,
    ticks,
    zoom_levels,
)


def test_a_partial_date_stands_for_its_whole_period() -> None:
    assert day_number(1992) == dt.date(1992, 1, 1).toordinal()
    assert day_number(1993, end=True) == dt.date(1993, 12, 31).toordinal()
    assert day_number(1992, 2) == dt.date(1992, 2, 1).toordinal()
    assert day_number(1992, 2, end=True) == dt.date(1992, 2, 29).toordinal()  # a leap year
    assert day_number(1992, 2, 26) == day_number(1992, 2, 26, end=True)
    assert day_number(1992, 13) == day_number(1992)  # a month out of range: the year


def test_ticks_step_from_decades_to_days_as_the_scale_grows() -> None:
    assert choose_unit(0.05) == "decade"
    assert choose_unit(0.5) == "year"
    assert choose_unit(5) == "month"
    assert choose_unit(150) == "day"
    first, last = day_number(1991, 11, 30), day_number(1992, 3, 2)
    assert ticks(first, last, "month") == [dt.date(1991, 12, 1), dt.date(1992, 1, 1),
                                           dt.date(1992, 2, 1), dt.date(1992, 3, 1)]
    assert ticks(day_number(1987), day_number(2013), "decade") == [
        dt.date(1990, 1, 1), dt.date(2000, 1, 1), dt.date(2010, 1, 1)]
    assert len(ticks(day_number(1992, 2, 25), day_number(1992, 3, 3), "day")) == 8


def test_markers_take_the_lowest_free_row_and_the_selected_one_row_zero() -> None:
    lefts = [0.0, 50.0, 100.0, 400.0]
    placed = assign_rows(lefts, width=200, rows=2)
    assert [p.row for p in placed] == [0, 1, None, 0]  # the third finds no free row: a dot
    chosen = assign_rows(lefts, width=200, rows=2, first=[2])
    assert [p.row for p in chosen] == [1, None, 0, 0]
    neighbours = assign_rows(lefts, width=200, rows=2, first=[2, 1])
    assert [p.row for p in neighbours] == [None, 1, 0, 0]


def test_zoom_levels_run_from_everything_to_the_deepest() -> None:
    levels = zoom_levels(0.1, 10.0)
    assert levels[0] == 0.1 and levels[-1] == 10.0
    assert all(b > a for a, b in itertools.pairwise(levels))


def test_the_zoom_shows_a_selection_with_its_neighbours_or_its_own_week() -> None:
    from khojaly_kiosk.ui.widgets.time_scale import auto_zoom_level

    starts = [day_number(1987), day_number(1992, 2, 25), day_number(1992, 2, 26),
              day_number(1992, 2, 27), day_number(2010)]
    levels = zoom_levels(0.1, 360.0)
    # Alone in its decade: everything in view will do.
    assert auto_zoom_level(starts, levels, 4, width=300, rows=3, finger=48) <= 1
    # In a crowded week: in enough to label it and both neighbours, dots a finger apart.
    crowded = auto_zoom_level(starts, levels, 2, width=300, rows=3, finger=48)
    assert levels[crowded] >= 48
    # One row only: the neighbours cannot all be labelled; still in close enough that the
    # next day is a label's width away.
    one_row = auto_zoom_level(starts, levels, 2, width=300, rows=1, finger=48)
    assert levels[one_row] >= 300
