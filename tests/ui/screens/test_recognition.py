"""Recognition: grouped countries / US states / organisations with date and instrument if given."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from khojaly_kiosk.ui.screens.recognition import RecognitionScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.chips import SourceLine
from tests.support.fakes import FakeArchive
from tests.support.qt import RecordingNav, tap, visible_texts


def open_recognition(qtbot, archive=None, size=(1920, 904)):
    nav = RecordingNav()
    screen = RecognitionScreen(archive or FakeArchive(), nav, ScreenServices())
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    QApplication.processEvents()
    return screen, nav


def card_texts(screen: RecognitionScreen) -> dict[str, list[str]]:
    return {card.record.id: visible_texts(card) for card in screen.cards}


def test_groups_appear_in_order_with_their_counts(qtbot):
    screen, _ = open_recognition(qtbot)
    texts = visible_texts(screen)
    assert texts.index("Countries  (1)") < texts.index("Test Country")
    assert texts.index("Test Country") < texts.index("US states  (1)") < texts.index("Test State")
    assert texts.index("Test State") < texts.index("Organisations  (1)")


def test_date_and_instrument_only_when_the_source_gives_them(qtbot):
    screen, _ = open_recognition(qtbot)
    cards = card_texts(screen)
    assert cards["test-rec-1"] == ["Test Country", "Test Parliament", "2010   ·   Test resolution"]
    # No date in the (synthetic) source: only the instrument is shown.
    assert cards["test-rec-3"] == ["Test Organisation", "Test Assembly", "Test declaration"]


def test_each_group_names_its_source_and_opens_it(qtbot):
    screen, nav = open_recognition(qtbot)
    lines = [w for w in screen.findChildren(SourceLine) if w.isVisibleTo(screen)]
    assert len(lines) == 3
    assert lines[0].label.text() == "Source: Test Organisation, Test Report on Events (synthetic)"
    tap(lines[0].button)
    assert nav.calls == [("source", "test-report")]


def test_empty_archive_says_so(qtbot):
    screen, _ = open_recognition(qtbot, FakeArchive(empty=True))
    assert visible_texts(screen) == ["No recognitions are recorded in this archive yet."]


def test_portrait_reflows_cards_within_the_width(qtbot):
    screen, _ = open_recognition(qtbot, size=(1080, 1744))
    for card in screen.cards:
        left = card.mapTo(screen, card.rect().topLeft()).x()
        assert left >= 0 and left + card.width() <= 1080


def test_recognition_entries_look_static_since_a_tap_leads_nowhere(qtbot, themed):
    from PySide6.QtCore import QPoint, Qt

    from khojaly_kiosk.ui.theme import current_palette
    from khojaly_kiosk.ui.widgets.cards import ClickableCard

    screen, nav = open_recognition(qtbot)
    for card in screen.cards:
        assert not isinstance(card, ClickableCard) and card.property("card") is None
        assert card.cursor().shape() != Qt.CursorShape.PointingHandCursor
        spot = card.mapTo(screen, QPoint(card.width() - 12, card.height() // 2))
        if screen.rect().contains(spot):  # on screen now (the page scrolls)
            image = screen.grab().toImage()
            assert image.pixelColor(spot).name().upper() == \
                current_palette().background.upper()
            tap(card)
    assert nav.calls == []
