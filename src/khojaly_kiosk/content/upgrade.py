"""After a kiosk update: the start-up clean-up, and rebuilding generations of an earlier schema.

A generation records the archive schema it was built with. When the kiosk's code is newer,
the live generation is rebuilt from the package kept for it (same content, same package
version, this kiosk's schema) into a NEW generation, which then goes live; the old one is
kept (it is the one live before, see ``installed.retained``) and never moved aside. When a
rebuild is impossible (no kept package, or the package fails today's checks), the old
generation is served as it is if this code can read it (``archive.generations``), and the
log, ``status`` and ``doctor`` say why.

``start_up`` runs once when the kiosk starts: under the import lock (skipped while another
process imports) it removes what interrupted imports and commands left (staging, scratch,
unfinished generations) and rebuilds an older live generation.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.integrity import assess
from khojaly_kiosk.archive.schema import DB_FILENAME, MEDIA_DIRNAME
from khojaly_kiosk.content import installed
from khojaly_kiosk.content.fixity import Fixity, sha256_file
from khojaly_kiosk.content.imaging import ImageWorkers
from khojaly_kiosk.content.install import (
    ImportResult,
    Install,
    clear_leftovers,
    import_lock,
    install,
)
from khojaly_kiosk.content.installed import IMPORT_RECORD, import_record, trusted_keys
from khojaly_kiosk.content.package import verify_bag
from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings

__all__ = ["rebuild", "rollback", "start_up", "upgrade_live"]

log = logging.getLogger(__name__)


def _link_tree(source: Path, target: Path) -> None:
    """``target`` as a copy of ``source`` made of hard links (a copy where links fail).

    Kept packages are never written again, so sharing their bytes is safe and costs no
    space.
    """
    for folder, _dirs, files in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in files:
            try:
                os.link(Path(folder, name), here / name)
            except OSError:
                shutil.copy2(Path(folder, name), here / name)


def _hashed(package: Path) -> Fixity:
    """Digests of every file of a kept package, each file read once."""
    fixity = Fixity()
    for path in package.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fixity.record(path, sha256_file(path))
    return fixity


def _carried_over(generation: Path) -> tuple[Path, ...]:
    """Notes kept beside a generation's database (the demo's digest) for its rebuild."""
    return tuple(p for p in sorted(generation.iterdir()) if p.is_file()
                 and p.name not in (DB_FILENAME, IMPORT_RECORD) and not p.name.startswith(
                     ("archive.", MEDIA_DIRNAME)))


def rebuild(paths: DataPaths, name: str, settings: Settings,
            progress: Progress | None = None, replaced: str | None = None) -> ImportResult:
    """Build ``name``'s kept package again with this kiosk's schema and make it live.

    The caller holds the import lock. The package is checked as at its import (signature,
    files, content); the key recorded when it was imported is trusted for it even if the
    kiosk's key list changed since. Problems go to ``result.report``; nothing is changed
    then. ``replaced``: the generation live before (default: ``name`` itself, as after an
    update; a rollback names the live one it leaves).
    """
    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    result = ImportResult(ValidationReport())
    package = paths.packages / name
    if not package.is_dir():
        result.report.error(Where(f"packages/{name}"), f"No package is kept for {name}, so it "
                            "cannot be rebuilt for this version of the kiosk.",
                            "Import the content package again.")
        return result
    keys = list(trusted_keys(paths, settings))
    recorded = import_record(paths.archives / name).get("key_id")
    if isinstance(recorded, str) and recorded and recorded not in keys:
        keys.append(recorded)
    fixity = _hashed(package)
    verified = verify_bag(package, keys, progress, fixity, defer_streams=True)
    result.report, result.key_id = verified.report, verified.key_id
    result.version = result.previous_version = verified.info.version
    if not verified.report.ok or verified.bundle is None:
        return result
    with ImageWorkers() as workers:
        install(Install(verified.bundle, package, fixity,
                        keep=lambda kept: _link_tree(package, kept),
                        replaced=replaced or name,
                        rebuilt_from=name, extra_files=_carried_over(paths.archives / name),
                        acknowledges=False),
                paths, store, result, progress, workers)
    return result


def upgrade_live(paths: DataPaths, settings: Settings,
                 progress: Progress | None = None) -> str | None:
    """Rebuild the live generation when an earlier version of the kiosk built it.

    The caller holds the import lock. Returns a sentence of what happened, or None when
    there was nothing to do.
    """
    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    live = store.current()
    if live is None:
        return None
    found = assess(paths.archives / live / DB_FILENAME)
    if found.state != "older":
        return None
    log.info("Rebuilding %s for this version of the kiosk: %s", live, found.problem)
    result = rebuild(paths, live, settings, progress)
    if result.generation is not None:
        message = (f"Package version {result.version} ({live}) was rebuilt for this version of "
                   f"the kiosk as {result.generation}, which is live now; {live} stays kept.")
        log.info(message)
        return message
    served = "it is shown as it is" if found.readable else "an earlier generation is shown"
    message = (f"Generation {live} was built by an earlier version of the kiosk and could not "
               f"be rebuilt ({result.report.summary()}); {served}.")
    log.warning("%s %s", message, result.report.to_text())
    return message


def rollback(paths: DataPaths, settings: Settings, to_version: int | None = None,
             progress: Progress | None = None) -> str:
    """``installed.rollback``; a target built by an earlier kiosk is rebuilt from its kept
    package first (so a rollback still reaches what an update left behind)."""
    try:
        return installed.rollback(paths, to_version)
    except installed.NeedsRebuild as needed:
        target = needed.target
    with import_lock(paths):
        live = GenerationStore(paths.archives).current()
        result = rebuild(paths, target.name, settings, progress, replaced=live)
    if result.generation is None:
        raise InvalidInput(f"Package version {target.version} ({target.name}) could not be "
                           f"rebuilt for this version of the kiosk ({result.report.summary()});"
                           " nothing was changed.", hint=result.report.to_text())
    GenerationStore(paths.archives).acknowledge_fallback()  # staff chose what is shown
    return (f"Package version {target.version} ({target.name}) was rebuilt for this version of "
            f"the kiosk as {result.generation} and is live again; {live} stays kept.")


def start_up(paths: DataPaths, settings: Settings,
             progress: Progress | None = None) -> list[str]:
    """Once at start: clear leftovers and rebuild an older live generation (see module).

    Returns sentences of what was done. Skipped while another process holds the import
    lock; never raises for what it finds (a problem is logged and the kiosk starts).
    """
    done: list[str] = []
    try:
        paths.ensure()
        with import_lock(paths):
            store = GenerationStore(paths.archives, keep=settings.keep_generations)
            removed = clear_leftovers(paths, store)
            if removed:
                done.append(f"Removed what interrupted work left: {', '.join(removed)}.")
            with contextlib.suppress(InvalidInput):
                upgraded = upgrade_live(paths, settings, progress)
                if upgraded:
                    done.append(upgraded)
    except InvalidInput:
        log.info("Another process is importing; the start-up clean-up is skipped.")
    except Exception:  # the kiosk must start whatever its housekeeping met
        log.exception("The start-up clean-up stopped")
    return done
