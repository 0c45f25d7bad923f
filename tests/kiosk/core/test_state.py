from __future__ import annotations

from pathlib import Path

import pytest

from khojaly_kiosk.errors import EnvironmentProblem, InvalidInput
from khojaly_kiosk.kiosk.core.state import CandleCounter, StateStore, apply_overrides
from khojaly_kiosk.settings import Settings


def test_candles_count_up_and_survive_reopening(state_path: Path) -> None:
    with StateStore.open(state_path) as store:
        candles = CandleCounter(store)
        assert candles.count() == 0
        assert candles.light() == 1
        assert candles.light() == 2
    with StateStore.open(state_path) as store:
        assert CandleCounter(store).count() == 2


def test_candles_are_counted_in_hourly_usage(state: StateStore) -> None:
    CandleCounter(state).light()
    assert state.query("SELECT counter, count FROM usage") == [("candles", 1)]


def test_overrides_apply_to_settings(state: StateStore, tmp_path: Path) -> None:
    state.set_setting_override("idle_seconds", "120")
    state.set_setting_override("default_language", "en")
    state.set_setting_override("opening_hours", "09:00-18:00")
    settings = apply_overrides(Settings(), state)
    assert (settings.idle_seconds, settings.default_language, settings.opening_hours) == (
        120, "en", "09:00-18:00")
    state.set_setting_override("idle_seconds", None)
    assert apply_overrides(Settings(), state).idle_seconds == 90


@pytest.mark.parametrize(("key", "value"), [
    ("idle_seconds", "5"), ("idle_seconds", "soon"), ("default_language", "de"),
    ("opening_hours", "9-18"), ("demo_mode", "false"),
])
def test_bad_overrides_are_refused_with_a_sentence(state: StateStore, key: str,
                                                   value: str) -> None:
    with pytest.raises(InvalidInput) as err:
        state.set_setting_override(key, value)
    assert str(err.value).endswith(".")
    assert state.settings_overrides() == {}


def test_a_corrupt_state_file_is_moved_aside(state_path: Path) -> None:
    state_path.write_bytes(b"this is not a database" * 100)
    with StateStore.open(state_path) as store:
        assert CandleCounter(store).count() == 0
    assert list(state_path.parent.glob("state.sqlite.corrupt-*"))


def test_a_folder_in_place_of_the_state_file_is_moved_aside(state_path: Path) -> None:
    # Found by the corrupt torture suite: the kiosk refused to start (exit 3) instead.
    (state_path / "inside").mkdir(parents=True)
    with StateStore.open(state_path) as store:
        assert CandleCounter(store).count() == 0
    assert state_path.is_file()
    (aside,) = state_path.parent.glob("state.sqlite.corrupt-*")
    assert (aside / "inside").is_dir()


def test_an_empty_state_file_is_named_as_such_by_a_read_only_open(state_path: Path) -> None:
    # Found by the corrupt torture suite: doctor said "no such table: pin".
    state_path.write_bytes(b"")
    with pytest.raises(EnvironmentProblem, match="is empty: its tables are missing"):
        StateStore.open_readonly(state_path)
    assert state_path.read_bytes() == b""  # a read-only open changes nothing
