"""content/spreadsheets.py, and the readers of CSV files and content.xlsx: the same content
in TOML, in CSV files or in one workbook makes the same archive."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from khojaly_kiosk.content.archive_writer import write_archive
from khojaly_kiosk.content.readers.csvutil import fold_header
from khojaly_kiosk.content.readers.folder import read_content_folder
from khojaly_kiosk.content.readers.sheets import SHEETS
from khojaly_kiosk.content.spreadsheets import export_sheets, write_templates
from khojaly_kiosk.errors import InvalidInput

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "db" / "demo"
TEMPLATES = ROOT / "docs" / "templates"


def archive_rows(folder: Path, tmp_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the archive built from ``folder`` (build time aside)."""
    bundle, report = read_content_folder(folder)
    assert report.ok, report.to_text()
    assert not report.warnings, report.to_text()
    db = tmp_path / f"{folder.name}.sqlite"
    write_archive(bundle, db, tmp_path / f"{folder.name}-media")
    with sqlite3.connect(db) as connection:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
        return {table: sorted(connection.execute(
            f"SELECT * FROM {table}" + (" WHERE key != 'built_at'"
                                        if table == "archive_meta" else "")).fetchall(),
            key=repr) for table in tables}


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    return archive_rows(DEMO, tmp_path_factory.mktemp("toml"))


@pytest.mark.parametrize("workbook", [False, True], ids=["csv", "xlsx"])
def test_the_demo_as_spreadsheets_makes_the_same_archive(
        tmp_path: Path, demo_archive: dict[str, list[tuple]], workbook: bool) -> None:
    out = export_sheets(DEMO, tmp_path / "sheets", workbook=workbook)
    names = {p.name for p in out.iterdir()}
    assert not any(name.endswith(".toml") and name != "package.toml" for name in names)
    assert ("content.xlsx" in names) == workbook
    rebuilt = archive_rows(out, tmp_path)
    assert rebuilt.keys() == demo_archive.keys()
    for table, rows in demo_archive.items():
        assert rebuilt[table] == rows, table
    assert len(rebuilt["testimony"]) == 27 and len(rebuilt["source"]) == 21


def test_the_demo_written_into_the_csv_templates_makes_the_same_archive(
        tmp_path: Path, demo_archive: dict[str, list[tuple]]) -> None:
    """Each template's own header row, filled with the demo's rows, reads back the same."""
    exported = export_sheets(DEMO, tmp_path / "exported")
    folder = tmp_path / "from-templates"
    folder.mkdir()
    for name in ("package.toml", "khojaly-source-text.txt"):  # the document it names, too
        (folder / name).write_bytes((DEMO / name).read_bytes())
    (folder / "translations").mkdir()
    for path in [*sorted(exported.glob("*.csv")), exported / "translations" / "eras.csv"]:
        template = TEMPLATES / ("translations.csv" if path.parent.name == "translations"
                                else path.name)
        header = next(csv.reader(template.open(encoding="utf-8-sig")))
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        by_fold = [{fold_header(k): v for k, v in row.items()} for row in rows]
        target = folder / path.relative_to(exported)
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")  # as Excel writes it in az, ru, tr
            writer.writerow(header)
            writer.writerows([row.get(fold_header(h), "") for h in header] for row in by_fold)
    assert archive_rows(folder, tmp_path) == demo_archive


def test_the_templates_in_docs_are_the_ones_the_readers_expect(tmp_path: Path) -> None:
    fresh = write_templates(tmp_path)
    for path in fresh:
        shipped = TEMPLATES / path.name
        assert shipped.is_file(), f"docs/templates/{path.name} is missing"
        if path.suffix == ".csv":
            assert shipped.read_bytes() == path.read_bytes(), path.name
    book = load_workbook(TEMPLATES / "content.xlsx", read_only=True)
    assert book.sheetnames == list(SHEETS)
    for kind, columns in SHEETS.items():
        assert next(book[kind].iter_rows(values_only=True)) == columns
    book.close()


