"""The selected timeline event as a slide at reading size, and the title slide (the arrows
beside it are ``preview_arrow``; what heads a slide is ``event_detail.slide_heading``).

A slide shows the date (serif, large), the heading, who said its words (the credit: the
document and whom it quotes) with its translation credit and the original one tap away, the
text in a column of at most 900 px (quoted words in the serif, the document's framing in the
secondary colour), and the picture with its caption, credit and alt text beside it
(landscape) or above it (portrait). Editorial insertions in square brackets ("30 October
[1991]") stand in the secondary colour. An event whose words come from an advised account
shows its date, its credit and the advisory in place of its words until the visitor chooses
to read it (once per visit); the advisory's other choice moves on ("Next event").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from khojaly_kiosk.archive.records import EventRecord
from khojaly_kiosk.ui.services import AdvisoryLedger
from khojaly_kiosk.ui.widgets.advisory import AdvisoryCard, is_advised
from khojaly_kiosk.ui.widgets.credit import CreditLine, quote_runs
from khojaly_kiosk.ui.widgets.event_detail import (
    advisory_key,
    date_runs,
    event_witness,
    shown_date,
    slide_heading,
)
from khojaly_kiosk.ui.widgets.media_view import MediaView
from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea, MoreBelow, WholeWidgetArea
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, plain_label, restyle
from khojaly_kiosk.ui.widgets.translation_credit import TranslationCreditLine

#: Reading column limit: ~70 characters at 26-28 px.
READING_WIDTH = 900
QWIDGETSIZE_MAX = 16_777_215


class TimelineSlide(QWidget):
    """One event large, or the title slide.

    ``skip_requested`` is the advisory's other choice ("Next event"); ``advisories`` is the
    visit's shared record of passed advisories.
    """

    skip_requested = Signal()

    def __init__(self, parent: QWidget | None = None,
                 advisories: AdvisoryLedger | None = None) -> None:
        super().__init__(parent)
        self.record: EventRecord | None = None
        self._lang = "en"
        self._overline = ""
        self.advisories = advisories if advisories is not None else AdvisoryLedger()
        # No "your choice" line: the two choices must fit the slide's height with the message.
        self.advisory = AdvisoryCard(compact=True, hint=False)
        self.advisory.continue_requested.connect(self.read_account)
        self.advisory.back_requested.connect(self.skip_requested)
        self.advisory.setMaximumWidth(READING_WIDTH)
        # Its minimum size hint is its height at its narrowest (words wrapped most): the area
        # would never let it be lower than that. At the slide's width it needs less.
        self.advisory.setMinimumHeight(1)
        self.advisory.hide()
        self.overline = plain_label("", "secondary")
        self.date = ReadingParagraph("", line_height=1.25, insertions=True)
        self.date.setProperty("slide", "date")
        self.heading = ReadingParagraph("", line_height=1.3, insertions=True)
        self.heading.setProperty("slide", "heading")
        self.text = ReadingParagraph("", insertions=True)
        self.text.setMaximumWidth(READING_WIDTH)
        self.translation_note = plain_label("", "note")
        self.credit = CreditLine()  # who said the event's words
        self.credit.setMaximumWidth(READING_WIDTH)
        # Who translated them, and the original one tap away, right beneath.
        self.credit_line = TranslationCreditLine()  # the screen answers originalRequested
        self.media = MediaView()
        for paragraph in (self.date, self.heading, self.text):
            paragraph.setMaximumWidth(READING_WIDTH)

        column_widget = QWidget()
        self._column = QVBoxLayout(column_widget)
        self._column.setContentsMargins(0, 0, 16, 0)
        self._column.setSpacing(16)
        self._column.addStretch(1)
        for part in (self.overline, self.date, self.heading, self.translation_note,
                     self.credit, self.credit_line, self.text):
            self._column.addWidget(part)
        self._column.addStretch(1)
        self.scroll_area = KineticScrollArea()
        self.scroll_area.setWidget(column_widget)
        self.more_below = MoreBelow(self.scroll_area)
        # The advisory sits under the scrolled column, never inside it: its message and both
        # choices keep their whole height on a short slide (landscape, a large text step),
        # and the date and credit above it scroll if they must.
        self.reading = QWidget()
        reading = QVBoxLayout(self.reading)
        reading.setContentsMargins(0, 0, 0, 0)
        reading.setSpacing(16)
        self.advisory_area = WholeWidgetArea()
        self.advisory_area.setWidget(self.advisory)
        self.advisory_area.setMaximumWidth(READING_WIDTH)
        self.advisory.hide()
        self.advisory_area.hide()
        reading.addWidget(self.scroll_area, 1)
        reading.addWidget(self.advisory_area, 0)
        reading.addStretch(0)  # the slack, once date, credit and card have their heights
        self._reading = reading

        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(48)
        self._body.addWidget(self.reading, 3)
        self._body.addWidget(self.media, 2)
        self._portrait = False
        self._asking = False
        self.advisory.installEventFilter(self)
        column_widget.installEventFilter(self)

    @property
    def showing_advisory(self) -> bool:
        return not self.advisory.isHidden()

    def asks(self, event: EventRecord) -> bool:
        """Whether ``event``'s words wait behind an advisory this visitor has not passed."""
        return is_advised(event.advisory) and not self.advisories.passed(advisory_key(event.id))

    def set_event(self, event: EventRecord, lang: str, overline: str = "") -> None:
        """Fill the slide from ``event``; ``overline`` names its era (or is empty).

        An advised event this visitor has not chosen to read shows its date, its credit and
        the advisory, never its words.
        """
        self.record, self._lang, self._overline = event, lang, overline
        ask = self.asks(event)
        date, heading = slide_heading(event, lang, withheld=ask)
        self.overline.setText(overline)
        self.overline.setVisible(bool(overline))
        self._set_date(self.date, date, event, lang)
        self.date.setVisible(bool(date))
        self._set_date(self.heading, heading, event, lang)
        self.heading.setVisible(bool(heading))
        credit = event.attribution
        self.credit.set_credit(credit, lang)
        self.credit.setVisible(not credit.is_empty)
        self.credit_line.set_credit(event.credit)
        if ask:
            self.text.setText("")
            self.media.clear()
            self.media.hide()
            self.advisory.set_item(event_witness(event), event.advisory)
        else:
            self.text.set_runs(quote_runs(event.text, event.quotes))
            self.media.set_media(event.media, media_url=event.media_url,
                                 caption=event.media_caption, credit=event.media_credit,
                                 alt_text=event.alt_text)
        self.text.setVisible(bool(event.text) and not ask)
        # Both: showing the card itself is what makes its area ask again for its height.
        self.advisory.setVisible(ask)
        self.advisory_area.setVisible(ask)
        self._give_room(asking=ask)
        self._set_heading_style(date_is_heading=not date)
        self.scroll_area.scroll_to_top()
        self.retranslate()

    def _give_room(self, asking: bool) -> None:
        """Asking: the card gets its whole height first, the date and credit above it what
        is left (they scroll if they must), the slack goes below; reading: the scrolled words
        take the whole slide. Nothing here raises the slide's minimum (the window's)."""
        self._asking = asking
        self.scroll_area.setSizePolicy(
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.Ignored if asking else QSizePolicy.Policy.Expanding)
        self._fit_heights()

    def _fit_heights(self) -> None:
        width = min(self.reading.width(), READING_WIDTH)
        limit = QWIDGETSIZE_MAX
        content = self.scroll_area.widget()
        layout = content.layout() if content is not None else None
        if self._asking and layout is not None:
            height = (layout.heightForWidth(width) if layout.hasHeightForWidth()
                      else layout.sizeHint().height())
            limit = height + 2 * self.scroll_area.frameWidth()
        self.scroll_area.setMaximumHeight(limit)
        area = self.advisory_area
        area.setMaximumHeight(area.height_for(width) if self._asking else QWIDGETSIZE_MAX)
        area.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_heights()  # heights follow the width the words wrap at

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A restyle (Aa, contrast, language) reaches the card and the column after the slide
        # was filled: their new sizes ask for a new layout, and the heights follow.
        if event.type() == QEvent.Type.LayoutRequest and self._asking:
            self._fit_heights()
        return False

    @staticmethod
    def _set_date(paragraph: ReadingParagraph, text: str, event: EventRecord,
                  lang: str) -> None:
        """``text``, with an editorial year set apart when ``text`` is the event's date."""
        if text and text == shown_date(event, lang):
            paragraph.set_runs(date_runs(event, lang))
        else:
            paragraph.setText(text)

    def read_account(self) -> None:
        """The advisory's "Read the account": the event's words (not asked again)."""
        record = self.record
        if record is not None:
            self.advisories.mark_passed(advisory_key(record.id))
            shown = self.credit_line.credit, self.credit_line.showing_original
            self.set_event(record, self._lang, self._overline)
            self.credit_line.set_credit(*shown)  # a translation credit stays as it was

    def set_title(self, overline: str, heading: str, lines: str) -> None:
        """The title slide: what this timeline is, how long it spans, how to move through it."""
        self.record = None
        self.overline.setText(overline)
        self.overline.setVisible(bool(overline))
        self.date.setText("")
        self.date.hide()
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.text.setText(lines)
        self.text.setVisible(bool(lines))
        self.media.clear()
        self.media.hide()
        self.advisory.hide()
        self.advisory_area.hide()
        self._give_room(asking=False)
        self.credit.set_credit(None, "en")
        self.credit.hide()
        self.credit_line.set_credit(None)
        self._set_heading_style(date_is_heading=True)
        self.scroll_area.scroll_to_top()
        self.retranslate()

    def _set_heading_style(self, date_is_heading: bool) -> None:
        # A date standing as the heading takes the heading's size (a date line is smaller).
        wanted = "date" if date_is_heading else "heading"
        if self.heading.property("slide") != wanted:
            self.heading.setProperty("slide", wanted)
            restyle(self.heading)

    def texts(self) -> list[str]:
        """What the slide shows, top to bottom (for tests and the tour)."""
        widgets = (self.overline, self.date, self.heading, self.translation_note, self.credit,
                   self.text)
        return [w.text() for w in widgets if not w.isHidden() and w.text()]

    def retranslate(self) -> None:
        self.advisory.set_back_text(self.tr("Next event"), forward=True)
        untranslated = self.record is not None and not self.record.translated
        self.translation_note.setText(
            self.tr("Shown in the language of the source.") if untranslated else "")
        # The language note is about the words: not shown while they wait behind the advisory.
        self.translation_note.setVisible(untranslated and not self.showing_advisory)
        self.credit_line.retranslate()

    def set_portrait(self, portrait: bool) -> None:
        """Portrait (the screen's orientation): the picture above the text, which starts at
        the top, right under the axis, in a larger size; landscape: the picture beside."""
        if portrait != self._portrait:
            self._portrait = portrait
            self._body.removeWidget(self.media)
            self._body.removeWidget(self.reading)
            self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                    else QBoxLayout.Direction.LeftToRight)
            if portrait:
                self._body.addWidget(self.media, 2)
                self._body.addWidget(self.reading, 3)
            else:
                self._body.addWidget(self.reading, 3)
                self._body.addWidget(self.media, 2)
            # Portrait reads from the top, right under the axis; landscape sits mid-height.
            self._column.setStretch(0, 0 if portrait else 1)
            large = "large" if portrait else ""
            if self.text.property("reading") != large:
                self.text.setProperty("reading", large)
                restyle(self.text)
