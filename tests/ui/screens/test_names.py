"""Names: the wall, searching with the on-screen keyboard, a name's detail, honest counts.

All names are synthetic test data; "Səvinc Testova" and "İsmayıl Testov" exist only to check
that Azerbaijani letters are found from plain Latin typing.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.records import NameRecord
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.names import NamesScreen
from khojaly_kiosk.ui.services import ScreenServices
from tests.support.fakes import SOURCES, FakeArchive, FakeNameRepo
from tests.support.qt import RecordingNav, settle, tap, visible_texts

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


def open_names(qtbot, names=SYNTHETIC_NAMES, reduced_motion=True, archive=None):
    nav = RecordingNav()
    if archive is None:
        archive = FakeArchive()
        archive.names = FoldingNameRepo(names)
    screen = NamesScreen(archive, nav, ScreenServices(reduced_motion=reduced_motion))
    qtbot.addWidget(screen)
    screen.resize(1920, 904)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    QApplication.processEvents()
    return screen, nav


def type_on_keyboard(qtbot, screen: NamesScreen, text: str) -> None:
    keyboard = screen.keyboard
    assert keyboard is not None
    for char in text:
        key = keyboard.key_for(char)
        assert key is not None, char
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def search(screen: NamesScreen, text: str) -> None:
    """Put ``text`` in the field (as the keyboard does) and let the rows appear."""
    screen.search_field.setText(text)
    QApplication.processEvents()


def row_texts(screen: NamesScreen) -> list[str]:
    return [row.text() for row in screen.result_rows() if row.isVisibleTo(screen)]


def test_tapping_the_field_opens_the_keyboard_and_typing_finds_a_folded_name(qtbot):
    screen, _ = open_names(qtbot)
    assert not screen.keyboard.isVisible()
    tap(screen.search_field)
    assert screen.keyboard.isVisible()
    type_on_keyboard(qtbot, screen, "sevinc")
    assert screen.search_field.text() == "sevinc"
    assert row_texts(screen) == ["Səvinc Testova   ·   age 34   ·   Test Village"]
    search(screen, "ismayil")
    assert row_texts(screen) == ["İsmayıl Testov"]


def test_result_rows_are_large_touch_targets(qtbot):
    screen, _ = open_names(qtbot)
    search(screen, "test")
    rows = screen.result_rows()
    assert len(rows) == 2
    assert all(row.height() >= 64 for row in rows)


def test_no_result_is_a_polite_sentence(qtbot):
    screen, _ = open_names(qtbot)
    search(screen, "zzz")
    assert row_texts(screen) == []
    assert screen.no_results.isVisibleTo(screen)
    assert screen.no_results.text().startswith("No recorded name matches “zzz”.")


def test_a_name_opens_its_detail_with_only_the_facts_the_source_gives(qtbot):
    screen, _ = open_names(qtbot)
    search(screen, "sev")
    tap(screen.result_rows()[0])
    texts = visible_texts(screen.detail)
    assert "Səvinc Testova" in texts
    assert "age 34   ·   Test Village" in texts
    assert "A synthetic passage about a synthetic person." in texts
    # Its credit is shown by the shell's source strip.
    assert screen.current_source().document == SOURCES[0]
    assert not screen.keyboard.isVisible()

    with qtbot.waitSignal(screen.source_changed) as changed:
        tap(screen.back_to_names)
    assert changed.args == [None]
    search(screen, "ism")
    tap(screen.result_rows()[0])
    texts = visible_texts(screen.detail)
    assert "İsmayıl Testov" in texts
    assert not any("age" in t for t in texts)  # no age in the source: nothing shown
    assert not screen.detail_passage.isVisibleTo(screen)


def test_few_names_are_counted_honestly_and_never_repeated(qtbot):
    screen, _ = open_names(qtbot, reduced_motion=False)
    assert screen.honesty.text() == (
        "2 names are recorded in this archive. "
        "Names are added only from documented sources.")
    assert sorted(screen.wall.visible_names()) == ["Səvinc Testova", "İsmayıl Testov"]
    assert not screen.wall.overflows()
    before = screen.wall.offset()
    screen.wall._drift()
    assert screen.wall.offset() == before  # a wall that is not full stands still


def test_many_names_drift_unless_reduced_motion(qtbot):
    screen, _ = open_names(qtbot, archive=FakeArchive(), reduced_motion=False)
    assert screen.honesty.text() == "120 names are recorded in this archive."
    assert screen.wall.overflows()
    assert screen.wall.is_animated()
    shown = screen.wall.visible_names()
    assert len(shown) == len(set(shown))  # each name once
    screen.wall._drift()
    assert screen.wall.offset() > 0
    still, _ = open_names(qtbot, archive=FakeArchive(), reduced_motion=True)
    assert not still.wall.is_animated()


def test_tapping_a_name_on_the_wall_opens_it(qtbot):
    screen, _ = open_names(qtbot)
    wall = screen.wall
    name_id, rect = next((wall._names[i][0], r) for i, r in wall._positions())
    tap(wall, rect.center().toPoint())
    assert screen.record is not None and screen.record.id == name_id


def test_search_text_is_never_logged(qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    screen, _ = open_names(qtbot)
    search(screen, "Səvinc")
    search(screen, "nobody-synthetic")
    assert "Səvinc" not in caplog.text and "nobody-synthetic" not in caplog.text


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


def test_in_the_shell_an_open_name_shows_its_source_in_the_strip(shell, qtbot):
    shell.go(keys.NAMES)
    settle(shell, qtbot)
    screen = shell.current_screen()
    assert shell.source_strip.source() is None
    screen.open_name(3)  # a synthetic FakeArchive name
    assert shell.source_strip.citation_label.text() == (
        "Source: Test Author, Test Book of Accounts (synthetic)")
    tap(screen.back_to_names)
    assert shell.source_strip.source() is None


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
    assert any(text.startswith("Fuzuli") for text in row_texts(screen))
    tap(screen.honesty)
    assert not screen.keyboard_visible()
    assert any(text.startswith("Fuzuli") for text in row_texts(screen))  # results stay


def test_the_done_key_puts_the_keyboard_away_and_keeps_the_results(qtbot):
    screen, _ = open_names(qtbot)
    tap(screen.search_field)
    type_on_keyboard(qtbot, screen, "ism")
    tap(screen.keyboard.submit_key)
    assert not screen.keyboard_visible()
    assert row_texts(screen) == ["İsmayıl Testov"]


def test_portrait_keyboard_fits_the_screen_width(qtbot):
    screen, _ = open_names(qtbot)
    screen.resize(1080, 1744)
    screen.nav.language = "az"  # the widest layout
    screen.enter()
    tap(screen.search_field)
    QApplication.processEvents()
    assert screen.width() == 1080
    assert screen.keyboard.width() <= 1080 and screen.keyboard.isVisible()


def test_a_passage_from_an_advised_account_waits_for_its_advisory(qtbot):
    from khojaly_kiosk.archive.records import QuotedSpan

    advised = NameRecord(id=3, name="Tofiq Testov", passage="A synthetic first-person passage.",
                         source=SOURCES[0], advisory="distressing",
                         quotes=(QuotedSpan("A synthetic first-person passage.", SOURCES[0],
                                            "Test Speaker"),))
    screen, _ = open_names(qtbot, names=(*SYNTHETIC_NAMES, advised))
    screen.open_name(3)
    texts = visible_texts(screen.detail)
    assert "Tofiq Testov" in texts
    assert "A synthetic first-person passage." not in texts
    assert ("The account of Test Speaker describes the deaths and suffering of civilians."
            in texts)
    tap(screen.detail_advisory.continue_button)
    assert "A synthetic first-person passage." in visible_texts(screen.detail)
    # The credit names the speaker of the first-person passage.
    credit = screen.current_source()
    assert credit.quotes[0].words_of == "Test Speaker"
