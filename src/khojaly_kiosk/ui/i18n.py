"""The visitor's language: Qt translators for UI strings, and locale-aware numbers and dates.

UI strings are written in English in ``self.tr()`` and translated through
``resources/translations/khojaly_<lang>.qm`` (built by ``tools/update_translations.py``).
Content (testimonies, names, timeline text) is never translated here: it comes from the archive
in the visitor's language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTranslator, Signal

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.resources import resource_path
from khojaly_kiosk.settings import LANGUAGES

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "az"

# Each language named in itself, as a visitor looks for it.
LANGUAGE_NAMES: dict[str, str] = {
    "az": "Azərbaycan",
    "en": "English",
    "ru": "Русский",
    "tr": "Türkçe",
}

_LOCALES: dict[str, tuple[QLocale.Language, QLocale.Script, QLocale.Country]] = {
    "az": (QLocale.Language.Azerbaijani, QLocale.Script.LatinScript, QLocale.Country.Azerbaijan),
    "en": (QLocale.Language.English, QLocale.Script.LatinScript, QLocale.Country.UnitedKingdom),
    "ru": (QLocale.Language.Russian, QLocale.Script.CyrillicScript, QLocale.Country.Russia),
    "tr": (QLocale.Language.Turkish, QLocale.Script.LatinScript, QLocale.Country.Turkey),
}

# Day-month-year patterns without the weekday (Qt's long formats add one). Russian writes the
# month in the genitive ("25 февраля"), which Qt's MMMM gives when a day is present.
_FULL_DATE = {
    "az": "d MMMM yyyy",
    "en": "d MMMM yyyy",
    "ru": "d MMMM yyyy 'г'.",
    "tr": "d MMMM yyyy",
}
_YEAR_SUFFIX = {"ru": " г."}


def _check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InvalidInput(
            f"The language {lang!r} is not one the kiosk offers.",
            hint="Use one of: " + ", ".join(LANGUAGES) + ".",
        )
    return lang


def locale_for(lang: str) -> QLocale:
    """The QLocale used for ``lang`` (az_AZ Latin, en_GB, ru_RU, tr_TR)."""
    language, script, country = _LOCALES[_check(lang)]
    return QLocale(language, script, country)


def format_number(n: int | float, lang: str) -> str:
    """``n`` with the digit grouping and decimal mark of ``lang`` (``1.234`` az, ``1 234`` ru)."""
    locale = locale_for(lang)
    if isinstance(n, float) and not n.is_integer():
        shortest = QLocale.FloatingPointPrecisionOption.FloatingPointShortest
        return locale.toString(n, "f", shortest)
    return locale.toString(int(n))


def with_count(translated: str, n: int, lang: str) -> str:
    """``translated`` (``tr("%n things", "", n)``, plural form chosen by Qt) with its number
    written in ``lang`` ("1 204" ru, "1,204" en) rather than Qt's bare digits.

    ``%Ln`` would use Qt's default locale, a global the screens should not depend on.
    """
    return translated.replace(str(n), format_number(n, lang), 1)


def format_date(year: int, month: int | None = None, day: int | None = None,
                lang: str = DEFAULT_LANGUAGE) -> str:
    """A possibly partial date: year only, month and year, or a full day.

    The year is never digit-grouped ("1992", not "1.992"). Month and year stand alone as a label,
    so the month takes its nominative form with a capital ("Fevral 1992", "Февраль 1992 г.").
    """
    locale = locale_for(lang)
    if month is None:
        return str(year)
    if day is None:
        month_name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
        # QLocale casing, not str.upper(): Azerbaijani "iyun" must become "İyun".
        capital = locale.toUpper(month_name[:1])
        return f"{capital}{month_name[1:]} {year}{_YEAR_SUFFIX.get(lang, '')}"
    return locale.toString(QDate(year, month, day), _FULL_DATE[lang])


def format_day_range(year: int, month: int, first_day: int, last_day: int,
                     lang: str = DEFAULT_LANGUAGE) -> str:
    """Two days of one month, as in "25–26 February 1992"."""
    last = format_date(year, month, last_day, lang)
    return f"{first_day}–{last}"


DateParts = tuple[int | None, int | None, int | None]  # (year, month, day); later parts optional


def format_span(start: DateParts, end: DateParts = (None, None, None),
                lang: str = DEFAULT_LANGUAGE) -> str:
    """A partial date or a range of two, as the timeline shows them ("" when no year is known).

    Two days of one month share it ("25–26 February 1992"); other ranges are joined with a
    spaced en dash ("1988 – 1994").
    """
    def one(parts: DateParts) -> str:
        year, month, day = parts
        if year is None:
            return ""
        if month is None or not 1 <= month <= 12:
            return format_date(year, lang=lang)
        return format_date(year, month, day, lang)

    first, last = one(start), one(end)
    if not last or last == first:
        return first
    if not first:
        return last
    (y1, m1, d1), (y2, m2, d2) = start, end
    if y1 == y2 and m1 == m2 and d1 is not None and d2 is not None and m1 is not None \
            and y1 is not None:
        return format_day_range(y1, m1, d1, d2, lang)
    return f"{first} – {last}"


def qm_path(lang: str, directory: Path | None = None) -> Path:
    """Where the compiled translations for ``lang`` live."""
    folder = directory if directory is not None else resource_path("translations")
    return folder / f"khojaly_{_check(lang)}.qm"


class Translations(QObject):
    """Holds the installed translator and swaps it live when the visitor picks a language.

    Installing or removing a QTranslator makes Qt send ``QEvent.LanguageChange`` to every widget,
    so widgets that re-set their texts in ``changeEvent`` follow without being told.
    """

    languageChanged = Signal(str)

    def __init__(self, directory: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._translator: QTranslator | None = None
        self._language = ""

    @property
    def language(self) -> str:
        """The language last switched to ("" before the first switch)."""
        return self._language

    def available(self) -> list[str]:
        """Languages whose compiled translations are present (English needs none)."""
        return [lang for lang in LANGUAGES
                if lang == "en" or qm_path(lang, self._directory).is_file()]

    def uninstall(self, app: QCoreApplication) -> None:
        """Remove the installed translator (back to the English source strings)."""
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        self._language = ""

    def switch(self, app: QCoreApplication, lang: str = DEFAULT_LANGUAGE) -> bool:
        """Make ``lang`` the UI language; returns False when its translations could not load.

        A missing or unreadable file is logged and the English source strings are shown, so a
        broken install degrades to readable text instead of stopping the kiosk.
        """
        _check(lang)
        if lang == self._language:
            return True
        self.uninstall(app)
        loaded = True
        path = qm_path(lang, self._directory)
        translator = QTranslator(self)
        if translator.load(str(path)):
            app.installTranslator(translator)
            self._translator = translator
        else:
            translator.deleteLater()
            # English is the source language: without its file only plural forms suffer.
            loaded = lang == "en" and not path.exists()
            if not loaded:
                log.warning("Translations for %s could not be loaded from %s", lang, path)
        QLocale.setDefault(locale_for(lang))
        self._language = lang
        self.languageChanged.emit(lang)
        return loaded
