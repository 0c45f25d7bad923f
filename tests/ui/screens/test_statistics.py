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


# ------------------------------------------------------------------ the demo's figures


def demo_statistics(qtbot, demo_archive, size=(1920, 904)):
    screen, _nav = open_statistics(qtbot, demo_archive)
    screen.resize(*size)
    QApplication.processEvents()
    return screen


def test_the_total_carries_its_predicate_and_its_parts_beneath(qtbot, themed, demo_archive):
    screen = demo_statistics(qtbot, demo_archive)
    total = next(t for t in screen.tiles if t.statistic.id == "killed-total")
    texts = visible_texts(total)
    assert texts[:4] == ["The bloody massacre claimed lives of", "613", "people", "including:"]
    assert [p.text() for p in total.parts] == ["63 children", "106 women", "70 elders"]
    # The parts are beneath the total, never figures of their own.
    assert not {"killed-children", "killed-women", "killed-elders"} & {
        t.statistic.id for t in screen.tiles}
    assert all(p.geometry().top() > total.numeral.geometry().bottom() for p in total.parts)
    assert total.numeral.font().pixelSize() > total.parts[0].numeral.font().pixelSize()


def test_a_figure_whose_label_misleads_is_shown_only_in_its_sentence(
        qtbot, themed, demo_archive):
    screen = demo_statistics(qtbot, demo_archive)
    assert "oic-member-countries" not in {t.statistic.id for t in screen.tiles}
    texts = visible_texts(screen)
    assert "countries around the globe" not in texts
    assert ("The Organization of Islamic Cooperation (OIC), which brings together 56 countries "
            "around the globe, has officially qualified the massacre in Khojaly as a crime "
            "against humanity and declared it genocide.") in texts


def test_every_figure_is_shown_with_words_that_say_what_it_counts(
        qtbot, themed, demo_archive):
    screen = demo_statistics(qtbot, demo_archive)
    for block in screen.blocks:
        for tile in block.tiles:
            words = [w for w in (block.lead.text(), tile.before.text() if tile.before.isVisibleTo(
                tile) else "", tile.after.text() if tile.after.isVisibleTo(tile) else "") if w]
            label = tile.label.text()
            # "people" alone would not say it; the outcomes carry their verb in the label.
            assert words or len(label.split()) > 2, (tile.statistic.id, label)
    texts = visible_texts(screen)
    razed = ("Razed to the ground across the district were: 1 town, 1 township, 6 villages, "
             "2495 residential houses, 31 industrial facilities, 15 agricultural facilities, "
             "5 communication entities, 20 education facilities, 14 clinics/hospitals, "
             "56 cultural facilities etc.")
    assert razed in texts  # the list ends "etc.": the whole sentence is shown
    assert "Razed to the ground across the district were:" in texts  # the block's lead, once


def test_at_the_largest_text_step_columns_are_equal_and_inside_the_margin(
        qtbot, themed, demo_archive, theme_cache):
    from khojaly_kiosk.ui.theme import apply_theme

    apply_theme(themed, cache_dir=theme_cache, text_scale=1.5)
    try:
        for size in ((1920, 904), (1080, 1744)):
            screen = demo_statistics(qtbot, demo_archive, size)
            qtbot.wait(50)
            QApplication.processEvents()
            right = screen.width() - 96 + 2
            for block in screen.blocks:
                grid = block.grid
                if not block.tiles:
                    continue
                singles = [t for t in block.tiles if not t.property("wide")]
                widths = {t.width() for t in singles}
                assert not widths or max(widths) - min(widths) <= 2, (size, widths)
                for tile in block.tiles:
                    edge = tile.mapTo(screen, tile.rect().topRight()).x()
                    assert edge <= right, (size, tile.statistic.id, edge, right)
                    numeral = tile.numeral
                    assert numeral.width() >= numeral.sizeHint().width() - 1, tile.statistic.id
                assert grid.columns() >= 1
    finally:
        apply_theme(themed, cache_dir=theme_cache)
