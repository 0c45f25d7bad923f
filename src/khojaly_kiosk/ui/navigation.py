"""How screens ask to move: they get a Navigator, never the shell itself."""

from __future__ import annotations

from typing import Any, Protocol

# Screen keys used by the shell's stack.
ATTRACT = "attract"
HOME = "home"
TESTIMONIES = "testimonies"
TESTIMONY_READER = "testimony_reader"
TIMELINE = "timeline"
COMMEMORATION = "commemoration"
STATISTICS = "statistics"
NAMES = "names"
NAME = "name"  # one name's page (name_id=...)
RECOGNITION = "recognition"
MONUMENTS = "monuments"
REMEMBRANCE = "remembrance"
SOURCES = "sources"
ABOUT = "about"
LEGAL = "legal"
UNAVAILABLE = "unavailable"


class Navigator(Protocol):
    def go(self, screen: str, **args: Any) -> None:
        """Show ``screen`` (one of the keys above), passing ``args`` to its ``enter``."""

    def back(self) -> None: ...

    def home(self) -> None: ...

    def show_source(self, source_id: str) -> None:
        """Open the Sources screen scrolled to ``source_id``."""

    @property
    def language(self) -> str:
        """The visitor's current language (az, en, ru, tr)."""
        ...
