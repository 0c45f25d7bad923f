"""Names: the wall of names and a search with the on-screen keyboard; a tap opens a name.

Search text is never logged: it can be the name of someone a visitor lost. The archive finds
a name whichever way it is typed (Azerbaijani Latin, English transliteration, Russian
Cyrillic); the keyboard opens in the layout of the visitor's language. A name opens on a
screen of its own (``ui/screens/name.py``), so Back returns to the search as it was left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import NameRecord
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.i18n import format_number, with_count
from khojaly_kiosk.ui.layout import empty_state
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.keyboard import OnScreenKeyboard
from khojaly_kiosk.ui.widgets.name_results import NameResultsView
from khojaly_kiosk.ui.widgets.names_wall import Fetch, NamesWall
from khojaly_kiosk.ui.widgets.text import plain_label

RESULT_LIMIT = 50
#: The statistics group whose first figure is the number of lives lost (the honest line
#: says how many of them the archive names; the statistics screen titles it "Lives lost").
LOSSES_GROUP = "losses"

WALL, RESULTS = 0, 1


class NamesScreen(ContentScreen):
    """The commemorated names: the drifting wall and the search."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.total = 0
        self.lives_lost: int | None = None
        self.results: list[NameRecord] = []
        self._query = ""
        self._layout_for = ""  # the UI language the keyboard layout was last chosen for
        self._loaded = LoadedKey()
        self._fetch: Fetch = lambda _offset, _limit: []

        self.search_field = QLineEdit()
        self.search_field.setMinimumHeight(64)
        self.search_field.setProperty("searchField", True)
        # No built-in clear button: it is 22x18 px, too small for a finger; the on-screen
        # keyboard has a full-size Clear key.
        self.search_field.setClearButtonEnabled(False)
        self.search_field.setMaxLength(60)
        self.search_field.textChanged.connect(self.search)
        self.honesty = plain_label("", "secondary")

        self.wall = NamesWall()
        self.wall.nameActivated.connect(self.open_name)
        self.result_list = NameResultsView(lambda r: "   ·   ".join(self.facts(r)))
        self.result_list.nameActivated.connect(self.open_name)
        self.no_results = empty_state()
        results_page = QWidget()
        results_column = QVBoxLayout(results_page)
        results_column.setContentsMargins(0, 0, 0, 0)
        results_column.addWidget(self.no_results)
        results_column.addWidget(self.result_list, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.wall)
        self.pages.addWidget(results_page)
        # Taps that open or put away the keyboard: on the field, and anywhere else on this
        # screen. Watched widget by widget (an application-wide filter would run Python for
        # every event of every widget on each keystroke).
        self._tap_targets = (self, self.search_field, self.wall, self.result_list.viewport(),
                             results_page, self.pages)
        for widget in self._tap_targets:
            widget.installEventFilter(self)

        self.keyboard = OnScreenKeyboard(layout=self._keyboard_layout())
        self.keyboard.attach(self.search_field)
        self.keyboard.submitted.connect(self.hide_keyboard)
        self.keyboard.hide()

        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.setSpacing(24)
        self._top.addWidget(self.search_field, 2)
        self._top.addWidget(self.honesty, 3)
        content = QVBoxLayout()
        content.setContentsMargins(96, 24, 96, 24)
        content.setSpacing(24)
        content.addLayout(self._top)
        content.addWidget(self.pages, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(content, 1)
        # The keyboard lines up with the content in landscape; in portrait it takes the whole
        # width (it has its own margin): inside 96 px margins its widest row did not fit.
        self._keyboard_row = QVBoxLayout()
        outer.addLayout(self._keyboard_row)
        self._keyboard_row.addWidget(self.keyboard)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Names")

    # -- entering -----------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        """Load the wall (names are read as they come on screen); the search stays as left."""
        names = self.repos.names
        # The count, the honest line's figure and the wall's pages change only with the
        # archive (or the language, for the statistics): entering again asks the archive
        # nothing and the wall keeps the names it read (it still starts from the top).
        if self._loaded.changed(self.repos, names, self.repos.statistics, self.nav.language):
            self.total = names.count()
            self._fetch = lambda offset, limit: [
                (n.id, n.name) for n in names.page(offset, limit)]
            losses = [s for s in self.repos.statistics.list(self.nav.language)
                      if s.group == LOSSES_GROUP]
            self.lives_lost = losses[0].value if losses else None
        self.wall.set_names(self.total, self._fetch)
        if self.nav.language != self._layout_for:  # a new visitor, or a new UI language
            self._layout_for = self.nav.language
            self.keyboard.set_layout(self._keyboard_layout())
        self.search_field.setEnabled(self.total > 0)
        self.pages.setCurrentIndex(RESULTS if self._query else WALL)
        self._update_motion()
        self.retranslate()

    def _keyboard_layout(self) -> str:
        lang = self.nav.language
        return lang if lang in ("az", "en", "ru", "tr") else "en"

    # -- search -------------------------------------------------------------------------

    def search(self, text: str) -> None:
        """Show the names matching ``text`` in any script or spelling (the archive folds it)."""
        query = text.strip()
        if query and not self._query:
            self.services.search_made()  # one search per query typed from empty: a count only
        self._query = query
        if not query:
            self.results = []
            self.result_list.set_records([])
            self.pages.setCurrentIndex(WALL)
            self._update_motion()
            return
        self.results = list(self.repos.names.search(query, RESULT_LIMIT))
        self.result_list.set_records(self.results)
        self.no_results.setVisible(not self.results)
        self.result_list.setVisible(bool(self.results))
        if self.pages.currentIndex() != RESULTS:
            self.pages.setCurrentIndex(RESULTS)
            self._update_motion()
        if not self.results:
            self._retranslate_no_results()

    def facts(self, record: NameRecord) -> list[str]:
        """Birth year, age, village and category: only those the archive holds."""
        facts = []
        if record.birth_year is not None:
            facts.append(self.tr("born %1").replace("%1", str(record.birth_year)))
        if record.age is not None:
            facts.append(self.tr("age %1").replace("%1", str(record.age)))
        return facts + [value for value in (record.village, record.category) if value]

    def result_rows(self) -> list[str]:
        """What the result rows show (name, then facts), in order."""
        return self.result_list.row_texts()

    def open_name(self, name_id: int) -> None:
        self.hide_keyboard()
        self.nav.go(keys.NAME, name_id=name_id)

    # -- keyboard -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            # A tap (not mere focus) opens the keyboard, so entering the screen keeps the wall
            # clear; a tap anywhere else puts it away, and the tap itself still counts.
            if watched is self.search_field:
                self.show_keyboard()
            elif self.keyboard.isVisible():
                self.hide_keyboard()
        return False

    def show_keyboard(self) -> None:
        """Open the on-screen keyboard under the results, typing into the search field."""
        if not self.search_field.isEnabled():
            return
        self.keyboard.show()
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide_keyboard(self) -> None:
        self.keyboard.hide()

    def keyboard_visible(self) -> bool:
        return self.keyboard.isVisible()

    def show_search(self, query: str) -> None:
        """Open the keyboard with ``query`` typed, as a visitor leaves it (for the tour)."""
        self.show_keyboard()
        self.search_field.setText(query)

    # -- motion -------------------------------------------------------------------------

    def _update_motion(self) -> None:
        drifting = (self.isVisible() and not self.services.reduced_motion
                    and self.pages.currentIndex() == WALL)
        self.wall.set_animated(drifting)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_motion()

    def hideEvent(self, event: QHideEvent) -> None:
        self.wall.set_animated(False)
        self.hide_keyboard()
        super().hideEvent(event)

    # -- text ---------------------------------------------------------------------------

    def honest_line(self) -> str:
        """How many names the archive holds, of how many lives lost, and where names come from."""
        lang = self.nav.language
        if self.total == 0:
            return self.tr("No names are recorded in this archive yet.")
        if self.lives_lost and self.total <= self.lives_lost:
            return (self.tr("%1 of the %2 lives lost are named in this archive; "
                            "names are added only from documented sources.")
                    .replace("%1", format_number(self.total, lang))
                    .replace("%2", format_number(self.lives_lost, lang)))
        counted = with_count(self.tr("%n names are recorded in this archive.", "", self.total),
                             self.total, lang)
        return counted + " " + self.tr("Names are added only from documented sources.")

    def _retranslate_no_results(self) -> None:
        self.no_results.setText(
            self.tr("No recorded name matches “%1”.").replace("%1", self._query) + "\n"
            + self.tr("Try the first letters of a first name or a surname, "
                      "in any alphabet."))

    def retranslate(self) -> None:
        self.search_field.setPlaceholderText(self.tr("Search for a name"))
        self.search_field.setAccessibleName(self.tr("Search for a name"))
        self.honesty.setText(self.honest_line())
        self._retranslate_no_results()
        self.result_list.results.refresh_facts()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Portrait puts the count under the search field so the field keeps its width.
        portrait = self.height() > self.width()
        self._top.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                               else QBoxLayout.Direction.LeftToRight)
        side = 0 if portrait else 80  # + the keyboard's own 16 px = the 96 px content margin
        self._keyboard_row.setContentsMargins(side, 0, side, 8)
        super().resizeEvent(event)

    def reset(self) -> None:
        self.search_field.clear()
        self.hide_keyboard()
        self._layout_for = ""  # the next visitor's keyboard opens in their language
        self.pages.setCurrentIndex(WALL)
        self._update_motion()
