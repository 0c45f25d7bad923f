"""The character loops of archive/transliterate.py before its per-character tables (as the
visitor branch wrote them): the specification the fast versions are checked against.
"""
from __future__ import annotations

import re
import unicodedata

# Letters the Unicode decomposition does not fold (ə, ı are letters of their own there).
_SPECIAL = str.maketrans(
    {"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ё": "е", "Ё": "е", "ß": "ss", "ø": "o",
     "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae"}
)
_WORD = re.compile(r"[^\W_]+")


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def fold(text: str) -> str:
    """Lowercase and strip diacritics the way visitors type: ``"Səvinc"`` -> ``"sevinc"``.

    Latin letters lose their marks (ə->e, ı->i, ğ->g, ö->o, ş->s, ü->u, ç->c); Cyrillic keeps
    its letters (й stays й) except ё->е, which Russian writers use interchangeably.
    """
    out: list[str] = []
    for char in text.translate(_SPECIAL):
        if _is_cyrillic(char):
            out.append(char)
            continue
        for part in unicodedata.normalize("NFKD", char):
            if not unicodedata.combining(part):
                out.append(part)
    return unicodedata.normalize("NFC", "".join(out).casefold()).translate(_SPECIAL)


# -- the sound key ---------------------------------------------------------------------------

# Cyrillic (Russian, and the Azerbaijani Cyrillic of older documents) into Azerbaijani Latin.
# е ё ю я are handled in _from_cyrillic: "ye yo yu ya" at a word's start or after a vowel.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "ş", "ъ": "", "ы": "ı",
    "ь": "", "э": "e", "і": "i", "ә": "ə", "ғ": "ğ", "ҝ": "g", "һ": "h", "ө": "ö", "ү": "ü",
    "ҹ": "c", "ј": "y", "қ": "q", "ҳ": "h",
}
_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}
_CYRILLIC_VOWELS = set("аеёиоуыэюяәөүі")
_LATIN_VOWELS = set("aeəiıoöuüy")

# English (and Russian-via-English) spellings of Azerbaijani sounds, longest first.
_DIGRAPHS = (("dzh", "c"), ("tch", "ç"), ("dj", "c"), ("kh", "x"), ("gh", "ğ"), ("sh", "ş"),
             ("ch", "ç"), ("zh", "j"))
# Then every letter into its sound class. One letter stands for each class:
#   a  a ə e ä       i  i ı        o  o ö       u  u ü
#   g  g ğ q h x     j  c j (the sounds of Cəmil/Jamil/Джамиль, and of ж)
#   q  ç (as in Çingiz/Chingiz/Чингиз)          w  ş (as in Şahin/Shahin/Шахин)
#   v  v w
_CLASSES = str.maketrans({
    "ə": "a", "e": "a", "ä": "a", "ı": "i", "ö": "o", "ü": "u", "ğ": "g", "q": "g", "h": "g",
    "x": "g", "c": "j", "ç": "q", "ş": "w", "w": "v",
})
_CLASS_VOWELS = "aiou"
# "iy" before a vowel is just "i" (Əliyev, Aliyev, Алиев, Aliev); a "y" that no vowel follows
# is an "i" (Hüseyn, Huseyn, Гусейн, Hussein).
_IY_VOWEL = re.compile(rf"iy(?=[{_CLASS_VOWELS}])")
_LONE_Y = re.compile(rf"y(?![{_CLASS_VOWELS}])")
_DOUBLE = re.compile(r"(.)\1+")


def _from_cyrillic(word: str) -> str:
    out: list[str] = []
    previous = ""
    for char in word:
        if char in _IOTATED:
            # A word's start or a vowel before it: the letter is spoken with a "y" first.
            glide = previous == "" or previous in _CYRILLIC_VOWELS or previous in "ьъ"
            out.append(("y" if glide else "") + _IOTATED[char])
        elif char == "ж" and previous == "д":
            out[-1] = "c"  # дж: one sound, written c in Azerbaijani
        else:
            out.append(_CYRILLIC.get(char, char))
        previous = char
    return "".join(out)


_KEEP = set("əıçşğöü")  # Azerbaijani letters: sounds of their own, not marked letters


def _plain_letters(word: str) -> str:
    """``word`` lowercased; Azerbaijani and Cyrillic letters kept, other marks removed."""
    out: list[str] = []
    for char in word.replace("İ", "i").lower():
        if char in _KEEP or _is_cyrillic(char):
            out.append(char)
            continue
        out.extend(p for p in unicodedata.normalize("NFKD", char) if not unicodedata.combining(p))
    return "".join(out)


def sound_key(word: str) -> str:
    """One word written by its sound, the same from Azerbaijani, English or Russian spelling.

    >>> [sound_key(w) for w in ("Məmməd", "Mammad", "Mamed", "Мамед")]
    ['mamad', 'mamad', 'mamad', 'mamad']
    """
    text = _plain_letters(word)
    if any(_is_cyrillic(char) for char in text):
        text = _from_cyrillic(text)
    for written, sound in _DIGRAPHS:
        text = text.replace(written, sound)
    text = text.translate(_CLASSES)
    text = "".join(char for char in text if char.isascii() and char.isalnum())
    text = _IY_VOWEL.sub("i", text)
    text = _LONE_Y.sub("i", text)
    return _DOUBLE.sub(r"\1", text)


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits; punctuation and spaces separate them)."""
    return _WORD.findall(text)


def name_search_keys(name: str) -> list[str]:
    """Every word a name can be found by: its folded spelling, then its sound keys.

    The archive builder calls this once per name and indexes the words; repeated words are
    given once. ``"Məmməd Hüseynov"`` -> ``["memmed", "huseynov", "mamad", "gusainov"]``.
    """
    keys: list[str] = []
    for word in words(fold(name)):
        if word not in keys:
            keys.append(word)
    for word in words(name):
        key = sound_key(word)
        if key and key not in keys:
            keys.append(key)
    return keys


_RUN = re.compile(r"(.)\1\1")


def query_words(text: str) -> list[tuple[str, str]]:
    """What a visitor typed, word by word, as ``(folded, sound key)`` pairs, folded as names are.

    A word with three equal letters in a row ("qqq") is no name's spelling: it gets no sound key
    (its letters would collapse into one, and one letter finds thousands of names).
    """
    pairs: list[tuple[str, str]] = []
    for word in words(text):
        folded = " ".join(words(fold(word)))
        if folded:
            pairs.append((folded, "" if _RUN.search(folded) else sound_key(word)))
    return pairs
