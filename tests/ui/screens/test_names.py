"""Names: the wall, searching with the on-screen keyboard in any script, honest counts.

All names are synthetic test data (except the demo archive's, which the source text records);
"Səvinc Testova" and "İsmayıl Testov" exist only to check that Azerbaijani letters are found
from plain Latin typing.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.archive.records import NameRecord
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.names import NamesScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.names_wall import CACHED_PAGES, PAGE
from tests.support.fakes import SOURCES, FakeArchive, FakeNameRepo
from tests.support.qt import RecordingNav, settle, tap

SYNTHETIC_NAMES = (
    NameRecord(id=1, name="Səvinc Testova", age=34, village="Test Village",
               passage="A synthetic passage about a synthetic person.", source=SOURCES[0]),
    NameRecord(id=2, name="İsmayıl Testov", source=SOURCES[1]),
)


def fold(text: str) -> str:
    """Fold like the archive's search does: ə→e, ı→i, then strip accents and case."""
    text = text.replace("ə", "e").replace("Ə", "E").replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class FoldingNameRepo(FakeNameRepo):
    """The fake name repository with the real one's accent folding (prefix per word)."""

    def search(self, query: str, limit: int = 50) -> Sequence[NameRecord]:
        words = fold(query).split()
        hits = [n for n in self._items
                if all(any(part.startswith(w) for part in fold(n.name).split()) for w in words)]
        return hits[:limit] if words else []


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def open_names(qtbot, names=SYNTHETIC_NAMES, reduced_motion=True, archive=None,
               language="en", searches=None):
    nav = RecordingNav()
    nav.language = language
    if archive is None:
        archive = FakeArchive()
        archive.names = FoldingNameRepo(names)
    services = ScreenServices(reduced_motion=reduced_motion,
                              search_made=searches if searches is not None else Counter())
    screen = NamesScreen(archive, nav, services)
    qtbot.addWidget(screen)
    screen.resize(1920, 904)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    QApplication.processEvents()
    return screen, nav


