"""Start-up housekeeping that needs none of the content pipeline: what killed imports left.

Kept apart from ``content.install`` (which builds generations with SQLAlchemy, Pillow and the
package tools) so a kiosk can tidy its data folder after its first frame without importing any
of that; ``install``, ``upgrade`` and ``doctor`` use the same functions.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.content.scratch import clear_scratch
from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.paths import DataPaths

__all__ = ["IMPORT_RECORD", "STAGING_PREFIX", "clear_leftovers", "import_lock", "import_record",
           "leftovers", "tidy"]

log = logging.getLogger(__name__)

IMPORT_RECORD = "import.json"  # beside the database: which package, signed by which key
STAGING_PREFIX = "import-"


def import_record(generation: Path) -> dict[str, Any]:
    """What ``import.json`` of a generation says ({} when absent or unreadable)."""
    try:
        data = json.loads((generation / IMPORT_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@contextlib.contextmanager
def import_lock(paths: DataPaths, wait: bool = False) -> Iterator[bool]:
    """One import (or start-up clean-up) at a time per data folder; dies with its process.

    Yields True when held. Without ``wait`` a held lock raises ``InvalidInput``.
    """
    try:
        import fcntl
    except ImportError:  # Windows: a single kiosk process imports; no lock needed there
        yield True
        return
    with (paths.root / ".import.lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise InvalidInput("Another import is running on this kiosk.",
                               hint="Wait for it to finish, then try again.") from exc
        yield True


def leftovers(paths: DataPaths, store: GenerationStore) -> list[str]:
    """What killed imports and commands left behind (``clear_leftovers`` removes it), as
    paths relative to the data folder. Reads only."""
    found: list[str] = []
    # This process's own import is not a leftover: it removes its staging folder when done.
    own = f"{STAGING_PREFIX}{os.getpid()}-"
    if paths.staging.is_dir():
        found += [f"staging/{e.name}" for e in paths.staging.iterdir()
                  if e.name.startswith(STAGING_PREFIX) and not e.name.startswith(own)]
    if paths.tmp.is_dir():
        found += [f"tmp/{e.name}" for e in paths.tmp.iterdir()]
    live = store.current()
    generations = store.list()
    for info in generations:
        if info.name == live:
            continue
        package = paths.packages / info.name
        if not info.has_database or (not package.is_dir()
                                     and not import_record(info.path).get("rebuilt_from")):
            # Never published, or (an earlier release's order) published but never kept.
            found.append(f"archives/{info.name}")
    names = {info.name for info in generations}
    aside = {entry.name.split(".", 1)[0] for entry in store.archives_dir.iterdir()
             if "." in entry.name} if store.archives_dir.is_dir() else set()
    if paths.packages.is_dir():
        found += [f"packages/{e.name}" for e in paths.packages.iterdir()
                  if e.name.startswith("gen-") and e.name not in names | aside]
    return found


def clear_leftovers(paths: DataPaths, store: GenerationStore) -> list[str]:
    """Remove what killed imports left: staging and scratch folders, generations that were
    never completed (and their packages), packages of generations that no longer exist.

    A generation moved aside keeps its package (staff may rebuild from it); a complete
    generation is never removed here (only ``installed.retained`` decides that).
    """
    found = leftovers(paths, store)
    clear_scratch(paths.tmp)
    for item in found:
        kind, _slash, name = item.partition("/")
        if kind == "archives":
            store.discard(name)
            shutil.rmtree(paths.packages / name, ignore_errors=True)
        elif kind in ("staging", "packages"):
            shutil.rmtree(paths.root / item, ignore_errors=True)
    if found:
        log.info("Removed what interrupted imports left: %s", ", ".join(found))
    return found




def tidy(paths: DataPaths, keep: int) -> list[str]:
    """Once at start (after the first frame): remove what killed imports left, under the
    import lock; skipped while another process imports. Returns what was removed."""
    try:
        with import_lock(paths):
            return clear_leftovers(paths, GenerationStore(paths.archives, keep=keep))
    except InvalidInput:
        log.info("Another process is importing; the start-up clean-up is skipped.")
        return []
