"""The TOML files of a content folder: package, sources, statistics and passages.

Testimonies (``testimonies.toml``) are read by ``readers.testimonies``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.readers.context import LANGUAGES, ReadContext
from khojaly_kiosk.content.readers.document import read_document
from khojaly_kiosk.content.readers.fields import (
    LONG_CAP,
    check_id,
    choice_value,
    int_value,
    text_value,
    url_value,
)
from khojaly_kiosk.content.readers.tomlutil import read_toml, toml_tables
from khojaly_kiosk.content.report import Where

SOURCE_KINDS = (
    "book", "newspaper", "report", "investigation", "interview", "documentary", "court",
    "official", "compilation",
)  # fmt: skip
# "recognition" (how many countries recognised the massacre) is used by db/demo.
STATISTIC_GROUPS = ("losses", "outcomes", "destruction", "assault", "population", "recognition")
PASSAGE_SECTIONS = ("remembrance", "about", "legal")


def read_package(ctx: ReadContext) -> None:
    """``package.toml`` (required): title, exhibition id, content language, optional version."""
    file = "package.toml"
    where = Where(file)
    path = ctx.root / file
    if not path.is_file():
        ctx.report.error(where, "The content folder has no package.toml.",
                         'Add package.toml with title = "...", exhibition_id = "..." and '
                         'language = "en".')
        return
    loaded = read_toml(path, file, ctx.report)
    if loaded is None:
        return
    data, lines = loaded
    info = ctx.bundle.info

    def at(key: str) -> Where:
        return lines.top_key_where(where, key)

    info.title = text_value(data.get("title"), at("title"), ctx.report, "title")
    if not info.title:
        ctx.report.error(at("title"), "package.toml has no title.",
                         'Add a line such as title = "Khojaly 1992".')
    exhibition = text_value(data.get("exhibition_id"), at("exhibition_id"), ctx.report,
                            "exhibition id")
    if not exhibition:
        ctx.report.error(at("exhibition_id"), "package.toml has no exhibition_id.",
                         'Add a line such as exhibition_id = "khojaly-memorial".')
    info.exhibition_id = exhibition
    language = choice_value(data.get("language"), at("language"), ctx.report, "language",
                            LANGUAGES, default="en")
    ctx.language = language or "en"
    version = int_value(data.get("version"), at("version"), ctx.report, "version", low=0)
    if version is not None:
        info.version = version
    info.source_organization = text_value(data.get("source_organization"),
                                          at("source_organization"), ctx.report,
                                          "source organisation")
    read_document(ctx, data.get("document"), lines, where)


def read_sources(ctx: ReadContext) -> None:
    """``sources.toml``: the [[source]] list every content row refers to."""
    for index, item, at in toml_tables(ctx.root, "sources.toml", "source", ctx.report):
        add_source(ctx, index, item, at)


def add_source(ctx: ReadContext, index: int, item: dict[str, Any],
               at: Callable[[str], Where]) -> None:
    """One source, from a [[source]] table or a row of a sources sheet."""
    source_id = check_id(item.get("id"), at("id"), ctx.report, ctx.source_ids, "source")
    kind = choice_value(item.get("kind"), at("kind"), ctx.report, "source kind", SOURCE_KINDS)
    title = text_value(item.get("title"), at("title"), ctx.report, "title")
    if not title:
        ctx.report.error(at("title"), "This source has no title.",
                         "Give the title of the book, article or report.")
    fields = {
        key: text_value(item.get(key), at(key), ctx.report, key, cap=LONG_CAP)
        for key in ("author", "publisher", "place", "date", "citation", "notes")
    }
    fields["url"] = url_value(item.get("url"), at("url"), ctx.report)
    if source_id is None or kind is None or not title:
        return
    ctx.bundle.sources.append(
        m.Source(id=source_id, kind=kind, title=title, sort_order=index, **fields)
    )


def read_statistics(ctx: ReadContext) -> None:
    """``statistics.toml``: [[statistic]] id, integer value, qualifier, label, group, source,
    and the text's ``sentence`` with the ``words_before``/``words_after`` that say what the
    figure counts, ``part_of`` (its total) and ``show_alone`` (false: never a figure alone)."""
    seen: set[str] = set()
    wheres: dict[str, Callable[[str], Where]] = {}
    for index, item, at in toml_tables(ctx.root, "statistics.toml", "statistic", ctx.report):
        add_statistic(ctx, index, item, at, seen, wheres)
    check_totals(ctx, wheres)


def add_statistic(ctx: ReadContext, index: int, item: dict[str, Any],
                  at: Callable[[str], Where], seen: set[str],
                  wheres: dict[str, Callable[[str], Where]]) -> None:
    """One statistic, from a [[statistic]] table or a row of a statistics sheet (``wheres``
    collects where each was read, for ``check_totals`` once all are read)."""
    stat_id = check_id(item.get("id"), at("id"), ctx.report, seen, "statistic")
    raw_value = item.get("value")
    value = int_value(raw_value, at("value"), ctx.report, "value")
    if raw_value is None or raw_value == "":
        ctx.report.error(at("id"), "This statistic has no value.",
                         "Write the number as the text gives it, e.g. value = 613.")
    label = text_value(item.get("label"), at("label"), ctx.report, "label")
    if not label:
        ctx.report.error(at("label"), "This statistic has no label.",
                         'Say what is counted, e.g. label = "people killed".')
    group = choice_value(item.get("group"), at("group"), ctx.report, "statistic group",
                         STATISTIC_GROUPS)
    qualifier = text_value(item.get("qualifier"), at("qualifier"), ctx.report, "qualifier")
    source_id = ctx.source(item.get("source"), at("source"), "statistic")
    meaning = _meaning(ctx, item, at, label, qualifier)
    if stat_id is None or value is None or not label or group is None or meaning is None:
        return
    wheres[stat_id] = at
    ctx.bundle.statistics.append(m.Statistic(
        id=stat_id, value=value, qualifier=qualifier, label=label, group=group,
        source_id=source_id, sort_order=index, **meaning,
    ))  # fmt: skip


def _meaning(ctx: ReadContext, item: dict[str, Any], at: Callable[[str], Where], label: str,
             qualifier: str) -> dict[str, Any] | None:
    """The sentence fields of a statistic; every shown part must be words of the sentence."""
    report = ctx.report
    values: dict[str, Any] = {
        key: text_value(item.get(key), at(key), report, key.replace("_", " "), cap=LONG_CAP)
        for key in ("sentence", "words_before", "words_after")
    }
    values["part_of"] = text_value(item.get("part_of"), at("part_of"), report, "part of")
    show_alone = item.get("show_alone", True)
    if not isinstance(show_alone, bool):
        report.error(at("show_alone"), "show_alone must be true or false.",
                     "Write show_alone = false for a figure never shown on its own.")
        return None
    values["show_alone"] = show_alone
    sentence = values["sentence"]
    shown = (("label", label), ("qualifier", qualifier),
             ("words_before", values["words_before"]), ("words_after", values["words_after"]))
    if not sentence:
        if values["words_before"] or values["words_after"]:
            report.error(at("sentence"), "words_before and words_after need the sentence "
                         "they are taken from.", 'Add sentence = "..." with the whole sentence.')
            return None
        return values
    missing = [key for key, text in shown if text and text not in sentence]
    for key in missing:
        report.error(at(key), f"The {key.replace('_', ' ')} is not words of this statistic's "
                     "sentence.", "Copy it exactly from the sentence (same spelling and "
                     "punctuation).")
    return None if missing else values


def check_totals(ctx: ReadContext, wheres: dict[str, Callable[[str], Where]]) -> None:
    """A ``part_of`` names another statistic whose value is larger."""
    by_id = {s.id: s for s in ctx.bundle.statistics}
    for statistic in ctx.bundle.statistics:
        if not statistic.part_of:
            continue
        total = by_id.get(statistic.part_of)
        where = wheres[statistic.id]("part_of")
        if total is None or total.id == statistic.id:
            ctx.report.error(where, f"part_of names '{statistic.part_of}', which is not another "
                             "statistic of this file.", "Give the id of the total it is part of.")
        elif total.value <= statistic.value:
            ctx.report.error(where, f"This figure ({statistic.value}) is not smaller than its "
                             f"total '{total.id}' ({total.value}).",
                             "Check part_of: a part is smaller than its total.")
        elif total.part_of:
            ctx.report.error(where, f"The total '{total.id}' is itself part of another figure.",
                             "A figure's parts are one level deep: name the top total.")


def read_passages(ctx: ReadContext) -> None:
    """``passages.toml``: [[passage]] id, section, title, body, source."""
    seen = {p.id for p in ctx.bundle.passages}
    for index, item, at in toml_tables(ctx.root, "passages.toml", "passage", ctx.report):
        add_passage(ctx, item, at, seen, index)


def add_passage(
    ctx: ReadContext,
    item: dict[str, Any],
    at: Callable[[str], Where],
    seen: set[str],
    index: int,
) -> None:
    """One passage, from a [[passage]] table or a row of a passages sheet."""
    passage_id = check_id(item.get("id"), at("id"), ctx.report, seen, "passage")
    section = choice_value(item.get("section"), at("section"), ctx.report, "section",
                           PASSAGE_SECTIONS)
    title = text_value(item.get("title"), at("title"), ctx.report, "title")
    body = text_value(item.get("body"), at("body"), ctx.report, "body", cap=LONG_CAP)
    if not body:
        ctx.report.error(at("body"), "This passage has no body.",
                         'Put the text of the passage in body = """...""".')
    source_id = ctx.source(item.get("source"), at("source"), "passage")
    if passage_id is None or section is None or not body:
        return
    ctx.bundle.passages.append(m.Passage(
        id=passage_id, section=section, title=title, body=body, source_id=source_id,
        sort_order=index,
    ))  # fmt: skip
