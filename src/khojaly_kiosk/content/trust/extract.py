"""Bringing a package into staging safely: our own zip extractor and a careful folder copy.

A package comes from a USB stick, so every member name and size is hostile until checked.
The whole zip directory is checked before the first byte is written; any problem rejects
the package and the staging folder is removed. Nothing is ever written outside staging:
names are checked, files are created with ``O_EXCL | O_NOFOLLOW``, and every target path is
proved to lie inside the staging folder.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import cast

from khojaly_kiosk.content.diskspace import shortage
from khojaly_kiosk.content.fixity import Fixity, copy_hashing
from khojaly_kiosk.content.progress import Progress, report
from khojaly_kiosk.content.report import ValidationReport, Where

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ExtractLimits:
    """Caps that keep a hostile or broken package from filling the disk or the memory."""

    max_members: int = 20_000
    max_member_bytes: int = 4 * 1024**3
    max_total_bytes: int = 32 * 1024**3
    # Media is already compressed; text compresses ~10x. 100x only happens by design.
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1024 * 1024  # smaller members cannot be a bomb worth the name


@dataclass(frozen=True)
class Refusal:
    """One reason a package is refused; ``file`` names the member or file."""

    file: str
    message: str


REBUILD_HINT = ("Build the package again with `khojaly-kiosk build-package` on the curator's "
                "computer.")


def to_report(refusals: Iterable[Refusal], hint: str = REBUILD_HINT) -> ValidationReport:
    """Refusals as report errors, each naming its member or file."""
    result = ValidationReport()
    for refusal in refusals:
        result.error(Where(refusal.file), refusal.message, hint)
    return result


class Rejected(Exception):
    """Raised inside this module to stop at the first problem found while writing."""

    def __init__(self, problem: Refusal) -> None:
        super().__init__(problem.message)
        self.problem = problem


def check_member_name(name: str) -> str | None:
    """Why a member name is unsafe, or ``None`` when it is a plain relative path."""
    if not name or name in (".", "./"):
        return "has an empty name"
    if "\\" in name:
        return "contains a backslash, which could act as a folder separator on Windows"
    if _CONTROL.search(name):
        return "contains control characters"
    if name.startswith("/"):
        return "is an absolute path"
    if _DRIVE.match(name):
        return "starts with a drive letter"
    parts = name.rstrip("/").split("/")
    if any(part == ".." for part in parts):
        return "contains '..' and would point outside the package"
    if any(part in ("", ".") for part in parts):
        return "has an empty or '.' path element"
    return None


def _fold(name: str) -> str:
    """The key under which two names would land on the same file on a case-insensitive disk."""
    return unicodedata.normalize("NFC", name.rstrip("/")).casefold()


def _collisions(names: Iterable[str]) -> list[Refusal]:
    """Duplicate names, and names that differ only by case or Unicode normalisation."""
    problems: list[Refusal] = []
    seen_exact: set[str] = set()
    seen_folded: dict[str, str] = {}
    for name in names:
        if name in seen_exact:
            problems.append(Refusal(name, f"The member {name} appears twice in the zip."))
            continue
        seen_exact.add(name)
        key = _fold(name)
        other = seen_folded.get(key)
        if other is not None and other.rstrip("/") != name.rstrip("/"):
            problems.append(Refusal(
                name, f"The member {name} differs from {other} only by letter case or "
                "accents, so one would overwrite the other on some disks."))
        seen_folded.setdefault(key, name)
    # A file named like a folder another member lives in (``a`` and ``a/b``).
    files = {_fold(n) for n in names if not n.endswith("/")}
    for name in names:
        parents = PurePosixPath(name.rstrip("/")).parents
        for parent in list(parents)[:-1]:
            if _fold(str(parent)) in files:
                problems.append(Refusal(
                    name, f"The member {name} lies inside {parent}, which is also a file."))
                break
    return problems


def _disk_problem(target: Path, needed: int, limits: ExtractLimits, what: str) -> Refusal | None:
    # The reserve (``content.diskspace``) is named in the sentence: it is often the reason.
    sentence = shortage(target, needed, "the copy of the package")
    return None if sentence is None else Refusal(what, sentence)


def members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The zip's members, without the ``__MACOSX/`` folder macOS Finder adds to every zip
    (resource forks, never content)."""
    return [i for i in archive.infolist() if not i.filename.startswith("__MACOSX/")]


