"""Timeline: era chips jump, cards and swipes move, the selected event shows large with its source.

All records are the synthetic FakeArchive data (tests/fakes.py) or synthetic variants of it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.records import MediaRecord
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.timeline import TimelineScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.theme import apply_theme
from tests.support.fakes import ERAS, EVENTS, SOURCES, FakeArchive, FakeTimelineRepo
from tests.support.qt import RecordingNav, settle, tap, visible_texts


def open_timeline(qtbot, archive=None, size=(1920, 904)) -> tuple[TimelineScreen, RecordingNav]:
    nav = RecordingNav()
    screen = TimelineScreen(archive or FakeArchive(), nav, ScreenServices(reduced_motion=True))
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    QApplication.processEvents()  # let the new chips and cards be laid out, as on screen
    return screen, nav


def headline_shown(screen: TimelineScreen) -> str:
    return screen.detail.headline.text()


def test_first_event_is_shown_large_with_date_text_and_source(qtbot):
    screen, _ = open_timeline(qtbot)
    texts = visible_texts(screen.detail)
    assert "Test date 1" in texts
    assert "Test event 1" in texts
    assert any(t.startswith("Synthetic description of test event 1.") for t in texts)
    assert screen.current_source().document.short == (
        "Test Organisation, Test Report on Events (synthetic)")
    assert screen.rail.cards[0].isChecked()


def test_era_chip_jumps_to_the_first_event_of_that_era(qtbot):
    screen, _ = open_timeline(qtbot)
    chip = screen.chips.chip("test-era-2")
    assert chip is not None and chip.text() == "Test Era Two"
    tap(chip)
    assert headline_shown(screen) == "Test event 4"
    assert screen.rail.cards[3].isChecked()
    assert chip.isChecked()
    tap(screen.chips.chip("test-era-1"))
    assert headline_shown(screen) == "Test event 1"


def test_tapping_a_card_selects_it_and_its_era_chip(qtbot):
    screen, _ = open_timeline(qtbot)
    card = screen.rail.cards[4]
    screen.rail.ensureWidgetVisible(card)
    tap(card)
    assert headline_shown(screen) == "Test event 5"
    assert screen.chips.current() == "test-era-2"


def test_arrows_and_swipes_move_between_events(qtbot):
    screen, _ = open_timeline(qtbot)
    assert not screen.previous_button.isEnabled()
    tap(screen.next_button)
    assert headline_shown(screen) == "Test event 2"
    viewport = screen.detail.scroll_area.viewport()
    start, end = QPoint(600, 200), QPoint(300, 210)
    # A finger dragged right-to-left: the next event.
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert headline_shown(screen) == "Test event 3"
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QTest.mouseMove(viewport, start)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert headline_shown(screen) == "Test event 2"


def test_last_event_disables_next(qtbot):
    screen, _ = open_timeline(qtbot)
    screen.select(len(EVENTS) - 1)
    assert not screen.next_button.isEnabled()
    tap(screen.previous_button)
    assert headline_shown(screen) == f"Test event {len(EVENTS) - 1}"


def test_the_source_strip_follows_the_selected_event(qtbot):
    events = [EVENTS[0], replace(EVENTS[1], source=SOURCES[0]), replace(EVENTS[2], source=None)]
    archive = FakeArchive()
    archive.timeline = FakeTimelineRepo(ERAS, events)
    screen, _ = open_timeline(qtbot, archive)
    with qtbot.waitSignal(screen.source_changed) as changed:
        tap(screen.next_button)
    assert changed.args[0].document == SOURCES[0]  # the event's credit
    with qtbot.waitSignal(screen.source_changed) as changed:
        tap(screen.next_button)
    assert changed.args[0].is_empty


def test_in_the_shell_the_strip_shows_the_events_source_and_opens_it(shell, qtbot):
    shell.go(keys.TIMELINE)
    settle(shell, qtbot)
    strip = shell.source_strip
    assert strip.citation_label.text() == (
        "Source: Test Organisation, Test Report on Events (synthetic)")
    tap(strip.sources_button)
    assert shell.current_key == keys.SOURCES


def test_partial_dates_and_markup_are_shown_exactly_as_written(qtbot):
    events = [replace(EVENTS[0], display_date="February 1992", start_month=None,
                      headline="<b>Not bold</b> & plain")]
    archive = FakeArchive()
    archive.timeline = FakeTimelineRepo(ERAS, events)
    screen, _ = open_timeline(qtbot, archive)
    assert screen.detail.date_label.text() == "February 1992"
    assert screen.detail.headline.text() == "<b>Not bold</b> & plain"
    assert screen.detail.headline.textFormat() == Qt.TextFormat.PlainText
    assert screen.rail.cards[0].title_label.full_text() == "<b>Not bold</b> & plain"
    assert screen.rail.cards[0].title_label.textFormat() == Qt.TextFormat.PlainText


def test_remote_or_missing_media_shows_a_placeholder_with_the_alt_text(qtbot):
    missing = MediaRecord(id="m1", path="", thumb_path="", mime="image/jpeg", width=None,
                          height=None, alt_text="Synthetic alt text", caption="Test caption")
    events = [replace(EVENTS[0], media_url="https://example.org/x.jpg",
                      alt_text="Remote synthetic alt", media_caption="Remote caption"),
              replace(EVENTS[1], media=missing)]
    archive = FakeArchive()
    archive.timeline = FakeTimelineRepo(ERAS, events)
    screen, _ = open_timeline(qtbot, archive)
    media = screen.detail.media
    assert media.isVisibleTo(screen) and not media.has_image()
    assert media.placeholder_text() == "Remote synthetic alt"
    assert "Remote caption" in visible_texts(screen.detail)
    screen.show_next()
    assert not media.has_image()
    assert media.placeholder_text() == "Synthetic alt text"


def test_an_image_file_is_shown(qtbot, tmp_path):
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#445566"))
    path = tmp_path / "synthetic.png"
    assert image.save(str(path))
    media = MediaRecord(id="m", path=str(path), thumb_path="", mime="image/png", width=64,
                        height=48, caption="Synthetic picture")
    archive = FakeArchive()
    archive.timeline = FakeTimelineRepo(ERAS, [replace(EVENTS[0], media=media)])
    screen, _ = open_timeline(qtbot, archive)
    assert screen.detail.media.has_image()


def test_event_without_media_has_no_picture_area(qtbot):
    screen, _ = open_timeline(qtbot)
    assert not screen.detail.media.isVisibleTo(screen)


def test_empty_timeline_says_so(qtbot):
    screen, _ = open_timeline(qtbot, FakeArchive(empty=True))
    assert screen.empty.isVisibleTo(screen)
    assert screen.empty.text() == "The timeline holds no events yet."


def test_enter_with_an_event_id_opens_that_event(qtbot):
    screen, _ = open_timeline(qtbot)
    screen.enter(event_id="test-event-6")
    assert headline_shown(screen) == "Test event 6"
    screen.reset()
    assert headline_shown(screen) == "Test event 1"


@pytest.mark.parametrize("size", [(1920, 904), (1080, 1744)])
def test_layout_fits_both_orientations(qtbot, size):
    screen, _ = open_timeline(qtbot, size=size)
    QTest.qWait(0)
    portrait = size[1] > size[0]
    # Portrait puts the arrows beside the rail so the event below keeps the full width.
    beside_rail = screen.rail_row.indexOf(screen.next_button) >= 0
    assert beside_rail == portrait
    if portrait:
        arrow = screen.next_button.mapTo(screen, QPoint(0, 0)).y()
        assert arrow < screen.detail.mapTo(screen, QPoint(0, 0)).y()
    for widget in (screen.chips, screen.rail, screen.detail, screen.next_button):
        geometry = widget.geometry()
        top_left = widget.mapTo(screen, QPoint(0, 0))
        assert top_left.x() >= 0 and top_left.y() >= 0
        assert top_left.x() + geometry.width() <= size[0]
        assert top_left.y() + geometry.height() <= size[1]
    assert screen.detail.text.width() >= 600


LONG_ERA = "A deliberately long synthetic era headline that needs room"


@pytest.mark.parametrize("size", [(1920, 904), (1080, 1744)])
def test_era_chips_show_the_whole_headline_and_never_the_built_date_span(qtbot, size):
    eras = [replace(ERAS[0], headline=LONG_ERA), replace(ERAS[1], headline=LONG_ERA + " too")]
    archive = FakeArchive()
    archive.timeline = FakeTimelineRepo(eras, EVENTS)
    screen, _ = open_timeline(qtbot, archive, size=size)
    for era in eras:
        chip = screen.chips.chip(era.id)
        assert chip is not None
        assert chip.text() == era.headline
        assert era.display_date not in chip.text()
        # Not squeezed (as wide as its label needs) and wholly on screen: the bar wraps.
        assert chip.width() >= chip.sizeHint().width()
        left = chip.mapTo(screen, QPoint(0, 0)).x()
        assert chip.isVisible() and left >= 0 and left + chip.width() <= screen.width()


def test_a_long_card_title_ends_in_an_ellipsis_on_a_whole_line(qtbot):
    headline = " ".join(["Synthetic words of a very long test headline"] * 4)
    archive = FakeArchive()
    archive.timeline = FakeTimelineRepo(ERAS, [replace(EVENTS[0], headline=headline)])
    screen, _ = open_timeline(qtbot, archive)
    label = screen.rail.cards[0].title_label
    lines = label.visible_lines()
    metrics = label.fontMetrics()
    assert lines and len(lines) * metrics.lineSpacing() <= label.height()
    assert lines[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= label.contentsRect().width() for line in lines)
    assert label.full_text() == headline
    assert screen.rail.cards[0].accessibleName().endswith(headline)


def test_a_headline_that_opens_the_text_is_shown_once(qtbot):
    repeated = replace(EVENTS[0], headline="Synthetic first sentence of the event",
                       text="Synthetic first sentence of the event. And a second synthetic one.")
    archive = FakeArchive()
    archive.timeline = FakeTimelineRepo(ERAS, [repeated, EVENTS[1]])
    screen, _ = open_timeline(qtbot, archive)
    texts = visible_texts(screen.detail)
    assert sum("Synthetic first sentence of the event" in t for t in texts) == 1
    assert "Test date 1" in texts
    screen.show_next()
    assert "Test event 2" in visible_texts(screen.detail)  # a different headline stays


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_cards_keep_whole_lines_at_every_text_size(qtbot, qapp, theme_cache, scale):
    apply_theme(qapp, text_scale=scale, cache_dir=theme_cache)
    try:
        events = [replace(EVENTS[0], display_date="Early in the morning of a synthetic day",
                          headline=" ".join(["Synthetic long card title words"] * 4))]
        archive = FakeArchive()
        archive.timeline = FakeTimelineRepo(ERAS, events)
        screen, _ = open_timeline(qtbot, archive)
        card = screen.rail.cards[0]
        date, title = card.overline, card.title_label
        assert title.geometry().top() >= date.geometry().bottom()  # no overlap
        assert len(date.visible_lines()) * date.fontMetrics().lineSpacing() <= date.height()
        lines = title.visible_lines()
        assert len(lines) >= 2 and lines[-1].endswith("…")
        assert len(lines) * title.fontMetrics().lineSpacing() <= title.height()
        assert card.geometry().bottom() < screen.rail.height()  # the rail grows with its cards
    finally:
        qapp.setStyleSheet("")
