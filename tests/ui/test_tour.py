"""The tour renders every state to PNG and reports a timing for each."""

from __future__ import annotations

from PySide6.QtGui import QImage

from khojaly_kiosk.settings import Settings
from khojaly_kiosk.ui.tour import render_tour
from tests.support.fakes import FakeArchive


def test_tour_renders_each_state_at_each_size(qapp, tmp_path, fresh_data_dir):
    settings = Settings(default_language="en")
    out = tmp_path / "tour"
    timings = render_tour(out, [(1920, 1080), (1080, 1920)], FakeArchive(), settings)
    names = [name for name, _ms in timings]
    for state in ("attract", "home", "testimonies", "reader", "advisory", "sources"):
        assert any(name.startswith("1920x1080/en/") and name.endswith(f"-{state}.png")
                   for name in names), state
    assert len(names) % 2 == 0 and all(ms >= 0 for _n, ms in timings)
    image = QImage(str(out / names[1]))
    assert (image.width(), image.height()) == (1920, 1080)
    portrait = QImage(str(out / names[-1]))
    assert (portrait.width(), portrait.height()) == (1080, 1920)
    qapp.setStyleSheet("")


def test_each_language_is_rendered_in_that_language(qapp, tmp_path, fresh_data_dir):
    settings = Settings(default_language="az")
    out = tmp_path / "tour"
    render_tour(out, [(1920, 1080)], FakeArchive(), settings, languages=["az", "en"])
    # The marked language button differs, so the two home screens must differ.
    az = QImage(str(out / "1920x1080" / "az" / "02-home.png"))
    en = QImage(str(out / "1920x1080" / "en" / "02-home.png"))
    assert not az.isNull() and az != en
    qapp.setStyleSheet("")
