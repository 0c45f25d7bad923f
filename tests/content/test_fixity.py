"""Digests taken while writing, valid only while the file is unchanged; background fsync."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from khojaly_kiosk.content import fixity as fixity_module
from khojaly_kiosk.content.fixity import Fixity, Syncer, copy_hashing, fsync_tree, sha256_file

DATA = b"synthetic media bytes " * 1000


def _recorded(tmp_path: Path) -> tuple[Fixity, Path, str]:
    path = tmp_path / "clip.mp4"
    path.write_bytes(DATA)
    digest = hashlib.sha256(DATA).hexdigest()
    fixity = Fixity()
    fixity.record(path, digest)
    return fixity, path, digest


def test_digest_is_given_while_the_file_is_unchanged_and_by_any_name(tmp_path: Path) -> None:
    fixity, path, digest = _recorded(tmp_path)
    assert fixity.digest(path) == digest
    os.link(path, tmp_path / "linked.mp4")  # same inode, same bytes: the digest holds
    assert fixity.digest(tmp_path / "linked.mp4") == digest
    assert fixity.digest(tmp_path / "unknown.mp4") is None


def test_a_rewritten_or_replaced_file_must_be_hashed_again(tmp_path: Path) -> None:
    fixity, path, _digest = _recorded(tmp_path)
    path.write_bytes(DATA + b"x")
    assert fixity.digest(path) is None
    fixity, path, _digest = _recorded(tmp_path)
    other = tmp_path / "other.mp4"
    other.write_bytes(DATA)
    os.replace(other, path)  # same bytes and size, but not the file that was hashed
    assert fixity.digest(path) is None


def test_same_size_rewrite_is_caught_by_its_modification_time(tmp_path: Path) -> None:
    fixity, path, _digest = _recorded(tmp_path)
    path.write_bytes(DATA[::-1])
    stamp = path.stat().st_mtime_ns
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))  # coarse clocks: make the change visible
    assert fixity.digest(path) is None


@pytest.mark.skipif(os.name != "posix", reason="symlinks need POSIX")
def test_a_symlink_to_a_known_file_gets_no_digest(tmp_path: Path) -> None:
    fixity, path, _digest = _recorded(tmp_path)
    (tmp_path / "link.mp4").symlink_to(path)
    assert fixity.digest(tmp_path / "link.mp4") is None


def test_copy_hashing_hashes_exactly_what_it_writes_and_can_be_stopped() -> None:
    data = os.urandom(fixity_module.CHUNK + 12345)  # more than one chunk
    out = io.BytesIO()
    digest, size = copy_hashing(io.BytesIO(data), out)
    assert (digest, size, out.getvalue()) == (hashlib.sha256(data).hexdigest(), len(data), data)

    def stop(copied: int) -> None:
        if copied > fixity_module.CHUNK:
            raise ValueError("too much")

    with pytest.raises(ValueError, match="too much"):
        copy_hashing(io.BytesIO(data), io.BytesIO(), stop)


def test_sha256_file(tmp_path: Path) -> None:
    _fixity, path, digest = _recorded(tmp_path)
    assert sha256_file(path) == digest


def test_syncer_flushes_every_submitted_file_and_reports_a_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flushed: list[Path] = []
    real = fixity_module.fsync_path
    monkeypatch.setattr(fixity_module, "fsync_path", lambda p: (real(p), flushed.append(p)))
    files = [tmp_path / f"f{i}" for i in range(3)]
    with Syncer() as syncer:
        for path in files:
            path.write_bytes(b"x")
            syncer.submit(path)
        syncer.close()
    assert flushed == files
    with Syncer() as syncer:
        syncer.submit(tmp_path / "vanished")
        with pytest.raises(FileNotFoundError):
            syncer.close()


def test_fsync_tree_flushes_files_and_folders(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "media" / "thumbs").mkdir(parents=True)
    (tmp_path / "media" / "a.jpg").write_bytes(b"a")
    (tmp_path / "media" / "thumbs" / "a.jpg").write_bytes(b"t")
    flushed: list[str] = []
    monkeypatch.setattr(fixity_module, "fsync_path",
                        lambda p: flushed.append(p.relative_to(tmp_path).as_posix()))
    fsync_tree(tmp_path / "media")
    assert sorted(flushed) == ["media", "media/a.jpg", "media/thumbs", "media/thumbs/a.jpg"]
