"""Reading pages of the archive's passages: "About Khojaly" and "Legal assessment".

Each page shows the passages of one section in archive order, in a centred reading column:
the passage's own title when it has one, its paragraphs (words it quotes in the serif, its own
framing in the secondary colour), and its credit ("Source: Exhibition text, quoting ..."). The
text is the archive's, shown as it is; the page adds only the top bar's title and an empty state.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import PassageRecord
from khojaly_kiosk.ui.layout import empty_state
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.credit import quote_runs
from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, divider, plain_label
from khojaly_kiosk.ui.widgets.translation_credit import TranslationCreditLine

COLUMN_MAX = 900  # the reader's measure: about 70 characters a line at body size


def paragraphs_of(body: str) -> list[str]:
    """The paragraphs of a passage body (separated by blank lines), without empty ones."""
    return [part.strip() for part in body.replace("\r\n", "\n").split("\n\n") if part.strip()]


class PassagesScreen(ContentScreen):
    """The passages of ``SECTION``; subclasses name the section and the page title."""

    SECTION = ""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.passages: list[PassageRecord] = []
        self.paragraphs: list[ReadingParagraph] = []
        self.source_lines: list[SourceLine] = []
        self.credit_lines: list[TranslationCreditLine] = []
        self._originals: set[str] = set()  # passages the visitor asked to see in the original
        self._loaded = LoadedKey()
        self._body: list[QWidget] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = KineticScrollArea()
        outer.addWidget(self.scroll_area)
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(48, 48, 48, 64)
        self.column = QWidget()
        self.column.setMaximumWidth(COLUMN_MAX)
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setContentsMargins(0, 0, 0, 0)
        self.column_layout.setSpacing(28)
        self.column_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.empty = empty_state()
        self.empty.setVisible(False)
        self.column_layout.addWidget(self.empty)
        row.addWidget(self.column, 0, Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setWidget(host)
        self.retranslate()

    def enter(self, **args: Any) -> None:
        lang = self.nav.language
        if self._loaded.changed(self.repos, self.repos.passages, lang):
            self._originals.clear()
            self._fill(list(self.repos.passages.section(self.SECTION, lang)))

    def reset(self) -> None:
        if self._originals:
            self._originals.clear()
            self._fill(self.passages)
        self.scroll_area.scroll_to_top()

    def show_original(self, passage_id: str, original: bool) -> None:
        """Show one passage in the language it was translated from (or translated again)."""
        (self._originals.add if original else self._originals.discard)(passage_id)
        self._fill(self.passages, keep_scroll=True)

    def _originals_of(self, passages: list[PassageRecord]) -> dict[str, PassageRecord]:
        """The original of every passage the visitor asked for, by id."""
        languages = {p.credit.source_language for p in passages
                     if p.id in self._originals and p.credit is not None}
        return {p.id: p for lang in languages
                for p in self.repos.passages.section(self.SECTION, lang)}

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Nothing is recorded in this section of the archive yet."))
        for line in self.source_lines:
            line.retranslate()
        for credit in self.credit_lines:
            credit.retranslate()

    def _fill(self, passages: list[PassageRecord], keep_scroll: bool = False) -> None:
        for widget in self._body:
            self.column_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._body, self.paragraphs, self.source_lines = [], [], []
        self.credit_lines = []
        self.passages = passages
        originals = self._originals_of(passages) if self._originals else {}
        for number, translated in enumerate(passages):
            if number:
                self._add(divider())
            passage = originals.get(translated.id, translated)
            if passage.title:
                self._add(plain_label(passage.title, "heading"))
            if translated.credit is not None:
                self._add_credit(translated, passage is not translated)
            elif not translated.translated:
                self._add(plain_label(self.tr("Shown in its original language"), "note"))
            for text in paragraphs_of(passage.body):
                paragraph = ReadingParagraph()
                paragraph.set_runs(quote_runs(text, passage.quotes))
                self.paragraphs.append(paragraph)
                self._add(paragraph)
            if not passage.attribution.is_empty:
                line = SourceLine()
                line.set_source(passage.attribution, self.nav.language)
                line.sourceRequested.connect(self.nav.show_source)
                self.source_lines.append(line)
                self._add(line)
        self.empty.setVisible(not passages)
        if not keep_scroll:
            self.scroll_area.scroll_to_top()

    def _add_credit(self, passage: PassageRecord, original: bool) -> None:
        line = TranslationCreditLine()
        line.set_credit(passage.credit, showing_original=original)
        line.originalRequested.connect(
            lambda flag, passage_id=passage.id: self.show_original(passage_id, flag))
        self.credit_lines.append(line)
        self._add(line)

    def _add(self, widget: QWidget) -> None:
        self.column_layout.addWidget(widget)
        self._body.append(widget)


class AboutScreen(PassagesScreen):
    """Khojaly before and during the events, in the words of the archive's sources."""

    SECTION = "about"

    def title(self) -> str:
        return self.tr("About Khojaly")


class LegalScreen(PassagesScreen):
    """The legal qualification of the crime, the investigation, judgments and statements."""

    SECTION = "legal"

    def title(self) -> str:
        return self.tr("Legal assessment")
