"""The source strip: the credit of what is on screen, set again on every screen change."""

from __future__ import annotations

from khojaly_kiosk.archive.records import Attribution
from khojaly_kiosk.ui.widgets.source_strip import SourceStrip
from tests.support.fakes import SOURCES


def test_the_same_credit_again_is_not_laid_out_again(qtbot, monkeypatch):
    strip = SourceStrip()
    qtbot.addWidget(strip)
    book, report = SOURCES[0], SOURCES[1]
    strip.set_source(Attribution(document=book), "en")
    shown = strip.text()
    assert book.title in shown
    rendered: list[object] = []
    real = strip.citation_label.set_credit
    monkeypatch.setattr(strip.citation_label, "set_credit",
                        lambda *a, **k: (rendered.append(a), real(*a, **k)))
    strip.set_source(Attribution(document=book), "en")  # back on a screen of the same book
    strip.set_source(book)  # a bare source is the same credit
    assert rendered == []
    assert strip.text() == shown
    strip.set_source(Attribution(document=report), "en")
    assert report.title in strip.text()
    strip.set_source(Attribution(document=report), "ru")  # another language: worded again
    assert len(rendered) == 2
