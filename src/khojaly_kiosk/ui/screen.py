"""The base every screen derives from, with every hook the shell calls declared here.

A screen is a class in ``ui.screens.registry.SCREENS``; the shell builds it once as
``Cls(repos, nav, services)``, keeps it in its stack and calls these methods. Nothing is looked
up by name, so a type checker and an import graph see every arrow.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import Attribution, SourceRecord
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.services import ScreenServices


class Screen(QWidget):
    """A screen is built once, kept in the shell's stack, and re-entered with arguments."""

    source_changed = Signal(object)
    """Emitted with the item's ``Attribution`` (or a bare ``SourceRecord``, or None) when the item
    on screen changes; the shell's source strip shows its credit while this screen is shown."""

    def __init__(self, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")  # base.qss paints screens in the background colour
        self.nav = nav

    def title(self) -> str:
        """The section title shown in the top bar (translated with ``self.tr``)."""
        return ""

    def enter(self, **args: Any) -> None:
        """Called each time the screen is shown; refresh from the repositories here."""

    def prepare(self) -> None:
        """Called once, hidden, while the kiosk waits on attract: do the work of a first visit
        now (``enter`` without arguments by default), so that visit is as quick as the next.
        A screen that shows one item (it needs arguments) does nothing here."""
        self.enter()

    def current_source(self) -> SourceRecord | Attribution | None:
        """The credit of what is on screen now, for the source strip (None: no strip text)."""
        return None

    def retranslate(self) -> None:
        """Called after the UI language changed; re-set every visible string."""

    def reset(self) -> None:
        """Called when the kiosk returns to attract: clear searches, scroll to top."""

    def set_repos(self, repos: ArchiveRepos | None) -> None:
        """A new archive generation went live (or none is usable); content screens keep it."""


class ContentScreen(Screen):
    """A screen that shows the archive: the shell builds every one as ``Cls(repos, nav, services)``.

    ``repos`` is replaced through ``set_repos`` when a new archive generation goes live, so read
    it in ``enter``, never keep what it returned across visits without checking.
    """

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(nav, parent)
        self.repos = repos
        self.services = services

    def set_repos(self, repos: ArchiveRepos | None) -> None:
        if repos is not None:  # with none, the shell shows the unavailable screen instead
            self.repos = repos
