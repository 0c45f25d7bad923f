"""Name search: folding, alphabetical sort keys and the FTS5 prefix query.

SQLite's ``unicode61 remove_diacritics 2`` tokenizer folds ğ ö ş ü ç and İ but not ə or ı,
and leaves Cyrillic ё alone, so every name is indexed as ``fold(name)`` and the visitor's
text is folded the same way before it reaches FTS5.

The index ``name_fts`` is contentless and its rowid is the name's position in alphabetical
order (``name_rank``). FTS5 yields rowids in ascending order, so ``ORDER BY rowid LIMIT n``
stops after n hits: a one-letter prefix over a million names stays fast, where ordering by
``rank`` (BM25) would score every match first.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

FTS_TABLE = "name_fts"
RANK_TABLE = "name_rank"
MAX_QUERY_CHARS = 200  # nobody types a longer name; bounds the work hostile input can cause
MAX_QUERY_TERMS = 8

CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "folded, content='', tokenize=\"unicode61 remove_diacritics 2\", prefix='1 2 3', "
    # No per-row column sizes: only BM25 needs them, and searches order by rank instead.
    "columnsize=0)"
)
CREATE_RANK_SQL = (
    f"CREATE TABLE IF NOT EXISTS {RANK_TABLE} ("
    "rank INTEGER PRIMARY KEY, name_id INTEGER NOT NULL REFERENCES name(id))"
)

# Letters the Unicode decomposition does not fold (ə, ı are letters of their own there).
_SPECIAL = str.maketrans(
    {"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ё": "е", "Ё": "е", "ß": "ss", "ø": "o",
     "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae"}
)
_TOKEN = re.compile(r"[^\W_]+")

# Azerbaijani Latin alphabet order; letters of other Latin alphabets fold onto these.
_AZ_ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvwyz"  # w: not Azerbaijani, after v
_AZ_KEY = {letter: chr(0x41 + index) for index, letter in enumerate(_AZ_ALPHABET)}


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


_TABLE_SIZE = 0x800  # Latin, Greek, Cyrillic, Armenian...: what names are written in
_WIDE = re.compile("[^\x00-\u07ff]")


class _CharMap(dict[int, str]):
    """A per-character ``str.translate`` table: each character's result computed once.

    Folding a million names character by character in Python takes seconds; translating
    through a table runs at C speed and gives the same text. Text below ``_TABLE_SIZE`` uses
    a tuple (the fastest table); other text a dict filled on first use.
    """

    def __init__(self, per_char: Callable[[str], str]) -> None:
        super().__init__()
        self._per_char = per_char
        self._small: tuple[str, ...] = ()

    def __missing__(self, code: int) -> str:
        value = self[code] = self._per_char(chr(code))
        return value

    def translate(self, text_: str) -> str:
        if not self._small:
            self._small = tuple(self._per_char(chr(code)) for code in range(_TABLE_SIZE))
        if _WIDE.search(text_) is None:
            return text_.translate(self._small)
        return text_.translate(self)


def _fold_char(char: str) -> str:
    """One character folded: ``fold`` of a text is NFC of its characters' folds."""
    out: list[str] = []
    for mapped in char.translate(_SPECIAL):
        if _is_cyrillic(mapped):
            out.append(mapped)
            continue
        out.extend(p for p in unicodedata.normalize("NFKD", mapped) if not unicodedata.combining(p))
    return "".join(out).casefold().translate(_SPECIAL)


_FOLD_CHARS = _CharMap(_fold_char)


def fold(text_: str) -> str:
    """Lowercase and strip diacritics the way visitors type: ``"Səvinc"`` -> ``"sevinc"``.

    Latin letters lose their marks (ə->e, ı->i, ğ->g, ö->o, ş->s, ü->u, ç->c); Cyrillic keeps
    its letters (й stays й) except ё->е, which Russian writers use interchangeably.
    """
    if text_.isascii():
        return text_.lower()
    # Each character folds on its own (casefold has no context) and no combining mark is
    # left, so NFC of the per-character folds is the fold of the whole text.
    return unicodedata.normalize("NFC", _FOLD_CHARS.translate(text_))


def _sort_char(char: str) -> str:
    """The sort key of one character as written (``sort_key`` lowercases it first)."""
    return "".join(_sort_lower(c) for c in char.replace("I", "i").replace("İ", "i").lower())


def _sort_lower(char: str) -> str:
    if char in _AZ_KEY:
        return _AZ_KEY[char]
    if char.isspace() or char in "-‐'’.,":
        return " "
    if char.isdigit():
        return str(unicodedata.digit(char, 0))
    if _is_cyrillic(char):
        return chr(0x2000 + ord("е" if char == "ё" else char))
    # Other letters sort with their base letter; leftover punctuation is dropped so it
    # cannot land between the letter codes.
    return "".join(_AZ_KEY.get(c, c) for c in fold(char) if c.isalnum())


_SORT_CHARS = _CharMap(_sort_char)
_SPACES = re.compile(" {2,}")


def sort_key(name: str) -> str:
    """A key that orders names alphabetically (Azerbaijani alphabet, then Cyrillic).

    ç sorts after c and ə after e, as in Azerbaijani dictionaries; letters of other Latin
    alphabets sort with their base letter; punctuation separates words like a space.
    """
    # Lowercasing has no context that matters here (only final sigma, which folds back), so
    # each character is looked up as written; whitespace at the ends becomes spaces that
    # are stripped below. Separators never lead, repeat or trail (letter codes hold none).
    keys = _SORT_CHARS.translate(name)
    if "  " in keys:
        keys = _SPACES.sub(" ", keys)
    return keys.lstrip(" ").rstrip()


def fts_query(visitor_text: str) -> str | None:
    """The FTS5 MATCH expression for what a visitor typed, or None when nothing is searchable.

    Every word becomes a quoted prefix term (``"sev"*``), so FTS syntax in the input (quotes,
    ``*``, ``(``, ``:``, ``-``, ``NEAR``, ``AND``) is only ever text.
    """
    words = _TOKEN.findall(fold(visitor_text[:MAX_QUERY_CHARS]))[:MAX_QUERY_TERMS]
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def search_name_ids(connection: Connection, visitor_text: str, limit: int = 50) -> list[int]:
    """Ids of names matching every word of ``visitor_text`` as a prefix, alphabetical order.

    Never raises on odd input: text that cannot be searched returns ``[]``.
    """
    query = fts_query(visitor_text)
    if query is None or limit <= 0:
        return []
    statement = text(
        f"SELECT r.name_id FROM {FTS_TABLE} AS f JOIN {RANK_TABLE} AS r ON r.rank = f.rowid "
        f"WHERE {FTS_TABLE} MATCH :query ORDER BY f.rowid LIMIT :limit"
    )
    try:
        rows: Sequence[tuple[int]] = connection.execute(
            statement, {"query": query, "limit": int(limit)}
        ).all()  # type: ignore[assignment]
    except (DBAPIError, sqlite3.Error):
        # The quoting above makes this unreachable for known FTS5 syntax; a visitor's
        # typing must still never turn into an error screen.
        return []
    return [row[0] for row in rows]
