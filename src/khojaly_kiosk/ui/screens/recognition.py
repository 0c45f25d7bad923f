"""Recognition: countries, US states and organisations, with date and instrument where given."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import RecognitionRecord
from khojaly_kiosk.ui.layout import empty_state, replace_body, scroll_page
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.grouped import build_grouped_body
from khojaly_kiosk.ui.widgets.text import plain_label

#: The order of the groups on screen; other kinds follow in archive order.
KIND_ORDER = ("country", "us_state", "organisation")


def by_kind(records: list[RecognitionRecord]) -> dict[str, list[RecognitionRecord]]:
    groups: dict[str, list[RecognitionRecord]] = {kind: [] for kind in KIND_ORDER}
    for record in records:
        groups.setdefault(record.kind, []).append(record)
    return {kind: items for kind, items in groups.items() if items}


class RecognitionCard(QFrame):
    """Name, the body that adopted the text, and date · instrument when the source gives them."""

    def __init__(self, record: RecognitionRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        # Static: a rule above and no surface, since a tap on it would lead nowhere.
        self.setProperty("entry", True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 20, 0, 20)
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


class RecognitionScreen(ContentScreen):
    """Who has recognised the massacre, as the sources list them."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self._loaded = LoadedKey()
        self.records: list[RecognitionRecord] = []
        self.cards: list[RecognitionCard] = []
        self._headings: list[tuple[str, QLabel]] = []
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
        built = build_grouped_body(by_kind(self.records), RecognitionCard, 400,
                                   self.nav.show_source, self.nav.language)
        self.cards = list(built.tiles)
        self._headings, self._source_lines = built.headings, built.source_lines
        self.body = replace_body(self.column, self.body, built.widget)
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
