"""Helpers for the layout, touch-target and translation acceptance tests.

They walk a real ``Shell`` through the same states the tour renders (``ui.tour._steps``) and
measure what a visitor would see: does each visible text fit its widget, is each control big
enough for a finger. Problems are returned as readable lines, never asserted here, so one
failing test lists every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui.services import MemoryCandleCounter
from khojaly_kiosk.ui.shell import Shell
from khojaly_kiosk.ui.tour import _steps
from khojaly_kiosk.ui.widgets.text import ClampedLabel, ElidedLabel, ReadingParagraph

MIN_TARGET = 48  # logical px, the smallest control a finger hits reliably
ICON_TEXT_GAP = 4  # QPushButton's gap between icon and text (QCommonStyle)
TOLERANCE = 1  # px: rounding in font metrics and layouts


@dataclass(frozen=True)
class Problem:
    """One thing a visitor would see wrong, with enough detail to find the widget."""

    state: str
    widget: str
    text: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.state}] {self.widget} {self.text!r}: {self.detail}"


def settle(rounds: int = 4) -> None:
    """Let layouts finish: height-for-width and deferred scrolls post further events."""
    app = QCoreApplication.instance()
    assert app is not None
    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        app.sendPostedEvents()


@contextmanager
def kiosk_shell(repos: ArchiveRepos, settings: Settings,
                size: tuple[int, int]) -> Iterator[Shell]:
    """A shown shell of ``size`` on the attract screen (reduced motion: no fades to wait for).

    Destroyed on exit, not merely closed: every live widget is re-polished on each text-size
    restyle, so shells left over from earlier tests made later restyles ever slower.
    """
    shell = Shell(repos, MemoryCandleCounter(), settings.with_(reduced_motion=True))
    shell.resize(*size)
    shell.show()
    settle()
    try:
        yield shell
    finally:
        if shiboken6.isValid(shell):
            shell.close()
            shiboken6.delete(shell)
            settle()


def unlock(shell: Shell) -> None:
    """End the transition lock now: these walks are not tap storms, every step must navigate."""
    shell._unlock.stop()
    shell._end_transition()


def walk_states(shell: Shell, repos: ArchiveRepos, lang: str,
                text_scale: float = 1.0) -> Iterator[str]:
    """Put ``shell`` in every state the tour renders, in ``lang``; yields each state's name.

    ``text_scale`` is a visitor's text-size step, chosen again after the attract screen
    (which resets it for the next visitor).
    """
    shell.set_language(lang)
    settle()
    for step in _steps(shell, repos):
        unlock(shell)
        step.action()
        if shell.accessibility.text_scale != text_scale:
            shell.accessibility.set_text_scale(text_scale)
        settle()
        yield f"{shell.language}/{step.name}"
        if step.undo is not None:
            step.undo()


def describe(widget: QWidget) -> str:
    """``Class#objectName in Parent > Parent`` for failure messages."""
    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 3:
        chain.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    name = widget.objectName()
    own = f"{type(widget).__name__}#{name}" if name else type(widget).__name__
    return f"{own} in {' > '.join(chain)}"


def visible_widgets(root: QWidget, kind: type) -> list:
    """Widgets of ``kind`` under ``root`` a visitor can see (shown, with a non-empty size)."""
    return [w for w in root.findChildren(kind) if w.isVisibleTo(root)]


def _button_text_room(button: QAbstractButton) -> int:
    """Width left for the label inside the button's border and padding, after its icon."""
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        rect = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                             button)
        room = rect.width()
    else:
        room = button.contentsRect().width()
    if not button.icon().isNull():
        room -= button.iconSize().width() + ICON_TEXT_GAP
    return room


def text_problems(root: QWidget, state: str, ui_elided: set[int]) -> list[Problem]:
    """Every visible text under ``root`` that does not fit its widget.

    Args:
        root: usually the shell window.
        state: the state's name, for the messages.
        ui_elided: ``id()`` of elided labels that show UI strings (the section title): those
            must fit in full. Other elided or clamped labels show archive content and are
            designed to end in "…".
    """
    problems: list[Problem] = []
    for label in visible_widgets(root, QLabel):
        if isinstance(label, (ElidedLabel, ClampedLabel)):
            if id(label) not in ui_elided:
                continue
            text = label.full_text()
        else:
            text = label.text()
        if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        metrics = QFontMetrics(label.font())
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + TOLERANCE:
                problems.append(Problem(state, describe(label), text,
                                        f"wrapped text needs {need} px tall, has "
                                        f"{label.height()} (width {label.width()})"))
            continue
        room = label.contentsRect().width() - 2 * label.margin() - max(0, label.indent())
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        if need > room + TOLERANCE:
            problems.append(Problem(state, describe(label), text,
                                    f"needs {need} px wide, has {room}"))
    for button in visible_widgets(root, QAbstractButton):
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text:
            continue
        need = QFontMetrics(button.font()).horizontalAdvance(text)
        room = _button_text_room(button)
        if need > room + TOLERANCE:
            problems.append(Problem(state, describe(button), text,
                                    f"label needs {need} px, room inside padding is {room} "
                                    f"(button {button.width()}x{button.height()})"))
    return problems


def overlap_problems(root: QWidget, state: str) -> list[Problem]:
    """Visible texts painted over each other (siblings whose rectangles intersect)."""
    problems = []
    texts = [w for w in visible_widgets(root, QWidget)
             if isinstance(w, (QLabel, ReadingParagraph)) and w.text()
             and w.width() > 0 and w.height() > 0]
    by_parent: dict[int, list[QWidget]] = {}
    for widget in texts:
        by_parent.setdefault(id(widget.parentWidget()), []).append(widget)
    for siblings in by_parent.values():
        for i, first in enumerate(siblings):
            for second in siblings[i + 1:]:
                shared = first.geometry().intersected(second.geometry())
                # A pixel or two of shared edge is layout rounding, not text over text.
                if shared.width() > 2 and shared.height() > 2:
                    problems.append(Problem(state, describe(first), first.text()[:60],
                                            f"overlaps {type(second).__name__} "
                                            f"{second.text()[:60]!r} by {shared.width()}x"
                                            f"{shared.height()} px"))
    return problems


def is_clickable(widget: QWidget) -> bool:
    """A button, or any widget that offers a ``clicked`` signal (cards, tiles, keys)."""
    if isinstance(widget, QAbstractButton):
        return True
    meta = widget.metaObject()
    return meta.indexOfSignal("clicked()") >= 0 or meta.indexOfSignal("clicked(bool)") >= 0


def touch_problems(root: QWidget, state: str) -> list[Problem]:
    """Every visible, enabled control under ``root`` smaller than a fingertip."""
    problems = []
    for widget in visible_widgets(root, QWidget):
        if not widget.isEnabled() or not is_clickable(widget):
            continue
        if widget.width() < MIN_TARGET or widget.height() < MIN_TARGET:
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            problems.append(Problem(state, describe(widget), text or widget.accessibleName(),
                                    f"{widget.width()}x{widget.height()} < "
                                    f"{MIN_TARGET}x{MIN_TARGET}"))
    return problems


def ui_elided_labels(shell: Shell) -> set[int]:
    """The elided labels that show UI strings: the section title (citations are content)."""
    return {id(shell.top_bar.title_label)}


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
