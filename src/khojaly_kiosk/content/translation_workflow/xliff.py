"""XLIFF 2.0 (OASIS) for CAT tools such as OmegaT, memoQ and Trados.

One ``<file>`` per export; one ``<unit>`` per segment (its id is the segment id), with one
``<segment>`` holding the English ``<source>`` and the current ``<target>`` if there is one.
The kiosk's own facts ride in the XLIFF 2.0 Metadata module (``mda:``): the package id and,
at file level, the translator, reviewer and date for a translator to fill in; per unit the
source hash and the field. (The credit of a translation already in the package stays there:
a unit may name its own translator, reviewer and date, for a changed target.) A stale
translation is given as a note (``earlier-translation``), never as the target. Written with
the standard library; read with ``defusedxml`` (no DTDs, no entity expansion): files may come
from anywhere.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.translation_workflow.catalogue import Entry
from khojaly_kiosk.content.translation_workflow.formats import (
    META_CATEGORY,
    FileEntry,
    TranslatedFile,
)

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
XLIFF1_PREFIX = "urn:oasis:names:tc:xliff:document:1."
MAX_BYTES = 50_000_000
_X = f"{{{XLIFF_NS}}}"
_M = f"{{{MDA_NS}}}"


def _metadata(parent: Element, facts: dict[str, str]) -> None:
    group = SubElement(SubElement(parent, f"{_M}metadata"), f"{_M}metaGroup",
                       category=META_CATEGORY)
    for kind, value in facts.items():
        SubElement(group, f"{_M}meta", type=kind).text = value


def xliff_document(entries: Sequence[Entry], package: str, source_language: str,
                   target_language: str) -> bytes:
    """The XLIFF 2.0 file of ``entries`` (UTF-8 bytes with an XML declaration)."""
    ET.register_namespace("", XLIFF_NS)
    ET.register_namespace("mda", MDA_NS)
    root = Element(f"{_X}xliff", version="2.0", srcLang=source_language,
                   trgLang=target_language)
    file = SubElement(root, f"{_X}file", id=package or "content", original=package)
    # Filled by the translator (or given on the command line at import): the credit line.
    _metadata(file, {"package": package, "translator": "", "reviewer": "", "date": ""})
    for entry in entries:
        segment = entry.segment
        unit = SubElement(file, f"{_X}unit", id=segment.id)
        _metadata(unit, {"source-hash": segment.hash, "field": segment.field})
        notes = SubElement(unit, f"{_X}notes")
        SubElement(notes, f"{_X}note", category="context").text = segment.context
        if entry.earlier:
            SubElement(notes, f"{_X}note", category="earlier-translation").text = (
                "Translated from earlier English, which has changed since: " + entry.earlier)
        state = ("reviewed" if entry.reviewer else "translated") if entry.target else "initial"
        part = SubElement(unit, f"{_X}segment", state=state)
        SubElement(part, f"{_X}source").text = segment.source
        if entry.target:
            SubElement(part, f"{_X}target").text = entry.target
    ET.indent(root, space="  ")
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def write_xliff(entries: Sequence[Entry], package: str, source_language: str,
                target_language: str, out: Path) -> None:
    out.write_bytes(xliff_document(entries, package, source_language, target_language))


def _facts(element: Element) -> dict[str, str]:
    """The kiosk's ``mda:meta`` facts directly under ``element``."""
    facts: dict[str, str] = {}
    for group in element.findall(f"{_M}metadata/{_M}metaGroup"):
        if group.get("category", META_CATEGORY) != META_CATEGORY:
            continue
        for meta in group.findall(f"{_M}meta"):
            facts.setdefault(meta.get("type", ""), (meta.text or "").strip())
    return facts


def _text(unit: Element, part: str) -> str | None:
    """The unit's source or target: its segments and ignorables joined (a CAT tool may have
    split a paragraph into sentences); None when no segment has that part."""
    pieces: list[str] = []
    found = False
    for child in unit:
        if child.tag not in (f"{_X}segment", f"{_X}ignorable"):
            continue
        element = child.find(f"{_X}{part}")
        if element is not None:
            found = found or child.tag == f"{_X}segment"
            pieces.append("".join(element.itertext()))
    return "".join(pieces) if found else None


def read_xliff(path: Path, name: str, report: ValidationReport) -> TranslatedFile | None:
    """Parse an XLIFF 2.0 file; None (with errors reported) when it cannot be used."""
    where = Where(name)
    try:
        if path.stat().st_size > MAX_BYTES:
            report.error(where, f"{name} is larger than {MAX_BYTES // 1_000_000} MB.",
                         "Export the translations again; an export of a package is far smaller.")
            return None
        root = SafeET.parse(path).getroot()
    except DefusedXmlException:
        report.error(where, f"{name} declares a DTD or entities, which are not accepted.",
                     "Export the file again from the CAT tool as plain XLIFF 2.0.")
        return None
    except ET.ParseError as err:
        line, column = getattr(err, "position", (None, None))
        report.error(where.at(line, column), f"{name} is not well-formed XML ({err}).",
                     "Export the file again from the CAT tool; do not edit it by hand.")
        return None
    except OSError as err:
        report.error(where, f"{name} cannot be read ({err.strerror or err}).")
        return None
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    version = root.get("version", "")
    if namespace.startswith(XLIFF1_PREFIX) or version.startswith("1."):
        report.error(where, f"{name} is XLIFF {version or '1.x'}; the kiosk reads XLIFF 2.0.",
                     "In the CAT tool, export (or save) the translated file as XLIFF 2.0, or "
                     "translate the XLIFF 2.0 file the kiosk exported as it is.")
        return None
    if root.tag != f"{_X}xliff" or not version.startswith("2."):
        report.error(where, f"{name} is not an XLIFF 2.0 file.",
                     "Give the .xlf file exported by `khojaly-kiosk translations export`.")
        return None
    result = TranslatedFile(name, source_language=root.get("srcLang", "").strip(),
                            target_language=root.get("trgLang", "").strip())
    for file in root.findall(f"{_X}file"):
        facts = _facts(file)
        result.package = result.package or facts.get("package") or file.get("original", "")
        result.translator = result.translator or facts.get("translator", "")
        result.reviewer = result.reviewer or facts.get("reviewer", "")
        result.date = result.date or facts.get("date", "")
        for unit in file.iter(f"{_X}unit"):
            result.entries.append(_entry(unit, name))
    return result


def _entry(unit: Element, name: str) -> FileEntry:
    unit_id = unit.get("id", "").strip()
    facts = _facts(unit)
    return FileEntry(unit_id, Where(name, item=f"unit '{unit_id}'"), _text(unit, "source") or "",
                     facts.get("source-hash", ""), _text(unit, "target") or "",
                     facts.get("translator", ""), facts.get("reviewer", ""),
                     facts.get("date", ""))
