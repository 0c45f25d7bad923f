"""The attract loop: a calm cycle of the memorial title, testimony excerpts and statistics.

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
from khojaly_kiosk.ui.i18n import format_number
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.theme import current_palette
from khojaly_kiosk.ui.widgets.cards import excerpt
from khojaly_kiosk.ui.widgets.text import plain_label

MAX_TESTIMONY_SLIDES = 6
MAX_STATISTIC_SLIDES = 4
FADE_MS = 250
MEASURE = 1280  # px: the widest a quote line may run


@dataclass(frozen=True)
class Slide:
    """One attract slide; ``kind`` is title, quote or statistic."""

    kind: str
    main: str
    detail: str = ""
    prefix: str = ""


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


class AttractScreen(ContentScreen):
    """Full-window loop shown while nobody is at the kiosk; any touch emits ``woken``."""

    woken = Signal()

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
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
        body.addStretch(1)
        body.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addSpacing(24)
        for label in (self.prefix_label, self.main_label, self.detail_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            body.addWidget(label)
        body.addStretch(1)
        layout.addWidget(self.body, 1)
        self.touch_label = plain_label("", "secondary")
        self.touch_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.touch_label)

        self._effect = QGraphicsOpacityEffect(self.body)
        self._effect.setOpacity(1.0)
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
        self._effect.setOpacity(1.0)
        self._show_slide()
        self._timer.start()

    def reset(self) -> None:
        self._index = 0
        self._timer.stop()

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
        quotes = [t for t in self.repos.testimonies.list(lang) if t.excerpt]
        stats = list(self.repos.statistics.list(lang))
        quote_slides = [
            Slide("quote", "“" + excerpt(t.excerpt, 180) + "”",
                  ", ".join(x for x in (t.person_name, t.role) if x))
            for t in quotes[:MAX_TESTIMONY_SLIDES]
        ]
        stat_slides = [
            Slide("statistic", format_number(s.value, lang), s.label, s.qualifier)
            for s in stats[:MAX_STATISTIC_SLIDES]
        ]
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
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.start()

    def _fade_step(self) -> None:
        if not self._fade_out:
            return
        self._index = (self._index + 1) % len(self._slides)
        self._show_slide()
        self._fade_out = False
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.start()

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
        self._effect.setOpacity(1.0)

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
