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
from collections.abc import Sequence

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

FTS_TABLE = "name_fts"
RANK_TABLE = "name_rank"
MAX_QUERY_CHARS = 200  # nobody types a longer name; bounds the work hostile input can cause
MAX_QUERY_TERMS = 8

CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "folded, content='', tokenize=\"unicode61 remove_diacritics 2\", prefix='1 2 3')"
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


def fold(text_: str) -> str:
    """Lowercase and strip diacritics the way visitors type: ``"Səvinc"`` -> ``"sevinc"``.

    Latin letters lose their marks (ə->e, ı->i, ğ->g, ö->o, ş->s, ü->u, ç->c); Cyrillic keeps
    its letters (й stays й) except ё->е, which Russian writers use interchangeably.
    """
    out: list[str] = []
    for char in text_.translate(_SPECIAL):
        if _is_cyrillic(char):
            out.append(char)
            continue
        for part in unicodedata.normalize("NFKD", char):
            if not unicodedata.combining(part):
                out.append(part)
    return unicodedata.normalize("NFC", "".join(out).casefold()).translate(_SPECIAL)


def sort_key(name: str) -> str:
    """A key that orders names alphabetically (Azerbaijani alphabet, then Cyrillic).

    ç sorts after c and ə after e, as in Azerbaijani dictionaries; letters of other Latin
    alphabets sort with their base letter; punctuation separates words like a space.
    """
    keys: list[str] = []
    for char in name.strip().replace("I", "i").replace("İ", "i").lower():
        if char in _AZ_KEY:
            keys.append(_AZ_KEY[char])
        elif char.isspace() or char in "-‐'’.,":
            if keys and keys[-1] != " ":
                keys.append(" ")
        elif char.isdigit():
            keys.append(str(unicodedata.digit(char, 0)))
        elif _is_cyrillic(char):
            keys.append(chr(0x2000 + ord("е" if char == "ё" else char)))
        else:
            # Other letters sort with their base letter; leftover punctuation is dropped so
            # it cannot land between the letter codes.
            keys.extend(_AZ_KEY.get(c, c) for c in fold(char) if c.isalnum())
    return "".join(keys).rstrip()


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
