"""The translation workflow end to end, on the shipped demo content (issue 15's "done when").

The demo content is exported to XLIFF (az) and XLSX (tr), "translated" SYNTHETICALLY (every
target says "(synthetic)" and keeps the English numbers: no real translation is made or
shipped), imported back, built into a signed package, imported into a kiosk, and shown: the
reader and the timeline in Azerbaijani with the translator's credit, the original one tap away.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.content.package import build_package
from khojaly_kiosk.content.pipeline import import_package
from khojaly_kiosk.content.translation_workflow.export import export_translations
from khojaly_kiosk.content.translation_workflow.importer import Credit, import_translations
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.resources import db_path
from khojaly_kiosk.settings import load_settings
from khojaly_kiosk.ui import navigation as keys
from tests.content.translation_workflow.conftest import fill_xliff
from tests.support.content.packages import make_keys
from tests.support.qt import open_reader, settle, tap, visible_texts

TRANSLATOR = "Synthetic Translator (test data)"
_NUMBER = re.compile(r"\d+(?:,\d{3})*")


def synthetic(segment_id: str, source: str) -> str:
    """A made-up target that keeps every number of the English (the import checks that)."""
    return f"Sintetik mətn {segment_id.split(':')[-1]} (synthetic) " + \
        " ".join(_NUMBER.findall(source))


def _translate_xliff(path: Path) -> None:
    from translate.storage.xliff2 import Xliff2File

    store = Xliff2File.parsefile(str(path))
    targets = {unit.getid(): synthetic(unit.getid(), unit.source) for unit in store.units}
    fill_xliff(path, targets, translator=TRANSLATOR)


def _translate_xlsx(path: Path) -> None:
    book = load_workbook(path)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        source = sheet.cell(row=row, column=headers.index("source") + 1).value
        target = sheet.cell(row=row, column=headers.index("target") + 1)
        target.value = target.value or "Sentetik metin (synthetic) " + " ".join(
            _NUMBER.findall(str(source)))
    book.save(path)


@pytest.mark.slow
def test_demo_translated_exported_imported_built_and_shown(shell, qtbot, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(db_path("demo"), content)
    xliff = export_translations(content, "az", "xliff", tmp_path / "az.xlf").out
    _translate_xliff(xliff)
    merged = import_translations(xliff, content, "az")
    assert merged.report.ok, merged.report.to_text()
    assert merged.coverage is not None and merged.coverage.percent == 100
    sheet = export_translations(content, "tr", "xlsx", tmp_path / "tr.xlsx").out
    _translate_xlsx(sheet)
    assert import_translations(sheet, content, credit=Credit(translator=TRANSLATOR)).report.ok

    keys_ = make_keys(tmp_path / "keys")
    package = build_package(content, tmp_path / "package", keys_.private, version=2,
                            source_org="Synthetic Test Organisation")
    paths = DataPaths(tmp_path / "data").ensure()
    settings = load_settings(paths.root, environ={}, trusted_keys=(keys_.public_hex,),
                             demo_mode=False)
    result = import_package(package, paths, settings)
    assert result.report.ok, result.report.to_text()
    live = GenerationStore(paths.archives).open_live()
    try:
        coverage = {c.language: c.sentence() for c in live.repos.summary().coverage}
        assert (coverage["az"], coverage["tr"]) == ("az: 100 % of 474 segments",
                                                    "tr: 100 % of 474 segments")
        assert coverage["ru"].startswith("ru: <1 % of 474 segments")

        shell.swap_repos(live.repos)
        shell.set_language("az")
        settle(shell, qtbot)
        reader = open_reader(shell, qtbot, "humay-abbasova")
        reader.read_account()  # past the advisory, as after "Read the account"
        settle(shell, qtbot)
        texts = visible_texts(reader)
        assert reader.paragraphs[0].text().startswith("Sintetik mətn 1 (synthetic) 7")
        assert f"İngilis dilindən tərcümə edən: {TRANSLATOR}." in texts
        button = reader.credit_line.button
        assert button.isVisible() and button.text() == "Orijinalı göstər"
        assert reader.source_label.text()  # the quote keeps its attribution
        tap(reader.credit_line.button)
        settle(shell, qtbot)
        assert reader.paragraphs[0].text().startswith("Setting out at 7pm")
        assert "Orijinal mətn, ingilis dilində." in visible_texts(reader)
        tap(reader.credit_line.button)
        settle(shell, qtbot)
        assert reader.paragraphs[0].text().startswith("Sintetik mətn")

        shell.go(keys.TIMELINE)
        settle(shell, qtbot)
        timeline = shell.current_screen()
        timeline.select(0)  # past the title slide, the first event
        slide = timeline.slide
        assert slide.text.text().startswith("Sintetik mətn")
        assert f"İngilis dilindən tərcümə edən: {TRANSLATOR}." in visible_texts(slide)
    finally:
        shell.swap_repos(None)
        live.close()
