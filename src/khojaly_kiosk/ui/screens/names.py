"""Names: the wall of names, a search with the on-screen keyboard, and one name's detail.

Search text is never logged: it can be the name of someone a visitor lost. An open name's
source goes to the shell's source strip (``current_source`` / ``source_changed``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import Attribution, NameRecord
from khojaly_kiosk.ui.i18n import with_count
from khojaly_kiosk.ui.layout import empty_state, scroll_page
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.advisory import AdvisoryCard, is_advised
from khojaly_kiosk.ui.widgets.buttons import TouchButton, chevron_icon
from khojaly_kiosk.ui.widgets.chips import button_text
from khojaly_kiosk.ui.widgets.credit import quote_runs
from khojaly_kiosk.ui.widgets.keyboard import OnScreenKeyboard
from khojaly_kiosk.ui.widgets.names_wall import NamesWall
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, plain_label

#: Below this many names the screen says plainly how few are recorded.
FEW_NAMES = 50
#: The wall shows the first names of the archive; search reaches every name.
WALL_LIMIT = 600
RESULT_LIMIT = 50

WALL, RESULTS, DETAIL = 0, 1, 2


class NamesScreen(ContentScreen):
    """The commemorated names: drifting wall, search and detail."""


    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.total = 0
        self.results: list[NameRecord] = []
        self.record: NameRecord | None = None
        self._query = ""

        self.search_field = QLineEdit()
        self.search_field.setMinimumHeight(64)
        self.search_field.setProperty("searchField", True)
        # No built-in clear button: it is 22x18 px, too small for a finger; the on-screen
        # keyboard has a full-size Clear key.
        self.search_field.setClearButtonEnabled(False)
        self.search_field.setMaxLength(60)
        self.search_field.textChanged.connect(self.search)
        self.search_field.installEventFilter(self)
        self.honesty = plain_label("", "secondary")

        self.wall = NamesWall()
        self.wall.nameActivated.connect(self.open_name)
        self.results_area, self.results_column = scroll_page(margins=(0, 0, 16, 24))
        self.results_column.setSpacing(0)
        self.no_results = empty_state()
        self.results_column.addWidget(self.no_results)
        self.results_column.addStretch(1)
        self._rows: list[TouchButton] = []
        self.detail = self._build_detail()

        self.pages = QStackedWidget()
        for page in (self.wall, self.results_area, self.detail):
            self.pages.addWidget(page)

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

    def _build_detail(self) -> QWidget:
        area, column = scroll_page(margins=(0, 24, 16, 24))
        self.detail_name = plain_label("", "nameTitle")
        self.detail_facts = plain_label("", "secondary")
        self.detail_passage = ReadingParagraph("")
        self.detail_passage.setMaximumWidth(900)
        # A passage from an advised account is read only after its advisory (once per visit).
        self.detail_advisory = AdvisoryCard(compact=True)
        self.detail_advisory.setMaximumWidth(1000)
        self.detail_advisory.continue_requested.connect(self._read_passage)
        self.detail_advisory.back_requested.connect(self.close_name)
        self.detail_advisory.hide()
        self.back_to_names = TouchButton("")
        self.back_to_names.setIcon(chevron_icon("left"))
        self.back_to_names.clicked.connect(self.close_name)
        column.addStretch(1)  # the detail sits in the middle, like a page in a book
        for widget in (self.detail_name, self.detail_facts, self.detail_advisory,
                       self.detail_passage):
            column.addWidget(widget)
        column.addWidget(self.back_to_names, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return area

    def title(self) -> str:
        return self.tr("Names")

    # -- entering -----------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        """Load the wall; ``name_id`` (optional) opens that name."""
        self.total = self.repos.names.count()
        names = self.repos.names.page(0, min(self.total, WALL_LIMIT))
        self.wall.set_names([(n.id, n.name) for n in names])
        self.keyboard.set_layout(self._keyboard_layout())
        self.search_field.setEnabled(self.total > 0)
        self._update_motion()
        name_id = args.get("name_id")
        if name_id is not None:
            self.open_name(int(name_id))
        else:
            self.record = None
            self.pages.setCurrentIndex(RESULTS if self._query else WALL)
        self.retranslate()

    def _keyboard_layout(self) -> str:
        lang = self.nav.language
        return lang if lang in ("az", "en", "ru", "tr") else "en"

    # -- search -------------------------------------------------------------------------

    def search(self, text: str) -> None:
        """Show the names matching ``text`` (the repository folds accents and case)."""
        self._query = text.strip()
        if not self._query:
            self.results = []
            self.pages.setCurrentIndex(WALL)
            self._update_motion()
            return
        self.results = list(self.repos.names.search(self._query, RESULT_LIMIT))
        for row in self._rows:
            self.results_column.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = []
        for index, record in enumerate(self.results):
            row = TouchButton(button_text(self._row_text(record)), "nameRow")
            row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.clicked.connect(lambda _=False, i=record.id: self.open_name(i))
            self.results_column.insertWidget(index, row)
            self._rows.append(row)
        self.no_results.setVisible(not self.results)
        self.pages.setCurrentIndex(RESULTS)
        self._update_motion()
        self.retranslate()

    def facts(self, record: NameRecord) -> list[str]:
        """Age, village and category: only those the source gives."""
        age = self.tr("age %s") % record.age if record.age is not None else ""
        return [f for f in (age, record.village, record.category) if f]

    def _row_text(self, record: NameRecord) -> str:
        return "   ·   ".join([record.name, *self.facts(record)])

    def result_rows(self) -> list[TouchButton]:
        return list(self._rows)

    # -- detail -------------------------------------------------------------------------

    def open_name(self, name_id: int) -> None:
        record = self.repos.names.get(name_id)
        if record is None:
            return
        self.record = record
        self.detail_name.setText(record.name)
        ask = (bool(record.passage) and is_advised(record.advisory)
               and not self.services.advisories.passed(f"name:{record.name}"))
        if ask:
            speaker = next((q.words_of for q in record.quotes if q.words_of), "")
            self.detail_advisory.set_item(speaker, record.advisory)
            self.detail_passage.setText("")
        else:
            self.detail_passage.set_runs(quote_runs(record.passage, record.quotes))
        self.detail_advisory.setVisible(ask)
        self.detail_passage.setVisible(bool(record.passage) and not ask)
        self.back_to_names.setVisible(not ask)  # the advisory has its own way back
        self.hide_keyboard()
        self.pages.setCurrentIndex(DETAIL)
        self._update_motion()
        self.retranslate()
        self.source_changed.emit(record.attribution)

    def _read_passage(self) -> None:
        if self.record is not None:
            self.services.advisories.mark_passed(f"name:{self.record.name}")
            self.open_name(self.record.id)

    def close_name(self) -> None:
        self.record = None
        self.pages.setCurrentIndex(RESULTS if self._query else WALL)
        self._update_motion()
        self.source_changed.emit(None)

    def current_source(self) -> Attribution | None:
        """The open name's credit (the shell shows it in the source strip)."""
        return self.record.attribution if self.record is not None else None

    # -- keyboard -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.MouseButtonPress:
            return super().eventFilter(watched, event)
        # A tap (not mere focus) opens the keyboard, so entering the screen keeps the wall clear.
        if watched is self.search_field:
            self.show_keyboard()
        elif (self.keyboard.isVisible()
              and isinstance(watched, QWidget) and not self._belongs_to_search(watched)):
            # A tap anywhere else puts the keyboard away; the tap itself still counts.
            self.hide_keyboard()
        return super().eventFilter(watched, event)

    def _belongs_to_search(self, widget: QWidget) -> bool:
        keyboard = self.keyboard
        return (widget is self.search_field or self.search_field.isAncestorOf(widget)
                or (keyboard is not None
                    and (widget is keyboard or keyboard.isAncestorOf(widget))))

    def show_keyboard(self) -> None:
        """Open the on-screen keyboard under the results, typing into the search field."""
        if not self.search_field.isEnabled():
            return
        if not self.keyboard.isVisible():
            app = QApplication.instance()
            if app is not None:  # watch taps outside, only while the keyboard is up
                app.installEventFilter(self)
        self.keyboard.show()
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.pages.currentIndex() == DETAIL:
            self.close_name()

    def hide_keyboard(self) -> None:
        self.keyboard.hide()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

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

    def retranslate(self) -> None:
        self.search_field.setPlaceholderText(self.tr("Search for a name"))
        self.search_field.setAccessibleName(self.tr("Search for a name"))
        if self.total == 0:
            honesty = self.tr("No names are recorded in this archive yet.")
        else:
            honesty = with_count(self.tr("%n names are recorded in this archive.", "", self.total),
                                 self.total, self.nav.language)
        if 0 < self.total < FEW_NAMES:
            honesty += " " + self.tr("Names are added only from documented sources.")
        self.honesty.setText(honesty)
        self.no_results.setText(
            self.tr("No recorded name matches “%1”.").replace("%1", self._query) + "\n"
            + self.tr("Try the first letters of a first name or a surname."))
        if self.record is not None:
            shown = self.facts(self.record)
            self.detail_facts.setText("   ·   ".join(shown))
            self.detail_facts.setVisible(bool(shown))
        self.back_to_names.setText(self.tr("Back to the names"))
        self.detail_advisory.set_back_text(self.tr("Back to the names"))

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
        if self.record is not None:
            self.record = None
            self.source_changed.emit(None)
        self.hide_keyboard()
        self.pages.setCurrentIndex(WALL)
        self._update_motion()
