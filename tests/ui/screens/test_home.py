"""Home: title, date, three section tiles with live counts, and Sources."""

from __future__ import annotations

from khojaly_kiosk.ui import navigation as keys
from tests.support.fakes import FakeArchive
from tests.support.qt import settle, tap, visible_texts


def go_home(shell, qtbot):
    shell.home()
    settle(shell, qtbot)
    return shell.current_screen()


def test_home_shows_title_date_and_tiles_with_counts(shell, qtbot):
    texts = visible_texts(go_home(shell, qtbot))
    for expected in ("Khojaly 1992", "25–26 February 1992", "Testimonies", "Timeline",
                     "Commemoration", "Sources", "5 testimonies", "6 events", "3 sources"):
        assert expected in texts
    # A count of archive rows on the memorial tile could be read as a count of victims.
    assert not any(t.endswith(" names") for t in texts)


def test_home_is_not_titled_home_beside_a_home_button(shell, qtbot):
    go_home(shell, qtbot)
    bar = shell.top_bar
    assert bar.title() == ""  # the page's own title, "Khojaly 1992", is the title
    assert not bar.home_button.isVisible() and not bar.back_button.isVisible()
    # Nothing holds Back's place: the controls sit right, nothing indents an empty title.
    assert bar.title_label.mapTo(bar, bar.title_label.rect().topLeft()).x() <= 96
    shell.go(keys.TIMELINE)
    settle(shell, qtbot)
    assert bar.home_button.isVisible() and bar.back_button.isVisible()
    assert bar.back_button.mapTo(bar, bar.back_button.rect().topLeft()).x() + 16 == 96


def test_home_tiles_are_filled_not_mostly_empty(shell, qtbot):
    home = go_home(shell, qtbot)
    for tile in [*home.tiles.values(), home.sources_tile]:
        last = max((w for w in (tile.title_label, tile.description_label, tile.count_label)
                    if w.isVisible()), key=lambda w: w.geometry().bottom())
        empty_below = tile.height() - last.geometry().bottom()
        assert empty_below <= tile.height() * 0.3, tile.objectName()


def test_each_tile_opens_its_section(shell, qtbot):
    home = go_home(shell, qtbot)
    for key in (keys.TESTIMONIES, keys.TIMELINE, keys.COMMEMORATION):
        tap(home.tiles[key])
        assert shell.current_key == key
        settle(shell, qtbot)
        shell.home()
        settle(shell, qtbot)
    tap(home.sources_tile)
    assert shell.current_key == keys.SOURCES


def test_counts_follow_the_archive(shell, qtbot):
    shell.swap_repos(FakeArchive(empty=True))
    home = go_home(shell, qtbot)
    texts = visible_texts(home)
    assert "0 testimonies" in texts and "0 events" in texts


def test_portrait_stacks_tiles_vertically(shell, qtbot):
    home = go_home(shell, qtbot)
    shell.resize(1080, 1920)
    a, b = home.tiles[keys.TESTIMONIES], home.tiles[keys.TIMELINE]
    qtbot.waitUntil(lambda: b.geometry().top() >= a.geometry().bottom())
    assert a.width() > 800
