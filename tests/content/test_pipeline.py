"""Importing packages end to end: the good path, every refusal, rollback and status.

Every refused import must leave the live archive byte-identical, no new generation, and an
empty staging folder.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

from khojaly_kiosk.archive import integrity
from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.integrity import check_archive
from khojaly_kiosk.archive.schema import DB_FILENAME, MEDIA_DIRNAME
from khojaly_kiosk.content import fixity as fixity_module
from khojaly_kiosk.content import install
from khojaly_kiosk.content.installed import (
    demo_key_paths,
    installed_version,
    rollback,
    status,
    trusted_keys,
)
from khojaly_kiosk.content.package import build_package
from khojaly_kiosk.content.pipeline import import_package
from khojaly_kiosk.content.trust import bag
from khojaly_kiosk.content.trust.signing import SIGNATURE_FILE, generate_keypair
from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import load_settings
from tests.support.content.kiosks import Kiosk, resign
from tests.support.content.packages import (
    Keys,
    files_under,
    jpeg_bytes,
    make_keys,
    make_package,
    png_claiming,
    symlink_zip,
    write_content,
    zip_with,
)


def _assert_nothing_changed(kiosk: Kiosk, before: tuple[object, ...]) -> None:
    kiosk.assert_nothing_changed(before)


def test_good_package_becomes_live_with_media_and_is_kept(kiosk: Kiosk) -> None:
    package = make_package(kiosk.tmp, kiosk.keys, 1, image=jpeg_bytes((2400, 1600)))
    result = kiosk.import_(package)
    assert result.report.ok, result.report.to_text()
    assert (result.generation, result.version, result.previous_version) == ("gen-000001", 1, 0)
    assert result.counts["names"] == 3 and result.counts["media"] == 1
    live = GenerationStore(kiosk.paths.archives).open_live()
    try:
        summary = live.repos.summary()
        assert (summary.package_version, summary.title) == (1, "Synthetic Test Exhibition")
    finally:
        live.close()
    generation = kiosk.paths.archives / "gen-000001"
    assert check_archive(generation / DB_FILENAME, generation / MEDIA_DIRNAME).ok
    assert (generation / MEDIA_DIRNAME / "thumbs").is_dir()
    assert (kiosk.paths.packages / "gen-000001" / "bagit.txt").is_file()
    assert list(kiosk.paths.staging.iterdir()) == []
    assert package.is_dir()  # the package on the stick is never changed
    assert installed_version(kiosk.paths) == 1
    assert result.message() == ("Package version 1 is now live (gen-000001); 3 names, "
                                "0 testimonies, 1 media files.")


def test_newer_zip_replaces_and_old_generations_are_pruned(installed: Kiosk) -> None:
    for version in (2, 3, 4):
        result = installed.import_(make_package(installed.tmp, installed.keys, version,
                                                zip=True))
        assert result.report.ok, result.report.to_text()
    kept = [g.name for g in status(installed.paths).generations]
    # keep_generations = 2 (gen 3 and 4), and the one live before each of them (gen 2, 3).
    assert kept == ["gen-000002", "gen-000003", "gen-000004"]
    assert result.pruned == ["gen-000001"]
    assert sorted(p.name for p in installed.paths.packages.iterdir()) == kept
    assert status(installed.paths).live_version == 4


@pytest.mark.parametrize("version", [1, 0])
def test_older_or_equal_version_is_refused(installed: Kiosk, version: int) -> None:
    before = installed.snapshot()
    package = make_package(installed.tmp, installed.keys, max(version, 1), name="again")
    if version == 0:
        info = package / "bag-info.txt"
        info.write_text(info.read_text().replace("Package-Version: 1", "Package-Version: 0"))
    result = installed.import_(package)
    assert not result.report.ok
    assert result.report.errors[0].file == "bag-info.txt"
    _assert_nothing_changed(installed, before)


def test_equal_version_message_names_both_versions(installed: Kiosk) -> None:
    result = installed.import_(make_package(installed.tmp, installed.keys, 1, name="same"))
    assert ("This package is version 1, but version 1 is already installed"
            in result.report.errors[0].message)
    assert result.message() == ("The package was not imported (1 error, 0 warnings); "
                                "nothing was changed.")


def _hostile_zips(tmp: Path) -> dict[str, tuple[Path, str]]:
    with pytest.warns(UserWarning):
        duplicate = zip_with(tmp / "dup.zip", [("bagit.txt", b"a"), ("bagit.txt", b"b")])
    return {
        "zip-slip": (zip_with(tmp / "slip.zip", [("bagit.txt", b"x"),
                                                 ("data/../../../escape.txt", b"x")]),
                     "data/../../../escape.txt"),
        "absolute": (zip_with(tmp / "abs.zip", [("/tmp/khojaly-escape.txt", b"x")]),
                     "/tmp/khojaly-escape.txt"),
        "symlink": (symlink_zip(tmp / "link.zip"), "data/link"),
        "duplicate": (duplicate, "bagit.txt"),
        "zip-bomb": (zip_with(tmp / "bomb.zip", [("data/z.bin", b"\0" * (16 << 20))]),
                     "data/z.bin"),
        "device": (zip_with(tmp / "dev.zip", [("data/dev", b"")], mode=stat.S_IFCHR | 0o644),
                   "data/dev"),
    }


@pytest.mark.parametrize("case", ["zip-slip", "absolute", "symlink", "duplicate", "zip-bomb",
                                  "device"])
def test_hostile_zip_is_refused_and_nothing_escapes(installed: Kiosk, case: str) -> None:
    before = installed.snapshot()
    outside_before = files_under(installed.tmp)
    (installed.tmp / "zips").mkdir()
    zip_path, member = _hostile_zips(installed.tmp / "zips")[case]
    result = installed.import_(zip_path)
    assert not result.report.ok
    assert result.report.errors[0].file == member
    _assert_nothing_changed(installed, before)
    assert not Path("/tmp/khojaly-escape.txt").exists()
    new_files = files_under(installed.tmp) - outside_before
    assert all(p.startswith("zips") for p in new_files), new_files


@pytest.mark.skipif(os.name != "posix", reason="hard links need POSIX")
def test_hard_link_in_a_folder_package_is_refused(installed: Kiosk) -> None:
    package = make_package(installed.tmp, installed.keys, 2)
    os.link(package / "data" / "names.csv", installed.tmp / "names-hardlink.csv")
    before = installed.snapshot()
    result = installed.import_(package)
    assert [p.file for p in result.report.errors] == ["data/names.csv"]
    assert "hard link" in result.report.errors[0].message
    _assert_nothing_changed(installed, before)


@pytest.mark.parametrize("damage", ["tampered", "added", "missing", "unsigned", "bad-sig",
                                    "untrusted"])
def test_damaged_or_foreign_package_is_refused(installed: Kiosk, damage: str) -> None:
    package = make_package(installed.tmp, installed.keys, 2, image=jpeg_bytes())
    expected = {"tampered": "data/names.csv", "added": "data/new.csv",
                "missing": "data/media/place.jpg"}.get(damage, SIGNATURE_FILE)
    if damage == "tampered":
        (package / "data" / "names.csv").write_text("name\nTest Other\n")
    elif damage == "added":
        (package / "data" / "new.csv").write_text("x\n")
    elif damage == "missing":
        (package / "data" / "media" / "place.jpg").unlink()
    elif damage == "unsigned":
        (package / SIGNATURE_FILE).unlink()
    elif damage == "bad-sig":
        signature = bytearray((package / SIGNATURE_FILE).read_bytes())
        signature[0] ^= 0xFF
        (package / SIGNATURE_FILE).write_bytes(bytes(signature))
    else:
        stranger = make_keys(installed.tmp / "stranger")
        shutil.rmtree(package)
        package = make_package(installed.tmp / "stranger", stranger, 2)
    before = installed.snapshot()
    result = installed.import_(package)
    assert [p.file for p in result.report.errors] == [expected]
    _assert_nothing_changed(installed, before)


@pytest.mark.parametrize(("image", "message"), [
    (png_claiming(20_000, 20_000), "decompression bomb"),
    (jpeg_bytes((400, 300))[:300], "damaged or truncated"),
])
def test_bad_image_is_refused_and_its_generation_removed(installed: Kiosk, image: bytes,
                                                         message: str) -> None:
    package = make_package(installed.tmp, installed.keys, 2, image=b"placeholder")
    (package / "data" / "media" / "place.jpg").write_bytes(image)
    resign(package, installed.keys)
    before = installed.snapshot()
    result = installed.import_(package)
    assert [p.file for p in result.report.errors] == ["media/place.jpg"]
    assert message in result.report.errors[0].message
    _assert_nothing_changed(installed, before)


def test_empty_and_missing_packages_are_refused(installed: Kiosk) -> None:
    before = installed.snapshot()
    (installed.tmp / "empty").mkdir()
    empty = installed.import_(installed.tmp / "empty")
    assert "not a content package" in empty.report.errors[0].message
    missing = installed.import_(installed.tmp / "absent.zip")
    assert "does not exist" in missing.report.errors[0].message
    _assert_nothing_changed(installed, before)


def test_full_disk_is_refused_before_copying(installed: Kiosk,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    package = make_package(installed.tmp, installed.keys, 2, zip=True)
    before = installed.snapshot()
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: SimpleNamespace(free=10_000))
    result = installed.import_(package)
    assert "64 MB that always stays free" in result.report.errors[0].message
    _assert_nothing_changed(installed, before)


def test_disk_full_while_building_leaves_the_old_archive(installed: Kiosk,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import khojaly_kiosk.content.archive_writer as archive_writer

    def full_disk(*_args: object, **_kwargs: object) -> dict[str, int]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive_writer, "write_archive", full_disk)
    before = installed.snapshot()
    result = installed.import_(make_package(installed.tmp, installed.keys, 2))
    (problem,) = result.report.errors
    assert problem.message.startswith("The kiosk's disk filled up while the new archive was "
                                      "written (")
    assert "64 MB must always stay free" in problem.message
    _assert_nothing_changed(installed, before)


# ---- keys, rollback, status --------------------------------------------------------------


def test_demo_key_is_trusted_only_in_demo_mode(kiosk: Kiosk) -> None:
    private, public = demo_key_paths(kiosk.paths)
    demo_hex = generate_keypair(private, public)
    assert demo_hex not in trusted_keys(kiosk.paths, kiosk.settings)
    assert demo_hex in trusted_keys(kiosk.paths, kiosk.settings.with_(demo_mode=True))
    assert kiosk.keys.public_hex in trusted_keys(kiosk.paths, kiosk.settings)


def test_demo_signed_package_is_refused_outside_demo_mode(kiosk: Kiosk) -> None:
    private, public = demo_key_paths(kiosk.paths)
    generate_keypair(private, public)
    demo_keys = Keys(private, public, "")
    package = make_package(kiosk.tmp, demo_keys, 1)
    refused = kiosk.import_(package)
    assert refused.report.errors[0].file == SIGNATURE_FILE
    accepted = import_package(package, kiosk.paths, kiosk.settings.with_(demo_mode=True))
    assert accepted.report.ok, accepted.report.to_text()
    # A real package replaces the demo archive whatever its version.
    real = kiosk.import_(make_package(kiosk.tmp, kiosk.keys, 1, name="real"))
    assert real.report.ok, real.report.to_text()


def test_rollback_to_previous_and_to_a_named_version(installed: Kiosk) -> None:
    assert installed.import_(make_package(installed.tmp, installed.keys, 2)).report.ok
    message = rollback(installed.paths)
    assert message.startswith("Package version 1 (gen-000001) is live again")
    assert installed_version(installed.paths) == 1
    assert "is live again" in rollback(installed.paths, to_version=2)
    assert installed_version(installed.paths) == 2
    assert "already live" in rollback(installed.paths, to_version=2)
    with pytest.raises(InvalidInput, match="No kept generation holds package version 7"):
        rollback(installed.paths, to_version=7)


def test_rollback_with_nothing_earlier_is_a_clear_error(installed: Kiosk) -> None:
    with pytest.raises(InvalidInput, match="no earlier archive generation"):
        rollback(installed.paths)


def test_status_lists_kept_generations(installed: Kiosk) -> None:
    current = status(installed.paths)
    assert current.live == "gen-000001"
    assert current.generations[0].has_package
    assert "package version 1" in current.to_text()
    assert status(DataPaths(installed.tmp / "nothing")).to_text() == "No archive is live."


# ---- the demo archive --------------------------------------------------------------------


def test_demo_archive_is_built_once_through_the_pipeline(tmp_path: Path) -> None:
    from khojaly_kiosk.content.pipeline import ensure_demo_archive
    from khojaly_kiosk.resources import db_path

    if not (db_path("demo") / "package.toml").is_file():
        pytest.skip("no demo content in db/demo yet")
    paths = DataPaths(tmp_path / "demo-data").ensure()
    settings = load_settings(paths.root, environ={}, demo_mode=True)
    live = ensure_demo_archive(paths, settings)
    assert live is not None
    try:
        assert live.repos.summary().counts["sources"] > 0
    finally:
        live.close()
    private, _public = demo_key_paths(paths)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert (paths.packages / live.name / "bagit.txt").is_file()
    again = ensure_demo_archive(paths, settings)
    assert again is not None and again.name == live.name  # not rebuilt
    again.close()
    assert list(paths.cache.iterdir()) == []


def test_no_demo_archive_outside_demo_mode(kiosk: Kiosk) -> None:
    from khojaly_kiosk.content.pipeline import ensure_demo_archive

    assert ensure_demo_archive(kiosk.paths, kiosk.settings) is None
    assert GenerationStore(kiosk.paths.archives).current() is None


VIDEO = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"synthetic frames" * 4000


def _video_package(kiosk: Kiosk) -> Path:
    src = write_content(kiosk.tmp / "src-video", image=jpeg_bytes())
    (src / "media" / "clip.mp4").write_bytes(VIDEO)
    with (src / "monuments.csv").open("a", encoding="utf-8") as handle:
        handle.write("test-clip,Test Place 2,Test Country,2001,A synthetic clip,"
                     "media/clip.mp4,,synthetic-source-1\n")
    return build_package(src, kiosk.tmp / "package-video", private_key=kiosk.keys.private,
                         version=1, source_org="Synthetic Test Organisation")


def _live_clip(kiosk: Kiosk) -> Path:
    clips = list((kiosk.live_db().parent / MEDIA_DIRNAME).glob("*.mp4"))
    assert len(clips) == 1
    return clips[0]


def test_video_is_linked_into_the_generation_and_no_byte_is_hashed_twice(
        kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    reread: list[str] = []
    real_bag, real_check = bag.sha256_file, integrity._sha256
    monkeypatch.setattr(bag, "sha256_file", lambda p: (reread.append(p.name), real_bag(p))[1])
    monkeypatch.setattr(integrity, "_sha256",
                        lambda p: (reread.append(p.name), real_check(p))[1])
    result = kiosk.import_(_video_package(kiosk))
    assert result.report.ok, result.report.to_text()
    assert reread == []
    kept = kiosk.paths.packages / result.generation / "data" / "media" / "clip.mp4"
    assert _live_clip(kiosk).samefile(kept)
    assert _live_clip(kiosk).read_bytes() == VIDEO
    generation = kiosk.live_db().parent
    assert check_archive(generation / DB_FILENAME, generation / MEDIA_DIRNAME).ok  # real hashes


def test_every_file_of_the_generation_is_flushed_before_the_switch(
        kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    flushed: set[Path] = set()
    real_fsync = fixity_module.fsync_path

    def spy(path: Path) -> None:
        real_fsync(path)
        flushed.add(Path(path))

    monkeypatch.setattr(fixity_module, "fsync_path", spy)
    monkeypatch.setattr(install, "fsync_path", spy)
    at_switch: set[Path] = set()
    real_switch = GenerationStore.switch

    def switch(store: GenerationStore, name: str) -> None:
        at_switch.update(flushed)
        real_switch(store, name)

    monkeypatch.setattr(GenerationStore, "switch", switch)
    result = kiosk.import_(_video_package(kiosk))
    assert result.report.ok, result.report.to_text()
    generation = kiosk.live_db().parent
    media = set((generation / MEDIA_DIRNAME).rglob("*"))
    assert len(media) == 4  # the photo, thumbs/ and its thumbnail, the clip
    assert media | {generation / MEDIA_DIRNAME, generation / "import.json",
                    generation / "archive.building.sqlite", generation} <= at_switch


def test_a_disk_that_cannot_link_gets_a_copy(kiosk: Kiosk,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def cross_device(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)
    result = kiosk.import_(_video_package(kiosk))
    assert result.report.ok, result.report.to_text()
    kept = kiosk.paths.packages / result.generation / "data" / "media" / "clip.mp4"
    assert not _live_clip(kiosk).samefile(kept)
    assert _live_clip(kiosk).read_bytes() == VIDEO
    generation = kiosk.live_db().parent
    assert check_archive(generation / DB_FILENAME, generation / MEDIA_DIRNAME).ok


def test_a_stick_pulled_after_staging_does_not_matter(kiosk: Kiosk,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    package = _video_package(kiosk)

    def pull_stick(name: str) -> None:
        if name == "staged":
            shutil.rmtree(package)

    monkeypatch.setattr(install, "checkpoint", pull_stick)
    result = kiosk.import_(package)
    assert result.report.ok, result.report.to_text()
    assert not package.exists()
    assert _live_clip(kiosk).read_bytes() == VIDEO


def test_a_row_changed_on_the_disk_after_the_import_is_damage(installed: Kiosk) -> None:
    # Found by the corrupt torture suite: one letter of a name changed inside a published
    # archive.sqlite passes SQLite's quick and integrity checks; the SHA-256 recorded beside
    # the file when it was published does not.
    result = installed.import_(make_package(installed.tmp, installed.keys, 2))
    assert result.report.ok, result.report.to_text()
    db = installed.paths.archives / "gen-000002" / DB_FILENAME
    assert integrity.assess(db).state == "ok"
    data = bytearray(db.read_bytes())
    at = data.find(b"Synthetic")
    assert at > 0
    data[at] = ord("s")
    db.write_bytes(bytes(data))
    found = integrity.assess(db)
    assert (found.state, found.readable) == ("damaged", False)
    assert "has changed on the disk since it was built" in found.problem
    assert not check_archive(db).ok
    live = GenerationStore(installed.paths.archives).open_live()
    try:
        assert (live.name, live.fell_back_from) == ("gen-000001", "gen-000002")
        assert "changed on the disk" in live.fallback_reason
    finally:
        live.close()
