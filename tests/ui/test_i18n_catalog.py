"""The shipped translation catalogues: complete, current, and faithful to their placeholders.

If a test here fails after UI code changed, run ``python tools/update_translations.py``, translate
what it lists (Qt Linguist, or ``--export-tsv`` / ``--apply-tsv``) and commit the .ts and .qm files.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from khojaly_kiosk.resources import project_root, resource_path
from khojaly_kiosk.ui.i18n import Translations
from khojaly_kiosk.ui.widgets.keyboard import OnScreenKeyboard

LANGS = ["az", "en", "ru", "tr"]
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%n|%L?\d+|%s|%d|\{[A-Za-z_][A-Za-z_0-9]*\}")

# Terms the exhibition uses; every string that is exactly one of these must read the same way.
GLOSSARY = {
    "az": {"Touch to begin": "Başlamaq üçün toxunun", "Testimonies": "Şahid ifadələri",
           "Timeline": "Xronologiya", "Commemoration": "Anım", "Sources": "Mənbələr"},
}


def ts_path(lang: str) -> Path:
    return resource_path("translations", f"khojaly_{lang}.ts")


def messages(path: Path) -> dict[tuple[str, str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(context.findtext("name", ""), message.findtext("source", ""),
             message.findtext("comment", "")): message
            for context in root.iter("context") for message in context.iter("message")}


def forms(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in node.iter("numerusform")]
    return [node.text or ""]


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_has_a_finished_translation(lang):
    catalog = messages(ts_path(lang))
    assert catalog, "the catalogue is empty"
    problems = []
    for (context, source, _comment), message in catalog.items():
        node = message.find("translation")
        if node is None or node.get("type") is not None or not all(
                form.strip() for form in forms(message)):
            problems.append(f"{context}: {source!r}")
    assert problems == []


def test_all_catalogues_hold_the_same_strings():
    keys = {lang: set(messages(ts_path(lang))) for lang in LANGS}
    for lang in LANGS[1:]:
        assert keys[lang] == keys["az"], lang


def test_every_tr_string_in_the_code_is_in_the_catalogues(tmp_path):
    sources = [str(p) for folder in ("ui", "kiosk")
               for p in sorted((project_root() / "src" / "khojaly_kiosk" / folder).rglob("*.py"))]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-silent", "-locations", "none",
                    *sources, "-ts", str(fresh)], check=True)
    in_code = set(messages(fresh))
    assert in_code, "lupdate found no strings at all"
    assert in_code - set(messages(ts_path("az"))) == set()


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_files_are_current(tmp_path, lang):
    fresh = tmp_path / f"khojaly_{lang}.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(ts_path(lang)),
                    "-qm", str(fresh)], check=True)
    shipped = resource_path("translations", f"khojaly_{lang}.qm")
    assert shipped.read_bytes() == fresh.read_bytes()


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_every_placeholder(lang):
    wrong = []
    for (context, source, _comment), message in messages(ts_path(lang)).items():
        expected = sorted(PLACEHOLDER.findall(source))
        for form in forms(message):
            found = sorted(PLACEHOLDER.findall(form))
            # A plural form may spell the number out ("one candle") instead of %n.
            if message.get("numerus") == "yes":
                found = [p for p in found if p != "%n"]
                expected_here = [p for p in expected if p != "%n"]
            else:
                expected_here = expected
            if found != expected_here:
                wrong.append(f"{context}: {source!r} -> {form!r}")
    assert wrong == []


def test_english_translates_to_its_source_text():
    for (context, source, _c), message in messages(ts_path("en")).items():
        if message.get("numerus") != "yes":
            assert forms(message) == [source], context


@pytest.mark.parametrize("lang", sorted(GLOSSARY))
def test_glossary_terms_are_used_consistently(lang):
    catalog = messages(ts_path(lang))
    checked = 0
    for (context, source, comment), message in catalog.items():
        if source in GLOSSARY[lang] and not comment:  # a comment marks a different sense
            assert forms(message) == [GLOSSARY[lang][source]], context
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize(("lang", "space", "clear"), [
    ("az", "Boşluq", "Təmizlə"), ("ru", "Пробел", "Очистить"), ("tr", "Boşluk", "Temizle"),
    ("en", "Space", "Clear"),
])
def test_the_shipped_catalogue_relabels_the_keyboard_live(qtbot, qapp, lang, space, clear):
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    translations = Translations()
    default_locale = QLocale()
    try:
        assert translations.switch(qapp, lang)
        qtbot.waitUntil(lambda: keyboard.space_key.text() == space)
        assert keyboard.clear_key.text() == clear
    finally:
        translations.uninstall(qapp)
        QLocale.setDefault(default_locale)
    qtbot.waitUntil(lambda: keyboard.space_key.text() == "Space")
