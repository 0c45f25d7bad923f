"""In-process figures of the running kiosk: first visits, warm taps, restyle, language switch.

Each function runs in its own process (``_worker.py``), on the real kiosk as ``app.run``
builds it (``_kiosk.start_kiosk``), driven by taps routed through the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import bench_navigation as nav
from _common import Timing, cpu_of, settle, tap, timed_until_painted
from _kiosk import RunningKiosk, start_kiosk
from _profiles import profiled

from khojaly_kiosk.ui import navigation as keys


class BarePages:
    """The anchor of a screen change: a bare window with a QStackedWidget of two plain pages
    (a QLabel each) and a button that switches them; a tap -> the other page painted."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

        self.window = QWidget()
        layout = QVBoxLayout(self.window)
        self.button = QPushButton("next")
        self.stack = QStackedWidget()
        for text in ("page one", "page two"):
            self.stack.addWidget(QLabel(text))
        self.button.clicked.connect(
            lambda: self.stack.setCurrentIndex(1 - self.stack.currentIndex()))
        layout.addWidget(self.button)
        layout.addWidget(self.stack, 1)
        self.window.resize(1920, 1080)
        # On the second offscreen screen: over the kiosk it would catch the kiosk's taps that
        # a kinetic scroller replays to whatever widget lies under the finger.
        self.window.move(1920, 0)
        self.window.show()

    def switch(self, app: Any) -> Timing:
        return timed_until_painted(app, lambda: tap(self.button), self.stack.currentWidget,
                                   "bare page switch")


def _wake(kiosk: RunningKiosk) -> Timing:
    """Tap the attract screen: the first visit to home."""
    return nav.tap_and_time(kiosk.app, kiosk.shell, nav.WAKE)


def navigation(data_dir: Path, rounds: int, profile: list[str]) -> dict[str, Any]:
    """Round 0 visits every screen for the first time (cold); ``rounds`` warm rounds follow.
    Each kiosk tap is followed by one tap on the bare page-switch window (the anchor)."""
    kiosk = start_kiosk(data_dir)
    app, shell = kiosk.app, kiosk.shell
    bare = BarePages()
    settle(app)
    cold: dict[str, float] = {}
    warm: dict[str, list[float]] = {}
    anchor: list[float] = []
    result: dict[str, Any] = {}
    bare.switch(app)  # its own first paint is not a page switch

    def interleave() -> None:
        anchor.append(bare.switch(app))
        settle(app, 1)

    def record_cold(step: nav.Step, ms: float) -> None:
        if step.arrives not in cold:
            cold[step.arrives] = ms

    def record_warm(step: nav.Step, ms: float) -> None:
        warm.setdefault(step.name, []).append(ms)

    with profiled("cold_visit" in profile, result, "cold_visit_profile"):
        cold[keys.HOME] = _wake(kiosk)
        settle(app)
        nav.run_round(app, shell, record_cold, interleave)
    with profiled("warm_tap" in profile, result, "warm_tap_profile"):
        for _ in range(rounds):
            nav.run_round(app, shell, record_warm, interleave)
    kiosk.close()
    result.update(cold=cold, warm=warm, anchor=anchor,
                  cold_cpu={k: cpu_of([v])[0] for k, v in cold.items()},
                  warm_cpu={k: cpu_of(v) for k, v in warm.items()}, anchor_cpu=cpu_of(anchor))
    return result


def _go_to(kiosk: RunningKiosk, key: str) -> None:
    """Walk there by taps (home, then the step of ``STEPS`` that arrives at ``key``)."""
    app, shell = kiosk.app, kiosk.shell
    if shell.current_key != keys.HOME:
        kiosk.unlock()
        shell.home()
        settle(app)
    if key == keys.HOME:
        return
    step = next(s for s in nav.STEPS if s.arrives == key and s.name.startswith("home ->"))
    nav.tap_and_time(app, shell, step)
    settle(app)


def _visit_everything(kiosk: RunningKiosk) -> None:
    """A visitor's first round: every screen built, as after a few minutes of use."""
    _wake(kiosk)
    settle(kiosk.app)
    nav.run_round(kiosk.app, kiosk.shell, lambda _step, _ms: None)


def restyle(data_dir: Path, rounds: int, profile: list[str]) -> dict[str, Any]:
    """Aa (x1 -> x1.25 -> x1.5 -> x1) and the contrast button (on, off) on the testimonies
    screen, after every screen has been built; each tap timed to the screen painted."""
    kiosk = start_kiosk(data_dir)
    app, shell = kiosk.app, kiosk.shell
    _visit_everything(kiosk)
    _go_to(kiosk, keys.TESTIMONIES)
    samples: dict[str, list[float]] = {"text_size": [], "contrast": []}
    result: dict[str, Any] = {}
    bar = shell.top_bar
    taps = [("text_size", bar.text_size_button)] * 3 + [("contrast", bar.contrast_button)] * 2
    with profiled(bool({"restyle_text_size", "restyle_contrast"} & set(profile)), result,
                  "restyle_profile"):
        for _ in range(rounds):
            for kind, button in taps:
                kiosk.unlock()
                samples[kind].append(timed_until_painted(
                    app, lambda b=button: tap(b), shell.stack.currentWidget, kind))
                settle(app)
    result["widgets"] = len(app.allWidgets())
    result["stylesheet_chars"] = len(app.styleSheet())
    kiosk.close()
    result.update(samples)
    result.update({f"{kind}_cpu": cpu_of(values) for kind, values in samples.items()})
    return result


LANGUAGE_SCREENS = (keys.HOME, keys.TESTIMONIES, keys.TIMELINE)


def language(data_dir: Path, rounds: int, profile: list[str]) -> dict[str, Any]:
    """The top bar's language buttons az -> en -> ru -> tr -> az on home, testimonies and
    timeline (every screen built first); each tap timed to the screen painted."""
    kiosk = start_kiosk(data_dir)
    app, shell = kiosk.app, kiosk.shell
    _visit_everything(kiosk)
    samples: dict[str, list[float]] = {}
    result: dict[str, Any] = {}
    order = ["en", "ru", "tr", "az"]
    with profiled("language_switch" in profile, result, "language_profile"):
        for _ in range(rounds):
            for key in LANGUAGE_SCREENS:
                _go_to(kiosk, key)
                for lang in order:
                    kiosk.unlock()
                    button = shell.top_bar.language_buttons[lang]
                    samples.setdefault(key, []).append(timed_until_painted(
                        app, lambda b=button: tap(b), shell.stack.currentWidget,
                        f"language {lang}", arrived=lambda lg=lang: shell.language == lg))
                    settle(app)
    kiosk.close()
    result["by_screen"] = samples
    result["by_screen_cpu"] = {key: cpu_of(values) for key, values in samples.items()}
    return result
