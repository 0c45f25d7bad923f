"""The credit line of a translated item, and its original one tap away.

"Translated from English by A. Reviewed by B." beside a button "Show the original"; once
tapped, "The original, in English." beside "Show the translation". The screen fetches the
item in ``credit.source_language`` when ``originalRequested(True)`` is emitted (and in the
visitor's language again on ``False``). An item that has no translation shows no credit
line: the screen keeps its own "shown in its original language" note for that.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from khojaly_kiosk.archive.records import TranslationCredit
from khojaly_kiosk.ui.widgets.buttons import TouchButton
from khojaly_kiosk.ui.widgets.text import plain_label


class TranslationCreditLine(QWidget):
    """Hidden until ``set_credit`` gives a credit; ``originalRequested(bool)`` on a tap."""

    originalRequested = Signal(bool)  # True: show the original, False: the translation again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translationCredit")
        self.credit: TranslationCredit | None = None
        self.showing_original = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.label = plain_label("", "note")
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button = TouchButton("", "quiet")
        self.button.setObjectName("translationToggle")
        self.button.clicked.connect(self._toggle)
        row.addWidget(self.label, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.set_credit(None)

    def set_credit(self, credit: TranslationCredit | None, showing_original: bool = False) -> None:
        """The credit of the translation on screen (or of the one the original stands for)."""
        self.credit = credit
        self.showing_original = showing_original and credit is not None
        self.setVisible(credit is not None)
        self.retranslate()

    def retranslate(self) -> None:
        credit = self.credit
        if credit is None:
            self.label.setText("")
            return
        if self.showing_original:
            self.label.setText(self._original_sentence(credit.source_language))
            self.button.setText(self.tr("Show the translation"))
            return
        text = self._translated_sentence(credit.source_language, ", ".join(credit.translators))
        if credit.reviewers:
            text += " " + self.tr("Reviewed by %1.").replace("%1", ", ".join(credit.reviewers))
        self.label.setText(text)
        self.button.setText(self.tr("Show the original"))

    def _translated_sentence(self, language: str, names: str) -> str:
        # One whole sentence per source language: "from English" is declined differently
        # in Azerbaijani, Russian and Turkish.
        if names:
            by = {"en": self.tr("Translated from English by %1."),
                  "az": self.tr("Translated from Azerbaijani by %1."),
                  "ru": self.tr("Translated from Russian by %1."),
                  "tr": self.tr("Translated from Turkish by %1.")}
            return by.get(language, by["en"]).replace("%1", names)
        plain = {"en": self.tr("Translated from English."),
                 "az": self.tr("Translated from Azerbaijani."),
                 "ru": self.tr("Translated from Russian."),
                 "tr": self.tr("Translated from Turkish.")}
        return plain.get(language, plain["en"])

    def _original_sentence(self, language: str) -> str:
        original = {"en": self.tr("The original, in English."),
                    "az": self.tr("The original, in Azerbaijani."),
                    "ru": self.tr("The original, in Russian."),
                    "tr": self.tr("The original, in Turkish.")}
        return original.get(language, original["en"])

    def _toggle(self) -> None:
        if self.credit is not None:
            self.originalRequested.emit(not self.showing_original)
