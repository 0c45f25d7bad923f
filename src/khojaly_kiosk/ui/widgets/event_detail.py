"""The selected timeline event, shown large inside the Timeline screen (not a screen of its own).

Date exactly as the record gives ``display_date``, headline, text and the picture (or a calm
placeholder). The event's source is shown by the shell's source strip (see TimelineScreen).
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from khojaly_kiosk.archive.records import EventRecord
from khojaly_kiosk.ui.i18n import format_span
from khojaly_kiosk.ui.widgets.media_view import MediaView
from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, plain_label, restyle
from khojaly_kiosk.ui.widgets.translation_credit import TranslationCreditLine

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
    """The source's own display date as written; otherwise the date parts in ``lang``."""
    if event.display_date or event.start_year is None:
        return event.display_date
    return format_span((event.start_year, event.start_month, event.start_day),
                       (event.end_year, event.end_month, event.end_day), lang)


class EventDetailView(QWidget):
    """One event, large."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: EventRecord | None = None
        self.date_label = plain_label("", "secondary")
        self.headline = plain_label("", "heading")
        self.text = ReadingParagraph("")
        self.text.setMaximumWidth(READING_WIDTH)
        self.translation_note = plain_label("", "note")
        self.credit_line = TranslationCreditLine()  # the screen answers originalRequested
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
        column.addWidget(self.credit_line)
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

    def set_event(self, event: EventRecord | None, lang: str = "en") -> None:
        """Fill the view from ``event`` (None clears it); dates the parts give in ``lang``."""
        self.record = event
        if event is None:
            for label in (self.date_label, self.headline, self.translation_note):
                label.clear()
            self.text.setText("")
            self.text.hide()
            self.media.clear()
            self.credit_line.set_credit(None)
            return
        self.date_label.setText(shown_date(event, lang))
        self.headline.setText(event.headline)
        # The text below the date says it all when it starts with the headline.
        self.headline.setVisible(
            bool(event.headline) and not headline_repeats_text(event.headline, event.text))
        self.text.setText(event.text)
        self.text.setVisible(bool(event.text))
        self.media.set_media(event.media, media_url=event.media_url,
                             caption=event.media_caption, credit=event.media_credit,
                             alt_text=event.alt_text)
        self.credit_line.set_credit(event.credit)
        self.scroll_area.scroll_to_top()
        self.retranslate()

    def retranslate(self) -> None:
        untranslated = self.record is not None and not self.record.translated
        self.translation_note.setText(
            self.tr("Shown in the language of the source.") if untranslated else "")
        self.translation_note.setVisible(untranslated)
        self.credit_line.retranslate()

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
