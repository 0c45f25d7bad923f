"""The attract loop: title, testimony excerpts and figures; only a full tap wakes it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.attract import AttractScreen
from khojaly_kiosk.ui.services import ScreenServices
from tests.support.fakes import FakeArchive
from tests.support.qt import settle, visible_texts


class _Nav:
    language = "en"


def make_attract(qtbot, archive=None, reduced_motion=True) -> AttractScreen:
    screen = AttractScreen(archive if archive is not None else FakeArchive(), _Nav(),
                           ScreenServices(reduced_motion=reduced_motion))
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.enter()
    return screen


def test_first_slide_is_the_memorial_title_with_touch_hint(qtbot, themed):
    screen = make_attract(qtbot)
    texts = visible_texts(screen)
    assert "Khojaly 1992" in texts
    assert "25–26 February 1992" in texts
    assert "Touch to begin" in texts


def test_loop_cycles_chosen_sentences_and_figures(qtbot, themed):
    screen = make_attract(qtbot)
    seen: list[str] = []
    for _ in range(len(screen.slides)):
        screen.advance()
        seen.append(screen.main_label.text())
    assert "“A synthetic about passage for tests.”" in seen
    assert "111" in seen
    kinds = {s.kind for s in screen.slides}
    assert kinds == {"title", "quote", "statistic"}
    quote = next(s for s in screen.slides if s.kind == "quote")
    assert quote.credit == "Test Organisation, Test Report on Events (synthetic)"
    # No testimony words: the loop runs before anyone chose to read an account.
    assert not any("test testimony" in t for t in seen)


def test_a_quote_slide_shows_its_credit(qtbot, themed):
    screen = make_attract(qtbot)
    while screen.current_slide is not None and screen.current_slide.kind != "quote":
        screen.advance()
    texts = visible_texts(screen)
    assert "“A synthetic about passage for tests.”" in texts
    assert "Source: Test Organisation, Test Report on Events (synthetic)" in texts


def test_empty_archive_still_shows_the_title(qtbot, themed):
    screen = make_attract(qtbot, FakeArchive(empty=True))
    assert [s.kind for s in screen.slides] == ["title"]
    screen.advance()
    assert screen.main_label.text() == "Khojaly 1992"


def test_cross_fade_runs_when_motion_is_allowed(qtbot, themed):
    screen = make_attract(qtbot, reduced_motion=False)
    screen.show()
    qtbot.waitExposed(screen)
    before = screen.main_label.text()
    screen.advance()
    assert screen.main_label.text() == before  # still fading out
    qtbot.waitUntil(lambda: screen.main_label.text() != before, timeout=2000)


def test_the_opacity_effect_is_on_only_while_a_fade_runs(qtbot, themed):
    # A finished fade would leave the body's off-screen picture (~5 MiB at 1920x1080) in
    # QPixmapCache for as long as the effect stays on: idle PSS 102.5 -> 97.2 MiB without it.
    screen = make_attract(qtbot, reduced_motion=False)
    screen.show()
    qtbot.waitExposed(screen)
    effect = screen.body.graphicsEffect()
    assert not screen.fading and not effect.isEnabled()
    before = screen.main_label.text()
    screen.advance()
    assert screen.fading
    qtbot.waitUntil(lambda: screen.main_label.text() != before, timeout=2000)
    qtbot.waitUntil(lambda: not screen.fading, timeout=2000)
    assert effect.opacity() == 1.0 and not effect.isEnabled()
    screen.advance()
    screen.hide()  # a visitor woke it mid-fade: shown whole next time, effect off
    assert not screen.fading and effect.opacity() == 1.0


def test_press_alone_does_not_wake_release_does(shell, qtbot):
    attract = shell.current_screen()
    woken: list[bool] = []
    attract.woken.connect(lambda: woken.append(True))
    QTest.mousePress(attract, Qt.MouseButton.LeftButton, pos=QPoint(400, 400))
    assert woken == [] and shell.current_key == keys.ATTRACT
    QTest.mouseRelease(attract, Qt.MouseButton.LeftButton, pos=QPoint(400, 400))
    assert woken == [True]
    settle(shell, qtbot)
    assert shell.current_key == keys.HOME


def test_demo_loop_quotes_whole_sentences_and_figures_with_their_predicate(
        qtbot, themed, demo_archive):
    screen = make_attract(qtbot, demo_archive)
    advised = [t.id for t in demo_archive.testimonies.list() if t.advisory != "none"]
    bodies = [" ".join(demo_archive.testimonies.get(i).paragraphs) for i in advised]
    quotes = [s for s in screen.slides if s.kind == "quote"]
    assert len(quotes) >= 5
    for slide in quotes:
        text = slide.main
        assert text.startswith("“") and text.endswith("”") and text.count("“") == 1
        inner = text[1:-1]
        assert inner[0] not in "\"“”'" and inner[-1] in ".?!…", text
        assert not any(inner in body for body in bodies), text
        assert slide.credit.startswith("Exhibition text"), slide.credit
    court = next(s for s in quotes if s.main.startswith("“It appears"))
    assert court.credit == ("Exhibition text, quoting European Court of Human Rights, "
                            "judgment of 22 April 2010")
    figures = {s.main: s for s in screen.slides if s.kind == "statistic"}
    assert figures["613"].prefix == "The bloody massacre claimed lives of"
    assert figures["613"].detail == "people"
    assert figures["613"].parts == "including: 63 children  ·  106 women  ·  70 elders"
    assert not {"63", "106", "70"} & set(figures)  # parts never stand alone
    for slide in figures.values():
        assert slide.prefix or " " in slide.detail, slide  # never "613 / people" alone


def test_show_first_cuts_to_a_figure_even_while_a_fade_runs(qtbot, themed):
    screen = make_attract(qtbot, reduced_motion=False)
    screen.show()
    qtbot.waitExposed(screen)
    screen.advance()  # a fade is under way: the next slide is not yet shown
    assert screen.show_first("statistic")
    assert screen.main_label.text() == "111"
    qtbot.wait(700)  # the stopped fade does not move on afterwards
    assert screen.main_label.text() == "111"
    assert not screen.show_first("no such kind")
