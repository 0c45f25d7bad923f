"""content/translation_workflow/importer.py: check a translated file, merge only when clean.

Every translation here is synthetic test data, marked "(synthetic)" where it is stored.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from khojaly_kiosk.content.readers.folder import read_content_folder
from khojaly_kiosk.content.translation_workflow.export import export_translations
from khojaly_kiosk.content.translation_workflow.importer import Credit, import_translations
from khojaly_kiosk.content.translation_workflow.status import folder_status
from tests.content.translation_workflow.conftest import TARGETS, fill_csv, fill_xliff

TRANSLATOR = "Synthetic Translator (test)"
DAY = dt.date(2026, 3, 1)


def _export_csv(content: Path, tmp_path: Path, language: str = "az") -> Path:
    return export_translations(content, language, "csv", tmp_path / f"{language}.csv").out


def _problems(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{p.severity}: {p.location}: {p.message}" for p in result.report.problems]


def test_a_clean_file_is_merged_with_its_credit_and_built(content: Path, tmp_path: Path) -> None:
    sheet = fill_csv(_export_csv(content, tmp_path), TARGETS, translator=TRANSLATOR,
                     reviewer="Synthetic Reviewer (test)")
    result = import_translations(sheet, content, "az", Credit(), today=DAY)
    assert _problems(result) == []
    assert (result.added, result.replaced, result.unchanged) == (5, 0, 0)
    assert result.written == [content / "translations" / "az.csv"]
    assert result.message() == ("Merged 5 translations into az (5 new, 0 replaced, 0 unchanged)."
                                " Coverage now az: 100 % of 5 segments.")
    stored = (content / "translations" / "az.csv").read_text(encoding="utf-8").splitlines()
    assert stored[0] == ("entity,entity_id,field,paragraph,language,text,source_hash,"
                         "translator,reviewer,date")
    assert stored[2].startswith('testimony,test-witness,body,1,az,"Birinci sintetik abzas')
    assert stored[2].endswith(f",{TRANSLATOR},Synthetic Reviewer (test),2026-03-01")
    bundle, report = read_content_folder(content)
    assert report.problems == []
    body = next(t for t in bundle.translations if t.field == "body")
    assert body.text == f"{TARGETS['testimony:test-witness:body:1']}\n\n" \
                        f"{TARGETS['testimony:test-witness:body:2']}"
    assert (body.translator, body.reviewer, body.translated_on) == (
        TRANSLATOR, "Synthetic Reviewer (test)", "2026-03-01")
    again = import_translations(sheet, content, credit=Credit(translator="Someone Else"))
    assert (again.merged, again.unchanged) == (0, 5)  # the first credit stays


def test_a_bom_and_crlf_line_ends_of_the_file_itself_are_fine(content: Path,
                                                              tmp_path: Path) -> None:
    sheet = fill_csv(_export_csv(content, tmp_path), TARGETS)
    data = sheet.read_bytes().replace(b"\n", b"\r\n")
    sheet.write_bytes(b"\xef\xbb\xbf" + data)
    result = import_translations(sheet, content, credit=Credit(translator=TRANSLATOR))
    assert _problems(result) == [] and result.merged == 5


def test_a_file_with_errors_changes_nothing_and_names_file_and_segment(content: Path,
                                                                       tmp_path: Path) -> None:
    bad = dict(TARGETS)
    bad["testimony:test-witness:body:1"] = "Birinci sintetik abzas: 631 şey, «sitat sözlər."
    bad["testimony:test-witness:title"] = "Синтетическая история"
    bad["person:test-witness:role"] = "Sintetik\ufeff şahid"
    bad["statistic:synthetic-count:label"] = ""
    sheet = fill_csv(_export_csv(content, tmp_path), bad)
    text = sheet.read_text(encoding="utf-8").replace(
        "testimony:test-witness:body:2,", "testimony:nobody:body:2,")
    sheet.write_text(text, encoding="utf-8")
    result = import_translations(sheet, content, credit=Credit(translator=TRANSLATOR))
    assert _problems(result) == [
        "error: az.csv, segment testimony:test-witness:title, line 2: The translation is "
        "written in Cyrillic letters; Azerbaijani is written in Latin letters.",
        "error: az.csv, segment testimony:test-witness:body:1, line 3: The number 613 of the "
        "English is missing from the translation.",
        "warning: az.csv, segment testimony:test-witness:body:1, line 3: The translation has a "
        "number the English has not: 631.",
        "error: az.csv, segment testimony:test-witness:body:1, line 3: The quotation marks of "
        "the translation do not pair up.",
        "error: az.csv, segment testimony:nobody:body:2, line 4: No segment of this content "
        "has the id 'testimony:nobody:body:2'.",
        "error: az.csv, segment person:test-witness:role, line 5: The translation holds a "
        "byte-order mark (an invisible U+FEFF character), often pasted from another file.",
        "warning: az.csv, segment statistic:synthetic-count:label, line 6: The target is "
        "empty; this segment is skipped.",
    ]
    assert result.message() == "Nothing was merged: the file has errors (listed above)."
    assert not (content / "translations").exists()


@pytest.mark.parametrize(("change", "message"), [
    ({"package": "another-exhibition"}, "az.csv is for the package 'another-exhibition', not "
     "'synthetic-exhibition' of {content}."),
    ({"language": "de"}, "az.csv translates into 'de', which is not a language the content "
     "can be translated into here."),
    ({"language": "ru"}, "az.csv is a translation into 'ru' (Russian), not 'az'."),
])
def test_a_file_for_another_package_or_language_is_refused(content: Path, tmp_path: Path,
                                                           change: dict[str, str],
                                                           message: str) -> None:
    sheet = fill_csv(_export_csv(content, tmp_path), TARGETS, translator=TRANSLATOR)
    text = sheet.read_text(encoding="utf-8")
    for column, value in change.items():
        old = ",synthetic-exhibition,az" if column == "package" else ",az\n"
        new = f",{value},az" if column == "package" else f",{value}\n"
        text = text.replace(old, new)
    sheet.write_text(text, encoding="utf-8")
    result = import_translations(sheet, content, language="az")
    assert [p.message for p in result.report.errors] == [message.format(content=content)]
    assert result.merged == 0 and not (content / "translations").exists()


def test_without_a_translator_nothing_is_merged(content: Path, tmp_path: Path) -> None:
    xliff = export_translations(content, "az", "xliff", tmp_path / "az.xlf").out
    fill_xliff(xliff, {"statistic:synthetic-count:label": "sintetik şey"})
    result = import_translations(xliff, content)
    assert [p.location + ": " + p.message for p in result.report.errors] == [
        "az.xlf, unit 'statistic:synthetic-count:label': No translator is named for this "
        "translation."]
    fill_xliff(xliff, {}, translator=TRANSLATOR)  # the file's own metadata names one
    assert import_translations(xliff, content).merged == 1


def test_changing_one_english_paragraph_marks_exactly_that_segment_stale(
        content: Path, tmp_path: Path) -> None:
    sheet = fill_csv(_export_csv(content, tmp_path), TARGETS, translator=TRANSLATOR)
    assert import_translations(sheet, content).report.ok
    testimonies = content / "testimonies.toml"
    testimonies.write_text(testimonies.read_text(encoding="utf-8").replace(
        "Second synthetic paragraph", "Second synthetic, revised paragraph"), encoding="utf-8")
    status = folder_status(content)
    assert [(s.language, s.segment_id, s.stored_at) for s in status.stale] == [
        ("az", "testimony:test-witness:body:2", "translations/az.csv, row 4")]
    assert status.coverage[0].sentence() == "az: 80 % of 5 segments, 1 stale"
    bundle, report = read_content_folder(content)
    assert [t.field for t in bundle.translations] == ["title", "role", "label"]  # body: original
    assert [p.message[:61] for p in report.warnings] == [
        "This translation (az) of paragraph 2 of the body of testimony"]
    # The next export gives the stale one as an earlier translation, not as the target.
    export = export_translations(content, "az", "csv", tmp_path / "next.csv")
    assert (export.translated, export.stale) == (4, 1)
    # Importing the same old file again keeps it stale (its hash is of the old English).
    result = import_translations(sheet, content)
    assert result.report.ok and result.unchanged == 5


def test_a_stale_target_is_kept_but_stays_stale(content: Path, tmp_path: Path) -> None:
    sheet = fill_csv(_export_csv(content, tmp_path), TARGETS, translator=TRANSLATOR)
    testimonies = content / "testimonies.toml"
    testimonies.write_text(testimonies.read_text(encoding="utf-8").replace(
        "A synthetic account", "A revised synthetic account"), encoding="utf-8")
    result = import_translations(sheet, content)
    assert result.report.ok and (result.merged, result.stale) == (5, 1)
    assert [p.location for p in result.report.warnings] == [
        "az.csv, segment testimony:test-witness:title, line 2"]
    assert folder_status(content).coverage[0].stale == 1


def test_the_command_line_exports_and_imports(content: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from khojaly_kiosk.cli import main

    out = tmp_path / "az.csv"
    assert main(["translations", "export", str(content), str(out), "--language", "az",
                 "--format", "csv"]) == 0
    assert capsys.readouterr().out == (
        f"Wrote 5 segments to {out} (0 translated into az already, 0 stale, 5 to do).\n")
    assert main(["translations", "import", str(out), str(content)]) == 0  # all empty
    assert "Merged 0 translations into az" in capsys.readouterr().out
    fill_csv(out, {"statistic:synthetic-count:label": "Синтетика"})
    assert main(["translations", "import", str(out), str(content), "--translator", "T"]) == 1
    assert "written in Cyrillic letters" in capsys.readouterr().out
    assert main(["translations", "export", str(content), str(out), "--language", "xx"]) == 1
    assert "'xx' is not a language of the kiosk." in capsys.readouterr().err
    assert main(["translations", "status", str(content), "--json"]) == 0
    assert '"percent": 0' in capsys.readouterr().out
