"""``imports.json`` in the data folder: what became of each package this kiosk has seen.

Written by the synced inbox (every outcome), the staff panel and ``khojaly-kiosk import``
(their imports), read by the status file. It remembers which packages were imported, by
the fingerprint of their signed list of files, so a package dropped twice imports once.
No Qt; safe to call from a worker thread.
"""

from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from khojaly_kiosk.kiosk.core.files import read_json, write_json

LEDGER_FILE = "imports.json"
KEEP_IMPORTED = 200  # package fingerprints remembered


def utc_now(clock: float | None = None) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if clock is None
                                                           else clock))


@dataclass(frozen=True)
class Outcome:
    """One package and what became of it; ``state`` is one word (see docs/fleet.md)."""

    package: str  # the file or folder name
    state: str  # arriving, waiting, refused, scheduled, imported, failed, duplicate, ...
    message: str  # one sentence for a person
    version: int | None = None
    at: str = ""  # ISO 8601 UTC
    how: str = "inbox"  # inbox, staff or command
    folder: str = ""  # the inbox folder it lies in

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ImportLedger:
    """The ledger of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LEDGER_FILE
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Any]:
        data = read_json(self.path)
        if not isinstance(data, dict):
            return {"last_import": None, "inbox": [], "imported": {}}
        data.setdefault("last_import", None)
        data.setdefault("inbox", [])
        data.setdefault("imported", {})
        return data

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return self._load()

    def last_import(self) -> dict[str, Any] | None:
        last = self.snapshot().get("last_import")
        return last if isinstance(last, dict) else None

    def inbox(self) -> list[dict[str, Any]]:
        entries = self.snapshot().get("inbox")
        return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []

    def imported(self, identity: str) -> dict[str, Any] | None:
        """What is known of an earlier import of the package with this fingerprint."""
        found = self.snapshot()["imported"].get(identity) if identity else None
        return found if isinstance(found, dict) else None

    def record_import(self, outcome: Outcome, identity: str = "") -> None:
        """An import ran (by any way in): it is the last import; a success is remembered."""
        with self._lock:
            data = self._load()
            data["last_import"] = outcome.to_dict()
            if identity and outcome.state == "imported":
                imported = data["imported"]
                imported[identity] = {"package": outcome.package, "version": outcome.version,
                                      "at": outcome.at}
                if len(imported) > KEEP_IMPORTED:
                    for key in sorted(imported, key=lambda k: imported[k].get("at", ""))[
                            : len(imported) - KEEP_IMPORTED]:
                        imported.pop(key)
            write_json(self.path, data)

    def set_inbox(self, outcomes: list[Outcome]) -> None:
        """The packages now in the inbox folders and their state (written when it changed)."""
        entries = [o.to_dict() for o in outcomes]
        with self._lock:
            data = self._load()
            if data["inbox"] == entries:
                return
            data["inbox"] = entries
            write_json(self.path, data)


def record_import_result(data_dir: Path, package: Path, ok: bool, message: str,
                         version: int | None, how: str) -> Outcome:
    """Record an import made by hand (the staff panel, ``khojaly-kiosk import``)."""
    from khojaly_kiosk.kiosk.core.sync import identity

    outcome = Outcome(package.name, "imported" if ok else "failed", message, version or None,
                      utc_now(), how, str(package.parent))
    ImportLedger(data_dir).record_import(outcome, identity(package) if ok else "")
    return outcome
