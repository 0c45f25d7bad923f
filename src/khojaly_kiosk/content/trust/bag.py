"""Signed BagIt bags: writing one from a folder, and checking one before its content is read.

A package is a BagIt bag (sha256 only) whose ``data/`` is a content folder, plus
``signature.ed25519``, the detached signature of ``tagmanifest-sha256.txt``. The tag
manifest pins ``bagit.txt``, ``bag-info.txt`` and ``manifest-sha256.txt``, which pins every
file of ``data/``; so one signature covers the whole package. The signature file itself is
written after the tag manifest and is therefore not listed in it. What ``data/`` says is read
by ``content.package``, not here.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import bagit
from nacl.signing import SigningKey

from khojaly_kiosk.content.bundle import PackageInfo
from khojaly_kiosk.content.fixity import Fixity, sha256_file
from khojaly_kiosk.content.progress import Progress, report
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.trust import signing
from khojaly_kiosk.content.trust.extract import find_bag_root
from khojaly_kiosk.errors import InvalidInput

TAG_MANIFEST = "tagmanifest-sha256.txt"
PINNED_TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
ALLOWED_TOP_LEVEL = {*PINNED_TAG_FILES, TAG_MANIFEST, signing.SIGNATURE_FILE, "data"}
REQUIRED_INFO = ("Package-Version", "Exhibition-Id", "Package-Title", "Source-Organization",
                 "Bagging-Date")
# Sizes checked before a tag file is read at all: a hostile stick must not make the kiosk
# read gigabytes into memory before the signature has said whether to trust anything.
TAG_FILE_CAPS = {
    "bagit.txt": 4 * 1024,
    "bag-info.txt": 64 * 1024,
    TAG_MANIFEST: 64 * 1024,
    "manifest-sha256.txt": 16 * 1024 * 1024,  # ~20,000 files with long names
    signing.SIGNATURE_FILE: signing.SIGNATURE_SIZE,
}
# Characters a bag-info value may hold ("Package-Title": shown to staff; the rest are ids).
INFO_CAPS = {"Exhibition-Id": 120, "Package-Title": 500, "Source-Organization": 500,
             "Bagging-Date": 40}  # Package-Version: see parse_version
MAX_PACKAGE_VERSION = 999_999_999
_VERSION = re.compile(r"[0-9]{1,9}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Files the curator's computer leaves behind; they are not content.
_LITTER = {"Thumbs.db", "desktop.ini", "__MACOSX"}
# Already compressed: deflating them again only costs time.
_STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".mp3", ".m4a", ".mp4", ".ogg", ".webm"}
REBUILD = "Build the package again with `khojaly-kiosk build-package`."
# bag-info.txt's names in plain words, for the people who read a refusal
_PLAIN = {"Package-Version": "its version number", "Exhibition-Id": "its exhibition id",
          "Package-Title": "its title", "Source-Organization": "who prepared it",
          "Bagging-Date": "when it was built"}


@dataclass
class BagCheck:
    """What checking a bag found. ``data`` (its content folder) is set once every file of the
    bag matched its manifest and the signature; ``info`` is read from ``bag-info.txt`` then."""

    report: ValidationReport
    info: PackageInfo
    key_id: str = ""
    data: Path | None = None


def _ignore_litter(_folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n.startswith(".") or n in _LITTER}


def write_bag(src_dir: Path, out: Path, key: SigningKey, info: dict[str, str],
              zip: bool = False) -> Path:
    """Write ``src_dir`` as a bag with ``info`` in its bag-info, signed with ``key``, at ``out``
    (a folder, or a zip); nothing is left at ``out`` when writing fails."""
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=out.parent))
    try:
        bag_dir = work / "bag"
        shutil.copytree(src_dir, bag_dir, ignore=_ignore_litter)
        bagit.make_bag(str(bag_dir), bag_info=info, checksums=["sha256"], processes=1)
        signature = key.sign((bag_dir / TAG_MANIFEST).read_bytes()).signature
        (bag_dir / signing.SIGNATURE_FILE).write_bytes(signature)
        if zip:
            partial = work / "package.zip"
            zip_folder(bag_dir, partial)
            os.replace(partial, out)
        else:
            os.replace(bag_dir, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def zip_folder(folder: Path, out: Path) -> None:
    """Zip ``folder``'s contents (paths relative to it, regular files only, sorted)."""
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(folder).as_posix()
            info = zipfile.ZipInfo.from_file(path, rel)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            stored = path.suffix.lower() in _STORED_SUFFIXES
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            with path.open("rb") as source, archive.open(info, "w") as target:
                shutil.copyfileobj(source, target, 1024 * 1024)


