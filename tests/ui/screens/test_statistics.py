"""Statistics: big numerals with their labels, grouped, qualifier and source shown.

Every figure here is synthetic test data (tests/fakes.py style), never content.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.records import StatisticRecord
from khojaly_kiosk.ui.screens.statistics import StatisticsScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.stat_tile import format_number
from tests.support.fakes import SOURCES, FakeArchive, FakeListRepo
from tests.support.qt import RecordingNav, tap, visible_texts

SYNTHETIC_STATS = (
    StatisticRecord(id="s1", value=613, qualifier="", label="synthetic people counted",
                    group="losses", source=SOURCES[0]),
    StatisticRecord(id="s2", value=2500, qualifier="nearly", label="synthetic homes noted",
                    group="destruction", source=SOURCES[1]),
    StatisticRecord(id="s3", value=70, qualifier="", label="synthetic elders counted",
                    group="losses", source=SOURCES[0]),
)


def open_statistics(qtbot, archive=None, lang="en"):
    nav = RecordingNav()
    nav.language = lang
    if archive is None:
        archive = FakeArchive()
        archive.statistics = FakeListRepo(SYNTHETIC_STATS)
    screen = StatisticsScreen(archive, nav, ScreenServices())
    qtbot.addWidget(screen)
    screen.resize(1920, 904)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    QApplication.processEvents()
    return screen, nav


def tile_texts(screen: StatisticsScreen) -> dict[str, tuple[str, str, str]]:
    return {t.statistic.id: (t.qualifier.text(), t.numeral.text(), t.label.text())
            for t in screen.tiles}


def test_numeral_and_its_label_are_shown(qtbot):
    screen, _ = open_statistics(qtbot)
    texts = visible_texts(screen)
    assert "613" in texts
    assert "synthetic people counted" in texts
    assert tile_texts(screen)["s1"] == ("", "613", "synthetic people counted")


def test_qualifier_is_shown_with_the_number_in_the_visitors_language(qtbot):
    screen, _ = open_statistics(qtbot)
    assert tile_texts(screen)["s2"] == ("nearly", "2,500", "synthetic homes noted")
    screen, _ = open_statistics(qtbot, lang="ru")
    qualifier, numeral, _ = tile_texts(screen)["s2"]
    assert qualifier == "nearly"
    assert numeral.replace("\u00a0", " ") == "2 500"
    assert format_number(2500, "az") == "2.500"


def test_statistics_are_grouped_with_the_source_below_each_group(qtbot):
    screen, _ = open_statistics(qtbot)
    texts = visible_texts(screen)
    assert texts.index("Lives lost") < texts.index("613") < texts.index("70")
    assert texts.index("70") < texts.index(
        "Source: Test Author, Test Book of Accounts (synthetic)") < texts.index("Destruction")
    assert texts.index("Destruction") < texts.index("2,500") < texts.index(
        "Source: Test Organisation, Test Report on Events (synthetic)")


def test_source_button_opens_that_source(qtbot):
    screen, nav = open_statistics(qtbot)
    lines = [w for w in screen.findChildren(SourceLine) if w.isVisibleTo(screen)]
    screen.area.ensureWidgetVisible(lines[-1])
    QApplication.processEvents()
    tap(lines[-1].button)
    assert nav.calls == [("source", "test-report")]


def test_empty_archive_says_no_statistics(qtbot):
    screen, _ = open_statistics(qtbot, FakeArchive(empty=True))
    assert "No statistics are recorded in this archive yet." in visible_texts(screen)
    assert screen.tiles == []


def test_re_entering_rebuilds_instead_of_duplicating(qtbot):
    screen, _ = open_statistics(qtbot)
    screen.enter()
    QApplication.processEvents()
    assert visible_texts(screen).count("613") == 1
