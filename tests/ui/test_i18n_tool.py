"""tools/update_translations.py: the spreadsheet round trip translators use."""

from __future__ import annotations

import csv
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from khojaly_kiosk.resources import project_root

_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{lang}" sourcelanguage="en">
<context>
    <name>HomeScreen</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n names</source>
        <translation type="unfinished">
{forms}
        </translation>
    </message>
</context>
</TS>
"""
_FORMS = {"az": 2, "en": 2, "ru": 3, "tr": 1}


@pytest.fixture
def tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    spec = importlib.util.spec_from_file_location(
        "update_translations", project_root() / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for lang, count in _FORMS.items():
        forms = "\n".join("            <numerusform></numerusform>" for _ in range(count))
        (tmp_path / f"khojaly_{lang}.ts").write_text(_TS.format(lang=lang, forms=forms),
                                                     encoding="utf-8")
    monkeypatch.setattr(module, "TS_DIR", tmp_path)
    return module


def translation_of(tool, lang: str, source: str) -> tuple[bool, list[str]]:
    tree = ET.parse(tool.ts_file(lang))
    for _context, message in tool.messages(tree):
        if message.findtext("source") == source:
            return tool.is_finished(message), tool.translation_forms(message)
    raise AssertionError(source)


def test_english_fills_itself_except_plurals(tool):
    assert tool.fill_english() == 1
    assert translation_of(tool, "en", "Timeline") == (True, ["Timeline"])
    assert translation_of(tool, "en", "%n names")[0] is False


def test_export_then_apply_finishes_every_language(tool, tmp_path):
    sheet = tmp_path / "todo.tsv"
    assert tool.export_tsv(sheet) == 2
    with sheet.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [row["source"] for row in rows] == ["Timeline", "%n names"]
    rows[0].update(az="Xronologiya", en="Timeline", ru="Хронология", tr="Kronoloji")
    rows[1].update(az="%n ad||%n ad", en="%n name||%n names",
                   ru="%n имя||%n имени||%n имён", tr="%n isim")
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, tool.TSV_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert tool.apply_tsv(sheet) == 8
    assert translation_of(tool, "az", "Timeline") == (True, ["Xronologiya"])
    assert translation_of(tool, "ru", "%n names") == (True, ["%n имя", "%n имени", "%n имён"])
    assert all(tool.unfinished(lang) == [] for lang in _FORMS)
    assert tool.export_tsv(sheet) == 0


def test_empty_cells_leave_strings_unfinished(tool, tmp_path):
    sheet = tmp_path / "partial.tsv"
    sheet.write_text("context\tsource\tcomment\taz\ten\tru\ttr\n"
                     "HomeScreen\tTimeline\t\tXronologiya\t\t\t\n", encoding="utf-8")
    assert tool.apply_tsv(sheet) == 1
    assert translation_of(tool, "az", "Timeline") == (True, ["Xronologiya"])
    assert translation_of(tool, "tr", "Timeline")[0] is False


def test_memory_fills_known_strings_with_the_right_number_of_forms(tool, tmp_path):
    memory = tmp_path / "memory.tsv"
    memory.write_text(
        "source\taz\ten\tru\ttr\n"
        "Timeline\tXronologiya\tTimeline\tХронология\tKronoloji\n"
        "%n names\t%n ad||%n ad\t%n name||%n names\t%n имя||%n имён\t%n isim\n",
        encoding="utf-8")
    assert tool.apply_memory(memory) == 4 + 3  # ru brings two plural forms where three are due
    assert translation_of(tool, "tr", "Timeline") == (True, ["Kronoloji"])
    assert translation_of(tool, "tr", "%n names") == (True, ["%n isim"])
    assert translation_of(tool, "ru", "%n names")[0] is False


def test_memory_is_rebuilt_from_finished_translations(tool, tmp_path):
    tool.fill_english()
    memory = tmp_path / "memory.tsv"
    assert tool.update_memory(memory) == 1
    with memory.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert rows == [{"source": "Timeline", "az": "", "en": "Timeline", "ru": "", "tr": ""}]
