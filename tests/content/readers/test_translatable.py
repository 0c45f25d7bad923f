"""content/readers/translatable.py: the table of translatable fields and its segments."""

from __future__ import annotations

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.readers.translatable import (
    ENTITY_ROWS,
    FIELDS,
    parse_segment_id,
    segments_of,
    source_hash,
)
from khojaly_kiosk.content.readers.translations import TRANSLATABLE

MODELS = {model.__tablename__: model for model in m.Base.__subclasses__()}


def test_every_translatable_field_exists_and_may_be_translated() -> None:
    for spec in FIELDS:
        assert spec.entity in ENTITY_ROWS
        assert hasattr(MODELS[spec.entity], spec.field), spec
        assert spec.field in TRANSLATABLE[spec.entity], spec


def test_segments_are_paragraphs_with_stable_ids_in_item_order() -> None:
    bundle = ContentBundle()
    bundle.testimonies.append(m.Testimony(
        id="t-1", title="A synthetic title", body="First  synthetic\nparagraph.\n\n\nSecond."))
    bundle.testimonies.append(m.Testimony(id="t-2", title="", body="Only one.", language="ru"))
    bundle.persons.append(m.Person(id="p-1", name="Test Person", role="Synthetic witness"))
    bundle.statistics.append(m.Statistic(id="s-1", value=613, label="synthetic things"))
    segments = segments_of(bundle)
    assert [(s.id, s.source) for s in segments] == [
        ("testimony:t-1:title", "A synthetic title"),
        ("testimony:t-1:body:1", "First synthetic paragraph."),
        ("testimony:t-1:body:2", "Second."),
        ("person:p-1:role", "Synthetic witness"),  # the name is never translated
        ("statistic:s-1:label", "synthetic things"),
    ]  # t-2 is written in Russian, not in the content's English: not exported
    assert segments[1].context == "Testimony 't-1', body, paragraph 1 of 2"
    assert parse_segment_id("testimony:t-1:body:2") == ("testimony", "t-1", "body", 2)
    assert parse_segment_id("testimony:t-1:title") == ("testimony", "t-1", "title", None)
    assert parse_segment_id("testimony:t-1") is None
    assert parse_segment_id("testimony:t-1:body:0") is None


def test_source_hash_ignores_rewrapping_but_not_words() -> None:
    assert source_hash("One  two\nthree ") == source_hash("One two three")
    assert source_hash("One two three") != source_hash("One two three!")
    assert len(source_hash("x")) == 16
