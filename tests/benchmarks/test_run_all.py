"""The one benchmark command runs and reports a figure with its goal and its anchor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_quick_run_of_one_figure_reports_it_beside_its_goal_and_anchor(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run_all.py"), "--quick", "--only",
         "startup_offscreen", "--no-profiles", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]

    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    [figure] = [f for f in report["figures"] if f["key"] == "startup_offscreen"]
    assert figure["goal"] == "<= 1.5x the bare window"
    assert figure["anchor_label"] == "bare window"
    assert figure["anchor"] > 0
    assert figure["value"] > 0
    assert figure["ratio"] == pytest.approx(figure["value"] / figure["anchor"])
    assert figure["goal_met"] is (figure["ratio"] <= 1.5)
    assert figure["load"]["before"]["cpus"] >= 1
    assert report["quick"] is True
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert figure["title"] in markdown
    assert "bare window:" in markdown
