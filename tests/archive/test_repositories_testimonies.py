"""Testimony repository: cards, full records, neighbours, translations (SYNTHETIC data)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from tests.archive.conftest import SYNTHETIC_BODY

from khojaly_kiosk.archive.models import Base
from khojaly_kiosk.archive.repositories.testimonies import excerpt, split_paragraphs


def test_list_returns_frozen_cards_in_sort_order(sample_archive) -> None:
    cards = sample_archive.testimonies.list()
    assert [card.id for card in cards] == ["t-journalist", "t-zero", "t-first", "t-last"]
    card = cards[2]
    assert not isinstance(card, Base)
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.title = "changed"  # type: ignore[misc]
    assert (card.person_name, card.role, card.advisory) == (
        "Synthetic Person A", "Synthetic role A", "distressing")
    assert cards[0].person_name == ""  # no person in the source: nothing shown


def test_list_filters_by_group(sample_archive) -> None:
    assert [c.id for c in sample_archive.testimonies.list(group="journalists")] == ["t-journalist"]
    assert sample_archive.testimonies.list(group="nobody") == []


def test_card_excerpt_is_cut_at_a_word_with_an_ellipsis(sample_archive) -> None:
    assert excerpt(SYNTHETIC_BODY) == (
        "Synthetic paragraph one, written for tests only. It is long enough to need an excerpt "
        "that stops at a word boundary rather than in the middle of a word, and it keeps going "
        "with more words so that the…"
    )
    short = next(c for c in sample_archive.testimonies.list() if c.id == "t-zero")
    assert short.excerpt == "Short synthetic body."


def test_an_advised_card_carries_no_words_of_the_account(sample_archive) -> None:
    # t-first is "distressing": before its advisory only neutral facts may be shown.
    card = next(c for c in sample_archive.testimonies.list() if c.id == "t-first")
    assert card.advisory == "distressing" and card.excerpt == ""
    assert card.source is not None and card.source.id == "syn-book"
    assert all(card.excerpt == "" for c in sample_archive.testimonies.list("az")
               if c.id == "t-first")


def test_excerpt_and_paragraph_helpers() -> None:
    assert excerpt("one two three four", limit=9) == "one two…"
    assert excerpt("x" * 50, limit=10) == "x" * 10 + "…"
    assert split_paragraphs("a\nb\n\n\n c \n \nd") == ("a b", "c", "d")


def test_get_returns_paragraphs_segments_media_and_source(sample_archive) -> None:
    record = sample_archive.testimonies.get("t-first")
    assert record.paragraphs[1:] == ("Synthetic paragraph two.", "Synthetic paragraph three.")
    assert record.paragraphs[0].endswith("past two hundred characters. This line was hard-wrapped.")
    assert record.source.short == "Synthetic Author, Synthetic Book"
    assert [s.title for s in record.segments] == ["Synthetic segment one", "Synthetic segment two"]
    assert record.segments[0].keywords == ("alpha", "beta")
    assert Path(record.media.path).read_bytes() == b"synthetic"
    assert record.media.thumb_path == ""  # thumbnail file missing
    assert record.media.alt_text == "Synthetic alt"


def test_media_path_outside_the_media_folder_is_not_served(sample_archive) -> None:
    assert sample_archive.testimonies.get("t-last").media.path == ""


def test_previous_and_next_follow_sort_order_within_the_group(sample_archive) -> None:
    zero = sample_archive.testimonies.get("t-zero")
    first = sample_archive.testimonies.get("t-first")
    last = sample_archive.testimonies.get("t-last")
    assert (zero.previous_id, zero.next_id) == (None, "t-first")
    assert (first.previous_id, first.next_id) == ("t-zero", "t-last")
    assert (last.previous_id, last.next_id) == ("t-first", None)
    journalist = sample_archive.testimonies.get("t-journalist")
    assert (journalist.previous_id, journalist.next_id) == (None, None)


def test_get_unknown_id_is_none(sample_archive) -> None:
    assert sample_archive.testimonies.get("no-such-testimony") is None


def test_translation_overlay_in_the_requested_language(sample_archive) -> None:
    record = sample_archive.testimonies.get("t-first", lang="az")
    assert record.title == "Sintetik başlıq"
    assert record.paragraphs == ("Sintetik birinci abzas.", "Sintetik ikinci abzas.")
    assert (record.language, record.translated) == ("az", True)
    assert record.role == "Sintetik rol"
    assert record.media.alt_text == "Sintetik alt"
    assert record.segments[0].title == "Sintetik seqment bir"
    card = next(c for c in sample_archive.testimonies.list("az") if c.id == "t-first")
    assert card.excerpt == ""  # advised: no words before the advisory, in any language
    assert (card.language, card.translated) == ("az", True)


def test_partial_translation_is_flagged_as_not_translated(sample_archive) -> None:
    record = sample_archive.testimonies.get("t-zero", lang="az")
    assert record.title == "Sintetik yalnız başlıq"
    assert record.paragraphs == ("Short synthetic body.",)
    assert (record.language, record.translated) == ("en", False)


def test_missing_language_falls_back_to_the_original(sample_archive) -> None:
    record = sample_archive.testimonies.get("t-first", lang="ru")
    assert record.title == "Synthetic title first"
    assert (record.language, record.translated) == ("en", False)
    assert sample_archive.testimonies.get("t-first", lang="en").translated is True


def test_a_translated_record_credits_its_translators_once_each(sample_archive) -> None:
    from khojaly_kiosk.archive.records import TranslationCredit

    record = sample_archive.testimonies.get("t-first", lang="az")
    assert record.credit == TranslationCredit(
        "en", ("Test Translator A", "Test Translator B"), ("Test Reviewer",), "2026-03-01")
    assert sample_archive.testimonies.get("t-first", lang="en").credit is None
    assert sample_archive.testimonies.get("t-zero", lang="az").credit is None  # body English


def test_a_generation_of_schema_1_without_credit_columns_still_reads(tmp_path) -> None:
    import sqlite3

    from tests.archive.conftest import SAMPLE_META, sample_rows, write_archive

    from khojaly_kiosk.archive.reader import Reader
    from khojaly_kiosk.archive.repositories import SqliteArchive

    folder = tmp_path / "gen-000001"
    db_path = write_archive(folder, sample_rows(), SAMPLE_META)
    with sqlite3.connect(db_path) as connection:
        for column in ("translator", "reviewer", "translated_on", "source_hash"):
            connection.execute(f"ALTER TABLE translation DROP COLUMN {column}")
    reader = Reader(db_path)
    try:
        record = SqliteArchive(reader, folder, "gen-000001").testimonies.get("t-first", "az")
        assert record is not None and record.title == "Sintetik başlıq"
        assert record.credit is not None and record.credit.translators == ()
    finally:
        reader.close()
