"""Which archive generation is live: ``archives/gen-NNNNNN/`` folders and a ``current`` pointer.

An import builds a new generation, checks it, then ``switch``es the pointer atomically
(write a temp file, fsync, ``os.replace``, fsync the folder), so a power cut leaves either the
old or the new name in ``current``, never half of one. At boot ``open_live`` assesses the
live generation (``integrity.assess``):

- a damaged one is moved aside (never deleted: staff may want to inspect it), the newest
  earlier good generation is served and the pointer names it;
- one built by another version of the kiosk is never moved aside: an older one this code
  can read is served as it is (``content.upgrade`` rebuilds it from its kept package first),
  a newer one, or an older one it cannot read, is left where it is and an earlier
  generation served meanwhile, without moving the pointer.

Whenever another generation than the pointer's is served, ``fallback.json`` in the archives
folder says which and why until staff acknowledge it (``doctor`` reports it). With
``repair=False`` (read-only commands such as ``status``) nothing in the folder changes.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from khojaly_kiosk.archive.integrity import assess, quick_check
from khojaly_kiosk.archive.layout import DB_FILENAME, MEDIA_DIRNAME
from khojaly_kiosk.archive.reader import Reader
from khojaly_kiosk.archive.repositories import SqliteArchive
from khojaly_kiosk.errors import ArchiveUnavailable, InvalidInput

__all__ = ["DB_FILENAME", "MEDIA_DIRNAME", "GenerationInfo", "GenerationStore", "LiveArchive"]

log = logging.getLogger(__name__)

POINTER_NAME = "current"
FALLBACK_NOTICE = "fallback.json"  # which generation is served instead of the pointer's, why
_POINTER_TEMP_PREFIX = ".current."
_GENERATION = re.compile(r"^gen-(\d{6})$")
_ANY_NUMBERED = re.compile(r"^gen-(\d{6})\b")  # also matches moved-aside folders


@dataclass(frozen=True)
class GenerationInfo:
    name: str
    number: int
    path: Path
    is_current: bool
    has_database: bool
    modified: datetime  # when the folder last changed (about when it was built)

    @property
    def db_path(self) -> Path:
        return self.path / DB_FILENAME


@dataclass
class LiveArchive:
    """The generation the kiosk serves, opened read-only (plain ``sqlite3``: the visitor's
    process never imports SQLAlchemy)."""

    name: str
    path: Path
    db_path: Path
    reader: Reader
    repos: SqliteArchive
    fell_back_from: str | None = None  # the generation the pointer named, if not this one
    fallback_reason: str = ""  # why that one is not served (one sentence)

    def close(self) -> None:
        self.reader.close()


def _fsync_dir(folder: Path) -> None:
    # Directories cannot be opened for fsync on Windows; NTFS journals the rename itself.
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class GenerationStore:
    """The generations under ``archives_dir`` and its ``current`` pointer.

    Args:
        archives_dir: e.g. ``DataPaths.archives``; created when missing.
        keep: how many generations ``prune`` keeps (the current one always stays).
    """

    def __init__(self, archives_dir: Path, keep: int = 3) -> None:
        self.archives_dir = Path(archives_dir)
        self.keep = max(1, keep)

    @property
    def pointer(self) -> Path:
        return self.archives_dir / POINTER_NAME

    def path_of(self, name: str) -> Path:
        if not _GENERATION.match(name):
            raise InvalidInput(
                f"{name!r} is not the name of an archive generation.",
                hint="Generation names look like gen-000042; `khojaly-kiosk status` lists them.",
            )
        return self.archives_dir / name

    def _numbers(self) -> builtins.list[int]:
        if not self.archives_dir.is_dir():
            return []
        found = (_ANY_NUMBERED.match(entry.name) for entry in self.archives_dir.iterdir())
        return [int(match.group(1)) for match in found if match]

    def new_generation(self) -> Path:
        """Create the folder of the next generation (numbers are never reused)."""
        self.archives_dir.mkdir(parents=True, exist_ok=True)
        number = max(self._numbers(), default=0) + 1
        while True:
            folder = self.archives_dir / f"gen-{number:06d}"
            try:
                folder.mkdir()
            except FileExistsError:  # another process took it in the meantime
                number += 1
                continue
            (folder / MEDIA_DIRNAME).mkdir()
            return folder

    def discard(self, name: str) -> None:
        """Remove a generation whose build failed. The live generation is never removed."""
        if name == self.current():
            raise InvalidInput(
                f"The generation {name} is live and cannot be discarded.",
                hint="Switch to another generation first.",
            )
        shutil.rmtree(self.path_of(name), ignore_errors=True)

    def current(self) -> str | None:
        """The live generation's name, or None when no valid pointer exists."""
        try:
            name = self.pointer.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not _GENERATION.match(name):
            log.warning("The archive pointer %s holds %r, not a generation name.",
                        self.pointer, name[:40])
            return None
        return name

    def pointer_problem(self) -> str | None:
        """A sentence when a ``current`` pointer exists but names no generation."""
        if not self.pointer.exists() or self.current() is not None:
            return None
        try:
            shown = self.pointer.read_bytes()[:40].decode("utf-8", "replace").strip()
        except OSError as exc:
            return f"The archive pointer {self.pointer} cannot be read ({exc.strerror})."
        return (f"The archive pointer {self.pointer} is damaged: it holds {shown!r}, not the "
                "name of a generation.")

    def _write_atomically(self, target: Path, text: str) -> None:
        fd, temp_name = tempfile.mkstemp(prefix=_POINTER_TEMP_PREFIX, suffix=".tmp",
                                         dir=self.archives_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        _fsync_dir(self.archives_dir)

    def switch(self, name: str) -> None:
        """Make ``name`` live. Atomic: readers see the old or the new name, nothing else."""
        folder = self.path_of(name)
        if not (folder / DB_FILENAME).is_file():
            raise InvalidInput(
                f"The generation {name} has no archive file and cannot be made live.",
                hint="Import the content package again.",
            )
        if self.pointer.is_dir() and not self.pointer.is_symlink():
            # Not a pointer at all: kept for inspection (never deleted), then replaced.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            aside = self.archives_dir / f"{POINTER_NAME}.corrupt-{stamp}"
            os.replace(self.pointer, aside)
            log.warning("The archive pointer %s was a folder; moved it aside to %s.",
                        self.pointer, aside.name)
        self._write_atomically(self.pointer, name + "\n")
        # Temp files left by a crash during an earlier switch are junk now.
        for leftover in self.archives_dir.glob(f"{_POINTER_TEMP_PREFIX}*.tmp"):
            leftover.unlink(missing_ok=True)
        log.info("Archive generation %s is now live.", name)

    def list(self) -> builtins.list[GenerationInfo]:
        """Every generation folder (moved-aside ones excluded), oldest first."""
        if not self.archives_dir.is_dir():
            return []
        live = self.current()
        result = []
        for entry in self.archives_dir.iterdir():
            match = _GENERATION.match(entry.name)
            if not match or not entry.is_dir():
                continue
            result.append(
                GenerationInfo(
                    name=entry.name,
                    number=int(match.group(1)),
                    path=entry,
                    is_current=entry.name == live,
                    has_database=(entry / DB_FILENAME).is_file(),
                    modified=datetime.fromtimestamp(entry.stat().st_mtime, UTC),
                )
            )
        return sorted(result, key=lambda info: info.number)

    def previous_good(self) -> str | None:
        """The newest generation older than the live one that passes a quick check."""
        live = self.current()
        if live is None:
            return None
        live_number = int(live[4:])
        for info in reversed(self.list()):
            if info.number < live_number and quick_check(info.db_path) is None:
                return info.name
        return None

    def prune(self, protect: set[str] | frozenset[str] = frozenset()) -> builtins.list[str]:
        """Delete every generation but the newest ``keep`` complete ones, the live one and
        those in ``protect`` (the retention rule of ``content.installed.retained``).

        Moved-aside (corrupt) generations are left alone for staff to inspect.
        """
        live = self.current()
        generations = self.list()
        complete = [info for info in generations if info.has_database]
        keep = {info.name for info in complete[-self.keep:]} | {live} | set(protect)
        removed = []
        for info in generations:
            if info.name not in keep:
                shutil.rmtree(info.path, ignore_errors=True)
                removed.append(info.name)
        return removed

    def move_aside(self, name: str) -> Path:
        """Rename a broken generation to ``gen-NNNNNN.corrupt-<UTC timestamp>``."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.archives_dir / f"{name}.corrupt-{stamp}"
        suffix = 1
        while target.exists():
            suffix += 1
            target = self.archives_dir / f"{name}.corrupt-{stamp}-{suffix}"
        os.replace(self.path_of(name), target)
        _fsync_dir(self.archives_dir)
        return target

    def _candidates(self, live: str | None) -> builtins.list[str]:
        # A folder without its archive file is a build in progress (or one that crashed),
        # not a corrupt generation: it is never served and never moved aside.
        names = [info.name for info in reversed(self.list()) if info.has_database]
        if live is None:
            return names
        live_number = int(live[4:])
        return [live] + [name for name in names if int(name[4:]) < live_number]

    # ---- the fallback notice ------------------------------------------------------------

    @property
    def notice_path(self) -> Path:
        return self.archives_dir / FALLBACK_NOTICE

    def fallback_notice(self) -> dict[str, Any] | None:
        """What ``fallback.json`` says (None when there is no notice, or it is unreadable)."""
        try:
            data = json.loads(self.notice_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _record_fallback(self, served: str, instead_of: str | None, reason: str) -> None:
        known = self.fallback_notice() or {}
        if known.get("served") == served and known.get("instead_of") == instead_of:
            return  # the same fallback as at an earlier start: keep when it began
        notice = {"served": served, "instead_of": instead_of, "reason": reason,
                  "since": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
        try:
            self._write_atomically(self.notice_path, json.dumps(notice, indent=2) + "\n")
        except OSError as exc:  # the kiosk still serves; the log says what happened
            log.error("Could not record the fallback notice: %s", exc)

    def acknowledge_fallback(self) -> bool:
        """Staff have seen the fallback (or acted on it): drop the notice. True if one was."""
        try:
            self.notice_path.unlink()
        except FileNotFoundError:
            return False
        with contextlib.suppress(OSError):
            _fsync_dir(self.archives_dir)
        return True

    # ---- serving -------------------------------------------------------------------------

    def open_live(self, *, repair: bool = True) -> LiveArchive:
        """Open the live generation read-only, falling back to an earlier servable one.

        Args:
            repair: move a damaged generation aside, point ``current`` at the one served
                in its place and record a fallback notice. False changes nothing on disk
                (for read-only commands): the same generation is chosen and opened.

        Raises:
            ArchiveUnavailable: no generation can be served; the sentence says why.
        """
        live = self.current()
        pointer_problem = self.pointer_problem()
        fell_back_from: str | None = None
        reasons: builtins.list[str] = [pointer_problem] if pointer_problem else []
        move_pointer = live is None  # a missing or garbage pointer is simply repaired
        if live is None and not repair and not pointer_problem and not self.pointer.exists():
            complete = [info.name for info in self.list() if info.has_database]
            if complete:  # what a read-only look must say; the next start writes it again
                reasons.append(f"The archive pointer {self.pointer} is missing although "
                               f"generations are installed; the kiosk serves the newest "
                               f"complete one, {complete[-1]}, and writes the pointer again "
                               "at its next start.")
        for name in self._candidates(live):
            folder = self.archives_dir / name
            found = assess(folder / DB_FILENAME)
            if found.readable:
                if found.state == "older":
                    log.warning("Serving %s as an earlier kiosk built it: %s", name,
                                found.problem)
                return self._open(name, live, fell_back_from, reasons, repair, move_pointer)
            fell_back_from = fell_back_from or live
            reasons.append(found.problem)
            if found.state == "damaged" or (found.state == "missing" and name == live):
                move_pointer = move_pointer or name == live
                if repair and folder.is_dir():
                    moved = self.move_aside(name)
                    log.warning("Archive generation %s is unusable: %s Moved it aside to %s.",
                                name, found.problem, moved.name)
                    continue
            log.warning("Archive generation %s is not served: %s", name, found.problem)
        raise ArchiveUnavailable(
            "No usable content archive is installed on this kiosk"
            + (f": {reasons[0]}" if reasons else "."),
            hint="Import a content package with `khojaly-kiosk import PACKAGE`"
            + (f" ({'; '.join(reasons[1:3])})" if len(reasons) > 1 else "") + ".",
        )

    def _open(self, name: str, live: str | None, fell_back_from: str | None,
              reasons: builtins.list[str], repair: bool, move_pointer: bool) -> LiveArchive:
        folder = self.archives_dir / name
        reason = " ".join(reasons)
        if name != live and repair:
            if move_pointer:  # the pointer's generation is gone or damaged: name this one
                try:
                    self.switch(name)
                except OSError as exc:  # serve it all the same; the next start tries again
                    log.error("Could not point %s at %s: %s", self.pointer, name, exc)
            if fell_back_from or reasons:
                log.warning("Serving archive generation %s in place of %s.", name,
                            fell_back_from or "the damaged pointer")
                self._record_fallback(name, fell_back_from, reason)
        reader = Reader(folder / DB_FILENAME)
        return LiveArchive(
            name=name,
            path=folder,
            db_path=folder / DB_FILENAME,
            reader=reader,
            repos=SqliteArchive(reader, folder, name),
            fell_back_from=fell_back_from,
            fallback_reason=reason,
        )
