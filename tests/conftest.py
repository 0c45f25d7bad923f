"""Shared test setup: offscreen Qt, a fresh data dir per test, ``src`` importable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Must be set before any QApplication exists; tests never need a real display. The default
# offscreen screen is 800x800 and finds no window outside it, so QApplication.widgetAt() fails
# for a 1920x1080 window and QScroller cannot replay a tap to the button under the finger.
# A configured 3840x3840 screen holds both kiosk orientations.
_SCREEN = Path(__file__).resolve().parent / "offscreen-screen.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

# Tests run from a plain checkout too (no editable install needed).
_SRC = Path(__file__).resolve().parent.parent / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))
_TESTS = Path(__file__).resolve().parent
if str(_TESTS.parent) not in sys.path:
    sys.path.insert(0, str(_TESTS.parent))


@pytest.fixture(autouse=True)
def fresh_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty ``KHOJALY_DATA_DIR``."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    monkeypatch.setenv("KHOJALY_DATA_DIR", str(data_dir))
    return data_dir


# The offscreen platform plugin warns whenever a window's size hints change; real screens do
# not. Ignore exactly that message so qt_log_level_fail still catches every real warning.
_OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture
def english_ui(qapp):
    """The English UI translator installed, as the kiosk installs it (its plural forms)."""
    from khojaly_kiosk.ui.i18n import Translations

    translations = Translations()
    translations.switch(qapp, "en")
    yield translations
    translations.uninstall(qapp)
