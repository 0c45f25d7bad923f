"""Testimonies: filter chips by group and a grid of cards; a card opens the reader."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import TestimonySummary
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.buttons import ChipButton, FlowLayout
from khojaly_kiosk.ui.widgets.cards import TestimonyCard
from khojaly_kiosk.ui.widgets.scrolling import KineticScrollArea
from khojaly_kiosk.ui.widgets.text import plain_label

GROUPS = ("", "survivors", "rescuers_officials", "journalists", "human_rights")  # "" = All
CARD_MIN_WIDTH = 560
GUTTER = 24
SCROLLBAR = 8  # px, base.qss


def advisory_text(level: str) -> str:
    """The words on an advisory badge (never colour alone): the level's own wording."""
    if level == "graphic":
        return QCoreApplication.translate("Advisory", "Advisory: graphic descriptions")
    if level == "distressing":
        return QCoreApplication.translate("Advisory", "Advisory: distressing")
    return ""


class TestimoniesScreen(ContentScreen):
    """Cards for every testimony in the chosen group."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self._group = ""
        self._loaded = LoadedKey()
        self._items: list[TestimonySummary] = []
        self.cards: list[TestimonyCard] = []
        self._columns = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 32, 96, 0)
        layout.setSpacing(24)
        chip_host = QWidget()
        chips = FlowLayout(chip_host)
        self.chip_group = QButtonGroup(self)
        self.chips: dict[str, ChipButton] = {}
        for group in GROUPS:
            chip = ChipButton()
            chip.setObjectName(f"chip-{group or 'all'}")
            chip.clicked.connect(lambda _c=False, g=group: self.set_group(g))
            self.chip_group.addButton(chip)
            self.chips[group] = chip
            chips.addWidget(chip)
        layout.addWidget(chip_host)
        self.scroll_area = KineticScrollArea()
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 48)
        self.grid.setSpacing(GUTTER)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area.setWidget(self.grid_host)
        self.scroll_area.installEventFilter(self)
        self.empty_label = plain_label("", "secondary")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll_area, 1)
        self.chips[""].setChecked(True)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Testimonies")

    def enter(self, **args: Any) -> None:
        group = args.get("group")
        if group is not None and group in GROUPS:
            self._group = group
            self.chips[group].setChecked(True)
        self._reload()

    def reset(self) -> None:
        self._group = ""
        self.chips[""].setChecked(True)
        self.scroll_area.scroll_to_top()

    def set_group(self, group: str) -> None:
        """Show only ``group`` ("" for all)."""
        self._group = group
        self.chips[group].setChecked(True)
        self._reload()
        self.scroll_area.scroll_to_top()

    def retranslate(self) -> None:
        names = {
            "": self.tr("All"),
            "survivors": self.tr("Survivors"),
            "rescuers_officials": self.tr("Rescuers and officials"),
            "journalists": self.tr("Journalists"),
            "human_rights": self.tr("Human-rights reports"),
        }
        for group, chip in self.chips.items():
            chip.setText(names[group])
        self.empty_label.setText(self.tr("There are no testimonies in this group yet."))
        if self.cards:
            self._rebuild_cards()

    def _reload(self) -> None:
        repo = self.repos.testimonies if self.repos is not None else None
        if not self._loaded.changed(self.repos, repo, self.nav.language, self._group):
            return  # the same cards as last time: entering again costs nothing
        if self.repos is None:
            self._items = []
        else:
            self._items = list(self.repos.testimonies.list(self.nav.language,
                                                          self._group or None))
        self._rebuild_cards()

    def _rebuild_cards(self) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            card.hide()  # gone at once; deleted when the event loop next runs
            card.deleteLater()
        self.cards = []
        note = self.tr("Shown in its original language")
        for item in self._items:
            card = TestimonyCard(item.id, item.person_name, item.role, item.excerpt,
                                 advisory_text(item.advisory),
                                 "" if item.translated else note,
                                 credit=item.attribution, lang=self.nav.language)
            card.clicked.connect(lambda tid=item.id: self.open(tid))
            self.cards.append(card)
        self._columns = 0
        self._place_cards()
        self.empty_label.setVisible(not self._items)
        self.scroll_area.setVisible(bool(self._items))

    def _place_cards(self) -> None:
        # The scroll area's width, not the viewport's: a scrollbar coming and going must not
        # change the column count (that could make the layout flip back and forth).
        width = self.scroll_area.width() - SCROLLBAR
        columns = max(1, min(3, (width + GUTTER) // (CARD_MIN_WIDTH + GUTTER)))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns)
        for col in range(3):
            self.grid.setColumnStretch(col, 1 if col < columns else 0)

    def open(self, testimony_id: str) -> None:
        self.nav.go(keys.TESTIMONY_READER, testimony_id=testimony_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The area's width decides the columns; it is only known once laid out.
        if watched is self.scroll_area and event.type() == QEvent.Type.Resize:
            self._place_cards()
        return False
