"""The advisory card: what the account describes, two choices of equal weight (synthetic)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from khojaly_kiosk.ui.widgets.advisory import AdvisoryCard, advisory_message


def test_the_levels_say_different_things_and_name_the_witness() -> None:
    graphic = advisory_message("graphic", "Test Witness")
    distressing = advisory_message("distressing", "Test Witness")
    assert graphic != distressing and "Test Witness" in graphic and "Test Witness" in distressing
    assert "graphic" in graphic and "graphic" not in distressing
    assert advisory_message("graphic", "").startswith("This account")


def test_choices_stack_when_a_long_label_does_not_fit_beside_the_other(qtbot, themed) -> None:
    card = AdvisoryCard(compact=True)
    qtbot.addWidget(card)
    card.set_item("Test Witness", "graphic")
    card.resize(1400, 500)
    card.show()
    QApplication.processEvents()
    assert not card.buttons_stacked()
    card.set_back_text("A somewhat longer synthetic choice", forward=True)
    card.resize(700, 700)
    QApplication.processEvents()
    assert card.buttons_stacked()
    back, read = card.back_button, card.continue_button
    assert back.width() == read.width()  # still equal weight, one above the other
    assert back.sizeHint().width() <= back.width()
