"""content/readers/tables.py: recognitions.csv and monuments.csv."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.tables import read_monuments, read_recognitions
from tests.support.content.folders import jpeg_bytes, write_files


def context(tmp_path: Path, files: dict[str, str | bytes]) -> ReadContext:
    ctx = ReadContext(write_files(tmp_path / "c", files))
    ctx.source_ids = {"synthetic-a"}
    return ctx


def test_recognitions(tmp_path: Path) -> None:
    ctx = context(tmp_path, {"recognitions.csv":
                             "id,kind,name,body,date,instrument,source\n"
                             "test-a,country,Test Country,Test Body,2012,Test Act,synthetic-a\n"
                             "test-b,province,Test Province,,,,synthetic-a\n"
                             "test-a,us_state,Test State,,,,synthetic-a\n"
                             "test-c,organisation,,,,,\n"})
    read_recognitions(ctx, ctx.root / "recognitions.csv")
    assert [(p.line, p.message) for p in ctx.report.errors] == [
        (3, "The kind 'province' is not one of the known values."),
        (4, "The id 'test-a' is used twice."),
        (5, "This recognition has no name."),
    ]
    assert [(p.line, p.message) for p in ctx.report.warnings] == [
        (5, "This recognition names no source.")]
    (only,) = ctx.bundle.recognitions
    assert (only.id, only.kind, only.body, only.date, only.instrument) == (
        "test-a", "country", "Test Body", "2012", "Test Act")


def test_monuments_with_images(tmp_path: Path) -> None:
    ctx = context(tmp_path, {
        "media/m.jpg": jpeg_bytes(),
        "monuments.csv": "id,place,country,year,description,image,alt_text,source\n"
                         "test-m,Test Place,Test Country,2001,Synthetic,media/m.jpg,Grey,"
                         "synthetic-a\n"
                         "test-n,Test Town,,twenty,,media/none.jpg,,synthetic-a\n"
                         "test-o,,,,,,,synthetic-a\n"})
    read_monuments(ctx, ctx.root / "monuments.csv")
    assert [(p.line, p.column, p.message) for p in ctx.report.errors] == [
        (3, 4, "The year 'twenty' is not a whole number."),
        (3, 6, "The media file 'media/none.jpg' is not in the folder."),
        (4, 2, "This monument has no place."),
    ]
    first, second = ctx.bundle.monuments
    assert (first.media_id, first.year) == ("m-jpg", 2001)
    assert ctx.media.files[0].asset.alt_text == "Grey"
    assert (second.media_id, second.year) == (None, None)


def test_required_columns(tmp_path: Path) -> None:
    ctx = context(tmp_path, {"monuments.csv": "place\nx\n", "recognitions.csv": "id,name\na,b\n"})
    read_monuments(ctx, ctx.root / "monuments.csv")
    read_recognitions(ctx, ctx.root / "recognitions.csv")
    assert [(p.file, p.message) for p in ctx.report.errors] == [
        ("monuments.csv", "The required column 'id' is missing."),
        ("recognitions.csv", "The required column 'kind' is missing."),
    ]
