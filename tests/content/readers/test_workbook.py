"""content/readers/workbook.py and sheets.py: content.xlsx, a sheet per kind, and what a
spreadsheet can hold but content cannot (formulas, merged cells, empty sheets).

ALL CONTENT HERE IS SYNTHETIC TEST DATA.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from khojaly_kiosk.content.readers.folder import read_content_folder
from tests.support.content.folders import PACKAGE, names_of, write_files

SOURCES = [["id", "kind", "title", "citation"],
           ["synthetic-a", "book", "Synthetic Source A", "Synthetic A, p. 1"]]
STATISTICS = [["id", "value", "label", "group", "source"],
              ["synthetic-count", 7, "synthetic things", "losses", "synthetic-a"]]


def workbook_folder(tmp_path: Path, sheets: dict[str, list[list[object]]],
                    extra: dict[str, str | bytes] | None = None) -> Path:
    folder = write_files(tmp_path / "content", {"package.toml": PACKAGE, **(extra or {})})
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(folder / "content.xlsx")
    return folder


def test_sheets_are_read_like_their_csv_files(tmp_path: Path) -> None:
    folder = workbook_folder(tmp_path, {
        "Sources": SOURCES, "statistics": STATISTICS,
        "testimonies": [["id", "name", "group", "source", "body"],
                        ["test-1", "Test Person", "survivors", "synthetic-a",
                         "First synthetic paragraph.\n\nSecond."]],
        "segments": [["testimony", "paragraph", "title", "keywords"],
                     ["test-1", 2, "Synthetic segment", "alpha; beta"]],
        "names": [["name", "age", "source"], ["Test Name 1", 30, "synthetic-a"]]})
    bundle, report = read_content_folder(folder)
    assert report.ok and not report.warnings, report.to_text()
    assert bundle.sources[0].title == "Synthetic Source A"
    assert bundle.statistics[0].value == 7
    assert bundle.testimonies[0].body == "First synthetic paragraph.\n\nSecond."
    (segment,) = bundle.segments
    assert (segment.testimony_id, segment.paragraph, segment.keywords) == ("test-1", 2,
                                                                           "alpha;beta")
    assert names_of(bundle)[0].age == 30


def test_a_formula_is_refused_with_its_sheet_and_cell(tmp_path: Path) -> None:
    folder = workbook_folder(tmp_path, {"sources": SOURCES, "statistics": [
        STATISTICS[0], ["synthetic-count", "=3+4", "synthetic things", "losses",
                        "synthetic-a"]]})
    bundle, report = read_content_folder(folder)
    (error,) = report.errors
    assert error.location == "content.xlsx, sheet 'statistics', row 2, column B"
    assert "The cell B2 holds a formula (=3+4)" in error.message
    assert "Paste Special" in error.hint
    assert bundle.statistics == []  # nothing of that sheet is used


def test_merged_cells_are_refused(tmp_path: Path) -> None:
    more = ["synthetic-b", "book", "Synthetic Source B", ""]
    folder = workbook_folder(tmp_path, {"sources": [*SOURCES, more]})
    from openpyxl import load_workbook

    book = load_workbook(folder / "content.xlsx")
    book["sources"].merge_cells("C2:C3")
    book.save(folder / "content.xlsx")
    bundle, report = read_content_folder(folder)
    assert [(e.location, e.message) for e in report.errors] == [
        ("content.xlsx, sheet 'sources'",
         "The cells C2:C3 are merged; a content sheet has one value per cell.")]
    assert bundle.sources == []


def test_an_empty_sheet_is_named(tmp_path: Path) -> None:
    folder = workbook_folder(tmp_path, {"sources": SOURCES, "names": []})
    _bundle, report = read_content_folder(folder)
    assert [(e.location, e.message) for e in report.errors] == [
        ("content.xlsx, sheet 'names'", "The sheet 'names' is empty.")]


def test_a_header_only_sheet_is_fine_and_an_unknown_sheet_is_a_warning(tmp_path: Path) -> None:
    folder = workbook_folder(tmp_path, {"sources": SOURCES, "names": [["name", "source"]],
                                        "Notes": [["anything"], ["at all"]]})
    bundle, report = read_content_folder(folder)
    assert report.ok
    assert [w.message for w in report.warnings] == [
        "The sheet 'Notes' is not a kind of content and is not read."]
    assert names_of(bundle) == []


def test_a_kind_in_two_places_is_an_error_naming_both(tmp_path: Path) -> None:
    folder = workbook_folder(tmp_path, {"sources": SOURCES}, {
        "sources.toml": '[[source]]\nid = "synthetic-a"\nkind = "book"\ntitle = "A"\n'})
    _bundle, report = read_content_folder(folder)
    assert [e.message for e in report.errors] == [
        "The folder has both sources.toml and content.xlsx (sheet 'sources'); only one can "
        "be used."]


def test_a_date_cell_is_read_as_iso_with_a_warning(tmp_path: Path) -> None:
    folder = workbook_folder(tmp_path, {"sources": [
        ["id", "kind", "title", "date"],
        ["synthetic-a", "book", "Synthetic", dt.datetime(1999, 2, 26)]]})
    bundle, report = read_content_folder(folder)
    assert bundle.sources[0].date == "1999-02-26"
    (warning,) = report.warnings
    assert warning.location == "content.xlsx, sheet 'sources', row 2, column D"
    assert "format the column as Text" in warning.hint


def test_a_file_that_is_no_workbook_is_named(tmp_path: Path) -> None:
    folder = write_files(tmp_path / "content", {"package.toml": PACKAGE,
                                                "content.xlsx": b"not a zip"})
    _bundle, report = read_content_folder(folder)
    (error,) = report.errors
    assert error.file == "content.xlsx" and "cannot be opened as an Excel workbook" in error.message


def test_a_stray_workbook_is_named_with_what_to_do(tmp_path: Path) -> None:
    folder = write_files(tmp_path / "content", {"package.toml": PACKAGE,
                                                "names.xlsx": b"PK"})
    _bundle, report = read_content_folder(folder)
    (warning,) = report.warnings
    assert warning.message == ("names.xlsx is not read: only one workbook, content.xlsx, is "
                               "read, with a sheet per kind of content.")


def test_segments_of_an_unknown_testimony_are_errors(tmp_path: Path) -> None:
    folder = workbook_folder(tmp_path, {
        "sources": SOURCES,
        "testimonies": [["id", "body", "source"], ["test-1", "Synthetic.", "synthetic-a"]],
        "segments": [["testimony", "title"], ["test-2", "Synthetic segment"]]})
    _bundle, report = read_content_folder(folder)
    (error,) = report.errors
    assert error.location == "content.xlsx, sheet 'segments', row 2, column A"
    assert "belongs to the testimony 'test-2'" in error.message
