"""Monuments: place, country, year when present, picture or placeholder, source."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication

from khojaly_kiosk.archive.records import MediaRecord
from khojaly_kiosk.ui.screens.monuments import MonumentsScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.theme import current_palette
from tests.support.fakes import MONUMENTS, FakeArchive, FakeListRepo
from tests.support.qt import RecordingNav, tap, visible_texts


def open_monuments(qtbot, archive=None):
    nav = RecordingNav()
    screen = MonumentsScreen(archive or FakeArchive(), nav, ScreenServices())
    qtbot.addWidget(screen)
    screen.resize(1920, 904)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    QApplication.processEvents()
    return screen, nav


def test_cards_show_place_country_and_year_only_when_known(qtbot):
    screen, _ = open_monuments(qtbot)
    first, second = (visible_texts(card) for card in screen.cards)
    assert first[:3] == ["Test City", "Test Country   ·   2005",
                         "A synthetic monument description for tests."]
    assert second[:2] == ["Test Town", "Test Land"]  # no year in the source


def test_without_an_image_an_entry_is_type_not_an_empty_frame(qtbot):
    screen, _ = open_monuments(qtbot)
    entry = screen.cards[0]
    assert not entry.media.isVisibleTo(screen)  # no grey frame standing in for a picture
    assert entry.place.text() == "Test City"
    assert entry.place.property("textStyle") == "entryTitle"


def test_entries_look_static_since_a_tap_leads_nowhere(qtbot, themed):
    from khojaly_kiosk.ui.widgets.cards import ClickableCard

    screen, nav = open_monuments(qtbot)
    entry = screen.cards[0]
    assert not isinstance(entry, ClickableCard) and entry.property("card") is None
    assert entry.cursor().shape() != Qt.CursorShape.PointingHandCursor
    image = screen.grab().toImage()
    spot = entry.mapTo(screen, QPoint(entry.width() - 12, entry.height() // 2))
    inside = image.pixelColor(spot)  # right of the words, inside the entry
    assert inside.name().upper() == current_palette().background.upper()  # no card surface
    tap(entry)
    assert nav.calls == []


def test_an_image_file_is_shown(qtbot, tmp_path):
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#556677"))
    path = tmp_path / "synthetic-monument.png"
    assert image.save(str(path))
    media = MediaRecord(id="m", path=str(path), thumb_path="", mime="image/png", width=120,
                        height=80, alt_text="Synthetic monument picture")
    archive = FakeArchive()
    archive.monuments = FakeListRepo([replace(MONUMENTS[0], media=media)])
    screen, _ = open_monuments(qtbot, archive)
    assert screen.cards[0].media.has_image()


def test_each_source_is_named_once_under_the_list_and_opens(qtbot):
    screen, nav = open_monuments(qtbot)
    assert [line.text() for line in screen.source_lines] == [
        "Source: Test Author, Test Book of Accounts (synthetic)"]
    tap(screen.source_lines[0].button)
    assert nav.calls == [("source", "test-book")]


def test_in_the_shell_sources_is_offered_once_not_on_every_entry(shell, qtbot, demo_archive):
    from khojaly_kiosk.ui import navigation as keys
    from tests.support.qt import settle

    shell.swap_repos(demo_archive)
    shell.go(keys.MONUMENTS)
    settle(shell, qtbot)
    buttons = [b.text() for b in shell.findChildren(QAbstractButton)
               if b.isVisibleTo(shell) and b.text().startswith("Sources")]
    assert buttons == ["Sources"]  # the strip's, nowhere else
    # One entry per monument the text names, each once.
    places = [entry.place.text() for entry in shell.current_screen().cards]
    assert len(places) == len(set(places)) == 13


def test_empty_archive_says_so(qtbot):
    screen, _ = open_monuments(qtbot, FakeArchive(empty=True))
    assert visible_texts(screen) == ["No monuments are recorded in this archive yet."]
