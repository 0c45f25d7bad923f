"""Every UI text fits its widget, in every language, in both kiosk orientations.

Runs on the real demo archive (real passage lengths) with the kiosk theme applied, through
every state the tour renders. A failure lists each widget whose text would be clipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui.shell import Shell
from tests.support.layout import (
    kiosk_shell,
    overlap_problems,
    text_problems,
    ui_elided_labels,
    unlock,
    walk_states,
)

LANGUAGES = ("az", "en", "ru", "tr")
SIZES = ((1920, 1080), (1080, 1920))


# Every language at the first text step; the longest translations (ru, az) also at the
# largest step, where layouts must reflow rather than clip (VISUAL.md).
CASES = [(lang, size, 1.0) for lang in LANGUAGES for size in SIZES] + [
    ("ru", (1920, 1080), 1.5), ("ru", (1080, 1920), 1.5), ("az", (1080, 1920), 1.5)]


@pytest.fixture
def open_shell() -> Iterator[Callable[..., Shell]]:
    """Opens shells (``kiosk_shell`` arguments) and destroys them after the test."""
    with ExitStack() as stack:
        yield lambda *args: stack.enter_context(kiosk_shell(*args))


@pytest.fixture(scope="module")
def kiosk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data dir for the module: its theme cache makes each text-size restyle cheap."""
    return tmp_path_factory.mktemp("layout-kiosk")


@pytest.mark.parametrize(("lang", "size", "text_scale"), CASES,
                         ids=[f"{c[0]}-{c[1][0]}x{c[1][1]}-x{c[2]}" for c in CASES])
def test_every_text_fits_its_widget(open_shell, themed, demo_archive: ArchiveRepos,
                                    kiosk_dir: Path, lang: str,
                                    size: tuple[int, int], text_scale: float) -> None:
    shell = open_shell(demo_archive, Settings(default_language="en"), size)
    problems = []
    states = []
    for state in walk_states(shell, demo_archive, lang, text_scale):
        states.append(state)
        problems += text_problems(shell, state, ui_elided_labels(shell))
        problems += overlap_problems(shell, state)
    assert len(states) >= 12, f"the walk missed screens: {states}"
    assert not problems, f"{len(problems)} texts do not fit at {size} x{text_scale}:\n" + "\n".join(
        str(p) for p in problems)


def test_the_check_catches_a_clipped_label(open_shell, themed, demo_archive: ArchiveRepos,
                                           fresh_data_dir: Path) -> None:
    """The check itself can fail: a title squeezed into a narrow bar is reported."""
    shell = open_shell(demo_archive, Settings(default_language="en"),
                       (1920, 1080))
    unlock(shell)
    shell.home()
    shell.top_bar.set_title("A section title far too long to fit a narrow bar " * 8)
    problems = text_problems(shell, "home", ui_elided_labels(shell))
    assert any("TopBar" in p.widget for p in problems), problems


def test_the_check_catches_texts_painted_over_each_other(open_shell, themed,
                                                         demo_archive: ArchiveRepos,
                                                         fresh_data_dir: Path) -> None:
    shell = open_shell(demo_archive, Settings(default_language="en"),
                       (1920, 1080))
    unlock(shell)
    shell.home()
    home = shell.current_screen()
    first, second = (QLabel("Testimonies", home), QLabel("Timeline", home))
    for label in (first, second):
        label.setGeometry(100, 100, 300, 60)
        label.show()
    problems = overlap_problems(shell, "home")
    assert [p.text for p in problems] == ["Testimonies"], problems
