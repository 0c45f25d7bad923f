"""Sources: every source grouped by kind, with the items that cite it.

``enter(source_id=...)`` scrolls to that source and marks it, so "Sources" on any screen
lands on the right entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import CitingItem, SourceWithCitations
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.buttons import chevron_icon
from khojaly_kiosk.ui.widgets.cards import ClickableCard
from khojaly_kiosk.ui.widgets.qr import QrCode
from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea
from khojaly_kiosk.ui.widgets.text import plain_label, restyle

MAX_CITING_SHOWN = 8  # a names list may cite one source thousands of times
MIN_ROW = 64  # px: each citing item is a touch target

# The exhibition's own text (a compilation) first: every item is taken from it.
_KIND_ORDER = ("compilation", "book", "report", "investigation", "court", "official",
               "newspaper", "interview", "documentary")


def kind_heading(kind: str) -> str:
    # QCoreApplication.translate spelled out, never aliased to ``tr``: lupdate reads a bare
    # ``tr(a, b)`` as ``self.tr(source, disambiguation)`` and files the string under the
    # wrong key, so it was never found at run time.
    headings = {
        "book": QCoreApplication.translate("Sources", "Books"),
        "newspaper": QCoreApplication.translate("Sources", "Newspapers and agencies"),
        "report": QCoreApplication.translate("Sources", "Reports"),
        "investigation": QCoreApplication.translate("Sources", "Investigation files"),
        "interview": QCoreApplication.translate("Sources", "Interviews"),
        "documentary": QCoreApplication.translate("Sources", "Documentaries and broadcasts"),
        "court": QCoreApplication.translate("Sources", "Court records"),
        "official": QCoreApplication.translate("Sources", "Official documents"),
        "compilation": QCoreApplication.translate("Sources", "Compilations"),
    }
    other = QCoreApplication.translate("Sources", "Other")
    return headings.get(kind, kind.replace("_", " ").capitalize() or other)


def citing_kind(kind: str) -> str:
    names = {
        "testimony": QCoreApplication.translate("Sources", "Testimony"),
        "event": QCoreApplication.translate("Sources", "Timeline"),
        "statistic": QCoreApplication.translate("Sources", "Figure"),
        "recognition": QCoreApplication.translate("Sources", "Recognition"),
        "monument": QCoreApplication.translate("Sources", "Monument"),
        "name": QCoreApplication.translate("Sources", "Name"),
        "passage": QCoreApplication.translate("Sources", "Text"),
    }
    return names.get(kind, kind)


def section_title(section: str) -> str:
    """The page a passage of ``section`` is read on (an untitled passage is listed by it)."""
    titles = {
        "about": QCoreApplication.translate("Sources", "About Khojaly"),
        "legal": QCoreApplication.translate("Sources", "Legal assessment"),
        "remembrance": QCoreApplication.translate("Sources", "Remembrance"),
    }
    return titles.get(section, "")


# Where a citing item is shown: kind -> (screen, the enter() argument naming the item).
_ITEM_SCREENS: dict[str, tuple[str, str]] = {
    "testimony": (keys.TESTIMONY_READER, "testimony_id"),
    "event": (keys.TIMELINE, "event_id"),
    "name": (keys.NAME, "name_id"),
    "statistic": (keys.STATISTICS, ""),
    "recognition": (keys.RECOGNITION, ""),
    "monument": (keys.MONUMENTS, ""),
}
_SECTION_SCREENS = {"about": keys.ABOUT, "legal": keys.LEGAL, "remembrance": keys.REMEMBRANCE}


class CitedRow(ClickableCard):
    """One item citing a source: its kind and label; a tap opens the item where it is shown."""

    def __init__(self, item: CitingItem, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setProperty("card", False)
        self.setProperty("citedRow", True)
        self.setMinimumHeight(MIN_ROW)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 8, 10)
        row.setSpacing(16)
        self.label = plain_label(text, "body")
        row.addWidget(self.label, 1)
        chevron = QLabel()
        chevron.setPixmap(chevron_icon("right", 28).pixmap(28, 28))
        row.addWidget(chevron, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(text)


def relation_caption(relation: str) -> str:
    """The caption over the items that take words from a source in this way."""
    captions = {
        "quotes": QCoreApplication.translate("Sources", "Quoted in:"),
        "reports": QCoreApplication.translate("Sources", "Reported in:"),
    }
    return captions.get(relation, QCoreApplication.translate("Sources", "Cited by:"))


def provenance_lines(file: str, sha256: str) -> list[str]:
    """What the Sources page says of a document shipped with the archive (its own text)."""
    if not file:
        return []
    return [
        QCoreApplication.translate(
            "Sources", "The text this exhibition is built from. Every item on this kiosk is "
            "taken from it; the words it quotes are credited to the sources it names."),
        QCoreApplication.translate(
            "Sources", "Shipped with this archive as the file %1 (SHA-256 %2).")
        .replace("%1", file).replace("%2", sha256[:16] + "…" if sha256 else "—"),
    ]


class SourceCard(QFrame):
    """One source: title, who/where/when, the short citation, notes, and what cites it."""

    itemRequested = Signal(object)  # the CitingItem tapped

    def __init__(self, entry: SourceWithCitations, sections: Mapping[str, str] | None = None,
                 parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.source_id = entry.source.id
        self.setProperty("card", True)
        self.setProperty("highlighted", False)
        source = entry.source
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(10)
        self.title_label = plain_label(source.title_in(lang), "cardTitle")
        layout.addWidget(self.title_label)
        details = " · ".join(p for p in (source.author, source.publisher, source.place,
                                         source.date) if p)
        for text, style in ((details, "secondary"), (source.citation, "body"),
                            (source.notes, "caption")):
            if text:
                layout.addWidget(plain_label(text, style))
        for text in provenance_lines(source.file, source.sha256):
            layout.addWidget(plain_label(text, "secondary"))
        # A public page of the source: a QR code to go on reading on a phone.
        self.qr = QrCode(source.url) if source.url else None
        if self.qr is not None:
            layout.addWidget(self.qr)
        sections = sections or {}
        self.rows: list[CitedRow] = []
        self.citing_labels: list[QLabel] = []
        for relation in dict.fromkeys(item.relation for item in entry.items):
            items = [item for item in entry.items if item.relation == relation]
            shown = items[:MAX_CITING_SHOWN]
            caption = plain_label(relation_caption(relation), "caption")
            self.citing_labels.append(caption)
            layout.addWidget(caption)
            for item in shown:
                row = CitedRow(item, self._item_text(item, sections.get(item.id, "")))
                row.clicked.connect(lambda i=item: self.itemRequested.emit(i))
                self.rows.append(row)
                layout.addWidget(row)
        # The first caption, for callers that ask whether anything cites the source.
        self.citing_label = (self.citing_labels[0] if self.citing_labels
                             else plain_label("", "caption"))
        self.citing_label.setVisible(bool(self.rows))
        extra = entry.citing_count - len(self.rows)
        more = QCoreApplication.translate("Sources", "and %n more", "", extra)
        self.more_label = plain_label(more if extra > 0 else "", "caption")
        self.more_label.setVisible(extra > 0)
        layout.addWidget(self.more_label)

    @staticmethod
    def _item_text(item: CitingItem, section: str) -> str:
        label = item.label
        if item.kind == "passage" and (not label or label == section):
            label = section_title(section) or label  # untitled passages list their page
        return f"{citing_kind(item.kind)}: {label}"

    def set_highlighted(self, on: bool) -> None:
        self.setProperty("highlighted", on)
        restyle(self)


class SourcesScreen(ContentScreen):
    """All sources of the live archive."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.cards: dict[str, SourceCard] = {}
        self.headings: list[str] = []
        self._built_for: object = None
        self._highlighted = ""
        self._sections: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = KineticScrollArea()
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(96, 40, 96, 64)
        self.content_layout.setSpacing(20)
        self.content_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area.setWidget(self.content)
        layout.addWidget(self.scroll_area)
        self.intro_label = plain_label("", "secondary")
        self.empty_label = plain_label("", "secondary")
        self.retranslate()

    def title(self) -> str:
        return self.tr("Sources")

    def retranslate(self) -> None:
        self.intro_label.setText(
            self.tr("Every item in this exhibit names the source it comes from."))
        self.empty_label.setText(self.tr("No sources are recorded in this archive."))
        if self._built_for is not None:
            self._built_for = None  # headings are translated: rebuild on next enter

    def enter(self, **args: Any) -> None:
        if self._built_for is not self.repos:
            self._rebuild()
        source_id = args.get("source_id") or ""
        self.highlight(source_id)

    def reset(self) -> None:
        self.highlight("")

    def highlight(self, source_id: str) -> None:
        """Mark ``source_id`` and scroll to it ("" clears the mark and goes to the top)."""
        if self._highlighted in self.cards:
            self.cards[self._highlighted].set_highlighted(False)
        self._highlighted = source_id if source_id in self.cards else ""
        if not self._highlighted:
            self.scroll_area.scroll_to_top()
            return
        card = self.cards[self._highlighted]
        card.set_highlighted(True)
        self.scroll_area.scroll_to(card)
        # Layout may settle after the screen is shown: scroll again once it has.
        QTimer.singleShot(0, lambda c=card: self.scroll_area.scroll_to(c))

    def _rebuild(self) -> None:
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.intro_label, self.empty_label):
                widget.hide()  # gone at once; deleted when the event loop next runs
                widget.deleteLater()
        self.cards = {}
        self.headings = []
        entries = list(self.repos.sources.list()) if self.repos is not None else []
        self.content_layout.addWidget(self.intro_label)
        self.content_layout.addWidget(self.empty_label)
        self.empty_label.setVisible(not entries)
        sections = self._passage_sections()
        by_kind: dict[str, list[SourceWithCitations]] = {}
        for entry in entries:
            by_kind.setdefault(entry.source.kind, []).append(entry)
        order = [k for k in _KIND_ORDER if k in by_kind] + sorted(
            k for k in by_kind if k not in _KIND_ORDER)
        for kind in order:
            heading = plain_label(kind_heading(kind), "heading")
            self.headings.append(heading.text())
            self.content_layout.addSpacing(16)
            self.content_layout.addWidget(heading)
            for entry in by_kind[kind]:
                card = SourceCard(entry, sections, lang=self.nav.language)
                card.itemRequested.connect(self.open_item)
                self.cards[entry.source.id] = card
                self.content_layout.addWidget(card)
        self._built_for = self.repos

    def open_item(self, item: CitingItem) -> None:
        """Show a citing item where visitors read it (a passage on its section's page)."""
        if item.kind == "passage":
            screen = _SECTION_SCREENS.get(self._sections.get(item.id, ""))
            if screen is not None:
                self.nav.go(screen)
            return
        target = _ITEM_SCREENS.get(item.kind)
        if target is None:
            return
        screen, argument = target
        if not argument:
            self.nav.go(screen)
        elif item.kind == "name":
            if item.id.isdigit():
                self.nav.go(screen, name_id=int(item.id))
        else:
            self.nav.go(screen, **{argument: item.id})

    def _passage_sections(self) -> dict[str, str]:
        """Passage id -> section, for the passages shown on a page of their own."""
        self._sections = {}
        if self.repos is not None:
            for section in _SECTION_SCREENS:
                for passage in self.repos.passages.section(section, self.nav.language):
                    self._sections[passage.id] = section
        return self._sections
