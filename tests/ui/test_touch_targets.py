"""Every control a visitor can tap is at least a fingertip (48 x 48 logical px) in size.

Walks the real demo archive through every state the tour renders at 1920x1080, in English and
in Russian (the longest labels), and measures every visible, enabled clickable widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui.shell import Shell
from khojaly_kiosk.ui.widgets.cards import ClickableCard
from tests.support.layout import (
    MIN_TARGET,
    is_clickable,
    kiosk_shell,
    touch_problems,
    unlock,
    visible_widgets,
    walk_states,
)


@pytest.fixture
def open_shell() -> Iterator[Callable[..., Shell]]:
    """Opens shells (``kiosk_shell`` arguments) and destroys them after the test."""
    with ExitStack() as stack:
        yield lambda *args: stack.enter_context(kiosk_shell(*args))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_control_is_big_enough_for_a_finger(open_shell, themed, demo_archive: ArchiveRepos,
                                                  fresh_data_dir: Path, lang: str) -> None:
    shell = open_shell(demo_archive, Settings(default_language="en"),
                       (1920, 1080))
    problems = []
    measured = 0
    for state in walk_states(shell, demo_archive, lang):
        measured += sum(1 for w in visible_widgets(shell, QWidget)
                        if w.isEnabled() and is_clickable(w))
        problems += touch_problems(shell, state)
    assert measured >= 100, f"too few controls were measured ({measured})"
    assert not problems, f"{len(problems)} controls under {MIN_TARGET} px:\n" + "\n".join(
        str(p) for p in problems)


def test_cards_count_as_controls_and_small_ones_are_reported(open_shell, themed,
                                                             demo_archive: ArchiveRepos,
                                                             fresh_data_dir: Path) -> None:
    """The check itself can fail: a card or a button squeezed below 48 px is reported."""
    shell = open_shell(demo_archive, Settings(default_language="en"),
                       (1920, 1080))
    unlock(shell)
    shell.home()
    home = shell.current_screen()
    card = ClickableCard(home)
    card.setMinimumSize(0, 0)
    card.setGeometry(10, 10, 40, 120)
    button = QPushButton("x", home)
    for widget in (card, button):
        widget.show()
    button.setStyleSheet("min-height: 0px")  # the kiosk's own min-height would protect it
    button.setMinimumSize(0, 0)
    button.setGeometry(60, 10, 120, 30)
    assert is_clickable(card)
    found = {p.widget.split(" ")[0] for p in touch_problems(shell, "home")}
    assert found == {"ClickableCard", "QPushButton"}
