"""The progress callback helpers and the CLI text bar."""

from __future__ import annotations

import io

from khojaly_kiosk.content.progress import TextProgress, format_eta, report


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bar_shows_fraction_and_eta() -> None:
    clock = _Clock()
    bar = TextProgress(io.StringIO(), width=10, clock=clock)
    assert bar.render("Checking", 0, 100) == "Checking [----------]   0%"
    clock.now += 10  # a quarter done in 10 s: 30 s to go
    assert bar.render("Checking", 25, 100) == "Checking [##--------]  25%  ETA 0:30"
    assert bar.render("Building", 0, 0) == "Building..."


def test_non_terminal_output_writes_one_line_per_stage_and_completion() -> None:
    stream = io.StringIO()
    bar = TextProgress(stream, width=4, clock=_Clock())
    for done in range(0, 5):
        bar("Unpacking", done, 4)
    bar("Building", 0, 1)
    assert stream.getvalue().splitlines() == [
        "Unpacking [----]   0%", "Unpacking [####] 100%", "Building [----]   0%"]


def test_format_eta() -> None:
    assert format_eta(73.2) == "1:13"
    assert format_eta(3723) == "1:02:03"
    assert format_eta(-5) == "0:00"


def test_a_failing_callback_never_stops_the_work() -> None:
    calls = []

    def broken(stage: str, done: int, total: int) -> None:
        calls.append(stage)
        raise RuntimeError("display gone")

    report(broken, "Stage", 1, 2)
    report(None, "Stage", 1, 2)
    assert calls == ["Stage"]


def test_a_stage_whose_detail_changes_is_one_stage_with_its_eta() -> None:
    stream = io.StringIO()
    clock = _Clock()
    bar = TextProgress(stream, width=4, clock=clock)
    bar("Reading names.csv (5,000 rows)", 10, 100)
    clock.now += 10
    assert bar.render("Reading names.csv (50,000 rows, 5,000 rows/s)", 50, 100) == (
        "Reading names.csv (50,000 rows, 5,000 rows/s) [##--]  50%  ETA 0:10")
    bar("Reading names.csv (100,000 rows, 5,000 rows/s)", 100, 100)
    assert stream.getvalue().splitlines() == [
        "Reading names.csv (5,000 rows) [----]  10%",
        "Reading names.csv (100,000 rows, 5,000 rows/s) [####] 100%"]
