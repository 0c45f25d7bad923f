"""content/readers/names.py: the names list, header-driven, UTF-8 only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.names import ROW_COLUMNS, read_names
from khojaly_kiosk.content.report import ValidationReport
from tests.support.content.folders import write_files


def load(tmp_path: Path, data: str | bytes) -> ReadContext:
    folder = write_files(tmp_path / "c", {"names.csv": data})
    ctx = ReadContext(folder)
    ctx.source_ids = {"synthetic-a"}
    read_names(ctx, folder / "names.csv")
    return ctx


def names(ctx: ReadContext) -> list[dict[str, Any]]:
    """The valid rows as the archive writer gets them (a second pass over the file)."""
    stream = ctx.bundle.streams.get("names")
    if stream is None:
        return []
    return [dict(zip(ROW_COLUMNS, row, strict=True))
            for batch in stream.read(ValidationReport(), None) for row in batch]


def test_header_order_free_with_bom_and_optional_columns(tmp_path: Path) -> None:
    ctx = load(tmp_path, "\ufeffsource,Village,name,age,Birth Year\n"
                         "synthetic-a,Test Village,Tëst Nəme,41,1950\n,,Test Name 2,,\n")
    assert ctx.report.ok, ctx.report.to_text()
    first, second = names(ctx)
    assert (first["name"], first["age"], first["birth_year"], first["village"],
            first["source_id"]) == ("Tëst Nəme", 41, 1950, "Test Village", "synthetic-a")
    assert (second["name"], second["age"], second["source_id"]) == ("Test Name 2", None, None)
    assert ctx.bundle.counts()["names"] == 2


def test_every_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    ctx = load(tmp_path, "name,age,source\nTest A,131,synthetic-a\n,5,synthetic-a\n"
                         "Test B,-1,synthetic-a\nTest C,ten,synthetic-a\nTest D,30,unknown\n"
                         "Test E,130,synthetic-a\n")
    assert [(p.line, p.column, p.message) for p in ctx.report.errors] == [
        (2, 2, "The age 131 is outside 0-130."),
        (3, 1, "This row has no name."),
        (4, 2, "The age -1 is outside 0-130."),
        (5, 2, "The age 'ten' is not a whole number."),
        (6, 3, "The source 'unknown' is not listed in sources.toml."),
    ]
    # A row with a problem is never written (the package is refused anyway).
    assert [n["name"] for n in names(ctx)] == ["Test E"]


def test_windows_1251_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    ctx = load(tmp_path, "name\nTest\nТестов Тест\n".encode("cp1251"))
    (problem,) = ctx.report.errors
    assert (problem.file, problem.line) == ("names.csv", 3)
    assert "not UTF-8" in problem.message and "save it as UTF-8" in problem.hint
    assert names(ctx) == []


def test_missing_name_column_and_unused_columns(tmp_path: Path) -> None:
    ctx = load(tmp_path, "surname,age\nTest,3\n")
    assert [p.message for p in ctx.report.errors] == ["The required column 'name' is missing."]
    ctx = load(tmp_path / "2", "name,nickname\nTest,T\n")
    assert ctx.report.ok
    messages = [p.message for p in ctx.report.warnings]
    assert "The column(s) nickname are not used." in messages
    assert any("no source column" in m for m in messages)


def test_a_short_row_is_an_error_naming_the_missing_column_not_shifted_values(
        tmp_path: Path) -> None:
    ctx = load(tmp_path, "name,age,village,source\nTest A,41,Test Village,synthetic-a\n"
                         "Test B,42,synthetic-a\n")
    (problem,) = ctx.report.errors
    assert (problem.file, problem.line, problem.column) == ("names.csv", 3, 4)
    assert "the column 'source' is missing" in problem.message
    assert [n["name"] for n in names(ctx)] == ["Test A"]


def test_a_long_row_is_an_error_but_empty_trailing_cells_are_not(tmp_path: Path) -> None:
    ctx = load(tmp_path, "name,age\nTest A,41,,\nTest B,42,oops\n")
    (problem,) = ctx.report.errors
    assert (problem.line, problem.message) == (
        3, "This row has 3 fields but the header names only 2 columns.")
    assert [n["name"] for n in names(ctx)] == ["Test A"]


def test_nul_and_control_characters_are_errors(tmp_path: Path) -> None:
    ctx = load(tmp_path, "name,village\nTest\x00A,X\nTest B,Vil\x1blage\nTest C,\tTabbed\n")
    assert [(p.line, p.column, p.message[:45]) for p in ctx.report.errors] == [
        (2, 1, "The cell under 'name' holds the control chara"),
        (3, 2, "The cell under 'village' holds the control ch"),
    ]
    assert "U+0000" in ctx.report.errors[0].message
    assert [n["name"] for n in names(ctx)] == ["Test C"]


def test_a_million_rows_with_one_unknown_source_give_one_grouped_error(tmp_path: Path) -> None:
    rows = "".join(f"Test {i},x\n" for i in range(200_000))
    ctx = load(tmp_path, "name,source\n" + rows)
    (problem,) = ctx.report.errors
    assert problem.location == "names.csv, line 2 and 199,999 more lines, column 2"
    assert problem.message == "The source 'x' is not listed in sources.toml."
    assert ctx.report.summary() == "200,000 errors, 0 warnings"


def test_reading_reports_rows_and_rate(tmp_path: Path) -> None:
    folder = write_files(tmp_path / "c", {"names.csv": "name\n" + "Test\n" * 300_000})
    ctx = ReadContext(folder)
    seen: list[tuple[str, int, int]] = []
    ctx.progress = lambda stage, done, total: seen.append((stage, done, total))
    read_names(ctx, folder / "names.csv")
    assert ctx.report.ok and ctx.bundle.counts()["names"] == 300_000
    assert seen[-1][0].startswith("Reading names.csv (300,000 rows")
    assert seen[-1][1] == seen[-1][2] == (folder / "names.csv").stat().st_size


def test_deferred_rows_are_not_read_until_written(tmp_path: Path) -> None:
    folder = write_files(tmp_path / "c", {"names.csv": "name,age\nTest,old\n"})
    ctx = ReadContext(folder, defer_streams=True)
    read_names(ctx, folder / "names.csv")
    assert ctx.report.ok and ctx.bundle.streams["names"].count is None
    report = ValidationReport()
    assert list(ctx.bundle.streams["names"].read(report, None)) == []
    assert [p.message for p in report.errors] == ["The age 'old' is not a whole number."]


def test_a_name_with_a_line_break_inside_its_quotes_is_an_error(tmp_path: Path) -> None:
    # Found by the hostile torture suite: a lone CR inside a quoted name was stored.
    ctx = load(tmp_path, 'name,age\n"Test\rName",30\n"Test\nOther",31\nTest Fine,32\n')
    assert [(p.line, p.more, p.column, p.message) for p in ctx.report.errors] == [
        (2, 1, 1, "This name holds a line break; a name is one line.")]  # lines 2 and 3
    assert [n["name"] for n in names(ctx)] == ["Test Fine"]


def test_a_passage_may_carry_the_advisory_of_the_account_it_comes_from(tmp_path: Path) -> None:
    ctx = load(tmp_path, "name,passage,advisory\nTest Name,A synthetic passage.,distressing\n"
                         "Test Name 2,,\nTest Name 3,,violent\n")
    first, second = names(ctx)  # the row with an unknown advisory is not written
    assert (first["advisory"], second["advisory"]) == ("distressing", "none")
    assert [(p.line, p.message) for p in ctx.report.errors] == [
        (4, "The advisory 'violent' is not one of the known values.")]
