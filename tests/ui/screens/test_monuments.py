"""Monuments: place, country, year when present, picture or placeholder, source."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.records import MediaRecord
from khojaly_kiosk.ui.screens.monuments import MonumentsScreen
from khojaly_kiosk.ui.services import ScreenServices
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


def test_without_an_image_a_placeholder_names_the_place(qtbot):
    screen, _ = open_monuments(qtbot)
    media = screen.cards[0].media
    assert media.isVisibleTo(screen) and not media.has_image()
    assert media.placeholder_text() == "Test City"


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


def test_source_opens_from_the_card(qtbot):
    screen, nav = open_monuments(qtbot)
    line = screen.cards[1].source_line
    assert line.label.text() == "Source: Test Author, Test Book of Accounts (synthetic)"
    tap(line.button)
    assert nav.calls == [("source", "test-book")]


def test_empty_archive_says_so(qtbot):
    screen, _ = open_monuments(qtbot, FakeArchive(empty=True))
    assert visible_texts(screen) == ["No monuments are recorded in this archive yet."]
