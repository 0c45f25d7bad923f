"""Extract UI strings into .ts files, merge translators' work, and compile .qm files.

Usage (from the repository root, with the project's virtualenv):

    python tools/update_translations.py              # lupdate -> fill English -> lrelease, report
    python tools/update_translations.py --check      # change nothing; exit 1 if anything is missing
    python tools/update_translations.py --export-tsv todo.tsv   # unfinished strings for translators
    python tools/update_translations.py --apply-tsv done.tsv    # merge a filled-in sheet, rebuild
    python tools/update_translations.py --update-memory  # remember finished translations

Every run first fills still-unfinished strings whose exact English text is in
``tools/translation_memory.tsv`` (columns ``source, az, en, ru, tr``), so a string that moves to
another screen, or a label reused elsewhere, keeps its reviewed translation.

Strings come from ``self.tr()`` / ``QCoreApplication.translate()`` in ``src/khojaly_kiosk/ui``
and ``src/khojaly_kiosk/kiosk``. English is the source language; its .ts only needs plural forms
by hand, every other English string is filled with its source text. The TSV sheet has the columns
``context, source, comment, az, en, ru, tr``; plural forms in a cell are separated by ``||``.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = (ROOT / "src" / "khojaly_kiosk" / "ui", ROOT / "src" / "khojaly_kiosk" / "kiosk")
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("az", "en", "ru", "tr")
PLURAL_SEPARATOR = "||"
TSV_COLUMNS = ("context", "source", "comment", *LANGUAGES)
MEMORY = ROOT / "tools" / "translation_memory.tsv"
MEMORY_COLUMNS = ("source", *LANGUAGES)


def ts_file(lang: str) -> Path:
    return TS_DIR / f"khojaly_{lang}.ts"


def qm_file(lang: str) -> Path:
    return TS_DIR / f"khojaly_{lang}.qm"


def qt_tool(name: str) -> str:
    """The pyside6 tool next to this Python (the virtualenv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found; install PySide6 into this Python first.")
    return found


def source_files() -> list[str]:
    files = sorted(str(p) for folder in SOURCE_DIRS if folder.is_dir()
                   for p in folder.rglob("*.py"))
    return [f for f in files if "__pycache__" not in f]


def run_lupdate() -> None:
    files = source_files()
    for lang in LANGUAGES:
        subprocess.run(
            [qt_tool("pyside6-lupdate"), "-silent", "-locations", "relative", "-no-obsolete",
             "-source-language", "en", "-target-language", lang, *files,
             "-ts", str(ts_file(lang))],
            check=True,
        )


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)


def release_all() -> None:
    for lang in LANGUAGES:
        run_lrelease(ts_file(lang), qm_file(lang))


# -- reading and editing .ts XML ------------------------------------------------------------

def messages(tree: ET.ElementTree) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) pairs in file order."""
    pairs = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        pairs.extend((name, message) for message in context.iter("message"))
    return pairs


def key_of(context: str, message: ET.Element) -> tuple[str, str, str]:
    return context, message.findtext("source", ""), message.findtext("comment", "")


def translation_forms(message: ET.Element) -> list[str]:
    node = message.find("translation")
    if node is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in node.iter("numerusform")]
    return [node.text or ""]


def is_finished(message: ET.Element) -> bool:
    node = message.find("translation")
    if node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation_forms(message)
    return bool(forms) and all(form.strip() for form in forms)


def set_translation(message: ET.Element, forms: list[str]) -> None:
    node = message.find("translation")
    if node is None:
        node = ET.SubElement(message, "translation")
    node.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(node):
            node.remove(child)
        node.text = None
        for form in forms:
            ET.SubElement(node, "numerusform").text = form
    else:
        node.text = forms[0]


def save(tree: ET.ElementTree, path: Path) -> None:
    # lupdate rewrites the file in its own layout on the next run; only the content matters here.
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def fill_english() -> int:
    """English is the source: every unfinished singular string translates to itself."""
    tree = ET.parse(ts_file("en"))
    filled = 0
    for _context, message in messages(tree):
        if not is_finished(message) and message.get("numerus") != "yes":
            set_translation(message, [message.findtext("source", "")])
            filled += 1
    if filled:
        save(tree, ts_file("en"))
    return filled


def unfinished(lang: str) -> list[tuple[str, ET.Element]]:
    return [(c, m) for c, m in messages(ET.parse(ts_file(lang))) if not is_finished(m)]


def export_tsv(path: Path) -> int:
    """Write every string unfinished in some language, with what each language already has."""
    trees = {lang: ET.parse(ts_file(lang)) for lang in LANGUAGES}
    known = {lang: {key_of(c, m): m for c, m in messages(tree)} for lang, tree in trees.items()}
    rows = []
    for context, message in messages(trees["az"]):
        key = key_of(context, message)
        cells = {lang: PLURAL_SEPARATOR.join(translation_forms(known[lang][key]))
                 for lang in LANGUAGES if key in known[lang]}
        if any(not is_finished(known[lang][key]) for lang in LANGUAGES if key in known[lang]):
            rows.append({"context": key[0], "source": key[1], "comment": key[2], **cells})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, TSV_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def apply_tsv(path: Path) -> int:
    """Merge non-empty cells of a translator's sheet into the .ts files; returns cells applied."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    applied = 0
    for lang in LANGUAGES:
        tree = ET.parse(ts_file(lang))
        by_key = {key_of(c, m): m for c, m in messages(tree)}
        for row in rows:
            text = (row.get(lang) or "").strip()
            message = by_key.get((row["context"], row["source"], row.get("comment") or ""))
            if text and message is not None:
                set_translation(message, [form.strip() for form in text.split(PLURAL_SEPARATOR)])
                applied += 1
        save(tree, ts_file(lang))
    return applied


