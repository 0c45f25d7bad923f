"""Timeline: era chips on top, event cards on a swipeable rail, the selected event large.

The selected event's source goes to the shell's source strip (``current_source`` and
``source_changed``), whose Sources button opens it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import EraRecord, EventRecord, SourceRecord
from khojaly_kiosk.ui.layout import empty_state
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.buttons import SideButton
from khojaly_kiosk.ui.widgets.chips import ChipBar
from khojaly_kiosk.ui.widgets.event_detail import EventDetailView, shown_date
from khojaly_kiosk.ui.widgets.rail import Rail, SwipeDetector


class TimelineScreen(ContentScreen):
    """Events in time order; tap a chip to jump to an era, a card or a swipe to move."""


    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.eras: list[EraRecord] = []
        self.events: list[EventRecord] = []
        self.current = -1
        self._loaded = LoadedKey()

        self.chips = ChipBar()
        self.chips.chipSelected.connect(self.jump_to_era)
        self.rail = Rail()
        self.rail.cardActivated.connect(self.select)
        self.detail = EventDetailView()
        self.detail.credit_line.originalRequested.connect(self.show_original)
        self.previous_button = SideButton("◀")
        self.next_button = SideButton("▶")
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        swipe = SwipeDetector(self.detail.scroll_area.viewport())
        swipe.swipedLeft.connect(self.show_next)
        swipe.swipedRight.connect(self.show_previous)

        # Landscape: the arrows flank the event. Portrait: they flank the rail, so they stay
        # near the top where the eye is, and the event below gets the whole width and height.
        self.detail_row = QHBoxLayout()
        self.detail_row.setSpacing(24)
        self.detail_row.addWidget(self.detail, 1)
        self.rail_row = QHBoxLayout()
        self.rail_row.setSpacing(16)
        self.rail_row.addWidget(self.rail, 1)
        self._place_arrows(portrait=False)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(24)
        column.addWidget(self.chips)
        column.addLayout(self.rail_row)
        column.addLayout(self.detail_row, 1)

        self.empty = empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(96, 24, 96, 24)
        outer.addWidget(self.stack)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Timeline")

    def enter(self, **args: Any) -> None:
        """Load eras and events; ``event_id`` (optional) opens that event."""
        lang = self.nav.language
        if self._loaded.changed(self.repos, self.repos.timeline, lang):
            self._load(lang)
        wanted = args.get("event_id")
        index = next((i for i, e in enumerate(self.events) if e.id == wanted), 0)
        self.current = -1
        self.select(index if self.events else -1)

    def _load(self, lang: str) -> None:
        self.eras = list(self.repos.timeline.eras(lang))
        self.events = list(self.repos.timeline.events(lang))
        era_ids = {e.era_id for e in self.events}
        # Only eras that hold an event get a chip: a chip must always lead somewhere. A chip
        # shows the era's headline only: an era's date span is built from structural bounds,
        # not a date the source gives, so it is never shown.
        chips = [(e.id, e.headline.strip()) for e in self.eras
                 if e.id in era_ids and e.headline.strip()]
        self.chips.set_chips(chips)
        self.chips.setVisible(bool(chips))
        self.rail.set_cards([(shown_date(e, self.nav.language), e.headline) for e in self.events])
        self.stack.setCurrentIndex(0 if self.events else 1)

    def select(self, index: int) -> None:
        """Show event ``index`` large and mark it on the rail and the era chips."""
        if not 0 <= index < len(self.events):
            self.current = -1
            self.detail.set_event(None)
            self._update_buttons()
            self.source_changed.emit(None)
            return
        self.current = index
        event = self.events[index]
        self.detail.set_event(event, self.nav.language)
        self.rail.set_current(index)
        self.chips.set_current(event.era_id)
        self._update_buttons()
        self.source_changed.emit(event.source)

    def show_original(self, original: bool) -> None:
        """Show the selected event in the language it was translated from (or translated)."""
        event = self.current_event()
        if event is None or event.credit is None:
            return
        shown = self.repos.timeline.get(event.id, event.credit.source_language) if original \
            else None
        self.detail.set_event(shown or event, self.nav.language)
        self.detail.credit_line.set_credit(event.credit, showing_original=shown is not None)

    def jump_to_era(self, era_id: str) -> None:
        """Select the first event of ``era_id``."""
        index = next((i for i, e in enumerate(self.events) if e.era_id == era_id), None)
        if index is not None:
            self.select(index)

    def show_next(self) -> None:
        if self.current + 1 < len(self.events):
            self.select(self.current + 1)

    def show_previous(self) -> None:
        if self.current > 0:
            self.select(self.current - 1)

    def current_source(self) -> SourceRecord | None:
        """The source of the event on screen (the shell shows it in the source strip)."""
        event = self.current_event()
        return event.source if event else None

    def current_event(self) -> EventRecord | None:
        return self.events[self.current] if 0 <= self.current < len(self.events) else None

    def _update_buttons(self) -> None:
        self.previous_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(0 <= self.current < len(self.events) - 1)

    def retranslate(self) -> None:
        self.previous_button.setAccessibleName(self.tr("Previous event"))
        self.next_button.setAccessibleName(self.tr("Next event"))
        self.empty.setText(self.tr("The timeline holds no events yet."))
        self.detail.retranslate()

    def _place_arrows(self, portrait: bool) -> None:
        for row in (self.detail_row, self.rail_row):
            row.removeWidget(self.previous_button)
            row.removeWidget(self.next_button)
        if portrait:
            self.rail_row.insertWidget(0, self.previous_button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.rail_row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        else:
            self.detail_row.insertWidget(0, self.previous_button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.detail_row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._portrait = portrait

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        if portrait != self._portrait:
            self._place_arrows(portrait)
        super().resizeEvent(event)

    def reset(self) -> None:
        if self.events:
            self.select(0)
