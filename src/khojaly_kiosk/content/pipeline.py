"""Importing a content package into a new archive generation; the demo archive on first run.

``import_package`` never touches the live generation: it stages the package, verifies it,
builds and checks a NEW generation and only then switches the ``current`` pointer (the
single commit point, atomic). The database is built under a temporary name and renamed to
``archive.sqlite`` only after it passed its checks, so a generation folder holding
``archive.sqlite`` is always complete. A process killed at any moment leaves the old archive
live (and some leftovers the next import clears) or the new one live, never a mix.

Named write points (see ``checkpoint``) let tests SIGKILL a real import at each of them.

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
import hashlib
import logging
import os
import shutil
import sqlite3
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.archive.generations import GenerationStore, LiveArchive
from khojaly_kiosk.archive.schema import DB_FILENAME, MEDIA_DIRNAME
from khojaly_kiosk.content.bundle import ContentBundle, PackageInfo
from khojaly_kiosk.content.fixity import Fixity, Syncer, fsync_path, fsync_tree
from khojaly_kiosk.content.imaging import ImageWorkers
from khojaly_kiosk.content.installed import (
    IMPORT_RECORD,
    demo_key_paths,
    installed_version,
    live_is_demo,
    trusted_keys,
    write_record,
)
from khojaly_kiosk.content.media import make_derivatives
from khojaly_kiosk.content.package import verify_bag
from khojaly_kiosk.content.progress import Progress, report
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.content.trust import signing
from khojaly_kiosk.content.trust.extract import (
    ExtractLimits,
    copy_folder,
    extract_zip,
    find_bag_root,
    to_report,
)
from khojaly_kiosk.errors import InvalidInput, KioskError
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings

__all__ = ["WRITE_POINTS", "ImportResult", "checkpoint", "clear_leftovers", "ensure_demo_archive",
           "import_package"]

log = logging.getLogger(__name__)

BUILDING_DB = "archive.building.sqlite"  # renamed to DB_FILENAME once checked
STAGING_PREFIX = "import-"
WRITE_POINTS = ("staged", "verified", "generation_created", "media_written", "db_built",
                "db_renamed", "package_kept", "switched", "pruned")
_PAUSE_ENV = "KHOJALY_TEST_PAUSE_AT"
_MARKER_ENV = "KHOJALY_TEST_MARKER"


def checkpoint(name: str) -> None:
    """A named write point. Tests set ``KHOJALY_TEST_PAUSE_AT`` to stop a real import here.

    The process writes ``KHOJALY_TEST_MARKER`` and waits to be killed, so a crash test can
    SIGKILL it exactly at this point. Without the variable this does nothing.
    """
    if os.environ.get(_PAUSE_ENV) != name:
        return
    Path(os.environ[_MARKER_ENV]).write_text(name, encoding="utf-8")
    time.sleep(120)


@dataclass
class ImportResult:
    """What an import did; ``report.ok`` tells whether the new package is live."""

    report: ValidationReport
    generation: str | None = None
    version: int = 0
    previous_version: int = 0
    key_id: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def message(self) -> str:
        """One sentence for the CLI and the staff panel."""
        if self.report.ok and self.generation:
            return (f"Package version {self.version} is now live ({self.generation}); "
                    f"{self.counts.get('names', 0)} names, "
                    f"{self.counts.get('testimonies', 0)} testimonies, "
                    f"{self.counts.get('media', 0)} media files.")
        return f"The package was not imported ({self.report.summary()}); nothing was changed."


# ---- housekeeping ------------------------------------------------------------------------


@contextlib.contextmanager
def _import_lock(paths: DataPaths) -> Iterator[None]:
    """One import at a time per data dir (the lock dies with a killed process)."""
    try:
        import fcntl
    except ImportError:  # Windows: a single kiosk process imports; no lock needed there
        yield
        return
    with (paths.root / ".import.lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise InvalidInput("Another import is running on this kiosk.",
                               hint="Wait for it to finish, then try again.") from exc
        yield


def clear_leftovers(paths: DataPaths, store: GenerationStore) -> None:
    """Remove what a killed import left: staging folders, unfinished generations, packages
    of generations that no longer exist.

    An import keeps its package before it switches, so a generation that is not live and
    has no kept package never completed its import.
    """
    if paths.staging.is_dir():
        for entry in paths.staging.iterdir():
            if entry.name.startswith(STAGING_PREFIX):
                shutil.rmtree(entry, ignore_errors=True)
    live = store.current()
    for info in store.list():
        complete = info.has_database and (paths.packages / info.name).is_dir()
        if not complete and info.name != live:
            store.discard(info.name)
    names = {info.name for info in store.list()}
    if paths.packages.is_dir():
        for entry in paths.packages.iterdir():
            if entry.name.startswith("gen-") and entry.name not in names:
                shutil.rmtree(entry, ignore_errors=True)


def _publish_db(generation: Path) -> None:
    """Rename the checked database to its final name, durably."""
    building = generation / BUILDING_DB
    # Fold any WAL content into the file: the -wal/-shm names would not follow the rename.
    connection = sqlite3.connect(building)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    fsync_path(building)
    os.replace(building, generation / DB_FILENAME)
    fsync_path(generation)


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


def _build_generation(bundle: ContentBundle, generation: Path, root: Path,
                      result: ImportResult, progress: Progress | None, fixity: Fixity,
                      workers: ImageWorkers) -> None:
    """Media, database and checks of a new generation; problems go to ``result.report``."""
    media_dir = generation / MEDIA_DIRNAME
    with Syncer() as syncer:
        media_report = make_derivatives(bundle.media, media_dir, progress=progress,
                                        where=root / "data", fixity=fixity,
                                        written=syncer.submit, workers=workers)
        workers.close()  # nothing more to decode: free their memory for the database
        result.report.extend(media_report)
        if not media_report.ok:
            return
        checkpoint("media_written")
        _build_database(bundle, generation, result, progress, fixity)
        if not result.report.ok:
            return
        # The media must be on disk before the switch (a power cut after it must not leave
        # the live archive with empty files); most of it was flushed meanwhile.
        report(progress, "Writing the new archive to disk", 0, 1)
        syncer.close()
    fsync_tree(media_dir)
    write_record(generation, bundle.info, result.key_id)
    fsync_path(generation / IMPORT_RECORD)
    _publish_db(generation)
    checkpoint("db_renamed")


def _build_database(bundle: ContentBundle, generation: Path, result: ImportResult,
                    progress: Progress | None, fixity: Fixity) -> None:
    """Build and check the database of a new generation; problems go to ``result.report``."""
    from khojaly_kiosk.archive.integrity import check_archive
    from khojaly_kiosk.content.archive_writer import write_archive

    media_dir = generation / MEDIA_DIRNAME
    from khojaly_kiosk.content.archive_writer import ContentRejected

    report(progress, "Building the archive", 0, 1)
    try:
        write_archive(bundle, generation / BUILDING_DB, media_dir, known_digest=fixity.digest,
                      report=result.report, progress=progress)
    except ContentRejected:
        return  # the rows' problems are in the report already
    checkpoint("db_built")
    report(progress, "Checking the new archive", 0, 1)
    # Media unchanged since it was hashed while written is not read again (see fixity).
    check = check_archive(generation / BUILDING_DB, media_dir, bundle.counts(),
                          known_digest=fixity.digest, full=False)
    for problem in check.problems:
        result.report.error(Where(DB_FILENAME), f"The new archive failed its check: {problem}",
                            "Nothing was changed; report this problem.")
    if check.ok:
        result.counts = dict(check.counts)


def import_package(package_path: Path, paths: DataPaths, settings: Settings,
                   progress: Progress | None = None) -> ImportResult:
    """Verify a package and make it the live archive; the report says why not otherwise."""
    package_path = Path(package_path)
    paths.ensure()
    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    with _import_lock(paths), ImageWorkers() as workers:
        clear_leftovers(paths, store)
        stage = paths.staging / f"{STAGING_PREFIX}{os.getpid()}-{time.time_ns()}"
        generation: Path | None = None
        result = ImportResult(ValidationReport(), previous_version=installed_version(paths))
        fixity = Fixity()  # digests of the staged bytes, taken as they were written
        try:
            workers.start()  # they start up while the package is copied
            result.report = _stage(package_path, stage, progress, fixity)
            checkpoint("staged")
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
            checkpoint("verified")
            bundle = verified.bundle
            if not verified.report.ok or bundle is None:
                return result
            generation = store.new_generation()
            checkpoint("generation_created")
            try:
                _build_generation(bundle, generation, root, result, progress, fixity,
                                  workers)
            except OSError as exc:
                result.report.error(Where(DB_FILENAME), "The new archive could not be written "
                                    f"({exc.strerror or exc}); nothing was changed.",
                                    "Free space on the kiosk's disk, then import again.")
            except KioskError as exc:
                result.report.error(Where(DB_FILENAME), exc.message, exc.hint)
            except Exception as exc:  # a builder bug must not leave a traceback on screen
                log.exception("Building generation %s failed", generation.name)
                result.report.error(Where(DB_FILENAME), "The new archive could not be built "
                                    f"({type(exc).__name__}); nothing was changed.",
                                    "Report this problem with the kiosk's log file.")
            if not result.report.ok:
                return result
            kept = paths.packages / generation.name
            shutil.rmtree(kept, ignore_errors=True)
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(root, kept)
            checkpoint("package_kept")
            report(progress, "Switching to the new archive", 0, 1)
            store.switch(generation.name)
            result.generation = generation.name
            checkpoint("switched")
            store.prune()
            clear_leftovers(paths, store)
            checkpoint("pruned")
            report(progress, "Switching to the new archive", 1, 1)
            return result
        finally:
            shutil.rmtree(stage, ignore_errors=True)
            if generation is not None and result.generation is None:
                store.discard(generation.name)


# ---- the demo archive --------------------------------------------------------------------


DEMO_DIGEST = "demo-digest.txt"


def demo_digest(folder: Path) -> str:
    """A hash of every file of the shipped demo content, to notice when it changed."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _live_demo_digest(paths: DataPaths) -> str:
    live = GenerationStore(paths.archives).current()
    try:
        return (paths.archives / live / DEMO_DIGEST).read_text("utf-8") if live else ""
    except OSError:
        return ""


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
