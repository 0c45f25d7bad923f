"""check_archive and quick_check on good, broken and tampered archives (SYNTHETIC data)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from khojaly_kiosk.archive import integrity
from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.integrity import Assessment, assess, check_archive, quick_check
from khojaly_kiosk.archive.models import SCHEMA_VERSION


def _media_rows(media_dir: Path) -> list[m.Base]:
    media_dir.mkdir(parents=True, exist_ok=True)
    data = b"synthetic image bytes"
    (media_dir / "photo.jpg").write_bytes(data)
    return [
        m.Source(id="synthetic", kind="book", title="Synthetic test source"),
        m.MediaAsset(id="photo", path="photo.jpg", sha256=hashlib.sha256(data).hexdigest(),
                     size=len(data), source_id="synthetic"),
    ]


def test_good_archive_passes_and_counts_rows(tmp_path: Path, make_archive) -> None:
    db_path = make_archive(tmp_path, _media_rows(tmp_path / "media"))
    report = check_archive(db_path, tmp_path / "media", expected_counts={"sources": 1, "media": 1})
    assert report.ok, report.problems
    assert report.counts["sources"] == 1
    assert report.counts["media"] == 1
    assert report.media_checked == 1
    assert quick_check(db_path) is None


def test_changed_or_missing_media_is_reported(tmp_path: Path, make_archive) -> None:
    db_path = make_archive(tmp_path, _media_rows(tmp_path / "media"))
    (tmp_path / "media" / "photo.jpg").write_bytes(b"synthetic image bytez")
    report = check_archive(db_path, tmp_path / "media")
    assert not report.ok
    assert report.problems == ("Media photo (photo.jpg) does not match its SHA-256 hash.",)
    (tmp_path / "media" / "photo.jpg").unlink()
    assert check_archive(db_path, tmp_path / "media").problems == (
        "Media photo is missing its file photo.jpg.",
    )


def test_count_mismatch_is_reported(tmp_path: Path, make_archive) -> None:
    db_path = make_archive(tmp_path, [m.Name(name="Synthetic")])
    report = check_archive(db_path, expected_counts={"names": 2})
    assert report.problems == ("The archive holds 1 names where 2 were written.",)


def test_dangling_reference_is_reported(tmp_path: Path, make_archive) -> None:
    db_path = make_archive(tmp_path, [])
    connection = sqlite3.connect(db_path)  # foreign keys off: plant a broken reference
    connection.execute("INSERT INTO name (name, folded, sort_key, village, category, passage,"
                       " source_id) VALUES ('Synthetic', '', '', '', '', '', 'nowhere')")
    connection.commit()
    connection.close()
    report = check_archive(db_path)
    assert report.problems == ("Row 1 of name refers to a missing row of source.",)


def test_garbage_file_is_reported_not_raised(tmp_path: Path) -> None:
    db_path = tmp_path / "archive.sqlite"
    db_path.write_bytes(b"this is not a database" * 100)
    report = check_archive(db_path)
    assert not report.ok
    assert "cannot be read as a database" in report.problems[0]
    assert "cannot be read as a database" in (quick_check(db_path) or "")


def test_empty_sqlite_file_fails_quick_check(tmp_path: Path) -> None:
    db_path = tmp_path / "archive.sqlite"
    db_path.write_bytes(b"")  # SQLite calls an empty file a valid, empty database
    assert "does not say which archive schema" in (quick_check(db_path) or "")
    assert "does not exist" in (quick_check(tmp_path / "missing.sqlite") or "")


def test_a_digest_known_from_writing_spares_the_read_but_is_still_compared(
        tmp_path: Path, make_archive, monkeypatch) -> None:
    db_path = make_archive(tmp_path, _media_rows(tmp_path / "media"))
    right = hashlib.sha256(b"synthetic image bytes").hexdigest()

    def no_read(_path: Path) -> str:
        raise AssertionError("a file with a known digest was read again")

    monkeypatch.setattr(integrity, "_sha256", no_read)
    assert check_archive(db_path, tmp_path / "media", known_digest=lambda _p: right).ok
    report = check_archive(db_path, tmp_path / "media", known_digest=lambda _p: "0" * 64)
    assert report.problems == ("Media photo (photo.jpg) does not match its SHA-256 hash.",)


def test_a_file_without_a_known_digest_is_read_and_hashed(tmp_path: Path,
                                                          make_archive) -> None:
    db_path = make_archive(tmp_path, _media_rows(tmp_path / "media"))
    (tmp_path / "media" / "photo.jpg").write_bytes(b"synthetic image bytez")
    report = check_archive(db_path, tmp_path / "media", known_digest=lambda _p: None)
    assert report.problems == ("Media photo (photo.jpg) does not match its SHA-256 hash.",)


def _set_schema(db_path: Path, version: str) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE archive_meta SET value = ? WHERE key = 'schema_version'",
                           (version,))
    sqlite3.connect(db_path).close()


def test_a_generation_of_another_schema_is_older_or_newer_never_damaged(
        tmp_path: Path, make_archive) -> None:
    db_path = make_archive(tmp_path / "gen", [], {"title": "Synthetic"})
    assert assess(db_path) == Assessment("ok", SCHEMA_VERSION, readable=True)
    _set_schema(db_path, str(SCHEMA_VERSION + 1))
    newer = assess(db_path)
    assert (newer.state, newer.readable) == ("newer", False)
    assert "built by a newer version of the kiosk" in newer.problem
    assert quick_check(db_path) == newer.problem
    _set_schema(db_path, "0")
    older = assess(db_path)
    assert (older.state, older.schema_version, older.readable) == ("older", 0, True)
    assert quick_check(db_path) is None  # this code can still show it
    with sqlite3.connect(db_path) as connection:  # an earlier schema without a column
        connection.execute("ALTER TABLE name DROP COLUMN passage")
    older = assess(db_path)
    assert (older.state, older.readable) == ("older", False)
    assert "lacks name.passage" in older.problem


def test_a_table_missing_at_this_schema_is_damage(tmp_path: Path, make_archive) -> None:
    db_path = make_archive(tmp_path / "gen", [], {"title": "Synthetic"})
    with sqlite3.connect(db_path) as connection:
        connection.execute("DROP TABLE monument")
    found = assess(db_path)
    assert (found.state, found.readable) == ("damaged", False)
    assert "lacks monument" in found.problem


def test_a_damaged_name_that_is_not_utf8_is_reported_not_raised(tmp_path: Path) -> None:
    # Found by the corrupt torture suite: flipped bytes made SQLite quote a name that is
    # not UTF-8, and the UnicodeDecodeError stopped `status` and the kiosk's start-up.
    db = tmp_path / "archive.sqlite"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE t(x)")
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute("UPDATE sqlite_master SET name = CAST(X'74ff' AS TEXT) WHERE name='t'")
    connection.commit()
    connection.close()
    problem = quick_check(db)
    assert problem is not None and "cannot be read" in problem
    report = check_archive(db, tmp_path / "media")
    assert not report.ok


def test_a_published_file_is_checked_against_the_digest_recorded_beside_it(
        tmp_path: Path, make_archive) -> None:
    db_path = make_archive(tmp_path / "gen", [], {"title": "Synthetic"})
    assert db_path.name == "archive.sqlite"
    assert integrity.changed_bytes(db_path) is None  # built before digests were recorded
    integrity.write_digest(db_path)
    assert integrity.changed_bytes(db_path) is None
    assert assess(db_path).state == "ok"
    with sqlite3.connect(db_path) as connection:  # a change SQLite's checks cannot see
        connection.execute("UPDATE archive_meta SET value = 'Synthetik' WHERE key = 'title'")
    sqlite3.connect(db_path).close()
    assert quick_check(db_path) is not None
    assert "has changed on the disk" in assess(db_path).problem
    assert "has changed on the disk" in check_archive(db_path).problems[0]
