"""How a timeline event's date is shown (the slide, its marker and the arrows use it).

The record's ``display_date`` is the text's own wording; when the text gives none, the date
parts are written in the visitor's language. The slide itself is ``ui/widgets/timeline_slide``.
"""

from __future__ import annotations

from khojaly_kiosk.archive.records import EventRecord
from khojaly_kiosk.ui.i18n import format_span


def shown_date(event: EventRecord, lang: str) -> str:
    """The source's own display date as written; otherwise the date parts in ``lang``."""
    if event.display_date or event.start_year is None:
        return event.display_date
    return format_span((event.start_year, event.start_month, event.start_day),
                       (event.end_year, event.end_month, event.end_day), lang)
