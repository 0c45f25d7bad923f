"""content/pipeline.py: an import hashes each media file once, when it is staged.

The digests taken while staging stand in for later reads (bag check, loading the content,
the archive build and check) only while the staged file is unchanged; a file changed after
staging is still caught. ALL CONTENT HERE IS SYNTHETIC TEST DATA.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.integrity import check_archive
from khojaly_kiosk.archive.schema import DB_FILENAME, MEDIA_DIRNAME
from khojaly_kiosk.content import install
from khojaly_kiosk.content.package import build_package
from khojaly_kiosk.content.pipeline import ImportResult, import_package
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import load_settings
from tests.support.content.packages import jpeg_bytes, make_keys, write_content

VIDEO = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"synthetic frames" * 4000
PHOTO = jpeg_bytes((900, 600))


def _package(tmp: Path) -> tuple[Path, str]:
    """A signed package with a photo and a video (synthetic); ``(package, public key)``."""
    keys = make_keys(tmp / "keys")
    src = write_content(tmp / "src", image=PHOTO)
    (src / "media" / "clip.mp4").write_bytes(VIDEO)
    with (src / "monuments.csv").open("a", encoding="utf-8") as handle:
        handle.write("test-clip,Test Place 2,Test Country,2001,A synthetic clip,"
                     "media/clip.mp4,,synthetic-source-1\n")
    package = build_package(src, tmp / "package", private_key=keys.private, version=1,
                            source_org="Synthetic Test Organisation")
    return package, keys.public_hex


def _import(tmp: Path, package: Path, public: str) -> tuple[ImportResult, DataPaths]:
    paths = DataPaths(tmp / "data").ensure()
    settings = load_settings(paths.root, environ={}, trusted_keys=(public,), demo_mode=False)
    return import_package(package, paths, settings), paths


@pytest.fixture
def digests_taken(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each SHA-256 value was computed (a file hashed twice shows up twice)."""
    taken: Counter[str] = Counter()
    real = hashlib.sha256

    class Counting:
        def __init__(self, data: bytes = b"", **kwargs: Any) -> None:
            self._hash = real(data, **kwargs)

        def update(self, data: Any) -> None:
            self._hash.update(data)

        def digest(self) -> bytes:
            return self._hash.digest()

        def hexdigest(self) -> str:
            value = self._hash.hexdigest()
            taken[value] += 1
            return value

    monkeypatch.setattr(hashlib, "sha256", Counting)
    return taken


def test_each_media_file_is_hashed_once_during_an_import(
        tmp_path: Path, digests_taken: Counter[str]) -> None:
    package, public = _package(tmp_path)
    digests_taken.clear()  # building the package hashed them; the import starts now
    result, paths = _import(tmp_path, package, public)
    assert result.report.ok, result.report.to_text()
    photo, video = (hashlib.new("sha256", data).hexdigest() for data in (PHOTO, VIDEO))
    assert (digests_taken[photo], digests_taken[video]) == (1, 1)
    live = GenerationStore(paths.archives).current()
    assert live is not None
    generation = paths.archives / live
    kept = paths.packages / generation.name / "data" / "media" / "clip.mp4"
    clip = next((generation / MEDIA_DIRNAME).glob("*.mp4"))
    assert clip.samefile(kept) and clip.read_bytes() == VIDEO
    assert check_archive(generation / DB_FILENAME, generation / MEDIA_DIRNAME).ok


def test_a_staged_file_changed_after_it_was_hashed_is_still_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package, public = _package(tmp_path)

    def tamper(name: str) -> None:
        if name == "staged":
            (staged,) = (tmp_path / "data").rglob("import-*/**/media/clip.mp4")
            with staged.open("ab") as handle:
                handle.write(b"synthetic bytes added after staging")

    monkeypatch.setattr(install, "checkpoint", tamper)
    result, paths = _import(tmp_path, package, public)
    assert not result.report.ok
    assert "clip.mp4 has changed since the package was signed" in result.report.to_text()
    assert GenerationStore(paths.archives).current() is None
