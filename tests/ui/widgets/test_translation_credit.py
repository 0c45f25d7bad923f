"""The credit line of a translated item (synthetic names only)."""

from __future__ import annotations

from khojaly_kiosk.archive.records import TranslationCredit
from khojaly_kiosk.ui.widgets.translation_credit import TranslationCreditLine
from tests.support.qt import tap

CREDIT = TranslationCredit("en", ("Test Translator A", "Test Translator B"),
                           ("Test Reviewer",), "2026-03-01")


def make_line(qtbot) -> TranslationCreditLine:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    line = TranslationCreditLine()
    QVBoxLayout(host).addWidget(line)
    host.show()
    line.host = host  # type: ignore[attr-defined]  # keeps the host alive with the line
    return line


def test_no_credit_no_line(qtbot):
    line = make_line(qtbot)
    assert not line.isVisible()


def test_credit_names_translators_and_reviewer_and_offers_the_original(qtbot):
    line = make_line(qtbot)
    line.set_credit(CREDIT)
    assert line.isVisible()
    assert line.label.text() == ("Translated from English by Test Translator A, Test "
                                 "Translator B. Reviewed by Test Reviewer.")
    assert line.button.text() == "Show the original"
    with qtbot.waitSignal(line.originalRequested) as signal:
        tap(line.button)
    assert signal.args == [True]
    line.set_credit(CREDIT, showing_original=True)
    assert (line.label.text(), line.button.text()) == (
        "The original, in English.", "Show the translation")
    with qtbot.waitSignal(line.originalRequested) as signal:
        tap(line.button)
    assert signal.args == [False]


def test_a_credit_without_names_still_says_it_is_a_translation(qtbot):
    line = make_line(qtbot)
    line.set_credit(TranslationCredit("az"))
    assert line.label.text() == "Translated from Azerbaijani."
