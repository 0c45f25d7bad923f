"""A slice of the torture suites (``tools/torture.py``) loses nothing.

The whole ``--quick`` variant takes a few minutes on two shared cores; this test runs a slice
of it in about a minute, so the default test run keeps the tool working against today's code:
- hostile and corrupt: their whole quick variant (40 mutated packages, 7 damages);
- kill: ``kill -9`` of an import at its ``switched`` write point;
- monkey: 600 random taps, swipes, keys and close requests on a kiosk-mode session.

Each ``suite/family`` parameter fails on any lost case of that family, except the known
failures listed in ``KNOWN`` (xfail(strict=True), with the reason; none today: the failures
the tool found when it was written are fixed, see the README's torture section). A known
failure that passes XPASSes, which fails: remove its entry then.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

from torturelib import corrupt, hostile  # noqa: E402

MONKEY_EVENTS = 600
# (suites, extra arguments): one run of tools/torture.py --quick each.
SLICES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("corrupt", "hostile"), ()),
    (("kill",), ("--only", "import zip @ switched")),
    (("monkey",), ("--events", str(MONKEY_EVENTS), "--jobs", "1")),
)
FAMILIES = {"corrupt": corrupt.QUICK_FAMILIES, "hostile": hostile.QUICK_FAMILIES,
            "kill": ("import-point",), "monkey": ("monkey",)}

# (suite, family, check) -> why it fails today.
KNOWN: dict[tuple[str, str, str], str] = {}


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("torture")
    suites: dict[str, Any] = {}
    for number, (names, extra) in enumerate(SLICES):
        out = folder / f"torture-{number}.json"
        done = subprocess.run([sys.executable, str(REPO / "tools" / "torture.py"), *names,
                               "--quick", *extra, "--json", str(out),
                               "--work", str(folder / f"work-{number}")],
                              capture_output=True, text=True, timeout=900, check=False)
        assert out.is_file(), done.stdout[-3000:] + done.stderr[-3000:]
        suites.update({s["suite"]: s for s in json.loads(out.read_text("utf-8"))["suites"]})
    return suites


def _failures(run: dict[str, Any], suite: str, family: str) -> dict[str, list[str]]:
    """check -> the lost cases of ``family`` that failed it (name: detail)."""
    found: dict[str, list[str]] = {}
    for case in run[suite]["lost_cases"]:
        if case["family"] == family:
            for check, detail in case["failures"].items():
                found.setdefault(check, []).append(f"{case['name']}: {detail}")
    return found


def _params() -> list[Any]:
    params = [pytest.param(suite, family, None, id=f"{suite}/{family}")
              for suite, families in FAMILIES.items() for family in families]
    params += [pytest.param(suite, family, check, id=f"{suite}/{family}/{check}",
                            marks=pytest.mark.xfail(strict=True, reason=reason))
               for (suite, family, check), reason in KNOWN.items()]
    return params


@pytest.mark.slow
@pytest.mark.parametrize(("suite", "family", "check"), _params())
def test_quick_torture_loses_nothing(quick_run: dict[str, Any], suite: str, family: str,
                                     check: str | None) -> None:
    run = quick_run[suite]
    assert run["families"].get(family, 0) > 0, f"no {family} case ran"
    failures = _failures(quick_run, suite, family)
    if check is not None:  # a known failure: xfail until it is fixed
        assert check not in failures, "\n".join(failures[check][:5])
        return
    unknown = {c: cases for c, cases in failures.items() if (suite, family, c) not in KNOWN}
    assert not unknown, "\n".join(f"[{c}] {line}" for c, lines in unknown.items()
                                  for line in lines[:3])
    if suite == "monkey":
        assert run["counters"]["events"] >= MONKEY_EVENTS
        assert run["counters"]["idle resets"] > 0
