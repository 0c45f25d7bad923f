"""Timeline, statistics, recognitions, monuments, passages, names, sources, summary
(SYNTHETIC data)."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from khojaly_kiosk.archive.records import CitingItem


def test_only_the_texts_own_display_dates_are_given_and_parts_stay_parts(sample_archive) -> None:
    # No month names are made in the data layer: the UI writes the parts in the visitor's
    # language (ui.i18n.format_span).
    events = {event.id: event for event in sample_archive.timeline.events()}
    assert {key: e.display_date for key, e in events.items()} == {
        "ev-given": "On a synthetic night", "ev-month": "", "ev-day": "", "ev-year": "",
        "ev-none": ""}
    assert (events["ev-month"].start_year, events["ev-month"].start_month) == (1991, 10)
    assert (events["ev-day"].start_month, events["ev-day"].start_day) == (2, 26)


def test_events_keep_order_era_source_and_media(sample_archive) -> None:
    events = sample_archive.timeline.events()
    assert [e.id for e in events] == ["ev-given", "ev-month", "ev-day", "ev-year", "ev-none"]
    assert events[0].era_id == "era-a"
    assert events[0].source.id == "syn-book"
    assert events[1].media.path == ""  # file missing from the media folder
    with pytest.raises(dataclasses.FrozenInstanceError):
        events[0].headline = "changed"  # type: ignore[misc]


def test_event_translation_and_fallback(sample_archive) -> None:
    event = sample_archive.timeline.get("ev-given", lang="az")
    assert (event.headline, event.text, event.display_date) == (
        "Sintetik başlıq", "Sintetik mətn", "Sintetik gecə")
    assert (event.language, event.translated) == ("az", True)
    other = sample_archive.timeline.get("ev-day", lang="az")
    assert (other.headline, other.language, other.translated) == ("Day", "en", False)
    assert sample_archive.timeline.get("missing") is None


def test_eras(sample_archive) -> None:
    eras = sample_archive.timeline.eras()
    assert [(e.id, e.display_date, e.start_year, e.end_year) for e in eras] == [
        ("era-a", "", 1988, 1994), ("era-b", "Given era date", 1995, None)]


def test_statistics_with_translation(sample_archive) -> None:
    (stat,) = sample_archive.statistics.list()
    assert (stat.value, stat.qualifier, stat.label, stat.source.id) == (
        42, "nearly", "Synthetic label", "syn-book")
    (ru,) = sample_archive.statistics.list("ru")
    assert (ru.label, ru.language, ru.translated) == ("Синтетическая метка", "ru", True)
    (az,) = sample_archive.statistics.list("az")
    assert (az.label, az.translated) == ("Synthetic label", False)


def test_recognitions_and_monuments(sample_archive) -> None:
    (rec,) = sample_archive.recognitions.list()
    assert (rec.kind, rec.name, rec.instrument, rec.source.id) == (
        "country", "Synthetic Country", "Synthetic instrument", "syn-paper")
    (mon,) = sample_archive.monuments.list()
    assert (mon.place, mon.year, mon.media.id) == ("Synthetic Place", 2000, "img-present")
    assert mon.media.path.endswith("present.jpg")


def test_passages_by_section_with_translation(sample_archive) -> None:
    passages = sample_archive.passages.section("remembrance")
    assert [p.id for p in passages] == ["pass-a", "pass-b"]
    turkish = sample_archive.passages.section("remembrance", "tr")
    assert (turkish[0].title, turkish[0].body, turkish[0].translated) == (
        "Sentetik anma", "Sentetik pasaj", True)
    assert (turkish[1].body, turkish[1].translated) == ("Synthetic second", False)
    assert sample_archive.passages.section("nothing") == []


def test_names_count_page_search_get(sample_archive) -> None:
    names = sample_archive.names
    assert names.count() == 3
    assert [n.name for n in names.page(0, 10)] == [
        "Abbas Synthetic", "Əli Synthetic", "Zaur Synthetic"]
    assert [n.name for n in names.page(1, 1)] == ["Əli Synthetic"]
    assert names.page(3, 10) == []
    found = names.search("eli")
    assert [(n.name, n.birth_year, n.source.id) for n in found] == [
        ("Əli Synthetic", 1950, "syn-paper")]
    assert names.search('"') == []
    zaur = names.get(names.page(2, 1)[0].id)
    assert (zaur.name, zaur.age, zaur.village) == ("Zaur Synthetic", 30, "Synthetic village")
    assert zaur.speaker == ""  # no passage, no speaker
    assert names.get(999) is None


def test_a_names_passage_names_its_speaker(sample_archive) -> None:
    # The passage is found word for word in the testimony of Synthetic Person A.
    abbas = sample_archive.names.get(sample_archive.names.page(0, 1)[0].id)
    assert (abbas.speaker, abbas.speaker_role, abbas.testimony_id) == (
        "Synthetic Person A", "Synthetic role A", "t-last")
    assert sample_archive.names.search("abbas")[0].speaker == ""  # results do not look it up


def test_sources_list_every_citing_item(sample_archive) -> None:
    listed = {entry.source.id: entry.items for entry in sample_archive.sources.list()}
    assert list(listed) == ["syn-book", "syn-paper", "syn-unused"]
    assert listed["syn-book"] == (
        CitingItem("testimony", "t-first", "Synthetic Person A"),
        CitingItem("event", "ev-given", "Given"),
        CitingItem("statistic", "stat-a", "Synthetic label"),
        CitingItem("monument", "mon-a", "Synthetic Place"),
        CitingItem("passage", "pass-a", "Synthetic remembrance"),
    )
    kinds = [(item.kind, item.label) for item in listed["syn-paper"]]
    assert kinds == [("testimony", "Synthetic Person B"), ("recognition", "Synthetic Country"),
                     ("name", "Əli Synthetic"), ("name", "Zaur Synthetic")]
    assert listed["syn-unused"] == ()
    assert sample_archive.sources.get("syn-paper").title == "Synthetic Paper"
    assert sample_archive.sources.get("nope") is None


def test_summary_counts_and_meta(sample_archive) -> None:
    summary = sample_archive.summary()
    assert (summary.generation, summary.package_version, summary.title, summary.built_at) == (
        "gen-000001", 7, "Synthetic exhibition", "2026-01-01T00:00:00Z")
    assert summary.counts == {
        "sources": 3, "testimonies": 4, "events": 5, "eras": 2, "statistics": 1, "names": 3,
        "recognitions": 1, "monuments": 1, "passages": 3, "translations": 12, "media": 3,
    }


def test_search_works_from_a_worker_thread(sample_archive) -> None:
    # The UI runs searches off the GUI thread; pooled connections must allow that.
    found: list[str] = []
    worker = threading.Thread(
        target=lambda: found.extend(n.name for n in sample_archive.names.search("zau"))
    )
    worker.start()
    worker.join()
    assert found == ["Zaur Synthetic"]


def test_sources_load_only_the_first_citing_rows_but_count_them_all(sample_archive) -> None:
    listed = {e.source.id: e for e in sample_archive.sources.list(per_source=1)}
    paper = listed["syn-paper"]
    # One row per kind at most; the names list is cut, the total is not.
    assert [(i.kind, i.label) for i in paper.items] == [
        ("testimony", "Synthetic Person B"), ("recognition", "Synthetic Country"),
        ("name", "Əli Synthetic")]
    assert paper.citing_count == 4
    assert listed["syn-unused"].citing_count == 0
