"""Search keys across Azerbaijani Latin, English transliteration and Russian Cyrillic."""

from __future__ import annotations

import pytest

from khojaly_kiosk.archive.transliterate import name_search_keys, query_words, sound_key

# The spellings people use for one name (the examples of issue 16, and the common
# transliterations of the same names).
SAME_NAME = [
    ("Məmməd", "Mammad", "Mamed", "Мамед", "Mammed"),
    ("Cəmil", "Jamil", "Джамиль", "Djamil", "Dzhamil", "Camil"),
    ("Hüseynov", "Huseynov", "Гусейнов", "Guseynov"),
    ("Qasımov", "Gasimov", "Гасымов", "Gasymov"),
    ("Əliyev", "Aliyev", "Алиев", "Aliev"),
    ("Şahin", "Shahin", "Шахин"),
    ("Çingiz", "Chingiz", "Чингиз"),
    ("Xəlil", "Khalil", "Халил"),
    ("Lətif", "Latif", "Лятиф"),
    ("Yusif", "Yusif", "Юсиф"),
]


@pytest.mark.parametrize("spellings", SAME_NAME, ids=lambda s: s[0])
def test_every_spelling_of_a_name_has_one_sound_key(spellings: tuple[str, ...]) -> None:
    assert len({sound_key(word) for word in spellings}) == 1


@pytest.mark.parametrize(("one", "other"), [("Məmməd", "Cəmil"), ("Şahin", "Səbinə"),
                                             ("Çingiz", "Cəmil"), ("Hüseyn", "Həsən")])
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert sound_key(one) != sound_key(other)


def test_a_typed_beginning_is_the_beginning_of_the_key() -> None:
    # Typing letter by letter: every step still finds the name (a prefix of its key).
    full = sound_key("Məmmədov")
    for typed in ("Mə", "Məm", "Məmm", "Məmmə", "Məmməd", "Mamedo", "Мамедо", "Mammado"):
        assert full.startswith(sound_key(typed)), typed


def test_name_search_keys_hold_the_spelling_then_the_sounds() -> None:
    assert name_search_keys("Məmməd Hüseynov") == ["memmed", "huseynov", "mamad", "gusainov"]
    assert name_search_keys("Mammad") == ["mammad", "mamad"]
    assert name_search_keys("") == []
    assert name_search_keys("Anna Anna") == ["anna", "ana"]  # a word is given once


def test_query_words_fold_as_names_are_folded() -> None:
    assert query_words("  Мамед  Hüs ") == [("мамед", "mamad"), ("hus", "gus")]
    assert query_words("-*()\"'") == []


def test_a_run_of_one_letter_gets_no_sound_key() -> None:
    # "qqq" would collapse to "g" and list every name starting with g, h, q or x.
    assert query_words("qqq") == [("qqq", "")]
    assert query_words("Mammad") == [("mammad", "mamad")]


def test_the_fast_keys_equal_the_character_loops() -> None:
    """fold, sound_key and name_search_keys through per-character tables give exactly what
    the loops over characters gave (tests/archive/reference_transliterate.py)."""
    import random

    from tests.archive import reference_transliterate as reference

    from khojaly_kiosk.archive import transliterate

    rng = random.Random(1992)
    alphabet = ("abcçdeəfgğhxıijkqlmnoöprsştuüvwyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
                "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғҝһөүҹјқ"
                "ßøØđĐłŁæÆñÑåÅéÈêËĳŉǰΣσςΐﬁℌ①²٣ \t\u00a0-‐'’.,!()0123456789\u0301\u0308가")
    samples = ["Məmməd Hüseynov", "Джамиль", "Əliyev", "ΣΑΣ", "ℌalil", "O'Brien"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
                for _ in range(20_000)]
    for text in samples:
        assert transliterate.fold(text) == reference.fold(text), repr(text)
        assert transliterate.sound_key(text) == reference.sound_key(text), repr(text)
        assert transliterate.name_search_keys(text) == reference.name_search_keys(text), repr(text)
