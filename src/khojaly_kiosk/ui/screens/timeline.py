"""Timeline: a title slide, then one event at a time at reading size over a time axis.

In the manner of TimelineJS3, made for a touch screen: the slide (date, heading, text,
picture with credit) fills the upper part; the proportional time axis with era bands and
markers the lower part (portrait: the axis above the slide). A swipe on the slide, a drag or
a tap on the axis, the side arrows (which say where they lead) or an era chip move the
selection; the axis glides to keep it in the centre and the era chip follows it. The event's
credit (its document and whom it quotes) is on the slide and in the shell's source strip
(``current_source`` / ``source_changed``). An event taken from an advised account shows its
advisory on the slide before its words; markers and arrows never show its words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import Attribution, EraRecord, EventRecord
from khojaly_kiosk.ui.i18n import format_date, format_span, locale_for, with_count
from khojaly_kiosk.ui.layout import empty_state
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.advisory import is_advised
from khojaly_kiosk.ui.widgets.buttons import TouchButton
from khojaly_kiosk.ui.widgets.chips import ChipBar
from khojaly_kiosk.ui.widgets.event_detail import marker_title, slide_heading
from khojaly_kiosk.ui.widgets.preview_arrow import PreviewArrow
from khojaly_kiosk.ui.widgets.swipe import SwipeDetector
from khojaly_kiosk.ui.widgets.time_axis import AxisEra, AxisEvent, TimeAxis
from khojaly_kiosk.ui.widgets.time_scale import day_number
from khojaly_kiosk.ui.widgets.timeline_slide import TimelineSlide

TITLE = -1  # the index of the title slide


def axis_events(events: list[EventRecord], lang: str) -> list[AxisEvent]:
    """The markers of ``events``; an event without a year sits with the one before it."""
    out: list[AxisEvent] = []
    for event in events:
        if event.start_year is not None:
            start = day_number(event.start_year, event.start_month, event.start_day)
        else:
            start = out[-1].start if out else 0.0
        end = (day_number(event.end_year, event.end_month, event.end_day, end=True)
               if event.end_year is not None else None)
        date, heading = slide_heading(event, lang, withheld=is_advised(event.advisory))
        out.append(AxisEvent(start, end, date or heading, marker_title(event)))
    return out


def axis_eras(eras: list[EraRecord]) -> list[AxisEra]:
    """Era bands from the eras' own bounds; an era without an end runs to the next one."""
    bands: list[AxisEra] = []
    dated = [e for e in eras if e.start_year is not None and e.headline.strip()]
    for number, era in enumerate(dated):
        assert era.start_year is not None
        start = day_number(era.start_year, era.start_month, era.start_day)
        if era.end_year is not None:
            end = day_number(era.end_year, era.end_month, era.end_day, end=True)
        elif number + 1 < len(dated) and dated[number + 1].start_year is not None:
            following = dated[number + 1]
            assert following.start_year is not None
            end = day_number(following.start_year, following.start_month,
                             following.start_day) - 1
        else:
            end = start
        bands.append(AxisEra(era.id, era.headline.strip(), start, max(start, end)))
    return bands


