"""Commemoration hub: five tiles, each opening its screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.commemoration import CommemorationScreen
from khojaly_kiosk.ui.services import ScreenServices
from tests.support.fakes import FakeArchive
from tests.support.qt import RecordingNav, tap, visible_texts


def open_hub(qtbot, size=(1920, 904)) -> tuple[CommemorationScreen, RecordingNav]:
    nav = RecordingNav()
    screen = CommemorationScreen(FakeArchive(), nav, ScreenServices())
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    QApplication.processEvents()
    return screen, nav


def test_hub_shows_the_five_sections(qtbot):
    screen, _ = open_hub(qtbot)
    texts = visible_texts(screen)
    for heading in ("Statistics", "Names", "Recognition", "Monuments", "Remembrance"):
        assert heading in texts
    assert screen.title() == "Commemoration"


@pytest.mark.parametrize("key", [keys.STATISTICS, keys.NAMES, keys.RECOGNITION, keys.MONUMENTS,
                                 keys.REMEMBRANCE])
def test_each_tile_opens_its_screen(qtbot, key):
    screen, nav = open_hub(qtbot)
    tap(screen.tiles[key])
    assert nav.calls == [("go", key)]


@pytest.mark.parametrize("size", [(1920, 904), (1080, 1744)])
def test_tiles_are_large_and_inside_the_screen(qtbot, size):
    screen, _ = open_hub(qtbot, size)
    for tile in screen.tiles.values():
        top_left = tile.mapTo(screen, tile.rect().topLeft())
        assert tile.width() >= 360 and tile.height() >= 220
        assert top_left.x() >= 0 and top_left.x() + tile.width() <= size[0]
        assert top_left.y() >= 0 and top_left.y() + tile.height() <= size[1]
