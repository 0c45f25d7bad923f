"""The shell at start: attract's title before the archive is open, screens prepared while idle."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.registry import SCREENS
from khojaly_kiosk.ui.screens.attract import AttractScreen
from khojaly_kiosk.ui.services import MemoryCandleCounter
from khojaly_kiosk.ui.shell import Shell
from tests.support.fakes import FakeArchive
from tests.support.qt import settle, tap, visible_texts


def _pending(qtbot, settings) -> Shell:
    window = Shell(None, MemoryCandleCounter(), settings, archive_pending=True)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_before_the_archive_is_open_attract_shows_its_title_and_a_touch_waits(
        qtbot, themed, settings):
    window = _pending(qtbot, settings)
    attract = window.current_screen()
    qtbot.waitUntil(lambda: not window.transitioning)  # a touch now would wake the loop
    assert window.current_key == keys.ATTRACT and isinstance(attract, AttractScreen)
    assert "Khojaly 1992" in visible_texts(window)
    assert [slide.kind for slide in attract.slides] == ["title"]  # nothing read yet
    tap(attract)
    settle(window, qtbot)
    assert window.current_key == keys.ATTRACT  # not home, and not "unavailable"
    assert "This exhibit is temporarily unavailable." not in visible_texts(window)


def test_the_archive_arriving_brings_the_loop_and_a_touch_then_wakes(qtbot, themed, settings):
    window = _pending(qtbot, settings)
    window.swap_repos(FakeArchive())
    attract = window.current_screen()
    assert window.current_key == keys.ATTRACT and not window.archive_pending
    assert "quote" in [slide.kind for slide in attract.slides]
    assert attract.current_slide is not None and attract.current_slide.kind == "title"
    qtbot.waitUntil(lambda: not window.transitioning)
    tap(attract)
    settle(window, qtbot)
    assert window.current_key == keys.HOME


def test_no_archive_found_after_the_title_shows_the_calm_unavailable_screen(
        qtbot, themed, settings):
    window = _pending(qtbot, settings)
    window.swap_repos(None)
    assert window.current_key == keys.UNAVAILABLE
    assert "This exhibit is temporarily unavailable." in visible_texts(window)


def _prepared(shell: Shell, qtbot) -> None:
    shell.prepare_screens()
    qtbot.waitUntil(lambda: shell.screens_prepared, timeout=20000)


def test_every_screen_is_prepared_while_attract_shows_and_a_visit_reuses_it(shell, qtbot):
    assert not shell.screens_prepared
    _prepared(shell, qtbot)
    assert shell.current_key == keys.ATTRACT  # nothing a visitor sees changed
    built = {key: shell.screen_for(key) for key in SCREENS}
    assert all(isinstance(screen, QWidget) for screen in built.values())
    testimonies = built[keys.TESTIMONIES]
    # The first visit's work was done: the list is filled before anyone asked for it.
    assert "Test Witness 1" in " ".join(visible_texts(testimonies))
    tap(shell.current_screen())
    settle(shell, qtbot)
    shell.go(keys.TESTIMONIES)
    assert shell.current_screen() is testimonies


def test_a_visit_pauses_preparing_and_the_return_to_attract_goes_on(shell, qtbot):
    shell.prepare_screens()  # the first screen is built at once, the others one per turn
    tap(shell.current_screen())  # a visitor arrives before the rest are prepared
    settle(shell, qtbot)
    qtbot.wait(200)
    assert shell.current_key == keys.HOME and not shell.screens_prepared
    shell.return_to_attract()
    qtbot.waitUntil(lambda: shell.screens_prepared, timeout=20000)
