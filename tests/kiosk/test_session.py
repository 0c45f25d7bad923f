"""The running kiosk as wired by the composition root, on the real demo archive."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.app import build_session, open_archive
from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.kiosk.core.state import StateStore
from khojaly_kiosk.kiosk.idle import IdleState
from khojaly_kiosk.kiosk.session import KioskSession
from khojaly_kiosk.paths import DataPaths, data_paths
from khojaly_kiosk.settings import load_settings
from khojaly_kiosk.ui import navigation as nav_keys
from tests.support.fakes import FakeArchive, synthetic_recorded_testimony, write_silence_wav
from tests.support.kiosk import FakeClock
from tests.support.qt import media_noise


@pytest.fixture
def paths(fresh_data_dir: Path) -> DataPaths:
    return data_paths(fresh_data_dir).ensure()


def _session(qapp: QApplication, paths: DataPaths, qtbot) -> Iterator[KioskSession]:
    settings = load_settings(paths.root, default_language="en", reduced_motion=True)
    state = StateStore.open(paths.state_db)
    session = build_session(qapp, paths, settings, state)
    qtbot.addWidget(session.shell)
    session.show((1280, 720))
    yield session
    session.close()
    state.close()


@pytest.fixture
def session(qapp: QApplication, paths: DataPaths, qtbot) -> Iterator[KioskSession]:
    yield from _session(qapp, paths, qtbot)


def test_first_run_builds_the_demo_archive_and_shows_attract(session: KioskSession) -> None:
    assert session.live is not None
    assert session.live.repos.summary().counts["testimonies"] == 27
    assert session.shell.current_key == nav_keys.ATTRACT


def _go_home(session: KioskSession, qtbot) -> None:
    qtbot.waitUntil(lambda: not session.shell.transitioning, timeout=2000)
    session.shell.go(nav_keys.HOME)


def test_idle_timeout_returns_to_attract_and_picks_up_a_new_generation(
        session: KioskSession, paths: DataPaths, qtbot) -> None:
    _go_home(session, qtbot)
    assert session.shell.current_key == nav_keys.HOME
    # A staff import produced a new generation while a visitor was using the kiosk.
    store = GenerationStore(paths.archives)
    first = store.current()
    assert first is not None
    newer = store.new_generation()
    shutil.copy2(store.path_of(first) / "archive.sqlite", newer / "archive.sqlite")
    store.switch(newer.name)
    session.idle.idleTimeout.emit()
    assert session.shell.current_key == nav_keys.ATTRACT
    # The new generation is opened on a worker thread, then swapped in on the GUI thread.
    qtbot.waitUntil(lambda: session.live is not None and session.live.name == newer.name,
                    timeout=5000)
    assert session.shell.repos is session.live.repos
    assert session.shell.current_key == nav_keys.ATTRACT


class _Emitter(QObject):
    fired = Signal()


def test_an_error_in_a_slot_returns_to_attract_instead_of_dying(
        session: KioskSession, qtbot) -> None:
    _go_home(session, qtbot)
    assert session.shell.current_key == nav_keys.HOME

    def broken() -> None:
        raise RuntimeError("a bug in a slot")

    emitter = _Emitter()
    emitter.fired.connect(broken)
    with qtbot.capture_exceptions():
        emitter.fired.emit()
    # pytest-qt captures the exception before our hook; call the installed hook as Qt would.
    import sys
    sys.excepthook(RuntimeError, RuntimeError("a bug in a slot"), None)
    assert session.shell.current_key == nav_keys.ATTRACT


def test_a_corrupt_only_archive_shows_the_calm_unavailable_screen(
        qapp: QApplication, paths: DataPaths, qtbot) -> None:
    settings = load_settings(paths.root, default_language="en")
    live = open_archive(paths, settings)
    assert live is not None
    db = live.db_path
    live.close()
    db.write_bytes(b"this is not a database" * 100)
    # A production kiosk (demo mode off) has nothing to fall back to.
    (paths.root / "config.toml").write_text("demo_mode = false\n", encoding="utf-8")
    for running in _session(qapp, paths, qtbot):
        assert running.live is None
        assert running.shell.current_key == nav_keys.UNAVAILABLE
    moved = [p.name for p in paths.archives.iterdir() if ".corrupt" in p.name]
    assert moved, "the damaged generation is moved aside, never deleted"


def test_in_demo_mode_a_corrupt_only_archive_is_rebuilt_from_the_demo(
        qapp: QApplication, paths: DataPaths, qtbot) -> None:
    settings = load_settings(paths.root, default_language="en")
    live = open_archive(paths, settings)
    assert live is not None
    damaged = live.name
    live.db_path.write_bytes(b"this is not a database" * 100)
    live.close()
    for running in _session(qapp, paths, qtbot):
        assert running.live is not None and running.live.name != damaged
        assert running.shell.current_key == nav_keys.ATTRACT


def test_settings_saved_in_the_staff_panel_take_effect_at_once(session: KioskSession) -> None:
    session.staff.panel.settings.saved.emit(
        {"idle_seconds": "120", "default_language": "ru", "opening_hours": "09:00-18:00"})
    assert session.idle.idle_seconds == 120
    assert session.settings.default_language == "ru"
    session.return_to_attract()
    assert session.shell.language == "ru"


def test_the_staff_panel_status_names_the_live_generation(session: KioskSession) -> None:
    assert session.staff is not None and session.live is not None
    session.staff.panel.refresh_status()  # the staff actions built by the composition root
    text = session.staff.panel.status_text.text()
    assert f"Generation: {session.live.name}" in text
    assert "Integrity: The archive is intact." in text
    assert "Testimonies: 27" in text


@media_noise
def test_a_playing_recording_holds_the_idle_countdown(session: KioskSession, qtbot,
                                                      tmp_path: Path) -> None:
    clock = FakeClock(1000.0)
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


def test_in_kiosk_mode_only_the_staff_panel_closes_the_window(
        qapp: QApplication, paths: DataPaths, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings(paths.root, default_language="en", reduced_motion=True,
                             kiosk_mode=True)
    state = StateStore.open(paths.state_db)
    running = build_session(qapp, paths, settings, state)
    qtbot.addWidget(running.shell)
    try:
        running.show((1280, 720))
        assert not running.shell.close()  # Alt+F4 or a close button under a window manager
        assert running.shell.isVisible()
        quits: list[str] = []
        monkeypatch.setattr(running.app, "quit", lambda: quits.append("quit"))
        running.exit_to_desktop()  # the staff panel's way out
        assert quits == ["quit"] and running.shell.close()
    finally:
        running.close()
        state.close()


def test_four_searches_count_four_in_the_usage_totals(session: KioskSession, qtbot) -> None:
    from khojaly_kiosk.kiosk.core.usage import usage_totals

    _go_home(session, qtbot)
    qtbot.waitUntil(lambda: not session.shell.transitioning, timeout=2000)
    session.shell.go(nav_keys.NAMES)
    names = session.shell.current_screen()
    for query in ("M", "Ma", "Mam", "", "Fuz", "", "Мамед", "", "Zzz"):
        names.search_field.setText(query)  # as the keyboard types and clears
    session.return_to_attract()  # the visit ends: what it counted is written
    assert usage_totals(session.state)["searches"] == 4
    assert all("Mam" not in str(row) for row in session.state.query("SELECT * FROM usage"))


def test_a_tap_waits_for_no_commit_and_the_visit_is_written_when_it_ends(
        session: KioskSession, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    # state.sqlite commits with synchronous=FULL (an fsync): not on the path of a tap.
    from khojaly_kiosk.kiosk.core.usage import usage_totals

    commits: list[str] = []
    real = type(session.state).transaction

    def counted(store, *args, **kwargs):
        commits.append("commit")
        return real(store, *args, **kwargs)

    monkeypatch.setattr(type(session.state), "transaction", counted)
    _go_home(session, qtbot)
    qtbot.waitUntil(lambda: not session.shell.transitioning, timeout=2000)
    session.shell.go(nav_keys.TIMELINE)
    assert commits == []
    assert session.usage.pending == 3  # a session, home and the timeline
    assert session.staff is not None  # the staff room's chart sees the visit under way
    assert session.staff._actions.usage_totals()["sessions"] == 1
    assert commits == ["commit"] and session.usage.pending == 0
    commits.clear()
    session.shell.go(nav_keys.HOME)
    session.return_to_attract()
    assert commits == ["commit"]  # one transaction for the whole visit
    totals = usage_totals(session.state)
    assert totals["sessions"] == 1 and totals["screens"] >= 2
    assert session.usage.pending == 0


def test_the_staff_room_is_built_only_when_staff_ask_for_it(
        session: KioskSession, qtbot, fast_hasher) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from khojaly_kiosk.kiosk.core.pin import set_pin

    staff = session.staff
    assert staff is not None
    # Nothing of the staff room exists at start (the panel and its charts cost ~0.3 s
    # before the first frame) ...
    assert not staff.panel_built
    assert not any(type(w).__name__ in ("StaffPanel", "PinPad") for w in QApplication.allWidgets())
    # ... the hidden gesture and the PIN build it.
    set_pin(session.state, "2602", hasher=fast_hasher)
    staff.gesture.triggered.emit()
    pad = staff.pin_pad
    assert pad.isVisible() and not staff.panel_built
    session.shell._end_transition()  # the start's tap-storm lock, as after a few seconds
    for digit in "2602":
        QTest.mouseClick(pad.digit_keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff.panel_built and staff.panel.isVisible())
    staff.panel.closed.emit()
    assert not staff.panel.isVisible()


def test_a_start_paints_attract_first_then_opens_the_archive_and_prepares_every_screen(
        qapp: QApplication, paths: DataPaths, qtbot) -> None:
    from khojaly_kiosk.app import build_window, finish_start
    from khojaly_kiosk.kiosk.firstpaint import after_first_frame

    settings = load_settings(paths.root, default_language="en", reduced_motion=True)
    state = StateStore.open(paths.state_db)
    session = build_window(qapp, paths, settings, state, None, archive_pending=True)
    qtbot.addWidget(session.shell)
    after_first_frame(qapp, session.shell,
                      lambda: finish_start(paths, settings, state, session, started=0.0))
    assert session.live is None and session.staff is None  # nothing of it before the frame
    session.show((1280, 720))
    assert session.shell.current_key == nav_keys.ATTRACT
    qtbot.waitUntil(lambda: session.live is not None, timeout=60000)  # the demo, built
    qtbot.waitUntil(lambda: session.shell.screens_prepared, timeout=30000)
    assert session.staff is not None and session.heartbeat is not None
    assert session.shell.current_key == nav_keys.ATTRACT
    session.close()
    state.close()


def test_at_the_first_frame_nothing_a_visitor_cannot_see_is_imported(paths: DataPaths) -> None:
    import subprocess
    import sys

    # The first start builds the demo; the second is what every later start of a kiosk is.
    code = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from khojaly_kiosk.kiosk import firstpaint
def watch(app, window):
    def ready():
        if not window.screens_prepared:
            QTimer.singleShot(100, ready)
            return
        print(" ".join(sorted(sys.modules)))
        app.quit()
    def report():
        hook = sys.modules["shibokensupport.feature"]._mod_uses_pyside
        quick = ["quick-shiboken-hook"] if getattr(hook, "_khojaly_quick", False) else []
        print(" ".join(sorted(sys.modules) + quick))
        ready()
    firstpaint.after_first_frame(app, window, report)
firstpaint.watch_first_paint = watch
from khojaly_kiosk.cli import main
sys.argv = ["khojaly-kiosk", "--data-dir", sys.argv[1], "run"]
main()
"""
    for _start in range(2):
        done = subprocess.run([sys.executable, "-c", code, str(paths.root)], capture_output=True,
                              text=True, timeout=180, check=True)
    at_first_frame, when_ready = (set(line.split()) for line in done.stdout.splitlines())
    assert "khojaly_kiosk.ui.screens.attract" in at_first_frame  # what the first frame shows
    assert "quick-shiboken-hook" in at_first_frame  # ui.shiboken_hook: ~12 ms of the start
    for later in ("sqlalchemy", "khojaly_kiosk.archive.generations", "khojaly_kiosk.content",
                  "khojaly_kiosk.ui.registry", "khojaly_kiosk.kiosk.staff.flow",
                  "khojaly_kiosk.kiosk.fleet",
                  "_hashlib"):  # libcrypto: the theme's cache key is a CRC, not a SHA
        assert later not in at_first_frame, f"{later} is imported before the first frame"
    # Serving the archive and preparing every screen needs neither SQLAlchemy (the builders'
    # ORM: ~30 MiB) nor the content pipeline.
    assert "khojaly_kiosk.ui.screens.timeline" in when_ready
    for never in ("sqlalchemy", "khojaly_kiosk.archive.models", "khojaly_kiosk.content.install",
                  "khojaly_kiosk.content.pipeline", "nacl", "bagit", "PIL",
                  "argon2"):  # the PIN's hasher (~2 MiB), made when a PIN is first checked
        assert never not in when_ready, f"{never} is imported by a kiosk waiting on attract"
