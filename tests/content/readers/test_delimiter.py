"""content/readers/delimiter.py: , ; or tab, decided by the header row."""

from __future__ import annotations

from pathlib import Path

import pytest

from khojaly_kiosk.content.readers.delimiter import detect_delimiter
from khojaly_kiosk.content.readers.folder import read_content_folder
from tests.support.content.folders import minimal_folder, names_of


@pytest.mark.parametrize(("text", "expected"), [
    ("name,age\nA; B,3\n", ","),
    ("name;age;source\nTest, Name;3;x\n", ";"),
    ("name\tage\nA,B;C\t3\n", "\t"),
    ("name\nA;B\n", ","),  # one column: no delimiter at all
    ("\n\nname;age\n", ";"),  # blank lines before the header
    ('"a;b",c,d\n', ","),  # a quoted header cell holding a semicolon
    ("", ","),
])
def test_the_header_decides(text: str, expected: str) -> None:
    assert detect_delimiter(text) == expected


def test_a_semicolon_csv_from_excel_reads_like_a_comma_one(tmp_path: Path) -> None:
    folder = minimal_folder(tmp_path, {
        "names.csv": "name;age;village;source\r\nTest Name 1;30;Test, Village;synthetic-a\r\n",
        "recognitions.csv": "id\tkind\tname\tsource\n"
                            "synthetic-x\tcountry\tSynthetic\tsynthetic-a\n"})
    bundle, report = read_content_folder(folder)
    assert report.ok and not report.warnings, report.to_text()
    (first,) = names_of(bundle)
    assert (first.name, first.village) == ("Test Name 1", "Test, Village")
    assert bundle.recognitions[0].name == "Synthetic"


def test_a_csv_not_in_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    folder = minimal_folder(tmp_path, {
        "statistics.csv": "id;value;label;group\nx;1;Тест;losses\n".encode("cp1251")})
    _bundle, report = read_content_folder(folder)
    (error,) = report.errors
    assert error.location == "statistics.csv, line 2"
    assert "statistics.csv is not UTF-8 text (line 2" in error.message
