"""content/translation_workflow/checks.py: what a reviewer would catch first."""

from __future__ import annotations

import pytest

from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.translation_workflow.checks import (
    number_changes,
    unbalanced_quotes,
    wrong_script,
)


def _messages(source: str, target: str, language: str = "az") -> list[str]:
    from khojaly_kiosk.content.translation_workflow.checks import check_target

    report = ValidationReport()
    check_target(Where("x.csv", 2), source, target, language, report)
    return [f"{p.severity}: {p.message}" for p in report.problems]


def test_numbers_must_stay_and_thousands_may_be_grouped_the_local_way() -> None:
    assert number_changes("613 people", "613 nəfər") == ({}, {})
    missing, extra = number_changes("613 people in 1992", "631 nəfər 1992-ci ildə")
    assert (dict(missing), dict(extra)) == ({"613": 1}, {"631": 1})
    assert number_changes("1,290 people", "1 290 человек") == ({}, {})
    assert number_changes("1,290 people", "1.290 kişi") == ({}, {})
    assert number_changes("300 or 400 people", "300 və ya 400 nəfər") == ({}, {})
    assert _messages("613 people", "nəfər") == [
        "error: The number 613 of the English is missing from the translation."]


@pytest.mark.parametrize(("text", "bad"), [
    ('He said "no".', False), ("«Yox» dedi.", False), ("„Нет“, сказал он.", False),
    ("“No,” he said.", False), ('He said "no.', True), ("«Yox dedi.", True),
    ("„Нет, сказал он.", True),
])
def test_quotes_must_pair_up(text: str, bad: bool) -> None:
    assert unbalanced_quotes(text) is bad


def test_an_unbalanced_source_does_not_make_its_translation_an_error() -> None:
    assert _messages('one "two', "bir iki") == []
    assert _messages('one "two"', "bir «iki") == [
        "error: The quotation marks of the translation do not pair up."]


def test_the_script_must_be_the_languages() -> None:
    assert wrong_script("Синтетический текст", "az") == "Cyrillic"
    assert wrong_script("Sintetik mətn", "az") == ""
    assert wrong_script("Synthetic text", "ru") == "Latin"
    assert wrong_script("Синтетический текст о Human Rights Watch", "ru") == ""
    assert _messages("Synthetic text", "Синтетический текст") == [
        "error: The translation is written in Cyrillic letters; Azerbaijani is written in "
        "Latin letters."]
    assert _messages("Synthetic text", "Sintetik mətn", "tr") == [
        "error: The translation has the letter ə, which Turkish does not use: it looks like "
        "Azerbaijani."]


def test_invisible_and_structural_characters_are_refused() -> None:
    assert _messages("Synthetic text", "Sintetik\ufeff mətn") == [
        "error: The translation holds a byte-order mark (an invisible U+FEFF character), often "
        "pasted from another file."]
    assert _messages("Synthetic text", "Sintetik\r\nmətn") == [
        "error: The translation holds a carriage return (a Windows CRLF line end inside the "
        "text)."]
    assert _messages("Synthetic text", "Sintetik\n\nmətn") == [
        "error: The translation holds a blank line, which would split its paragraph in two."]


def test_an_unchanged_english_sentence_is_a_warning() -> None:
    assert _messages("Synthetic text here", "Synthetic text here") == [
        "warning: The translation is the English unchanged; it is shown to Azerbaijani "
        "visitors as if it were translated."]
    assert _messages("Baku", "Baku") == []  # a single name may stay as it is
