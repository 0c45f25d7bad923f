"""The arithmetic of a proportional time axis: days, ticks that follow the zoom, marker rows.

No widgets here, so it is tested on its own. Learned from TimelineJS3's ``TimeScale`` and
``AxisHelper``: a date's place is proportional to its time; tick labels step from decades to
years, months and days as the scale grows; markers are stacked in rows greedily so the fewest
overlap. Unlike TimelineJS3 a marker that finds no free row is not drawn over another: it
keeps its dot on the axis line (and gets its label when zoomed in or selected).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

#: The smallest gap between two labelled ticks, in px.
TICK_SPACING = 120
UNITS = ("decade", "year", "month", "day")
_UNIT_DAYS = {"decade": 3652.5, "year": 365.25, "month": 30.44, "day": 1.0}


def day_number(year: int, month: int | None = None, day: int | None = None,
               end: bool = False) -> float:
    """Days since 1 January of year 1 for a possibly partial date.

    A partial date stands for a period: ``end=False`` gives its first day, ``end=True`` its
    last ("1993" as an end is 31 December 1993), so a span covers what the content says.
    """
    year = min(max(year, 1), 9999)
    if month is None or not 1 <= month <= 12:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        last_day = calendar.monthrange(year, month)[1]
        if day is None or not 1 <= day <= last_day:
            first, last = dt.date(year, month, 1), dt.date(year, month, last_day)
        else:
            first = last = dt.date(year, month, day)
    return float((last if end else first).toordinal())


def date_of(days: float) -> dt.date:
    return dt.date.fromordinal(min(max(1, math.floor(days)), dt.date.max.toordinal()))


def choose_unit(px_per_day: float, spacing: int = TICK_SPACING) -> str:
    """The finest unit whose ticks stand at least ``spacing`` px apart at this scale."""
    for unit in reversed(UNITS):
        if _UNIT_DAYS[unit] * px_per_day >= spacing:
            return unit
    return UNITS[0]


def ticks(first: float, last: float, unit: str) -> list[dt.date]:
    """The dates of the ``unit`` ticks from ``first`` to ``last`` (day numbers), in order."""
    start, end = date_of(first), date_of(last)
    out: list[dt.date] = []
    if unit == "day":
        out = [dt.date.fromordinal(n) for n in range(start.toordinal(), end.toordinal() + 1)]
    elif unit == "month":
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            out.append(dt.date(year, month, 1))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        step = 10 if unit == "decade" else 1
        year = start.year - start.year % step
        while year <= end.year:
            if year >= 1:
                out.append(dt.date(year, 1, 1))
            year += step
    return [d for d in out if first <= d.toordinal() <= last]


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a marker's label goes: ``row`` (0 nearest the axis) or None for a dot only."""

    index: int
    row: int | None


def assign_rows(lefts: list[float], width: float, rows: int, gap: float = 12.0,
                first: Sequence[int] = ()) -> list[Placed]:
    """Give each marker (label ``width`` px wide from its ``left`` x) a row where it overlaps
    no other; the markers in ``first`` (the selected one, then its neighbours) are placed
    before all others, the selected one in row 0.

    Markers are taken in order of ``lefts`` (time order), each in the lowest free row, as
    TimelineJS3's ``_computeRowInfo`` does; one with no free row is left as a dot (row None).
    """
    taken: list[list[tuple[float, float]]] = [[] for _ in range(max(0, rows))]
    placed: dict[int, int | None] = {}

    def free(row: int, left: float) -> bool:
        return all(left + width + gap <= a or left >= b + gap for a, b in taken[row])

    wanted = [i for i in dict.fromkeys(first) if 0 <= i < len(lefts)]
    order = wanted + [i for i in range(len(lefts)) if i not in set(wanted)]
    for index in order:
        left = lefts[index]
        row = next((r for r in range(len(taken)) if free(r, left)), None)
        if row is not None:
            taken[row].append((left, left + width))
        placed[index] = row
    return [Placed(index, placed[index]) for index in range(len(lefts))]


def zoom_levels(fit: float, most: float, step: float = 1.6) -> list[float]:
    """Scales (px per day) from ``fit`` (everything on screen) up to ``most``, ``step`` apart."""
    levels = [fit]
    while levels[-1] * step < most:
        levels.append(levels[-1] * step)
    if levels[-1] < most:
        levels.append(most)
    return levels


def auto_zoom_level(starts: Sequence[float], levels: Sequence[float], chosen: int,
                    width: float, rows: int, finger: float) -> int:
    """The zoom level (an index into ``levels``) that shows event ``chosen`` in context.

    The most zoomed-out level at which the chosen event and both neighbours get labels (in
    ``rows`` rows of ``width`` px labels) and their dots on different days stand a ``finger``
    apart; else the same with the next neighbour only, then the previous. When no level
    allows that (too few rows, or neighbours on the same day), the level at which the nearest
    event on another day is a label's width away: the chosen event's own week.
    """
    def labelled(wanted: list[int], scale: float) -> bool:
        lefts = [(start - starts[0]) * scale for start in starts]
        placed = assign_rows(lefts, width, rows, first=[chosen, chosen - 1, chosen + 1])
        days = sorted({starts[i] for i in wanted})
        return (all(placed[i].row is not None for i in wanted)
                and all((b - a) * scale >= finger for a, b in itertools.pairwise(days)))

    for neighbours in ((chosen - 1, chosen + 1), (chosen + 1,), (chosen - 1,)):
        wanted = [chosen, *(i for i in neighbours if 0 <= i < len(starts))]
        found = next((n for n, scale in enumerate(levels) if labelled(wanted, scale)), None)
        if found is not None:
            return found
    gaps = [abs(start - starts[chosen]) for start in starts if start != starts[chosen]]
    if not gaps:
        return 0
    return next((n for n, scale in enumerate(levels) if min(gaps) * scale >= width),
                len(levels) - 1)
