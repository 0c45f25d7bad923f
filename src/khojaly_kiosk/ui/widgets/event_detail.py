"""How a timeline event's date is shown, and whose account an advised event is taken from.

The record's ``display_date`` is the text's own wording, with a year known only from context
added as "[1991]" (an editorial insertion); when the text gives no date wording, the date
parts are written in the visitor's language. ``slide_heading`` is the one function that
decides whether a headline or the date heads a slide (and what a marker and an arrow say);
the slide itself is ``ui/widgets/timeline_slide``.
"""

from __future__ import annotations

from khojaly_kiosk.archive.records import EventRecord
from khojaly_kiosk.ui.i18n import format_span
from khojaly_kiosk.ui.widgets.advisory import is_advised
from khojaly_kiosk.ui.widgets.text import Run


def shown_date(event: EventRecord, lang: str) -> str:
    """The date a visitor reads for ``event``.

    The text's own display date as written, followed by an editorial year in square brackets
    when the text gives the year only by context ("30 October [1991]"); without a display
    date, the date parts written in ``lang`` (the year is then the text's, no brackets).
    Style the bracketed part as an editorial insertion with ``date_runs``.
    """
    return "".join(text for text, _style in date_runs(event, lang))


def date_runs(event: EventRecord, lang: str) -> list[Run]:
    """``shown_date`` as runs: the date ``""``, an editorial year ``"editorial"``."""
    if not event.display_date and event.start_year is not None:
        return [(format_span((event.start_year, event.start_month, event.start_day),
                             (event.end_year, event.end_month, event.end_day), lang), "")]
    runs: list[Run] = [(event.display_date, "")] if event.display_date else []
    if event.display_date and event.editorial_year is not None:
        runs.append((" ", ""))
        runs.append((f"[{event.editorial_year}]", "editorial"))
    return runs


def advisory_key(event_id: str) -> str:
    """The ``AdvisoryLedger`` key of a timeline event."""
    return f"event:{event_id}"


def event_witness(event: EventRecord) -> str:
    """Whose account an advised event is taken from (the first quoted speaker), or ""."""
    return next((q.words_of for q in event.quotes if q.words_of), "")


def _flat(text: str) -> str:
    return " ".join(text.split())


def slide_heading(event: EventRecord, lang: str, withheld: bool = False) -> tuple[str, str]:
    """``(date line, heading)`` of a slide: never a sentence cut in the middle.

    The content's headline is the heading when it is a headline of its own. A headline that is
    only the opening of the text (a first sentence, or a cut one like "Late in 1987, Armenia
    launched an aggression against Az...") is not repeated: then the date stands as the
    heading, and the text below says it whole. The date is ``shown_date`` (with a year known
    only from context as "[1991]"). ``withheld``: the event's words wait behind its advisory,
    so only the date may head it. The one place that decides this.
    """
    date = shown_date(event, lang)
    if withheld:
        return "", date
    headline = _flat(event.headline)
    if headline and not _flat(event.text).startswith(headline.rstrip(".").rstrip()):
        return date, headline
    return "", date or headline


def event_heading(event: EventRecord, lang: str) -> str:
    """What heads an event's slide: its own headline, or its date standing as the heading."""
    return slide_heading(event, lang)[1]


def marker_title(event: EventRecord) -> str:
    """The words on the event's marker (clipped to the marker at a word by the axis); none
    for an event taken from an advised account (its words wait behind its advisory)."""
    if is_advised(event.advisory):
        return ""
    return _flat(event.headline) or _flat(event.text)
