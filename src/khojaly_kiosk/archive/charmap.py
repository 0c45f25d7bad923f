"""Per-character translation tables: functions of single characters applied at C speed.

Folding or sort-keying a million names character by character in Python takes seconds; a
``str.translate`` through a table of each character's result gives the same text in a
fraction of that (``transliterate.fold``, ``search.sort_key``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TABLE_SIZE = 0x800  # Latin, Greek, Cyrillic, Armenian...: what names are written in
_WIDE = re.compile("[^\\x00-\\u07ff]")


class CharMap(dict[int, str]):
    """A ``str.translate`` table: each character's result computed once, on first use.

    Text below ``_TABLE_SIZE`` goes through a tuple (the fastest table); other text through
    this dict, filled as characters are met.
    """

    def __init__(self, per_char: Callable[[str], str]) -> None:
        super().__init__()
        self._per_char = per_char
        self._small: tuple[str, ...] = ()

    def __missing__(self, code: int) -> str:
        value = self[code] = self._per_char(chr(code))
        return value

    def translate(self, text: str) -> str:
        if not self._small:
            self._small = tuple(self._per_char(chr(code)) for code in range(_TABLE_SIZE))
        if _WIDE.search(text) is None:
            return text.translate(self._small)
        return text.translate(self)
