"""Content packages: a content folder checked and sealed as a signed bag, and checked again
before import.

A package is a signed BagIt bag (``content.trust.bag``) whose ``data/`` is a content folder
(``content.readers``). Building one reads the folder first and refuses it with the report
when it has errors; verifying one checks the bag, then reads its content, so that a package
that verifies is one that imports.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from khojaly_kiosk.archive.records import TranslationCoverage
from khojaly_kiosk.content.bundle import ContentBundle, PackageInfo
from khojaly_kiosk.content.fixity import Fixity
from khojaly_kiosk.content.imaging import check_pixel_caps
from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.readers.folder import read_content_folder
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.scratch import scratch_dir
from khojaly_kiosk.content.trust import signing
from khojaly_kiosk.content.trust.bag import (
    REBUILD,
    check_bag,
    parse_version,
    version_problem,
    write_bag,
)
from khojaly_kiosk.content.trust.extract import ExtractLimits, extract_zip, to_report
from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.paths import data_paths


class PackageRefused(InvalidInput):
    """The content folder has errors, so no package was written; ``report`` lists them."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(
            f"The content folder has {report.summary()}; no package was written.",
            hint="Fix these problems and build again:\n" + report.to_text(),
        )
        self.report = report


# What bag-info.txt calls each fact, in the words of package.toml and the docs.
PLAIN_INFO = {
    "Package-Version": "a version number (version in package.toml, or --version)",
    "Exhibition-Id": "an exhibition id (exhibition_id in package.toml)",
    "Package-Title": "a title (title in package.toml)",
    "Source-Organization": "who prepared it (source_organization in package.toml)",
    "Bagging-Date": "the date it was built",
}


@dataclass
class BuiltPackage:
    """A package written: where it is, and the warnings its content had."""

    path: Path
    report: ValidationReport


@dataclass
class VerifyResult:
    """What verifying a package found. ``bundle`` is only kept by :func:`verify_bag`."""

    report: ValidationReport
    info: PackageInfo
    bundle: ContentBundle | None = None
    key_id: str = ""
    coverage: tuple[TranslationCoverage, ...] = ()  # of its translations, per language


def _read_content(folder: Path, fixity: Fixity | None = None, progress: Progress | None = None,
                  defer_streams: bool = False) -> tuple[ContentBundle, ValidationReport]:
    """Read a content folder; media that ``fixity`` vouches for is not hashed again.

    Images claiming more pixels than an import decodes are errors here already.
    """
    bundle, report = read_content_folder(folder, fixity.digest if fixity is not None else None,
                                         progress=progress, defer_streams=defer_streams)
    check_pixel_caps(bundle.media, folder, report)
    return bundle, report


_LITTER = {"Thumbs.db", "desktop.ini", "__MACOSX"}  # left by the curator's computer


def _links_and_special_files(src_dir: Path) -> ValidationReport:
    """Errors for what a package must not take from a content folder.

    A symbolic link that leads out of the folder would make the package carry (and the
    curator sign) a file from elsewhere on the computer; a link to a folder could loop; a
    dangling link or a device or pipe is no content. A link to a file inside the folder is
    fine: the package holds a plain copy of that file.
    """
    report = ValidationReport()
    root = src_dir.resolve()
    for folder, dirs, files in os.walk(src_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _LITTER]
        for name in [*dirs, *files]:
            if name.startswith(".") or name in _LITTER:
                continue
            path = Path(folder, name)
            rel = path.relative_to(src_dir).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                problem = _link_problem(path, root)
                if problem:
                    report.error(Where(rel), f"{rel} is a symbolic link {problem}.",
                                 "Copy the file itself into the content folder, then build "
                                 "again.")
            elif not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                report.error(Where(rel), f"{rel} is a device, pipe or other special file, "
                             "not content.", "Remove it from the content folder.")
    return report


def _link_problem(link: Path, root: Path) -> str | None:
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"to something that does not exist ({os.readlink(link)})"
    if not target.is_relative_to(root):
        return (f"to {target}, outside the content folder; a package never carries files "
                "from elsewhere")
    if target.is_dir():
        return "to a folder; packages take folders only as they are"
    return None


# Called with the signed bag-info before any content is read; adds its refusals to the report.
InfoCheck = Callable[[PackageInfo, ValidationReport], None]


def build_package(src_dir: Path, out: Path, private_key: Path, version: int | None = None,
                  title: str | None = None, exhibition_id: str | None = None,
                  source_org: str | None = None, zip: bool = False,
                  progress: Progress | None = None) -> Path:
    """Validate ``src_dir``, then write it as a signed package at ``out`` (folder or zip).

    Version, title, exhibition id and organisation default to those of ``package.toml``.

    Raises:
        PackageRefused: the content folder has errors (nothing is written).
        InvalidInput: bad arguments, an existing ``out``, an unreadable key.
    """
    return build_package_checked(src_dir, out, private_key, version, title, exhibition_id,
                                 source_org, zip, progress=progress).path


