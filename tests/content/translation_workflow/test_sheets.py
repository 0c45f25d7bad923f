"""content/translation_workflow/sheets.py: CSV and XLSX sheets for translators."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from khojaly_kiosk.content.report import ValidationReport
from khojaly_kiosk.content.translation_workflow.export import export_translations
from khojaly_kiosk.content.translation_workflow.formats import SHEET_COLUMNS
from khojaly_kiosk.content.translation_workflow.sheets import read_sheet_csv, read_sheet_xlsx
from tests.content.translation_workflow.conftest import TARGETS, fill_xlsx


def test_xlsx_has_one_text_row_per_segment_and_reads_back(content: Path,
                                                          tmp_path: Path) -> None:
    out = export_translations(content, "az", "xlsx", tmp_path / "az.xlsx").out
    sheet = load_workbook(out).worksheets[0]
    assert sheet.title == "Azerbaijani"
    assert [c.value for c in sheet[1]] == list(SHEET_COLUMNS)
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == list(
        TARGETS)
    fill_xlsx(out, TARGETS)
    report = ValidationReport()
    parsed = read_sheet_xlsx(out, out.name, report)
    assert report.problems == [] and parsed is not None
    assert (parsed.package, parsed.target_language) == ("synthetic-exhibition", "az")
    assert {e.segment_id: e.target for e in parsed.entries} == TARGETS
    assert parsed.entries[1].where.line == 3  # the sheet's own row number


def test_a_cell_that_looks_like_a_formula_is_exported_as_text(tmp_path: Path,
                                                              content: Path) -> None:
    statistics = content / "statistics.toml"
    statistics.write_text(statistics.read_text(encoding="utf-8").replace(
        'label = "synthetic things"', 'label = "=1+1 synthetic things"'), encoding="utf-8")
    out = export_translations(content, "az", "xlsx", tmp_path / "az.xlsx").out
    sheet = load_workbook(out).worksheets[0]
    cell = sheet.cell(row=sheet.max_row, column=SHEET_COLUMNS.index("source") + 1)
    assert (cell.value, cell.data_type) == ("=1+1 synthetic things", "s")


def test_merged_cells_and_formulas_are_refused(content: Path, tmp_path: Path) -> None:
    out = export_translations(content, "az", "xlsx", tmp_path / "az.xlsx").out
    book = load_workbook(out)
    sheet = book.worksheets[0]
    sheet.merge_cells("F2:F3")
    sheet["F4"] = "=A4"
    book.save(out)
    report = ValidationReport()
    assert read_sheet_xlsx(out, out.name, report) is None
    assert [p.location + ": " + p.message for p in report.errors] == [
        "az.xlsx, segment testimony:test-witness:title, line 2: The cells F2:F3 are merged.",
        "az.xlsx, segment testimony:test-witness:body:2, line 4: The cell F4 holds a formula.",
    ]


def test_a_csv_in_another_encoding_or_not_a_workbook_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "az.csv"
    bad.write_bytes("id,target\nx,Синтетика\n".encode("cp1251"))
    report = ValidationReport()
    assert read_sheet_csv(bad, bad.name, report) is None
    assert report.errors[0].message.startswith("az.csv is not UTF-8 text (line 2")
    fake = tmp_path / "az.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    report = ValidationReport()
    assert read_sheet_xlsx(fake, fake.name, report) is None
    assert report.errors[0].message.startswith("az.xlsx cannot be read as an Excel workbook")
