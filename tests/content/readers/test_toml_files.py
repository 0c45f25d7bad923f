"""content/readers/toml_files.py: package, sources, statistics and passages TOML files."""

from __future__ import annotations

from pathlib import Path

from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.toml_files import (
    read_package,
    read_passages,
    read_sources,
    read_statistics,
)
from tests.support.content.folders import PACKAGE, SOURCES, write_files


def context(tmp_path: Path, files: dict[str, str | bytes]) -> ReadContext:
    return ReadContext(write_files(tmp_path / "c", files))


def test_package_fields(tmp_path: Path) -> None:
    ctx = context(tmp_path, {"package.toml": PACKAGE})
    read_package(ctx)
    assert ctx.report.ok
    info = ctx.bundle.info
    assert (info.title, info.exhibition_id, info.version) == (
        "Synthetic Test Exhibition", "synthetic-exhibition", 3)
    assert ctx.language == "en"


def test_package_missing_or_incomplete(tmp_path: Path) -> None:
    ctx = context(tmp_path, {})
    read_package(ctx)
    assert [p.message for p in ctx.report.errors] == ["The content folder has no package.toml."]
    ctx = context(tmp_path / "2", {"package.toml": '# c\nlanguage = "fr"\nversion = "x"\n'})
    read_package(ctx)
    assert [(p.line, p.message) for p in ctx.report.errors] == [
        (None, "package.toml has no title."),
        (None, "package.toml has no exhibition_id."),
        (2, "The language 'fr' is not one of the known values."),
        (3, "The version 'x' is not a whole number."),
    ]


def test_toml_syntax_error_points_at_line_and_column(tmp_path: Path) -> None:
    ctx = context(tmp_path, {"sources.toml": '[[source]]\nid = "a"\ntitle = "unclosed\n'})
    read_sources(ctx)
    (problem,) = ctx.report.errors
    assert (problem.file, problem.line) == ("sources.toml", 3)
    assert problem.column is not None and "TOML syntax" in problem.message


def test_sources(tmp_path: Path) -> None:
    bad = SOURCES + ('\n[[source]]\nid = "synthetic-a"\nkind = "book"\ntitle = "Dup"\n'
                     '\n[[source]]\nid = "synthetic-c"\nkind = "blog"\ntitle = "Odd"\n'
                     '\n[[source]]\nid = "synthetic-d"\nkind = "book"\n')
    ctx = context(tmp_path, {"sources.toml": bad})
    read_sources(ctx)
    assert [(p.line, p.message) for p in ctx.report.errors] == [
        (16, "The id 'synthetic-a' is used twice."),
        (22, "The source kind 'blog' is not one of the known values."),
        (25, "This source has no title."),  # no title key: the line of its [[source]]
    ]
    assert [s.id for s in ctx.bundle.sources] == ["synthetic-a", "synthetic-b"]
    assert ctx.bundle.sources[1].citation == "Synthetic Source B, p. 2"
    assert ctx.bundle.sources[0].author == "Test Author"


def test_statistics(tmp_path: Path) -> None:
    text = ('[[statistic]]\nid = "s-1"\nvalue = 613\nlabel = "things"\ngroup = "losses"\n'
            'source = "synthetic-a"\n\n'
            '[[statistic]]\nid = "s-2"\nvalue = "many"\nlabel = "things"\ngroup = "losses"\n'
            'source = "synthetic-a"\n\n'
            '[[statistic]]\nid = "s-3"\nvalue = 1.5\nlabel = "x"\ngroup = "weather"\n'
            'source = "nowhere"\n\n'
            '[[statistic]]\nid = "s-4"\nlabel = ""\ngroup = "losses"\n')
    ctx = context(tmp_path, {"statistics.toml": text})
    ctx.source_ids = {"synthetic-a"}
    read_statistics(ctx)
    assert [(p.line, p.message) for p in ctx.report.errors] == [
        (10, "The value 'many' is not a whole number."),
        (17, "The value '1.5' is not a whole number."),
        (19, "The statistic group 'weather' is not one of the known values."),
        (20, "The source 'nowhere' is not listed in sources.toml."),
        (23, "This statistic has no value."),
        (24, "This statistic has no label."),
    ]
    assert [(p.line, p.message) for p in ctx.report.warnings] == [
        (22, "This statistic names no source.")]
    (stat,) = ctx.bundle.statistics
    assert (stat.id, stat.value, stat.group, stat.source_id) == ("s-1", 613, "losses",
                                                                 "synthetic-a")


