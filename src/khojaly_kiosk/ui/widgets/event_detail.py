"""The selected timeline event, shown large inside the Timeline screen (not a screen of its own).

Date as the text gives it (with a year known only from context added as "[1991]": see
``shown_date``), headline, text (quoted words set apart, see ``widgets.credit``) and the
picture (or a calm placeholder). An event whose words come from an advised account shows its
advisory in place of its text until the visitor chooses to read it (once per visit). The
event's credit is shown by the shell's source strip (see TimelineScreen).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from khojaly_kiosk.archive.records import EventRecord
from khojaly_kiosk.ui.i18n import format_span
from khojaly_kiosk.ui.services import AdvisoryLedger
from khojaly_kiosk.ui.widgets.advisory import AdvisoryCard, is_advised
from khojaly_kiosk.ui.widgets.credit import quote_runs
from khojaly_kiosk.ui.widgets.media_view import MediaView
from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, Run, plain_label, restyle

#: Reading column limit: ~70 characters at 26-28 px.
READING_WIDTH = 900


def headline_repeats_text(headline: str, text: str) -> bool:
    """True when ``text`` opens with ``headline`` (a trailing '.' and spacing aside).

    Headlines are often the first sentence of the text, verbatim; shown both ways the visitor
    would read the same sentence twice.
    """
    head = " ".join(headline.split()).rstrip(".").rstrip()
    body = " ".join(text.split())
    return bool(head) and body.startswith(head)


def shown_date(event: EventRecord, lang: str) -> str:
    """The date a visitor reads for ``event``.

    The text's own display date as written, followed by an editorial year in square brackets
    when the text gives the year only by context ("30 October [1991]"); without a display
    date, the date parts written in ``lang`` (the year is then the text's, no brackets).
    Style the bracketed part as an editorial insertion with ``date_runs``.
    """
    return "".join(text for text, _style in date_runs(event, lang))


def date_runs(event: EventRecord, lang: str) -> list[Run]:
    """``shown_date`` as runs: the date ``""``, an editorial year ``"editorial"``."""
    if not event.display_date and event.start_year is not None:
        return [(format_span((event.start_year, event.start_month, event.start_day),
                             (event.end_year, event.end_month, event.end_day), lang), "")]
    runs: list[Run] = [(event.display_date, "")] if event.display_date else []
    if event.display_date and event.editorial_year is not None:
        runs.append((" ", ""))
        runs.append((f"[{event.editorial_year}]", "editorial"))
    return runs


def event_heading(event: EventRecord, lang: str) -> str:
    """What heads an event: its headline, or its date when the content gives none."""
    return event.headline or shown_date(event, lang)


def advisory_key(event_id: str) -> str:
    """The ``AdvisoryLedger`` key of a timeline event."""
    return f"event:{event_id}"


def event_witness(event: EventRecord) -> str:
    """Whose account an advised event is taken from (the first quoted speaker), or ""."""
    return next((q.words_of for q in event.quotes if q.words_of), "")


class EventDetailView(QWidget):
    """One event, large. ``skip_requested`` asks for the next event (advisory's second choice)."""

    skip_requested = Signal()

    def __init__(self, parent: QWidget | None = None,
                 advisories: AdvisoryLedger | None = None) -> None:
        super().__init__(parent)
        self.record: EventRecord | None = None
        self._lang = "en"
        self.advisories = advisories if advisories is not None else AdvisoryLedger()
        self.advisory = AdvisoryCard(compact=True)
        self.advisory.continue_requested.connect(self.read_account)
        self.advisory.back_requested.connect(self.skip_requested)
        self.advisory.hide()
        self.date_label = plain_label("", "secondary")
        self.headline = plain_label("", "heading")
        self.text = ReadingParagraph("")
        self.text.setMaximumWidth(READING_WIDTH)
        self.translation_note = plain_label("", "note")
        self.media = MediaView()

        column_widget = QWidget()
        column = QVBoxLayout(column_widget)
        column.setContentsMargins(0, 0, 16, 0)
        column.setSpacing(16)
        # Stretch above and below: a short event sits in the middle of its space, level with
        # the arrows, instead of leaving the lower half of the screen empty.
        column.addStretch(1)
        column.addWidget(self.date_label)
        column.addWidget(self.headline)
        column.addWidget(self.translation_note)
        column.addWidget(self.advisory)
        column.addWidget(self.text)
        column.addStretch(1)
        self._column = column
        self.scroll_area = KineticScrollArea()
        self.scroll_area.setWidget(column_widget)

        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(48)
        self._body.addWidget(self.scroll_area, 3)
        self._body.addWidget(self.media, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(16)
        outer.addLayout(self._body, 1)

    @property
    def showing_advisory(self) -> bool:
        return not self.advisory.isHidden()

    def set_event(self, event: EventRecord | None, lang: str = "en") -> None:
        """Fill the view from ``event`` (None clears it); dates the parts give in ``lang``.

        An advised event this visitor has not chosen to read shows its date, its credit (in the
        source strip) and the advisory, never its words.
        """
        self.record, self._lang = event, lang
        self.advisory.hide()
        if event is None:
            for label in (self.date_label, self.headline, self.translation_note):
                label.clear()
            self.text.setText("")
            self.text.hide()
            self.media.clear()
            return
        self.date_label.setText(shown_date(event, lang))
        if is_advised(event.advisory) and not self.advisories.passed(advisory_key(event.id)):
            self.headline.clear()
            self.headline.hide()
            self.text.setText("")
            self.text.hide()
            self.media.clear()
            self.advisory.set_item(event_witness(event), event.advisory)
            self.advisory.show()
            self.scroll_area.scroll_to_top()
            self.retranslate()
            return
        self.headline.setText(event.headline)
        # The text below the date says it all when it starts with the headline.
        self.headline.setVisible(
            bool(event.headline) and not headline_repeats_text(event.headline, event.text))
        self.text.set_runs(quote_runs(event.text, event.quotes))
        self.text.setVisible(bool(event.text))
        self.media.set_media(event.media, media_url=event.media_url,
                             caption=event.media_caption, credit=event.media_credit,
                             alt_text=event.alt_text)
        self.scroll_area.scroll_to_top()
        self.retranslate()

    def read_account(self) -> None:
        """The advisory's "Read the account": show the event's words (not asked again)."""
        if self.record is not None:
            self.advisories.mark_passed(advisory_key(self.record.id))
            self.set_event(self.record, self._lang)

    def retranslate(self) -> None:
        self.advisory.set_back_text(self.tr("Next event"), forward=True)
        untranslated = self.record is not None and not self.record.translated
        self.translation_note.setText(
            self.tr("Shown in the language of the source.") if untranslated else "")
        self.translation_note.setVisible(untranslated)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Portrait stacks the picture above the text; landscape puts it beside.
        portrait = self.height() > self.width()
        direction = (QBoxLayout.Direction.TopToBottom if portrait
                     else QBoxLayout.Direction.LeftToRight)
        if self._body.direction() != direction:
            self._body.setDirection(direction)
            self._body.removeWidget(self.media)
            self._body.removeWidget(self.scroll_area)
            if portrait:
                self._body.addWidget(self.media, 2)
                self._body.addWidget(self.scroll_area, 3)
            else:
                self._body.addWidget(self.scroll_area, 3)
                self._body.addWidget(self.media, 2)
        # Portrait reads from the top, right under the rail, instead of floating mid-screen.
        self._column.setStretch(0, 0 if portrait else 1)
        # Portrait has the full height below the rail: the reading text grows to use it.
        large = "large" if portrait else ""
        if self.text.property("reading") != large:
            self.text.setProperty("reading", large)
            restyle(self.text)
        super().resizeEvent(event)
