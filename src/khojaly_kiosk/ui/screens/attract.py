"""The attract loop: a calm cycle of the memorial title, chosen sentences and figures.

Quotes are the whole sentences the curator chose (``attract.toml``), never words of an item
with a content advisory, each shown with its credit; the loop sets their quotation marks. A
figure is shown only with the words that say what it counts ("The bloody massacre claimed
lives of / 613 / people"), never as a bare number with a noun.

The touch that wakes the kiosk only wakes it: the press and the release are both swallowed
here, and the shell switches screens on the release, so nothing underneath is activated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEasingCurve, QPointF, QPropertyAnimation, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QGraphicsOpacityEffect, QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import StatisticRecord
from khojaly_kiosk.ui.i18n import format_number
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import Screen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.theme import current_palette
from khojaly_kiosk.ui.widgets.credit import credit_text
from khojaly_kiosk.ui.widgets.text import plain_label

MAX_QUOTE_SLIDES = 8
MAX_STATISTIC_SLIDES = 4
FADE_MS = 250
MEASURE = 1280  # px: the widest a quote line may run


@dataclass(frozen=True)
class Slide:
    """One attract slide; ``kind`` is title, quote or statistic.

    ``prefix`` is read above ``main`` (a figure's predicate words), ``detail`` below it (a
    figure's label, the title's date), ``parts`` under that (a total's parts), ``credit`` last.
    """

    kind: str
    main: str
    detail: str = ""
    prefix: str = ""
    parts: str = ""
    credit: str = ""


def statistic_slide(statistic: StatisticRecord, parts: list[StatisticRecord],
                    lang: str, credit: str) -> Slide | None:
    """The slide of a figure with its meaning, or None when it may not stand alone.

    A figure from a sentence whose label does not carry the predicate ("people") needs the
    text's words before or after it; without them it is not shown.
    """
    if not statistic.show_alone or statistic.part_of:
        return None
    if statistic.sentence and not (statistic.words_before or statistic.words_after
                                   or " " in statistic.label):
        return None
    after = statistic.words_after
    detail = statistic.label if not after or after.endswith(":") else f"{statistic.label} {after}"
    lead = " ".join(p for p in (statistic.words_before, statistic.qualifier) if p)
    shown = "  ·  ".join(f"{format_number(p.value, lang)} {p.label}" for p in parts)
    if parts and after.endswith(":"):
        shown = f"{after} {shown}"
    return Slide("statistic", format_number(statistic.value, lang), detail, lead, shown, credit)


class CarnationMark(QWidget):
    """A single red carnation drawn as a few vector strokes (no clip art)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(96, 180)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        cx = w / 2
        stem = QPen(QColor("#4E5A50"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(stem)
        path = QPainterPath(QPointF(cx, h - 4))
        path.cubicTo(QPointF(cx - 6, h * 0.7), QPointF(cx + 4, h * 0.55), QPointF(cx, h * 0.38))
        p.drawPath(path)
        leaf = QPainterPath(QPointF(cx - 2, h * 0.72))
        leaf.quadTo(QPointF(cx - 30, h * 0.66), QPointF(cx - 36, h * 0.56))
        p.drawPath(leaf)
        # Calyx, then a ruffled head: overlapping petals fanning upward.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#4E5A50"))
        p.drawEllipse(QRectF(cx - 9, h * 0.33, 18, 26))
        accent = QColor(current_palette().accent)
        for i, angle in enumerate((-50, -25, 0, 25, 50)):
            p.save()
            p.translate(cx, h * 0.36)
            p.rotate(angle)
            p.setBrush(accent.darker(100 + i % 2 * 18))
            petal = QPainterPath(QPointF(0, 0))
            petal.cubicTo(QPointF(-22, -20), QPointF(-16, -50), QPointF(-6, -52))
            petal.lineTo(QPointF(0, -46))
            petal.lineTo(QPointF(6, -52))
            petal.cubicTo(QPointF(16, -50), QPointF(22, -20), QPointF(0, 0))
            p.drawPath(petal)
            p.restore()


class AttractScreen(Screen):
    """Full-window loop shown while nobody is at the kiosk; any touch emits ``woken``."""

    woken = Signal()

    def __init__(self, repos: ArchiveRepos | None, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(nav, parent)
        # None while the archive is still being opened at start: the title slide needs none.
        self.repos = repos
        self.services = services
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self._slides: list[Slide] = []
        self._index = 0
        self._press_seen = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(160, 96, 160, 72)
        layout.setSpacing(0)
        self.body = QWidget()
        self.body.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self._body_layout = body
        body.setSpacing(24)
        self.mark = CarnationMark()
        self.prefix_label = plain_label("", "subtitle")
        self.main_label = plain_label("", "title")
        self.detail_label = plain_label("", "subtitle")
        self.parts_label = plain_label("", "subtitle")
        self.credit_label = plain_label("", "caption")
        body.addStretch(1)
        body.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addSpacing(24)
        for label in (self.prefix_label, self.main_label, self.detail_label, self.parts_label,
                      self.credit_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            body.addWidget(label)
        body.addStretch(1)
        layout.addWidget(self.body, 1)
        self.touch_label = plain_label("", "secondary")
        self.touch_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.touch_label)

        # On only while a fade runs: a finished fade leaves the body's off-screen picture
        # (~5 MiB at 1920x1080) in QPixmapCache until the effect is switched off.
        self._effect = QGraphicsOpacityEffect(self.body)
        self._effect.setOpacity(1.0)
        self._effect.setEnabled(False)
        self.body.setGraphicsEffect(self._effect)
        self._fade = QPropertyAnimation(self._effect, b"opacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade_out = True
        self._fade.finished.connect(self._fade_step)
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, services.slide_seconds) * 1000)
        self._timer.timeout.connect(self.advance)
        self.retranslate()

    # --- Screen ----------------------------------------------------------------------------
    def enter(self, **args: Any) -> None:
        self._slides = self._build_slides()
        self._index = 0
        self._press_seen = False
        self._still()
        self._show_slide()
        self._timer.start()

    def reset(self) -> None:
        self._index = 0
        self._timer.stop()

    def set_repos(self, repos: ArchiveRepos | None) -> None:
        self.repos = repos

    def retranslate(self) -> None:
        self.touch_label.setText(self.tr("Touch to begin"))
        if self._slides:
            self._slides = self._build_slides()
            self._show_slide()

    # --- slides ----------------------------------------------------------------------------
    @property
    def slides(self) -> list[Slide]:
        return list(self._slides)

    @property
    def current_slide(self) -> Slide | None:
        return self._slides[self._index] if self._slides else None

    def _build_slides(self) -> list[Slide]:
        title = Slide("title", self.tr("Khojaly 1992"), self.tr("25–26 February 1992"))
        slides = [title]
        if self.repos is None:
            return slides
        lang = self.nav.language
        quote_slides = [
            # The sentence carries no quotation marks of its own (the reader refuses them).
            Slide("quote", f"“{q.text}”", credit=credit_text(q.attribution, lang))
            for q in self.repos.attract.quotes(lang)[:MAX_QUOTE_SLIDES]
        ]
        stats = list(self.repos.statistics.list(lang))
        stat_slides: list[Slide] = []
        for statistic in stats:
            parts = [p for p in stats if p.part_of == statistic.id]
            slide = statistic_slide(statistic, parts, lang,
                                    credit_text(statistic.attribution, lang))
            if slide is not None and len(stat_slides) < MAX_STATISTIC_SLIDES:
                stat_slides.append(slide)
        # Interleave, returning to the title every two rounds so the memorial name recurs.
        rounds = 0
        while quote_slides or stat_slides:
            if quote_slides:
                slides.append(quote_slides.pop(0))
            if stat_slides:
                slides.append(stat_slides.pop(0))
            rounds += 1
            if rounds % 2 == 0 and (quote_slides or stat_slides):
                slides.append(title)
        return slides

    def show_first(self, kind: str) -> bool:
        """Cut (no fade) to the first slide of ``kind`` ("title", "quote", "statistic"), as
        the tour renders it; False when the loop has none."""
        for index, slide in enumerate(self._slides):
            if slide.kind == kind:
                self._fade.stop()
                self._fade_out = False
                self._still()
                self._index = index
                self._show_slide()
                return True
        return False

    def advance(self) -> None:
        """Move to the next slide: a soft cross-fade, or a cut under reduced motion."""
        if not self._slides:
            return
        if self.services.reduced_motion or not self.isVisible():
            self._index = (self._index + 1) % len(self._slides)
            self._show_slide()
            return
        self._fade_out = True
        self._fade.stop()
        self._effect.setEnabled(True)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.start()

    def _fade_step(self) -> None:
        if not self._fade_out:
            self._still()  # faded in: drawn directly again
            return
        self._index = (self._index + 1) % len(self._slides)
        self._show_slide()
        self._fade_out = False
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.start()

    def _still(self) -> None:
        """No fade: the body fully shown and the effect off (its cached picture dropped)."""
        self._effect.setOpacity(1.0)
        self._effect.setEnabled(False)

    @property
    def fading(self) -> bool:
        """A cross-fade is under way (the opacity effect is on)."""
        return self._effect.isEnabled()

    def _show_slide(self) -> None:
        slide = self.current_slide
        if slide is None:
            return
        self.mark.setVisible(slide.kind == "title")
        style = {"title": "title", "quote": "quote", "statistic": "numeral"}[slide.kind]
        self.main_label.setProperty("textStyle", style)
        self.main_label.style().unpolish(self.main_label)
        self.main_label.style().polish(self.main_label)
        self.prefix_label.setText(slide.prefix)
        self.prefix_label.setVisible(bool(slide.prefix))
        self.main_label.setText(slide.main)
        self.detail_label.setText(slide.detail)
        self.detail_label.setVisible(bool(slide.detail))
        self.parts_label.setText(slide.parts)
        self.parts_label.setVisible(bool(slide.parts))
        self.credit_label.setText(self.tr("Source: %1").replace("%1", slide.credit)
                                  if slide.credit else "")
        self.credit_label.setVisible(bool(slide.credit))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Quotes read best at a bounded measure, however wide the screen.
        side = max(0, (self.body.width() - MEASURE) // 2)
        self._body_layout.setContentsMargins(side, 0, side, 0)

    # --- waking ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._slides:
            self._timer.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._timer.stop()
        self._fade.stop()
        self._still()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Swallowed: the waking touch must not reach anything else.
        self._press_seen = True
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._press_seen:
            self._press_seen = False
            self.woken.emit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()
        self.woken.emit()
