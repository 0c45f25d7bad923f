"""Which delimiter a CSV file uses: ``,`` or ``;`` (Excel in az, ru and tr locales) or tab.

Decided from the header row alone: headers are short names without quotes or punctuation,
while a row's cells (a testimony, "Baku; Ganja") may hold any of the three characters.
"""

from __future__ import annotations

DELIMITERS = (",", ";", "\t")


def detect_delimiter(text: str) -> str:
    """The delimiter of CSV ``text``: the one found most often in its header row, outside
    quotes; ``,`` when there is none (a file of one column) or on a tie."""
    header = _header_line(text)
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _header_line(text: str) -> str:
    """The first line with anything on it (a quoted header cell may hold a line break)."""
    start = 0
    quoted = False
    for pos, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch in "\r\n" and not quoted:
            if text[start:pos].strip():
                return text[start:pos]
            start = pos + 1
    return text[start:]
