"""content/readers/names.py: the names list, header-driven, UTF-8 only."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.names import read_names
from tests.support.content.folders import write_files


def load(tmp_path: Path, data: str | bytes) -> ReadContext:
    folder = write_files(tmp_path / "c", {"names.csv": data})
    ctx = ReadContext(folder)
    ctx.source_ids = {"synthetic-a"}
    read_names(ctx, folder / "names.csv")
    return ctx


def test_header_order_free_with_bom_and_optional_columns(tmp_path: Path) -> None:
    ctx = load(tmp_path, "\ufeffsource,Village,name,age,Birth Year\n"
                         "synthetic-a,Test Village,Tëst Nəme,41,1950\n,,Test Name 2,,\n")
    assert ctx.report.ok, ctx.report.to_text()
    first, second = ctx.bundle.names
    assert (first.name, first.age, first.birth_year, first.village, first.source_id) == (
        "Tëst Nəme", 41, 1950, "Test Village", "synthetic-a")
    assert (second.name, second.age, second.source_id) == ("Test Name 2", None, None)


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
    assert [n.name for n in ctx.bundle.names] == ["Test A", "Test B", "Test C", "Test D",
                                                  "Test E"]


def test_windows_1251_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    ctx = load(tmp_path, "name\nTest\nТестов Тест\n".encode("cp1251"))
    (problem,) = ctx.report.errors
    assert (problem.file, problem.line) == ("names.csv", 3)
    assert "not UTF-8" in problem.message and "save it as UTF-8" in problem.hint
    assert ctx.bundle.names == []


def test_missing_name_column_and_unused_columns(tmp_path: Path) -> None:
    ctx = load(tmp_path, "surname,age\nTest,3\n")
    assert [p.message for p in ctx.report.errors] == ["The required column 'name' is missing."]
    ctx = load(tmp_path / "2", "name,nickname\nTest,T\n")
    assert ctx.report.ok
    messages = [p.message for p in ctx.report.warnings]
    assert "The column(s) nickname are not used." in messages
    assert any("no source column" in m for m in messages)


def test_a_passage_may_carry_the_advisory_of_the_account_it_comes_from(tmp_path: Path) -> None:
    ctx = load(tmp_path, "name,passage,advisory\nTest Name,A synthetic passage.,distressing\n"
                         "Test Name 2,,\nTest Name 3,,violent\n")
    first, second, _third = ctx.bundle.names
    assert (first.advisory, second.advisory) == ("distressing", None)
    assert [p.message for p in ctx.report.errors] == [
        "The advisory 'violent' is not one of the known values."]
