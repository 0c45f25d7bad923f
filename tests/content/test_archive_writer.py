"""content/archive_writer.py: a bundle read from a folder becomes a new archive file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content import archive_writer
from khojaly_kiosk.content.archive_writer import write_archive
from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.fixity import Fixity
from khojaly_kiosk.content.readers.folder import read_content_folder
from khojaly_kiosk.errors import InvalidInput
from tests.support.content.folders import good_folder, jpeg_bytes

DEMO = Path(__file__).resolve().parents[2] / "db" / "demo"


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_loaded_folder_builds_with_matching_counts(tmp_path: Path) -> None:
    bundle, report = read_content_folder(good_folder(tmp_path))
    assert report.ok
    db, media = tmp_path / "gen" / "archive.sqlite", tmp_path / "gen" / "media"
    counts = write_archive(bundle, db, media)
    for key, value in bundle.counts().items():
        assert counts[key] == value, key
    assert counts["persons"] == 2 and counts["segments"] == 9
    assert rows(db, "SELECT count(*) FROM testimony_segment WHERE testimony_id='duarte-oh0344'"
                ) == [(7,)]
    meta = dict(rows(db, "SELECT key, value FROM archive_meta"))
    assert meta["title"] == "Synthetic Test Exhibition"
    assert meta["exhibition_id"] == "synthetic-exhibition"
    assert meta["package_version"] == "3" and meta["schema_version"] == str(m.SCHEMA_VERSION)
    assert meta["language"] == "en" and meta["built_at"].endswith("Z")
    # Search keys are filled and the file is sound.
    assert rows(db, "SELECT folded FROM name WHERE name LIKE 'T_st N_me 2'") == [("test neme 2",)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "PRAGMA foreign_key_check") == []
    # The media file is copied verbatim.
    copied = media / "photo.jpg"
    assert copied.read_bytes() == (bundle.media[0].file).read_bytes()
    assert rows(db, "SELECT id, path, sha256 FROM media_asset") == [
        ("photo-jpg", "photo.jpg", hashlib.sha256(jpeg_bytes()).hexdigest())]
    # Empty optional values are stored as "", not NULL.
    assert rows(db, "SELECT count(*) FROM timeline_event WHERE end_time IS NULL") == [(0,)]


def test_existing_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "archive.sqlite"
    db.write_bytes(b"old")
    with pytest.raises(InvalidInput, match="already exists"):
        write_archive(ContentBundle(), db)
    assert db.read_bytes() == b"old"


def test_empty_bundle_builds_and_media_dir_is_optional(tmp_path: Path) -> None:
    counts = write_archive(ContentBundle(), tmp_path / "a.sqlite")
    assert set(counts.values()) == {0}


def test_broken_bundle_leaves_no_file(tmp_path: Path) -> None:
    bundle = ContentBundle()
    bundle.testimonies.append(m.Testimony(id="t", body="b", source_id="no-such-source"))
    db = tmp_path / "a.sqlite"
    with pytest.raises(InvalidInput, match="breaks a rule"):
        write_archive(bundle, db)
    assert not db.exists() and not Path(f"{db}-wal").exists()


def test_existing_derivative_with_same_hash_is_kept(tmp_path: Path) -> None:
    bundle, _ = read_content_folder(good_folder(tmp_path))
    media = tmp_path / "media"
    media.mkdir()
    (media / "photo.jpg").write_bytes(b"derivative")
    bundle.media[0].asset.sha256 = hashlib.sha256(b"derivative").hexdigest()
    write_archive(bundle, tmp_path / "a.sqlite", media)
    assert (media / "photo.jpg").read_bytes() == b"derivative"


@pytest.mark.skipif(not (DEMO / "package.toml").is_file(), reason="db/demo not written yet")
def test_demo_folder_builds(tmp_path: Path) -> None:
    bundle, report = read_content_folder(DEMO)
    assert report.ok, report.to_text()
    counts = write_archive(bundle, tmp_path / "archive.sqlite", tmp_path / "media")
    for key, value in bundle.counts().items():
        assert counts[key] == value, key
    assert rows(tmp_path / "archive.sqlite", "PRAGMA foreign_key_check") == []


def _never(path: Path) -> str:
    raise AssertionError(f"{path.name} was read again")


def test_a_written_derivative_whose_digest_is_known_is_not_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, _ = read_content_folder(good_folder(tmp_path))
    media = tmp_path / "media"
    media.mkdir()
    (media / "photo.jpg").write_bytes(b"derivative")
    digest = hashlib.sha256(b"derivative").hexdigest()
    bundle.media[0].asset.sha256 = digest
    fixity = Fixity()
    fixity.record(media / "photo.jpg", digest)
    monkeypatch.setattr(archive_writer, "sha256_file", _never)
    write_archive(bundle, tmp_path / "a.sqlite", media, known_digest=fixity.digest)
    assert (media / "photo.jpg").read_bytes() == b"derivative"


def test_a_derivative_changed_since_it_was_written_is_read_and_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, _ = read_content_folder(good_folder(tmp_path))
    media = tmp_path / "media"
    media.mkdir()
    (media / "photo.jpg").write_bytes(b"derivative")
    bundle.media[0].asset.sha256 = hashlib.sha256(b"derivative").hexdigest()
    fixity = Fixity()
    fixity.record(media / "photo.jpg", bundle.media[0].asset.sha256)
    (media / "photo.jpg").write_bytes(b"damaged after writing")
    hashed: list[str] = []
    real = archive_writer.sha256_file

    def spy(path: Path) -> str:
        hashed.append(path.name)
        return real(path)

    monkeypatch.setattr(archive_writer, "sha256_file", spy)
    write_archive(bundle, tmp_path / "a.sqlite", media, known_digest=fixity.digest)
    assert hashed == ["photo.jpg"]
    assert (media / "photo.jpg").read_bytes() == bundle.media[0].file.read_bytes()


def test_the_source_file_itself_linked_in_place_is_not_read_or_copied(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, _ = read_content_folder(good_folder(tmp_path))
    media = tmp_path / "media"
    media.mkdir()
    os.link(bundle.media[0].file, media / "photo.jpg")  # as content.media links audio/video
    monkeypatch.setattr(archive_writer, "sha256_file", _never)
    monkeypatch.setattr(archive_writer.shutil, "copyfile", None)  # any copy would fail
    write_archive(bundle, tmp_path / "a.sqlite", media)
    assert (media / "photo.jpg").samefile(bundle.media[0].file)


def test_a_copy_never_writes_through_a_hard_link_into_another_file(tmp_path: Path) -> None:
    bundle, _ = read_content_folder(good_folder(tmp_path))
    kept = tmp_path / "kept-package-file.jpg"
    kept.write_bytes(b"a file of the kept package")
    media = tmp_path / "media"
    media.mkdir()
    os.link(kept, media / "photo.jpg")  # an old link where the copy must go
    write_archive(bundle, tmp_path / "a.sqlite", media)
    assert kept.read_bytes() == b"a file of the kept package"
    assert (media / "photo.jpg").read_bytes() == bundle.media[0].file.read_bytes()
    assert not (media / "photo.jpg").samefile(kept)


def _names_folder(tmp_path: Path, rows: str) -> Path:
    folder = good_folder(tmp_path)
    (folder / "names.csv").write_text("name,age,source\n" + rows, encoding="utf-8")
    return folder


def test_streamed_names_are_written_in_batches_with_their_keys(tmp_path: Path) -> None:
    folder = _names_folder(tmp_path, "".join(f"Səvinc {i},{i % 100},synthetic-a\n"
                                             for i in range(12_345)))
    bundle, report = read_content_folder(folder, defer_streams=True)
    assert report.ok and bundle.streams["names"].count is None
    db = tmp_path / "a.sqlite"
    counts = write_archive(bundle, db, report=report)
    assert report.ok and counts["names"] == 12_345 == bundle.counts()["names"]
    assert rows(db, "SELECT name, folded, age FROM name WHERE id = 2") == [
        ("Səvinc 1", "sevinc 1", 1)]
    assert rows(db, "SELECT count(*) FROM name_rank") == [(12_345,)]
    # The journal is DELETE: a reader of the published file needs no -wal/-shm files.
    assert rows(db, "PRAGMA journal_mode") == [("delete",)]


def test_a_bad_streamed_row_found_while_writing_leaves_no_file(tmp_path: Path) -> None:
    from khojaly_kiosk.content.archive_writer import ContentRejected
    from khojaly_kiosk.content.report import ValidationReport

    folder = _names_folder(tmp_path, "Test A,1,synthetic-a\nTest B,old,synthetic-a\n")
    bundle, report = read_content_folder(folder, defer_streams=True)
    assert report.ok  # the rows were not read yet
    db = tmp_path / "a.sqlite"
    problems = ValidationReport()
    with pytest.raises(ContentRejected):
        write_archive(bundle, db, report=problems)
    assert [(p.file, p.line, p.message) for p in problems.errors] == [
        ("names.csv", 3, "The age 'old' is not a whole number.")]
    assert not db.exists()


def test_the_insert_thread_writes_every_batch_and_hands_its_error_back(tmp_path: Path) -> None:
    from khojaly_kiosk.content.archive_writer import _Inserter

    connection = sqlite3.connect(tmp_path / "t.sqlite", check_same_thread=False)
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    with _Inserter(connection.cursor(), "INSERT INTO t (v) VALUES (?)", True) as insert:
        for start in range(0, 10_000, 1000):
            insert([(str(i),) for i in range(start, start + 1000)])
    assert connection.execute("SELECT count(*) FROM t").fetchone() == (10_000,)
    with pytest.raises(sqlite3.IntegrityError), _Inserter(
            connection.cursor(), "INSERT INTO t (v) VALUES (?)", True) as insert:
        insert([("fine",)])
        insert([(None,)])  # NOT NULL: fails in the thread, raised here
        for _ in range(5):
            insert([("after",)])
    connection.close()