def test_passages(tmp_path: Path) -> None:
    text = ('[[passage]]\nid = "p-1"\nsection = "remembrance"\ntitle = "T"\n'
            'body = """Line one.\n\nLine two."""\nsource = "synthetic-a"\n\n'
            '[[passage]]\nid = "p-2"\nsection = "sports"\nbody = ""\n')
    ctx = context(tmp_path, {"passages.toml": text})
    ctx.source_ids = {"synthetic-a"}
    read_passages(ctx)
    assert [(p.line, p.message) for p in ctx.report.errors] == [
        (12, "The section 'sports' is not one of the known values."),
        (13, "This passage has no body."),
    ]
    (passage,) = ctx.bundle.passages
    assert passage.body == "Line one.\n\nLine two."


def test_wrong_shape_is_reported(tmp_path: Path) -> None:
    ctx = context(tmp_path, {"statistics.toml": 'statistic = "not a list"\n'})
    read_statistics(ctx)
    assert ctx.report.errors[0].message == "'statistic' must be a list of [[statistic]] tables."


SENTENCE_STATS = '''\
[[statistic]]
id = "total"
value = 90
label = "synthetic people"
group = "losses"
source = "synthetic-a"
sentence = "The synthetic event counted 90 synthetic people, including: 30 synthetic children."
words_before = "The synthetic event counted"
words_after = "including:"

[[statistic]]
id = "part"
value = 30
label = "synthetic children"
group = "losses"
source = "synthetic-a"
sentence = "The synthetic event counted 90 synthetic people, including: 30 synthetic children."
part_of = "total"
show_alone = false
'''


def test_a_statistic_keeps_its_sentence_and_the_words_that_say_what_it_counts(
        tmp_path: Path) -> None:
    ctx = context(tmp_path, {"statistics.toml": SENTENCE_STATS})
    ctx.source_ids = {"synthetic-a"}
    read_statistics(ctx)
    assert ctx.report.ok, ctx.report.to_text()
    total, part = ctx.bundle.statistics
    assert (total.words_before, total.words_after, total.show_alone, total.part_of) == (
        "The synthetic event counted", "including:", True, "")
    assert (part.part_of, part.show_alone) == ("total", False)
    assert part.sentence.startswith("The synthetic event counted 90")


def test_shown_words_must_be_words_of_the_sentence_and_parts_smaller(tmp_path: Path) -> None:
    text = (SENTENCE_STATS.replace('words_before = "The synthetic event counted"',
                                   'words_before = "were killed"')
            .replace("value = 30", "value = 300").replace('show_alone = false',
                                                          'show_alone = "no"'))
    ctx = context(tmp_path, {"statistics.toml": text + '''
[[statistic]]
id = "orphan"
value = 1
label = "synthetic orphan"
group = "losses"
source = "synthetic-a"
part_of = "nobody"
words_after = "without a sentence"
'''})
    ctx.source_ids = {"synthetic-a"}
    read_statistics(ctx)
    assert [p.message for p in ctx.report.errors] == [
        "The words before is not words of this statistic's sentence.",
        "show_alone must be true or false.",
        "words_before and words_after need the sentence they are taken from.",
    ]
    ctx = context(tmp_path / "2", {"statistics.toml": SENTENCE_STATS.replace(
        "value = 30", "value = 300")})
    ctx.source_ids = {"synthetic-a"}
    read_statistics(ctx)
    assert [p.message for p in ctx.report.errors] == [
        "This figure (300) is not smaller than its total 'total' (90)."]
def test_a_source_url_is_checked_and_freed_of_tracking(tmp_path: Path) -> None:
    ctx = context(tmp_path, {"sources.toml": (
        '[[source]]\nid = "a"\nkind = "book"\ntitle = "A"\n'
        'url = "https://example.org/a?utm_source=kiosk&page=2&fbclid=x"\n'
        '[[source]]\nid = "b"\nkind = "book"\ntitle = "B"\nurl = "example.org/b"\n'
        '[[source]]\nid = "c"\nkind = "book"\ntitle = "C"\nurl = "javascript:alert(1)"\n'
        '[[source]]\nid = "d"\nkind = "book"\ntitle = "D"\n')})
    read_sources(ctx)
    assert [s.url for s in ctx.bundle.sources] == ["https://example.org/a?page=2", "", "", ""]
    assert [(p.line, p.message) for p in ctx.report.warnings] == [
        (5, "The url's tracking parameters (fbclid, utm_source) are left out of the QR code.")]
    assert [(p.line, p.message) for p in ctx.report.errors] == [
        (10, "The url 'example.org/b' is not a web address."),
        (15, "The url 'javascript:alert(1)' is not a web address.")]
