"""Name search: alphabetical sort keys and the FTS5 prefix queries across scripts.

Every name is indexed twice in ``name_fts`` (see ``archive.transliterate``): column
``folded`` holds its spelling without case and marks, column ``keys`` every word it can be
found by (the folded words and their sound keys, so ``Mammad`` is found by ``Məmməd``,
``Mamed`` and ``Мамед``). A search lists the names whose spelling starts with what was typed
first, then those that sound the same.

SQLite's ``unicode61 remove_diacritics 2`` tokenizer folds ğ ö ş ü ç and İ but not ə or ı,
and leaves Cyrillic ё alone, so names and the visitor's text are folded by our own functions
before they reach FTS5.

The index is contentless and its rowid is the name's position in alphabetical order
(``name_rank``). FTS5 yields rowids in ascending order, so ``ORDER BY rowid LIMIT n`` stops
after n hits: a one-letter prefix over a million names stays fast, where ordering by ``rank``
(BM25) would score every match first.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from khojaly_kiosk.archive.charmap import CharMap
from khojaly_kiosk.archive.transliterate import fold, query_words

FTS_TABLE = "name_fts"
RANK_TABLE = "name_rank"
MAX_QUERY_CHARS = 200  # nobody types a longer name; bounds the work hostile input can cause
MAX_QUERY_TERMS = 8

CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "folded, keys, content='', tokenize=\"unicode61 remove_diacritics 2\", prefix='1 2 3', "
    # No per-row column sizes: only BM25 needs them, and searches order by rank instead.
    "columnsize=0)"
)
CREATE_RANK_SQL = (
    f"CREATE TABLE IF NOT EXISTS {RANK_TABLE} ("
    "rank INTEGER PRIMARY KEY, name_id INTEGER NOT NULL REFERENCES name(id))"
)

# Azerbaijani Latin alphabet order; letters of other Latin alphabets fold onto these.
_AZ_ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvwyz"  # w: not Azerbaijani, after v
_AZ_KEY = {letter: chr(0x41 + index) for index, letter in enumerate(_AZ_ALPHABET)}


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


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


_SORT_CHARS = CharMap(_sort_char)
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


def _terms(visitor_text: str) -> list[tuple[str, str]]:
    return query_words(visitor_text[:MAX_QUERY_CHARS])[:MAX_QUERY_TERMS]


def _quoted(word: str) -> str:
    # Words hold only letters and digits (transliterate.words), so they never contain a
    # quote; the quotes make FTS syntax in the input (NEAR, AND, *, -, :) plain text.
    return f'"{word}"*'


def fts_query(visitor_text: str) -> str | None:
    """The FTS5 MATCH expression for names spelt as typed, or None when nothing is searchable.

    Every word becomes a quoted prefix term (``"sev"*``) on the ``folded`` column.
    """
    terms = _terms(visitor_text)
    if not terms:
        return None
    return "folded : (" + " AND ".join(_quoted(folded) for folded, _ in terms) + ")"


def fts_sounds_query(visitor_text: str) -> str | None:
    """The MATCH expression for names that start like what was typed, in any of the scripts.

    Each word matches its folded spelling or its sound key, as a prefix, on the ``keys`` column.
    """
    terms = _terms(visitor_text)
    if not terms:
        return None
    groups = []
    for folded, sound in terms:
        options = [_quoted(folded)] + ([_quoted(sound)] if sound and sound != folded else [])
        groups.append("(" + " OR ".join(options) + ")")
    return "keys : (" + " AND ".join(groups) + ")"


_SEARCH_SQL = (
    f"SELECT r.name_id FROM {FTS_TABLE} AS f JOIN {RANK_TABLE} AS r ON r.rank = f.rowid "
    f"WHERE {FTS_TABLE} MATCH :query ORDER BY f.rowid LIMIT :limit"
)


def _ids(connection: sqlite3.Connection, query: str, limit: int) -> list[int]:
    try:
        rows = connection.execute(_SEARCH_SQL, {"query": query, "limit": int(limit)}).fetchall()
    except sqlite3.Error:
        # The quoting makes this unreachable for known FTS5 syntax; a visitor's typing must
        # still never turn into an error screen.
        return []
    return [row[0] for row in rows]


def search_name_ids(connection: sqlite3.Connection, visitor_text: str,
                    limit: int = 50) -> list[int]:
    """Ids of names matching every word of ``visitor_text`` as a prefix.

    Names spelt as typed come first (alphabetical), then names that sound the same in another
    script or spelling (alphabetical). Never raises on odd input: text that cannot be
    searched returns ``[]``.
    """
    exact, sounds = fts_query(visitor_text), fts_sounds_query(visitor_text)
    if exact is None or sounds is None or limit <= 0:
        return []
    found = _ids(connection, exact, limit)
    if len(found) < limit:
        # The sounds-alike matches include the exact ones: ask for enough to fill up.
        seen = set(found)
        extra = _ids(connection, sounds, limit + len(found))
        found.extend(i for i in extra if i not in seen)
    return found[:limit]
