"""A name's own page: every field the archive holds, the passage with its speaker and source."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.records import NameRecord
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.name import NameScreen
from khojaly_kiosk.ui.services import ScreenServices
from tests.support.fakes import SOURCES, FakeArchive, FakeNameRepo
from tests.support.qt import RecordingNav, tap, visible_texts

# SYNTHETIC records: every field filled, and one with a name only.
FULL = NameRecord(id=7, name="Synthetic Full Name", age=41, birth_year=1951,
                  village="Synthetic Village", category="Synthetic category",
                  passage="A synthetic passage naming a synthetic person.", source=SOURCES[0],
                  speaker="Synthetic Witness", speaker_role="Synthetic role",
                  testimony_id="test-witness-1")
BARE = NameRecord(id=8, name="Synthetic Bare Name")


def open_name(qtbot, name_id, archive=None):
    nav = RecordingNav()
    if archive is None:
        archive = FakeArchive()
        archive.names = FakeNameRepo([FULL, BARE])
    screen = NameScreen(archive, nav, ScreenServices(reduced_motion=True))
    qtbot.addWidget(screen)
    screen.resize(1920, 904)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitSignal(screen.source_changed):
        screen.enter(name_id=name_id)
    QApplication.processEvents()
    return screen, nav


def test_every_field_the_archive_holds_is_shown_with_the_passage_and_its_speaker(qtbot):
    screen, nav = open_name(qtbot, FULL.id)
    texts = visible_texts(screen)
    assert "Synthetic Full Name" in texts
    assert ("Born in 1951   ·   Age 41   ·   Village: Synthetic Village   ·   "
            "Synthetic category") in texts
    assert "A synthetic passage naming a synthetic person." in texts
    assert "In the words of Synthetic Witness, Synthetic role." in texts
    assert screen.current_source() == FULL.attribution  # the shell's source strip shows it
    assert screen.current_source().document == SOURCES[0]
    tap(screen.testimony_button)
    assert nav.calls == [("go", keys.TESTIMONY_READER)]
    assert nav.args == [{"testimony_id": "test-witness-1"}]


def test_a_name_without_facts_shows_nothing_invented(qtbot):
    screen, _ = open_name(qtbot, BARE.id)
    assert visible_texts(screen) == ["Synthetic Bare Name"]
    assert not screen.testimony_button.isVisibleTo(screen)
    assert screen.current_source().document is None  # the strip shows no source


def test_a_passage_without_a_known_speaker_names_no_one(qtbot):
    archive = FakeArchive()
    archive.names = FakeNameRepo([replace(FULL, speaker="", speaker_role="", testimony_id="")])
    screen, _ = open_name(qtbot, FULL.id, archive=archive)
    texts = visible_texts(screen)
    assert "A synthetic passage naming a synthetic person." in texts
    assert not any(text.startswith("In the words of") for text in texts)
    assert not screen.testimony_button.isVisibleTo(screen)


def test_an_unknown_name_is_a_calm_sentence(qtbot):
    screen, _ = open_name(qtbot, 999)
    assert visible_texts(screen) == ["This name is not in the archive."]


def test_the_demo_archive_names_who_speaks_of_mammad(qtbot, themed, demo_archive):
    found = demo_archive.names.search("Mammad")
    screen, _ = open_name(qtbot, found[0].id, archive=demo_archive)
    texts = visible_texts(screen)
    # The passage comes from an advised account: its advisory names the witness first.
    assert texts[:3] == ["Mammad", "Content advisory",
                         "The account of Valekh Huseynov describes the deaths and suffering "
                         "of civilians."]
    assert not any("old man" in text for text in texts)
    tap(screen.advisory.continue_button)
    texts = visible_texts(screen)
    assert "In the words of Valekh Huseynov, Native of Khojaly." in texts
    assert screen.passage.text().startswith("There was an old man, Mammad.")
