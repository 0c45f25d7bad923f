"""content/package.py: building signed packages and verifying them; every tampering is named."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import bagit
import pytest

from khojaly_kiosk.content.fixity import Fixity
from khojaly_kiosk.content.package import PackageRefused, build_package, verify_bag, verify_package
from khojaly_kiosk.content.trust import bag
from khojaly_kiosk.content.trust.extract import copy_folder
from khojaly_kiosk.content.trust.signing import SIGNATURE_FILE
from khojaly_kiosk.errors import InvalidInput
from tests.support.content.packages import (
    Keys,
    files_under,
    jpeg_bytes,
    make_keys,
    make_package,
    write_content,
    zip_with,
)


@pytest.fixture
def keys(tmp_path: Path) -> Keys:
    return make_keys(tmp_path / "keys")


def _errors(result_report: object) -> list[tuple[str, str]]:
    return [(p.file, p.message) for p in result_report.errors]  # type: ignore[attr-defined]


def test_built_package_is_a_valid_signed_bag(tmp_path: Path, keys: Keys) -> None:
    package = make_package(tmp_path, keys, version=4, image=jpeg_bytes())
    assert bagit.Bag(str(package)).is_valid()  # the signature file does not break the bag
    assert (package / SIGNATURE_FILE).stat().st_size == 64
    assert SIGNATURE_FILE not in (package / "tagmanifest-sha256.txt").read_text()
    info = (package / "bag-info.txt").read_text()
    for line in ("Package-Version: 4", "Exhibition-Id: synthetic-exhibition",
                 "Package-Title: Synthetic Test Exhibition",
                 "Source-Organization: Synthetic Test Organisation", "Bagging-Date: "):
        assert line in info
    assert "manifest-md5.txt" not in files_under(package)
    result = verify_package(package, [keys.public_hex])
    assert result.report.ok, result.report.to_text()
    assert (result.info.version, result.info.exhibition_id) == (4, "synthetic-exhibition")
    assert result.key_id == keys.public_hex


def test_zipped_package_verifies_and_leaves_no_temp_files(tmp_path: Path, keys: Keys) -> None:
    package = make_package(tmp_path, keys, version=2, zip=True)
    assert package.suffix == ".zip"
    with zipfile.ZipFile(package) as archive:
        assert "bagit.txt" in archive.namelist()
    result = verify_package(package, [keys.public_hex])
    assert result.report.ok, result.report.to_text()
    assert result.info.version == 2
    assert result.bundle is None  # its files were in a temporary folder, now removed


def test_build_refuses_invalid_content_with_the_report(tmp_path: Path, keys: Keys) -> None:
    src = write_content(tmp_path / "src")
    (src / "package.toml").unlink()
    with pytest.raises(PackageRefused) as err:
        build_package(src, tmp_path / "out", keys.private, version=1)
    assert any(p.file == "package.toml" for p in err.value.report.errors)
    assert "no package was written" in err.value.message
    assert not (tmp_path / "out").exists()


def test_build_refuses_to_overwrite_and_bad_versions(tmp_path: Path, keys: Keys) -> None:
    src = write_content(tmp_path / "src")
    (tmp_path / "out").mkdir()
    with pytest.raises(InvalidInput, match="already exists"):
        build_package(src, tmp_path / "out", keys.private, version=1)
    for bad in (0, 10**20, 1_000_000_000):
        with pytest.raises(InvalidInput, match="not a whole number from 1 to 999,999,999"):
            build_package(src, tmp_path / "out2", keys.private, version=bad)
    assert not (tmp_path / "out2").exists()
    assert files_under(src) == {"package.toml", "sources.toml", "names.csv",
                                "statistics.toml"}  # the source folder is left as it was


def test_tampered_file_is_named(tmp_path: Path, keys: Keys) -> None:
    package = make_package(tmp_path, keys)
    with (package / "data" / "names.csv").open("a") as handle:
        handle.write("Test Intruder,1,,synthetic-source-1\n")
    errors = _errors(verify_package(package, [keys.public_hex]).report)
    assert errors[0][0] == "data/names.csv"
    assert "changed since the package was signed" in errors[0][1]


def test_added_and_missing_files_are_named(tmp_path: Path, keys: Keys) -> None:
    package = make_package(tmp_path, keys, image=jpeg_bytes())
    (package / "data" / "extra.csv").write_text("x\n")
    (package / "data" / "media" / "place.jpg").unlink()
    errors = dict(_errors(verify_package(package, [keys.public_hex]).report))
    assert "missing from the package" in errors["data/media/place.jpg"]
    assert "added after the package was signed" in errors["data/extra.csv"]


def test_tampered_bag_info_is_caught_by_the_tag_manifest(tmp_path: Path, keys: Keys) -> None:
    package = make_package(tmp_path, keys, version=1)
    info = package / "bag-info.txt"
    info.write_text(info.read_text().replace("Package-Version: 1", "Package-Version: 99"))
    errors = _errors(verify_package(package, [keys.public_hex]).report)
    assert errors == [("bag-info.txt", "The file bag-info.txt has changed since the package "
                       "was signed.")]


def test_re_hashed_tag_manifest_breaks_the_signature(tmp_path: Path, keys: Keys) -> None:
    package = make_package(tmp_path, keys, version=1)
    info = package / "bag-info.txt"
    info.write_text(info.read_text().replace("Package-Version: 1", "Package-Version: 99"))
    manifest = package / "tagmanifest-sha256.txt"
    digest = hashlib.sha256(info.read_bytes()).hexdigest()
    lines = [f"{digest} bag-info.txt" if line.endswith(" bag-info.txt") else line
             for line in manifest.read_text().splitlines()]
    manifest.write_text("\n".join(lines) + "\n")
    errors = _errors(verify_package(package, [keys.public_hex]).report)
    assert errors[0][0] == SIGNATURE_FILE
    assert "does not match any key" in errors[0][1]


def test_missing_signature_and_untrusted_key(tmp_path: Path, keys: Keys) -> None:
    package = make_package(tmp_path, keys)
    other = make_keys(tmp_path / "other", "stranger")
    untrusted = _errors(verify_package(package, [other.public_hex]).report)
    assert untrusted[0][0] == SIGNATURE_FILE
    assert "does not match any key this kiosk trusts" in untrusted[0][1]
    (package / SIGNATURE_FILE).unlink()
    unsigned = _errors(verify_package(package, [keys.public_hex]).report)
    assert unsigned == [(SIGNATURE_FILE, f"The package is not signed: it has no "
                         f"{SIGNATURE_FILE} file.")]


def test_unexpected_top_level_file_is_refused(tmp_path: Path, keys: Keys) -> None:
    package = make_package(tmp_path, keys)
    (package / "fetch.txt").write_text("http://example.invalid/x 1 data/x\n")
    errors = _errors(verify_package(package, [keys.public_hex]).report)
    assert errors[0][0] == "fetch.txt"


def test_empty_folder_and_empty_zip_are_not_packages(tmp_path: Path, keys: Keys) -> None:
    (tmp_path / "empty").mkdir()
    folder = _errors(verify_package(tmp_path / "empty", [keys.public_hex]).report)
    assert "not a content package" in folder[0][1]
    zip_path = zip_with(tmp_path / "empty.zip", [])
    assert "not a content package" in _errors(
        verify_package(zip_path, [keys.public_hex]).report)[0][1]


def test_hostile_zip_is_refused_before_anything_else(tmp_path: Path, keys: Keys) -> None:
    zip_path = zip_with(tmp_path / "slip.zip", [("bagit.txt", b"x"), ("../../slip.txt", b"x")])
    errors = _errors(verify_package(zip_path, [keys.public_hex]).report)
    assert errors[0][0] == "../../slip.txt"
    assert not (tmp_path / "slip.txt").exists()
    assert not any(tmp_path.parent.glob("slip.txt"))


def test_bag_info_with_bad_version_is_reported(tmp_path: Path, keys: Keys) -> None:
    # A curator-side mistake signed as such: the signature is fine, the field is not.
    src = write_content(tmp_path / "src")
    package = build_package(src, tmp_path / "pkg", keys.private, version=3)
    info = package / "bag-info.txt"
    info.write_text(info.read_text().replace("Package-Version: 3", "Package-Version: three"))
    (package / SIGNATURE_FILE).unlink()
    # Rewrite the tag manifest, then sign it again as a curator would.
    bagit.Bag(str(package)).save()
    from khojaly_kiosk.content.trust.signing import sign_file

    (package / SIGNATURE_FILE).write_bytes(
        sign_file(package / "tagmanifest-sha256.txt", keys.private))
    errors = _errors(verify_package(package, [keys.public_hex]).report)
    assert errors == [("bag-info.txt", "Package-Version 'three' is not a whole number "
                       "from 1 to 999,999,999.")]


def test_build_refuses_an_exhibition_id_that_contradicts_package_toml(
        tmp_path: Path, keys: Keys) -> None:
    src = write_content(tmp_path / "src")
    with pytest.raises(InvalidInput, match="differs from 'synthetic-exhibition'"):
        build_package(src, tmp_path / "out", keys.private, version=1,
                      exhibition_id="another-exhibition")
    assert not (tmp_path / "out").exists()


def test_a_missing_path_is_named_as_missing(tmp_path: Path) -> None:
    from khojaly_kiosk.content.package import verify_package

    result = verify_package(tmp_path / "gone", trusted_keys=())
    assert not result.report.ok
    assert "There is no file or folder at" in result.report.to_text()


def _staged(tmp_path: Path, keys: Keys) -> tuple[Path, Fixity]:
    package = make_package(tmp_path, keys, 1, image=jpeg_bytes())
    fixity = Fixity()
    assert copy_folder(package, tmp_path / "staging", fixity=fixity) == []
    return tmp_path / "staging", fixity


def test_digests_taken_while_staging_are_not_computed_again(
        tmp_path: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    staged, fixity = _staged(tmp_path, keys)
    hashed: list[str] = []
    real = bag.sha256_file
    monkeypatch.setattr(bag, "sha256_file", lambda p: (hashed.append(p.name), real(p))[1])
    result = verify_bag(staged, [keys.public_hex], fixity=fixity)
    assert result.report.ok, result.report.to_text()
    assert hashed == []
    assert verify_bag(staged, [keys.public_hex]).report.ok  # without digests: all read
    assert "place.jpg" in hashed


def test_a_staged_file_changed_after_staging_is_hashed_again_and_refused(
        tmp_path: Path, keys: Keys) -> None:
    staged, fixity = _staged(tmp_path, keys)
    (staged / "data" / "names.csv").write_text("name\nTampered Name\n", encoding="utf-8")
    result = verify_bag(staged, [keys.public_hex], fixity=fixity)
    assert _errors(result.report) == [
        ("data/names.csv", "The file data/names.csv has changed since the package was "
         "signed.")]


def test_a_file_changed_on_the_stick_before_staging_is_refused(tmp_path: Path,
                                                               keys: Keys) -> None:
    package = make_package(tmp_path, keys, 1, image=jpeg_bytes())
    (package / "data" / "media" / "place.jpg").write_bytes(jpeg_bytes(color=(1, 2, 3)))
    fixity = Fixity()
    assert copy_folder(package, tmp_path / "staging", fixity=fixity) == []
    result = verify_bag(tmp_path / "staging", [keys.public_hex], fixity=fixity)
    assert [file for file, _message in _errors(result.report)] == ["data/media/place.jpg"]


# ---- what a package never takes or carries ---------------------------------------------------


def test_a_link_out_of_the_folder_is_refused_before_anything_is_read(tmp_path: Path,
                                                                     keys: Keys) -> None:
    src = write_content(tmp_path / "src")
    secret = tmp_path / "secret.csv"
    secret.write_text("name\nNot for any package\n", encoding="utf-8")
    (src / "names.csv").unlink()
    (src / "names.csv").symlink_to(secret)
    (src / "media").mkdir()
    (src / "media" / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    (src / "media" / "gone.jpg").symlink_to(tmp_path / "missing.jpg")
    os.mkfifo(src / "pipe")
    with pytest.raises(PackageRefused) as refused:
        build_package(src, tmp_path / "out", keys.private, version=1)
    errors = dict(_errors(refused.value.report))
    assert set(errors) == {"names.csv", "media/elsewhere", "media/gone.jpg", "pipe"}
    assert "outside the content folder" in errors["names.csv"]
    assert "does not exist" in errors["media/gone.jpg"]
    assert "special file" in errors["pipe"]
    assert not (tmp_path / "out").exists()


def test_a_link_to_a_file_inside_the_folder_is_packed_as_a_plain_copy(tmp_path: Path,
                                                                      keys: Keys) -> None:
    src = write_content(tmp_path / "src")
    (src / "originals").mkdir()
    (src / "names.csv").rename(src / "originals" / "names.csv")
    (src / "names.csv").symlink_to(src / "originals" / "names.csv")
    package = build_package(src, tmp_path / "out", keys.private, version=1)
    assert not (package / "data" / "names.csv").is_symlink()
    assert verify_package(package, [keys.public_hex]).report.ok


def test_a_decompression_bomb_is_refused_by_build_and_by_verify(tmp_path: Path,
                                                                keys: Keys) -> None:
    from tests.support.content.kiosks import resign
    from tests.support.content.packages import png_claiming

    src = write_content(tmp_path / "src", image=png_claiming(20_000, 20_000))
    with pytest.raises(PackageRefused) as refused:
        build_package(src, tmp_path / "out", keys.private, version=1)
    (problem,) = refused.value.report.errors
    assert problem.file == "media/place.jpg"
    assert "20,000 x 20,000 pixels (400 million)" in problem.message
    package = make_package(tmp_path, keys, 2, image=jpeg_bytes())
    (package / "data" / "media" / "place.jpg").write_bytes(png_claiming(20_000, 20_000))
    resign(package, keys)
    errors = _errors(verify_package(package, [keys.public_hex]).report)
    assert [file for file, _message in errors] == ["media/place.jpg"]


def test_verifying_a_zip_unpacks_only_inside_the_data_folder(tmp_path: Path, keys: Keys,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tempfile

    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    package = make_package(tmp_path, keys, 1, zip=True)
    data_tmp = tmp_path / "data" / "tmp"
    seen: list[Path] = []

    def watching(stage: str, done: int, total: int) -> None:
        seen.extend(data_tmp.glob("verify-*"))

    result = verify_package(package, [keys.public_hex], progress=watching, tmp_root=data_tmp)
    assert result.report.ok, result.report.to_text()
    assert seen and all(path.parent == data_tmp for path in seen)  # unpacked there...
    assert not data_tmp.exists()  # ...and gone, with the tmp folder it created
    assert list(system_tmp.iterdir()) == []
