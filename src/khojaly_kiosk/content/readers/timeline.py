"""Timeline slides (from the TimelineJS CSV or JSON readers) validated into archive rows.

TimelineJS semantics: one optional title slide, eras spanning years, events with partial
dates. Events fall into the era whose years contain their start year and are ordered by
date. The title slide is kept as a passage in section ``"timeline"``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.fields import (
    LONG_CAP,
    SHORT_CAP,
    check_date,
    check_id,
    choice_value,
    int_value,
    slugify,
    text_value,
    time_value,
)
from khojaly_kiosk.content.readers.htmltext import html_to_text
from khojaly_kiosk.content.report import Where

TITLE_PASSAGE_ID = "timeline-title"
TITLE_SECTION = "timeline"


@dataclass
class Slide:
    """One row or JSON object, with raw values under canonical keys.

    Keys: id, year, month, day, time, end_year, end_month, end_day, end_time, display_date,
    headline, text, media, credit, caption, alt, group, source, advisory, editorial_year.
    """

    kind: str  # "title", "era" or "event"
    number: int  # row line or 1-based position, used in generated ids
    where: Callable[[str], Where]  # canonical key -> place of that value
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.values.get(key)


@dataclass
class _Dates:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    time: str = ""
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    end_time: str = ""


def _dates(ctx: ReadContext, slide: Slide) -> _Dates | None:
    """The validated start and end dates of a slide (None when any part is wrong)."""
    report, where = ctx.report, slide.where
    ok = True
    parts: dict[str, int | None] = {}
    for key in ("year", "month", "day", "end_year", "end_month", "end_day"):
        raw = slide.get(key)
        parts[key] = int_value(raw, where(key), report, key.replace("_", " "))
        if raw not in (None, "") and parts[key] is None:
            ok = False
    dates = _Dates(
        year=parts["year"], month=parts["month"], day=parts["day"],
        end_year=parts["end_year"], end_month=parts["end_month"], end_day=parts["end_day"],
    )  # fmt: skip
    ok &= check_date(dates.year, dates.month, dates.day, where("day"), report, "start date")
    ok &= check_date(dates.end_year, dates.end_month, dates.end_day, where("end_day"), report,
                     "end date")
    for key, year in (("time", dates.year), ("end_time", dates.end_year)):
        raw = slide.get(key)
        if raw in (None, ""):
            continue
        value = time_value(raw, where(key), report, key.replace("_", " "))
        if not value:
            ok = False
        elif year is None:
            report.error(where(key), f"The {key.replace('_', ' ')} is given without a date.",
                         "Give the year (and month and day) too, or leave the time empty.")
            ok = False
        setattr(dates, key, value)
    return dates if ok else None


def _text(ctx: ReadContext, slide: Slide, key: str, label: str, cap: int = SHORT_CAP) -> str:
    raw = slide.get(key)
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raw = str(raw)
    return text_value(html_to_text(raw), slide.where(key), ctx.report, label, cap)


def _era_for(eras: list[m.TimelineEra], event: m.TimelineEvent) -> str | None:
    """The first era whose date span contains the event, compared to the day.

    Missing parts widen the span (an era "1993-2013" covers all of 2013); an event's missing
    month or day counts as its earliest possible moment.
    """
    if event.start_year is None:
        return None
    when = (event.start_year, event.start_month or 1, event.start_day or 1)
    for era in eras:
        if era.start_year is None:
            continue
        start = (era.start_year, era.start_month or 1, era.start_day or 1)
        end_year = era.end_year if era.end_year is not None else era.start_year
        end_month = era.end_month if era.end_year is not None else era.start_month
        end_day = era.end_day if era.end_year is not None else era.start_day
        end = (end_year, end_month or 12, end_day or 31)
        if start <= when <= end:
            return era.id
    return None


class _Ids:
    """Given ids (checked) or generated ones: slug of the headline + row number."""

    def __init__(self, ctx: ReadContext, kind: str) -> None:
        self.ctx, self.kind = ctx, kind
        self.seen: set[str] = set()
        self.made: list[Where] = []  # rows whose id was made up

    def take(self, slide: Slide, headline: str) -> str | None:
        given = slide.get("id")
        if given not in (None, ""):
            return check_id(given, slide.where("id"), self.ctx.report, self.seen, self.kind)
        base = f"{slugify(headline, limit=60) or self.kind}-{slide.number}"
        candidate, n = base, 2
        while candidate in self.seen:
            candidate, n = f"{base}-{n}", n + 1
        self.seen.add(candidate)
        where = slide.where("id")
        self.made.append(where)
        self.ctx.made_ids[(where.file, where.item, where.line or slide.number)] = candidate
        return candidate


def _warn_made_ids(ctx: ReadContext, made: list[Where]) -> None:
    """One warning naming every row whose id was made up: translations and later packages
    find an item by its id, and a made-up id changes when its headline or row does."""
    if not made:
        return
    first = made[0]
    if first.line is None:  # TimelineJS JSON: items, not rows
        listed = ", ".join(w.item for w in made)
        ctx.report.warning(Where(first.file), f"These timeline items have no unique_id: "
                           f"{listed}; ids were made up from their headlines.",
                           "Give each a \"unique_id\" (lowercase letters, digits and hyphens), "
                           "so that translations keep finding them.")
        return
    word = "row" if first.item else "line"
    rows = ", ".join(str(w.line) for w in made)
    ctx.report.warning(Where(first.file, item=first.item), f"The timeline {word}s {rows} have no "
                       "Id; ids were made up from their headlines and change when a headline "
                       "or the row changes, so translations made for them would be lost.",
                       "Run build-package with --write-ids once: it writes these ids into the "
                       "Id column, where they then stay.")


def add_slides(ctx: ReadContext, slides: list[Slide]) -> None:
    """Validate slides and add eras, events and the title passage to the bundle."""
    eras: list[m.TimelineEra] = []
    events: list[m.TimelineEvent] = []
    era_ids, event_ids = _Ids(ctx, "era"), _Ids(ctx, "event")
    title_seen = False
    for slide in slides:
        if slide.kind == "title":
            if not title_seen:
                title_seen = True
                _add_title(ctx, slide)
                continue
            ctx.report.warning(slide.where("headline"), "There is more than one title slide; "
                               "this one is shown as an event.",
                               "Leave Type empty for events; only one row can be the title.")
            slide.kind = "event"
        headline = _text(ctx, slide, "headline", "headline")
        text = _text(ctx, slide, "text", "text", LONG_CAP)
        dates = _dates(ctx, slide)
        if slide.kind == "era":
            era = _era(ctx, slide, headline, text, dates, era_ids)
            if era is not None:
                eras.append(era)
        else:
            event = _event(ctx, slide, headline, text, dates, event_ids)
            if event is not None:
                events.append(event)
    eras.sort(key=lambda e: (e.start_year is None, e.start_year or 0))
    for order, era in enumerate(eras):
        era.sort_order = order
    for event in events:
        event.era_id = _era_for(eras, event)
    events.sort(key=_chronological)
    for order, event in enumerate(events):
        event.sort_order = order
    ctx.bundle.eras.extend(eras)
    ctx.bundle.events.extend(events)
    _warn_made_ids(ctx, sorted(era_ids.made + event_ids.made,
                               key=lambda w: (w.line or 0, w.item)))


def _chronological(event: m.TimelineEvent) -> tuple[Any, ...]:
    # Stable sort: undated events keep their sheet order after the dated ones.
    return (
        event.start_year is None, event.start_year or 0, event.start_month or 0,
        event.start_day or 0, event.start_time or "",
    )  # fmt: skip


def _add_title(ctx: ReadContext, slide: Slide) -> None:
    headline = _text(ctx, slide, "headline", "headline")
    text = _text(ctx, slide, "text", "text", LONG_CAP)
    source_id = ctx.source(slide.get("source"), slide.where("source"), "title slide",
                           warn_missing=False)
    if not (headline or text):
        return
    if any(p.id == TITLE_PASSAGE_ID for p in ctx.bundle.passages):
        return
    ctx.bundle.passages.append(m.Passage(
        id=TITLE_PASSAGE_ID, section=TITLE_SECTION, title=headline, body=text or headline,
        source_id=source_id, sort_order=0,
    ))  # fmt: skip


def _era(
    ctx: ReadContext, slide: Slide, headline: str, text: str, dates: _Dates | None, ids: _Ids
) -> m.TimelineEra | None:
    if not headline:
        ctx.report.error(slide.where("headline"), "This era has no headline.",
                         "Give the era a name in the Headline column.")
    if dates is not None and (dates.year is None or dates.end_year is None):
        ctx.report.error(slide.where("year"), "An era needs a start year and an end year.",
                         "Fill in Year and End Year for era rows.")
        dates = None
    era_id = ids.take(slide, headline)
    if dates is None or era_id is None or not headline:
        return None
    return m.TimelineEra(
        id=era_id, headline=headline, text=text, start_year=dates.year,
        start_month=dates.month, start_day=dates.day, end_year=dates.end_year,
        end_month=dates.end_month, end_day=dates.end_day,
        display_date=_text(ctx, slide, "display_date", "display date"), sort_order=0,
    )  # fmt: skip


def _event(
    ctx: ReadContext, slide: Slide, headline: str, text: str, dates: _Dates | None, ids: _Ids
) -> m.TimelineEvent | None:
    if dates is not None and dates.year is None:
        ctx.report.error(slide.where("year"), "This event has no year.",
                         "Fill in the Year column; month and day may stay empty.")
        dates = None
    if not headline and not text:
        ctx.report.warning(slide.where("headline"), "This event has neither headline nor text.",
                           "Add a headline so visitors know what happened.")
    source_id = ctx.source(slide.get("source"), slide.where("source"), "timeline event")
    caption = _text(ctx, slide, "caption", "media caption", LONG_CAP)
    credit = _text(ctx, slide, "credit", "media credit")
    alt = _text(ctx, slide, "alt", "alt text", LONG_CAP)
    media_ref = slide.get("media")
    link = ctx.media.resolve(
        media_ref if isinstance(media_ref, str) else "", slide.where("media"),
        alt_text=alt, caption=caption, credit=credit, source_id=source_id,
    )  # fmt: skip
    event_id = ids.take(slide, headline)
    advisory = choice_value(slide.get("advisory"), slide.where("advisory"), ctx.report,
                            "advisory", m.ADVISORY_LEVELS, default="none")
    editorial_year = _editorial_year(ctx, slide, dates)
    if dates is None or event_id is None or advisory is None:
        return None
    return m.TimelineEvent(
        id=event_id, era_id=None, start_year=dates.year, start_month=dates.month,
        start_day=dates.day, start_time=dates.time, end_year=dates.end_year,
        end_month=dates.end_month, end_day=dates.end_day, end_time=dates.end_time,
        display_date=_text(ctx, slide, "display_date", "display date"), headline=headline,
        text=text, group=_text(ctx, slide, "group", "group"), media_id=link.media_id,
        media_url=link.url, media_credit=credit, media_caption=caption, alt_text=alt,
        source_id=source_id, sort_order=0, advisory=advisory, editorial_year=editorial_year,
    )  # fmt: skip


def _editorial_year(ctx: ReadContext, slide: Slide, dates: _Dates | None) -> int | None:
    """``Editorial Year``: the Year, known only from context, shown as "30 October [1991]".

    It must repeat the Year column (which orders the event), so a typo in either is caught.
    """
    raw = slide.get("editorial_year")
    where = slide.where("editorial_year")
    year = int_value(raw, where, ctx.report, "editorial year")
    if year is None or dates is None:
        return None
    if dates.year != year:
        ctx.report.error(where, f"The editorial year {year} is not the event's Year "
                         f"({dates.year if dates.year is not None else 'none'}).",
                         "Give the same year in both columns: Year orders the event, Editorial "
                         "Year shows it in [brackets] after the date.")
        return None
    display = str(slide.get("display_date") or "")
    if str(year) in display:
        ctx.report.warning(where, f"The display date '{display}' already gives the year "
                           f"{year}; it is not shown again.",
                           "Leave Editorial Year empty when the text gives the year.")
        return None
    return year
