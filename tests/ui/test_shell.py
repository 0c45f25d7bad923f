"""The shell: attract/wake, navigation history, tap storms, reuse, language, failures."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.registry import SCREENS
from khojaly_kiosk.ui.screens.attract import AttractScreen
from khojaly_kiosk.ui.screens.home import HomeScreen
from khojaly_kiosk.ui.services import MemoryCandleCounter
from khojaly_kiosk.ui.shell import TRANSITION_MS, Shell
from khojaly_kiosk.ui.theme import current_palette
from khojaly_kiosk.ui.widgets.cards import ClickableCard
from tests.support.fakes import FakeArchive
from tests.support.qt import settle, tap, visible_texts


def wake(shell: Shell, qtbot) -> HomeScreen:
    tap(shell.current_screen())
    settle(shell, qtbot)
    assert shell.current_key == keys.HOME
    return shell.current_screen()


def test_starts_on_attract_without_top_bar(shell):
    assert shell.current_key == keys.ATTRACT
    assert isinstance(shell.current_screen(), AttractScreen)
    assert not shell.top_bar.isVisible()
    assert not shell.source_strip.isVisible()


def test_wake_touch_only_wakes_and_does_not_click_through(shell, qtbot):
    # Learn where the Testimonies tile sits on home, then go back to the attract loop.
    home = wake(shell, qtbot)
    tile = home.tiles[keys.TESTIMONIES]
    where = tile.mapTo(shell, tile.rect().center())
    shell.return_to_attract()
    settle(shell, qtbot)
    # Fingers often land twice: neither touch may open the tile that appears under them.
    tap(shell, where)
    tap(shell, where)
    settle(shell, qtbot)
    assert shell.current_key == keys.HOME
    assert shell.top_bar.isVisible()
    assert "Khojaly 1992" in visible_texts(shell.current_screen())


def test_tap_storm_on_a_tile_navigates_once(shell, qtbot):
    home = wake(shell, qtbot)
    tile = home.tiles[keys.TESTIMONIES]
    for _ in range(6):
        tap(tile)
    assert shell.current_key == keys.TESTIMONIES
    assert shell.history == [keys.HOME]
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONIES  # no stray tap opened a card underneath


def test_tap_storm_holds_even_when_the_next_screen_is_slow_to_build(shell, qtbot, monkeypatch):
    # On a slow kiosk PC building a screen can take longer than the transition lock itself;
    # the lock must still cover the taps that arrive once the new screen is up.
    from khojaly_kiosk.ui.screens.testimonies import TestimoniesScreen

    real_enter = TestimoniesScreen.enter

    def slow_enter(self, **args):
        time.sleep(TRANSITION_MS * 1.5 / 1000)
        real_enter(self, **args)

    monkeypatch.setattr(TestimoniesScreen, "enter", slow_enter)
    home = wake(shell, qtbot)
    where = home.tiles[keys.TESTIMONIES]
    tap(where)
    card = shell.current_screen().cards[0]
    for _ in range(5):
        tap(card)  # fingers still drumming where a card now sits
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONIES
    tap(card)  # once settled, a deliberate tap works
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONY_READER


def test_a_stray_tap_during_the_transition_presses_nothing(shell, qtbot):
    home = wake(shell, qtbot)
    tap(home.tiles[keys.TESTIMONIES])
    chip = shell.current_screen().chips["journalists"]
    tap(chip)  # lands while the screen is still settling: swallowed, not a filter change
    assert not chip.isChecked()
    settle(shell, qtbot)
    tap(chip)
    assert chip.isChecked()


def test_back_and_home_follow_the_history(shell, qtbot):
    home = wake(shell, qtbot)
    tap(home.tiles[keys.TESTIMONIES])
    settle(shell, qtbot)
    testimonies = shell.current_screen()
    tap(testimonies.cards[0])
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONY_READER
    tap(shell.top_bar.back_button)
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONIES
    assert shell.top_bar.title() == "Testimonies"
    tap(shell.top_bar.home_button)
    settle(shell, qtbot)
    assert shell.current_key == keys.HOME
    assert shell.history == []
    assert not shell.top_bar.back_button.isVisible()


def test_screens_are_built_once_and_reused(shell, qtbot):
    home = wake(shell, qtbot)
    tap(home.tiles[keys.TESTIMONIES])
    settle(shell, qtbot)
    first = shell.current_screen()
    shell.back()
    settle(shell, qtbot)
    tap(home.tiles[keys.TESTIMONIES])
    settle(shell, qtbot)
    assert shell.current_screen() is first
    assert shell.screen_for(keys.HOME) is home
    assert shell.stack.count() == len({id(w) for w in shell._screens.values()})


def test_every_navigation_key_has_a_registered_screen_that_the_shell_builds(shell, qtbot):
    content_keys = {value for name, value in vars(keys).items()
                    if name.isupper() and isinstance(value, str)} - {keys.ATTRACT, keys.UNAVAILABLE}
    assert set(SCREENS) == content_keys
    wake(shell, qtbot)
    for key, cls in SCREENS.items():
        assert isinstance(shell.screen_for(key), cls)


def test_language_buttons_switch_language_and_return_to_attract_restores_it(shell, qtbot):
    wake(shell, qtbot)
    seen: list[str] = []
    shell.languageChanged.connect(seen.append)
    tap(shell.top_bar.language_buttons["az"])
    assert shell.language == "az"
    assert seen == ["az"]
    assert shell.top_bar.language_buttons["az"].isChecked()
    shell.return_to_attract()
    assert shell.current_key == keys.ATTRACT
    assert shell.language == "en"
    assert shell.history == []


def test_a_language_tap_translates_a_hidden_screen_when_it_is_shown(shell, qtbot):
    wake(shell, qtbot)
    shell.go(keys.NAMES)
    settle(shell, qtbot)
    names = shell.current_screen()
    space = names.keyboard.space_key
    assert space.text() == "Space"
    shell.home()
    settle(shell, qtbot)
    shell._end_transition()
    tap(shell.top_bar.language_buttons["az"])
    settle(shell, qtbot)
    # Hidden, the names screen waits (retranslating every built screen cost 0.5-1 s a tap) ...
    assert shell.is_translation_waiting(keys.NAMES)
    assert space.text() == "Space"
    # ... and speaks Azerbaijani before a visitor sees it, its keyboard included.
    shell._end_transition()
    shell.go(keys.NAMES)
    settle(shell, qtbot)
    assert not shell.is_translation_waiting(keys.NAMES)
    assert space.text() not in ("", "Space")


def test_a_language_tap_updates_the_testimony_cards_in_place(shell, qtbot):
    wake(shell, qtbot)
    shell.go(keys.TESTIMONIES)
    settle(shell, qtbot)
    screen = shell.current_screen()
    cards = list(screen.cards)
    assert cards
    ids = [card.testimony_id for card in cards]
    shell.set_language("az")
    settle(shell, qtbot)
    assert screen.cards == cards  # the same widgets, not 27 new cards per tap
    assert [card.testimony_id for card in screen.cards] == ids
    tap(screen.cards[0])
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONY_READER


def test_return_to_attract_resets_every_screen(shell, qtbot):
    wake(shell, qtbot)
    shell.go(keys.TESTIMONIES)
    settle(shell, qtbot)
    testimonies = shell.current_screen()
    testimonies.set_group("journalists")
    shell.return_to_attract()
    assert testimonies.chips[""].isChecked()


def test_swap_repos_re_enters_with_the_new_generation(shell, qtbot):
    home = wake(shell, qtbot)
    assert "5 testimonies" in visible_texts(home)
    shell.swap_repos(FakeArchive(empty=True))
    assert shell.current_key == keys.HOME
    assert "0 testimonies" in visible_texts(home)


def test_no_archive_shows_the_unavailable_screen(qtbot, themed, settings):
    window = Shell(None, MemoryCandleCounter(), settings)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    assert window.current_key == keys.UNAVAILABLE
    texts = visible_texts(window)
    assert "This exhibit is temporarily unavailable." in texts
    assert not any("Traceback" in t for t in texts)
    tap(window.current_screen())
    assert window.current_key == keys.UNAVAILABLE


def test_a_failing_screen_shows_unavailable_not_a_traceback(shell, qtbot, monkeypatch, caplog):
    wake(shell, qtbot)

    def broken(**_args):
        raise RuntimeError("synthetic failure")

    monkeypatch.setattr(shell.screen_for(keys.SOURCES), "enter", broken)
    with caplog.at_level(logging.ERROR):
        shell.go(keys.SOURCES)
    assert shell.current_key == keys.UNAVAILABLE
    assert "This exhibit is temporarily unavailable." in visible_texts(shell)
    assert "synthetic failure" in caplog.text
    settle(shell, qtbot)
    tap(shell.top_bar.home_button)  # the visitor is not stranded
    assert shell.current_key == keys.HOME


def test_every_control_is_at_least_48_by_48(shell, qtbot):
    wake(shell, qtbot)
    graphic = next(t for t in FakeArchive().testimonies.list() if t.advisory == "graphic")
    states = [
        (keys.HOME, {}), (keys.TESTIMONIES, {}), (keys.SOURCES, {}),
        (keys.TESTIMONY_READER, {"testimony_id": "test-witness-1"}),
        (keys.TESTIMONY_READER, {"testimony_id": graphic.id}),
    ]
    checked = 0
    for key, args in states:
        shell.go(key, **args)
        settle(shell, qtbot)
        for widget in shell.findChildren(QWidget):
            if not isinstance(widget, QAbstractButton | ClickableCard):
                continue
            if not widget.isVisibleTo(shell) or not widget.isEnabled():
                continue
            checked += 1
            assert widget.width() >= 48 and widget.height() >= 48, (key, widget)
            if isinstance(widget, QAbstractButton):
                assert widget.height() >= 60, (key, widget.text(), widget.height())
    assert checked > 15


def test_text_size_and_contrast_buttons_restyle_and_reset_for_the_next_visitor(shell, qtbot):
    wake(shell, qtbot)
    shell.go(keys.TESTIMONY_READER, testimony_id="test-witness-1")
    settle(shell, qtbot)
    paragraph = shell.current_screen().paragraphs[0]
    before = paragraph.font().pixelSize()
    tap(shell.top_bar.text_size_button)
    qtbot.waitUntil(lambda: not shell.restyle_pending())
    assert shell.accessibility.text_scale == 1.25
    assert paragraph.font().pixelSize() > before
    tap(shell.top_bar.contrast_button)
    qtbot.waitUntil(lambda: not shell.restyle_pending())
    assert shell.accessibility.high_contrast
    assert _background_of(shell) == "#000000"  # the high-contrast palette's background
    shell.return_to_attract()
    assert shell.accessibility.text_scale == 1.0 and not shell.accessibility.high_contrast
    assert paragraph.font().pixelSize() == before


def _background_of(shell: Shell) -> str:
    """The colour a visitor sees in an empty part of the current screen (its bottom-left)."""
    screen = shell.current_screen()
    assert screen is not None
    image = screen.grab().toImage()
    return image.pixelColor(2, image.height() - 3).name()


def test_text_size_and_contrast_show_their_state_at_once_and_restyle_after(shell, qtbot):
    home = wake(shell, qtbot)
    bar = shell.top_bar
    assert bar.text_size_button.text() == "Aa ×1"
    assert bar.contrast_button.accessibleName() == "High contrast: off"
    labels = [w for w in home.findChildren(QLabel) if w.isVisible() and w.text()]
    title = labels[0]
    before = title.font().pixelSize()
    # The click alone (no event loop yet): the button already says what the tap did ...
    QTest.mouseClick(bar.text_size_button, Qt.MouseButton.LeftButton)
    assert bar.text_size_button.text() == "Aa ×1.25"
    assert shell.restyle_pending() and title.font().pixelSize() == before
    # ... a second tap before the restyle ran is one more step, and one restyle for both.
    restyles: list[bool] = []
    shell.restyled.connect(lambda: restyles.append(True))
    QTest.mouseClick(bar.text_size_button, Qt.MouseButton.LeftButton)
    assert bar.text_size_button.text() == "Aa ×1.5"
    qtbot.waitUntil(lambda: not shell.restyle_pending())
    assert restyles == [True]
    assert title.font().pixelSize() == round(before * 1.5)
    QTest.mouseClick(bar.contrast_button, Qt.MouseButton.LeftButton)
    assert bar.contrast_button.isChecked()
    assert bar.contrast_button.accessibleName() == "High contrast: on"
    shell.set_language("az")
    assert bar.text_size_button.text() == "Aa ×1,5"  # the decimal mark of the language
    shell.return_to_attract()
    assert bar.text_size_button.text() == "Aa ×1" and not bar.contrast_button.isChecked()


def test_a_restyle_never_sets_the_application_stylesheet_again(shell, qtbot):
    # Setting it re-polished every widget of every screen: 1-2 s per Aa or contrast tap.
    wake(shell, qtbot)
    app = QApplication.instance()
    sheet = app.styleSheet()
    calls: list[str] = []
    original = QApplication.setStyleSheet
    try:
        QApplication.setStyleSheet = lambda self, text: calls.append(text)  # type: ignore
        tap(shell.top_bar.text_size_button)
        qtbot.waitUntil(lambda: not shell.restyle_pending())
        tap(shell.top_bar.contrast_button)
        qtbot.waitUntil(lambda: not shell.restyle_pending())
    finally:
        QApplication.setStyleSheet = original  # type: ignore
    assert calls == [] and app.styleSheet() == sheet
    assert _background_of(shell) == "#000000"


def test_a_hidden_screen_takes_the_new_size_and_contrast_when_shown(shell, qtbot):
    home = wake(shell, qtbot)
    labels = [w for w in home.findChildren(QLabel) if w.isVisible() and w.text()]
    sizes = {w: w.font().pixelSize() for w in labels}
    shell.go(keys.TESTIMONIES)
    settle(shell, qtbot)
    shell._end_transition()
    tap(shell.top_bar.text_size_button)
    qtbot.waitUntil(lambda: not shell.restyle_pending())
    tap(shell.top_bar.contrast_button)
    qtbot.waitUntil(lambda: not shell.restyle_pending())
    # Hidden, home waits (restyling every screen on each tap is what made it slow) ...
    assert shell.is_restyle_waiting(home)
    # ... and is restyled before a visitor sees it again.
    shell._end_transition()
    shell.home()
    settle(shell, qtbot)
    assert not shell.is_restyle_waiting(home)
    assert all(w.font().pixelSize() == round(sizes[w] * 1.25) for w in labels)
    assert _background_of(shell) == "#000000"


def test_widgets_scrolled_out_of_view_are_restyled_right_after_the_first_frame(shell, qtbot):
    wake(shell, qtbot)
    shell.go(keys.TESTIMONIES)
    settle(shell, qtbot)
    screen = shell.current_screen()
    labels = [w for w in screen.findChildren(QLabel) if w.text()]
    out_of_view = [w for w in labels if w.visibleRegion().isEmpty()]
    assert out_of_view, "the test needs a list longer than the screen"
    sizes = {w: w.font().pixelSize() for w in labels}
    tap(shell.top_bar.text_size_button)
    qtbot.waitUntil(lambda: not shell.restyle_pending() and not shell._restyler.pending())
    assert all(w.font().pixelSize() == round(sizes[w] * 1.25) for w in labels)


def test_a_tapped_language_or_contrast_button_is_not_left_filled_or_ringed(shell, qtbot):
    wake(shell, qtbot)
    bar = shell.top_bar
    for button in (bar.language_buttons["az"], bar.contrast_button, bar.text_size_button):
        tap(button)
        qtbot.waitUntil(lambda: not shell.restyle_pending())
        assert not button.hasFocus()  # a tap does not focus: no focus fill, no focus ring
        image = button.grab().toImage()
        middle = image.pixelColor(image.width() // 2, 6)
        accent = QColor(current_palette().accent)
        assert abs(middle.red() - accent.red()) + abs(middle.green() - accent.green()) > 60
    home = shell.screen_for(keys.HOME)
    shell.home()
    settle(shell, qtbot)
    tile = home.tiles[keys.TIMELINE]
    shell._end_transition()
    QTest.mousePress(tile, Qt.MouseButton.LeftButton)
    assert not tile.hasFocus()  # the tile opens its screen; no red ring stays on it


def test_the_screen_stack_asks_no_screen_for_a_height_for_its_width(shell, qtbot):
    # QStackedLayout asks every screen in the stack, hidden or not, for its height at the
    # window's width whenever the window's layout is redone (each tap: a new title, a screen
    # switched), laying out the words of every built screen again. The stack takes the height
    # the bars leave; its screens fit themselves into it.
    home = wake(shell, qtbot)
    assert not shell.stack.hasHeightForWidth()
    tap(home.tiles[keys.TESTIMONIES])
    settle(shell, qtbot)
    bars = shell.top_bar.height() + shell.source_strip.height()
    assert shell.stack.height() == shell.centralWidget().height() - bars
    assert shell.current_screen().geometry() == shell.stack.rect()
