"""Fixtures that build small, SYNTHETIC archive files from model rows (test data only)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.engine import build_engine
from khojaly_kiosk.archive.reader import Reader
from khojaly_kiosk.archive.repositories import SqliteArchive
from khojaly_kiosk.archive.schema import DB_FILENAME, create_schema, finalize

MakeArchive = Callable[..., Path]


def write_archive(
    folder: Path,
    rows: Iterable[m.Base],
    meta: Mapping[str, str] | None = None,
) -> Path:
    """Create ``folder/archive.sqlite`` holding ``rows``, finalized as a builder would."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / DB_FILENAME
    engine = build_engine(db_path)
    try:
        create_schema(engine)
        with Session(engine) as session, session.begin():
            for key, value in (meta or {}).items():
                session.merge(m.ArchiveMeta(key=key, value=value))
            # Rows are flushed in the order given, so parents go before children.
            for row in rows:
                session.add(row)
                session.flush()
        finalize(engine)
    finally:
        engine.dispose()
    return db_path


@pytest.fixture
def make_archive() -> MakeArchive:
    """``make_archive(folder, rows, meta=None) -> Path`` of the new archive file."""
    return write_archive



SYNTHETIC_BODY = (
    "Synthetic paragraph one, written for tests only. It is long enough to need an excerpt "
    "that stops at a word boundary rather than in the middle of a word, and it keeps going "
    "with more words so that the cut falls somewhere past two hundred characters.\n"
    "This line was hard-wrapped.\n\n"
    "Synthetic paragraph two.\n  \n"
    "Synthetic paragraph three."
)


