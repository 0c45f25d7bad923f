"""monkey: random taps, swipes, keys and window-manager close requests on a running kiosk.

One kiosk-mode session runs in this process (offscreen Qt, the demo archive, a fake idle
clock) inside its real event loop; a zero-interval timer performs one random action per
turn of the loop. Counted: events; exceptions (sys.excepthook, which the kiosk's crash
handler owns, plus ERROR log records of the kiosk and Qt warnings); escapes (the window
hidden, closed, minimised or no longer full screen, the lockdown off, the event loop quitting,
another top-level window shown); idle resets, and those that did not land on attract.

Everything the monkey knows about the kiosk's internals is in ``kiosk_adapter.open_kiosk``:
the ONE adapter to update when the kiosk's modules move.
"""

from __future__ import annotations

import logging
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from torturelib.common import Case, SuiteResult, Timer
from torturelib.kiosk_adapter import Kiosk, open_kiosk

SUITE = "monkey"
CHECKS = ("exceptions", "escapes", "close-requests", "idle-resets")
FAMILIES = ("monkey",)
QUICK_FAMILIES = FAMILIES  # what --quick runs
_NOISE = ("This plugin does not support propagateSizeHints()",)


# ---- watching for trouble -----------------------------------------------------------------


class Watch(logging.Handler):
    """Counts exceptions, kiosk ERROR records and Qt warnings; keeps the first few."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()
        self.first: list[str] = []

    def note(self, kind: str, text: str) -> None:
        self.counts[kind] += 1
        if self.counts[kind] <= 3:
            self.first.append(f"{kind}: {' '.join(text.split())[:300]}")

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.name == "qt":
            if message not in _NOISE:
                self.note("qt warning", message)
        elif record.levelno >= logging.ERROR:
            import traceback
            detail = "".join(traceback.format_exception(*record.exc_info)[-1:]) \
                if record.exc_info else ""
            self.note("error logged", f"{record.name}: {message} {detail}")

    def excepthook(self, previous: Callable[..., Any]) -> Callable[..., Any]:
        def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
            self.note("exception", f"{kind.__name__}: {exc}")
            previous(kind, exc, tb)
        return hook


# ---- the monkey ------------------------------------------------------------------------------


KEYS = ["A", "B", "E", "K", "M", "Z", "0", "5", "Space", "Return", "Enter", "Backspace",
        "Delete", "Tab", "Backtab", "Left", "Right", "Up", "Down", "PageUp", "PageDown",
        "Home", "End", "Escape", "F1", "F4", "F5", "F11", "F12", "Menu", "Meta", "Super_L"]
MODIFIED = [("F4", "Alt"), ("Tab", "Alt"), ("Q", "Control"), ("W", "Control"),
            ("Backspace", "Control+Alt"), ("F2", "Control+Alt"), ("Space", "Alt"),
            ("Q", "Control+Shift"), ("C", "Control"), ("V", "Control"), ("A", "Control"),
            ("Z", "Control"), ("Plus", "Control"), ("Minus", "Control"), ("F", "Meta")]


class Monkey:
    def __init__(self, kiosk: Kiosk, events: int, rng: random.Random, watch: Watch) -> None:
        from PySide6.QtTest import QTest

        self.kiosk = kiosk
        self.events = events
        self.rng = rng
        self.watch = watch
        self.QTest = QTest
        self.counts: Counter[str] = Counter()
        self.escapes: dict[int, str] = {}  # event number -> what escaped
        self.by_close: set[int] = set()  # escapes right after a close request
        self.resets_off_attract: list[str] = []
        self.last_action = ""
        self.done = 0
        self.finished = False
        self._targets: list[tuple[int, int]] = []
        self._targets_for: object = None
        self.touch = QTest.createTouchDevice()
        kiosk.on_idle_reset(self._after_reset)

    # -- checks --
    def _after_reset(self) -> None:
        self.counts["idle resets"] += 1
        shown = self.kiosk.screen()
        if shown not in (self.kiosk.attract, self.kiosk.unavailable):
            self.resets_off_attract.append(f"event {self.done}: {shown}")

    def check(self) -> None:
        from PySide6.QtWidgets import QApplication

        window = self.kiosk.window
        problems = []
        if not window.isVisible():
            problems.append("the kiosk window is hidden or closed")
        elif window.isMinimized():
            problems.append("the kiosk window is minimised")
        elif not window.isFullScreen():
            problems.append("the kiosk window left full screen")
        screen = window.screen()
        if problems and screen is not None:
            # Where it happened, and the window against its screen (a layout whose minimum
            # no longer fits makes Qt grow the window).
            problems.append(f"the window is {window.width()}x{window.height()} on a "
                            f"{screen.geometry().width()}x{screen.geometry().height()} screen "
                            f"(minimum {window.minimumSizeHint().width()}x"
                            f"{window.minimumSizeHint().height()}) on "
                            f"{self.kiosk.screen()}")
        if not self.kiosk.locked_down():
            problems.append("the kiosk-mode lockdown is off")
        others = [w for w in QApplication.topLevelWidgets()
                  if w is not window and w.isVisible() and w.isWindow()
                  and not w.windowType().name.endswith(("Popup", "ToolTip"))]
        if others:
            problems.append(f"another window is shown: {type(others[0]).__name__}")
        if problems:
            self.record_escape("; ".join(problems))
            self.restore()

    def record_escape(self, problem: str) -> None:
        """One escape per event, however many ways the kiosk was left."""
        if self.done in self.escapes:
            self.escapes[self.done] += f"; {problem}"
            return
        self.escapes[self.done] = f"after a {self.last_action} (event {self.done}): {problem}"
        if self.last_action == "close request":
            self.by_close.add(self.done)

    def restore(self) -> None:
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if widget is not self.kiosk.window and widget.isVisible():
                widget.hide()
        self.kiosk.window.showFullScreen()

    # -- actions --
    def _point(self, on_button: bool) -> tuple[int, int]:
        """Anywhere in the window, or a visible button's centre (to get deep into screens)."""
        from PySide6.QtWidgets import QAbstractButton

        window = self.kiosk.window
        if on_button:
            key = (self.kiosk.screen(), self.done // 25)
            if key != self._targets_for:
                self._targets_for = key
                self._targets = []
                # Not the top bar's: its text-size and contrast buttons restyle the whole
                # application (seconds each), which would eat the monkey's time.
                for button in self.kiosk.content.findChildren(QAbstractButton):
                    if button.isVisible() and button.isEnabled():
                        centre = button.mapTo(window, button.rect().center())
                        if window.rect().contains(centre):  # not scrolled out of sight
                            self._targets.append((centre.x(), centre.y()))
            if self._targets:
                return self.rng.choice(self._targets)
        return self.rng.randrange(window.width()), self.rng.randrange(window.height())

    def step(self) -> None:
        """One random action. Weights: taps 43 % (one in five on a button), swipes 17 %,
        touch taps 6 %, double taps 3 %, right clicks 1 %, keys 20 %, time passing 10 %
        (one in ten an idle reset), and a window-manager close request every 1,000 events."""
        from PySide6.QtCore import QPoint, Qt

        handle = self.kiosk.window.windowHandle()
        r = self.rng.random()
        x, y = self._point(on_button=self.rng.random() < 0.2)
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        if self.done % 1000 == 500:
            action = "close request"
            handle.close()
        elif r < 0.43:
            action = "tap"
            self.QTest.mouseClick(handle, left, none, QPoint(x, y))
        elif r < 0.60:
            action = "swipe"
            self.QTest.mousePress(handle, left, none, QPoint(x, y))
            width, height = self.kiosk.window.width(), self.kiosk.window.height()
            dx = min(width - 1, max(0, x + self.rng.randint(-900, 900))) - x
            dy = min(height - 1, max(0, y + self.rng.randint(-900, 900))) - y
            moves = self.rng.randint(2, 8)
            for i in range(1, moves + 1):
                self.QTest.mouseMove(handle, QPoint(x + dx * i // moves, y + dy * i // moves))
            self.QTest.mouseRelease(handle, left, none, QPoint(x + dx, y + dy))
        elif r < 0.66:
            action = "touch tap"
            self.QTest.touchEvent(handle, self.touch).press(0, QPoint(x, y), handle).commit()
            self.QTest.touchEvent(handle, self.touch).release(0, QPoint(x, y), handle).commit()
        elif r < 0.69:
            action = "double tap"
            self.QTest.mouseDClick(handle, left, none, QPoint(x, y))
        elif r < 0.70:
            action = "right click"
            self.QTest.mouseClick(handle, Qt.MouseButton.RightButton, none, QPoint(x, y))
        elif r < 0.90:
            action = "key"
            self._key()
        else:
            action = "time"
            self._time()
        self.counts[action] += 1
        self.last_action = action
        self.check()

    def _key(self) -> None:
        from PySide6.QtCore import Qt

        handle = self.kiosk.window.windowHandle()
        if self.rng.random() < 0.3:
            name, mods = self.rng.choice(MODIFIED)
        else:
            name, mods = self.rng.choice(KEYS), ""
        modifiers = Qt.KeyboardModifier.NoModifier
        for mod in filter(None, mods.split("+")):
            modifiers |= getattr(Qt.KeyboardModifier, f"{mod}Modifier")
        self.QTest.keyClick(handle, getattr(Qt.Key, f"Key_{name}"), modifiers)

    def _time(self) -> None:
        r = self.rng.random()
        if r < 0.1:
            self.kiosk.advance_idle(self.kiosk.idle_after + 1)  # an idle reset
        elif r < 0.25:
            self.kiosk.advance_idle(self.kiosk.idle_after - 3)  # the countdown shows
        else:
            self.kiosk.advance_idle(self.rng.uniform(0, 5))


def monkey_process(work: Path, events: int, seed: int, progress: Callable[[str], None]
                   ) -> dict[str, Any]:
    """Run the monkey in this process (the Qt platform must be set, e.g. offscreen)."""
    started = time.monotonic()
    watch = Watch()
    root = logging.getLogger()
    root.addHandler(watch)
    kiosk = open_kiosk(work / "data")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    previous_hook = sys.excepthook
    sys.excepthook = watch.excepthook(previous_hook)
    monkey = Monkey(kiosk, events, random.Random(seed), watch)
    harness: list[str] = []
    step = QTimer()
    step.setInterval(0)
    last = [time.monotonic()]

    def one() -> None:
        if monkey.done >= events:
            monkey.finished = True
            step.stop()
            app.exit(0)
            return
        try:
            monkey.step()
        except Exception as exc:  # the monkey's own mistake
            harness.append(repr(exc))
            if len(harness) > 20:
                raise
        monkey.done += 1
        if time.monotonic() - last[0] > 60:
            last[0] = time.monotonic()
            progress(f"  monkey (seed {seed}) {monkey.done}/{events} events, "
                     f"{sum(watch.counts.values())} exceptions, {len(monkey.escapes)} escapes")

    step.timeout.connect(one)
    while not monkey.finished:
        step.start()
        app.exec()
        if not monkey.finished:
            monkey.record_escape("the kiosk's event loop quit")
            monkey.restore()
    kiosk.close()
    sys.excepthook = previous_hook
    root.removeHandler(watch)
    return {"events": monkey.done, "counts": dict(monkey.counts),
            "exceptions": dict(watch.counts), "first": watch.first,
            "escapes": [text for _n, text in sorted(monkey.escapes.items())],
            "by_close": [monkey.escapes[n] for n in sorted(monkey.by_close)],
            "resets_off_attract": monkey.resets_off_attract, "harness": harness,
            "seconds": time.monotonic() - started}


def run(work: Path, *, quick: bool, seed: int, events: int | None = None, jobs: int = 2,
        progress: Callable[[str], None] = print) -> SuiteResult:
    """``jobs`` monkey processes share the events, each with its own seed and data folder."""
    import json
    import subprocess

    from torturelib.common import child_env, screen_config

    timer = Timer()
    total = events or (3_000 if quick else 100_000)
    work.mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(jobs, total // 1000 or 1))
    progress(f"monkey: {total} events in {jobs} process(es)")
    screen = screen_config(work)
    processes = []
    for job in range(jobs):
        share = total // jobs + (1 if job < total % jobs else 0)
        out = work / f"monkey-{job}.json"
        argv = [sys.executable, "-m", "torturelib.monkey", str(work / f"run-{job}"),
                str(share), str(seed + job), str(out)]
        processes.append((subprocess.Popen(argv, env=child_env(screen=screen)), out))
    parts = []
    for process, out in processes:
        process.wait()
        parts.append(json.loads(out.read_text("utf-8")) if out.is_file() else {
            "events": 0, "counts": {}, "exceptions": {}, "first": [], "escapes": [],
            "by_close": [], "resets_off_attract": [],
            "harness": [f"the monkey process ended with exit {process.returncode}"]})
    return _result(parts, timer())


def _result(parts: list[dict[str, Any]], seconds: float) -> SuiteResult:
    counts: Counter[str] = Counter()
    exceptions: Counter[str] = Counter()
    for part in parts:
        counts.update(part["counts"])
        exceptions.update(part["exceptions"])
    events = sum(p["events"] for p in parts)
    escapes = [e for p in parts for e in p["escapes"]]
    by_close = [e for p in parts for e in p["by_close"]]
    others = [e for e in escapes if e not in by_close]
    resets_off = [e for p in parts for e in p["resets_off_attract"]]
    harness = [h for p in parts for h in p["harness"]]
    first = [f for p in parts for f in p["first"]]
    case = Case(SUITE, "monkey", f"{events} random events")
    if exceptions:
        case.fail("exceptions", f"{dict(exceptions)}; {' | '.join(first[:4])}")
    if others:
        case.fail("escapes", f"{len(others)}: {' | '.join(others[:3])}")
    if by_close:
        case.fail("close-requests", f"{len(by_close)} of {counts['close request']} "
                  f"window-manager close requests left the kiosk: {by_close[0]}")
    if resets_off:
        case.fail("idle-resets", f"{len(resets_off)} resets did not land on attract: "
                  f"{', '.join(resets_off[:3])}")
    if harness:
        case.fail("exceptions", f"the monkey itself failed: {harness[:3]}")
    case.outcome = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    case.seconds = seconds
    result = SuiteResult(SUITE, [case], seconds=seconds)
    result.counters = {"events": events, "exceptions": sum(exceptions.values()),
                       "escapes": len(escapes), "idle resets": counts["idle resets"],
                       "resets not on attract": len(resets_off),
                       "close requests": counts["close request"]}
    return result


def main() -> None:
    """``python -m torturelib.monkey WORK EVENTS SEED OUT.json`` (one monkey process)."""
    import json

    work, events, seed, out = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    work.mkdir(parents=True, exist_ok=True)
    result = monkey_process(work, events, seed, lambda line: print(line, flush=True))
    Path(out).write_text(json.dumps(result, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
