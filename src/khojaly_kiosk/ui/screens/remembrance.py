"""Remembrance: a dark field of candles, the remembrance passages, and "Light a candle"."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import PassageRecord
from khojaly_kiosk.ui.i18n import with_count
from khojaly_kiosk.ui.layout import scroll_page
from khojaly_kiosk.ui.loaded import LoadedKey
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.buttons import TouchButton
from khojaly_kiosk.ui.widgets.candle import CandleField
from khojaly_kiosk.ui.widgets.chips import SourceLine
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, plain_label

log = logging.getLogger(__name__)

#: Taps closer together than this light one candle, not many (a tap storm is one gesture).
DEBOUNCE_SECONDS = 1.0


class RemembranceScreen(ContentScreen):
    """Candles lit by visitors, with the passages of the "remembrance" section."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.passages: list[PassageRecord] = []
        self._last_lit: datetime | None = None
        self._lit_here = False
        self._failed = False
        self._count = 0
        self._loaded = LoadedKey()

        self.field = CandleField()
        self.total = plain_label("", "candleTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = plain_label("", "secondary")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.light_button = TouchButton("", "candle")
        self.light_button.setMinimumHeight(88)
        self.light_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.light_button.clicked.connect(self.light_candle)

        self.area, self.column = scroll_page(margins=(0, 0, 16, 0))
        self._passage_widgets: list[QWidget] = []
        self.column.addStretch(1)

        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.setSpacing(24)
        side_column.addWidget(self.area, 1)
        side_column.addWidget(self.total)
        side_column.addWidget(self.light_button)
        side_column.addWidget(self.status)

        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._body.setContentsMargins(96, 32, 96, 32)
        self._body.setSpacing(64)
        self._body.addWidget(self.field, 3)
        self._body.addWidget(side, 2)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Remembrance")

    def enter(self, **args: Any) -> None:
        # The passages change only with the archive or the language: entering again keeps
        # them (rebuilding their paragraphs and source lines cost ~10 ms a visit).
        if self._loaded.changed(self.repos, self.repos.passages, self.nav.language):
            self._fill_passages()
        self._lit_here = False
        self._failed = False
        self.refresh_total()

    def _fill_passages(self) -> None:
        self.passages = list(self.repos.passages.section("remembrance", self.nav.language))
        for widget in self._passage_widgets:
            self.column.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._passage_widgets = []
        for passage in self.passages:
            widgets: list[QWidget] = []
            if passage.title:
                widgets.append(plain_label(passage.title, "cardTitle"))
            widgets.append(ReadingParagraph(passage.body))
            source = SourceLine()
            source.set_source(passage.attribution, self.nav.language)
            source.sourceRequested.connect(self.nav.show_source)
            widgets.append(source)
            for widget in widgets:
                self.column.insertWidget(self.column.count() - 1, widget)
            self._passage_widgets += widgets

    def light_candle(self) -> None:
        """Light one candle, unless this tap follows the last within the debounce window."""
        now = self.services.clock()
        if self._last_lit is not None and (
                (now - self._last_lit).total_seconds() < DEBOUNCE_SECONDS):
            return
        self._last_lit = now
        try:
            self.services.candles.light()
        except Exception as exc:  # a full disk must not end the visit
            log.warning("A candle could not be recorded: %s", exc)
            self._failed = True
        else:
            self._lit_here = True
            self._failed = False
        self.refresh_total()

    def refresh_total(self) -> None:
        try:
            count = self.services.candles.count()
        except Exception as exc:
            log.warning("The candle count could not be read: %s", exc)
            count = 0
        self.field.set_count(count)
        self._count = count
        self.retranslate()

    def retranslate(self) -> None:
        count = self._count
        if count == 0:
            self.total.setText(self.tr("No candles have been lit yet."))
        else:
            self.total.setText(with_count(self.tr("%n candles lit", "", count), count,
                                          self.nav.language))
        self.light_button.setText(self.tr("Light a candle"))
        if self._failed:
            self.status.setText(self.tr("Your candle could not be kept just now."))
        elif self._lit_here:
            self.status.setText(self.tr("Your candle is lit."))
        else:
            self.status.setText("")
        for widget in self._passage_widgets:
            if isinstance(widget, SourceLine):
                widget.retranslate()

    def reset(self) -> None:
        self._lit_here = False
        self._failed = False
        self._last_lit = None
        self.area.scroll_to_top()
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.set_animated(not self.services.reduced_motion)

    def hideEvent(self, event: QHideEvent) -> None:
        # No painting work while the screen is not seen.
        self.field.set_animated(False)
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                else QBoxLayout.Direction.LeftToRight)
        # Portrait: the passages, their sources and the button need more of the height than
        # the candles do; with 3:2 the last source line was cut at the bottom of its area.
        self._body.setStretch(0, 2 if portrait else 3)
        self._body.setStretch(1, 3 if portrait else 2)
        super().resizeEvent(event)
