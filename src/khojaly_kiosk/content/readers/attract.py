"""``attract.toml``: the sentences the attract loop shows, chosen by the curator.

Each ``[[quote]]`` names an item (``kind:id``, as in ``attributions.toml``) and one whole
sentence of its text, copied exactly and without quotation marks of its own (the loop sets
them). The loop shows it with the item's credit. A sentence from an item that carries a
content advisory is refused: the loop runs unattended, before anyone chose to read. The same
rows may come as ``attract.csv`` or the ``attract`` sheet of ``content.xlsx`` (``item``,
``text``; ``readers.kinds``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.readers.attributions import item_texts, parse_item
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.fields import text_value
from khojaly_kiosk.content.readers.names import name_index
from khojaly_kiosk.content.readers.tomlutil import toml_tables
from khojaly_kiosk.content.report import Where

FILE = "attract.toml"
MAX_CHARS = 400  # a loop slide is read from a step back
_END = re.compile(r"(?:[.?!…]|\.\.\.)$")
_QUOTE_MARKS = "\"'“”„«»‘’"


def _advised(bundle: ContentBundle) -> set[tuple[str, str]]:
    items: set[tuple[str, str]] = set()
    items.update(("testimony", t.id) for t in bundle.testimonies if t.advisory != "none")
    items.update(("timeline_event", e.id) for e in bundle.events
                 if (e.advisory or "none") != "none")
    items.update(("name", name) for name in name_index(bundle).advised())
    return items


class AttractQuotes:
    """Adds the loop's sentences to the bundle, one by one (from TOML or from a sheet)."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.texts = item_texts(ctx.bundle)
        # Found at the first quote: a package without attract quotes never reads its names
        # list again for them.
        self._advised: tuple[set[tuple[str, str]], list[str]] | None = None

    @property
    def advised(self) -> set[tuple[str, str]]:
        return self._advised_items()[0]

    @property
    def advised_texts(self) -> list[str]:
        return self._advised_items()[1]

    def _advised_items(self) -> tuple[set[tuple[str, str]], list[str]]:
        if self._advised is None:
            items = _advised(self.ctx.bundle)
            self._advised = items, [self.texts[key] for key in items if key in self.texts]
        return self._advised

    def add(self, index: int, item: dict[str, Any], at: Callable[[str], Where]) -> None:
        ctx = self.ctx
        key = parse_item(ctx, item.get("item"), at("item"), self.texts)
        sentence = text_value(item.get("text"), at("text"), ctx.report, "sentence")
        if key is None:
            return
        problem = _problem(sentence, self.texts[key])
        if problem is None and (key in self.advised
                                or any(sentence in t for t in self.advised_texts)):
            problem = ("This sentence comes from an item with a content advisory.",
                       "The loop shows only words of items without one.")
        if problem is not None:
            ctx.report.error(at("text"), *problem)
            return
        ctx.bundle.attract_quotes.append(m.AttractQuote(
            position=index, entity=key[0], entity_id=key[1], text=sentence))  # fmt: skip


def read_attract(ctx: ReadContext) -> None:
    """Read the ``[[quote]]`` tables of ``attract.toml`` into ``attract_quote`` rows."""
    adding = AttractQuotes(ctx)
    for index, item, at in toml_tables(ctx.root, FILE, "quote", ctx.report):
        adding.add(index, item, at)


def _problem(sentence: str, text: str) -> tuple[str, str] | None:
    """Why ``sentence`` cannot stand on the loop, or None."""
    if not sentence:
        return ("This quote has no text.", "Copy one whole sentence of the item.")
    if len(sentence) > MAX_CHARS:
        return (f"The sentence is {len(sentence)} characters long; the loop shows at most "
                f"{MAX_CHARS}.", "Choose a shorter sentence.")
    if sentence[0] in _QUOTE_MARKS or sentence[-1] in _QUOTE_MARKS:
        return ("The sentence carries its own quotation marks.",
                "Leave them out: the loop sets the quotation marks itself.")
    if sentence not in text:
        return ("The sentence is not in the item's text.",
                "Copy it exactly, spelling and punctuation included.")
    start = text.find(sentence)
    before = text[:start].rstrip(" " + _QUOTE_MARKS)
    if not sentence[0].isupper() or (before and before[-1] not in ".?!…:\n"):
        return ("The sentence does not start where a sentence of the text starts.",
                "Start at the first word after a full stop, or at the start of a paragraph.")
    if not _END.search(sentence):
        return ("The sentence does not end at a full stop, question mark or the text's own "
                "ellipsis.", "Copy the sentence to its end.")
    return None
