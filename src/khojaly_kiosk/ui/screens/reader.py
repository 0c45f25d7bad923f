"""The testimony reader: a centred text column, source below, previous/next at the sides.

A distressing or graphic testimony first shows the advisory card (it names the witness and
what the account describes); "Back to the list" returns to where the visitor came from, "Read
the account" shows the text. The advisory is asked once per testimony per visit (the shared
``AdvisoryLedger``, cleared on idle): paging back to an account already opened does not ask again.
Quoted words are set in the serif, the exhibition text's framing in the sans, secondary colour;
the credit below names the document and whom it quotes. Swiping left/right moves to the
next/previous.
An audio or video testimony shows its player above the column (it stays in view while the text
scrolls, so its captions do too); an indexed one lists its segments before the text. Playback
stops whenever the visitor leaves the recording (another testimony, another screen, idle).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QShowEvent, QWindow
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import Attribution, SegmentRecord, TestimonyRecord
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.advisory import AdvisoryCard, is_advised
from khojaly_kiosk.ui.widgets.buttons import (
    SideButton,
    TouchButton,
    chevron_icon,
    set_trailing_icon,
)
from khojaly_kiosk.ui.widgets.credit import CreditLine, quote_runs
from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea
from khojaly_kiosk.ui.widgets.segment_index import SegmentIndex
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, divider, plain_label
from khojaly_kiosk.ui.widgets.translation_credit import TranslationCreditLine

if TYPE_CHECKING:
    from khojaly_kiosk.ui.widgets.media_player import MediaPlayer

log = logging.getLogger(__name__)
COLUMN_MAX = 900
SWIPE_MIN = 160  # px a finger must travel sideways to turn the page
SCROLLBAR = 8  # px, base.qss


def advisory_key(testimony_id: str) -> str:
    """The ``AdvisoryLedger`` key of a testimony."""
    return f"testimony:{testimony_id}"


def _make_player() -> MediaPlayer | None:
    """The media player, or None when Qt Multimedia is not installed (``doctor`` says so)."""
    try:
        from khojaly_kiosk.ui.widgets.media_player import MediaPlayer
    except ImportError as exc:
        # The text and the index still serve the visitor; only the recording is not offered.
        log.warning("Qt Multimedia cannot be loaded (%s); recordings are not offered.", exc)
        return None
    return MediaPlayer()


class _SwipeWatcher(QObject):
    """Watches (never eats) presses and releases on the reading area for sideways swipes.

    It filters the *window's* events: the kinetic scroller takes presses and moves on the
    reading area before any widget filter sees them, but the window receives them first.
    """

    swiped = Signal(int)  # -1 = towards previous (finger moved right), +1 = next

    def __init__(self, area: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._area = area
        self._start: QPoint | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            start = event.globalPosition().toPoint()
            inside = self._area.isVisible() and self._area.rect().contains(
                self._area.mapFromGlobal(start))
            self._start = start if inside else None
        elif (kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent)
              and self._start is not None):
            delta = event.globalPosition().toPoint() - self._start
            self._start = None
            if abs(delta.x()) >= SWIPE_MIN and abs(delta.x()) > 2 * abs(delta.y()):
                self.swiped.emit(-1 if delta.x() > 0 else 1)
        return False


class ReaderScreen(ContentScreen):
    """Shows one testimony; ``enter(testimony_id=...)``."""


    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.record: TestimonyRecord | None = None
        self._last_read: tuple[object, object, tuple[str, str], TestimonyRecord | None] | None \
            = None
        self._original_of: tuple[str, str] | None = None  # (id, language) shown in original
        self.paragraphs: list[ReadingParagraph] = []
        self.player: MediaPlayer | None = None  # built with the first recording

        self.pages = QStackedWidget()
        self.advisory = AdvisoryCard()
        self.advisory.back_requested.connect(self.nav.back)
        self.advisory.continue_requested.connect(self.read_account)
        self.pages.addWidget(self.advisory)
        self.pages.addWidget(self._build_reading_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.retranslate()

    def _build_reading_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(48, 0, 48, 0)
        row.setSpacing(24)
        self.previous_button = SideButton("◀")
        self.next_button = SideButton("▶")
        self.previous_button.setObjectName("reader-previous")
        self.next_button.setObjectName("reader-next")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.scroll_area = KineticScrollArea()
        # The player sits above the scrolled column, centred to the same width.
        self.player_host = QWidget()
        self.player_layout = QHBoxLayout(self.player_host)
        # Right margin + the column's scroll bar, so player and column share one centre line.
        self.player_layout.setContentsMargins(24, 32, 24 + SCROLLBAR, 16)
        self.player_host.setVisible(False)
        middle = QVBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(0)
        middle.addWidget(self.player_host)
        middle.addWidget(self.scroll_area, 1)
        column_host = QWidget()
        host_layout = QHBoxLayout(column_host)
        host_layout.setContentsMargins(24, 48, 24, 64)
        self.column = QWidget()
        self.column.setMaximumWidth(COLUMN_MAX)
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setContentsMargins(0, 0, 0, 0)
        self.column_layout.setSpacing(28)
        self.name_label = plain_label("", "title")
        self.role_label = plain_label("", "subtitle")
        self.note_label = plain_label("", "note")
        self.column_layout.addWidget(self.name_label)
        self.column_layout.addWidget(self.role_label)
        self.column_layout.addWidget(self.note_label)
        # Who translated it, and the original one tap away, above the text: a visitor chooses
        # the language before reading, not after scrolling past the whole account.
        self.credit_line = TranslationCreditLine()
        self.credit_line.originalRequested.connect(self.show_original)
        self.column_layout.addWidget(self.credit_line)
        self.index = SegmentIndex()
        self.index.segmentChosen.connect(self.open_segment)
        self.column_layout.addWidget(self.index)
        self.column_layout.addWidget(divider())
        self.text_host = QWidget()
        self.text_layout = QVBoxLayout(self.text_host)
        self.text_layout.setContentsMargins(0, 0, 0, 0)
        self.text_layout.setSpacing(28)
        self.column_layout.addWidget(self.text_host)
        self.column_layout.addWidget(divider())
        self.source_heading = plain_label("", "caption")
        self.source_label = CreditLine()
        self.source_button = TouchButton("")
        set_trailing_icon(self.source_button, chevron_icon("right", 24))
        self.source_button.setObjectName("reader-source")
        self.source_button.clicked.connect(self._open_source)
        self.column_layout.addWidget(self.source_heading)
        self.column_layout.addWidget(self.source_label)
        # Absolute: the button's right-to-left direction (icon after the word) must not mirror
        # its place in the column.
        self.column_layout.addWidget(
            self.source_button, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        self.missing_label = plain_label("", "heading")
        self.column_layout.addWidget(self.missing_label)
        # Extra height below a short account stays below it: the header keeps its size.
        self.column_layout.addStretch(1)
        host_layout.addStretch(1)
        host_layout.addWidget(self.column, 100)
        host_layout.addStretch(1)
        self.scroll_area.setWidget(column_host)
        self.swipe = _SwipeWatcher(self.scroll_area.viewport(), self)
        self.swipe.swiped.connect(self.step)
        self._watched_window: QWindow | None = None
        row.addWidget(self.previous_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(middle, 1)
        row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return page

    # --- Screen ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Testimony")

    def enter(self, **args: Any) -> None:
        testimony_id = args.get("testimony_id")
        if testimony_id is None and self.record is not None:
            testimony_id = self.record.id  # re-entered (language or archive change)
        # A visitor who already chose to read this testimony (then changed language, or came
        # back from its source) keeps reading; the next visitor (after idle) is asked again.
        self.load(testimony_id or "")

    def prepare(self) -> None:
        """It shows the item a visitor opens: nothing to load ahead of that."""

    def reset(self) -> None:
        self._original_of = None
        self.stop_media()
        self.scroll_area.scroll_to_top()

    def current_source(self) -> Attribution | None:
        return self.record.attribution if self.record else None

    def retranslate(self) -> None:
        self.advisory.retranslate()
        self.previous_button.setAccessibleName(self.tr("Previous testimony"))
        self.next_button.setAccessibleName(self.tr("Next testimony"))
        self.source_heading.setText(self.tr("Source"))
        self.source_button.setText(self.tr("See this source"))
        self.missing_label.setText(self.tr("This testimony is not available."))
        self.credit_line.retranslate()
        self.index.retranslate()
        if self.player is not None:
            self.player.retranslate()
        self._fill_note()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.window().windowHandle()
        if handle is not None and handle is not self._watched_window:
            handle.installEventFilter(self.swipe)
            self._watched_window = handle

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.stop_media()  # leaving the reader (another screen, attract) ends the recording
        if self._watched_window is not None:
            self._watched_window.removeEventFilter(self.swipe)
            self._watched_window = None

    # --- content ---------------------------------------------------------------------------
    @property
    def showing_advisory(self) -> bool:
        return self.pages.currentWidget() is self.advisory

    def load(self, testimony_id: str) -> None:
        """Show ``testimony_id``, behind the advisory card when its level asks for one and
        this visitor has not passed it yet."""
        record = None
        if self.repos is not None and testimony_id:
            record = self._get(testimony_id, self.nav.language)
        credit = record.credit if record is not None else None
        original = (record is not None and credit is not None
                    and self._original_of == (record.id, self.nav.language))
        if record is not None and credit is not None and original:
            record = self.repos.testimonies.get(record.id, credit.source_language) or record
        self._original_of = (record.id, self.nav.language) if record and original else None
        self.record = record
        self.credit_line.set_credit(credit, showing_original=original)
        ask = (record is not None and is_advised(record.advisory)
               and not self.services.advisories.passed(advisory_key(record.id)))
        if ask and record is not None:
            # The card first, then the text: no advised word is laid out before it is chosen.
            self.advisory.set_item(record.person_name, record.advisory)
            self.stop_media()
            self.pages.setCurrentWidget(self.advisory)
            self._fill(None, keep_header=True)
            self.source_changed.emit(self.current_source())
            return
        self._fill(record)
        self.source_changed.emit(self.current_source())
        self.show_text()

    def _get(self, testimony_id: str, lang: str) -> TestimonyRecord | None:
        """The testimony, asked of the archive once for the same archive, id and language in
        a row (back from its source, or opened again: a record never changes in a generation)."""
        repo = self.repos.testimonies
        last = self._last_read
        if (last is not None and last[0] is self.repos and last[1] is repo
                and last[2] == (testimony_id, lang)):
            return last[3]
        record = repo.get(testimony_id, lang)
        self._last_read = (self.repos, repo, (testimony_id, lang), record)
        return record

    def read_account(self) -> None:
        """The advisory's "Read the account": this visitor is not asked again for it."""
        record = self.record
        if record is not None:
            self.services.advisories.mark_passed(advisory_key(record.id))
            self._fill(record)
            self.source_changed.emit(self.current_source())
        self.show_text()

    def show_text(self) -> None:
        self.pages.setCurrentIndex(1)
        self.scroll_area.scroll_to_top()

    def show_original(self, original: bool) -> None:
        """Show the testimony in the language it was translated from (or the translation)."""
        if self.record is None:
            return
        self._original_of = (self.record.id, self.nav.language) if original else None
        self.load(self.record.id)  # its advisory, if any, was passed: the text is shown

    def step(self, direction: int) -> None:
        """Move to the previous (-1) or next (+1) testimony, if there is one."""
        if self.record is None or self.showing_advisory:
            return
        target = self.record.previous_id if direction < 0 else self.record.next_id
        if target:
            self.load(target)

    def stop_media(self) -> None:
        """Stop the recording, if one plays, and release its file."""
        if self.player is not None:
            self.player.stop()

    def open_segment(self, segment: SegmentRecord) -> None:
        """Index row tapped: play from the segment's time and/or show its paragraph."""
        player = self.player
        playable = player is not None and player.isVisibleTo(self) and not player.has_failed()
        if segment.start_seconds is not None and player is not None and playable:
            player.seek_seconds(segment.start_seconds)
        if segment.paragraph is not None and self.paragraphs:
            index = min(max(segment.paragraph, 1), len(self.paragraphs)) - 1  # 1-based in content
            self.scroll_area.scroll_to(self.paragraphs[index])

    def _fill_media(self, record: TestimonyRecord | None) -> None:
        media = record.media if record is not None else None
        playable = media is not None and media.is_recording
        if playable and self.player is None:
            self.player = _make_player()
            if self.player is not None:
                self.player.setMaximumWidth(COLUMN_MAX)
                self.player.playingChanged.connect(self._playing_changed)
                self.player_layout.addWidget(self.player, 1)
        if self.player is not None:
            self.player.load(media if playable else None)
        self.player_host.setVisible(playable and self.player is not None)

    def _playing_changed(self, playing: bool) -> None:
        self.services.media_playing(playing)

    def _fill(self, record: TestimonyRecord | None, keep_header: bool = False) -> None:
        """Lay out ``record`` on the reading page (None empties it; ``keep_header`` keeps the
        missing-text notice hidden while an advisory is asked)."""
        for paragraph in self.paragraphs:
            self.text_layout.removeWidget(paragraph)
            # Hidden at once: until the event loop deletes it, it would paint over the new text.
            paragraph.hide()
            paragraph.deleteLater()
        self.paragraphs = []
        self._fill_media(record)
        self.index.set_segments(record.segments if record is not None else ())
        found = record is not None
        self.missing_label.setVisible(not found and not keep_header)
        for widget in (self.name_label, self.role_label, self.source_heading,
                       self.source_label, self.source_button):
            widget.setVisible(found)
        if record is None:
            self.previous_button.setEnabled(False)
            self.next_button.setEnabled(False)
            self.note_label.setVisible(False)
            return
        self.name_label.setText(record.person_name)
        self.role_label.setText(record.role)
        self.role_label.setVisible(bool(record.role))
        for text in record.paragraphs:
            paragraph = ReadingParagraph()
            paragraph.set_runs(quote_runs(text, record.quotes))
            self.paragraphs.append(paragraph)
            self.text_layout.addWidget(paragraph)
        credit = record.attribution
        self.source_label.set_credit(credit, self.nav.language)
        self.source_heading.setVisible(not credit.is_empty)
        self.source_label.setVisible(not credit.is_empty)
        self.source_button.setVisible(credit.primary is not None)
        self.previous_button.setEnabled(bool(record.previous_id))
        self.next_button.setEnabled(bool(record.next_id))
        self._fill_note()

    def _fill_note(self) -> None:
        record = self.record
        show = record is not None and not record.translated
        self.note_label.setText(self.tr("Shown in its original language") if show else "")
        self.note_label.setVisible(show)

    def _open_source(self) -> None:
        primary = self.record.attribution.primary if self.record is not None else None
        if primary is not None:
            self.nav.show_source(primary.id)
