"""Letter layouts for the on-screen keyboard (data only).

Each layout lists its rows twice, lower case and upper case, key for key. Upper case is written out
rather than computed with ``str.upper()`` because Azerbaijani and Turkish pair dotted ``i`` with
``İ`` and dotless ``ı`` with ``I``, which Python's locale-free ``upper()`` gets wrong for ``i``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyboardLayout:
    """One alphabet's keys: ``lower[r][k]`` and ``upper[r][k]`` are the same key."""

    code: str
    name: str  # the layout's name in its own language, shown on the switch key
    lower: tuple[str, ...]  # one string a row, one character a key
    upper: tuple[str, ...]

    def upper_of(self, char: str) -> str:
        """The shifted form of ``char`` on this layout (``char`` itself when it has none)."""
        for low_row, up_row in zip(self.lower, self.upper, strict=True):
            index = low_row.find(char)
            if index >= 0:
                return up_row[index]
        return char

    def letters(self) -> str:
        """Every character the layout can type, lower case then upper case."""
        return "".join(self.lower) + "".join(self.upper)


# Azərbaycan latın: the standard Azerbaijani (Latin) typewriter order, Q row starting q ü e.
AZ = KeyboardLayout(
    code="az",
    name="Azərbaycan",
    lower=("qüertyuiopöğ", "asdfghjklıə", "zxcvbnmçş-"),
    upper=("QÜERTYUİOPÖĞ", "ASDFGHJKLIƏ", "ZXCVBNMÇŞ-"),
)

EN = KeyboardLayout(
    code="en",
    name="English",
    lower=("qwertyuiop", "asdfghjkl'", "zxcvbnm-"),
    upper=("QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-"),
)

# ЙЦУКЕН with ъ at the end of the top row (as printed on Russian keyboards) and ё, which on a
# physical keyboard sits left of the digits, at the start of the bottom row.
RU = KeyboardLayout(
    code="ru",
    name="Русский",
    lower=("йцукенгшщзхъ", "фывапролджэ", "ёячсмитьбю-"),
    upper=("ЙЦУКЕНГШЩЗХЪ", "ФЫВАПРОЛДЖЭ", "ЁЯЧСМИТЬБЮ-"),
)

# Türkçe Q: the key after U is dotless ı/I, the key after Ş is dotted i/İ.
TR = KeyboardLayout(
    code="tr",
    name="Türkçe",
    lower=("qwertyuıopğü", "asdfghjklşi", "zxcvbnmöç-"),
    upper=("QWERTYUIOPĞÜ", "ASDFGHJKLŞİ", "ZXCVBNMÖÇ-"),
)

LAYOUTS: dict[str, KeyboardLayout] = {layout.code: layout for layout in (AZ, EN, RU, TR)}

# The order the layout switch key cycles through.
LAYOUT_ORDER: tuple[str, ...] = ("az", "en", "ru", "tr")
