"""Checks of single values shared by every reader: ids, integers, dates, times, lengths.

Each check adds a report entry and returns ``None`` (or the cleaned value) instead of
raising, so one bad cell never hides the next problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from khojaly_kiosk.content.report import ValidationReport, Where

SHORT_CAP = 500  # headlines, titles, labels, names
LONG_CAP = 200_000  # bodies and texts
ID_CAP = 120  # matches String(120) of the id columns
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
# Letters NFKD does not decompose; folded so Azerbaijani names give readable slugs.
_SLUG_FOLD = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ß": "ss", "ø": "o"})


def slugify(text: str, limit: int = 80) -> str:
    """A lowercase ``[a-z0-9-]`` slug of ``text`` (may be empty)."""
    folded = unicodedata.normalize("NFKD", text.translate(_SLUG_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:limit].rstrip("-")


def check_id(
    value: Any, where: Where, report: ValidationReport, seen: set[str], what: str
) -> str | None:
    """A required, well-formed, not yet used slug id; records it in ``seen``."""
    text = "" if value is None else str(value).strip()
    if not text:
        report.error(where, f"This {what} has no id.", "Give every item a short id such as "
                     "'khojaly-1992'.")
        return None
    if not _ID_RE.match(text) or len(text) > ID_CAP:
        report.error(
            where,
            f"The id '{text}' is not a valid id.",
            f"Use only lowercase letters a-z, digits and single hyphens, at most {ID_CAP} "
            "characters.",
        )
        return None
    if text in seen:
        report.error(where, f"The id '{text}' is used twice.", f"Give each {what} its own id.")
        return None
    seen.add(text)
    return text


def text_value(
    value: Any, where: Where, report: ValidationReport, label: str, cap: int = SHORT_CAP
) -> str:
    """A text value, stripped; over ``cap`` characters it is an error naming the length."""
    if value is None:
        return ""
    if not isinstance(value, str):
        report.error(where, f"The {label} must be text, not {type(value).__name__}.",
                     'Put the text in double quotes.')
        return ""
    text = value.strip()
    if len(text) > cap:
        report.error(
            where,
            f"The {label} is {len(text):,} characters long; at most {cap:,} are allowed.",
            "Shorten it or split it into several items.",
        )
    return text


def int_value(
    value: Any,
    where: Where,
    report: ValidationReport,
    label: str,
    low: int | None = None,
    high: int | None = None,
) -> int | None:
    """An optional integer ("" or None means no value); errors for text, fractions, range."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        number = int(value)
    if number is None:
        report.error(where, f"The {label} '{value}' is not a whole number.",
                     "Write digits only, for example 1992.")
        return None
    if not INT64_MIN <= number <= INT64_MAX:
        report.error(where, f"The {label} {number} is too large to store.",
                     "Check the number; at most 19 digits are possible.")
        return None
    if low is not None and high is not None and not low <= number <= high:
        report.error(where, f"The {label} {number} is outside {low}-{high}.",
                     f"Write a {label} between {low} and {high}.")
        return None
    if low is not None and number < low:
        report.error(where, f"The {label} {number} is below {low}.",
                     f"Write a {label} of at least {low}.")
        return None
    if high is not None and number > high:
        report.error(where, f"The {label} {number} is above {high}.",
                     f"Write a {label} of at most {high}.")
        return None
    return number


def choice_value(
    value: Any,
    where: Where,
    report: ValidationReport,
    label: str,
    choices: Iterable[str],
    default: str | None = None,
) -> str | None:
    """One of ``choices``; empty gives ``default`` (or an error when there is none)."""
    allowed = tuple(choices)
    text = "" if value is None else str(value).strip()
    if not text and default is not None:
        return default
    if text in allowed:
        return text
    shown = f"'{text}'" if text else "empty"
    report.error(where, f"The {label} {shown} is not one of the known values.",
                 f"Use one of: {', '.join(allowed)}.")
    return None


def is_leap(year: int) -> bool:
    """Proleptic Gregorian leap year; works for any integer year, also far outside datetime."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int | None, month: int) -> int:
    if month == 2:
        return 29 if year is None or is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def check_date(
    year: int | None,
    month: int | None,
    day: int | None,
    where: Where,
    report: ValidationReport,
    label: str = "date",
) -> bool:
    """A partial date (year, year+month, or full date) that exists; True when it does."""
    if month is not None and not 1 <= month <= 12:
        report.error(where, f"The {label} has month {month}; months are 1 to 12.",
                     "Check the Month column.")
        return False
    if day is not None and month is None:
        report.error(where, f"The {label} has a day but no month.",
                     "Give the month too, or leave the day empty.")
        return False
    if month is not None and year is None:
        report.error(where, f"The {label} has a month but no year.",
                     "Give the year too, or leave the month empty.")
        return False
    if day is not None and month is not None:
        last = days_in_month(year, month)
        if not 1 <= day <= last:
            when = f"{day} {_MONTHS[month - 1]} {year}"
            report.error(where, f"The {label} {when} does not exist.",
                         f"{_MONTHS[month - 1]} {year} has {last} days; check the Day column.")
            return False
    return True


def time_value(value: Any, where: Where, report: ValidationReport, label: str) -> str:
    """``HH:MM`` or ``HH:MM:SS`` with hour 0-23; returned normalised, "" when empty or bad."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    match = _TIME_RE.match(text)
    if not match:
        report.error(where, f"The {label} '{text}' is not a time.",
                     "Write it as HH:MM, for example 23:30.")
        return ""
    hour, minute = int(match[1]), int(match[2])
    second = int(match[3]) if match[3] else None
    if hour > 23:
        report.error(where, f"The {label} '{text}' has hour {hour}; hours are 0 to 23.",
                     "Write it as HH:MM on a 24-hour clock.")
        return ""
    if minute > 59 or (second is not None and second > 59):
        report.error(where, f"The {label} '{text}' has minutes or seconds over 59.",
                     "Write it as HH:MM, for example 23:30.")
        return ""
    return f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")


URL_CAP = 2000
# Query parameters that track who followed a link; a kiosk's QR code never carries them.
_TRACKING = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|_ga|"
                       r"igshid|si|ref_src)$", re.IGNORECASE)


def url_value(value: Any, where: Where, report: ValidationReport) -> str:
    """A public ``http(s)`` address, without tracking parameters ("" when empty or bad)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace()
                                                                        for c in text):
        report.error(where, f"The url '{text[:80]}' is not a web address.",
                     "Write the full address of a public page, e.g. https://example.org/report.")
        return ""
    if len(text) > URL_CAP:
        report.error(where, f"The url is {len(text):,} characters long; at most {URL_CAP:,} "
                     "are allowed.", "Use the page's short address.")
        return ""
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not _TRACKING.match(k)]
    if len(kept) != len(query):
        dropped = sorted({k for k, _v in query if _TRACKING.match(k)})
        report.warning(where, f"The url's tracking parameters ({', '.join(dropped)}) are "
                       "left out of the QR code.", "Remove them from the url.")
        text = urlunsplit(parts._replace(query=urlencode(kept)))
    return text
