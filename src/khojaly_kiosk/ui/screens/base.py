"""The base every visitor screen derives from."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.services import ScreenServices


class Screen(QWidget):
    """A screen is built once, kept in the shell's stack, and re-entered with arguments."""

    def __init__(self, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")  # base.qss paints screens in the background colour
        self.nav = nav

    def title(self) -> str:
        """The section title shown in the top bar (translated with ``self.tr``)."""
        return ""

    def enter(self, **args: Any) -> None:
        """Called each time the screen is shown; refresh from the repositories here."""

    def retranslate(self) -> None:
        """Called after the UI language changed; re-set every visible string."""

    def reset(self) -> None:
        """Called when the kiosk returns to attract: clear searches, scroll to top."""


class ContentScreen(Screen):
    """A screen that shows the archive: the shell builds every one as ``Cls(repos, nav, services)``.

    ``repos`` is replaced by the shell when a new archive generation goes live, so read it in
    ``enter``, never keep what it returned across visits without checking.
    """

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(nav, parent)
        self.repos = repos
        self.services = services
