"""The curator's commands: build-package says every warning, --strict refuses them, verify
checks against a given key on a machine that is no kiosk, spreadsheets in and out.

ALL CONTENT HERE IS SYNTHETIC TEST DATA.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khojaly_kiosk.cli import main
from tests.support.content.packages import make_keys, write_content


def unsourced(folder: Path) -> Path:
    """A valid folder whose names name no source (a warning, not an error)."""
    write_content(folder)
    (folder / "names.csv").write_text("name\nTest Name 1\n", encoding="utf-8")
    (folder / "names.xlsx").write_bytes(b"PK")  # a stray workbook, as in the issue
    return folder


def test_build_package_prints_every_warning(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    keys = make_keys(tmp_path)
    src = unsourced(tmp_path / "src")
    assert main(["build-package", str(src), str(tmp_path / "pkg"), "--key", str(keys.private),
                 "--version", "2"]) == 0
    out = capsys.readouterr().out
    assert "names.csv, line 1: The names have no source column" in out
    assert "names.xlsx is not read" in out
    assert "0 errors, 2 warnings." in out
    assert out.rstrip().endswith(f"Wrote the package {tmp_path / 'pkg'}.")


def test_strict_makes_warnings_refuse_the_package(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    keys = make_keys(tmp_path)
    src = unsourced(tmp_path / "src")
    assert main(["build-package", str(src), str(tmp_path / "pkg"), "--key", str(keys.private),
                 "--version", "2", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "The content folder has 0 errors, 2 warnings; no package was written." in err
    assert not (tmp_path / "pkg").exists()


def test_without_an_organisation_the_package_is_built_and_reads_plainly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = make_keys(tmp_path)
    src = write_content(tmp_path / "src")
    toml = (src / "package.toml").read_text(encoding="utf-8")
    (src / "package.toml").write_text(
        "\n".join(line for line in toml.splitlines() if "source_organization" not in line),
        encoding="utf-8")
    assert main(["build-package", str(src), str(tmp_path / "pkg"), "--key", str(keys.private),
                 "--version", "1"]) == 0
    info = (tmp_path / "pkg" / "bag-info.txt").read_text(encoding="utf-8")
    assert "Source-Organization: synthetic-exhibition" in info
    assert "Source-Organization" not in capsys.readouterr().out


def test_verify_with_a_public_key_needs_no_kiosk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    keys, other = make_keys(tmp_path), make_keys(tmp_path, "someone-else")
    assert main(["build-package", str(write_content(tmp_path / "src")), str(tmp_path / "pkg"),
                 "--key", str(keys.private), "--version", "1"]) == 0
    capsys.readouterr()
    nowhere = tmp_path / "no-kiosk-here"
    monkeypatch.setenv("KHOJALY_DATA_DIR", str(nowhere))
    assert main(["verify", str(tmp_path / "pkg"), "--public-key", str(keys.public)]) == 0
    assert "No problems found." in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "pkg"), "--public-key", str(other.public)]) == 1
    assert "signature" in capsys.readouterr().out
    assert not nowhere.exists()  # the curator's machine got no kiosk data folder


def test_export_sheets_and_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_content(tmp_path / "src")
    assert main(["export-sheets", str(src), str(tmp_path / "book"), "--workbook"]) == 0
    assert (tmp_path / "book" / "content.xlsx").is_file()
    assert main(["verify", str(tmp_path / "book")]) == 1  # a folder, not a package: refused
    assert main(["templates", str(tmp_path / "templates")]) == 0
    assert (tmp_path / "templates" / "testimonies.csv").is_file()
    assert "Wrote 13 empty templates" in capsys.readouterr().out


def test_a_workbook_with_a_formula_writes_no_package(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    keys = make_keys(tmp_path)
    src = write_content(tmp_path / "src")
    (src / "statistics.toml").unlink()
    book = Workbook()
    sheet = book.active
    sheet.title = "statistics"
    sheet.append(["id", "value", "label", "group", "source"])
    sheet.append(["synthetic-count", "=3+4", "synthetic things", "losses", "synthetic-source-1"])
    book.save(src / "content.xlsx")
    assert main(["build-package", str(src), str(tmp_path / "pkg"), "--key", str(keys.private),
                 "--version", "2"]) == 1
    err = capsys.readouterr().err
    assert "content.xlsx, sheet 'statistics', row 2, column B: The cell B2 holds a formula" in err
    assert not (tmp_path / "pkg").exists()
