"""Opening hours such as ``09:00-18:00``; outside them the kiosk shows a black closed overlay.

No Qt here: the overlay lives in :mod:`khojaly_kiosk.kiosk.closed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from khojaly_kiosk.errors import InvalidInput

_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """Daily opening hours; ``opens == closes`` is never allowed, ``closes < opens`` spans midnight.

    ``ALWAYS`` (empty text) means the kiosk never closes.
    """

    opens: time | None = None
    closes: time | None = None

    @classmethod
    def parse(cls, text: str) -> OpeningHours:
        """Parse ``HH:MM-HH:MM``; an empty string means always open."""
        if not text.strip():
            return cls()
        match = _RANGE.match(text)
        if not match:
            raise InvalidInput(f"The opening hours {text!r} are not in the form 09:00-18:00.",
                               hint="Write the opening and closing time with a dash between.")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        try:
            opens, closes = time(h1, m1), time(h2, m2)
        except ValueError as exc:
            raise InvalidInput(f"The opening hours {text!r} contain an impossible time.",
                               hint="Hours go from 00 to 23 and minutes from 00 to 59.") from exc
        if opens == closes:
            raise InvalidInput(f"The opening hours {text!r} open and close at the same time.",
                               hint="Leave the field empty to keep the kiosk always open.")
        return cls(opens, closes)

    @property
    def always_open(self) -> bool:
        return self.opens is None or self.closes is None

    def __str__(self) -> str:
        if self.opens is None or self.closes is None:
            return ""
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"

    def is_open(self, now: datetime) -> bool:
        if self.opens is None or self.closes is None:
            return True
        t = now.time()
        if self.opens < self.closes:
            return self.opens <= t < self.closes
        return t >= self.opens or t < self.closes  # spans midnight

    def next_opening(self, now: datetime) -> datetime | None:
        """When the kiosk opens next (``now`` itself if open, ``None`` if always open)."""
        if self.opens is None:
            return None
        if self.is_open(now):
            return now
        today = now.replace(hour=self.opens.hour, minute=self.opens.minute, second=0,
                            microsecond=0)
        return today if today > now else today + timedelta(days=1)