def test_export_refuses_an_existing_folder_and_a_folder_without_package(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="already exists"):
        export_sheets(DEMO, tmp_path)
    with pytest.raises(InvalidInput, match=r"has no package\.toml"):
        export_sheets(tmp_path, tmp_path / "out")


def test_a_text_starting_with_equals_stays_text_in_the_workbook(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "package.toml").write_text('title = "Synthetic"\nexhibition_id = "synthetic"\n',
                                      encoding="utf-8")
    (src / "sources.toml").write_text('[[source]]\nid = "synthetic-a"\nkind = "book"\n'
                                      'title = "=1+1 (a synthetic title)"\n', encoding="utf-8")
    out = export_sheets(src, tmp_path / "out", workbook=True)
    bundle, report = read_content_folder(out)
    assert report.ok, report.to_text()
    assert bundle.sources[0].title == "=1+1 (a synthetic title)"


def test_a_cell_too_long_for_a_spreadsheet_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "package.toml").write_text('title = "S"\nexhibition_id = "s"\n', encoding="utf-8")
    (src / "passages.toml").write_text(
        f'[[passage]]\nid = "p"\nsection = "about"\nbody = "{"x" * 40_000}"\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match="a spreadsheet cell holds at most 32,767"):
        export_sheets(src, tmp_path / "out", workbook=True)


TIMELINE_WITHOUT_IDS = (
    "\ufeffYear;Month;Headline;Type;Source\r\n"
    "1990;;Synthetic era;era;\r\n"  # an era needs an end year: not our concern here
    "1991;10;Synthetic event one;;\r\n"
    "1992;;Synthetic event two;;\r\n"
)


def test_rows_without_ids_are_named_and_write_ids_fixes_the_sheet(tmp_path: Path) -> None:
    from khojaly_kiosk.content.readers.context import ReadContext
    from khojaly_kiosk.content.readers.kinds import read_timeline
    from khojaly_kiosk.content.spreadsheets import write_timeline_ids

    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "timeline.csv").write_text(
        TIMELINE_WITHOUT_IDS.replace("1990;;Synthetic era;era;\r\n", ""), encoding="utf-8")
    before = ReadContext(folder)
    read_timeline(before)
    warning = next(w for w in before.report.warnings if "no Id" in w.message)
    assert warning.message.startswith("The timeline lines 2, 3 have no Id")
    assert "--write-ids" in warning.hint
    made = sorted(e.id for e in before.bundle.events)

    assert write_timeline_ids(folder) == [2, 3]
    text = (folder / "timeline.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeffYear;Month;Headline;Type;Source;Id\r\n")  # BOM, ;, CRLF kept
    after = ReadContext(folder)
    read_timeline(after)
    assert not [w for w in after.report.warnings if "no Id" in w.message]
    assert sorted(e.id for e in after.bundle.events) == made  # the same ids as before
    assert write_timeline_ids(folder) == []  # nothing left to write


def test_write_ids_fills_the_timeline_sheet_of_a_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from khojaly_kiosk.content.readers.context import ReadContext
    from khojaly_kiosk.content.readers.kinds import read_timeline
    from khojaly_kiosk.content.readers.sheets import read_workbook_sheets
    from khojaly_kiosk.content.spreadsheets import write_timeline_ids

    folder = tmp_path / "content"
    folder.mkdir()
    book = Workbook()
    sheet = book.active
    sheet.title = "timeline"
    for row in (["Year", "Headline", "Id"], [1991, "Synthetic one", ""],
                [1992, "Synthetic two", "given-id"]):
        sheet.append(row)
    book.save(folder / "content.xlsx")
    assert write_timeline_ids(folder) == [2]
    ctx = ReadContext(folder)
    read_workbook_sheets(ctx)
    read_timeline(ctx)
    assert sorted(e.id for e in ctx.bundle.events) == ["given-id", "synthetic-one-2"]
    assert (folder / ".content.xlsx.bak").is_file()