def build_package_checked(src_dir: Path, out: Path, private_key: Path,
                          version: int | None = None, title: str | None = None,
                          exhibition_id: str | None = None, source_org: str | None = None,
                          zip: bool = False, strict: bool = False,
                          progress: Progress | None = None) -> BuiltPackage:
    """:func:`build_package`, also returning the content's warnings for the curator.

    With ``strict``, a warning refuses the package like an error does.
    """
    src_dir, out = Path(src_dir), Path(out)
    if not src_dir.is_dir():
        raise InvalidInput(f"The content folder {src_dir} does not exist.",
                           hint="Give the folder that holds package.toml.")
    if out.exists():
        raise InvalidInput(f"{out} already exists and will not be overwritten.",
                           hint="Choose another output name or remove the old package.")
    key = signing.load_signing_key(Path(private_key))  # fail before any work on a bad key
    links = _links_and_special_files(src_dir)
    if not links.ok:  # before anything is read: an outside file is never opened
        raise PackageRefused(links)
    bundle, content_report = _read_content(src_dir, progress=progress)
    if not content_report.ok or (strict and content_report.warnings):
        raise PackageRefused(content_report)
    declared = bundle.info.exhibition_id
    if exhibition_id and declared and exhibition_id != declared:
        raise InvalidInput(f"The exhibition id {exhibition_id!r} differs from {declared!r} in "
                           "package.toml.", hint="Leave out --exhibition-id or correct "
                           "package.toml; a package has one exhibition id.")
    version = bundle.info.version if version is None else version
    if (isinstance(version, bool) or not isinstance(version, int)
            or parse_version(str(version)) is None):
        raise InvalidInput(version_problem(version).replace("Package-Version", "The package "
                                                            "version", 1),
                           hint="Pass --version with a number higher than the last package's.")
    info = {
        "Package-Version": str(version),
        "Exhibition-Id": exhibition_id or bundle.info.exhibition_id,
        "Package-Title": title or bundle.info.title,
        # Optional for the curator: the exhibition id stands in for who prepared it.
        "Source-Organization": (source_org or bundle.info.source_organization
                                or exhibition_id or bundle.info.exhibition_id),
        "Bagging-Date": dt.date.today().isoformat(),
    }
    missing = [PLAIN_INFO[k] for k in ("Exhibition-Id", "Package-Title") if not info[k].strip()]
    if missing:
        raise InvalidInput(f"The package needs {' and '.join(missing)}.",
                           hint="Set them in package.toml or pass them on the command line.")
    return BuiltPackage(write_bag(src_dir, out, key, info, zip=zip), content_report)


def verify_package(path: Path, trusted_keys: tuple[str, ...] | list[str],
                   progress: Progress | None = None,
                   limits: ExtractLimits | None = None,
                   tmp_root: Path | None = None) -> VerifyResult:
    """Check a package folder or zip: bag, signature, bag-info and content.

    A zip is unpacked by the safe extractor into a scratch folder below ``tmp_root`` (the
    data folder's ``tmp/`` by default, never the system's temporary folder), removed again.
    Every problem is in ``result.report``; nothing is raised for a bad package.
    """
    path = Path(path)
    if not path.exists():
        result = ValidationReport()
        result.error(Where(path.name or str(path)), f"There is no file or folder at {path}.",
                     "Check the path, or that the USB stick is still plugged in.")
        return VerifyResult(result, PackageInfo())
    if path.is_file():
        with scratch_dir(tmp_root or data_paths().tmp, "verify-") as tmp:
            fixity = Fixity()  # hashed while unpacking: the payload is not read twice
            refusals = extract_zip(path, tmp / "unpacked", limits, progress, fixity)
            if refusals:
                return VerifyResult(to_report(refusals), PackageInfo())
            verified = verify_bag(tmp / "unpacked", trusted_keys, progress, fixity)
            verified.bundle = None  # its media paths pointed into the removed folder
            return verified
    return verify_bag(path, trusted_keys, progress)


def verify_bag(folder: Path, trusted_keys: tuple[str, ...] | list[str],
               progress: Progress | None = None, fixity: Fixity | None = None, *,
               check_info: InfoCheck | None = None, defer_streams: bool = False,
               ) -> VerifyResult:
    """Verify an unpacked package: its bag, then its content; the bundle read is kept in the
    result when valid.

    ``fixity`` holds digests taken while the files were staged: a file unchanged since is
    not read again; any other file is. ``check_info`` (an import's version check) sees the
    signed bag-info before any content is parsed. With ``defer_streams`` the rows of large
    tables are checked only while the archive is written (``ContentBundle.streams``).
    """
    bag = check_bag(folder, trusted_keys, progress, fixity)
    if bag.data is None:
        return VerifyResult(bag.report, bag.info, key_id=bag.key_id)
    result, info = bag.report, bag.info
    if check_info is not None:
        check_info(info, result)
        if not result.ok:
            return VerifyResult(result, info, key_id=bag.key_id)
    bundle, content = _read_content(bag.data, fixity, progress, defer_streams)
    result.extend(content)
    if bundle.info.exhibition_id and info.exhibition_id != bundle.info.exhibition_id:
        result.error(Where("bag-info.txt"), f"The package says Exhibition-Id "
                     f"{info.exhibition_id!r} but package.toml says "
                     f"{bundle.info.exhibition_id!r}.", REBUILD)
    # bag-info.txt is what was signed for the package as a whole; it wins over package.toml.
    for name in ("title", "exhibition_id", "version", "source_organization", "bagging_date"):
        setattr(bundle.info, name, getattr(info, name))
    return VerifyResult(result, info, bundle if result.ok else None, bag.key_id,
                        bundle.coverage)
