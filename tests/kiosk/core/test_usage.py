from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.kiosk.core.state import CandleCounter, StateStore
from khojaly_kiosk.kiosk.core.usage import UsageCounters, export_csv, shown_count, usage_totals
from tests.support.kiosk import FakeClock

# A fixed local hour, so the expected buckets do not depend on when the test runs.
NOON = time.mktime((2026, 2, 26, 12, 0, 0, 0, 0, -1))


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_counts_are_aggregated_per_hour_and_small_ones_shown_as_under_five(
        state: StateStore, tmp_path: Path) -> None:
    clock = FakeClock(NOON + 60)
    usage = UsageCounters(state, clock)
    for _ in range(7):
        usage.session_started()
    for _ in range(3):
        usage.screen_viewed("timeline")
    usage.search_made()
    usage.testimony_opened()
    clock.advance(3600)
    for _ in range(5):
        usage.screen_viewed("names")
    out = tmp_path / "usb" / "stats.csv"
    assert export_csv(state, out) == 5
    rows = _read(out)
    assert list(rows[0]) == ["hour", "counter", "key", "count"]
    shown = {(r["hour"], r["counter"], r["key"]): r["count"] for r in rows}
    assert shown == {
        ("2026-02-26T12:00", "screens", "timeline"): "<5",
        ("2026-02-26T12:00", "searches", ""): "<5",
        ("2026-02-26T12:00", "sessions", ""): "7",
        ("2026-02-26T12:00", "testimonies_opened", ""): "<5",
        ("2026-02-26T13:00", "screens", "names"): "5",
    }


def test_export_holds_nothing_but_aggregates(state: StateStore, tmp_path: Path) -> None:
    usage = UsageCounters(state, FakeClock(NOON))
    usage.search_made()
    CandleCounter(state, FakeClock(NOON)).light()
    out = tmp_path / "stats.csv"
    export_csv(state, out)
    for row in _read(out):
        assert set(row) == {"hour", "counter", "key", "count"}
        assert row["count"] == "<5" or row["count"].isdigit()


@pytest.mark.parametrize("key", ["Səvinc", "sevinc abbasova", "x" * 41, "<script>"])
def test_free_text_cannot_be_recorded_as_a_key(state: StateStore, key: str) -> None:
    with pytest.raises(InvalidInput):
        UsageCounters(state).screen_viewed(key)
    assert state.query("SELECT COUNT(*) FROM usage") == [(0,)]


def test_unknown_counter_is_refused(state: StateStore) -> None:
    with pytest.raises(InvalidInput, match="not a usage counter"):
        UsageCounters(state).record("keystrokes")


def test_totals_cover_every_counter(state: StateStore) -> None:
    usage = UsageCounters(state, FakeClock(NOON))
    usage.screen_viewed("home")
    usage.screen_viewed("timeline")
    assert usage_totals(state) == {"sessions": 0, "screens": 2, "testimonies_opened": 0,
                                   "searches": 0, "candles": 0}


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"),
                                              (1234, "1234")])
def test_shown_count(count: int, shown: str) -> None:
    assert shown_count(count) == shown


def test_buffered_counts_are_written_in_one_flush_in_the_hour_they_happened(
        state: StateStore) -> None:
    clock = FakeClock(NOON + 60)
    usage = UsageCounters(state, clock, buffered=True)
    for _ in range(3):
        usage.screen_viewed("timeline")
    clock.advance(3600)
    usage.screen_viewed("timeline")  # the next hour, flushed later all the same
    assert state.query("SELECT COUNT(*) FROM usage") == [(0,)]
    assert usage.pending == 4
    assert usage.flush() == 4 and usage.pending == 0 and usage.flush() == 0
    assert state.query("SELECT hour, count FROM usage ORDER BY hour") == [
        ("2026-02-26T12:00", 3), ("2026-02-26T13:00", 1)]
    usage.screen_viewed("timeline")
    usage.flush()  # added to the row already written
    assert state.query("SELECT count FROM usage WHERE hour = '2026-02-26T13:00'") == [(2,)]


def test_a_failed_flush_keeps_the_counts_for_the_next(
        state: StateStore, monkeypatch: pytest.MonkeyPatch) -> None:
    usage = UsageCounters(state, FakeClock(NOON), buffered=True)
    usage.search_made()
    usage.search_made()

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(StateStore, "transaction", full_disk)
        with pytest.raises(OSError):
            usage.flush()
        usage.write_pending()  # the running kiosk's way: logged, nothing raised
    assert usage.pending == 2
    usage.search_made()
    assert usage.totals()["searches"] == 3  # written first, then read
    assert usage.pending == 0 and usage_totals(state)["searches"] == 3
