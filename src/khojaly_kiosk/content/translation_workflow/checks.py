"""Checks of one translated segment against its English: what a reviewer would catch first.

Errors (nothing of the file is merged): a number of the English missing from the
translation (613 must stay 613), quotes left unbalanced, a translation in another script
than its language's, a byte-order mark or a carriage return inside the text, a blank line
that would split a paragraph. Warnings: a number the English has not, a translation that is
the English unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.translation_workflow.catalogue import LANGUAGE_NAMES

SCRIPTS = {"az": "LATIN", "en": "LATIN", "tr": "LATIN", "ru": "CYRILLIC"}
_GROUPING = re.compile(r"(?<=\d)[,.\u00a0\u202f](?=\d{3}(?!\d))")  # 1,000 / 1 000 / 1.000
_SPACE_GROUPING = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")  # 1 000 typed with a plain space
_NUMBER = re.compile(r"\d+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
HINT = "Correct the translation in the file and import it again."


def numbers(text: str, spaces: bool = False) -> Counter[str]:
    """The whole numbers of ``text``, thousands separators ignored ("1,000" == "1 000");
    ``spaces``: a plain space between digit groups separates thousands too."""
    text = _GROUPING.sub("", text)
    if spaces:
        text = _SPACE_GROUPING.sub("", text)
    return Counter(n.lstrip("0") or "0" for n in _NUMBER.findall(text))


def number_changes(source: str, target: str) -> tuple[Counter[str], Counter[str]]:
    """The numbers of ``source`` missing from ``target``, and those ``target`` adds.

    The target may group thousands with a plain space ("1 290" for "1,290") or not ("300 400"
    is two numbers): whichever reading keeps more of the source's numbers is taken.
    """
    wanted = numbers(source)
    readings = [numbers(target), numbers(target, spaces=True)]
    best = min(readings, key=lambda found: sum((wanted - found).values()))
    return wanted - best, best - wanted


def unbalanced_quotes(text: str) -> bool:
    """True when double quotes do not pair up ("…", «…», “…”, „…“)."""
    if text.count('"') % 2 or text.count("«") != text.count("»"):
        return True
    low = text.count("„")
    opening, closing = text.count("“"), text.count("”")
    if low:  # „…“ (Russian, German): “ closes; so may ”
        return low != opening + closing
    return opening != closing


def script_of(text: str) -> Counter[str]:
    """Letters of ``text`` by script ("LATIN", "CYRILLIC", ...)."""
    return Counter(unicodedata.name(ch, "?").split(" ")[0] for ch in text if ch.isalpha())


def wrong_script(target: str, language: str) -> str:
    """The script ``target`` is mostly written in when that is not its language's; else ""."""
    expected = SCRIPTS.get(language)
    letters = script_of(target)
    total = sum(letters.values())
    if expected is None or not total:
        return ""
    if letters[expected] * 2 < total:
        return letters.most_common(1)[0][0].capitalize()
    return ""


def check_target(where: Where, source: str, target: str, language: str,
                 report: ValidationReport) -> None:
    """Add every problem of ``target`` (a translation of ``source`` into ``language``)."""
    name = LANGUAGE_NAMES.get(language, language)
    if "\ufeff" in target:
        report.error(where, "The translation holds a byte-order mark (an invisible U+FEFF "
                     "character), often pasted from another file.", HINT)
    if "\r" in target:
        report.error(where, "The translation holds a carriage return (a Windows CRLF line "
                     "end inside the text).", "Write the segment on one line; " + HINT)
    if _BLANK_LINE.search(target.strip()):
        report.error(where, "The translation holds a blank line, which would split its "
                     "paragraph in two.", "Keep one segment one paragraph; " + HINT)
    missing, extra = number_changes(source, target)
    if missing:
        listed = ", ".join(sorted(missing, key=int))
        report.error(where, f"The number{'s' if len(missing) > 1 else ''} {listed} of the "
                     "English {} missing from the translation.".format(
                         "are" if len(missing) > 1 else "is"),
                     "Every figure, date and year stays as the English gives it; " + HINT)
    if extra:
        listed = ", ".join(sorted(extra, key=int))
        report.warning(where, f"The translation has a number the English has not: {listed}.",
                       "Check that no figure or date was added or changed.")
    if unbalanced_quotes(target) and not unbalanced_quotes(source):
        report.error(where, "The quotation marks of the translation do not pair up.", HINT)
    script = wrong_script(target, language)
    if script:
        report.error(where, f"The translation is written in {script} letters; {name} is "
                     f"written in {SCRIPTS[language].capitalize()} letters.",
                     "Check that this is the file for the right language; " + HINT)
    elif language == "tr" and "ə" in target.casefold():
        report.error(where, "The translation has the letter ə, which Turkish does not use: it "
                     "looks like Azerbaijani.", "Check that this is the Turkish file; " + HINT)
    if target.strip() == source.strip() and len(script_of(source)) and " " in source.strip():
        report.warning(where, f"The translation is the English unchanged; it is shown to "
                       f"{name} visitors as if it were translated.",
                       "Translate it, or leave the target empty to show the original with "
                       "its label.")