def _special_files(root: Path) -> list[str]:
    """Symlinks and special files anywhere in the package (never followed, never hashed)."""
    found = []
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            mode = os.lstat(os.path.join(folder, name)).st_mode
            if stat.S_ISLNK(mode) or not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                found.append(Path(folder, name).relative_to(root).as_posix())
    return found


def _refused(file: str, message: str, hint: str = REBUILD) -> BagCheck:
    result = ValidationReport()
    result.error(Where(file), message, hint)
    return BagCheck(result, PackageInfo())


def _oversized(root: Path) -> list[tuple[str, str]]:
    """Tag files larger than their cap, found from their size alone (nothing is read)."""
    found = []
    for name, cap in TAG_FILE_CAPS.items():
        try:
            size = (root / name).lstat().st_size
        except OSError:
            continue
        if size > cap:
            found.append((name, f"{name} is {size:,} bytes; a package's {name} is at most "
                          f"{cap:,} bytes, so it is not read."))
    return found


def check_bag(folder: Path, trusted_keys: tuple[str, ...] | list[str],
              progress: Progress | None = None, fixity: Fixity | None = None) -> BagCheck:
    """Check an unpacked package's bag: its files, signature, manifests and bag-info.

    Every tag file's size is checked before it is read. A package whose signature fails is
    still checked for missing and changed files (so a damaged copy is diagnosed), but its
    content is never offered for reading. ``fixity`` holds digests taken while the files
    were staged: a file unchanged since is not read again; any other file is.
    """
    root = find_bag_root(folder) if folder.is_dir() else None
    if root is None:
        return _refused(folder.name, "This is not a content package (it has no bagit.txt, "
                        "which build-package writes into every package).",
                        "Choose the package folder or .zip written by build-package.")
    extra = sorted(p.name for p in root.iterdir() if p.name not in ALLOWED_TOP_LEVEL)
    result = ValidationReport()
    for name in extra:
        result.error(Where(name), f"The file {name} does not belong in a content package.",
                     REBUILD)
    for name in _special_files(root):
        result.error(Where(name), f"{name} is a link or special file, not a regular file.",
                     REBUILD)
    for name, message in _oversized(root):
        result.error(Where(name), message, REBUILD)
    if not result.ok:
        return BagCheck(result, PackageInfo())
    tag_manifest = root / TAG_MANIFEST
    if not tag_manifest.is_file():
        return _refused(TAG_MANIFEST, f"The package has no signed list of its files "
                        f"({TAG_MANIFEST}), so nothing in it is protected by its signature.")
    manifest_bytes = tag_manifest.read_bytes()
    sig_path = root / signing.SIGNATURE_FILE
    try:
        key_id = signing.verify_signature(
            manifest_bytes, sig_path.read_bytes() if sig_path.is_file() else None, trusted_keys)
    except InvalidInput as exc:
        result.error(Where(signing.SIGNATURE_FILE), exc.message, exc.hint)
        # Not trusted, but worth a diagnosis: a copy with missing or changed files says so.
        diagnosis = ValidationReport()
        _check_bag(root, diagnosis, progress, fixity)
        result.extend(diagnosis)
        return BagCheck(result, PackageInfo())
    pinned = {line.split(maxsplit=1)[1].strip() for line in
              manifest_bytes.decode("utf-8", "replace").splitlines() if " " in line.strip()}
    for name in PINNED_TAG_FILES:
        if name not in pinned:
            result.error(Where(TAG_MANIFEST), f"The signed list of files does not cover {name}, "
                         "so the signature does not protect it.", REBUILD)
    if not result.ok:
        return BagCheck(result, PackageInfo(), key_id=key_id)
    bag = _check_bag(root, result, progress, fixity)
    if bag is None or not result.ok:
        return BagCheck(result, PackageInfo(), key_id=key_id)
    info = _read_info(bag, result)
    if not result.ok:
        return BagCheck(result, PackageInfo(), key_id=key_id)
    return BagCheck(result, info, key_id, root / "data")


