"""``attributions.toml``: whom each item quotes or reports, beside the document it is from.

An item's ``source`` names the document its text is taken from. When that text quotes someone,
a ``[[quote]]`` gives the exact quoted words (``text``, without their quotation marks), the
work they are credited to (``source``; may be empty when the text names only the speaker) and
whose words they are (``words_of``). A ``[[report]]`` names a source the document summarises in
its own words: it is named in the credit line but credited with no words. ``item`` is
``kind:id``: ``testimony:humay-abbasova``, ``passage:...``, ``event:...``, ``statistic:...``,
``recognition:...``, ``monument:...`` or ``name:<the name as written>``.

Read after every item, so every reference and span can be checked. The same rows may come as
``attributions.csv`` or the ``attributions`` sheet of ``content.xlsx`` (``readers.kinds``),
one row each with ``relation`` ``quote`` or ``report``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.fields import LONG_CAP, text_value
from khojaly_kiosk.content.readers.names import name_index
from khojaly_kiosk.content.readers.tomlutil import toml_tables
from khojaly_kiosk.content.report import Where

FILE = "attributions.toml"
# kind written in the file -> archive table name
ENTITIES = {
    "testimony": "testimony", "passage": "passage", "event": "timeline_event",
    "statistic": "statistic", "recognition": "recognition", "monument": "monument",
    "name": "name",
}  # fmt: skip
_QUOTE_MARKS = "\"'“”„«»‘’‚"


class ItemTexts(dict[tuple[str, str], str]):
    """``(entity, id) -> text``; a name is looked up in the names list (read from its file
    only when a quote names a name: a list can hold a million)."""

    def __init__(self, bundle: ContentBundle) -> None:
        super().__init__()
        self.bundle = bundle

    def __contains__(self, key: object) -> bool:
        if isinstance(key, tuple) and key[:1] == ("name",):
            return super().__contains__(key) or key[1] in name_index(self.bundle)
        return super().__contains__(key)

    def __missing__(self, key: tuple[str, str]) -> str:
        if key[0] == "name" and key[1] in name_index(self.bundle):
            return name_index(self.bundle).passage(key[1])
        raise KeyError(key)


def item_texts(bundle: ContentBundle) -> dict[tuple[str, str], str]:
    """``(entity, id) -> the text a quote may be taken from`` for every item of ``bundle``."""
    texts = ItemTexts(bundle)
    texts.update({("testimony", t.id): t.body for t in bundle.testimonies})
    texts.update({("passage", p.id): p.body for p in bundle.passages})
    texts.update({("timeline_event", e.id): e.text or "" for e in bundle.events})
    texts.update({("statistic", s.id): s.sentence or "" for s in bundle.statistics})
    texts.update({("recognition", r.id): r.instrument or "" for r in bundle.recognitions})
    texts.update({("monument", x.id): x.description or "" for x in bundle.monuments})
    return texts


def parse_item(ctx: ReadContext, value: Any, where: Where,
               texts: dict[tuple[str, str], str]) -> tuple[str, str] | None:
    """``"kind:id"`` -> ``(entity, id)`` of an item of this package (errors otherwise)."""
    raw = value.strip() if isinstance(value, str) else ""
    kind, _, item_id = raw.partition(":")
    entity = ENTITIES.get(kind.strip())
    if not raw or entity is None or not item_id.strip():
        ctx.report.error(where, f"The item '{raw}' is not written as kind:id.",
                         f"Write e.g. item = \"testimony:humay-abbasova\"; kinds: "
                         f"{', '.join(ENTITIES)}.")
        return None
    key = (entity, item_id.strip())
    if key not in texts:
        ctx.report.error(where, f"No {kind} '{key[1]}' is in this package.",
                         "Check the id (for a name: the name exactly as in names.csv).")
        return None
    return key


class Attributions:
    """Adds quotes and reports to the bundle, one by one, counting each item's positions."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.texts = item_texts(ctx.bundle)
        self.positions: dict[tuple[str, str], int] = {}

    def quote(self, item: dict[str, Any], at: Callable[[str], Where]) -> None:
        _quote(self.ctx, item, at, self.texts, self.positions)

    def report(self, item: dict[str, Any], at: Callable[[str], Where]) -> None:
        ctx = self.ctx
        key = parse_item(ctx, item.get("item"), at("item"), self.texts)
        source_id = ctx.source(item.get("source"), at("source"), "report")
        if key is None or source_id is None:
            return
        _add(ctx, key, self.positions, relation="reports", source_id=source_id, words_of="",
             text="")


