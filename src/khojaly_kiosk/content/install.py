"""Making a checked bundle the live archive: build, check, keep, publish, switch, prune.

Shared by an import (``content.pipeline``) and a rebuild of an older generation
(``content.upgrade``). ``install`` never touches the live generation: it builds and checks a
NEW generation and only then switches the ``current`` pointer (the single commit point,
atomic). The package is kept and the database, built under a temporary name, is renamed to
``archive.sqlite`` only after it passed its checks, so a generation folder holding
``archive.sqlite`` is always complete and has its package. A process killed at any moment
leaves the old archive live (and some leftovers ``clear_leftovers`` removes at the next start
or import) or the new one live, never a mix. What is kept afterwards follows
``installed.retained``.

Free disk space is checked before the build (the estimate of the new generation plus a
reserve, ``content.diskspace``) and while the names are written; a full disk gets one
sentence, never a traceback.

Named write points (see ``checkpoint``) let tests SIGKILL a real import at each of them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.integrity import write_digest
from khojaly_kiosk.archive.schema import DB_FILENAME, MEDIA_DIRNAME
from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.diskspace import (
    FREE_SPACE_HINT,
    DiskFull,
    check_room,
    disk_full_sentence,
    is_disk_full,
)
from khojaly_kiosk.content.fixity import Fixity, Syncer, fsync_path, fsync_tree
from khojaly_kiosk.content.housekeeping import (
    STAGING_PREFIX,
    clear_leftovers,
    import_lock,
    leftovers,
)
from khojaly_kiosk.content.imaging import ImageWorkers
from khojaly_kiosk.content.installed import IMPORT_RECORD, retained, write_record
from khojaly_kiosk.content.media import make_derivatives
from khojaly_kiosk.content.progress import Progress, report
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.errors import KioskError
from khojaly_kiosk.paths import DataPaths

__all__ = ["STAGING_PREFIX", "WRITE_POINTS", "ImportResult", "Install", "checkpoint",
           "clear_leftovers", "import_lock", "install", "leftovers"]

log = logging.getLogger(__name__)

BUILDING_DB = "archive.building.sqlite"  # renamed to DB_FILENAME once checked
WRITE_POINTS = ("staged", "verified", "generation_created", "media_written", "db_built",
                "package_kept", "db_renamed", "switched", "pruned")
_PAUSE_ENV = "KHOJALY_TEST_PAUSE_AT"
_MARKER_ENV = "KHOJALY_TEST_MARKER"
# A new generation takes about this many bytes per byte of its text files (rows, the name
# index, the search index); images become derivatives of about this share of their size.
_TEXT_GROWTH = 4
_IMAGE_SHARE = 0.5
_DISK_CHECK_SECONDS = 0.25  # between free-space checks while a large table is written


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
    pruned: list[str] = field(default_factory=list)

    def message(self) -> str:
        """One sentence for the CLI and the staff panel."""
        if self.report.ok and self.generation:
            return (f"Package version {self.version} is now live ({self.generation}); "
                    f"{self.counts.get('names', 0)} names, "
                    f"{self.counts.get('testimonies', 0)} testimonies, "
                    f"{self.counts.get('media', 0)} media files.")
        return f"The package was not imported ({self.report.summary()}); nothing was changed."


def _publish_db(generation: Path) -> None:
    """Record the checked database's SHA-256 beside it (``integrity.changed_bytes`` tells
    a row changed on the disk later), then rename it to its final name, durably."""
    building = generation / BUILDING_DB
    fsync_path(building)
    fsync_path(write_digest(building))
    os.replace(building, generation / DB_FILENAME)
    fsync_path(generation)


def _prune(paths: DataPaths, store: GenerationStore) -> list[str]:
    """Apply the retention rule (``installed.retained``): generations and their packages."""
    removed = store.prune(protect=retained(paths, store))
    for name in removed:
        shutil.rmtree(paths.packages / name, ignore_errors=True)
    return removed


# ---- building a generation -----------------------------------------------------------------


def estimate_generation_bytes(bundle: ContentBundle, data: Path) -> int:
    """About how many bytes a new generation of ``bundle`` takes on the disk.

    Text files grow into rows and indexes; images into smaller derivatives; audio and video
    are linked to the kept package (no new bytes). A reading error counts as nothing.
    """
    text = images = 0
    for path in data.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file() and path.suffix.lower() in (".csv", ".toml", ".json", ".xml",
                                                          ".vtt"):
                text += path.stat().st_size
    for item in bundle.media:
        with contextlib.suppress(OSError):
            if item.asset.mime.startswith("image/") or item.file.suffix.lower() in (
                    ".jpg", ".jpeg", ".png", ".webp"):
                images += item.file.stat().st_size
    return int(text * _TEXT_GROWTH + images * _IMAGE_SHARE)


def _room_for(folder: Path) -> Callable[[], None]:
    """Raises ``DiskFull`` once the reserve is reached (checked at most 4 times a second)."""
    last = [0.0]

    def check() -> None:
        now = time.monotonic()
        if now - last[0] >= _DISK_CHECK_SECONDS:
            last[0] = now
            check_room(folder, 0, "the new archive")

    return check


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


def _build_database(bundle: ContentBundle, generation: Path, result: ImportResult,
                    progress: Progress | None, fixity: Fixity) -> None:
    """Build and check the database of a new generation; problems go to ``result.report``."""
    from khojaly_kiosk.archive.integrity import check_archive
    from khojaly_kiosk.content.archive_writer import ContentRejected, write_archive

    media_dir = generation / MEDIA_DIRNAME
    report(progress, "Building the archive", 0, 1)
    try:
        write_archive(bundle, generation / BUILDING_DB, media_dir, known_digest=fixity.digest,
                      report=result.report, progress=progress, room=_room_for(generation))
    except ContentRejected:
        return  # the rows' problems are in the report already
    checkpoint("db_built")
    report(progress, "Checking the new archive", 0, 1)
    # Media unchanged since it was hashed while written is not read again (see fixity).
    check = check_archive(generation / BUILDING_DB, media_dir, bundle.counts(),
                          known_digest=fixity.digest, full=False, references=False)
    for problem in check.problems:
        result.report.error(Where(DB_FILENAME), f"The new archive failed its check: {problem}",
                            "Nothing was changed; report this problem.")
    if check.ok:
        result.counts = dict(check.counts)


def _failed(result: ImportResult, generation: Path, exc: BaseException) -> None:
    """One sentence for whatever stopped a build: a full disk, a refusal, or a bug (logged)."""
    if is_disk_full(exc):
        message = exc.message if isinstance(exc, DiskFull) else disk_full_sentence(
            generation, "the new archive")
        result.report.error(Where(DB_FILENAME), message, FREE_SPACE_HINT)
    elif isinstance(exc, KioskError):
        result.report.error(Where(DB_FILENAME), exc.message, exc.hint)
    elif isinstance(exc, OSError):
        result.report.error(Where(DB_FILENAME), "The new archive could not be written "
                            f"({exc.strerror or exc}); nothing was changed.",
                            "Check the kiosk's data disk, then import again.")
    else:  # a builder bug must not leave a traceback on screen: it goes to the log
        log.error("Building generation %s failed", generation.name, exc_info=exc)
        result.report.error(Where(DB_FILENAME), "The new archive could not be built "
                            f"({type(exc).__name__}); nothing was changed.",
                            "Report this problem with the kiosk's log file (logs/kiosk.log "
                            "in the data folder).")


@dataclass
class Install:
    """What ``install`` makes live: a checked bundle read from the bag at ``root``.

    ``keep(target)`` puts the package at ``packages/<generation>`` (an import moves its
    staged copy there, a rebuild links the kept one). ``replaced`` names the generation live
    before (kept by the retention rule, so ``rollback`` can return to it).
    """

    bundle: ContentBundle
    root: Path
    fixity: Fixity
    keep: Callable[[Path], None]
    replaced: str | None = None
    rebuilt_from: str | None = None
    extra_files: tuple[Path, ...] = ()  # copied into the generation (the demo's digest)
    acknowledges: bool = True  # staff acted: a fallback notice is settled by the switch


def install(job: Install, paths: DataPaths, store: GenerationStore, result: ImportResult,
            progress: Progress | None, workers: ImageWorkers) -> None:
    """Build, check, keep, publish and switch to a new generation of ``job``.

    Problems go to ``result.report``; ``result.generation`` is set once it is live. A
    generation that did not become live is removed with its package.
    """
    try:
        check_room(paths.archives, estimate_generation_bytes(job.bundle, job.root / "data"),
                   "the new archive")
    except DiskFull as exc:
        result.report.error(Where(DB_FILENAME), exc.message, exc.hint)
        return
    generation = store.new_generation()
    checkpoint("generation_created")
    try:
        try:
            _build_generation(job.bundle, generation, job.root, result, progress, job.fixity,
                              workers)
            if not result.report.ok:
                return
            write_record(generation, job.bundle.info, result.key_id, replaced=job.replaced,
                         rebuilt_from=job.rebuilt_from)
            for extra in job.extra_files:
                shutil.copyfile(extra, generation / extra.name)
            fsync_path(generation / IMPORT_RECORD)
            kept = paths.packages / generation.name
            shutil.rmtree(kept, ignore_errors=True)
            kept.parent.mkdir(parents=True, exist_ok=True)
            job.keep(kept)
            checkpoint("package_kept")
            _publish_db(generation)
            checkpoint("db_renamed")
        except Exception as exc:
            _failed(result, generation, exc)
            return
        report(progress, "Switching to the new archive", 0, 1)
        store.switch(generation.name)
        result.generation = generation.name
        checkpoint("switched")
        if job.acknowledges:
            store.acknowledge_fallback()  # staff acted: a new archive replaces the fallback
        result.pruned = _prune(paths, store)
        clear_leftovers(paths, store)
        checkpoint("pruned")
        report(progress, "Switching to the new archive", 1, 1)
    finally:
        if result.generation is None:
            store.discard(generation.name)
            shutil.rmtree(paths.packages / generation.name, ignore_errors=True)