class TimelineScreen(ContentScreen):
    """Events in time order on a slide and a time axis."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.eras: list[EraRecord] = []
        self.events: list[EventRecord] = []
        self.current = TITLE
        self._era_names: dict[str, str] = {}
        self._title = ""
        self._loaded = LoadedKey()

        self.chips = ChipBar()
        self.chips.chipSelected.connect(self.jump_to_era)
        self.slide = TimelineSlide(advisories=services.advisories)
        self.slide.credit_line.originalRequested.connect(self.show_original)
        self.slide.skip_requested.connect(self.skip)
        self.axis = TimeAxis()
        self.axis.eventActivated.connect(self.select)
        self.axis.zoomChanged.connect(self._update_zoom_buttons)
        self.axis.set_tick_format(self._tick_label)
        self.previous_button = PreviewArrow("left")
        self.next_button = PreviewArrow("right")
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        swipe = SwipeDetector(self.slide.scroll_area.viewport())
        swipe.swipedLeft.connect(self.show_next)
        swipe.swipedRight.connect(self.show_previous)
        self.zoom_in_button = TouchButton("+")
        self.zoom_out_button = TouchButton("\u2013")  # the fonts have no U+2212 minus
        for button in (self.zoom_in_button, self.zoom_out_button):
            button.setFixedSize(QSize(72, 72))
            button.setProperty("zoom", True)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)

        zoom_column = QVBoxLayout()
        zoom_column.setSpacing(16)
        zoom_column.addStretch(1)
        zoom_column.addWidget(self.zoom_in_button)
        zoom_column.addWidget(self.zoom_out_button)
        zoom_column.addStretch(1)
        self.axis_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.axis_row.setSpacing(16)
        self.axis_row.addWidget(self.axis, 1)
        self.axis_row.addLayout(zoom_column)
        self.slide_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.slide_row.setSpacing(32)
        self.arrow_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.arrow_row.setSpacing(24)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(24)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.chips)
        column.addLayout(self.body, 1)

        self.empty = empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(96, 16, 96, 24)
        self._outer.addWidget(self.stack)
        self._portrait: bool | None = None
        self._arrange(portrait=False)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Timeline")

    # -- entering -----------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        """Load eras and events; ``event_id`` (optional) opens that event, else the title slide."""
        lang = self.nav.language
        if self._loaded.changed(self.repos, self.repos.timeline, lang):
            self._load(lang)
        wanted = args.get("event_id")
        index = next((i for i, e in enumerate(self.events) if e.id == wanted), TITLE)
        self.select(index)

    def _load(self, lang: str) -> None:
        self.eras = list(self.repos.timeline.eras(lang))
        self.events = list(self.repos.timeline.events(lang))
        era_ids = {e.era_id for e in self.events}
        # Only eras that hold an event get a chip: a chip must always lead somewhere. A chip
        # shows the era's headline only: an era's date span is built from structural bounds,
        # not a date the source gives, so it is never shown.
        self._era_names = {e.id: e.headline.strip() for e in self.eras if e.headline.strip()}
        chips = [(e.id, e.headline.strip()) for e in self.eras
                 if e.id in era_ids and e.headline.strip()]
        self.chips.set_chips(chips)
        self.chips.setVisible(bool(chips))
        self.axis.set_content(axis_events(self.events, lang), axis_eras(self.eras))
        self.axis.set_animated(not self.services.reduced_motion)
        try:
            self._title = self.repos.summary().title
        except Exception:  # a title is a nicety: the timeline shows without it
            self._title = ""
        self.stack.setCurrentIndex(0 if self.events else 1)
        self._update_zoom_buttons()

    # -- selection ----------------------------------------------------------------------

    def select(self, index: int) -> None:
        """Show event ``index`` (or the title slide, ``TITLE``) and mark it everywhere."""
        if not self.events:
            index = TITLE
        index = max(TITLE, min(index, len(self.events) - 1))
        self.current = index
        event = self.current_event()
        if event is None:
            self._show_title()
        else:
            self.slide.set_event(event, self.nav.language,
                                 self._era_names.get(event.era_id or "", ""))
        self.axis.set_selected(index)
        self.chips.set_current(event.era_id if event is not None else None)
        self._update_previews()
        self.source_changed.emit(self.current_source())

    def show_original(self, original: bool) -> None:
        """Show the selected event in the language it was translated from (or translated)."""
        event = self.current_event()
        if event is None or event.credit is None:
            return
        shown = self.repos.timeline.get(event.id, event.credit.source_language) if original \
            else None
        self.slide.set_event(shown or event, self.nav.language,
                             self._era_names.get(event.era_id or "", ""))
        self.slide.credit_line.set_credit(event.credit, showing_original=shown is not None)

    def jump_to_era(self, era_id: str) -> None:
        """Select the first event of ``era_id``."""
        index = next((i for i, e in enumerate(self.events) if e.era_id == era_id), None)
        if index is not None:
            self.select(index)

    def show_next(self) -> None:
        if self.current + 1 < len(self.events):
            self.select(self.current + 1)

    def show_previous(self) -> None:
        if self.current > TITLE:
            self.select(self.current - 1)

    def skip(self) -> None:
        """An advised event the visitor chose not to read: move on (back at the last one)."""
        if self.current + 1 < len(self.events):
            self.show_next()
        else:
            self.show_previous()

    def current_event(self) -> EventRecord | None:
        return self.events[self.current] if 0 <= self.current < len(self.events) else None

    def current_source(self) -> Attribution | None:
        """The credit of the event on screen (the shell shows it in the source strip)."""
        event = self.current_event()
        return event.attribution if event else None

    def _preview(self, index: int) -> tuple[str, str]:
        if index == TITLE:
            return "", self._title_heading()
        event = self.events[index]
        # An advised event's words wait behind its advisory: an arrow says only its date.
        date, heading = slide_heading(event, self.nav.language,
                                      withheld=is_advised(event.advisory))
        return (date, heading) if date else (heading, marker_title(event))

    def _update_previews(self) -> None:
        previous, following = self.current - 1, self.current + 1
        self.previous_button.set_preview(
            *(self._preview(previous) if self.current > TITLE else ("", "")))
        self.next_button.set_preview(
            *(self._preview(following) if following < len(self.events) else ("", "")))
        self.previous_button.setAccessibleDescription(self.tr("Previous event"))
        self.next_button.setAccessibleDescription(self.tr("Next event"))

    # -- the title slide ----------------------------------------------------------------

    def _title_heading(self) -> str:
        return self._title or self.tr("Timeline")

    def _show_title(self) -> None:
        lang = self.nav.language
        years = [e.start_year for e in self.events if e.start_year is not None]
        lines = []
        if years:
            span = format_span((min(years), None, None), (max(years), None, None), lang)
            lines.append(span + " · " + with_count(
                self.tr("%n events, each with its source.", "", len(self.events)),
                len(self.events), lang))
        lines.append(self.tr("Swipe the page, tap the arrows or drag the time line below "
                             "to move through the events; pinch the time line or use + "
                             "and – to zoom."))
        self.slide.set_title(self.tr("Timeline") if self._title else "",
                             self._title_heading(), "\n".join(lines))

    # -- zoom ---------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self.axis.zoom_in()
        self._update_zoom_buttons()

    def zoom_out(self) -> None:
        self.axis.zoom_out()
        self._update_zoom_buttons()

    def _update_zoom_buttons(self) -> None:
        self.zoom_in_button.setEnabled(self.axis.can_zoom_in())
        self.zoom_out_button.setEnabled(self.axis.can_zoom_out())

    def _tick_label(self, day: dt.date, unit: str) -> str:
        lang = self.nav.language
        if unit in ("decade", "year"):
            return str(day.year)
        if unit == "month":
            return format_date(day.year, day.month, None, lang)
        return locale_for(lang).toString(QDate(day.year, day.month, day.day), "d MMM")

    # -- text and layout ----------------------------------------------------------------

    def retranslate(self) -> None:
        self.empty.setText(self.tr("The timeline holds no events yet."))
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in on the time line"))
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out on the time line"))
        self.slide.retranslate()
        if self.current == TITLE and self.events:
            self._show_title()
        self._update_previews()
        self.axis.update()

    def _arrange(self, portrait: bool) -> None:
        """Landscape: arrows beside the slide, the axis below. Portrait: the axis on top, the
        slide under it, the arrows side by side at the bottom."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        self.slide.set_portrait(portrait)
        for layout in (self.slide_row, self.arrow_row, self.axis_row):
            self.body.removeItem(layout)
        for widget in (self.previous_button, self.slide, self.next_button):
            self.slide_row.removeWidget(widget)
            self.arrow_row.removeWidget(widget)
        if portrait:
            self.slide_row.addWidget(self.slide, 1)
            self.arrow_row.addWidget(self.previous_button, 1)
            self.arrow_row.addWidget(self.next_button, 1)
            for arrow in (self.previous_button, self.next_button):
                arrow.set_beside(False)
            self.body.addLayout(self.axis_row, 48)
            self.body.addLayout(self.slide_row, 52)
            self.body.addLayout(self.arrow_row, 0)
        else:
            self.slide_row.addWidget(self.previous_button)
            self.slide_row.addWidget(self.slide, 1)
            self.slide_row.addWidget(self.next_button)
            for arrow in (self.previous_button, self.next_button):
                arrow.set_beside(True)
            self.body.addLayout(self.slide_row, 60)
            self.body.addLayout(self.axis_row, 40)

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        self._arrange(portrait)
        side = 48 if portrait else 96
        self._outer.setContentsMargins(side, 16, side, 24)
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.axis.set_animated(not self.services.reduced_motion)

    def reset(self) -> None:
        self.axis.reset_zoom()
        if self.events:
            self.select(TITLE)
