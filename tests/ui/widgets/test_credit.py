"""Credit lines and quoted words (synthetic sources and texts only)."""

from __future__ import annotations

from khojaly_kiosk.archive.records import Attribution, QuotedSpan, SourceRecord
from khojaly_kiosk.ui.widgets.credit import (
    CreditLine,
    credit_runs,
    credit_text,
    quote_runs,
    quoted_ranges,
)

DOC = SourceRecord(id="doc", kind="compilation", title="Exhibition text",
                   titles=(("az", "Sərgi mətni"),))
BOOK = SourceRecord(id="book", kind="book", title="Synthetic Garden", author="Test Author",
                    citation="Test Author, Synthetic Garden (2003)")
COURT = SourceRecord(id="court", kind="court", title="judgment",
                     author="Synthetic Court", citation="Synthetic Court, judgment of 1 May")


def test_a_document_alone_is_credited_by_its_visitor_facing_title() -> None:
    assert credit_text(Attribution(DOC), "en") == "Exhibition text"
    assert credit_text(Attribution(DOC), "az") == "Sərgi mətni"
    assert credit_text(DOC, "en") == "Exhibition text"  # a bare source is the document
    assert credit_text(None, "en") == ""


def test_quoted_words_name_the_speaker_in_the_work_a_title_in_italics() -> None:
    credit = Attribution(DOC, (QuotedSpan("words", BOOK, "Test Speaker"),))
    assert credit_text(credit, "en") == (
        "Exhibition text, quoting Test Speaker in Test Author, Synthetic Garden (2003)")
    assert ("Synthetic Garden", "title") in credit_runs(credit, "en")
    # The work's own voice (its author) is not named twice.
    own = Attribution(DOC, (QuotedSpan("words", BOOK, "Test Author"),))
    assert credit_text(own, "en") == "Exhibition text, quoting Test Author, Synthetic Garden (2003)"


def test_reported_sources_are_named_without_words_and_once() -> None:
    reported = Attribution(DOC, reports=(COURT,))
    assert credit_text(reported, "en") == (
        "Exhibition text, reporting on Synthetic Court, judgment of 1 May")
    both = Attribution(DOC, (QuotedSpan("x", COURT, "Synthetic Court"),
                             QuotedSpan("y", None, "Test Speaker")), (COURT, BOOK))
    assert credit_text(both, "en") == (
        "Exhibition text, quoting Synthetic Court, judgment of 1 May and Test Speaker; "
        "reporting on Test Author, Synthetic Garden (2003)")


def test_quote_runs_set_quoted_words_apart_from_the_framing() -> None:
    text = 'The court said: "Its own words [sic] here." And more.'
    runs = quote_runs(text, (QuotedSpan("Its own words [sic] here.", COURT),))
    assert runs == [("The court said: ", "frame"), ('"Its own words ', "quote"),
                    ("[sic]", "editorial"), (' here."', "quote"), (" And more.", "frame")]
    assert "".join(t for t, _s in runs) == text
    # A paragraph quoting nobody keeps the plain reading style.
    assert quote_runs("Plain text.", (QuotedSpan("elsewhere", BOOK),)) == [("Plain text.", "")]


def test_a_quote_over_paragraphs_is_found_in_each_whatever_its_spacing() -> None:
    quote = QuotedSpan("First  part.\n\nSecond\npart.", BOOK)
    assert quoted_ranges("First part.", (quote,)) == [(0, 11)]
    assert quoted_ranges("Before. Second part.", (quote,)) == [(8, 20)]


def test_credit_line_widget_takes_a_prefix_and_further_notes(qtbot) -> None:
    line = CreditLine()
    qtbot.addWidget(line)
    line.set_credit(Attribution(DOC, (QuotedSpan("w", BOOK, "Test Speaker"),)), "en")
    line.set_prefix("Source: %1")
    line.set_notes(["Translated from English by a synthetic translator."])
    assert line.text() == ("Source: Exhibition text, quoting Test Speaker in Test Author, "
                           "Synthetic Garden (2003) Translated from English by a synthetic "
                           "translator.")
    assert line._doc.toPlainText() == line.text()  # plain text, formats only
