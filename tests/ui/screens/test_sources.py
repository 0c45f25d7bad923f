"""Sources: grouped by kind, with what cites each, opened at a given source."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.records import CitingItem, PassageRecord, SourceRecord
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.sources import MAX_CITING_SHOWN
from tests.support.fakes import FakeArchive, FakePassageRepo, FakeSourceRepo
from tests.support.qt import settle, tap, visible_texts


def open_sources(shell, qtbot, **args):
    shell.home()
    settle(shell, qtbot)
    shell.go(keys.SOURCES, **args)
    settle(shell, qtbot)
    return shell.current_screen()


def into_view(screen, widget):
    screen.scroll_area.ensureWidgetVisible(widget, 0, 0)
    QApplication.processEvents()


def test_sources_are_grouped_by_kind_with_citing_items(shell, qtbot):
    screen = open_sources(shell, qtbot)
    assert screen.headings == ["Books", "Reports", "Newspapers and agencies"]
    book = visible_texts(screen.cards["test-book"])
    assert "Test Book of Accounts" in book
    assert "Test Author · Test Press · 2000" in book
    assert "Cited by:" in book
    rows = [row.label.text() for row in screen.cards["test-book"].rows]
    assert "Testimony: Test Witness 1" in rows
    assert "Figure: test places listed" in rows


def test_long_citing_lists_are_shortened(shell, qtbot):
    screen = open_sources(shell, qtbot)
    card = screen.cards["test-report"]
    assert len(card.rows) == MAX_CITING_SHOWN
    more = card.more_label.text()
    assert card.more_label.isVisible() and more.startswith("and ") and more.endswith("more")
    assert visible_texts(card)[-1] == more


def test_every_citing_item_is_a_touch_target_that_opens_the_item(shell, qtbot):
    screen = open_sources(shell, qtbot)
    row = next(r for r in screen.cards["test-book"].rows if r.item.kind == "testimony")
    assert row.height() >= 48 and row.width() >= 48
    tap(row)
    settle(shell, qtbot)
    assert shell.current_key == keys.TESTIMONY_READER
    assert shell.current_screen().record.id == row.item.id
    tap(shell.top_bar.back_button)
    settle(shell, qtbot)
    assert shell.current_key == keys.SOURCES


def test_a_cited_event_opens_on_the_timeline_and_a_figure_on_its_screen(shell, qtbot):
    screen = open_sources(shell, qtbot)
    rows = [r for card in screen.cards.values() for r in card.rows]
    event = next(r for r in rows if r.item.kind == "event")
    into_view(screen, event)
    tap(event)
    settle(shell, qtbot)
    assert shell.current_key == keys.TIMELINE
    timeline = shell.current_screen()
    assert timeline.events[timeline.current].id == event.item.id
    screen = open_sources(shell, qtbot)
    figure = next(r for card in screen.cards.values() for r in card.rows
                  if r.item.kind == "statistic")
    into_view(screen, figure)
    tap(figure)
    settle(shell, qtbot)
    assert shell.current_key == keys.STATISTICS


def test_an_untitled_passage_is_listed_by_its_page_and_opens_it(shell, qtbot):
    archive = FakeArchive()
    untitled = PassageRecord(id="synthetic-legal", section="legal", title="",
                             body="A synthetic legal passage.", source=None)
    archive.passages = FakePassageRepo([*archive.passages.section("about"), untitled])
    archive.sources = FakeSourceRepo(
        [SourceRecord(id="synthetic-src", kind="court", title="Synthetic court record")],
        {"synthetic-src": [CitingItem("passage", "synthetic-legal", "legal")]})
    shell.swap_repos(archive)
    screen = open_sources(shell, qtbot)
    row = screen.cards["synthetic-src"].rows[0]
    assert row.label.text() == "Text: Legal assessment"
    tap(row)
    settle(shell, qtbot)
    assert shell.current_key == keys.LEGAL


def test_opening_at_a_source_highlights_and_scrolls_to_it(shell, qtbot):
    screen = open_sources(shell, qtbot, source_id="test-newspaper")
    card = screen.cards["test-newspaper"]
    assert card.property("highlighted") is True
    qtbot.waitUntil(lambda: screen.scroll_area.verticalScrollBar().value() > 0)
    top = card.mapTo(screen.scroll_area.viewport(), card.rect().topLeft()).y()
    assert 0 <= top < screen.scroll_area.viewport().height()


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


def test_the_exhibitions_own_text_comes_first_with_its_provenance(shell, qtbot):
    document = SourceRecord(id="test-exhibition", kind="compilation", title="Exhibition text",
                            file="synthetic.txt", sha256="ab" * 32,
                            titles=(("az", "Sərgi mətni"),))
    book = SourceRecord(id="test-book", kind="book", title="Test Book of Accounts")
    archive = FakeArchive()
    archive.sources = FakeSourceRepo([book, document], {
        "test-exhibition": [CitingItem("testimony", "test-witness-1", "Test Witness 1")],
        "test-book": [CitingItem("testimony", "test-witness-1", "Test Witness 1", "quotes"),
                      CitingItem("passage", "test-about", "Test about passage", "reports")],
    })
    shell.swap_repos(archive)
    screen = open_sources(shell, qtbot)
    assert screen.headings[0] == "Compilations"
    texts = visible_texts(screen.cards["test-exhibition"])
    assert texts[0] == "Exhibition text"
    assert ("Shipped with this archive as the file synthetic.txt (SHA-256 abababababababab…)."
            in texts)
    book_texts = visible_texts(screen.cards["test-book"])
    assert book_texts.index("Quoted in:") < book_texts.index("Reported in:")
    assert "Curator's source text" not in " ".join(texts + book_texts)


def test_a_source_with_a_public_url_shows_a_qr_code_and_others_none(qtbot):
    from khojaly_kiosk.archive.records import SourceWithCitations
    from khojaly_kiosk.ui.screens.sources import SourceCard

    online = SourceCard(SourceWithCitations(SourceRecord(
        id="test-online", kind="report", title="Test Online Report",
        url="https://example.org/test-report")))
    offline = SourceCard(SourceWithCitations(SourceRecord(id="test-paper", kind="book",
                                                          title="Test Paper Book")))
    for card in (online, offline):
        qtbot.addWidget(card)
        card.show()
    assert online.qr is not None and online.qr.isVisible()
    assert online.qr.url == "https://example.org/test-report"
    texts = [t.replace("\u200b", "") for t in visible_texts(online)]
    assert texts[-2:] == ["Continue reading on your phone:", "https://example.org/test-report"]
    assert offline.qr is None


def test_the_demo_names_no_url_so_no_source_shows_a_code(demo_archive):
    assert [e.source.id for e in demo_archive.sources.list() if e.source.url] == []
