"""The tour renders every state to PNG, writes what a visitor reads beside it, and times it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui.tour import render_tour
from tests.support.fakes import FakeArchive

_SENTENCE = re.compile(r"[^.?!…]+[.?!…]+")


def test_tour_renders_each_state_at_each_size(qapp, tmp_path, fresh_data_dir):
    settings = Settings(default_language="en")
    out = tmp_path / "tour"
    timings = render_tour(out, [(1920, 1080), (1080, 1920)], FakeArchive(), settings,
                          languages=["en"], variants=["normal"])
    names = [name for name, _ms in timings]
    for state in ("attract", "home", "testimonies", "advisory", "reader", "sources",
                  "keyboard-ru", "name"):
        assert any(name.startswith("1920x1080/en/") and name.endswith(f"-{state}.png")
                   for name in names), state
    assert len(names) % 2 == 0 and all(ms >= 0 for _n, ms in timings)
    image = QImage(str(out / names[1]))
    assert (image.width(), image.height()) == (1920, 1080)
    portrait = QImage(str(out / names[-1]))
    assert (portrait.width(), portrait.height()) == (1080, 1920)
    for name in names:  # what a visitor reads, beside every picture
        assert (out / name).with_suffix(".txt").is_file(), name
    qapp.setStyleSheet("")


def test_each_language_is_rendered_in_that_language(qapp, tmp_path, fresh_data_dir):
    settings = Settings(default_language="az")
    out = tmp_path / "tour"
    render_tour(out, [(1920, 1080)], FakeArchive(), settings, languages=["az", "en"],
                variants=["normal"])
    # The marked language button differs, so the two home screens must differ.
    az = QImage(str(out / "1920x1080" / "az" / "04-home.png"))
    en = QImage(str(out / "1920x1080" / "en" / "04-home.png"))
    assert not az.isNull() and az != en
    home = (out / "1920x1080" / "en" / "04-home.txt").read_text(encoding="utf-8")
    assert "Testimonies" in home
    qapp.setStyleSheet("")


def test_variants_and_extra_states_get_folders_and_files(qapp, tmp_path, fresh_data_dir):
    from khojaly_kiosk.ui.tour import TourStep

    shown: list[str] = []
    out = tmp_path / "tour"
    render_tour(out, [(1080, 1920)], FakeArchive(), Settings(default_language="en"),
                languages=["en"], variants=["high-contrast", "x1.5"],
                extra_steps=lambda shell: [TourStep("extra", lambda: shown.append("on"),
                                                    lambda: shown.append("off"))])
    for folder in ("en-hc", "en-x1.5"):
        files = sorted(p.name for p in (out / "1080x1920" / folder).iterdir())
        assert any(f.endswith("-extra.png") for f in files) and "states.tsv" in files
    assert shown == ["on", "off", "on", "off"]
    qapp.setStyleSheet("")


# ------------------------------------------------------------------ the demo, as read


@pytest.fixture(scope="module")
def demo_tour(qapp, demo_archive, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo-tour")
    render_tour(out, [(1920, 1080)], demo_archive, Settings(default_language="en"),
                languages=["en"], variants=["normal"])
    qapp.setStyleSheet("")
    return out / "1920x1080" / "en"


def _states(folder: Path) -> list[tuple[str, set[str]]]:
    rows = (folder / "states.tsv").read_text(encoding="utf-8").splitlines()[1:]
    states = [row.split("\t") for row in rows]
    return [(name, set(filter(None, passed.split(" | ")))) for name, passed in states]


def _advised_sentences(archive) -> dict[str, list[str]]:
    """Advised items' words (sentences of 30+ characters) by advisory key."""
    found: dict[str, str] = {}
    for card in archive.testimonies.list():
        if card.advisory != "none":
            found[f"testimony:{card.id}"] = " ".join(archive.testimonies.get(card.id).paragraphs)
    for event in archive.timeline.events():
        if event.advisory != "none":
            found[f"event:{event.id}"] = event.text
    for name in archive.names.page(0, 100):
        if name.advisory != "none":
            found[f"name:{name.name}"] = name.passage
    return {key: [s.strip(' "') for s in _SENTENCE.findall(text) if len(s.strip()) >= 30]
            for key, text in found.items()}


def test_no_advised_word_is_read_before_its_advisory_is_passed(demo_tour, demo_archive):
    advised = _advised_sentences(demo_archive)
    assert len(advised) >= 30  # every testimony, the advised events and names
    # A sentence may stand in two advised items (an event taken from an account): passing
    # either item's advisory lets it be read.
    owners: dict[str, set[str]] = {}
    for key, sentences in advised.items():
        for sentence in sentences:
            owners.setdefault(" ".join(sentence.split()), set()).add(key)
    states = _states(demo_tour)
    assert any(name.endswith("-advisory") for name, _passed in states)
    read_after_advisory = 0
    for name, passed in states:
        text = " ".join((demo_tour / f"{name}.txt").read_text(encoding="utf-8").split())
        for sentence, keys in owners.items():
            if sentence in text:
                assert keys & passed, (name, sorted(keys), sentence[:60])
                read_after_advisory += 1
    assert read_after_advisory  # an account was really opened after its advisory


def test_the_advisory_state_names_the_witness_and_offers_two_equal_choices(demo_tour):
    advisory = next(demo_tour.glob("*-advisory.txt")).read_text(encoding="utf-8")
    assert "The account of Humay Abbasova contains graphic descriptions" in advisory
    assert "Read the account" in advisory and "Back to the list" in advisory


def test_each_figure_is_read_with_its_predicate(demo_tour):
    text = next(demo_tour.glob("*-statistics.txt")).read_text(encoding="utf-8")
    lines = text.split("\n\n")
    total = lines.index("613")
    assert lines[total - 1] == "The bloody massacre claimed lives of"
    assert lines[total + 1:total + 3] == ["people", "including:"]
    assert "countries around the globe" not in lines  # never a headline figure
    assert any(line.startswith("The Organization of Islamic Cooperation (OIC), which brings "
                               "together 56 countries") for line in lines)
    figure = next(demo_tour.glob("*-attract-figure.txt")).read_text(encoding="utf-8")
    assert "The bloody massacre claimed lives of\n\n613\n\npeople" in figure


def test_credits_name_the_exhibition_text_and_whom_it_quotes(demo_tour):
    texts = {p.name: p.read_text(encoding="utf-8") for p in demo_tour.glob("*.txt")}
    everything = "\n".join(texts.values())
    assert "Curator's source text" not in everything
    legal = next(t for n, t in texts.items() if n.endswith("-legal.txt"))
    assert ("Source: Exhibition text, quoting Serzh Sargsyan in Thomas de Waal, Black Garden: "
            "Armenia and Azerbaijan through Peace and War (New York and London, 2003)") in legal
    sources = next(t for n, t in texts.items() if n.endswith("-sources.txt"))
    assert "Shipped with this archive as the file khojaly-source-text.txt" in sources
    assert "“\"" not in everything and "\"”" not in everything  # no doubled quotation marks
