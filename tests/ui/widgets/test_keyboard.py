"""The on-screen keyboard, driven by mouse clicks on its keys as a visitor's finger would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from khojaly_kiosk.ui.widgets.keyboard import KeyButton, OnScreenKeyboard
from khojaly_kiosk.ui.widgets.keyboard_layouts import LAYOUTS
from tests.support.qt import shown

# Full alphabets written out by hand (not derived from the layouts under test).
ALPHABETS = {
    "az": ("abcçdeəfgğhxıijkqlmnoöprsştuüvyz", "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"),
    "en": ("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "ru": ("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
    "tr": ("abcçdefgğhıijklmnoöprsştuüvyz", "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"),
}


@pytest.fixture
def keyboard(qtbot) -> OnScreenKeyboard:
    return shown(qtbot, OnScreenKeyboard(), 1920, 480)


def click(qtbot, key: KeyButton) -> None:
    qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def type_char(qtbot, board: OnScreenKeyboard, char: str) -> None:
    """Type ``char`` the way a visitor would: shift first if only the shifted key shows it."""
    key = board.key_for(char)
    assert key is not None, f"no key types {char!r} on the {board.layout_code()} layout"
    if key.property("lower") != char:
        click(qtbot, board.shift_key)
    assert key.text() == char  # the key shows what it will type
    click(qtbot, key)


@pytest.mark.parametrize("lang", ["az", "en", "ru", "tr"])
def test_every_letter_of_the_alphabet_can_be_typed_lower_and_upper(qtbot, keyboard, lang):
    keyboard.set_layout(lang)
    lower, upper = ALPHABETS[lang]
    for char in lower + upper:
        type_char(qtbot, keyboard, char)
    assert keyboard.text() == lower + upper


@pytest.mark.parametrize("lang", ["az", "tr"])
def test_dotted_and_dotless_i_keep_their_own_capitals(qtbot, keyboard, lang):
    keyboard.set_layout(lang)
    for char in ("i", "ı"):
        click(qtbot, keyboard.shift_key)
        click(qtbot, keyboard.key_for(char))
    assert keyboard.text() == "İI"


def test_russian_layout_has_yo_and_hard_sign(qtbot, keyboard):
    keyboard.set_layout("ru")
    for char in "ёъ":
        click(qtbot, keyboard.key_for(char))
    click(qtbot, keyboard.shift_key)
    click(qtbot, keyboard.key_for("ё"))
    assert keyboard.text() == "ёъЁ"


def test_shift_applies_to_one_letter_and_shows_capitals_while_on(qtbot, keyboard):
    key = keyboard.key_for("ə")
    click(qtbot, keyboard.shift_key)
    assert keyboard.shift_key.isChecked()
    assert key.text() == "Ə"
    click(qtbot, key)
    click(qtbot, key)
    assert keyboard.text() == "Əə"
    assert not keyboard.shift_key.isChecked()
    assert key.text() == "ə"


def test_shift_pressed_twice_turns_capitals_off(qtbot, keyboard):
    click(qtbot, keyboard.shift_key)
    click(qtbot, keyboard.shift_key)
    click(qtbot, keyboard.key_for("a"))
    assert keyboard.text() == "a"


def test_space_backspace_and_clear(qtbot, keyboard):
    changes: list[str] = []
    keyboard.textChanged.connect(changes.append)
    for char in "əli":
        click(qtbot, keyboard.key_for(char))
    click(qtbot, keyboard.space_key)
    click(qtbot, keyboard.key_for("q"))
    assert keyboard.text() == "əli q"
    click(qtbot, keyboard.backspace_key)
    assert keyboard.text() == "əli "
    click(qtbot, keyboard.clear_key)
    assert keyboard.text() == ""
    assert changes == ["ə", "əl", "əli", "əli ", "əli q", "əli ", ""]
    click(qtbot, keyboard.backspace_key)  # nothing left to delete: no error, no signal
    assert changes[-1] == "" and len(changes) == 7


def test_submit_key_emits_the_text(qtbot, keyboard):
    for char in "qax":
        click(qtbot, keyboard.key_for(char))
    with qtbot.waitSignal(keyboard.submitted) as blocker:
        click(qtbot, keyboard.submit_key)
    assert blocker.args == ["qax"]


def test_each_layout_is_one_tap_away_on_a_key_that_never_moves(qtbot, keyboard):
    places = {code: key.geometry() for code, key in keyboard.layout_keys.items()}
    for code in ("ru", "az", "tr", "en", "en"):
        click(qtbot, keyboard.layout_keys[code])
        assert keyboard.layout_code() == code
        # The current layout's key is checked (and looks it: see the style test below).
        assert [c for c, key in keyboard.layout_keys.items() if key.isChecked()] == [code]
        assert {c: key.geometry() for c, key in keyboard.layout_keys.items()} == places
    assert keyboard.key_for("w") is not None and keyboard.key_for("ə") is None
    click(qtbot, keyboard.layout_keys["az"])
    assert keyboard.key_for("ə") is not None


@pytest.mark.parametrize("lang", ["az", "en", "ru", "tr"])
def test_a_digits_row_types_digits_in_every_layout(qtbot, keyboard, lang):
    keyboard.set_layout(lang)
    for digit in "1992":
        click(qtbot, keyboard.key_for(digit))
    assert keyboard.text() == "1992"
    tops = {key.geometry().top() for key in keyboard.digit_keys}
    assert len(tops) == 1 and tops.pop() < keyboard.shift_key.geometry().top()


def test_the_current_layout_key_is_marked_by_a_shape_not_only_a_colour(qtbot, keyboard):
    key = keyboard.layout_keys["en"]
    plain = key.grab().toImage()
    click(qtbot, key)
    marked = key.grab().toImage()
    # A thick underline: the bottom rows of the key change, well inside the key's width.
    bottom = [marked.pixelColor(x, marked.height() - 3) != plain.pixelColor(x, plain.height() - 3)
              for x in range(8, marked.width() - 8)]
    assert sum(bottom) > len(bottom) * 0.8


def test_set_layout_keeps_the_text_and_rejects_unknown_layouts(qtbot, keyboard):
    click(qtbot, keyboard.key_for("ş"))
    with qtbot.waitSignal(keyboard.layoutChanged) as blocker:
        keyboard.set_layout("ru")
    assert blocker.args == ["ru"]
    click(qtbot, keyboard.key_for("ж"))
    assert keyboard.text() == "şж"
    with pytest.raises(ValueError):
        keyboard.set_layout("de")


def test_setting_the_shown_layout_again_keeps_its_keys(qtbot, keyboard):
    keyboard.set_layout("az")
    key = keyboard.key_for("ə")
    with qtbot.assertNotEmitted(keyboard.layoutChanged):
        keyboard.set_layout("az")  # every visit to the names screen does this
    assert keyboard.key_for("ə") is key


@pytest.mark.parametrize(("width", "height", "smallest"),
                         [(1920, 480, 64), (1728, 440, 64), (1080, 420, 48)])
@pytest.mark.parametrize("lang", ["az", "en", "ru", "tr"])
def test_keys_are_large_and_do_not_overlap(qtbot, keyboard, lang, width, height, smallest):
    keyboard.set_layout(lang)
    keyboard.resize(width, height)
    rects = [key.geometry() for key in keyboard.all_keys()]
    for key, rect in zip(keyboard.all_keys(), rects, strict=True):
        assert rect.width() >= smallest and rect.height() >= smallest, key.text()
        assert keyboard.rect().contains(rect), key.text()
    for index, rect in enumerate(rects):
        assert not any(rect.intersects(other) for other in rects[index + 1:])


# The offscreen platform warns that it cannot resize native windows to layout hints.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_keys_never_take_focus_from_the_field(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit()
    ordinary = QPushButton("ordinary")  # takes focus on click: shows the check can fail
    board = OnScreenKeyboard()
    column = QVBoxLayout(window)
    for widget in (field, ordinary, board):
        column.addWidget(widget)
    window.resize(1920, 700)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    board.attach(field)
    for char in "xan":
        click(qtbot, board.key_for(char))
    for key in (board.layout_keys["en"], board.shift_key, board.space_key, board.backspace_key):
        click(qtbot, key)
    assert window.focusWidget() is field
    assert field.text() == "xan"
    click(qtbot, ordinary)
    assert window.focusWidget() is ordinary


def test_attached_field_is_edited_at_its_cursor(qtbot, keyboard):
    field = QLineEdit("Səvinc")
    qtbot.addWidget(field)
    keyboard.attach(field)
    field.setCursorPosition(0)
    with qtbot.waitSignal(keyboard.textChanged) as blocker:
        click(qtbot, keyboard.key_for("ə"))
    assert field.text() == "əSəvinc"
    assert blocker.args == ["əSəvinc"]
    assert keyboard.text() == "əSəvinc"
    click(qtbot, keyboard.backspace_key)
    assert field.text() == "Səvinc"
    click(qtbot, keyboard.clear_key)
    assert field.text() == "" and keyboard.text() == ""
    keyboard.attach(None)
    click(qtbot, keyboard.key_for("a"))
    assert field.text() == "" and keyboard.text() == "a"


def test_pressed_key_looks_different(qtbot, keyboard):
    key = keyboard.key_for("ə")
    idle = key.grab().toImage()
    key.setDown(True)
    pressed = key.grab().toImage()
    key.setDown(False)
    assert idle != pressed
    assert key.grab().toImage() == idle


def test_every_key_has_a_visible_label_or_icon_and_an_accessible_name(keyboard):
    for key in keyboard.all_keys():
        assert key.text() or not key.icon().isNull()
        assert key.accessibleName()


def test_layouts_type_each_character_from_exactly_one_key():
    for layout in LAYOUTS.values():
        lowers = "".join(layout.lower)
        assert len(set(lowers)) == len(lowers), layout.code
        assert [len(row) for row in layout.lower] == [len(row) for row in layout.upper]


def test_high_contrast_redraws_the_keys(keyboard):
    key = keyboard.key_for("a")
    normal = key.grab().toImage()
    keyboard.set_high_contrast(True)
    contrast = key.grab().toImage()
    assert contrast != normal
    assert contrast.pixelColor(contrast.width() // 2, 4).lightness() < \
        normal.pixelColor(normal.width() // 2, 4).lightness()  # darker surface
    keyboard.set_high_contrast(False)
    assert key.grab().toImage() == normal


def test_the_keyboard_follows_the_visitors_contrast_tap(shell, qtbot):
    """The names keyboard takes the high-contrast palette with the rest of the screen (the
    contrast tap re-polishes the window; nobody calls set_high_contrast)."""
    from khojaly_kiosk.ui import navigation as keys
    from khojaly_kiosk.ui.theme import palette
    from tests.support.qt import settle

    shell.go(keys.NAMES)
    settle(shell, qtbot)
    board = shell.current_screen().keyboard
    board.show()
    settle(shell, qtbot)
    assert palette(False).surface in board.styleSheet()
    shell.accessibility.set_high_contrast(True)
    qtbot.waitUntil(lambda: palette(True).surface in board.styleSheet(), timeout=3000)
    shell.accessibility.set_high_contrast(False)
    qtbot.waitUntil(lambda: palette(False).surface in board.styleSheet(), timeout=3000)
