"""Repositories fill each record's two-level attribution, and the attract quotes (synthetic)."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.reader import Reader
from khojaly_kiosk.archive.repositories import SqliteArchive


def rows() -> list[m.Base]:
    """SYNTHETIC rows: a compilation, a book it quotes, a court it reports."""
    return [
        m.Source(id="syn-doc", kind="compilation", title="Synthetic exhibition text", sort_order=0,
                 file="syn.txt", sha256="0" * 64),
        m.Source(id="syn-book", kind="book", title="Synthetic Book", author="Test Author",
                 citation="Test Author, Synthetic Book", sort_order=1),
        m.Source(id="syn-court", kind="court", title="Synthetic Judgment", sort_order=2),
        m.Person(id="p", name="Test Witness", role=""),
        m.Testimony(id="t", person_id="p", body="Framing: \"Quoted words.\" More.",
                    advisory="graphic", source_id="syn-doc"),
        m.Passage(id="pa", section="legal", body="The court said \"its words\".",
                  source_id="syn-doc"),
        m.TimelineEvent(id="ev", start_year=1990, display_date="30 October", text="Synthetic.",
                        advisory="distressing", editorial_year=1990, source_id="syn-doc"),
        m.Statistic(id="st", value=9, label="synthetic things", group="losses",
                    sentence="A synthetic sentence counted 9 synthetic things.",
                    words_before="A synthetic sentence counted", show_alone=False,
                    source_id="syn-doc"),
        m.Name(name="Test Name", passage="Quoted words.", advisory="distressing",
               source_id="syn-doc"),
        m.Translation(entity="source", entity_id="syn-doc", field="title", language="az",
                      text="Sintetik sərgi mətni"),
        m.Attribution(entity="testimony", entity_id="t", relation="quotes", position=0,
                      source_id="syn-book", words_of="Test Witness", text="Quoted words."),
        m.Attribution(entity="passage", entity_id="pa", relation="quotes", position=0,
                      source_id="syn-court", words_of="The court", text="its words"),
        m.Attribution(entity="passage", entity_id="pa", relation="reports", position=1,
                      source_id="syn-court"),
        m.Attribution(entity="timeline_event", entity_id="ev", relation="reports", position=0,
                      source_id="syn-court"),
        m.Attribution(entity="name", entity_id="Test Name", relation="quotes", position=0,
                      words_of="Test Witness", text="Quoted words."),
        m.AttractQuote(position=0, entity="passage", entity_id="pa",
                       text="The court said \"its words\"."),
    ]


def archive(tmp_path: Path, make_archive) -> SqliteArchive:
    db = make_archive(tmp_path / "gen", rows())
    return SqliteArchive(Reader(db), tmp_path / "gen", "gen-test")


def test_records_carry_their_document_quotes_and_reports(tmp_path: Path, make_archive) -> None:
    repos = archive(tmp_path, make_archive)
    testimony = repos.testimonies.get("t")
    assert testimony.source.id == "syn-doc"
    assert [(q.source.id, q.words_of, q.text) for q in testimony.quotes] == [
        ("syn-book", "Test Witness", "Quoted words.")]
    card = repos.testimonies.list()[0]
    assert card.excerpt == "" and card.attribution.quoted_sources[0].id == "syn-book"
    passage = repos.passages.section("legal")[0]
    assert passage.attribution.primary.id == "syn-court"
    assert [s.id for s in passage.reports] == ["syn-court"]
    assert passage.attribution.reported_only == ()  # quoted too: named once, as quoted
    event = repos.timeline.events()[0]
    assert (event.advisory, event.editorial_year) == ("distressing", 1990)
    assert [s.id for s in event.attribution.reported_only] == ["syn-court"]
    statistic = repos.statistics.list()[0]
    assert (statistic.words_before, statistic.show_alone) == (
        "A synthetic sentence counted", False)
    name = repos.names.search("test")[0]
    assert name.advisory == "distressing"
    assert [(q.source, q.words_of) for q in name.quotes] == [(None, "Test Witness")]


def test_the_document_is_named_in_the_visitors_language(tmp_path: Path, make_archive) -> None:
    repos = archive(tmp_path, make_archive)
    document = repos.testimonies.get("t").source
    assert document.title_in("az") == "Sintetik sərgi mətni"
    assert document.title_in("ru") == "Synthetic exhibition text"
    assert (document.file, document.credit_name("az")) == ("syn.txt", "Sintetik sərgi mətni")


def test_sources_list_the_items_that_quote_or_report_them(tmp_path: Path, make_archive) -> None:
    repos = archive(tmp_path, make_archive)
    by_id = {entry.source.id: entry for entry in repos.sources.list()}
    book = [(i.kind, i.relation) for i in by_id["syn-book"].items]
    assert book == [("testimony", "quotes")]
    court = sorted((i.kind, i.relation) for i in by_id["syn-court"].items)
    assert court == [("event", "reports"), ("passage", "quotes")]
    assert by_id["syn-doc"].citing_count == 5


def test_attract_quotes_carry_their_items_credit(tmp_path: Path, make_archive) -> None:
    repos = archive(tmp_path, make_archive)
    (quote,) = repos.attract.quotes()
    assert (quote.kind, quote.item_id, quote.source.id) == ("passage", "pa", "syn-doc")
    assert quote.quotes == ()  # the sentence is the document's, not inside the court's span
