"""Importing a content package into a new archive generation; the demo archive on first run.

``import_package`` stages the package (copied or unpacked, hashed as it is written), checks
its signature and version before any content is parsed, reads the content, and hands the
bundle to ``content.install``, which builds, checks and switches to a NEW generation (see
there for what a killed import leaves and what is kept).

Named write points (``install.checkpoint``) let tests SIGKILL a real import at each of them.

Each byte of the package is read from the stick once: staging hashes as it copies, and those
digests stand for the staged files in the bag check, the media rows and the archive check
while the files stay unchanged. Audio and video are hard-linked from staging into the
generation, so the kept package and the generation share those files (neither is ever
written again; a disk that cannot link gets a copy). Every file of the generation is on
disk (fsync) before the pointer switches; the media is flushed in the background while
images are prepared.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
import tomllib
import zipfile
from pathlib import Path

from khojaly_kiosk.archive.generations import GenerationStore, LiveArchive
from khojaly_kiosk.content import install
from khojaly_kiosk.content.bundle import PackageInfo
from khojaly_kiosk.content.demo_digest import DEMO_DIGEST as DEMO_DIGEST
from khojaly_kiosk.content.demo_digest import demo_digest as demo_digest
from khojaly_kiosk.content.demo_digest import live_demo_digest as _live_demo_digest
from khojaly_kiosk.content.fixity import Fixity
from khojaly_kiosk.content.imaging import ImageWorkers
from khojaly_kiosk.content.install import (
    STAGING_PREFIX,
    ImportResult,
    Install,
    clear_leftovers,
    import_lock,
)
from khojaly_kiosk.content.installed import (
    demo_key_paths,
    installed_version,
    live_is_demo,
    trusted_keys,
)
from khojaly_kiosk.content.package import verify_bag
from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.trust import signing
from khojaly_kiosk.content.trust.extract import (
    ExtractLimits,
    copy_folder,
    extract_zip,
    find_bag_root,
    to_report,
)
from khojaly_kiosk.errors import KioskError
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings

__all__ = ["ensure_demo_archive", "import_package"]

log = logging.getLogger(__name__)


# ---- import ------------------------------------------------------------------------------


def _stage(package: Path, stage: Path, progress: Progress | None,
           fixity: Fixity) -> ValidationReport:
    if not package.exists():
        result = ValidationReport()
        result.error(Where(package.name), f"The package {package} does not exist.",
                     "Check the path of the package file or folder.")
        return result
    target = stage / "package"
    refusals = (copy_folder(package, target, ExtractLimits(), progress, fixity)
                if package.is_dir() else extract_zip(package, target, ExtractLimits(), progress,
                                                     fixity))
    return to_report(refusals)


_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def _holds_images(package: Path) -> bool:
    """Whether a package names image files (a glance at its listing, nothing is read).

    Image workers are started ahead only then: for a package of text (a million names) two
    interpreters starting beside the import would only take the processor from it. A wrong
    guess costs nothing but time: workers start when the first image needs one.
    """
    try:
        if package.is_dir():
            return any(path.suffix.lower() in _IMAGE_SUFFIXES for path in package.rglob("*"))
        with zipfile.ZipFile(package) as archive:
            return any(name.lower().endswith(_IMAGE_SUFFIXES) for name in archive.namelist())
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError):
        return True  # staging says what is wrong with it; the workers are harmless


def import_package(package_path: Path, paths: DataPaths, settings: Settings,
                   progress: Progress | None = None) -> ImportResult:
    """Verify a package and make it the live archive; the report says why not otherwise."""
    package_path = Path(package_path)
    paths.ensure()
    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    with import_lock(paths), ImageWorkers() as workers:
        clear_leftovers(paths, store)
        stage = paths.staging / f"{STAGING_PREFIX}{os.getpid()}-{time.time_ns()}"
        result = ImportResult(ValidationReport(), previous_version=installed_version(paths))
        fixity = Fixity()  # digests of the staged bytes, taken as they were written
        try:
            if _holds_images(package_path):
                workers.start()  # they start up while the package is copied
            result.report = _stage(package_path, stage, progress, fixity)
            install.checkpoint("staged")
            if not result.report.ok:
                return result
            root = find_bag_root(stage / "package") or stage / "package"

            def newer_than_live(info: PackageInfo, problems: ValidationReport) -> None:
                # Before any content is parsed: a replayed package costs no more than its bag.
                if info.version <= result.previous_version and not live_is_demo(paths):
                    problems.error(
                        Where("bag-info.txt"),
                        f"This package is version {info.version}, but version "
                        f"{result.previous_version} is already installed; an older or equal "
                        "package is never imported over a newer one.",
                        "Use a newer package, or `khojaly-kiosk rollback` to return to a kept "
                        "earlier version on purpose.")

            verified = verify_bag(root, trusted_keys(paths, settings), progress, fixity,
                                  check_info=newer_than_live, defer_streams=True)
            result.report, result.key_id = verified.report, verified.key_id
            result.version = verified.info.version
            install.checkpoint("verified")
            if not verified.report.ok or verified.bundle is None:
                return result
            install.install(Install(verified.bundle, root, fixity,
                            keep=lambda kept: os.replace(root, kept),
                            replaced=store.current()),
                    paths, store, result, progress, workers)
            return result
        finally:
            shutil.rmtree(stage, ignore_errors=True)



# ---- the demo archive --------------------------------------------------------------------


# DEMO_DIGEST, demo_digest and _live_demo_digest live in content/demo_digest.py, which the
# kiosk's start reads without importing this module (see app.open_archive).


def _demo_key_usable(private: Path, public: Path) -> bool:
    """False for a missing pair, or one a power cut left half-written (an empty file)."""
    try:
        return signing.public_key_of(private) == signing.read_public_key(public)
    except KioskError:
        return False


def ensure_demo_archive(paths: DataPaths, settings: Settings,
                        progress: Progress | None = None) -> LiveArchive | None:
    """The live archive; on first run in demo mode, build and import the demo package first.

    The demo package is built from ``db/demo/`` and signed with a demo key generated into
    the data dir, trusted only while ``demo_mode`` is on. Returns ``None`` when no archive
    is live and demo mode is off (or no demo content ships).

    Raises:
        ArchiveUnavailable: the demo content could not be imported.
    """
    from khojaly_kiosk.content.package import build_package
    from khojaly_kiosk.errors import ArchiveUnavailable
    from khojaly_kiosk.resources import db_path

    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    demo = db_path("demo")
    shipped = demo_digest(demo) if (demo / "package.toml").is_file() else ""
    version = 1
    if store.current() is not None or store.list():
        stale = (settings.demo_mode and shipped and live_is_demo(paths)
                 and _live_demo_digest(paths) != shipped)
        if not stale:
            with contextlib.suppress(ArchiveUnavailable):
                return store.open_live()
        # The kiosk still shows an older demo than the one shipped now (a code update).
        version = installed_version(paths) + 1
    if not settings.demo_mode or not shipped:
        return None
    paths.ensure()
    private, public = demo_key_paths(paths)
    if not _demo_key_usable(private, public):
        private.unlink(missing_ok=True)
        public.unlink(missing_ok=True)
        signing.generate_keypair(private, public)
    # Not in staging: the import clears staging of every earlier import's leftovers.
    work = paths.cache / "demo-build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        declared = tomllib.loads((demo / "package.toml").read_text(encoding="utf-8"))
        package = build_package(demo, work / "demo-package", private_key=private,
                                version=max(version, int(declared.get("version") or 1)),
                                source_org="Demo")
        result = import_package(package, paths, settings, progress)
        if result.report.ok and result.generation:
            (store.path_of(result.generation) / DEMO_DIGEST).write_text(shipped, "utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not result.report.ok:
        raise ArchiveUnavailable(
            f"The demo content could not be imported ({result.report.summary()}).",
            hint=result.report.to_text())
    return store.open_live()