def _check_bag(root: Path, result: ValidationReport, progress: Progress | None,
               fixity: Fixity | None) -> bagit.Bag | None:
    """BagIt completeness and fixity, each problem naming its file; the bag when readable."""
    try:
        bag = bagit.Bag(str(root))
        if bag.algorithms != ["sha256"]:
            result.error(Where("manifest-sha256.txt"), "The package must list its files with "
                         f"sha256 fingerprints only; it uses {', '.join(bag.algorithms)}.",
                         REBUILD)
            return None
        missing, added = bag.compare_manifests_with_fs()
    except (bagit.BagError, OSError, ValueError) as exc:
        result.error(Where("manifest-sha256.txt"), f"The package's list of files cannot be "
                     f"read ({exc}).", REBUILD)
        return None
    for name in sorted(missing):
        result.error(Where(name), f"The file {name} is in the package's list of files but is "
                     "missing from the package.", "Copy the whole package again.")
    for name in sorted(added):
        result.error(Where(name), f"The file {name} is in the package but not in its "
                     "list of files: it was added after the package was signed.",
                     "Remove the file, or build and sign the package again.")
    if not result.ok:
        return bag
    entries = []
    for rel, hashes in sorted(bag.entries.items()):
        path = root / bag.normalized_filesystem_names.get(rel, rel)
        if path.is_file():
            entries.append((rel, path, hashes))
        else:
            result.error(Where(rel), f"The file {rel} is in the package's signed list of "
                         "files but is missing from the package.", "Copy the whole package again.")
    total = sum(path.stat().st_size for _r, path, _h in entries) or 1
    done = 0
    for rel, path, hashes in entries:
        # The digest of the staged bytes, taken as they were written, is what must match.
        digest = (fixity.digest(path) if fixity is not None else None) or sha256_file(path)
        done += path.stat().st_size
        report(progress, "Checking the package's fingerprints", done, total)
        if digest != hashes.get("sha256", "").lower():
            result.error(Where(rel), f"The file {rel} has changed since the package was "
                         "signed.", "Copy the package again from the curator's original.")
    if result.ok:
        try:
            bag.validate(processes=1, fast=True)  # structure, bagit.txt, fetch.txt, Oxum
        except bagit.BagError as exc:
            result.error(Where("bag-info.txt"), "The package's description of itself does not "
                         f"match its files ({exc}).", REBUILD)
    return bag


def _read_info(bag: bagit.Bag, result: ValidationReport) -> PackageInfo:
    bag_info = bag.info
    values: dict[str, str] = {}
    for key in REQUIRED_INFO:
        raw = bag_info.get(key)
        if isinstance(raw, list):
            result.error(Where("bag-info.txt"), f"{key} is given more than once.", REBUILD)
            continue
        if raw is None or not str(raw).strip():
            result.error(Where("bag-info.txt"), f"The package does not say {_PLAIN[key]} "
                         f"({key} in bag-info.txt).", REBUILD)
            continue
        text = str(raw).strip()
        if key in INFO_CAPS and len(text) > INFO_CAPS[key]:
            result.error(Where("bag-info.txt"), f"{key} is {len(text):,} characters long; at "
                         f"most {INFO_CAPS[key]:,} are allowed.", REBUILD)
            continue
        if _CONTROL.search(text):
            result.error(Where("bag-info.txt"), f"{key} holds control characters (such as "
                         "terminal escape codes), which are never part of a package.", REBUILD)
            continue
        values[key] = text
    version = 0
    text = values.get("Package-Version", "")
    if text:
        parsed = parse_version(text)
        if parsed is None:
            result.error(Where("bag-info.txt"), version_problem(text), REBUILD)
        else:
            version = parsed
    return PackageInfo(title=values.get("Package-Title", ""),
                       exhibition_id=values.get("Exhibition-Id", ""), version=version,
                       source_organization=values.get("Source-Organization", ""),
                       bagging_date=values.get("Bagging-Date", ""))


def parse_version(text: str) -> int | None:
    """A Package-Version: ASCII digits only, 1 to 999,999,999; None for anything else.

    Never raises, whatever the text ("7²", 5,000 nines, 10^20): a version past the cap
    would lock out every later package.
    """
    if not _VERSION.fullmatch(text):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_PACKAGE_VERSION else None


def version_problem(text: object) -> str:
    """The sentence for a Package-Version that ``parse_version`` refuses."""
    shown = str(text)
    if len(shown) > 24:
        shown = f"{shown[:12]}… ({len(shown):,} characters)"
    return (f"Package-Version {shown!r} is not a whole number from 1 to "
            f"{MAX_PACKAGE_VERSION:,}.")
