"""Live language switching and locale-aware numbers and dates."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QLabel

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.ui.i18n import (
    LANGUAGE_NAMES,
    Translations,
    format_date,
    format_day_range,
    format_number,
    format_span,
    locale_for,
    qm_path,
)

NBSP = "\u00a0"

_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{lang}" sourcelanguage="en">
<context>
    <name>Greeting</name>
    <message>
        <source>Touch to begin</source>
        <translation>{text}</translation>
    </message>
</context>
</TS>
"""


class Greeting(QLabel):
    """A test widget written the way screens are: English in tr(), re-set on LanguageChange."""

    def __init__(self) -> None:
        super().__init__()
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Touch to begin"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A tiny compiled catalogue for az and ru (no tr file: a broken install)."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for lang, text in (("az", "Başlamaq üçün toxunun"), ("ru", "Коснитесь, чтобы начать")):
        ts = tmp_path / f"khojaly_{lang}.ts"
        ts.write_text(_TS.format(lang=lang, text=text), encoding="utf-8")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm_path(lang, tmp_path))],
                       check=True)
    return tmp_path


@pytest.fixture
def translations(qapp, catalog):
    manager = Translations(catalog)
    default_locale = QLocale()
    yield manager
    manager.uninstall(qapp)
    QLocale.setDefault(default_locale)


def test_switching_language_changes_a_visible_string_live(qtbot, qapp, translations):
    label = Greeting()
    qtbot.addWidget(label)
    assert label.text() == "Touch to begin"
    with qtbot.waitSignal(translations.languageChanged):
        assert translations.switch(qapp, "az")
    qtbot.waitUntil(lambda: label.text() == "Başlamaq üçün toxunun")
    translations.switch(qapp, "ru")
    qtbot.waitUntil(lambda: label.text() == "Коснитесь, чтобы начать")
    assert translations.switch(qapp, "en")  # English is the source: no file needed
    qtbot.waitUntil(lambda: label.text() == "Touch to begin")
    assert translations.language == "en"


def test_switch_sets_the_default_locale(qapp, translations):
    translations.switch(qapp, "ru")
    assert QLocale().name() == "ru_RU"
    translations.switch(qapp, "az")
    assert QLocale().name() == "az_AZ"


def test_missing_translations_fall_back_to_english_and_are_logged(qtbot, qapp, translations,
                                                                  caplog):
    label = Greeting()
    qtbot.addWidget(label)
    translations.switch(qapp, "az")
    qtbot.waitUntil(lambda: label.text() != "Touch to begin")
    with caplog.at_level(logging.WARNING):
        assert translations.switch(qapp, "tr") is False
    qtbot.waitUntil(lambda: label.text() == "Touch to begin")
    assert "khojaly_tr.qm" in caplog.text
    assert translations.language == "tr"
    assert translations.available() == ["az", "en", "ru"]


def test_switching_to_the_same_language_is_silent(qtbot, qapp, translations):
    translations.switch(qapp, "az")
    with qtbot.assertNotEmitted(translations.languageChanged):
        assert translations.switch(qapp, "az")


def test_unknown_language_is_refused_with_a_readable_error(qapp, translations):
    with pytest.raises(InvalidInput) as err:
        translations.switch(qapp, "de")
    assert "de" in str(err.value) and "az, en, ru, tr" in err.value.hint


def test_language_names_are_written_in_each_language():
    assert LANGUAGE_NAMES == {"az": "Azərbaycan", "en": "English", "ru": "Русский",
                              "tr": "Türkçe"}


def test_locales():
    assert [locale_for(lang).name() for lang in ("az", "en", "ru", "tr")] == \
        ["az_AZ", "en_GB", "ru_RU", "tr_TR"]
    assert locale_for("az").script() == QLocale.Script.LatinScript


@pytest.mark.parametrize(("lang", "expected"), [
    ("az", "1.234.567"), ("en", "1,234,567"), ("ru", f"1{NBSP}234{NBSP}567"), ("tr", "1.234.567"),
])
def test_numbers_use_the_language_grouping(lang, expected):
    assert format_number(1234567, lang) == expected
    assert format_number(613, lang) == "613"


def test_fractions_use_the_language_decimal_mark():
    assert format_number(2.5, "az") == "2,5"
    assert format_number(2.5, "en") == "2.5"
    assert format_number(8.0, "ru") == "8"


@pytest.mark.parametrize("lang", ["az", "en", "ru", "tr"])
def test_a_year_alone_is_never_grouped(lang):
    assert format_date(1992, lang=lang) == "1992"


@pytest.mark.parametrize(("lang", "expected"), [
    ("az", "Fevral 1992"), ("en", "February 1992"), ("ru", "Февраль 1992 г."),
    ("tr", "Şubat 1992"),
])
def test_month_and_year(lang, expected):
    assert format_date(1992, 2, lang=lang) == expected


def test_azerbaijani_month_capital_keeps_the_dot_on_i():
    assert format_date(1992, 6, lang="az") == "İyun 1992"


@pytest.mark.parametrize(("lang", "expected"), [
    ("az", "26 fevral 1992"), ("en", "26 February 1992"), ("ru", "26 февраля 1992 г."),
    ("tr", "26 Şubat 1992"),
])
def test_full_dates_have_no_weekday(lang, expected):
    assert format_date(1992, 2, 26, lang) == expected


def test_day_range_in_one_month():
    assert format_day_range(1992, 2, 25, 26, "en") == "25–26 February 1992"
    assert format_day_range(1992, 2, 25, 26, "ru") == "25–26 февраля 1992 г."


def test_spans_of_partial_dates():
    assert format_span((1992, 2, 25), (1992, 2, 26), "az") == "25–26 fevral 1992"
    assert format_span((1988, None, None), (1994, None, None), "ru") == "1988 – 1994"
    assert format_span((1991, 10, None), (1992, 2, 26), "en") == \
        "October 1991 – 26 February 1992"
    assert format_span((1992, 2, 26), (1992, 2, 26), "tr") == "26 Şubat 1992"
    assert format_span((None, None, None), (None, None, None), "en") == ""
    assert format_span((None, None, None), (1994, None, None), "en") == "1994"
