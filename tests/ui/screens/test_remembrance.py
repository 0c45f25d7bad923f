"""Remembrance: candles, the remembrance passages, and one candle per tap."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.ui.screens.remembrance import RemembranceScreen
from khojaly_kiosk.ui.services import MemoryCandleCounter, ScreenServices
from tests.support.fakes import FakeArchive
from tests.support.qt import RecordingNav, tap, visible_texts


class StoppedClock:
    """A clock that only moves when the test moves it."""

    def __init__(self) -> None:
        self.now = datetime(2000, 1, 1, 12, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class BrokenCounter(MemoryCandleCounter):
    def light(self) -> int:
        raise OSError("disk full (synthetic)")


def open_remembrance(qtbot, counter=None, reduced_motion=True, archive=None, lang="en",
                     size=(1920, 904)):
    clock = StoppedClock()
    nav = RecordingNav()
    nav.language = lang
    counter = counter if counter is not None else MemoryCandleCounter(1204)
    services = ScreenServices(candles=counter, reduced_motion=reduced_motion, clock=clock)
    screen = RemembranceScreen(archive or FakeArchive(), nav, services)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    QApplication.processEvents()
    return screen, nav, counter, clock


def test_total_is_shown_with_the_passage_and_its_source(qtbot):
    screen, _, _, _ = open_remembrance(qtbot)
    texts = visible_texts(screen)
    assert "1,204 candles lit" in texts
    assert "Test remembrance passage" in texts
    assert "A synthetic remembrance passage for tests." in texts
    assert "Source: Test Author, Test Book of Accounts (synthetic)" in texts
    assert "A synthetic about passage for tests." not in texts  # another section


def test_one_tap_lights_one_candle_and_the_total_follows(qtbot):
    screen, _, counter, _ = open_remembrance(qtbot)
    tap(screen.light_button)
    assert counter.count() == 1205
    assert screen.total.text() == "1,205 candles lit"
    assert "Your candle is lit." in visible_texts(screen)


def test_a_tap_storm_lights_only_one_candle(qtbot):
    screen, _, counter, clock = open_remembrance(qtbot)
    for _ in range(6):
        tap(screen.light_button)
        clock.advance(0.1)
    assert counter.count() == 1205
    clock.advance(1.5)
    tap(screen.light_button)
    assert counter.count() == 1206
    assert screen.total.text() == "1,206 candles lit"


def test_first_candles_are_counted_in_words_and_drawn_one_by_one(qtbot, english_ui):
    screen, _, _, clock = open_remembrance(qtbot, MemoryCandleCounter(0))
    assert screen.total.text() == "No candles have been lit yet."
    assert screen.field.drawn_count() == 0
    tap(screen.light_button)
    assert screen.total.text() == "1 candle lit"
    assert screen.field.drawn_count() == 1
    clock.advance(2)
    tap(screen.light_button)
    assert screen.field.drawn_count() == 2
    assert screen.total.text() == "2 candles lit"


def test_many_candles_fill_the_field_without_overflowing_it(qtbot):
    screen, _, _, _ = open_remembrance(qtbot)
    assert 0 < screen.field.drawn_count() == screen.field.capacity() < 1204


def test_numbers_follow_the_visitors_language(qtbot):
    screen, _, _, _ = open_remembrance(qtbot, lang="ru")
    assert screen.total.text().replace("\u00a0", " ") == "1 204 candles lit"


def test_flames_move_only_without_reduced_motion(qtbot):
    still, _, _, _ = open_remembrance(qtbot, reduced_motion=True)
    assert not still.field.is_animated()
    moving, _, _, _ = open_remembrance(qtbot, reduced_motion=False)
    assert moving.field.is_animated()
    moving.hide()
    assert not moving.field.is_animated()


def test_a_failing_counter_is_a_calm_sentence_not_a_crash(qtbot):
    screen, _, _, _ = open_remembrance(qtbot, BrokenCounter(7))
    tap(screen.light_button)
    assert "Your candle could not be kept just now." in visible_texts(screen)
    assert screen.total.text() == "7 candles lit"


def test_sources_button_opens_the_passage_source(qtbot):
    screen, nav, _, _ = open_remembrance(qtbot)
    line = screen._passage_widgets[-1]
    tap(line.button)
    assert nav.calls == [("source", "test-book")]


def test_no_passages_leaves_the_candles(qtbot):
    screen, _, _, _ = open_remembrance(qtbot, archive=FakeArchive(empty=True))
    assert visible_texts(screen) == ["1,204 candles lit"]
    assert screen.light_button.isVisible()


def test_before_the_first_candle_the_field_still_shows_a_candle(qtbot):
    screen, _, _, _ = open_remembrance(qtbot, MemoryCandleCounter(0))
    field = screen.field
    assert field.drawn_count() == 0
    background = QColor("#111315")
    image = QImage(field.size(), QImage.Format.Format_ARGB32)
    image.fill(background)
    field.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    painted = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
                  if image.pixelColor(x, y) != background)
    assert painted > 100  # an unlit candle and a carnation, not an empty dark box


@pytest.mark.parametrize("size", [(1080, 1744), (1920, 904)])
def test_real_passages_and_their_source_button_fit_without_clipping(qtbot, themed, demo_archive,
                                                                    size):
    screen, _, _, _ = open_remembrance(qtbot, MemoryCandleCounter(0), archive=demo_archive,
                                       size=size)
    QApplication.processEvents()
    line = screen._passage_widgets[-1]
    button = line.button
    bottom = button.mapTo(screen.area.viewport(), QPoint(0, button.height())).y()
    assert line.isVisibleTo(screen) and bottom <= screen.area.viewport().height()


def _painted(field, region) -> int:
    background = QColor("#111315")
    image = QImage(field.size(), QImage.Format.Format_ARGB32)
    image.fill(background)
    field.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    left, top, right, bottom = region
    return sum(1 for y in range(top, bottom, 3) for x in range(left, right, 3)
               if image.pixelColor(x, y) != background)


def test_the_large_candle_stays_lit_and_lit_candles_stand_above_it(qtbot):
    screen, _, _, _ = open_remembrance(qtbot, MemoryCandleCounter(0))
    field = screen.field
    w, h = field.width(), field.height()
    large = (w // 2 - 60, h // 2, w // 2 + 120, h)  # the large candle and its carnation
    upper = (0, 0, w, h // 2)  # above the fold of the field: where lit candles stand
    before = _painted(field, large)
    assert before > 100 and _painted(field, upper) == 0
    tap(screen.light_button)
    assert _painted(field, large) > before  # still there, and now burning
    assert _painted(field, upper) > 50  # the lit candle stands above it, not at the bottom


def test_entering_again_keeps_the_passages_until_the_language_changes(qtbot):
    screen, nav, _, _ = open_remembrance(qtbot)
    shown = list(screen._passage_widgets)
    screen.enter()
    assert screen._passage_widgets == shown  # the very same widgets: nothing was rebuilt
    assert "Test remembrance passage" in visible_texts(screen)
    nav.language = "ru"
    screen.enter()
    QApplication.processEvents()
    assert screen._passage_widgets and all(w not in shown for w in screen._passage_widgets)
