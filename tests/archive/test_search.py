"""Folding, sort keys and the FTS5 name search (SYNTHETIC names only)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.reader import Reader
from khojaly_kiosk.archive.search import fts_query, fts_sounds_query, search_name_ids, sort_key
from khojaly_kiosk.archive.transliterate import fold


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Səvinc", "sevinc"),
        ("SƏVİNC", "sevinc"),
        ("İsmayıl", "ismayil"),
        ("ISMAYIL", "ismayil"),
        ("Gülnarə", "gulnare"),
        ("ŞÜÇÖĞ", "sucog"),
        ("şüçöğ", "sucog"),
        ("Ağaməmmədov", "agamemmedov"),
        ("Ёлкина", "елкина"),
        ("Йод", "йод"),  # й is a letter of its own in Russian, not и with a mark
        ("Çələbi-Xəlilov", "celebi-xelilov"),
        ("", ""),
    ],
)
def test_fold(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_sort_key_follows_the_azerbaijani_alphabet_then_cyrillic() -> None:
    names = ["Zaur", "Иван", "Əli", "Elşən", "Çingiz", "Cəfər", "Xəlil", "Həsən", "Abbas",
             "Abbas Əliyev", "Абдуллаев"]
    assert sorted(names, key=sort_key) == [
        "Abbas", "Abbas Əliyev", "Cəfər", "Çingiz", "Elşən", "Əli", "Həsən", "Xəlil", "Zaur",
        "Абдуллаев", "Иван",
    ]


def test_sort_key_ignores_case() -> None:
    assert sort_key("SƏVİNC") == sort_key("səvinc")


@pytest.mark.parametrize(
    "hostile",
    ['"', '""', "*", "(", ")))", "a:b", "-x", "NEAR(a b)", "a AND", "OR", "^x", "x\x00y",
     "'; DROP TABLE name; --", "{a b}", "a+b", "x" * 10_000, "ə " * 5_000],
)
def test_fts_query_quotes_every_word(hostile: str) -> None:
    for query in (fts_query(hostile), fts_sounds_query(hostile)):
        if query is None:
            continue
        # Outside the quoted terms only our own syntax is left: a column, parentheses, AND, OR.
        quoted = re.findall(r'"([^"]*)"\*', query)
        assert quoted and all(word.isalnum() for word in quoted)
        rest = re.sub(r'"[^"]*"\*', "", query)
        assert set(re.findall(r"[A-Za-z]+|\S", rest)) <= {"folded", "keys", "AND", "OR", ":",
                                                         "(", ")"}


def test_fts_query_is_none_for_nothing_searchable() -> None:
    assert fts_query("") is None
    assert fts_query("  -*()\"' ") is None


SYNTHETIC_NAMES = [
    "Zeynəb Quliyeva", "Səvinc Məmmədova", "Sevda Əliyeva", "İsmayıl Həsənov",
    "Gülnarə Abbasova", "Şahin Ağayev", "Елена Ёлкина", "Sevinc Abbasova", "Səbinə Quliyeva",
]


@pytest.fixture
def names_engine(tmp_path: Path, make_archive):
    source = m.Source(id="synthetic", kind="book", title="Synthetic test names")
    rows = [source] + [m.Name(name=name, source_id="synthetic") for name in SYNTHETIC_NAMES]
    reader = Reader(make_archive(tmp_path, rows))
    yield reader
    reader.close()


def _search(reader: Reader, typed: str, limit: int = 50) -> list[str]:
    with reader.connection() as db:
        ids = search_name_ids(db, typed, limit)
        return [db.execute("SELECT name FROM name WHERE id = ?", (name_id,)).fetchone()[0]
                for name_id in ids]


def test_search_is_case_and_diacritic_insensitive(names_engine) -> None:
    assert _search(names_engine, "sevinc") == ["Sevinc Abbasova", "Səvinc Məmmədova"]
    assert _search(names_engine, "SƏVİNC") == ["Sevinc Abbasova", "Səvinc Məmmədova"]
    assert _search(names_engine, "ismayil") == ["İsmayıl Həsənov"]
    assert _search(names_engine, "gulnare") == ["Gülnarə Abbasova"]
    assert _search(names_engine, "sahin agayev") == ["Şahin Ağayev"]
    assert _search(names_engine, "елкина") == ["Елена Ёлкина"]


def test_search_matches_word_prefixes_in_any_order(names_engine) -> None:
    # Azerbaijani order: e before ə, s before ş.
    assert _search(names_engine, "s") == [
        "Sevda Əliyeva", "Sevinc Abbasova", "Səbinə Quliyeva", "Səvinc Məmmədova",
        "Şahin Ağayev",
    ]
    assert _search(names_engine, "quli") == ["Səbinə Quliyeva", "Zeynəb Quliyeva"]
    assert _search(names_engine, "abbas sev") == ["Sevinc Abbasova"]
    assert _search(names_engine, "abbasova gül") == ["Gülnarə Abbasova"]
    assert _search(names_engine, "xyz") == []


def test_search_results_are_alphabetical_not_by_insertion(names_engine) -> None:
    found = _search(names_engine, "a")  # every name with a word starting with a
    spelt = ["Gülnarə Abbasova", "Sevinc Abbasova", "Şahin Ağayev"]
    assert found[:3] == sorted(spelt, key=sort_key)
    # Then the names that only sound like it (Əliyeva starts with the sound of "a").
    assert found[3:] == ["Sevda Əliyeva"]


def test_search_respects_the_limit(names_engine) -> None:
    assert _search(names_engine, "s", limit=2) == ["Sevda Əliyeva", "Sevinc Abbasova"]
    assert _search(names_engine, "s", limit=0) == []


@pytest.mark.parametrize(
    "hostile",
    ['"', 'sev"', "sev*", "(sev", "sev)", "NEAR(sev abb)", "sev AND", "OR", "name:sev",
     "-sev", "^sev", "x" * 10_000, "", "   ", "\x00", "'; DROP TABLE name; --", "s" * 300],
)
def test_hostile_input_never_raises(names_engine, hostile: str) -> None:
    found = _search(names_engine, hostile)
    assert isinstance(found, list)


def test_fts_syntax_in_input_is_plain_text(names_engine) -> None:
    assert _search(names_engine, '"sev') == _search(names_engine, "sev")
    assert _search(names_engine, "sev*") == _search(names_engine, "sev")
    assert _search(names_engine, "NEAR(sev") == []  # 'near' is a word nobody's name starts with


# ---- the per-character tables give exactly what the character loops gave -------------------

_REF_SPECIAL = str.maketrans(
    {"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ё": "е", "Ё": "е", "ß": "ss", "ø": "o",
     "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae"}
)
_REF_AZ = {letter: chr(0x41 + i) for i, letter in enumerate("abcçdeəfgğhxıijkqlmnoöprsştuüvwyz")}


def _reference_fold(text_: str) -> str:
    """The character loop ``search.fold`` was before it used a table (the specification)."""
    import unicodedata

    out: list[str] = []
    for char in text_.translate(_REF_SPECIAL):
        if "\u0400" <= char <= "\u04ff":
            out.append(char)
            continue
        for part in unicodedata.normalize("NFKD", char):
            if not unicodedata.combining(part):
                out.append(part)
    return unicodedata.normalize("NFC", "".join(out).casefold()).translate(_REF_SPECIAL)


def _reference_sort_key(name: str) -> str:
    import unicodedata

    keys: list[str] = []
    for char in name.strip().replace("I", "i").replace("İ", "i").lower():
        if char in _REF_AZ:
            keys.append(_REF_AZ[char])
        elif char.isspace() or char in "-‐'’.,":
            if keys and keys[-1] != " ":
                keys.append(" ")
        elif char.isdigit():
            keys.append(str(unicodedata.digit(char, 0)))
        elif "\u0400" <= char <= "\u04ff":
            keys.append(chr(0x2000 + ord("е" if char == "ё" else char)))
        else:
            keys.extend(_REF_AZ.get(c, c) for c in _reference_fold(char) if c.isalnum())
    return "".join(keys).rstrip()


def test_fast_fold_and_sort_key_equal_the_character_loops() -> None:
    import random

    rng = random.Random(26)
    alphabet = ("abcçdeəfgğhxıijkqlmnoöprsştuüvwyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
                "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяәөүҹһ"
                "ßøØđĐłŁæÆñÑåÅéÈêËĳŉǰΣσςΐﬁ①²٣ \t\u00a0\u2003-‐'’.,!?()\"0123456789\u0301\u0308"
                "가\u1100\u1161\u0000\u001f")
    samples = ["", " ", "  Səvinc  ", "O'Brien", "a - b", "İsmayıl", "Ёлка", "ΣΑΣ"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
                for _ in range(20_000)]
    for text_ in samples:
        assert fold(text_) == _reference_fold(text_), repr(text_)
        assert sort_key(text_) == _reference_sort_key(text_), repr(text_)

# -- across scripts (SYNTHETIC names; the spellings are the common ones of real first names) ---

SCRIPT_NAMES = ["Mammad", "Cəmil Qasımov", "Hüseynov Elçin", "Гасымов Рафик", "Zaur Quliyev"]


@pytest.fixture
def scripts_engine(tmp_path: Path, make_archive):
    source = m.Source(id="synthetic", kind="book", title="Synthetic test names")
    rows = [source] + [m.Name(name=name, source_id="synthetic") for name in SCRIPT_NAMES]
    reader = Reader(make_archive(tmp_path, rows))
    yield reader
    reader.close()


@pytest.mark.parametrize("typed", ["Məmməd", "Мамед", "Mamed", "mammad", "Məm"])
def test_mammad_is_found_by_every_spelling(scripts_engine, typed: str) -> None:
    assert _search(scripts_engine, typed) == ["Mammad"]


@pytest.mark.parametrize(("typed", "found"), [
    ("Jamil", ["Cəmil Qasımov"]),
    ("Джамиль", ["Cəmil Qasımov"]),
    ("Huseynov", ["Hüseynov Elçin"]),
    ("Гусейнов", ["Hüseynov Elçin"]),
    ("Gasimov", ["Cəmil Qasımov", "Гасымов Рафик"]),
    ("Qasımov", ["Cəmil Qasımov", "Гасымов Рафик"]),
    ("Гасымов", ["Гасымов Рафик", "Cəmil Qasımov"]),  # its own spelling first
    ("Jamil Gasimov", ["Cəmil Qasımov"]),
])
def test_names_are_found_across_scripts(scripts_engine, typed: str, found: list[str]) -> None:
    assert _search(scripts_engine, typed) == found


def test_the_spelling_typed_comes_before_names_that_only_sound_alike(scripts_engine) -> None:
    assert _search(scripts_engine, "Qasımov", limit=1) == ["Cəmil Qasımov"]
    assert _search(scripts_engine, "Гасымов", limit=1) == ["Гасымов Рафик"]