def type_on_keyboard(qtbot, screen: NamesScreen, text: str) -> None:
    keyboard = screen.keyboard
    for char in text:
        key = keyboard.key_for(char)
        assert key is not None, f"no key for {char!r} on {keyboard.layout_code()}"
        if key.property("lower") != char:
            qtbot.mouseClick(keyboard.shift_key, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def search(screen: NamesScreen, text: str) -> None:
    """Put ``text`` in the field (as the keyboard does) and let the rows appear."""
    screen.search_field.setText(text)
    QApplication.processEvents()


def tap_row(screen: NamesScreen, row: int) -> None:
    view = screen.result_list
    tap(view.viewport(), view.row_rect(row).center())


def test_tapping_the_field_opens_the_keyboard_and_typing_finds_a_folded_name(qtbot):
    screen, _ = open_names(qtbot)
    assert not screen.keyboard.isVisible()
    tap(screen.search_field)
    assert screen.keyboard.isVisible()
    type_on_keyboard(qtbot, screen, "sevinc")
    assert screen.search_field.text() == "sevinc"
    assert screen.result_rows() == ["Səvinc Testova   ·   age 34   ·   Test Village"]
    search(screen, "ismayil")
    assert screen.result_rows() == ["İsmayıl Testov"]


def test_result_rows_are_large_touch_targets(qtbot):
    screen, _ = open_names(qtbot)
    search(screen, "test")
    assert len(screen.result_rows()) == 2
    assert all(screen.result_list.row_rect(row).height() >= 64 for row in range(2))


def test_a_keystroke_updates_the_rows_in_place_without_new_widgets(qtbot):
    screen, _ = open_names(qtbot, archive=FakeArchive())  # 120 synthetic names
    search(screen, "t")
    before = len(screen.findChildren(QWidget))
    for typed in ("te", "tes", "test", "test n", "test na", "test name 1", "x", "test"):
        search(screen, typed)
    assert len(screen.findChildren(QWidget)) == before
    assert len(screen.result_rows()) == 50  # a screenful and more, scrolled with a finger


def test_no_result_is_a_polite_sentence(qtbot):
    screen, _ = open_names(qtbot)
    search(screen, "zzz")
    assert screen.result_rows() == []
    assert screen.no_results.isVisibleTo(screen)
    assert screen.no_results.text().startswith("No recorded name matches “zzz”.")


def test_a_result_opens_the_names_own_page(qtbot):
    screen, nav = open_names(qtbot)
    tap(screen.search_field)
    search(screen, "sev")
    tap_row(screen, 0)
    assert nav.calls[-1] == ("go", keys.NAME) and nav.args[-1] == {"name_id": 1}
    assert not screen.keyboard.isVisible()


def test_few_names_stand_in_a_calm_centred_column_with_an_honest_line(qtbot):
    screen, _ = open_names(qtbot, reduced_motion=False)
    # The figure comes from the archive's statistics (synthetic: 111 in the group "losses").
    assert screen.honesty.text() == (
        "2 of the 111 lives lost are named in this archive; "
        "names are added only from documented sources.")
    wall = screen.wall
    assert sorted(wall.visible_names()) == ["Səvinc Testova", "İsmayıl Testov"]
    assert wall.calm() and wall.columns() == 1
    rects = [rect for _, rect in wall._positions()]
    assert {round(r.center().x()) for r in rects} == {wall.width() // 2}
    middle = (rects[0].top() + rects[-1].bottom()) / 2
    assert abs(middle - wall.height() / 2) <= 1
    before = wall.offset()
    wall._drift()
    assert wall.offset() == before  # a wall that is not full stands still


def test_without_a_figure_of_lives_lost_the_line_counts_the_names_only(qtbot):
    archive = FakeArchive()
    archive.statistics._items = [s for s in archive.statistics._items if s.group != "losses"]
    screen, _ = open_names(qtbot, archive=archive)
    assert screen.honesty.text() == (
        "120 names are recorded in this archive. Names are added only from documented sources.")


def test_many_names_drift_unless_reduced_motion(qtbot):
    screen, _ = open_names(qtbot, archive=FakeArchive(), reduced_motion=False)
    assert screen.wall.overflows()
    assert screen.wall.is_animated()
    shown = screen.wall.visible_names()
    assert len(shown) == len(set(shown))  # each name once
    screen.wall._drift()
    assert screen.wall.offset() > 0
    still, _ = open_names(qtbot, archive=FakeArchive(), reduced_motion=True)
    assert not still.wall.is_animated()


def test_a_wall_of_a_million_names_reads_and_paints_only_the_rows_on_screen(qtbot):
    screen, _ = open_names(qtbot, reduced_motion=False)
    asked: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[tuple[int, str]]:
        asked.append((offset, limit))
        return [(i, f"Synthetic {i}") for i in range(offset, min(offset + limit, 1_000_000))]

    wall = screen.wall
    wall.set_names(1_000_000, fetch)
    wall.grab()
    columns = wall.columns()
    rows_on_screen = wall.height() // 64 + 2
    assert len(wall._positions()) <= columns * rows_on_screen
    assert wall.visible_names()[:columns] == [f"Synthetic {i}" for i in range(columns)]
    assert asked == [(0, PAGE)]
    for _ in range(20_000):  # far down the wall: still only a few pages in memory
        wall._drift()
    wall.grab()
    assert wall.cached_names() <= CACHED_PAGES * PAGE
    first = wall.visible_names()[0]
    assert first != "Synthetic 0" and len(set(wall.visible_names())) == len(wall.visible_names())


def test_tapping_a_name_on_the_wall_opens_it(qtbot):
    screen, nav = open_names(qtbot)
    wall = screen.wall
    index, rect = wall._positions()[1]
    tap(wall, rect.center().toPoint())
    assert nav.calls[-1] == ("go", keys.NAME)
    assert nav.args[-1] == {"name_id": SYNTHETIC_NAMES[index].id}


def test_search_text_is_never_logged(qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    screen, _ = open_names(qtbot)
    search(screen, "Səvinc")
    search(screen, "nobody-synthetic")
    assert "Səvinc" not in caplog.text and "nobody-synthetic" not in caplog.text


def test_each_search_counts_once_and_four_searches_count_four(qtbot):
    searches = Counter()
    screen, _ = open_names(qtbot, searches=searches)
    tap(screen.search_field)
    type_on_keyboard(qtbot, screen, "sevinc")  # one search, however many letters
    assert searches.count == 1
    for name in ("ism", "test", "zzz"):
        qtbot.mouseClick(screen.keyboard.clear_key, Qt.MouseButton.LeftButton)
        type_on_keyboard(qtbot, screen, name)
    assert searches.count == 4


def test_reset_clears_the_search_and_returns_to_the_wall(qtbot):
    screen, _ = open_names(qtbot)
    tap(screen.search_field)
    search(screen, "sev")
    screen.reset()
    assert screen.search_field.text() == ""
    assert screen.pages.currentWidget() is screen.wall
    assert not screen.keyboard.isVisible()


def test_empty_archive_has_no_search_and_says_so(qtbot):
    screen, _ = open_names(qtbot, archive=FakeArchive(empty=True))
    assert screen.honesty.text() == "No names are recorded in this archive yet."
    assert not screen.search_field.isEnabled()
    assert screen.wall.visible_names() == []


@pytest.mark.parametrize("lang", ["az", "en", "ru", "tr"])
def test_the_keyboard_opens_in_the_layout_of_the_visitors_language(qtbot, lang):
    screen, _ = open_names(qtbot, language=lang)
    tap(screen.search_field)
    assert screen.keyboard.layout_code() == lang


def test_a_layout_chosen_for_a_search_stays_until_the_next_visitor(qtbot):
    screen, _ = open_names(qtbot, language="en")
    tap(screen.search_field)
    tap(screen.keyboard.layout_keys["ru"])
    search(screen, "ж")
    screen.enter()  # back from a name's page
    assert screen.keyboard.layout_code() == "ru"
    screen.reset()
    screen.enter()
    assert screen.keyboard.layout_code() == "en"


def test_in_the_shell_a_name_opens_with_its_source_and_back_keeps_the_search(shell, qtbot):
    shell.go(keys.NAMES)
    settle(shell, qtbot)
    names = shell.current_screen()
    tap(names.search_field)
    search(names, "test name 3")
    tap_row(names, 0)
    settle(shell, qtbot)
    assert shell.current_key == keys.NAME
    assert shell.source_strip.citation_label.text() == (
        "Source: Test Author, Test Book of Accounts (synthetic)")
    shell.back()
    settle(shell, qtbot)
    assert shell.current_key == keys.NAMES
    assert names.search_field.text() == "test name 3"
    assert names.result_rows()[0].startswith("Test Name 3")
    assert shell.source_strip.source() is None


def test_every_key_is_at_least_64_px_in_the_kiosk_window(shell, qtbot):
    shell.go(keys.NAMES)
    settle(shell, qtbot)
    names = shell.current_screen()
    tap(names.search_field)
    for lang in ("az", "en", "ru", "tr"):
        tap(names.keyboard.layout_keys[lang])
        for key in names.keyboard.all_keys():
            assert key.width() >= 64 and key.height() >= 64, (lang, key.text())


@pytest.mark.parametrize(("layout", "typed"), [
    ("az", "Məmməd"),  # Azerbaijani Latin
    ("en", "Mamed"),   # a common English transliteration
    ("ru", "Мамед"),   # Russian Cyrillic
])
def test_a_recorded_name_is_found_typed_in_each_script(qtbot, themed, demo_archive,
                                                        layout, typed):
    # The demo archive records "Mammad" (the source text's spelling).
    screen, nav = open_names(qtbot, archive=demo_archive)
    tap(screen.search_field)
    tap(screen.keyboard.layout_keys[layout])
    type_on_keyboard(qtbot, screen, typed)
    assert screen.search_field.text() == typed
    assert screen.result_rows() == ["Mammad"]
    tap_row(screen, 0)
    assert nav.calls[-1] == ("go", keys.NAME)


def test_keyboard_keys_type_a_recorded_name_and_a_tap_elsewhere_puts_it_away(
        qtbot, themed, demo_archive):
    # The demo archive: "Fuzuli" is a name the source text records.
    screen, _ = open_names(qtbot, archive=demo_archive)
    tap(screen.search_field)
    assert screen.keyboard_visible()
    # On the lower half of the screen, within its width.
    top_left = screen.keyboard.mapTo(screen, screen.keyboard.rect().topLeft())
    assert top_left.y() >= screen.height() // 2
    assert top_left.x() >= 0 and top_left.x() + screen.keyboard.width() <= screen.width()
    type_on_keyboard(qtbot, screen, "fuzu")
    assert screen.search_field.text() == "fuzu"
    assert any(text.startswith("Fuzuli") for text in screen.result_rows())
    tap(screen.honesty)
    assert not screen.keyboard_visible()
    assert any(text.startswith("Fuzuli") for text in screen.result_rows())  # results stay


def test_the_done_key_puts_the_keyboard_away_and_keeps_the_results(qtbot):
    screen, _ = open_names(qtbot)
    tap(screen.search_field)
    type_on_keyboard(qtbot, screen, "ism")
    tap(screen.keyboard.submit_key)
    assert not screen.keyboard_visible()
    assert screen.result_rows() == ["İsmayıl Testov"]


def test_portrait_keyboard_fits_the_screen_width(qtbot):
    screen, _ = open_names(qtbot, language="az")  # the widest layout
    screen.resize(1080, 1744)
    tap(screen.search_field)
    QApplication.processEvents()
    assert screen.width() == 1080
    assert screen.keyboard.width() <= 1080 and screen.keyboard.isVisible()
    assert screen.keyboard.mapTo(screen, QPoint(0, 0)).x() >= 0


class AskedNameRepo(FoldingNameRepo):
    """Notes every question put to the archive (count, a page of the wall)."""

    def __init__(self, items: Sequence[NameRecord]) -> None:
        super().__init__(items)
        self.asked: list[str] = []

    def count(self) -> int:
        self.asked.append("count")
        return super().count()

    def page(self, offset: int, limit: int) -> Sequence[NameRecord]:
        self.asked.append("page")
        return super().page(offset, limit)


def test_entering_again_asks_the_archive_nothing_until_the_language_changes(qtbot):
    archive = FakeArchive()
    archive.names = repo = AskedNameRepo(SYNTHETIC_NAMES)
    screen, nav = open_names(qtbot, archive=archive)
    screen.wall.repaint()
    assert "count" in repo.asked and "page" in repo.asked
    line = screen.honesty.text()
    repo.asked.clear()
    screen.enter()  # back from a name's own screen, say
    screen.wall.repaint()
    assert repo.asked == []
    assert screen.honesty.text() == line
    assert screen.wall.total() == len(SYNTHETIC_NAMES)
    nav.language = "ru"
    screen.enter()
    assert repo.asked == ["count"]
