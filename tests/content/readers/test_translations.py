"""content/readers/translations.py: translations/*.csv rows."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.translations import read_translations
from tests.support.content.folders import write_files


def test_valid_invalid_unknown_and_duplicate_rows(tmp_path: Path) -> None:
    ctx = ReadContext(write_files(tmp_path / "c", {
        "translations/a.csv": "entity,entity_id,field,language,text\n"
                              "testimony,t-1,title,az,Sintetik\n"
                              "event,e-1,headline,tr,Sentetik\n"
                              "testimony,t-1,title,de,Synthetisch\n"
                              "planet,t-1,title,az,x\n"
                              "testimony,t-1,colour,az,x\n"
                              "testimony,t-2,body,ru,Текст\n"
                              "testimony,t-1,body,az,\n",
        "translations/b.csv": "entity,entity_id,field,language,text\n"
                              "testimony,t-1,title,az,Again\n",
    }))
    ctx.bundle.testimonies.append(m.Testimony(id="t-1", title="T", body="B"))
    ctx.bundle.events.append(m.TimelineEvent(id="e-1", headline="H"))
    read_translations(ctx)
    assert ctx.report.errors[2].hint == "Use one of: title, body."
    assert [(p.file, p.line, p.message) for p in ctx.report.errors] == [
        ("translations/a.csv", 4, "The language 'de' is not one of the known values."),
        ("translations/a.csv", 5, "The entity 'planet' is not one of the known values."),
        ("translations/a.csv", 6, "The field 'colour' is not one of the known values."),
        ("translations/b.csv", 2, "This title of testimony 't-1' in 'az' is already translated "
                                  "(translations/a.csv, line 2)."),
    ]
    assert [(p.line, p.message[:30]) for p in ctx.report.warnings] == [
        (7, "No testimony has the id 't-2';"), (8, "This translation is empty and ")]
    assert [(t.entity, t.entity_id, t.field, t.language, t.text)
            for t in ctx.bundle.translations] == [
        ("testimony", "t-1", "title", "az", "Sintetik"),
        ("timeline_event", "e-1", "headline", "tr", "Sentetik"),
        ("testimony", "t-2", "body", "ru", "Текст"),
    ]


def test_missing_columns(tmp_path: Path) -> None:
    ctx = ReadContext(write_files(tmp_path / "c", {"translations/x.csv": "entity,text\na,b\n"}))
    read_translations(ctx)
    assert len(ctx.report.errors) == 3 and ctx.bundle.translations == []


PARAGRAPHS = "First synthetic paragraph.\n\nSecond synthetic paragraph."


def _context(tmp_path: Path, rows: str) -> ReadContext:
    from khojaly_kiosk.content.readers.translatable import source_hash

    hashes = {"h1": source_hash("First synthetic paragraph."),
              "h2": source_hash("Second synthetic paragraph."),
              "ht": source_hash("Synthetic title")}
    for name, value in hashes.items():
        rows = rows.replace("{" + name + "}", value)
    ctx = ReadContext(write_files(tmp_path / "c", {
        "translations/az.csv": "entity,entity_id,field,paragraph,language,text,source_hash,"
                               "translator,reviewer,date\n" + rows}))
    ctx.bundle.testimonies.append(m.Testimony(id="t-1", title="Synthetic title",
                                              body=PARAGRAPHS))
    return ctx


def test_paragraph_rows_are_joined_with_their_credit(tmp_path: Path) -> None:
    ctx = _context(tmp_path,
                   "testimony,t-1,body,2,az,İkinci (sintetik),{h2},Test Translator B,,2026-01-02\n"
                   "testimony,t-1,body,1,az,Birinci (sintetik),{h1},Test Translator A,Test "
                   "Reviewer,2026-01-01\n"
                   "testimony,t-1,title,,az,Başlıq (sintetik),{ht},Test Translator A,,\n")
    read_translations(ctx)
    assert ctx.report.problems == []
    body = next(t for t in ctx.bundle.translations if t.field == "body")
    assert body.text == "Birinci (sintetik)\n\nİkinci (sintetik)"
    assert (body.translator, body.reviewer, body.translated_on) == (
        "Test Translator B; Test Translator A", "Test Reviewer", "2026-01-02")
    coverage = {c.language: c for c in ctx.bundle.coverage}
    assert (coverage["az"].total, coverage["az"].current, coverage["az"].stale) == (3, 3, 0)
    assert coverage["ru"].current == 0 and "en" not in coverage


def test_a_stale_paragraph_keeps_the_whole_field_in_the_original(tmp_path: Path) -> None:
    ctx = _context(tmp_path,
                   "testimony,t-1,body,1,az,Birinci (sintetik),{h1},Test Translator,,\n"
                   "testimony,t-1,body,2,az,Köhnə (sintetik),0000000000000000,Test Translator,,\n")
    read_translations(ctx)
    assert ctx.bundle.translations == []
    assert [(p.line, p.message) for p in ctx.report.warnings] == [
        (3, "This translation (az) of paragraph 2 of the body of testimony 't-1' is stale: "
            "the English changed since it was translated, so the original is shown.")]
    az = next(c for c in ctx.bundle.coverage if c.language == "az")
    assert (az.current, az.stale, az.sentence()) == (1, 1, "az: 33 % of 3 segments, 1 stale")


def test_an_incomplete_field_is_not_shown_and_bad_cells_are_errors(tmp_path: Path) -> None:
    ctx = _context(tmp_path,
                   "testimony,t-1,body,1,az,Birinci (sintetik),{h1},Test Translator,,\n"
                   "testimony,t-1,title,3,az,x,,,,\n"
                   "testimony,t-1,body,x,az,y,,,,\n"
                   "testimony,t-1,body,2,az,z,,,,1 March\n")
    read_translations(ctx)
    assert ctx.bundle.translations == []
    assert [(p.line, p.message) for p in ctx.report.errors] == [
        (3, "The title of a testimony is not translated by paragraphs."),
        (4, "The paragraph 'x' is not a number from 1."),
        (5, "The date '1 March' is not a date like 2026-03-01."),
    ]
