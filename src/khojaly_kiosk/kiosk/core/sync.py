"""Is a package in a synced folder complete, or is a sync engine still writing it?

A sync engine (Syncthing, rsync, an SMB copy) fills the inbox while the kiosk watches. A
copy in progress must never be read: Syncthing writes ``.syncthing.NAME.tmp`` (on Windows
``~syncthing~NAME.tmp``) and renames it when done; rsync writes ``.NAME.XXXXXX`` (or a
``.~tmp~`` folder) likewise; an SMB or USB copy simply grows the file. So a package is taken
as complete only when

* no temporary or hidden file lies in it (a package never holds one) or beside it,
* a folder holds every file its lists name (bag-info's ``Payload-Oxum``, the manifests and
  the signature), and a zip has its closing directory,
* and nothing in it changed (sizes, times) for the settle time (``SyncedInbox``).

No Qt, and no reading of the content: that is what the import's verification does.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

# Syncthing (Unix and Windows) and rsync's temporary names.
_TEMP_NAME = re.compile(r"^(\.syncthing\..+\.tmp|~syncthing~.+\.tmp|\..+\.[A-Za-z0-9]{6})$")
BAG_TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
                 "signature.ed25519")
SIGNED_LIST = "tagmanifest-sha256.txt"  # the signed list of files: the package's fingerprint


@dataclass(frozen=True)
class CopyState:
    """What a look at one package found. ``fingerprint`` changes whenever a file does."""

    path: Path
    fingerprint: tuple[tuple[str, int, int], ...]
    incomplete: str = ""  # why the copy is not complete yet ("" when it looks complete)


def is_candidate(path: Path) -> bool:
    """A package as it may arrive: a ``.zip``, or a folder that is (becoming) a bag."""
    if path.name.startswith((".", "~")):
        return False
    if path.is_file():
        return path.suffix.lower() == ".zip"
    return path.is_dir() and ((path / "bag-info.txt").exists() or (path / "bagit.txt").exists()
                              or (path / "data").is_dir())


def candidates(folders: list[Path], depth: int = 1) -> list[Path]:
    """Packages arriving in ``folders`` (and ``depth`` folders down), sorted by name."""
    found: list[Path] = []

    def walk(folder: Path, level: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            path = Path(entry.path)
            if is_candidate(path):
                found.append(path)
            elif (level < depth and entry.is_dir(follow_symlinks=False)
                  and not entry.name.startswith(".")):
                walk(path, level + 1)

    for folder in folders:
        walk(folder, 0)
    return found


def look_at(path: Path) -> CopyState:
    """The state of the copy at ``path`` (cheap: names and sizes, no content read, except a
    zip's closing directory)."""
    try:
        if path.is_file():
            return _zip_state(path)
        return _folder_state(path)
    except OSError as err:  # vanished or unreadable mid-sync: look again later
        return CopyState(path, (), f"it cannot be read yet ({err.strerror or err})")


def _zip_state(path: Path) -> CopyState:
    stat = path.stat()
    fingerprint = ((path.name, stat.st_size, stat.st_mtime_ns),)
    for sibling in path.parent.iterdir():
        if _TEMP_NAME.match(sibling.name) and path.name in sibling.name:
            return CopyState(path, fingerprint, f"a newer copy is arriving ({sibling.name})")
    if not zipfile.is_zipfile(path):
        return CopyState(path, fingerprint, "the zip file is not complete yet")
    return CopyState(path, fingerprint)


def _folder_state(path: Path) -> CopyState:
    entries: list[tuple[str, int, int]] = []
    temp = ""
    for folder, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            full = Path(folder, name)
            rel = full.relative_to(path).as_posix()
            # build-package never puts hidden files in a package: one that is there belongs
            # to a copy in progress (rsync --delay-updates' .~tmp~ folder, temporary names).
            if _TEMP_NAME.match(name) or any(part.startswith((".", "~"))
                                             for part in rel.split("/")):
                temp = temp or rel
            stat = full.stat()
            entries.append((rel, stat.st_size, stat.st_mtime_ns))
    fingerprint = tuple(entries)
    if temp:
        return CopyState(path, fingerprint, f"a sync engine is still writing it ({temp})")
    present = {rel: size for rel, size, _mtime in entries}
    missing = [name for name in BAG_TAG_FILES if name not in present]
    if missing:
        return CopyState(path, fingerprint, f"{missing[0]} has not arrived yet")
    listed = _listed_files(path / "manifest-sha256.txt") + _listed_files(path / SIGNED_LIST)
    absent = [rel for rel in listed if rel not in present]
    if absent:
        return CopyState(path, fingerprint, f"{len(absent)} of its files have not arrived yet "
                         f"(e.g. {absent[0]})")
    oxum = _payload_oxum(path / "bag-info.txt")
    if oxum is not None:
        payload = [size for rel, size in present.items() if rel.startswith("data/")]
        if (sum(payload), len(payload)) != oxum:
            return CopyState(path, fingerprint, f"{len(payload)} of its {oxum[1]} files have "
                             "arrived in full so far")
    return CopyState(path, fingerprint)


def _listed_files(manifest: Path) -> list[str]:
    names = []
    for line in manifest.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.strip().split(maxsplit=1)
        if len(parts) == 2:
            names.append(parts[1].strip())
    return names


def _payload_oxum(bag_info: Path) -> tuple[int, int] | None:
    """``Payload-Oxum: BYTES.COUNT`` of bag-info.txt (None when absent or unreadable)."""
    for line in bag_info.read_text(encoding="utf-8", errors="replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "payload-oxum":
            size, _, count = value.strip().partition(".")
            if size.isdigit() and count.isdigit():
                return int(size), int(count)
    return None


def identity(path: Path) -> str:
    """A fingerprint of the package's content: the digest of its signed list of files, so
    two copies of one package (another name, another folder) are known as one. "" when the
    list cannot be read."""
    try:
        if path.is_file():
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist()
                         if n == SIGNED_LIST or n.endswith(f"/{SIGNED_LIST}")]
                if not names:
                    return ""
                data = archive.read(min(names, key=len))
        else:
            data = (path / SIGNED_LIST).read_bytes()
    except (OSError, zipfile.BadZipFile, KeyError):
        return ""
    return hashlib.sha256(data).hexdigest()
