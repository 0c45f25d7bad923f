"""A playing recording holds the kiosk's idle countdown (wired in kiosk/session.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from tests.fakes import FakeArchive, synthetic_recorded_testimony, write_silence_wav
from tests.ui.test_media_player import media_noise

from khojaly_kiosk.app import open_archive
from khojaly_kiosk.kiosk.idle import IdleState
from khojaly_kiosk.kiosk.session import KioskSession
from khojaly_kiosk.kiosk.state import StateStore
from khojaly_kiosk.paths import data_paths
from khojaly_kiosk.settings import load_settings
from khojaly_kiosk.ui import navigation as nav_keys


@pytest.fixture
def session(qapp: QApplication, fresh_data_dir: Path, qtbot) -> Iterator[KioskSession]:
    paths = data_paths(fresh_data_dir).ensure()
    settings = load_settings(paths.root, default_language="en", reduced_motion=True)
    state = StateStore.open(paths.state_db)
    session = KioskSession(qapp, paths, settings, open_archive(paths, settings), state)
    qtbot.addWidget(session.shell)
    session.show((1280, 720))
    yield session
    session.close()
    state.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@media_noise
def test_a_playing_recording_holds_the_idle_countdown(session: KioskSession, qtbot,
                                                      tmp_path: Path) -> None:
    clock = FakeClock()
    session.idle._clock = clock  # time is driven by the test, not waited for
    session.idle.poke()
    wav = write_silence_wav(tmp_path / "recording.wav", seconds=4)
    archive = FakeArchive()
    archive.testimonies._items[0] = synthetic_recorded_testimony(str(wav))
    session.shell.swap_repos(archive)
    qtbot.waitUntil(lambda: not session.shell.transitioning, timeout=2000)
    session.shell.go(nav_keys.TESTIMONY_READER, testimony_id="test-witness-1")
    reader = session.shell.current_screen()
    assert reader.player is not None

    reader.player.playingChanged.emit(True)  # what the player says when playback starts
    assert session.idle.suspended
    clock.now += session.idle.idle_seconds + 5
    session.idle.check()
    assert session.idle.state is IdleState.ACTIVE  # no "are you still there?" mid-recording

    reader.player.playingChanged.emit(False)  # paused or finished
    assert not session.idle.suspended
    session.idle.check()
    assert session.idle.state is IdleState.ACTIVE  # the idle time starts afresh from now
    clock.now += session.idle.idle_seconds + 1
    session.idle.check()
    assert session.idle.state is IdleState.COUNTDOWN
