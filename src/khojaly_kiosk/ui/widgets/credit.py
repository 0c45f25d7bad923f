"""Credit lines and quoted words: who said each sentence, shown as a person would cite it.

``credit_runs(credit, lang)`` turns an item's ``Attribution`` into the line a visitor reads,
e.g. "Exhibition text, quoting Serzh Sargsyan in Thomas de Waal, Black Garden: ... (2003)";
``CreditLine`` shows it (plain text, a work's title in italics). ``quote_runs(text, quotes)``
splits a paragraph into the compiler's framing and the quoted words, which ``ReadingParagraph``
sets apart (quotes in the serif, framing in the sans, secondary colour; [editorial insertions]
in the secondary colour). Everything is plain text: styles are character formats, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from khojaly_kiosk.archive.records import Attribution, QuotedSpan, SourceRecord
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, Run

QUOTE, FRAME, EDITORIAL, TITLE = "quote", "frame", "editorial", "title"
_MARKS = "\"'“”„«»‘’"
_BRACKETED = re.compile(r"\[[^\[\]\n]{1,80}\]")
_PLACEHOLDER = re.compile(r"%(\d)")
# Kinds of source whose title a citation sets in italics (books, papers, films).
_ITALIC_KINDS = ("book", "newspaper", "documentary")

Credit = Attribution | SourceRecord | None


def as_attribution(credit: Credit) -> Attribution:
    """An ``Attribution`` for what a screen hands over (a bare source is its document)."""
    if isinstance(credit, Attribution):
        return credit
    return Attribution(document=credit)


def _templates() -> dict[str, str]:
    """The credit line's own words, translated (literal calls: lupdate finds only those)."""
    return {
        "and": QCoreApplication.translate("Credit", "%1 and %2"),
        "in": QCoreApplication.translate("Credit", "%1 in %2"),
        "quoting": QCoreApplication.translate("Credit", "%1, quoting %2"),
        "reporting": QCoreApplication.translate("Credit", "%1, reporting on %2"),
        "both": QCoreApplication.translate("Credit", "%1, quoting %2; reporting on %3"),
    }


def _fill(template: str, *args: list[Run]) -> list[Run]:
    """``template`` with ``%1``, ``%2``... replaced by run lists (its own words plain)."""
    runs: list[Run] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            runs.append((template[position:match.start()], ""))
        index = int(match[1]) - 1
        if 0 <= index < len(args):
            runs.extend(args[index])
        position = match.end()
    if position < len(template):
        runs.append((template[position:], ""))
    return runs


def _join(items: list[list[Run]]) -> list[Run]:
    """"A", "A and B", "A, B and C" (the last pair joined by the translated "and")."""
    if not items:
        return []
    if len(items) == 1:
        return items[0]
    head: list[Run] = []
    for number, item in enumerate(items[:-1]):
        if number:
            head.append((", ", ""))
        head.extend(item)
    return _fill(_templates()["and"], head, items[-1])


def source_runs(source: SourceRecord, lang: str) -> list[Run]:
    """How a credit names ``source``: its citation (a work's title in italics), or its title."""
    name = source.credit_name(lang)
    title = source.title
    if source.kind in _ITALIC_KINDS and title and title in name and title != name:
        start = name.index(title)
        runs = [(name[:start], ""), (title, TITLE), (name[start + len(title):], "")]
        return [run for run in runs if run[0]]
    return [(name, "")]


def _is_source_itself(quote: QuotedSpan) -> bool:
    """True when the quoted words are the work's own voice (no speaker to name)."""
    source, speaker = quote.source, quote.words_of.strip()
    if source is None:
        return False
    return (not speaker or speaker == source.author
            or speaker.casefold() in f"{source.citation} {source.title}".casefold())


def _quoted(credit: Attribution, lang: str) -> list[list[Run]]:
    """One phrase per quoted work (or speaker, when the text names no work), in order."""
    phrases: list[list[Run]] = []
    done: set[str] = set()
    for quote in credit.quotes:
        source = quote.source
        if source is None:
            key = f"speaker:{quote.words_of}"
            if quote.words_of and key not in done:
                done.add(key)
                phrases.append([(quote.words_of, "")])
            continue
        if source.id in done:
            continue
        done.add(source.id)
        spans = [q for q in credit.quotes if q.source is not None and q.source.id == source.id]
        speakers = list(dict.fromkeys(q.words_of for q in spans if not _is_source_itself(q)))
        if speakers and not any(_is_source_itself(q) for q in spans):
            people = _join([[(name, "")] for name in speakers])
            phrases.append(_fill(_templates()["in"], people, source_runs(source, lang)))
        else:
            phrases.append(source_runs(source, lang))
    return phrases


