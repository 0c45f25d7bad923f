"""The four language buttons: each named in itself, the current one marked beyond colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from khojaly_kiosk.ui.widgets.language_picker import LanguagePicker


@pytest.fixture
def picker(qtbot) -> LanguagePicker:
    widget = LanguagePicker("az")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def marked(picker: LanguagePicker) -> list[str]:
    """Languages drawn bold and underlined (what a colour-blind visitor can still see)."""
    return [lang for lang in ("az", "en", "ru", "tr")
            if picker.button(lang).font().bold() and picker.button(lang).font().underline()]


def test_each_language_is_named_in_itself(picker):
    names = [picker.button(lang).text() for lang in ("az", "en", "ru", "tr")]
    assert names == ["Azərbaycan", "English", "Русский", "Türkçe"]


def test_current_language_is_bold_underlined_and_checked(picker):
    assert marked(picker) == ["az"]
    assert picker.button("az").isChecked()
    assert not picker.button("ru").isChecked()


def test_tapping_another_language_emits_and_moves_the_mark(qtbot, picker):
    with qtbot.waitSignal(picker.languageChosen) as blocker:
        qtbot.mouseClick(picker.button("ru"), Qt.MouseButton.LeftButton)
    assert blocker.args == ["ru"]
    assert marked(picker) == ["ru"]
    assert picker.current() == "ru"


def test_tapping_the_current_language_changes_nothing(qtbot, picker):
    with qtbot.assertNotEmitted(picker.languageChosen):
        qtbot.mouseClick(picker.button("az"), Qt.MouseButton.LeftButton)
    assert marked(picker) == ["az"]
    assert picker.button("az").isChecked()


def test_set_current_marks_without_emitting(qtbot, picker):
    with qtbot.assertNotEmitted(picker.languageChosen):
        picker.set_current("tr")
    assert marked(picker) == ["tr"]
    with pytest.raises(ValueError):
        picker.set_current("de")


def test_marking_a_language_does_not_shift_the_row(qtbot, picker):
    before = [picker.button(lang).geometry() for lang in ("az", "en", "ru", "tr")]
    for lang in ("en", "ru", "tr", "az"):
        picker.set_current(lang)
        qtbot.wait(1)
        assert [picker.button(code).geometry() for code in ("az", "en", "ru", "tr")] == before


def test_buttons_are_large_enough_to_touch(picker):
    for lang in ("az", "en", "ru", "tr"):
        size = picker.button(lang).size()
        assert size.width() >= 64 and size.height() >= 64


def test_current_language_looks_different_from_the_others(picker):
    before = picker.button("en").grab().toImage()
    picker.set_current("en")
    assert picker.button("en").grab().toImage() != before


def test_compact_picker_shows_codes_and_keeps_full_names_for_screen_readers(qtbot):
    widget = LanguagePicker("en", compact=True)
    qtbot.addWidget(widget)
    assert [widget.button(lang).text() for lang in ("az", "en", "ru", "tr")] == \
        ["AZ", "EN", "RU", "TR"]
    assert widget.button("ru").accessibleName() == "Русский"


def test_high_contrast_restyles_the_buttons(picker):
    normal = picker.button("en").grab().toImage()
    picker.set_high_contrast(True)
    assert picker.button("en").grab().toImage() != normal
    assert picker.button("az").font().bold()  # the mark survives the restyle
