"""The demo content says only what the curator's source text says.

These tests read ``db/demo`` directly (tomllib and csv, not the loader) and check every shown
string against ``db/demo/khojaly-source-text.txt``: bodies paragraph by paragraph, headlines,
labels, names and places as exact substrings, figures as numbers printed beside their label,
dates as real calendar dates, and every source id as a declared source.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

DEMO = Path(__file__).resolve().parents[2] / "db" / "demo"
SOURCE_FILE = DEMO / "khojaly-source-text.txt"
# sha256 of /work/shared/source/khojaly-source-text.txt as delivered by the curator: the shipped
# copy must stay byte-identical, or every check below would be checking against the wrong text.
SOURCE_SHA256 = "235e24efceb0e241c68b9940a9e74a3f9565ed3eb1c72ff9f35911c86b2a44de"

TESTIMONY_GROUPS = {"survivors", "rescuers_officials", "journalists", "human_rights"}
ADVISORY_LEVELS = {"none", "distressing", "graphic"}
RECOGNITION_KINDS = {"country", "us_state", "organisation"}
PASSAGE_SECTIONS = {"remembrance", "about", "legal"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# ------------------------------------------------------------------ the checker


def paragraphs(body: str) -> list[str]:
    """The paragraphs of a body: blocks separated by exactly one blank line."""
    return body.split("\n\n")


def unverified(body: str, source: str) -> list[str]:
    """Paragraphs of ``body`` that are not an exact substring of ``source`` (empty when true).

    A paragraph that is blank, padded with whitespace or broken by a stray line break also
    counts as unverified, so a body cannot pass by being empty or by gluing two fragments.
    """
    bad = []
    for para in paragraphs(body):
        if not para.strip() or para != para.strip() or "\n" in para or para not in source:
            bad.append(para)
    return bad


def number_beside_label(value: int, label: str, source: str) -> bool:
    """Whether one line of ``source`` prints ``value`` as a whole number and contains ``label``."""
    spellings = {str(value), f"{value:,}"}
    pattern = re.compile(r"(?<![\d,.])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\d])")
    return any(pattern.search(line) and label in line for line in source.splitlines())


# ------------------------------------------------------------------ reading the files


@pytest.fixture(scope="module")
def source() -> str:
    return SOURCE_FILE.read_text(encoding="utf-8")


def _toml(name: str, key: str) -> list[dict[str, Any]]:
    with (DEMO / name).open("rb") as fh:
        return tomllib.load(fh)[key]


def _csv(name: str) -> list[dict[str, str]]:
    with (DEMO / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def account_rows() -> list[dict[str, Any]]:
    return _toml("testimonies.toml", "testimony")


def passages_rows() -> list[dict[str, Any]]:
    return _toml("passages.toml", "passage")


def statistics_rows() -> list[dict[str, Any]]:
    return _toml("statistics.toml", "statistic")


def sources_rows() -> list[dict[str, Any]]:
    return _toml("sources.toml", "source")


def document() -> dict[str, Any]:
    """The package's own document (package.toml [document]): the exhibition text."""
    with (DEMO / "package.toml").open("rb") as fh:
        found: dict[str, Any] = tomllib.load(fh)["document"]
    return found


def attribution_rows(key: str) -> list[dict[str, Any]]:
    with (DEMO / "attributions.toml").open("rb") as fh:
        rows: list[dict[str, Any]] = tomllib.load(fh).get(key, [])
    return rows


def timeline_rows() -> list[dict[str, str]]:
    return _csv("timeline.csv")


def events_rows() -> list[dict[str, str]]:
    return [row for row in timeline_rows() if row["Type"] != "era"]


def recognitions_rows() -> list[dict[str, str]]:
    return _csv("recognitions.csv")


def monuments_rows() -> list[dict[str, str]]:
    return _csv("monuments.csv")


def names_rows() -> list[dict[str, str]]:
    return _csv("names.csv")


def _assert_verbatim(items: Iterable[tuple[str, str]], source: str) -> None:
    """Each (where, text) must be verbatim; the failure lists every offender at once."""
    offenders = {where: unverified(text, source) for where, text in items}
    offenders = {where: bad for where, bad in offenders.items() if bad}
    assert not offenders, f"not in the source text: {offenders}"


