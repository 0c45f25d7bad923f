"""Testimonies from ``testimonies.toml`` (or ``testimonies/*.toml``), with their segments
and the timed captions (``captions = "media/NAME.vtt"``) of their recording.

People are derived from name + role: one ``Person`` per distinct pair, shared by every
testimony of that person.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.readers.captions import add_captions
from khojaly_kiosk.content.readers.context import LANGUAGES, ReadContext
from khojaly_kiosk.content.readers.fields import (
    LONG_CAP,
    check_id,
    choice_value,
    int_value,
    text_value,
)
from khojaly_kiosk.content.readers.tomlutil import TomlLines, read_toml, table_list
from khojaly_kiosk.content.report import Where

SEGMENT_TABLE = "testimony.segment"


def testimony_files(root: Path) -> list[Path]:
    """``testimonies.toml`` and every ``testimonies/*.toml``, in a stable order."""
    files = [root / "testimonies.toml"] if (root / "testimonies.toml").is_file() else []
    folder = root / "testimonies"
    if folder.is_dir():
        files.extend(sorted(p for p in folder.glob("*.toml") if p.is_file()))
    return files


def read_testimonies(ctx: ReadContext) -> None:
    """Read every testimony file of the folder into the bundle."""
    for path in testimony_files(ctx.root):
        file = path.relative_to(ctx.root).as_posix()
        loaded = read_toml(path, file, ctx.report)
        if loaded is None:
            continue
        data, lines = loaded
        segment_index = 0  # [[testimony.segment]] headers are counted across the file
        place = Where(file)
        for index, item in enumerate(table_list(data, "testimony", place, ctx.report)):
            def at(key: str, i: int = index, lines: TomlLines = lines, p: Where = place) -> Where:
                return lines.key_where(p, "testimony", i, key)

            def seg_at(n: int, key: str, lines: TomlLines = lines, p: Where = place) -> Where:
                return lines.key_where(p, SEGMENT_TABLE, n, key)

            segment_index = add_testimony(ctx, item, at, seg_at, segment_index)


def add_testimony(
    ctx: ReadContext,
    item: dict[str, Any],
    at: Callable[[str], Where],
    seg_at: Callable[[int, str], Where],
    segment_index: int,
) -> int:
    """One testimony (and its segments); returns the number of segments counted so far."""
    report = ctx.report
    testimony_id = check_id(item.get("id"), at("id"), report, ctx.testimony_ids, "testimony")
    name = text_value(item.get("name"), at("name"), report, "name")
    role = text_value(item.get("role"), at("role"), report, "role")
    title = text_value(item.get("title"), at("title"), report, "title")
    group = choice_value(item.get("group"), at("group"), report, "group", m.TESTIMONY_GROUPS,
                         default="survivors")
    advisory = choice_value(item.get("advisory"), at("advisory"), report, "advisory",
                            m.ADVISORY_LEVELS, default="none")
    language = choice_value(item.get("language"), at("language"), report, "language",
                            LANGUAGES, default=ctx.language)
    body = text_value(item.get("body"), at("body"), report, "body", cap=LONG_CAP)
    if not body:
        report.error(at("body"), "This testimony has no body.",
                     'Put the words of the testimony in body = """...""".')
    source_id = ctx.source(item.get("source"), at("source"), "testimony")
    media_ref = text_value(item.get("media"), at("media"), report, "media reference")
    link = ctx.media.resolve(media_ref, at("media"), alt_text=text_value(
        item.get("alt_text"), at("alt_text"), report, "alt text"), source_id=source_id)
    add_captions(ctx, link.media_id, media_ref, text_value(
        item.get("captions"), at("captions"), report, "captions reference"), at("captions"))
    raw_segments = item.get("segment", [])
    if not isinstance(raw_segments, list):
        report.error(at("segment"), "'segment' must be a list of [[testimony.segment]] tables.",
                     "Start each segment with a line [[testimony.segment]].")
        raw_segments = []
    segments: list[m.TestimonySegment] = []
    for position, raw in enumerate(raw_segments, start=1):
        number = segment_index
        segment_index += 1
        if not isinstance(raw, dict):
            continue
        def at_segment(key: str, n: int = number) -> Where:
            return seg_at(n, key)

        segment = _segment(ctx, raw, at_segment, position)
        if segment is not None:
            segments.append(segment)
    if testimony_id is None or group is None or advisory is None or not body:
        return segment_index
    for segment in segments:
        segment.testimony_id = testimony_id
    ctx.bundle.segments.extend(segments)
    ctx.bundle.testimonies.append(m.Testimony(
        id=testimony_id, person_id=ctx.persons.person_id(name, role), title=title, body=body,
        language=language or ctx.language, advisory=advisory, group=group, source_id=source_id,
        media_id=link.media_id, sort_order=len(ctx.bundle.testimonies),
    ))  # fmt: skip
    return segment_index


def _segment(
    ctx: ReadContext, raw: dict[str, Any], at: Callable[[str], Where], position: int
) -> m.TestimonySegment | None:
    report = ctx.report
    paragraph = int_value(raw.get("paragraph"), at("paragraph"), report, "paragraph", low=1)
    start = int_value(raw.get("time"), at("time"), report, "time in seconds", low=0)
    title = text_value(raw.get("title"), at("title"), report, "segment title")
    synopsis = text_value(raw.get("synopsis"), at("synopsis"), report, "synopsis",
                          cap=LONG_CAP)
    keywords = raw.get("keywords", [])
    if isinstance(keywords, str):
        keywords = keywords.split(";")
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        report.error(at("keywords"), "The keywords must be a list of words.",
                     'Write them as keywords = ["first", "second"].')
        keywords = []
    if not title:
        report.error(at("title"), "This segment has no title.", "Give each segment a title.")
        return None
    return m.TestimonySegment(
        testimony_id="", position=position, start_seconds=start, paragraph=paragraph,
        title=title, synopsis=synopsis,
        keywords=";".join(k.strip() for k in keywords if k.strip()),
    )  # fmt: skip
