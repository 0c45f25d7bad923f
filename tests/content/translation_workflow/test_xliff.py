"""content/translation_workflow/xliff.py: XLIFF 2.0 a real XLIFF reader accepts, and back."""

from __future__ import annotations

from pathlib import Path

import pytest
from translate.storage.xliff2 import Xliff2File

from khojaly_kiosk.content.report import ValidationReport
from khojaly_kiosk.content.translation_workflow.export import export_translations
from khojaly_kiosk.content.translation_workflow.xliff import read_xliff
from tests.content.translation_workflow.conftest import TARGETS, fill_xliff


def test_the_export_is_xliff_2_that_translate_toolkit_reads(content: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "az.xlf"
    result = export_translations(content, "az", "xliff", out)
    assert (result.segments, result.translated) == (5, 0)
    store = Xliff2File.parsefile(str(out))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "az")
    units = {unit.getid(): unit for unit in store.units}
    assert list(units) == list(TARGETS)
    assert units["testimony:test-witness:body:1"].source == (
        'First synthetic paragraph: 613 synthetic things, "quoted" words.')
    assert not any(unit.target for unit in units.values())
    # A CAT tool's translation (here: translate-toolkit's) comes back as our targets.
    units["statistic:synthetic-count:label"].target = "sintetik şey"
    store.savefile(str(out))
    report = ValidationReport()
    parsed = read_xliff(out, out.name, report)
    assert report.problems == [] and parsed is not None
    assert (parsed.package, parsed.source_language, parsed.target_language) == (
        "synthetic-exhibition", "en", "az")
    entry = next(e for e in parsed.entries if e.segment_id == "statistic:synthetic-count:label")
    assert (entry.source, entry.target, len(entry.source_hash)) == (
        "synthetic things", "sintetik şey", 16)


def test_translations_are_exported_as_targets(content: Path, tmp_path: Path) -> None:
    from khojaly_kiosk.content.translation_workflow.importer import Credit, import_translations

    out = export_translations(content, "az", "xliff", tmp_path / "az.xlf").out
    fill_xliff(out, TARGETS, translator="Synthetic Translator (test)")
    assert import_translations(out, content, credit=Credit()).report.ok
    again = export_translations(content, "az", "xliff", tmp_path / "again.xlf")
    assert again.translated == 5
    units = {u.getid(): u for u in Xliff2File.parsefile(str(again.out)).units}
    assert units["person:test-witness:role"].target == "Sintetik şahid"


@pytest.mark.parametrize(("text", "message"), [
    ('<?xml version="1.0"?><xliff version="1.2" '
     'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
     'target-language="az" datatype="plaintext" original="x"><body/></file></xliff>',
     "old.xlf is XLIFF 1.2; the kiosk reads XLIFF 2.0."),
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff>&a;</xliff>',
     "old.xlf declares a DTD or entities, which are not accepted."),
    ("<xliff version='2.0'><file>", "old.xlf is not well-formed XML (no element found: line 1, "
     "column 27)."),
    ("<html/>", "old.xlf is not an XLIFF 2.0 file."),
])
def test_other_files_are_refused_with_a_sentence(tmp_path: Path, text: str,
                                                 message: str) -> None:
    path = tmp_path / "old.xlf"
    path.write_text(text, encoding="utf-8")
    report = ValidationReport()
    assert read_xliff(path, path.name, report) is None
    assert [p.message for p in report.errors] == [message]