def _fits(message: ET.Element, forms: list[str]) -> bool:
    """Plural rows must bring exactly the language's number of forms; others exactly one."""
    if message.get("numerus") != "yes":
        return len(forms) == 1
    node = message.find("translation")
    return node is not None and len(list(node.iter("numerusform"))) == len(forms)


def apply_memory(path: Path = MEMORY) -> int:
    """Fill unfinished strings (without a disambiguating comment) from the memory."""
    if not path.exists():
        return 0
    with path.open(encoding="utf-8", newline="") as handle:
        memory = {row["source"]: row for row in csv.DictReader(handle, delimiter="\t")}
    filled = 0
    for lang in LANGUAGES:
        tree = ET.parse(ts_file(lang))
        changed = False
        for _context, message in messages(tree):
            row = memory.get(message.findtext("source", ""))
            if row is None or is_finished(message) or message.findtext("comment"):
                continue
            forms = [f.strip() for f in (row.get(lang) or "").split(PLURAL_SEPARATOR)]
            if all(forms) and _fits(message, forms):
                set_translation(message, forms)
                changed = True
                filled += 1
        if changed:
            save(tree, ts_file(lang))
    return filled


def update_memory(path: Path = MEMORY) -> int:
    """Add every finished translation whose English text reads the same in all contexts."""
    rows: dict[str, dict[str, str]] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            rows = {row["source"]: row for row in csv.DictReader(handle, delimiter="\t")}
    seen: dict[str, dict[str, set[str]]] = {}
    for lang in LANGUAGES:
        for _context, message in messages(ET.parse(ts_file(lang))):
            if is_finished(message) and not message.findtext("comment"):
                text = PLURAL_SEPARATOR.join(translation_forms(message))
                seen.setdefault(message.findtext("source", ""), {}).setdefault(
                    lang, set()).add(text)
    for source, by_lang in seen.items():
        if all(len(texts) == 1 for texts in by_lang.values()):  # one sense only
            row = rows.setdefault(source, {"source": source})
            row.update({lang: next(iter(texts)) for lang, texts in by_lang.items()})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, MEMORY_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows[key] for key in sorted(rows))
    return len(rows)


def stale_qm() -> list[str]:
    """Languages whose .qm differs from what lrelease builds from the .ts now."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            fresh = Path(tmp) / f"khojaly_{lang}.qm"
            run_lrelease(ts_file(lang), fresh)
            if not qm_file(lang).exists() or not filecmp.cmp(fresh, qm_file(lang), shallow=False):
                stale.append(lang)
    return stale


def report() -> int:
    missing = 0
    for lang in LANGUAGES:
        total = len(messages(ET.parse(ts_file(lang))))
        todo = unfinished(lang)
        missing += len(todo)
        print(f"{lang}: {total - len(todo)} of {total} strings translated")
        for context, message in todo:
            print(f"    {context}: {message.findtext('source')!r}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; fail if strings are untranslated or .qm is stale")
    parser.add_argument("--export-tsv", type=Path, metavar="FILE")
    parser.add_argument("--apply-tsv", type=Path, metavar="FILE")
    parser.add_argument("--update-memory", action="store_true",
                        help="record finished translations in tools/translation_memory.tsv")
    args = parser.parse_args(argv)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    if args.check:
        missing = report()
        stale = stale_qm()
        if stale:
            print("Out of date .qm files: " + ", ".join(stale) + ". Run this tool without --check.")
        return 1 if missing or stale else 0
    run_lupdate()
    changed = 0
    if args.apply_tsv:
        changed = apply_tsv(args.apply_tsv)
        print(f"Applied {changed} translations from {args.apply_tsv}.")
    changed += apply_memory() + fill_english()
    if changed:
        run_lupdate()  # let lupdate write the edited files back in its own layout
    if args.export_tsv:
        print(f"Wrote {export_tsv(args.export_tsv)} strings to translate to {args.export_tsv}.")
    release_all()
    if args.update_memory:
        print(f"The translation memory holds {update_memory()} strings.")
    report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
