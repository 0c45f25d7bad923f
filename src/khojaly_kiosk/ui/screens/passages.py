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
            self._fill(list(self.repos.passages.section(self.SECTION, lang)))

    def reset(self) -> None:
        self.scroll_area.scroll_to_top()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Nothing is recorded in this section of the archive yet."))
        for line in self.source_lines:
            line.retranslate()

    def _fill(self, passages: list[PassageRecord]) -> None:
        for widget in self._body:
            self.column_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._body, self.paragraphs, self.source_lines = [], [], []
        self.passages = passages
        for number, passage in enumerate(passages):
            if number:
                self._add(divider())
            if passage.title:
                self._add(plain_label(passage.title, "heading"))
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
        self.scroll_area.scroll_to_top()

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
