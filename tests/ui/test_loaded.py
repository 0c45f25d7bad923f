"""LoadedKey: a screen entered again with the same archive, language and filter is not rebuilt."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.screens.statistics import StatisticsScreen
from khojaly_kiosk.ui.services import ScreenServices
from tests.support.fakes import FakeArchive
from tests.support.qt import RecordingNav


def test_same_inputs_are_unchanged_and_any_new_input_is_a_change():
    archive, other = FakeArchive(), FakeArchive()
    key = LoadedKey()
    assert key.changed(archive, "en")
    assert not key.changed(archive, "en")
    assert key.changed(archive, "az")  # another language
    assert key.changed(other, "az")  # another archive generation, even if equal in value
    assert not key.changed(other, "az")
    key.forget()
    assert key.changed(other, "az")


def test_entering_statistics_again_keeps_its_tiles_until_the_language_changes(qtbot):
    nav = RecordingNav()
    screen = StatisticsScreen(FakeArchive(), nav, ScreenServices(reduced_motion=True))
    qtbot.addWidget(screen)
    screen.enter()
    tiles = list(screen.tiles)
    screen.enter()
    assert screen.tiles == tiles  # the very same widgets: nothing was rebuilt
    nav.language = "ru"
    screen.enter()
    QApplication.processEvents()
    assert screen.tiles and all(t not in tiles for t in screen.tiles)
