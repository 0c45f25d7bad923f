"""Fixtures for screen tests: a themed app, a shell over the synthetic FakeArchive."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui.services import MemoryCandleCounter
from khojaly_kiosk.ui.shell import Shell
from khojaly_kiosk.ui.theme import apply_theme
from tests.support.fakes import FakeArchive
from tests.support.qt import settle


@pytest.fixture(scope="session")
def theme_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One rendered qt-material cache for the whole run (rendering it is the slow part)."""
    return tmp_path_factory.mktemp("theme-cache")


@pytest.fixture
def themed(qapp: QApplication, theme_cache: Path) -> Iterator[QApplication]:
    """The application styled exactly as the kiosk styles it."""
    apply_theme(qapp, cache_dir=theme_cache)
    yield qapp
    qapp.setStyleSheet("")


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveRepos]:
    """The shipped demo archive (db/demo/, verbatim from the source text), built once.

    For checks that only real content shows (long real passages, a name that is recorded);
    everything else uses the synthetic FakeArchive.
    """
    from khojaly_kiosk.content.pipeline import ensure_demo_archive
    from khojaly_kiosk.paths import data_paths
    from khojaly_kiosk.settings import load_settings

    paths = data_paths(tmp_path_factory.mktemp("demo-data")).ensure()
    live = ensure_demo_archive(paths, load_settings(paths.root))
    assert live is not None, "the demo content in db/demo/ did not build"
    yield live.repos
    live.close()


@pytest.fixture
def settings(fresh_data_dir: Path) -> Settings:
    # English so test strings read as the source strings; reduced motion: no fades to wait for.
    return Settings(default_language="en", reduced_motion=True)


@pytest.fixture
def archive() -> FakeArchive:
    return FakeArchive()


@pytest.fixture
def shell(qtbot, themed, archive: FakeArchive, settings: Settings,
          theme_cache: Path) -> Iterator[Shell]:
    """A shown 1920x1080 shell on the attract screen."""
    window = Shell(archive, MemoryCandleCounter(), settings, theme_cache=theme_cache)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    settle(window, qtbot)
    yield window
    # A test that switched the language leaves the English strings behind it: the Qt
    # translator is installed on the application, which outlives the shell.
    window.set_language("en")
    # Delete the window now, not whenever the garbage collector gets to it: a shell collected
    # in the middle of the next test's setStyleSheet (which walks every widget) crashed it.
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
