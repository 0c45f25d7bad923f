"""Testimonies list: cards, group chips, advisory badges in words, empty state."""

from __future__ import annotations

from khojaly_kiosk.ui import navigation as keys
from tests.support.fakes import FakeArchive
from tests.support.qt import settle, tap, visible_texts


def open_list(shell, qtbot):
    shell.home()
    settle(shell, qtbot)
    shell.go(keys.TESTIMONIES)
    settle(shell, qtbot)
    return shell.current_screen()


def test_an_advised_card_shows_only_neutral_facts_and_its_advisory(shell, qtbot):
    screen = open_list(shell, qtbot)
    assert len(screen.cards) == 5
    card = next(c for c in screen.cards if c.testimony_id == "test-witness-2")
    texts = visible_texts(card)
    assert "Test Witness 2" in texts
    assert any(t.startswith("Test role with a deliberately long") for t in texts)
    assert "Source: Test Author, Test Book of Accounts (synthetic)" not in texts
    assert "Test Author, Test Book of Accounts (synthetic)" in texts  # the credit
    assert "Advisory: graphic descriptions" in texts
    # Not one word of the account before its advisory.
    assert not any("test testimony 2" in t for t in texts)


def test_a_card_without_advisory_shows_its_first_lines(shell, qtbot):
    screen = open_list(shell, qtbot)
    plain = next(c for c in screen.cards if c.testimony_id == "test-witness-1")
    texts = visible_texts(plain)
    assert any(t.startswith("Paragraph 1 of test testimony 1.") for t in texts)
    assert not any(t.startswith("Advisory") for t in texts)


def test_long_role_wraps_inside_the_card(shell, qtbot):
    screen = open_list(shell, qtbot)
    card = next(c for c in screen.cards if c.testimony_id == "test-witness-2")
    role = card.role_label
    assert role.wordWrap()
    assert role.width() <= card.width()
    assert role.height() >= role.heightForWidth(role.width())


def test_chips_filter_by_group(shell, qtbot):
    screen = open_list(shell, qtbot)
    tap(screen.chips["journalists"])
    assert [c.testimony_id for c in screen.cards] == ["test-witness-4"]
    assert screen.chips["journalists"].isChecked()
    tap(screen.chips[""])
    assert len(screen.cards) == 5
    assert [chip.text() for chip in screen.chips.values()] == [
        "All", "Survivors", "Rescuers and officials", "Journalists", "Human-rights reports"]


def test_tapping_a_card_opens_the_reader(shell, qtbot):
    screen = open_list(shell, qtbot)
    tap(screen.cards[0])
    assert shell.current_key == keys.TESTIMONY_READER
    assert "Test Witness 1" in visible_texts(shell.current_screen())


def test_empty_archive_shows_an_empty_state(shell, qtbot):
    shell.swap_repos(FakeArchive(empty=True))
    screen = open_list(shell, qtbot)
    assert screen.cards == []
    assert "There are no testimonies in this group yet." in visible_texts(screen)


def test_cards_use_two_columns_landscape_and_one_portrait(shell, qtbot):
    screen = open_list(shell, qtbot)
    first, second = screen.cards[0].geometry(), screen.cards[1].geometry()
    assert first.top() == second.top()  # side by side
    shell.resize(1080, 1920)
    qtbot.waitUntil(lambda: screen.cards[1].geometry().top() > screen.cards[0].geometry().top())
