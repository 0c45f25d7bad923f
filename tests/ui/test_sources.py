"""Sources: grouped by kind, with what cites each, opened at a given source."""

from __future__ import annotations

from khojaly_kiosk.ui import navigation as keys
from tests.fakes import FakeArchive
from tests.ui.conftest import settle, tap, visible_texts


def open_sources(shell, qtbot, **args):
    shell.home()
    settle(shell, qtbot)
    shell.go(keys.SOURCES, **args)
    settle(shell, qtbot)
    return shell.current_screen()


def test_sources_are_grouped_by_kind_with_citing_items(shell, qtbot):
    screen = open_sources(shell, qtbot)
    assert screen.headings == ["Books", "Reports", "Newspapers and agencies"]
    book = visible_texts(screen.cards["test-book"])
    assert "Test Book of Accounts" in book
    assert "Test Author · Test Press · 2000" in book
    cited = next(t for t in book if t.startswith("Cited by:"))
    assert "Testimony: Test Witness 1" in cited
    assert "Figure: test places listed" in cited


def test_long_citing_lists_are_shortened(shell, qtbot):
    screen = open_sources(shell, qtbot)
    report = next(t for t in visible_texts(screen.cards["test-report"])
                  if t.startswith("Cited by:"))
    assert report.splitlines()[-1].startswith("and ") and report.endswith("more")


def test_opening_at_a_source_highlights_and_scrolls_to_it(shell, qtbot):
    screen = open_sources(shell, qtbot, source_id="test-newspaper")
    card = screen.cards["test-newspaper"]
    assert card.property("highlighted") is True
    qtbot.waitUntil(lambda: screen.scroll.verticalScrollBar().value() > 0)
    top = card.mapTo(screen.scroll.viewport(), card.rect().topLeft()).y()
    assert 0 <= top < screen.scroll.viewport().height()


def test_sources_strip_button_opens_all_sources(shell, qtbot):
    shell.home()
    settle(shell, qtbot)
    tap(shell.source_strip.sources_button)
    assert shell.current_key == keys.SOURCES


def test_no_sources_says_so(shell, qtbot):
    shell.swap_repos(FakeArchive(empty=True))
    screen = open_sources(shell, qtbot)
    assert "No sources are recorded in this archive." in visible_texts(screen)
    assert screen.cards == {}