def sample_rows() -> list[m.Base]:
    """A small SYNTHETIC archive touching every table (parents first)."""
    return [
        m.Source(id="syn-book", kind="book", title="Synthetic Book", author="Synthetic Author",
                 citation="Synthetic Author, Synthetic Book", sort_order=1),
        m.Source(id="syn-paper", kind="newspaper", title="Synthetic Paper", sort_order=2),
        m.Source(id="syn-unused", kind="report", title="Synthetic Unused", sort_order=3),
        m.MediaAsset(id="img-present", path="photos/present.jpg", sha256="0" * 64,
                     thumb_path="photos/missing-thumb.jpg", mime="image/jpeg", width=4, height=3,
                     alt_text="Synthetic alt", caption="Synthetic caption"),
        m.MediaAsset(id="img-missing", path="photos/missing.jpg", sha256="0" * 64,
                     mime="image/jpeg"),
        m.MediaAsset(id="img-escape", path="../../escape.jpg", sha256="0" * 64),
        m.Person(id="person-a", name="Synthetic Person A", role="Synthetic role A"),
        m.Person(id="person-b", name="Synthetic Person B", role=""),
        m.Testimony(id="t-first", person_id="person-a", title="Synthetic title first",
                    body=SYNTHETIC_BODY, group="survivors", advisory="distressing",
                    source_id="syn-book", media_id="img-present", sort_order=2),
        m.Testimony(id="t-zero", person_id="person-b", title="Synthetic title zero",
                    body="Short synthetic body.", group="survivors", sort_order=1,
                    source_id="syn-paper"),
        m.Testimony(id="t-last", person_id="person-a", title="Synthetic title last",
                    body="Another synthetic body.", group="survivors", sort_order=3,
                    media_id="img-escape"),
        m.Testimony(id="t-journalist", person_id=None, title="Synthetic journalist",
                    body="Synthetic journalist body.", group="journalists", sort_order=0),
        m.TestimonySegment(testimony_id="t-first", position=2, paragraph=2,
                           title="Synthetic segment two"),
        m.TestimonySegment(testimony_id="t-first", position=1, paragraph=1,
                           title="Synthetic segment one", synopsis="Synthetic synopsis",
                           keywords="alpha; beta ;;"),
        m.TimelineEra(id="era-a", headline="Synthetic era", start_year=1988, end_year=1994),
        m.TimelineEra(id="era-b", headline="Synthetic era given", display_date="Given era date",
                      start_year=1995, sort_order=1),
        m.TimelineEvent(id="ev-given", era_id="era-a", display_date="On a synthetic night",
                        start_year=1992, start_month=2, start_day=25, headline="Given",
                        text="Synthetic text", source_id="syn-book", sort_order=1),
        m.TimelineEvent(id="ev-month", era_id="era-a", start_year=1991, start_month=10,
                        headline="Month", media_id="img-missing", sort_order=2),
        m.TimelineEvent(id="ev-day", era_id="era-a", start_year=1992, start_month=2,
                        start_day=26, headline="Day", sort_order=3),
        m.TimelineEvent(id="ev-year", start_year=1992, headline="Year", sort_order=4),
        m.TimelineEvent(id="ev-none", headline="", text="Synthetic undated", sort_order=5),
        m.Statistic(id="stat-a", value=42, qualifier="nearly", label="Synthetic label",
                    group="losses", source_id="syn-book"),
        m.Recognition(id="rec-a", kind="country", name="Synthetic Country", body="Synthetic body",
                      date="Synthetic date", instrument="Synthetic instrument",
                      source_id="syn-paper"),
        m.Monument(id="mon-a", place="Synthetic Place", country="Synthetic Land", year=2000,
                   description="Synthetic monument", media_id="img-present",
                   source_id="syn-book"),
        m.Passage(id="pass-b", section="remembrance", title="", body="Synthetic second",
                  sort_order=2),
        m.Passage(id="pass-a", section="remembrance", title="Synthetic remembrance",
                  body="Synthetic passage", source_id="syn-book", sort_order=1),
        m.Passage(id="pass-about", section="about", title="Synthetic about", body="About"),
        m.Name(name="Zaur Synthetic", age=30, village="Synthetic village", source_id="syn-paper"),
        m.Name(name="Əli Synthetic", birth_year=1950, source_id="syn-paper"),
        m.Name(name="Abbas Synthetic", passage="Another synthetic body."),
        m.Translation(entity="testimony", entity_id="t-first", field="title", language="az",
                      text="Sintetik başlıq", translator="Test Translator A"),
        m.Translation(entity="testimony", entity_id="t-first", field="body", language="az",
                      text="Sintetik birinci abzas.\n\nSintetik ikinci abzas.",
                      translator="Test Translator A; Test Translator B",
                      reviewer="Test Reviewer", translated_on="2026-03-01"),
        m.Translation(entity="testimony", entity_id="t-zero", field="title", language="az",
                      text="Sintetik yalnız başlıq"),
        m.Translation(entity="person", entity_id="person-a", field="role", language="az",
                      text="Sintetik rol"),
        m.Translation(entity="timeline_event", entity_id="ev-given", field="headline",
                      language="az", text="Sintetik başlıq"),
        m.Translation(entity="timeline_event", entity_id="ev-given", field="text",
                      language="az", text="Sintetik mətn"),
        m.Translation(entity="timeline_event", entity_id="ev-given", field="display_date",
                      language="az", text="Sintetik gecə"),
        m.Translation(entity="statistic", entity_id="stat-a", field="label", language="ru",
                      text="Синтетическая метка"),
        m.Translation(entity="passage", entity_id="pass-a", field="title", language="tr",
                      text="Sentetik anma"),
        m.Translation(entity="passage", entity_id="pass-a", field="body", language="tr",
                      text="Sentetik pasaj"),
        m.Translation(entity="media_asset", entity_id="img-present", field="alt_text",
                      language="az", text="Sintetik alt"),
        m.Translation(entity="testimony_segment", entity_id="2", field="title",
                      language="az", text="Sintetik seqment bir"),
    ]


SAMPLE_META = {"package_version": "7", "title": "Synthetic exhibition",
               "built_at": "2026-01-01T00:00:00Z", "language": "en"}


@pytest.fixture
def sample_archive(tmp_path: Path):
    """A SqliteArchive over the sample rows, opened read-only like the kiosk does."""
    folder = tmp_path / "gen-000001"
    (folder / "media" / "photos").mkdir(parents=True)
    (folder / "media" / "photos" / "present.jpg").write_bytes(b"synthetic")
    (tmp_path / "escape.jpg").write_bytes(b"outside the media folder")
    db_path = write_archive(folder, sample_rows(), SAMPLE_META)
    reader = Reader(db_path)
    yield SqliteArchive(reader, folder, "gen-000001")
    reader.close()