def scan_zip(archive: zipfile.ZipFile, limits: ExtractLimits, staging: Path) -> list[Refusal]:
    """Every problem of the zip's directory, before anything is written."""
    problems: list[Refusal] = []
    infos = members(archive)
    if len(infos) > limits.max_members:
        return [Refusal("(zip)", f"The zip holds {len(infos):,} members; at most "
                        f"{limits.max_members:,} are accepted.")]
    total = packed = 0
    for info in infos:
        name = info.filename
        reason = check_member_name(name)
        if reason:
            problems.append(Refusal(name, f"The member {name!r} {reason}."))
            continue
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        # Only regular files and folders: zip has no hard-link type, and Unix tools store
        # symlinks and device files in the mode bits, which we refuse.
        if stat.S_ISLNK(mode):
            problems.append(Refusal(name, f"The member {name} is a symbolic link."))
            continue
        if kind and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            problems.append(Refusal(name, f"The member {name} is a device, pipe or other "
                                    "special file, not a regular file."))
            continue
        if info.flag_bits & 0x1:
            problems.append(Refusal(name, f"The member {name} is encrypted."))
            continue
        if info.is_dir():
            continue
        if info.file_size > limits.max_member_bytes:
            problems.append(Refusal(name, f"The member {name} is {info.file_size:,} bytes; "
                                    f"at most {limits.max_member_bytes:,} are accepted."))
        elif (info.file_size > limits.ratio_floor_bytes
              and info.file_size > limits.max_ratio * max(1, info.compress_size)):
            ratio = info.file_size / max(1, info.compress_size)
            problems.append(Refusal(name, f"The member {name} expands {ratio:.0f} times "
                                    "(a zip bomb); it is refused."))
        total += info.file_size
        packed += info.compress_size
    problems.extend(_collisions([i.filename for i in infos]))
    # Many small members can be a bomb together although none is one alone.
    if total > limits.ratio_floor_bytes and total > limits.max_ratio * max(1, packed):
        problems.append(Refusal("(zip)", f"The zip expands {total / max(1, packed):.0f} "
                                "times in all (a zip bomb); it is refused."))
    elif total > limits.max_total_bytes:
        problems.append(Refusal("(zip)", f"The zip expands to {total:,} bytes; at most "
                                f"{limits.max_total_bytes:,} are accepted."))
    else:
        disk = _disk_problem(staging, total, limits, "(zip)")
        if disk:
            problems.append(disk)
    return problems


def _safe_target(staging: Path, name: str) -> Path:
    target = staging.joinpath(*PurePosixPath(name).parts)
    resolved_parent = target.parent.resolve()
    root = staging.resolve()
    if resolved_parent != root and root not in resolved_parent.parents:
        raise Rejected(Refusal(name, f"The member {name} would be written outside staging."))
    return target


def _create(target: Path) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_BINARY", 0))
    return os.open(target, flags, 0o644)


def _write_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path,
                  limits: ExtractLimits, fixity: Fixity | None) -> int:
    def check(written: int) -> None:
        # The directory's sizes were checked; the stream is counted too, never trusted.
        if written > info.file_size or written > limits.max_member_bytes:
            raise Rejected(Refusal(info.filename, f"The member {info.filename} holds "
                                   "more data than its header says."))

    with os.fdopen(_create(target), "wb", buffering=0) as out, archive.open(info) as member:
        # A ZipExtFile is a BufferedIOBase (typeshed types it only as IO[bytes]).
        digest, written = copy_hashing(cast(io.BufferedIOBase, member), out, check)
    if fixity is not None:
        fixity.record(target, digest)
    return written


def extract_zip(zip_path: Path, staging: Path, limits: ExtractLimits | None = None,
                progress: Progress | None = None, fixity: Fixity | None = None) -> list[Refusal]:
    """Extract ``zip_path`` into the empty folder ``staging``; return the problems found.

    An empty list means success. On any problem nothing of the zip is left in staging.
    With ``fixity``, the SHA-256 of every file written is recorded there.
    """
    limits = limits or ExtractLimits()
    try:
        archive = zipfile.ZipFile(zip_path)
    # NotImplementedError: a version, compression method or flag zipfile does not read.
    except (zipfile.BadZipFile, NotImplementedError, OSError) as exc:
        return [Refusal(zip_path.name, f"The file {zip_path.name} is not a readable zip "
                        f"file ({exc}).")]
    with archive:
        problems = scan_zip(archive, limits, staging)
        if problems:
            return problems
        staging.mkdir(parents=True, exist_ok=True)
        infos = [i for i in members(archive) if not i.is_dir()]
        total = sum(i.file_size for i in infos) or 1
        done = 0
        try:
            for info in members(archive):
                target = _safe_target(staging, info.filename)
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                done += _write_member(archive, info, target, limits, fixity)
                report(progress, "Unpacking the package", done, total)
        except Rejected as exc:
            problems = [exc.problem]
        except (zipfile.BadZipFile, NotImplementedError, zlib.error, EOFError, OSError) as exc:
            problems = [Refusal(getattr(exc, "filename", None) or zip_path.name,
                                f"The zip cannot be unpacked: {exc}.")]
    if problems:
        clear_folder(staging)
    return problems


