"""content/readers/timelinejs.py + timeline.py: TimelineJS CSV and JSON, real files, bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.timeline import TITLE_PASSAGE_ID
from khojaly_kiosk.content.readers.timelinejs import read_timeline_csv, read_timeline_json
from tests.support.content.folders import FIXTURES, SOURCES, write_files

HEADER = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
          "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")

# sha256 of the upstream files (formats/timelinejs/SOURCE.txt): the copies stay byte-identical.
UPSTREAM = {
    "my-own-timeline.csv": "25cda10b25f9b78be78e0617e4e21b6a09bfec87a8330e69dbeb4f0b076f7e04",
    "eras.json": "55b11bc072bdda4645330547f1f25ea447c5279f7a13bf2c6ca332e7b9101cff",
    "cosmo.json": "e418fb74f8051490d6351901caa798ea43e556cd747230b09e91f565c041e13e",
    "all-media-types.json": "ffbd99b822ab4a4d7f26505d664f348b7fd833df642a7e5c4c347b737968de13",
}


def load_fixture(name: str) -> ReadContext:
    ctx = ReadContext(FIXTURES)
    loader = read_timeline_csv if name.endswith(".csv") else read_timeline_json
    loader(ctx, FIXTURES / name, name)
    return ctx


def load_text(tmp_path: Path, name: str, text: str) -> ReadContext:
    folder = write_files(tmp_path / "c", {name: text, "sources.toml": SOURCES})
    ctx = ReadContext(folder)
    ctx.source_ids = {"synthetic-a", "synthetic-b"}
    loader = read_timeline_csv if name.endswith(".csv") else read_timeline_json
    loader(ctx, folder / name, name)
    return ctx


@pytest.mark.parametrize("name", sorted(UPSTREAM))
def test_fixtures_are_byte_identical_copies(name: str) -> None:
    assert hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest() == UPSTREAM[name]


def test_real_template_csv() -> None:
    ctx = load_fixture("my-own-timeline.csv")
    assert ctx.report.ok, ctx.report.to_text()
    # 12 CSV records: the header, one title row and 10 events.
    assert len(ctx.bundle.events) == 10 and ctx.bundle.eras == []
    title = ctx.bundle.passages[0]
    assert (title.id, title.title) == (TITLE_PASSAGE_ID, "MY OWN CSV")
    assert title.body.startswith("In this sample timeline, we'll walk you through")
    events = {e.headline: e for e in ctx.bundle.events}
    ada = events["Ada Lovelace"]
    assert (ada.start_year, ada.start_month, ada.start_day) == (1815, 12, 10)
    assert (ada.end_year, ada.end_month, ada.end_day) == (1852, 11, 27)
    assert "<" not in ada.text and "Take Ada Lovelace: Daughter of Lord Byron" in ada.text
    assert ada.text.endswith('This slide demonstrates a simple "image" media type.')
    assert ada.media_caption == "Portrait by Alfred Edward Chalon"
    assert ada.media_url.startswith("https://upload.wikimedia.org/")
    # A quoted cell with a CRLF break and HTML: paragraphs survive, tags do not.
    computer = events["The First Computer"]
    assert "\n\n" in computer.text and "<" not in computer.text
    clarke = events["Edith Clarke: Bucking the Trend"]
    assert clarke.text == "" and clarke.media_url.startswith("There is no demand for women")
    assert events["Rózsa Péter writes recursion"].start_month is None
    # Ordered by date, ids from headline + line.
    years = [e.start_year for e in sorted(ctx.bundle.events, key=lambda e: e.sort_order)]
    assert years == sorted(years)
    # Ids carry the record's first line: cells with line breaks are counted correctly.
    assert {ada.id, computer.id, events["Rózsa Péter writes recursion"].id} == {
        "ada-lovelace-3", "the-first-computer-7", "rozsa-peter-writes-recursion-9"}
    # All 10 events have remote media only: a warning each, never an error.
    assert sum(p.count for p in ctx.report.warnings if "placeholder" in p.message) == 10
    assert all(e.media_url and e.media_id is None for e in ctx.bundle.events)


def test_real_eras_json() -> None:
    ctx = load_fixture("eras.json")
    assert ctx.report.ok, ctx.report.to_text()
    assert len(ctx.bundle.eras) == 3 and len(ctx.bundle.events) == 20
    eras = {e.id: (e.start_year, e.end_year) for e in ctx.bundle.eras}
    for event in ctx.bundle.events:
        start, end = eras[event.era_id] if event.era_id else (None, None)
        assert event.era_id is None or start <= event.start_year <= end
    assert all(e.era_id for e in ctx.bundle.events if 600 <= e.start_year <= 700)
    assert ctx.bundle.passages[0].title == "Eras Test"


def test_real_cosmo_json_years_beyond_datetime() -> None:
    ctx = load_fixture("cosmo.json")
    assert ctx.report.ok, ctx.report.to_text()
    assert len(ctx.bundle.events) == 7
    big_bang = next(e for e in ctx.bundle.events if e.headline == "The Big Bang")
    assert big_bang.start_year == -13800000000 and big_bang.sort_order == 0


def test_real_all_media_types_json() -> None:
    ctx = load_fixture("all-media-types.json")
    assert ctx.report.ok, ctx.report.to_text()
    assert len(ctx.bundle.events) == 41
    assert ctx.bundle.media == [] and all(e.media_id is None for e in ctx.bundle.events)
    assert all(e.media_url for e in ctx.bundle.events)
    assert all("<" not in e.media_url for e in ctx.bundle.events)
    ids = {e.id for e in ctx.bundle.events}
    assert {"wistia", "wikipedia-images"} <= ids and len(ids) == 41
    quote = next(e for e in ctx.bundle.events if e.media_url == "This is a block quote.")
    assert quote.start_year == 1924


def test_columns_by_name_tag_alias_and_our_columns(tmp_path: Path) -> None:
    text = ("Headline,Tag,Year,Source,Id,Alt Text,Media,Time\n"
            "Synthetic,Test group,1992,synthetic-a,my-event,,,21:05\n")
    ctx = load_text(tmp_path, "timeline.csv", text)
    assert ctx.report.ok, ctx.report.to_text()
    (event,) = ctx.bundle.events
    assert (event.id, event.group, event.source_id, event.start_time) == (
        "my-event", "Test group", "synthetic-a", "21:05")


@pytest.mark.parametrize(("row", "column", "words"), [
    ("1992,2,31,,,,,,,H", 3, "The start date 31 February 1992 does not exist."),
    ("1992,13,,,,,,,,H", 3, "month 13"),
    ("199x,,,,,,,,,H", 1, "The year '199x' is not a whole number."),
    ("1992,1,1,25:00,,,,,,H", 4, "hour 25"),
    (",,,10:00,,,,,,H", 4, "The time is given without a date."),
    (",,,,,,,,,H", 1, "This event has no year."),
    ("1992,,,,1990,2,30,,,H", 7, "The end date 30 February 1990 does not exist."),
    ("99999999999999999999,,,,,,,,,H", 1, "too large to store"),
])
def test_bad_dates_name_file_line_and_column(
    tmp_path: Path, row: str, column: int, words: str
) -> None:
    pad = "," * 8  # every row has the header's 18 fields (content.readers.csvutil)
    ctx = load_text(tmp_path, "timeline.csv", f"{HEADER}\n1990,,,,,,,,,Fine{pad}\n{row}{pad}\n")
    errors = ctx.report.errors
    assert len(errors) == 1, ctx.report.to_text()
    assert (errors[0].file, errors[0].line, errors[0].column) == ("timeline.csv", 3, column)
    assert words in errors[0].message
    assert [e.headline for e in ctx.bundle.events] == ["Fine"]


def test_v1_sheet_is_refused(tmp_path: Path) -> None:
    ctx = load_text(tmp_path, "timeline.csv", "Start Date,End Date,Headline\n1992,,H\n")
    (problem,) = ctx.report.errors
    assert "v1" in problem.message and "not supported" in problem.message
    assert ctx.bundle.events == []


def test_missing_required_columns(tmp_path: Path) -> None:
    ctx = load_text(tmp_path, "timeline.csv", "Month,Text\n2,x\n")
    assert [p.message for p in ctx.report.errors] == [
        "The required column 'Year' is missing.", "The required column 'Headline' is missing."]


def test_era_rows_unknown_source_and_headline_cap(tmp_path: Path) -> None:
    text = (f"{HEADER},Source\n"
            "1990,,,,1995,,,,,Synthetic era,,,,,,era,,,\n"
            "2000,,,,,,,,,No end,,,,,,era,,,\n"
            f"1992,,,,,,,,,{'h' * 501},,,,,,,,,synthetic-a\n"
            "1993,,,,,,,,,Unknown source,,,,,,,,,nobody\n"
            "1994,,,,,,,,,No source,,,,,,,,,\n"
            "1994,,,,,,,,,Odd type,,,,,,slide,,,synthetic-a\n")
    ctx = load_text(tmp_path, "timeline.csv", text)
    errors = [(p.line, p.message) for p in ctx.report.errors]
    assert errors[0] == (3, "An era needs a start year and an end year.")
    assert errors[1][0] == 4 and "501 characters" in errors[1][1]
    assert errors[2] == (5, "The source 'nobody' is not listed in sources.toml.")
    warnings = [(p.line, p.message) for p in ctx.report.warnings]
    assert (6, "This timeline event names no source.") in warnings
    assert any(line == 7 and "type 'slide'" in m for line, m in warnings)
    assert [e.id for e in ctx.bundle.eras] == ["synthetic-era-2"]


def test_second_title_row_becomes_an_event(tmp_path: Path) -> None:
    text = f"{HEADER}\n,,,,,,,,,First,,,,,,title,,\n1992,,,,,,,,,Second,,,,,,title,,\n"
    ctx = load_text(tmp_path, "timeline.csv", text)
    assert "more than one title" in ctx.report.warnings[0].message
    assert [e.headline for e in ctx.bundle.events] == ["Second"]


def test_json_errors(tmp_path: Path) -> None:
    ctx = load_text(tmp_path, "timeline.json", '{"events": [\n  {"start_date": {"year": 1}},,\n]}')
    (problem,) = ctx.report.errors
    assert (problem.line, problem.column) == (2, 31)
    assert problem.message.startswith("The JSON syntax is wrong here")

    events = ('{"events": ['
              '{"start_date": {"year": "1992", "month": "2", "day": "30"}},'
              '{"start_date": {"year": 1992, "hour": 24}},'
              '{"start_date": {"year": 99999999999999999999}},'
              '{"text": {"headline": "no date"}},'
              '"not an object",'
              '{"start_date": {"year": 1992, "month": 2, "day": 26, "hour": 23, "minute": 5},'
              ' "text": {"headline": "<b>Fine</b>"}, "unique_id": "fine", "source": "synthetic-a"}'
              ']}')
    ctx = load_text(tmp_path / "2", "timeline.json", events)
    assert sorted((p.item, p.message[:40]) for p in ctx.report.errors) == [
        ("event 1", "The start date 30 February 1992 does not"),
        ("event 2", "The time '24:00' has hour 24; hours are "),
        ("event 3", "The year 99999999999999999999 is too lar"),
        ("event 4", "This event has no year."),
        ("event 5", "The event 5 is not a JSON object."),
    ]
    (fine,) = ctx.bundle.events
    assert (fine.id, fine.headline, fine.start_time) == ("fine", "Fine", "23:05")


def test_advisory_and_editorial_year_columns(tmp_path: Path) -> None:
    header = "Year,Month,Day,Display Date,Headline,Text,Source,Id,Advisory,Editorial Year\n"
    ctx = load_text(tmp_path, "timeline.csv", header
                    + "1990,10,30,30 October,,Synthetic text.,synthetic-a,e-1,distressing,1990\n"
                    + "1990,11,,November 1990,,Synthetic.,synthetic-a,e-2,,1990\n"
                    + "1990,12,,December,,Synthetic.,synthetic-a,e-3,,1991\n"
                    + "1990,12,,December,,Synthetic.,synthetic-a,e-4,gruesome,\n")
    first, second, third = ctx.bundle.events
    assert (first.advisory, first.editorial_year, first.headline) == ("distressing", 1990, "")
    assert (second.advisory, second.editorial_year) == ("none", None)  # the date names it
    assert third.editorial_year is None
    assert [p.message for p in ctx.report.warnings] == [
        "The display date 'November 1990' already gives the year 1990; it is not shown again."]
    assert [p.message for p in ctx.report.errors] == [
        "The editorial year 1991 is not the event's Year (1990).",
        "The advisory 'gruesome' is not one of the known values.",
    ]