def credit_runs(credit: Credit, lang: str) -> list[Run]:
    """The credit line of an item: its document, whom it quotes, whom it reports.

    "Exhibition text", "Exhibition text, quoting X", "Exhibition text, reporting on Y",
    "Exhibition text, quoting X; reporting on Y". Without a document (an item whose source is
    the quoted work itself) the quoted work is named alone.
    """
    attribution = as_attribution(credit)
    document = source_runs(attribution.document, lang) if attribution.document else []
    quoted = _join(_quoted(attribution, lang))
    reported = _join([source_runs(s, lang) for s in attribution.reported_only])
    if not document:
        return quoted or reported
    words = _templates()
    if quoted and reported:
        return _fill(words["both"], document, quoted, reported)
    if quoted:
        return _fill(words["quoting"], document, quoted)
    if reported:
        return _fill(words["reporting"], document, reported)
    return document


def credit_text(credit: Credit, lang: str) -> str:
    """``credit_runs`` as one plain string."""
    return "".join(text for text, _style in credit_runs(credit, lang))


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the quotation marks that enclose a span (they belong to the quote's look)."""
    if start > 0 and text[start - 1] in _MARKS:
        start -= 1
    if end < len(text) and text[end] in _MARKS:
        end += 1
    return start, end


def _pieces(quote: str) -> list[re.Pattern[str]]:
    """A quote's paragraphs as patterns that match whatever whitespace the display uses."""
    parts = [part.strip() for part in re.split(r"\n[ \t]*\n", quote) if part.strip()]
    return [re.compile(r"\s+".join(re.escape(word) for word in part.split())) for part in parts]


def quoted_ranges(text: str, quotes: Sequence[QuotedSpan]) -> list[tuple[int, int]]:
    """Where the words of ``quotes`` stand in ``text`` (one paragraph as shown), merged."""
    found: list[tuple[int, int]] = []
    for quote in quotes:
        for pattern in _pieces(quote.text):
            for match in pattern.finditer(text):
                found.append(_widen(text, match.start(), match.end()))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _editorial(text: str, style: str) -> list[Run]:
    """``text`` in ``style`` with every [bracketed insertion] marked editorial."""
    runs: list[Run] = []
    position = 0
    for match in _BRACKETED.finditer(text):
        if match.start() > position:
            runs.append((text[position:match.start()], style))
        runs.append((match[0], EDITORIAL))
        position = match.end()
    if position < len(text):
        runs.append((text[position:], style))
    return runs


def quote_runs(text: str, quotes: Sequence[QuotedSpan]) -> list[Run]:
    """``text`` as runs: quoted words ``quote``, the rest ``frame`` (when anything is quoted).

    A paragraph with no quoted words is the document's own text and keeps the plain reading
    style; [bracketed] editorial insertions are marked wherever they stand.
    """
    ranges = quoted_ranges(text, quotes)
    if not ranges:
        return _editorial(text, "")
    runs: list[Run] = []
    position = 0
    for start, end in ranges:
        if start > position:
            runs.extend(_editorial(text[position:start], FRAME))
        runs.extend(_editorial(text[start:end], QUOTE))
        position = end
    if position < len(text):
        runs.extend(_editorial(text[position:], FRAME))
    return runs


class CreditLine(ReadingParagraph):
    """The credit of an item as one wrapped line of plain text (a work's title in italics).

    ``set_credit(credit, lang)`` shows an item's ``Attribution`` (or a bare source);
    ``set_prefix`` puts a translated lead before it ("Source: "); ``set_notes`` adds
    sentences after it (e.g. a translation credit: "Translated from English by ...").
    ``text()`` is the line as read.
    """

    LINE_HEIGHT = 1.25

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent, line_height=self.LINE_HEIGHT)
        self._credit: Credit = None
        self._lang = "en"
        self._prefix = ""
        self._notes: tuple[str, ...] = ()

    def set_credit(self, credit: Credit, lang: str) -> None:
        self._credit, self._lang = credit, lang
        self._render()

    def credit(self) -> Attribution:
        return as_attribution(self._credit)

    def set_prefix(self, template: str) -> None:
        """A lead with ``%1`` where the credit goes, e.g. ``tr("Source: %1")``; "" for none."""
        self._prefix = template
        self._render()

    def set_notes(self, notes: Sequence[str]) -> None:
        """Further sentences shown after the credit, each as written (plain text)."""
        self._notes = tuple(n for n in notes if n)
        self._render()

    def is_empty(self) -> bool:
        return as_attribution(self._credit).is_empty and not self._notes

    def _render(self) -> None:
        runs = credit_runs(self._credit, self._lang)
        if runs and self._prefix:
            runs = _fill(self._prefix, runs)
        for note in self._notes:
            runs = [*runs, (" " if runs else "", ""), (note, "")]
        self.set_runs(runs)
