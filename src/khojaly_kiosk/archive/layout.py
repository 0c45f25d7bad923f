"""What an archive generation holds, in plain names: its files, its ``archive_meta`` keys,
and the tables and columns of the current schema.

The visitor's read path (``reader``, ``repositories``, ``search``, ``integrity``,
``generations``) takes these names from here, never from ``archive.models``, which pulls in
SQLAlchemy. ``tests/archive/test_layout.py`` holds this module to the models: a column added
to a model must be written here too (and ``SCHEMA_VERSION`` bumped, here: ``models`` takes it
from this module).
"""

from __future__ import annotations

# The archive schema this code writes (``archive_meta.schema_version``); bump it by one with
# every change to the tables or columns. 2: source.url; 3: translation credit; 4: name search
# keys (transliteration); 5: two-level attribution (``attribution`` table, a source's shipped
# ``file`` and ``sha256``), advisories on timeline events and names, a statistic's sentence
# and predicate, editorial years, attract quotes.
SCHEMA_VERSION = 5

DB_FILENAME = "archive.sqlite"  # inside a generation folder
MEDIA_DIRNAME = "media"  # beside it; media_asset.path is relative to this folder
# Beside it too: the SHA-256 of the file as it was checked and published. A published file
# is never written again, so any other digest means its bytes changed on the disk.
DIGEST_FILENAME = "archive.sha256"

META_PACKAGE_VERSION = "package_version"
META_TITLE = "title"
META_BUILT_AT = "built_at"  # ISO 8601 UTC, e.g. "2026-11-27T09:30:00Z"
META_SCHEMA_VERSION = "schema_version"
META_LANGUAGE = "language"  # the content language of rows without their own language
# JSON list of TranslationCoverage dicts, one per language other than the content's
META_TRANSLATION_COVERAGE = "translation_coverage"

# Every table of ``models.Base.metadata`` with its columns, in the models' order.
TABLES: dict[str, tuple[str, ...]] = {
    "archive_meta": ("key", "value"),
    "source": ("id", "kind", "title", "author", "publisher", "place", "date", "citation",
               "notes", "url", "sort_order", "file", "sha256"),
    "media_asset": ("id", "path", "sha256", "size", "mime", "width", "height", "thumb_path",
                    "alt_text", "caption", "credit", "source_id"),
    "caption_cue": ("media_id", "position", "start_ms", "end_ms", "text"),
    "person": ("id", "name", "role"),
    "testimony": ("id", "person_id", "title", "body", "language", "advisory", "group",
                  "source_id", "media_id", "sort_order"),
    "testimony_segment": ("id", "testimony_id", "position", "start_seconds", "paragraph",
                          "title", "synopsis", "keywords"),
    "timeline_era": ("id", "headline", "text", "start_year", "start_month", "start_day",
                     "end_year", "end_month", "end_day", "display_date", "sort_order"),
    "timeline_event": ("id", "era_id", "start_year", "start_month", "start_day", "start_time",
                       "end_year", "end_month", "end_day", "end_time", "display_date",
                       "headline", "text", "group", "media_id", "media_url", "media_credit",
                       "media_caption", "alt_text", "source_id", "sort_order", "advisory",
                       "editorial_year"),
    "statistic": ("id", "value", "qualifier", "label", "group", "source_id", "sort_order",
                  "sentence", "words_before", "words_after", "part_of", "show_alone"),
    "name": ("id", "name", "folded", "search_keys", "sort_key", "age", "birth_year", "village",
             "category", "passage", "source_id", "advisory"),
    "recognition": ("id", "kind", "name", "body", "date", "instrument", "source_id",
                    "sort_order"),
    "monument": ("id", "place", "country", "year", "description", "media_id", "source_id",
                 "sort_order"),
    "passage": ("id", "section", "title", "body", "source_id", "sort_order"),
    "translation": ("id", "entity", "entity_id", "field", "language", "text", "translator",
                    "reviewer", "translated_on", "source_hash"),
    "attribution": ("id", "entity", "entity_id", "relation", "position", "source_id",
                    "words_of", "text"),
    "attract_quote": ("position", "entity", "entity_id", "text"),
}

# Keys match ``content.bundle.ContentBundle.counts`` (an import compares the two) -> table.
COUNTED = {
    "sources": "source",
    "testimonies": "testimony",
    "events": "timeline_event",
    "eras": "timeline_era",
    "statistics": "statistic",
    "names": "name",
    "recognitions": "recognition",
    "monuments": "monument",
    "passages": "passage",
    "translations": "translation",
    "media": "media_asset",
}
