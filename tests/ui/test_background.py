from __future__ import annotations

import threading

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.ui.background import ProgressCallback, run_in_background


def test_work_runs_off_the_gui_thread_and_results_come_back_on_it(qtbot: object) -> None:
    seen: dict[str, object] = {}
    progress: list[tuple[str, float, bool]] = []

    def work(report: ProgressCallback) -> str:
        seen["work_thread"] = threading.current_thread()
        report("Checking the package.", 0.5)
        return "Imported package 7."

    def on_success(result: object) -> None:
        seen["result"] = result
        seen["success_thread"] = threading.current_thread()

    op = run_in_background(
        work, on_success=on_success,
        on_progress=lambda m, f: progress.append(
            (m, f, threading.current_thread() is threading.main_thread())))
    with qtbot.waitSignal(op.finished, timeout=5000):  # type: ignore[attr-defined]
        pass
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["success_thread"] is threading.main_thread()
    assert seen["result"] == "Imported package 7."
    assert progress == [("Checking the package.", 0.5, True)]
    assert not op.running


def test_failure_is_reported_with_the_exception(qtbot: object) -> None:
    failures: list[BaseException] = []

    def work(report: ProgressCallback) -> None:
        raise InvalidInput("The package signature does not match.", hint="Use a signed package.")

    op = run_in_background(work, on_failure=failures.append,
                           on_success=lambda r: failures.append(AssertionError(r)))
    qtbot.waitUntil(lambda: not op.running, timeout=5000)  # type: ignore[attr-defined]
    assert [str(f) for f in failures] == ["The package signature does not match."]
