from __future__ import annotations

from datetime import datetime

import pytest

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.kiosk.core.hours import OpeningHours

DAY = datetime(2026, 2, 26)


def at(hour: int, minute: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


def test_daytime_hours() -> None:
    hours = OpeningHours.parse("09:00-18:00")
    assert not hours.is_open(at(8, 59))
    assert hours.is_open(at(9))
    assert hours.is_open(at(17, 59))
    assert not hours.is_open(at(18))
    assert str(hours) == "09:00-18:00"


def test_hours_across_midnight() -> None:
    hours = OpeningHours.parse("20:00 - 02:00")
    assert hours.is_open(at(23)) and hours.is_open(at(1, 59))
    assert not hours.is_open(at(2)) and not hours.is_open(at(12))


def test_empty_means_always_open() -> None:
    hours = OpeningHours.parse("  ")
    assert hours.always_open and hours.is_open(at(3))
    assert hours.next_opening(at(3)) is None


def test_next_opening() -> None:
    hours = OpeningHours.parse("09:00-18:00")
    assert hours.next_opening(at(7)) == at(9)
    assert hours.next_opening(at(19)) == datetime(2026, 2, 27, 9, 0)
    assert hours.next_opening(at(10)) == at(10)


@pytest.mark.parametrize("text", ["9-18", "09:00", "25:00-26:00", "09:60-10:00",
                                  "10:00-10:00", "nine to six"])
def test_bad_hours_give_a_sentence(text: str) -> None:
    with pytest.raises(InvalidInput) as err:
        OpeningHours.parse(text)
    assert text.strip() in str(err.value) and err.value.hint
