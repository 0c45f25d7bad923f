"""Every screen speaks the visitor's language, and the next visitor starts in the default one.

Walks the real demo archive through every state the tour renders, in English; on each state
switches to az / ru / tr and back, as a visitor tapping the language buttons would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
import shiboken6
from defusedxml import ElementTree
from PySide6.QtWidgets import QAbstractButton, QLabel

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.resources import resource_path
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.shell import Shell
from tests.support.layout import (
    kiosk_shell,
    overlap_problems,
    settle,
    unlock,
    visible_widgets,
    walk_states,
)

TRANSLATED = ("az", "ru", "tr")


@pytest.fixture
def open_shell() -> Iterator[Callable[..., Shell]]:
    """Opens shells (``kiosk_shell`` arguments) and destroys them after the test."""
    with ExitStack() as stack:
        yield lambda *args: stack.enter_context(kiosk_shell(*args))


def catalogue(lang: str) -> dict[str, set[str]]:
    """English source string -> its translations in ``lang`` (from the shipped .ts file)."""
    path = resource_path("translations") / f"khojaly_{lang}.ts"
    tree = ElementTree.parse(path)
    table: dict[str, set[str]] = {}
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        table.setdefault(source, set()).add(message.findtext("translation") or "")
    return table


def ui_buttons(shell: Shell, sources: dict[str, set[str]]) -> list[tuple[QAbstractButton, str]]:
    """Visible buttons showing a UI string (one the catalogue translates), with that text."""
    return [(b, b.text()) for b in visible_widgets(shell, QAbstractButton)
            if b.text() in sources and sources[b.text()] != {b.text()}]


def ui_labels(shell: Shell, sources: dict[str, set[str]]) -> list[tuple[QLabel, str]]:
    """Visible labels showing a UI string the catalogue translates, with that text."""
    return [(w, w.text()) for w in visible_widgets(shell, QLabel)
            if w.text() in sources and sources[w.text()] != {w.text()}]


def label_texts(shell: Shell) -> set[str]:
    return {w.text() for w in visible_widgets(shell, QLabel) if w.text()}


@pytest.fixture
def english_shell(open_shell, themed, demo_archive: ArchiveRepos, fresh_data_dir: Path) -> Shell:
    shell = open_shell(demo_archive, Settings(default_language="en"),
                       (1920, 1080))
    return shell


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_screen_is_translated_and_english_comes_back(english_shell: Shell,
                                                           demo_archive: ArchiveRepos,
                                                           lang: str) -> None:
    shell = english_shell
    sources = catalogue(lang)
    problems: list[str] = []
    checked_buttons = 0
    for state in walk_states(shell, demo_archive, "en"):
        english_title = shell.top_bar.title()
        english_labels = label_texts(shell)
        buttons = ui_buttons(shell, sources)
        labels = ui_labels(shell, sources)
        if shell.current_key != keys.ATTRACT and not buttons:
            problems.append(f"[{state}] no translatable button is visible")
        shell.set_language(lang)
        settle()
        if shell.current_key == keys.ATTRACT:
            if label_texts(shell) == english_labels:
                problems.append(f"[{state}] the attract screen still reads in English")
        elif english_title and shell.top_bar.title() == english_title:
            problems.append(f"[{state}] title still English: {english_title!r}")
        for button, english in buttons:
            if not shiboken6.isValid(button) or not button.isVisibleTo(shell):
                continue  # rebuilt for the new language; its successor is checked below
            checked_buttons += 1
            if button.text() == english:
                problems.append(f"[{state}] button still English: {english!r}")
            elif button.text() not in sources[english]:
                problems.append(f"[{state}] button {english!r} shows {button.text()!r}, "
                                f"not its translation")
        for label, english in labels:
            if shiboken6.isValid(label) and label.isVisibleTo(shell) and label.text() == english:
                problems.append(f"[{state}] label still English: {english!r}")
        # A language switch while reading must not leave the old text painted underneath.
        problems += [str(p) for p in overlap_problems(shell, state)]
        shell.set_language("en")
        settle()
        if shell.top_bar.title() != english_title:
            problems.append(f"[{state}] title after switching back: "
                            f"{shell.top_bar.title()!r}, not {english_title!r}")
        for button, english in buttons:
            if shiboken6.isValid(button) and button.isVisibleTo(shell) \
                    and button.text() != english:
                problems.append(f"[{state}] button after switching back: "
                                f"{button.text()!r}, not {english!r}")
    assert checked_buttons >= 30, f"too few buttons were compared ({checked_buttons})"
    assert not problems, "\n".join(problems)


def test_the_next_visitor_starts_in_the_default_language(open_shell, themed,
                                                         demo_archive: ArchiveRepos,
                                                         fresh_data_dir: Path) -> None:
    shell = open_shell(demo_archive, Settings(default_language="az"),
                       (1920, 1080))
    azerbaijani_home = shell.top_bar.home_button.text()
    shell.home()
    shell.set_language("ru")
    settle()
    assert shell.top_bar.home_button.text() in catalogue("ru")["Home"]
    shell.go(keys.TESTIMONIES)
    settle()
    shell.return_to_attract()
    settle()
    assert shell.language == "az"
    assert shell.top_bar.home_button.text() == azerbaijani_home
    assert azerbaijani_home in catalogue("az")["Home"]
    assert shell.top_bar.language_buttons["az"].isChecked()


def test_source_kind_headings_are_translated(english_shell: Shell) -> None:
    """Regression: lupdate misread a ``tr = QCoreApplication.translate`` alias, so these
    headings were filed under the wrong key and stayed English in every language."""
    shell = english_shell
    unlock(shell)
    shell.go(keys.SOURCES)
    settle()
    english = list(shell.current_screen().headings)
    assert english, "the demo archive lists its sources under kind headings"
    shell.set_language("ru")
    settle()
    russian = shell.current_screen().headings
    assert len(russian) == len(english)
    assert not set(russian) & set(english), f"still English: {set(russian) & set(english)}"
