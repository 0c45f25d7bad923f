"""Captions through the whole import: a signed package (folder and zip) with a recording and
its WebVTT file becomes a live generation whose testimony returns the captions.

ALL CONTENT HERE IS SYNTHETIC TEST DATA; none of it is about Khojaly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.records import CaptionCue
from khojaly_kiosk.archive.schema import MEDIA_DIRNAME
from khojaly_kiosk.content.package import build_package
from khojaly_kiosk.content.pipeline import import_package
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import load_settings
from tests.support.content.folders import minimal_folder
from tests.support.content.packages import make_keys
from tests.support.content.recordings import wav_bytes

TESTIMONIES = ('[[testimony]]\nid = "t-audio"\nname = "Test Person"\ngroup = "survivors"\n'
               'source = "synthetic-a"\nmedia = "media/voice.wav"\nbody = "Synthetic words."\n')
SIDECAR = "WEBVTT\n\n00:00.000 --> 00:00.050\nSynthetic <b>caption</b> one\n\n" \
          "00:00.050 --> 00:00.100\nSynthetic caption two\n"


@pytest.mark.parametrize("as_zip", [False, True])
def test_imported_package_serves_captions(tmp_path: Path, as_zip: bool) -> None:
    keys = make_keys(tmp_path / "keys")
    paths = DataPaths(tmp_path / "data").ensure()
    settings = load_settings(paths.root, environ={}, trusted_keys=(keys.public_hex,),
                             demo_mode=False, keep_generations=2)
    src = minimal_folder(tmp_path, {"testimonies.toml": TESTIMONIES,
                                    "media/voice.wav": wav_bytes(),
                                    "media/voice.vtt": SIDECAR})
    package = build_package(src, tmp_path / ("package.zip" if as_zip else "package"),
                            private_key=keys.private, version=1, zip=as_zip,
                            source_org="Synthetic Test Organisation")
    result = import_package(package, paths, settings)
    assert result.report.ok, result.report.to_text()
    live = GenerationStore(paths.archives).open_live()
    try:
        record = live.repos.testimonies.get("t-audio")
    finally:
        live.close()
    assert record is not None and record.media is not None
    assert Path(record.media.path).is_file()
    assert record.media.captions == (CaptionCue(0, 50, "Synthetic caption one"),
                                     CaptionCue(50, 100, "Synthetic caption two"))
    assert not list((live.path / MEDIA_DIRNAME).rglob("*.vtt"))