def copy_folder(src: Path, staging: Path, limits: ExtractLimits | None = None,
                progress: Progress | None = None, fixity: Fixity | None = None) -> list[Refusal]:
    """Copy a package folder into ``staging``, refusing links and special files.

    Symbolic links are never followed (a link on a stick could point at any file of the
    kiosk); hard-linked files are refused too, since a package is a plain copy. The copy is
    real (never a link to the source), so a stick pulled or changed later cannot change it.
    With ``fixity``, the SHA-256 of every file written is recorded there.
    """
    limits = limits or ExtractLimits()
    problems: list[Refusal] = []
    files: list[tuple[Path, str, int]] = []
    folders: list[str] = []
    stack = [src]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Refusal(str(folder), f"The folder {folder} cannot be read "
                                    f"({exc.strerror or exc})."))
            continue
        for entry in entries:
            rel = Path(entry.path).relative_to(src).as_posix()
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISLNK(st.st_mode):
                problems.append(Refusal(rel, f"The file {rel} is a symbolic link."))
            elif stat.S_ISDIR(st.st_mode):
                folders.append(rel + "/")
                stack.append(Path(entry.path))
            elif not stat.S_ISREG(st.st_mode):
                problems.append(Refusal(rel, f"The file {rel} is a device, pipe or other "
                                        "special file."))
            elif st.st_nlink > 1:
                problems.append(Refusal(rel, f"The file {rel} is a hard link to another file."))
            elif st.st_size > limits.max_member_bytes:
                problems.append(Refusal(rel, f"The file {rel} is {st.st_size:,} bytes; at most "
                                        f"{limits.max_member_bytes:,} are accepted."))
            else:
                files.append((Path(entry.path), rel, st.st_size))
        if len(files) > limits.max_members:
            return [Refusal(str(src), f"The package holds more than {limits.max_members:,} "
                            "files.")]
    problems.extend(_collisions([rel for _p, rel, _s in files] + folders))
    total = sum(size for _p, _r, size in files)
    if total > limits.max_total_bytes:
        problems.append(Refusal(str(src), f"The package holds {total:,} bytes; at most "
                                f"{limits.max_total_bytes:,} are accepted."))
    elif not problems:
        disk = _disk_problem(staging, total, limits, str(src))
        if disk:
            problems.append(disk)
    if problems:
        return problems
    staging.mkdir(parents=True, exist_ok=True)
    done = 0
    try:
        for path, rel, size in files:
            done += _copy_file(path, rel, size, _safe_target(staging, rel), fixity)
            report(progress, "Copying the package", done, total or 1)
    except (Rejected, OSError) as exc:
        clear_folder(staging)
        problem = exc.problem if isinstance(exc, Rejected) else Refusal(
            str(src), f"The package cannot be copied ({exc}).")
        return [problem]
    return []


def _copy_file(path: Path, rel: str, size: int, target: Path, fixity: Fixity | None) -> int:
    """Copy one scanned file; refuse it if it became a link or grew since the scan."""
    def check(copied: int) -> None:
        if copied > size:  # the scan's size checks must hold for what is really copied
            raise Rejected(Refusal(rel, f"The file {rel} changed while it was being copied."))

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with open(os.open(path, flags), "rb", buffering=0) as source, \
            os.fdopen(_create(target), "wb", buffering=0) as out:
        digest, copied = copy_hashing(source, out, check)
    if fixity is not None:
        fixity.record(target, digest)
    return copied


def clear_folder(folder: Path) -> None:
    """Remove a staging folder and everything in it; missing is fine."""
    shutil.rmtree(folder, ignore_errors=True)


def find_bag_root(folder: Path) -> Path | None:
    """The bag inside an unpacked package: the folder itself or its only subfolder."""
    if (folder / "bagit.txt").is_file():
        return folder
    if not folder.is_dir():
        return None
    children = [c for c in folder.iterdir() if not c.name.startswith(".")]
    if len(children) == 1 and children[0].is_dir() and (children[0] / "bagit.txt").is_file():
        return children[0]
    return None
