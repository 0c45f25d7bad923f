"""The status a kiosk reports for monitoring: ``status-<kiosk>.json`` and the same as a
Prometheus node_exporter textfile, ``khojaly_kiosk-<kiosk>.prom``.

Written atomically on a schedule into a folder (a Syncthing folder brings them back to the
curator's office, node_exporter reads the ``.prom``). The file names carry the kiosk id, so
many kiosks can write into one folder; a second machine with the same id (a cloned disk
image) is noticed and writes under its id plus a short instance suffix instead of over the
first one's file. Only aggregates: never anything about a single visitor.
"""

from __future__ import annotations

import logging
import re
import secrets
import shutil
import socket
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khojaly_kiosk import __version__
from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.integrity import quick_check
from khojaly_kiosk.archive.layout import (
    DB_FILENAME,
    META_BUILT_AT,
    META_PACKAGE_VERSION,
    META_TITLE,
    META_TRANSLATION_COVERAGE,
)
from khojaly_kiosk.archive.reader import connect_readonly
from khojaly_kiosk.archive.repositories.sources import translation_coverage
from khojaly_kiosk.kiosk.core.files import read_json, write_atomically, write_json
from khojaly_kiosk.kiosk.core.ledger import ImportLedger, utc_now
from khojaly_kiosk.kiosk.core.prom import render_prom
from khojaly_kiosk.kiosk.core.runs import RunRecord
from khojaly_kiosk.kiosk.core.state import StateStore
from khojaly_kiosk.kiosk.core.usage import usage_totals
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings

log = logging.getLogger(__name__)

STATUS_FORMAT = 1  # bumped when a field changes meaning; readers report newer formats
INSTANCE_FILE = "instance-id"
STATUS_PREFIX, STATUS_SUFFIX = "status-", ".json"
PROM_PREFIX, PROM_SUFFIX = "khojaly_kiosk-", ".prom"
USAGE_STEP = 5  # counts are published rounded down to a multiple of this
INTEGRITY_TTL = 3600.0  # seconds a quick check of the live archive is trusted
_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def kiosk_id(settings: Settings) -> str:
    """The configured ``kiosk_id``, else the host name; only letters, digits, ``._-``."""
    raw = settings.kiosk_id.strip() or socket.gethostname() or "kiosk"
    return _ID_CHARS.sub("-", raw).strip("-.")[:64] or "kiosk"


def instance_id(data_dir: Path, create: bool = True) -> str:
    """A random id of this data folder, made once: tells apart two machines with one name.

    Without ``create`` (``status --json``, which changes nothing) a missing id is "".
    """
    path = data_dir / INSTANCE_FILE
    try:
        existing = path.read_text(encoding="utf-8").strip()
    except OSError:
        existing = ""
    if re.fullmatch(r"[0-9a-f]{16}", existing):
        return existing
    if not create:
        return ""
    fresh = secrets.token_hex(8)
    write_atomically(path, fresh.encode() + b"\n")
    return fresh


def rounded(count: int) -> int:
    """A count as published: rounded down to a multiple of 5 (1-4 become 0), so a quiet
    kiosk's figures cannot single out one visit."""
    return count - count % USAGE_STEP


def _archive_meta(db_path: Path) -> dict[str, str]:
    try:
        connection = connect_readonly(db_path)  # immutable: no -wal/-shm files beside it
        try:
            return dict(connection.execute("SELECT key, value FROM archive_meta").fetchall())
        finally:
            connection.close()
    except sqlite3.Error:
        return {}