def _optional(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Only the non-empty values: an empty field means "the source gives no value"."""
    return [(where, text) for where, text in items if text]


# ------------------------------------------------------------------ the checker itself


def test_checker_rejects_a_fabricated_paragraph(source: str) -> None:
    made_up = "Witnesses counted exactly 4,321 candles in the square that night."
    assert unverified(made_up, source) == [made_up]


def test_checker_rejects_a_corrected_typo_and_a_glued_paragraph(source: str) -> None:
    original = "Still others among the dead men, women and children had fıngers missing."
    assert unverified(original, source) == []
    corrected = original.replace("fıngers", "fingers")  # 'ı' is the dotless i of the text
    assert unverified(corrected, source) == [corrected]
    glued = "Many died in the forest.\n\nWe were held and taken hostage in Askeran … A"
    assert unverified(glued, source) == ["We were held and taken hostage in Askeran … A"]
    assert unverified("Many died in the forest.\n\n\nOne of my sons was killed.", source)


def test_checker_reads_numbers_beside_their_label(source: str) -> None:
    assert number_beside_label(7000, "population before the conflict", source)
    assert number_beside_label(26, "children lost both parents", source)
    assert not number_beside_label(27, "children lost both parents", source)
    assert not number_beside_label(61, "children", source)  # "613" is not "61"


# ------------------------------------------------------------------ provenance


def test_shipped_source_text_is_the_curators_text() -> None:
    digest = hashlib.sha256(SOURCE_FILE.read_bytes()).hexdigest()
    assert digest == SOURCE_SHA256


def test_package_says_no_reading_list_is_shipped() -> None:
    text = (DEMO / "package.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["title"] and data["exhibition_id"] and data["language"] == "en"
    assert "Recommended reading:" in text  # the comment explaining why there is no list
    assert not list(DEMO.glob("*reading*"))


# ------------------------------------------------------------------ verbatim text


def test_testimony_texts_are_verbatim(source: str) -> None:
    rows = account_rows()
    _assert_verbatim(((f"{t['id']}.body", t["body"]) for t in rows), source)
    _assert_verbatim(((f"{t['id']}.name", t["name"]) for t in rows), source)
    _assert_verbatim(_optional((f"{t['id']}.role", t["role"]) for t in rows), source)
    _assert_verbatim(_optional((f"{t['id']}.title", t["title"]) for t in rows), source)


def test_testimony_fields_are_valid() -> None:
    for t in account_rows():
        assert t["group"] in TESTIMONY_GROUPS, t["id"]
        assert t["advisory"] in ADVISORY_LEVELS, t["id"]
        assert t["language"] == "en", t["id"]


def test_every_named_witness_has_an_account() -> None:
    by_name = {t["name"]: t for t in account_rows()}
    expected = {
        "Humay Abbasova": ("Native of Khojaly", "survivors"),
        "Valekh Huseynov": ("Native of Khojaly", "survivors"),
        "Susan Jafarova": ("Native of Khojaly", "survivors"),
        "Leonid Kravets": ("Helicopter pilot", "rescuers_officials"),
        "Colonel Asad Farajev": (
            "At that time - legal and military consultant in Karabakh",
            "rescuers_officials",
        ),
        "Yuri Romanov": ("Russian TV reporter", "journalists"),
        "V. Belykh": ("Correspondent, Izvestiya", "journalists"),
        "Human Rights Center Memorial": ("", "human_rights"),
        "Zakhid Dzhabarov": ("", "survivors"),
    }
    for name, (role, group) in expected.items():
        assert (by_name[name]["role"], by_name[name]["group"]) == (role, group), name


def test_passage_texts_are_verbatim(source: str) -> None:
    rows = passages_rows()
    _assert_verbatim(((f"{p['id']}.body", p["body"]) for p in rows), source)
    _assert_verbatim(_optional((f"{p['id']}.title", p["title"]) for p in rows), source)
    assert {p["section"] for p in rows} <= PASSAGE_SECTIONS
    remembrance = [p for p in rows if p["section"] == "remembrance"]
    assert remembrance and "Every year on February 26" in remembrance[0]["body"]


def test_name_passages_are_verbatim(source: str) -> None:
    rows = names_rows()
    assert rows
    for row in rows:
        # A commemorated name must appear in the very words that say the person died.
        assert row["name"] in row["passage"], row["name"]
        assert re.search(r"\b(killed|died)\b", row["passage"]), row["name"]
        assert not (row["age"] or row["birth_year"] or row["village"] or row["category"])
    _assert_verbatim(((r["name"], r["passage"]) for r in rows), source)


def test_timeline_texts_are_verbatim(source: str) -> None:
    rows = events_rows()
    _assert_verbatim(((f"{e['Id']}.Text", e["Text"]) for e in rows), source)
    # An empty headline means the date stands as the heading.
    _assert_verbatim(_optional((f"{e['Id']}.Headline", e["Headline"]) for e in rows), source)
    _assert_verbatim(((f"{e['Id']}.Display Date", e["Display Date"]) for e in rows), source)
    # A headline is a span of the event's own text, cut at word boundaries, never an ellipsis.
    for e in rows:
        head, text = e["Headline"], e["Text"]
        if not head:
            continue
        assert head in text, e["Id"]
        start = text.find(head)
        end = start + len(head)
        assert not (start and text[start - 1].isalnum()), e["Id"]
        assert not (end < len(text) and text[end].isalnum()), e["Id"]
        assert not head.endswith(("…", "...")), e["Id"]


def test_editorial_years_are_the_years_the_text_gives_by_context(source: str) -> None:
    years = {e["Id"]: e["Editorial Year"] for e in events_rows() if e["Editorial Year"]}
    assert years == {"land-communication-severed": "1991", "pilot-sees-bodies": "1992",
                     "hrw-helicopters-from-27-february": "1992",
                     "journalists-28-february": "1992", "journalists-1-march": "1992"}
    for e in events_rows():
        if e["Editorial Year"]:
            assert e["Editorial Year"] == e["Year"], e["Id"]
            assert e["Editorial Year"] not in e["Display Date"], e["Id"]
    # The context that gives them: "October 1991" before "30 October", and the night of the
    # assault "from 25 to 26 February 1992" before the days after it.
    assert "in October 1991. The land communication was severed on 30 October" in source
    assert source.index("On the night from 25 to 26 February 1992") < source.index(
        "On 28 February, two helicopters")


def test_era_rows_are_the_only_unsourced_labels() -> None:
    eras = [row for row in timeline_rows() if row["Type"] == "era"]
    assert [e["Headline"] for e in eras] == [
        "The siege",
        "25–26 February 1992",
        "Aftermath",
        "Judgments and recognition",
    ]
    assert all(not e["Text"] for e in eras)
    # Our own navigation labels: credited to no source (not even the exhibition text).
    assert all(not e["Source"] for e in eras)


def test_statistics_are_the_texts_figures(source: str) -> None:
    rows = statistics_rows()
    _assert_verbatim(((s["id"], s["label"]) for s in rows), source)
    _assert_verbatim(_optional((s["id"], s["qualifier"]) for s in rows), source)
    not_printed = [s["id"] for s in rows if not number_beside_label(s["value"], s["label"], source)]
    assert not not_printed, f"value not printed beside its label: {not_printed}"
    nearly = {s["id"]: s["qualifier"] for s in rows if s["qualifier"]}
    assert nearly == {"dwellers-still-in-town": "nearly"}


def test_recognitions_and_monuments_are_verbatim(source: str) -> None:
    recs = recognitions_rows()
    _assert_verbatim(((r["id"], r["name"]) for r in recs), source)
    for key in ("body", "date", "instrument"):
        _assert_verbatim(_optional((f"{r['id']}.{key}", r[key]) for r in recs), source)
    mons = monuments_rows()
    for key in ("place", "country", "description"):
        _assert_verbatim(_optional((f"{m['id']}.{key}", m[key]) for m in mons), source)
    assert all(not m["year"] for m in mons)  # the text dates no monument


def test_recognitions_match_the_counts_the_text_gives() -> None:
    recs = recognitions_rows()
    assert {r["kind"] for r in recs} <= RECOGNITION_KINDS
    countries = [r["name"] for r in recs if r["kind"] == "country"]
    assert len(countries) == 17  # "legislative bodies in 17 countries"
    states = [r["name"] for r in recs if r["kind"] == "us_state"]
    assert "Man" in states and len(states) == len(set(states)) == 22
    georgia = next(r for r in recs if r["name"] == "Georgia")
    assert georgia["instrument"] == "Resolution 1594"


def test_no_content_string_is_markup() -> None:
    """Content is shown as plain text; a tag here would mean someone added HTML."""
    strings = [t["body"] for t in account_rows()] + [p["body"] for p in passages_rows()]
    strings += [e["Text"] + e["Headline"] for e in events_rows()]
    assert not [s for s in strings if re.search(r"<[a-zA-Z/]", s)]


# ------------------------------------------------------------------ ids, sources, dates


def _source_refs() -> list[tuple[str, str]]:
    refs = [(f"testimony {t['id']}", t["source"]) for t in account_rows()]
    refs += [(f"passage {p['id']}", p["source"]) for p in passages_rows()]
    refs += [(f"statistic {s['id']}", s["source"]) for s in statistics_rows()]
    refs += [(f"timeline {r['Id']}", r["Source"]) for r in events_rows()]
    refs += [(f"recognition {r['id']}", r["source"]) for r in recognitions_rows()]
    refs += [(f"monument {m['id']}", m["source"]) for m in monuments_rows()]
    refs += [(f"name {n['name']}", n["source"]) for n in names_rows()]
    return refs


def test_every_row_names_a_declared_source() -> None:
    declared = {s["id"] for s in sources_rows()} | {document()["id"]}
    missing = [(where, ref) for where, ref in _source_refs() if ref not in declared]
    assert not missing
    credited = [r["source"] for r in attribution_rows("quote") + attribution_rows("report")
                if r.get("source")]
    assert set(credited) <= declared


def test_every_item_is_taken_from_the_exhibition_text() -> None:
    doc = document()
    assert doc["id"] == "exhibition-text" and doc["kind"] == "compilation"
    assert doc["file"] == SOURCE_FILE.name
    assert doc["title"]["en"] == "Exhibition text" and set(doc["title"]) == {"az", "en", "ru", "tr"}
    assert {ref for _, ref in _source_refs()} == {doc["id"]}


def test_every_declared_source_is_used_and_complete() -> None:
    used = {r["source"] for r in attribution_rows("quote") + attribution_rows("report")
            if r.get("source")}
    for s in sources_rows():
        assert s["id"] in used, s["id"]
        assert s["title"] and s["citation"] and s["kind"], s["id"]
    # The placeholders visitors read as "Curator's source text" are gone for good.
    text = "\n".join(p.read_text(encoding="utf-8") for p in DEMO.rglob("*")
                     if p.is_file() and p.suffix in (".toml", ".csv"))
    assert "Curator's source text" not in text and "curators-" not in text


def test_source_notes_shown_to_visitors_are_the_texts_words(source: str) -> None:
    # Remarks of our own about a source ("the text gives no date") stay TOML comments for the
    # curator: where the text has nothing, visitors are shown nothing.
    _assert_verbatim(_optional((f"{s['id']}.notes", s.get("notes", "")) for s in sources_rows()),
                     source)


@pytest.mark.parametrize(
    ("what", "ids"),
    [
        ("source", lambda: [s["id"] for s in sources_rows()]),
        ("testimony", lambda: [t["id"] for t in account_rows()]),
        ("passage", lambda: [p["id"] for p in passages_rows()]),
        ("statistic", lambda: [s["id"] for s in statistics_rows()]),
        ("timeline", lambda: [r["Id"] for r in timeline_rows()]),
        ("recognition", lambda: [r["id"] for r in recognitions_rows()]),
        ("monument", lambda: [m["id"] for m in monuments_rows()]),
    ],
)
def test_ids_are_unique_slugs(what: str, ids: Any) -> None:
    values = ids()
    assert values, what
    assert len(values) == len(set(values)), what
    assert all(ID_RE.match(v) for v in values), what


def _date(row: dict[str, str], prefix: str) -> tuple[int | None, ...]:
    parts = (row[f"{prefix}Year"], row[f"{prefix}Month"], row[f"{prefix}Day"])
    return tuple(int(p) if p.strip() else None for p in parts)


def _real(year: int | None, month: int | None, day: int | None) -> bool:
    """A partial date is real when its parts are given in order and name an existing day."""
    if (day is not None and month is None) or (month is not None and year is None):
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and month is not None and year is not None:
        return 1 <= day <= calendar.monthrange(year, month)[1]
    return True


def test_every_timeline_date_is_real_and_ordered() -> None:
    for row in timeline_rows():
        start, end = _date(row, ""), _date(row, "End ")
        assert _real(*start) and _real(*end), row["Id"]
        if start[0] is not None and end[0] is not None:
            key = lambda d: tuple(x or 0 for x in d)  # noqa: E731
            assert key(end) >= key(start), row["Id"]


def test_date_check_rejects_impossible_dates() -> None:
    assert _real(1992, 2, 29)  # 1992 is a leap year
    assert not _real(1991, 2, 29)
    assert not _real(1992, 4, 31)
    assert not _real(None, 2, 26)
