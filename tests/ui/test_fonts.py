"""The bundled Noto fonts draw every letter of the four alphabets and every translated string.

Checked with QRawFont on the font file itself: QFontMetrics.inFontUcs4 answers through Qt's
font fallback and says yes to almost anything, so it cannot catch a missing glyph.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QRawFont

from khojaly_kiosk.resources import resource_path
from khojaly_kiosk.ui.i18n import LANGUAGE_NAMES, format_date, format_number
from khojaly_kiosk.ui.widgets.keyboard_layouts import LAYOUTS

FONT_FILES = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
              "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf"]

ALPHABETS = {
    "az": "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ",
    "en": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ",
}
# Digits and the punctuation our formatting and typography use (en dash for ranges,
# no-break spaces in Russian numbers, guillemets and quotes in ru/az/tr text).
COMMON = "0123456789 .,;:!?-–—'’‘\"“”«»„()/%№…\u00a0\u202f"


@cache
def raw_font(name: str) -> QRawFont:
    font = QRawFont(resource_path("fonts", name).read_bytes(), 24)
    assert font.isValid(), name
    return font


def missing(font: QRawFont, text: str) -> list[str]:
    # ord(): the str overload converts through QChar and wrongly says no beyond Latin-1.
    return sorted({char for char in text if char not in "\n\t" and
                   not font.supportsCharacter(ord(char))})


def translated_text() -> str:
    parts = []
    for ts in sorted(resource_path("translations").glob("khojaly_*.ts")):
        root = ET.parse(ts).getroot()
        parts.extend(node.text or "" for node in root.iter("translation"))
        parts.extend(node.text or "" for node in root.iter("numerusform"))
    return "".join(parts)


@pytest.mark.parametrize("name", FONT_FILES)
@pytest.mark.parametrize("lang", ["az", "en", "ru", "tr"])
def test_every_letter_of_the_alphabet_is_in_the_font(qapp, name, lang):
    assert missing(raw_font(name), ALPHABETS[lang] + COMMON) == []


@pytest.mark.parametrize("name", FONT_FILES)
def test_language_names_keyboard_and_formatted_dates_are_in_the_font(qapp, name):
    text = "".join(LANGUAGE_NAMES.values())
    text += "".join(layout.letters() + layout.name for layout in LAYOUTS.values())
    for lang in LANGUAGE_NAMES:
        text += format_number(1234567.5, lang)
        text += "".join(format_date(1992, month, 26, lang) + format_date(1992, month, lang=lang)
                        for month in range(1, 13))
    assert missing(raw_font(name), text) == []


@pytest.mark.parametrize("name", ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                                  "NotoSerif-Regular.ttf"])
def test_every_translated_ui_string_is_in_the_font(qapp, name):
    text = translated_text()
    assert len(text) > 100  # the catalogues exist and were read
    assert missing(raw_font(name), text) == []


def test_the_check_notices_a_missing_glyph(qapp):
    # U+232B (erase to the left) and U+25B8 (small triangle) are not in Noto Sans: UI code must
    # draw such symbols instead of typing them.
    assert set(missing(raw_font("NotoSans-Regular.ttf"), "a⌫▸")) == {"▸", "⌫"}


def test_fonts_register_under_their_family_names(qapp):
    families = set()
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        assert font_id >= 0, name
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    assert {"Noto Sans", "Noto Serif"} <= families


def test_licence_ships_with_the_fonts():
    assert "SIL Open Font License" in Path(resource_path("fonts", "OFL.txt")).read_text()
