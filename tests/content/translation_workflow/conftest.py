"""A small synthetic content folder for the translation workflow tests.

ALL CONTENT HERE IS SYNTHETIC TEST DATA, and so is every "translation": invented words for
tests only, never shipped, never about Khojaly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.content.folders import minimal_folder

TESTIMONY = '''\
[[testimony]]
id = "test-witness"
name = "Test Witness"
role = "Synthetic witness"
title = "A synthetic account"
group = "survivors"
source = "synthetic-a"
body = """First synthetic paragraph: 613 synthetic things, "quoted" words.

Second synthetic paragraph of 1,290 words."""
'''
STATISTICS = '''\
[[statistic]]
id = "synthetic-count"
value = 613
label = "synthetic things"
group = "losses"
source = "synthetic-a"
'''
# segment id -> a synthetic Azerbaijani-looking target that keeps numbers and quotes
TARGETS = {
    "testimony:test-witness:title": "Sintetik hekayə",
    "testimony:test-witness:body:1": "Birinci sintetik abzas: 613 sintetik şey, «sitat» sözlər.",
    "testimony:test-witness:body:2": "İkinci sintetik abzas, 1 290 söz.",
    "person:test-witness:role": "Sintetik şahid",
    "statistic:synthetic-count:label": "sintetik şey",
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return minimal_folder(tmp_path, {"testimonies.toml": TESTIMONY,
                                     "statistics.toml": STATISTICS})


def fill_xliff(path: Path, targets: dict[str, str], translator: str = "",
               out: Path | None = None) -> Path:
    """Write ``targets`` into an exported XLIFF file, as a CAT tool would (synthetic)."""
    import xml.etree.ElementTree as ET

    from khojaly_kiosk.content.translation_workflow.xliff import MDA_NS, XLIFF_NS

    ET.register_namespace("", XLIFF_NS)
    ET.register_namespace("mda", MDA_NS)
    x, mda = f"{{{XLIFF_NS}}}", f"{{{MDA_NS}}}"
    tree = ET.parse(path)
    for meta in tree.getroot().iter(f"{mda}meta"):
        if meta.get("type") == "translator" and translator:
            meta.text = translator
    for unit in tree.getroot().iter(f"{x}unit"):
        text = targets.get(unit.get("id", ""))
        if text is None:
            continue
        segment = unit.find(f"{x}segment")
        assert segment is not None
        target = segment.find(f"{x}target")
        if target is None:
            target = ET.SubElement(segment, f"{x}target")
        target.text = text
        segment.set("state", "translated")
    out = out or path
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out


def fill_csv(path: Path, targets: dict[str, str], out: Path | None = None,
             **columns: str) -> Path:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["id"] in targets:
            row["target"] = targets[row["id"]]
            row.update(columns)
    out = out or path
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


def fill_xlsx(path: Path, targets: dict[str, str], out: Path | None = None) -> Path:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    id_col, target_col = headers.index("id") + 1, headers.index("target") + 1
    for row in range(2, sheet.max_row + 1):
        segment = sheet.cell(row=row, column=id_col).value
        if segment in targets:
            sheet.cell(row=row, column=target_col).value = targets[segment]
    out = out or path
    book.save(out)
    return out