def read_attributions(ctx: ReadContext) -> None:
    """Read ``[[quote]]`` and ``[[report]]`` tables into ``attribution`` rows."""
    adding = Attributions(ctx)
    for _index, item, at in toml_tables(ctx.root, FILE, "quote", ctx.report):
        adding.quote(item, at)
    for _index, item, at in toml_tables(ctx.root, FILE, "report", ctx.report):
        adding.report(item, at)


def _quote(ctx: ReadContext, item: dict[str, Any], at: Callable[[str], Where],
           texts: dict[tuple[str, str], str], positions: dict[tuple[str, str], int]) -> None:
    report = ctx.report
    key = parse_item(ctx, item.get("item"), at("item"), texts)
    source_id = ctx.source(item.get("source"), at("source"), "quote", warn_missing=False)
    words_of = text_value(item.get("words_of"), at("words_of"), report, "words of")
    span = text_value(item.get("text"), at("text"), report, "quoted text", cap=LONG_CAP)
    if not span:
        report.error(at("text"), "This quote has no text.",
                     "Copy the quoted words exactly from the item, without quotation marks.")
    named = item.get("source") not in (None, "")
    if source_id is None and not words_of and not named:
        report.error(at("source"), "This quote names neither a source nor whose words they are.",
                     'Give source = "..." (the work quoted) or words_of = "..." (the speaker).')
        return
    if key is None or not span or (named and source_id is None):
        return  # each problem is reported above
    if not _span_fits(ctx, span, texts[key], at("text")):
        return
    _add(ctx, key, positions, relation="quotes", source_id=source_id, words_of=words_of,
         text=span)


def _span_fits(ctx: ReadContext, span: str, text: str, where: Where) -> bool:
    """The span is words of the item's text, cut at word boundaries."""
    count = text.count(span)
    if count == 0:
        ctx.report.error(where, "The quoted text is not in the item's text.",
                         "Copy it exactly (spelling, punctuation, line breaks); leave out only "
                         "the quotation marks around it.")
        return False
    start = text.find(span)
    before = text[start - 1] if start > 0 else ""
    after = text[start + len(span)] if start + len(span) < len(text) else ""
    if (before.isalnum() and span[0].isalnum()) or (after.isalnum() and span[-1].isalnum()):
        ctx.report.error(where, "The quoted text starts or ends inside a word.",
                         "A quote covers whole words: extend it to the word's edge.")
        return False
    inner = span[1:-1]
    if (span[0] in _QUOTE_MARKS and span[-1] in _QUOTE_MARKS
            and span[0] not in inner and span[-1] not in inner):
        ctx.report.warning(where, "The quoted text keeps its own quotation marks.",
                           "Leave them out: the kiosk shows quoted words in their own style.")
    if count > 1:
        ctx.report.warning(where, f"The quoted text appears {count} times in the item; every "
                           "place is shown as quoted.", "Make it longer if only one is meant.")
    return True


def _add(ctx: ReadContext, key: tuple[str, str], positions: dict[tuple[str, str], int],
         **values: Any) -> None:
    position = positions.get(key, 0)
    positions[key] = position + 1
    ctx.bundle.attributions.append(
        m.Attribution(entity=key[0], entity_id=key[1], position=position, **values))
