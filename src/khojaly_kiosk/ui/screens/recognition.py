"""Recognition: countries, US states and organisations, with date and instrument where given."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import RecognitionRecord, SourceRecord
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screens.base import Screen
from khojaly_kiosk.ui.screens.commemoration import empty_state, scroll_page
from khojaly_kiosk.ui.screens.loaded import LoadedKey
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.stat_tile import TileGrid
from khojaly_kiosk.ui.widgets.text import divider, plain_label

#: The order of the groups on screen; other kinds follow in archive order.
KIND_ORDER = ("country", "us_state", "organisation")


def by_kind(records: list[RecognitionRecord]) -> dict[str, list[RecognitionRecord]]:
    groups: dict[str, list[RecognitionRecord]] = {kind: [] for kind in KIND_ORDER}
    for record in records:
        groups.setdefault(record.kind, []).append(record)
    return {kind: items for kind, items in groups.items() if items}


def sources_of(records: list[Any]) -> list[SourceRecord]:
    """The distinct sources of ``records``, in order of first use."""
    seen: dict[str, SourceRecord] = {}
    for record in records:
        if record.source is not None:
            seen.setdefault(record.source.id, record.source)
    return list(seen.values())


class RecognitionCard(QFrame):
    """Name, the body that adopted the text, and date · instrument when the source gives them."""

    def __init__(self, record: RecognitionRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setProperty("card", True)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(8)
        self.name = plain_label(record.name, "cardTitle")
        column.addWidget(self.name)
        self.body = plain_label(record.body, "secondary")
        self.body.setVisible(bool(record.body))
        column.addWidget(self.body)
        details = [p for p in (record.date, record.instrument) if p]
        self.details = plain_label("   ·   ".join(details), "body")
        self.details.setVisible(bool(details))
        column.addWidget(self.details)
        column.addStretch(1)


class RecognitionScreen(Screen):
    """Who has recognised the massacre, as the sources list them."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(nav, parent)
        self.setObjectName("Screen")  # base.qss paints screens in the background colour
        self.repos = repos
        self.services = services
        self._loaded = LoadedKey()
        self.records: list[RecognitionRecord] = []
        self.cards: list[RecognitionCard] = []
        self._headings: list[tuple[str, QWidget]] = []
        self._source_lines: list[SourceLine] = []
        self.area, self.column = scroll_page()
        self.empty = empty_state()
        self.body = QWidget()
        self.column.addWidget(self.empty)
        self.column.addWidget(self.body)
        self.column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Recognition")

    def enter(self, **args: Any) -> None:
        if not self._loaded.changed(self.repos, self.repos.recognitions, self.nav.language):
            return
        self.records = list(self.repos.recognitions.list(self.nav.language))
        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(24)
        self.cards, self._headings, self._source_lines = [], [], []
        for kind, items in by_kind(self.records).items():
            heading = plain_label("", "groupHeading")
            self._headings.append((kind, heading))
            rows.addSpacing(24)
            rows.addWidget(heading)
            rows.addWidget(divider())
            grid = TileGrid(min_width=400, max_columns=4)
            cards = [RecognitionCard(r) for r in items]
            grid.set_tiles(list(cards))
            self.cards.extend(cards)
            rows.addWidget(grid)
            for source in sources_of(items):
                line = SourceLine()
                line.set_source(source)
                line.sourceRequested.connect(self.nav.show_source)
                self._source_lines.append(line)
                rows.addWidget(line)
        self.column.replaceWidget(self.body, body)
        self.body.hide()  # gone at once; deleted when the event loop next runs
        self.body.deleteLater()
        self.body = body
        self.empty.setVisible(not self.records)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No recognitions are recorded in this archive yet."))
        names = {
            "country": self.tr("Countries"),
            "us_state": self.tr("US states"),
            "organisation": self.tr("Organisations"),
        }
        for kind, heading in self._headings:
            count = sum(1 for r in self.records if r.kind == kind)
            title = names.get(kind, kind.replace("_", " ").capitalize())
            heading.setText(f"{title}  ({count})")
        for line in self._source_lines:
            line.retranslate()

    def reset(self) -> None:
        self.area.scroll_to_top()