@dataclass
class StatusSource:
    """Everything a status is made of, for one data folder."""

    paths: DataPaths
    settings: Settings
    started: float | None = None  # time.time() at start-up; None for `status --json`
    clock: Callable[[], float] = time.time
    _integrity: tuple[str, float, dict[str, Any]] | None = field(default=None, repr=False)

    def integrity(self, generation: str | None) -> dict[str, Any]:
        """SQLite's quick check of the live archive, repeated at most once an hour."""
        if generation is None:
            return {"ok": False, "message": "No archive is live."}
        now = self.clock()
        cached = self._integrity
        if cached is not None and cached[0] == generation and now - cached[1] < INTEGRITY_TTL:
            return cached[2]
        problem = quick_check(self.paths.archives / generation / DB_FILENAME)
        result = {"ok": problem is None,
                  "message": "The archive is intact." if problem is None else problem}
        self._integrity = (generation, now, result)
        return result

    def collect(self) -> dict[str, Any]:
        """The status as a plain dict (the content of ``status-<kiosk>.json``)."""
        now = self.clock()
        generation = GenerationStore(self.paths.archives).current()
        meta = _archive_meta(self.paths.archives / generation / DB_FILENAME) if generation else {}
        version = meta.get(META_PACKAGE_VERSION, "")
        ledger = ImportLedger(self.paths.root)
        try:
            free: int | None = shutil.disk_usage(self.paths.root).free
        except OSError:
            free = None
        return {
            "format": STATUS_FORMAT,
            "kiosk_id": kiosk_id(self.settings),
            "instance": instance_id(self.paths.root, create=self.started is not None),
            "written_at": utc_now(now),
            "written_at_epoch": int(now),
            "app_version": __version__,
            "package": {"version": int(version) if version.isdigit() else None,
                        "title": meta.get(META_TITLE, ""), "generation": generation,
                        "built_at": meta.get(META_BUILT_AT, "")},
            "uptime_seconds": None if self.started is None else int(now - self.started),
            "last_import": ledger.last_import(),
            "inbox": ledger.inbox(),
            "integrity": self.integrity(generation),
            "watchdog_restarts": RunRecord(self.paths.root).unclean_restarts(),
            "disk_free_bytes": free,
            "usage_totals": self._usage(),
            "translation_coverage": [c.to_dict() for c in translation_coverage(
                meta.get(META_TRANSLATION_COVERAGE, ""))],
        }

    def _usage(self) -> dict[str, int]:
        state = StateStore.open_readonly(self.paths.state_db)  # reads only, migrates nothing
        if state is None:
            return {}
        with state:
            return {name: rounded(count) for name, count in usage_totals(state).items()}


def status_dir(paths: DataPaths, settings: Settings) -> Path:
    return Path(settings.status_dir).expanduser() if settings.status_dir else paths.root / "status"


def textfile_dir(paths: DataPaths, settings: Settings) -> Path:
    return (Path(settings.textfile_dir).expanduser() if settings.textfile_dir
            else status_dir(paths, settings))


class StatusWriter:
    """Writes the status files of one kiosk; call :meth:`write` on a schedule."""

    def __init__(self, source: StatusSource) -> None:
        self.source = source
        self._name: str | None = None  # the file name part, decided once per process

    def _file_name(self, status: dict[str, Any], folder: Path) -> str:
        """The kiosk id, or (when another machine already writes under it) the id plus
        this instance's first six characters. Decided once, so a file never changes hands."""
        if self._name is None:
            name, instance = status["kiosk_id"], status["instance"]
            other = read_json(folder / f"{STATUS_PREFIX}{name}{STATUS_SUFFIX}")
            window = 2 * max(self.source.settings.status_seconds, 60) + 60
            if (isinstance(other, dict) and other.get("instance") not in (None, instance)
                    and isinstance(other.get("written_at_epoch"), int)
                    and self.source.clock() - other["written_at_epoch"] < window):
                log.warning("Another kiosk writes its status as %s; this one writes as %s.",
                            name, f"{name}-{instance[:6]}")
                name = f"{name}-{instance[:6]}"
            self._name = name
        return self._name

    def write(self) -> tuple[Path, Path]:
        """Write ``status-<id>.json`` and ``khojaly_kiosk-<id>.prom``; return their paths."""
        paths, settings = self.source.paths, self.source.settings
        status = self.source.collect()
        folder = status_dir(paths, settings)
        name = self._file_name(status, folder)
        if name != status["kiosk_id"]:
            status["id_shared_with_another_kiosk"] = True
        json_path = folder / f"{STATUS_PREFIX}{name}{STATUS_SUFFIX}"
        prom_path = textfile_dir(paths, settings) / f"{PROM_PREFIX}{name}{PROM_SUFFIX}"
        write_json(json_path, status)
        write_atomically(prom_path, render_prom(status).encode("utf-8"))
        return json_path, prom_path
