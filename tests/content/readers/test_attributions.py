"""content/readers: the package's [document], attributions.toml and attract.toml.

ALL CONTENT HERE IS SYNTHETIC TEST DATA; none of it is about Khojaly.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from khojaly_kiosk.content.readers.folder import read_content_folder
from tests.support.content.folders import PACKAGE, write_files

DOCUMENT = PACKAGE + """
[document]
id = "synthetic-compilation"
file = "compilation.txt"
title = { en = "Synthetic exhibition text", az = "Sintetik sərgi mətni" }
"""

SOURCES = """\
[[source]]
id = "synthetic-book"
kind = "book"
title = "Synthetic Book"
author = "Test Author"
citation = "Test Author, Synthetic Book (2000)"

[[source]]
id = "synthetic-court"
kind = "court"
title = "Synthetic Judgment"
"""

PASSAGES = '''\
[[passage]]
id = "synthetic-legal"
section = "legal"
body = """The synthetic court noted: "A quoted synthetic sentence." Then more framing.

Test Person said "[stereotype] words of a person" in a second paragraph."""
source = "synthetic-compilation"
'''

COMPILATION = "The whole synthetic compilation, shipped as a file.\n"


def folder(tmp_path: Path, attributions: str = "", attract: str = "",
           package: str = DOCUMENT) -> Path:
    return write_files(tmp_path / "c", {
        "package.toml": package, "sources.toml": SOURCES, "passages.toml": PASSAGES,
        "compilation.txt": COMPILATION, "attributions.toml": attributions,
        "attract.toml": attract,
    })


def read(tmp_path: Path, attributions: str = "", attract: str = "",
         package: str = DOCUMENT):
    return read_content_folder(folder(tmp_path, attributions, attract, package))


def test_the_document_becomes_a_source_with_its_titles_and_provenance(tmp_path: Path) -> None:
    bundle, report = read(tmp_path)
    assert report.ok, report.to_text()
    document = bundle.sources[0]
    assert (document.id, document.kind, document.title) == (
        "synthetic-compilation", "compilation", "Synthetic exhibition text")
    assert document.file == "compilation.txt"
    assert document.sha256 == hashlib.sha256(COMPILATION.encode()).hexdigest()
    (title,) = [t for t in bundle.translations if t.entity == "source"]
    assert (title.entity_id, title.field, title.language, title.text) == (
        "synthetic-compilation", "title", "az", "Sintetik sərgi mətni")


@pytest.mark.parametrize(("document", "message"), [
    ('[document]\nid = "x"\nfile = "missing.txt"\ntitle = "T"\n',
     "The document file 'missing.txt' is not in the content folder."),
    ('[document]\nid = "x"\nfile = "../outside.txt"\ntitle = "T"\n',
     "The document file '../outside.txt' must be a file inside the content folder."),
    ('[document]\nid = "x"\ntitle = { az = "Yalnız" }\n',
     "The document has no title in the content language (en)."),
    ('[document]\nid = "synthetic-book"\ntitle = "T"\n', "The id 'synthetic-book' is used twice."),
])
def test_a_bad_document_is_reported(tmp_path: Path, document: str, message: str) -> None:
    _bundle, report = read(tmp_path, package=PACKAGE + document)
    assert message in [p.message for p in report.errors]


def test_quotes_and_reports_become_attribution_rows(tmp_path: Path) -> None:
    bundle, report = read(tmp_path, attributions='''
[[quote]]
item = "passage:synthetic-legal"
source = "synthetic-court"
words_of = "The synthetic court"
text = "A quoted synthetic sentence."

[[quote]]
item = "passage:synthetic-legal"
words_of = "Test Person"
text = "[stereotype] words of a person"

[[report]]
item = "passage:synthetic-legal"
source = "synthetic-book"
''')
    assert report.ok, report.to_text()
    rows = [(a.relation, a.source_id, a.words_of, a.text, a.position)
            for a in bundle.attributions]
    assert rows == [
        ("quotes", "synthetic-court", "The synthetic court", "A quoted synthetic sentence.", 0),
        ("quotes", None, "Test Person", "[stereotype] words of a person", 1),
        ("reports", "synthetic-book", "", "", 2),
    ]
    assert {(a.entity, a.entity_id) for a in bundle.attributions} == {
        ("passage", "synthetic-legal")}


@pytest.mark.parametrize(("quote", "message"), [
    ('item = "passage:nowhere"\nsource = "synthetic-book"\ntext = "x"',
     "No passage 'nowhere' is in this package."),
    ('item = "nowhere"\nsource = "synthetic-book"\ntext = "x"',
     "The item 'nowhere' is not written as kind:id."),
    ('item = "passage:synthetic-legal"\nsource = "synthetic-book"\ntext = "Not in the text."',
     "The quoted text is not in the item's text."),
    ('item = "passage:synthetic-legal"\nsource = "synthetic-book"\ntext = "quoted synth"',
     "The quoted text starts or ends inside a word."),
    ('item = "passage:synthetic-legal"\ntext = "A quoted synthetic sentence."',
     "This quote names neither a source nor whose words they are."),
    ('item = "passage:synthetic-legal"\nsource = "nobody"\ntext = "A quoted synthetic sentence."',
     "The source 'nobody' is not listed in sources.toml."),
])
def test_a_quote_that_does_not_fit_its_item_is_an_error(tmp_path: Path, quote: str,
                                                        message: str) -> None:
    bundle, report = read(tmp_path, attributions=f"[[quote]]\n{quote}\n")
    assert message in [p.message for p in report.errors], report.to_text()
    assert bundle.attributions == []


def test_a_quote_keeping_its_own_quotation_marks_is_a_warning(tmp_path: Path) -> None:
    _bundle, report = read(tmp_path, attributions='''[[quote]]
item = "passage:synthetic-legal"
source = "synthetic-court"
text = '"A quoted synthetic sentence."'
''')
    assert report.ok
    warnings = [p.message for p in report.warnings]
    assert warnings == ["The quoted text keeps its own quotation marks."]


def test_attract_quotes_are_whole_sentences_of_unadvised_items(tmp_path: Path) -> None:
    bundle, report = read(tmp_path, attract='''
[[quote]]
item = "passage:synthetic-legal"
text = "A quoted synthetic sentence."

[[quote]]
item = "passage:synthetic-legal"
text = "Then more framing."
''')
    assert report.ok, report.to_text()
    assert [(q.position, q.entity, q.entity_id, q.text) for q in bundle.attract_quotes] == [
        (0, "passage", "synthetic-legal", "A quoted synthetic sentence."),
        (1, "passage", "synthetic-legal", "Then more framing."),
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("synthetic court noted:", "The sentence does not start where a sentence of the text "
                               "starts."),
    ("The synthetic court noted", "The sentence does not end at a full stop, question mark "
                                  "or the text's own ellipsis."),
    ('\\"A quoted synthetic sentence.\\"', "The sentence carries its own quotation marks."),
    ("A sentence that is not there.", "The sentence is not in the item's text."),
])
def test_an_attract_quote_that_is_not_a_whole_sentence_is_refused(
        tmp_path: Path, text: str, message: str) -> None:
    bundle, report = read(tmp_path, attract=f'[[quote]]\nitem = "passage:synthetic-legal"\n'
                                            f'text = "{text}"\n')
    assert [p.message for p in report.errors] == [message]
    assert bundle.attract_quotes == []


def test_an_attract_quote_from_an_advised_account_is_refused(tmp_path: Path) -> None:
    path = folder(tmp_path, attract='''[[quote]]
item = "testimony:synthetic-witness"
text = "A synthetic sentence of an advised account."
''')
    (path / "testimonies.toml").write_text('''[[testimony]]
id = "synthetic-witness"
name = "Test Witness"
advisory = "graphic"
source = "synthetic-book"
body = "A synthetic sentence of an advised account."
''', encoding="utf-8")
    bundle, report = read_content_folder(path)
    assert [p.message for p in report.errors] == [
        "This sentence comes from an item with a content advisory."]
    assert bundle.attract_quotes == []


def test_a_name_of_the_streamed_names_list_can_be_quoted_and_its_advisory_counts(
        tmp_path: Path) -> None:
    # names.csv is not held in memory (a list can hold a million): the quotes that name a
    # name read it once more, and only then.
    path = folder(tmp_path, attributions='''[[quote]]
item = "name:Test Person"
source = "synthetic-book"
text = "a synthetic passage"

[[quote]]
item = "name:Nobody Synthetic"
source = "synthetic-book"
text = "x"
''', attract='''[[quote]]
item = "name:Test Advised"
text = "An advised synthetic sentence."
''')
    (path / "names.csv").write_text(
        "name,passage,advisory,source\n"
        "Test Person,Named in a synthetic passage here.,,synthetic-book\n"
        "Test Advised,An advised synthetic sentence.,graphic,synthetic-book\n", "utf-8")
    bundle, report = read_content_folder(path)
    assert [p.message for p in report.errors] == [
        "No name 'Nobody Synthetic' is in this package.",
        "This sentence comes from an item with a content advisory."]
    assert [(a.entity, a.entity_id, a.text) for a in bundle.attributions] == [
        ("name", "Test Person", "a synthetic passage")]
    assert bundle.attract_quotes == []
