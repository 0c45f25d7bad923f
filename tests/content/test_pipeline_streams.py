"""Importing large tables: names are read once, while the archive is written, and a replayed
package is refused before any content is parsed."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.content.readers import folder as folder_module
from tests.support.content.kiosks import Kiosk, resign
from tests.support.content.packages import make_package


def _with_names(package: Path, kiosk: Kiosk, text: str) -> Path:
    (package / "data" / "names.csv").write_text(text, encoding="utf-8")
    resign(package, kiosk.keys)
    return package


def test_a_bad_name_row_found_while_writing_refuses_the_import(installed: Kiosk) -> None:
    package = _with_names(make_package(installed.tmp, installed.keys, 2), installed,
                          "name,age,source\nTest A,1,synthetic-source-1\nTest B,41\n")
    before = installed.snapshot()
    result = installed.import_(package)
    assert [(p.file, p.line, p.column) for p in result.report.errors] == [("names.csv", 3, 3)]
    assert "the column 'source' is missing" in result.report.errors[0].message
    assert result.message().startswith("The package was not imported")
    installed.assert_nothing_changed(before)


def test_names_are_read_once_by_an_import(installed: Kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from khojaly_kiosk.content.readers import csvutil

    reads: list[str] = []
    original = csvutil.CsvStream.batches

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(self.file)
        return original(self, *args, **kwargs)

    package = make_package(installed.tmp, installed.keys, 2, names=40)
    monkeypatch.setattr(csvutil.CsvStream, "batches", counting)
    result = installed.import_(package)
    assert result.report.ok, result.report.to_text()
    assert result.counts["names"] == 40
    assert reads.count("names.csv") == 1


def test_a_replayed_package_is_refused_before_its_content_is_read(
        installed: Kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    package = _with_names(make_package(installed.tmp, installed.keys, 1, name="replay"),
                          installed, "name\n" + "\n".join(["Test,extra"] * 1000) + "\n")

    def must_not_read(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("content was parsed")

    monkeypatch.setattr(folder_module, "read_content_folder", must_not_read)
    monkeypatch.setattr("khojaly_kiosk.content.package.read_content_folder", must_not_read)
    before = installed.snapshot()
    result = installed.import_(package)
    (problem,) = result.report.errors
    assert problem.file == "bag-info.txt" and "version 1 is already installed" in problem.message
    installed.assert_nothing_changed(before)


def test_the_disk_filling_while_names_are_written_stops_with_one_sentence(
        installed: Kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from khojaly_kiosk.content import diskspace, install

    package = _with_names(make_package(installed.tmp, installed.keys, 2), installed,
                          "name,source\n" + "Test,synthetic-source-1\n" * 200_000)
    monkeypatch.setattr(install, "_DISK_CHECK_SECONDS", 0)
    real = diskspace.shutil.disk_usage
    checks: list[int] = []

    def filling(path):  # type: ignore[no-untyped-def]
        if Path(path).is_relative_to(installed.paths.archives) and len(checks) > 2:
            return SimpleNamespace(free=10 * 1024 * 1024)  # below the reserve now
        checks.append(1)
        return real(path)

    monkeypatch.setattr(diskspace.shutil, "disk_usage", filling)
    before = installed.snapshot()
    result = installed.import_(package)
    (problem,) = result.report.errors
    assert problem.message == (
        "The import needs about 64 MB of free disk space (1 MB for the new archive, and 64 MB "
        "that always stays free so the kiosk can go on writing its logs and visitor counts), "
        "but only 10 MB are free.")
    assert "Traceback" not in result.report.to_text()
    installed.assert_nothing_changed(before)
