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
