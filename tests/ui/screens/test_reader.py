"""The reader: advisory first for graphic accounts, plain-text paragraphs, source, paging."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.ui import navigation as keys
from tests.support.fakes import TESTIMONIES, FakeArchive
from tests.support.qt import open_reader, settle, tap, visible_texts

ADVISORY = ("The account of Test Witness 2 contains graphic descriptions of killing, torture "
            "and mutilation.")


def test_plain_testimony_opens_straight_to_the_text(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-1")
    assert not reader.showing_advisory
    texts = visible_texts(reader)
    assert "Test Witness 1" in texts and "Test role" in texts
    assert [p.text() for p in reader.paragraphs] == list(TESTIMONIES[0].paragraphs)
    assert "Test Author, Test Book of Accounts (synthetic)" in texts
    assert shell.source_strip.citation_label.text() == (
        "Source: Test Author, Test Book of Accounts (synthetic)")


def test_graphic_testimony_shows_the_advisory_first_and_back_returns(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-2")
    assert reader.showing_advisory
    texts = visible_texts(reader)
    assert ADVISORY in texts
    assert not any(t.startswith("Paragraph 1 of test testimony 2") for t in texts)
    tap(reader.advisory.back_button)
    assert shell.current_key == keys.TESTIMONIES


def test_continue_opens_the_text(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-2")
    tap(reader.advisory.continue_button)
    assert not reader.showing_advisory
    assert shell.current_key == keys.TESTIMONY_READER
    assert len(reader.paragraphs) == 12
    assert reader.paragraphs[0].isVisibleTo(reader)


def test_next_and_previous_buttons_page_through_testimonies(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-1")
    assert not reader.previous_button.isEnabled()
    tap(reader.next_button)
    # Witness 2 is graphic: paging still shows the advisory first.
    assert reader.showing_advisory and reader.record.id == "test-witness-2"
    tap(reader.advisory.continue_button)
    tap(reader.next_button)
    assert reader.record.id == "test-witness-3"
    assert reader.showing_advisory  # distressing
    tap(reader.advisory.continue_button)
    tap(reader.previous_button)
    assert reader.record.id == "test-witness-2"
    # Once per item per visit: an account already opened is not asked again.
    assert not reader.showing_advisory


def test_swipe_left_goes_to_the_next_testimony(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-4")
    viewport = reader.scroll_area.viewport()
    window = shell.windowHandle()

    def at(x: int, y: int) -> QPoint:
        return viewport.mapTo(shell, QPoint(x, y))

    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(700, 300))
    QTest.mouseMove(window, at(500, 310))
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       at(300, 320))
    assert reader.record.id == "test-witness-5"
    # A mostly vertical drag scrolls; it does not turn the page.
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(500, 600))
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       at(380, 200))
    assert reader.record.id == "test-witness-5"


def test_source_button_opens_sources_at_that_source(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-4")
    reader.scroll_area.scroll_to(reader.source_button)
    tap(reader.source_button)
    assert shell.current_key == keys.SOURCES
    sources = shell.current_screen()
    assert sources.cards["test-newspaper"].property("highlighted") is True


def test_markup_in_content_is_shown_literally(shell, qtbot):
    archive = FakeArchive()
    tricky = replace(TESTIMONIES[0], person_name="<b>Test</b> Witness",
                     paragraphs=("<i>not italic</i> & <a href='x'>no link</a>",))
    archive.testimonies._items[0] = tricky
    shell.swap_repos(archive)
    reader = open_reader(shell, qtbot, "test-witness-1")
    assert reader.name_label.text() == "<b>Test</b> Witness"
    assert reader.name_label.textFormat() == Qt.TextFormat.PlainText
    assert reader.paragraphs[0].text() == "<i>not italic</i> & <a href='x'>no link</a>"
    assert "<i>" in reader.paragraphs[0]._doc.toPlainText()


def test_unknown_testimony_says_so_calmly(shell, qtbot):
    shell.home()
    settle(shell, qtbot)
    shell.go(keys.TESTIMONY_READER, testimony_id="no-such-testimony")
    reader = shell.current_screen()
    assert "This testimony is not available." in visible_texts(reader)
    assert not reader.next_button.isEnabled()


def test_the_advisory_names_the_witness_and_the_levels_own_wording(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-3")  # distressing
    texts = visible_texts(reader.advisory)
    assert ("The account of Test Witness 3 describes the deaths and suffering of civilians."
            in texts)
    assert not any("graphic" in t for t in texts)
    assert not any(t.startswith("Paragraph") for t in visible_texts(reader))


def test_the_advisorys_two_choices_have_equal_weight(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-2")
    read, back = reader.advisory.continue_button, reader.advisory.back_button
    assert (read.text(), back.text()) == ("Read the account", "Back to the list")
    assert read.property("variant") == back.property("variant") == "outline"
    assert abs(read.width() - back.width()) <= 2 and read.height() == back.height()
    assert not read.hasFocus()  # no preselected, louder choice


def test_the_advisory_is_asked_once_per_item_until_the_kiosk_goes_idle(shell, qtbot):
    reader = open_reader(shell, qtbot, "test-witness-2")
    tap(reader.advisory.continue_button)
    reader = open_reader(shell, qtbot, "test-witness-2")
    assert not reader.showing_advisory  # reopened in the same visit
    other = open_reader(shell, qtbot, "test-witness-3")
    assert other.showing_advisory  # another account: its own advisory
    shell.return_to_attract()  # idle: the next visitor is asked again
    reader = open_reader(shell, qtbot, "test-witness-2")
    assert reader.showing_advisory


def test_the_header_keeps_its_size_after_read_the_account(shell, qtbot):
    # A short account leaves the column taller than its text; the header must not spread.
    archive = FakeArchive()
    archive.testimonies._items[1] = replace(TESTIMONIES[1], paragraphs=("A short text.",))
    shell.swap_repos(archive)
    reader = open_reader(shell, qtbot, "test-witness-2")
    tap(reader.advisory.continue_button)
    settle(shell, qtbot)
    QApplication.processEvents()
    name, role = reader.name_label, reader.role_label
    spacing = reader.column_layout.spacing()
    assert name.height() <= name.heightForWidth(name.width()) + 2
    assert role.height() <= role.heightForWidth(role.width()) + 2
    assert role.y() - (name.y() + name.height()) <= spacing + 2
    paragraph = reader.paragraphs[0]
    top = paragraph.mapTo(reader.column, paragraph.rect().topLeft()).y()
    header = name.height() + role.height() + 4 * spacing + 1
    assert top <= header + 8, (top, header)


def test_back_from_its_source_reads_nothing_again_a_language_tap_does(
        shell, qtbot, archive, monkeypatch):
    reader = open_reader(shell, qtbot, "test-witness-1")
    asked: list[tuple[str, str]] = []
    real_get = archive.testimonies.get
    monkeypatch.setattr(archive.testimonies, "get",
                        lambda tid, lang="en": (asked.append((tid, lang)), real_get(tid, lang))[1])
    shell._end_transition()
    reader.scroll_area.scroll_to(reader.source_button)
    tap(reader.source_button)
    settle(shell, qtbot)
    assert shell.current_key == keys.SOURCES
    shell._end_transition()
    tap(shell.top_bar.back_button)
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONY_READER
    assert asked == []  # the same testimony, archive and language: already read
    assert [p.text() for p in reader.paragraphs] == list(TESTIMONIES[0].paragraphs)
    shell._end_transition()
    shell.set_language("ru")
    assert asked == [("test-witness-1", "ru")]
