"""``khojaly-kiosk fleet-report DIR``: many kiosks' status files in one table.

The status files come back to the curator's office through the sync engine. A kiosk is
*silent* when it has not written for N hours, *failing* when its archive is damaged or its
last import (or a package in its inbox) failed or was refused, *behind* when it shows an
older package than the newest in the fleet. A file that cannot be read, or that a newer
version of the kiosk software wrote, is reported as such, never a crash.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khojaly_kiosk.errors import EnvironmentProblem, InvalidInput
from khojaly_kiosk.kiosk.core.status import STATUS_FORMAT, STATUS_PREFIX, STATUS_SUFFIX

LOW_DISK_BYTES = 500 * 1024 * 1024
PROBLEM_STATES = ("silent", "failing", "behind", "unreadable")
COLUMNS = ("kiosk", "state", "package", "last heard", "last import", "archive", "restarts",
           "disk free", "notes")


@dataclass
class KioskRow:
    kiosk: str
    file: str
    state: str = "ok"
    package: int | None = None
    heard_hours: float | None = None
    last_import: str = ""
    archive: str = ""
    restarts: int | None = None
    disk_free: int | None = None
    notes: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        heard = "" if self.heard_hours is None else _age(self.heard_hours)
        free = "" if self.disk_free is None else f"{self.disk_free / 1e9:.1f} GB"
        return [self.kiosk, self.state, "" if self.package is None else str(self.package),
                heard, self.last_import, self.archive,
                "" if self.restarts is None else str(self.restarts), free,
                "; ".join(self.notes)]


def _age(hours: float) -> str:
    if hours < 1:
        return f"{max(hours * 60, 0):.0f} min ago"
    return f"{hours:.1f} h ago" if hours < 48 else f"{hours / 24:.0f} days ago"


def _short(message: object, limit: int = 160) -> str:
    """A message without its hint, at most ``limit`` characters."""
    text = str(message or "").split(" Hint:")[0].removeprefix("The package was refused: ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _get(data: dict[str, Any], *keys: str) -> Any:
    value: Any = data
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def read_fleet(folder: Path, now: float, silent_hours: float = 6.0,
               expected_version: int | None = None) -> list[KioskRow]:
    """One row per status file in ``folder`` and its subfolders, classified (see the module
    docstring)."""
    if not folder.is_dir():
        raise InvalidInput(f"The folder {folder} does not exist.",
                           hint="Give the folder the kiosks write their status-*.json into.")
    pattern = f"{STATUS_PREFIX}*{STATUS_SUFFIX}"
    # One folder for all kiosks, or (one Syncthing folder per kiosk) a subfolder for each.
    files = sorted([*folder.glob(pattern), *folder.glob(f"*/{pattern}")])
    rows = [_row(path, now, silent_hours) for path in files]
    versions = [r.package for r in rows if r.package is not None]
    newest = expected_version if expected_version is not None else max(versions, default=None)
    ids: dict[str, list[KioskRow]] = {}
    for row in rows:
        ids.setdefault(row.kiosk, []).append(row)
        if newest is not None and row.state == "ok" and (row.package or 0) < newest:
            row.state = "behind"
        if newest is not None and row.package is not None and row.package < newest:
            row.notes.insert(0, f"shows package {row.package}, the newest is {newest}")
    for kiosk, same in ids.items():
        if len(same) > 1:
            for row in same:
                row.notes.append(f"{len(same)} status files name the kiosk id {kiosk}: give "
                                 "each machine its own kiosk_id")
                if row.state in ("ok", "behind"):
                    row.state = "failing"
    return rows


def _row(path: Path, now: float, silent_hours: float) -> KioskRow:
    name = path.name.removeprefix(STATUS_PREFIX).removesuffix(STATUS_SUFFIX)
    row = KioskRow(name, path.name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        row.state = "unreadable"
        row.notes.append(f"{path.name} cannot be read ({err})")
        return row
    if not isinstance(data, dict):
        row.state = "unreadable"
        row.notes.append(f"{path.name} is not a status file")
        return row
    if isinstance(data.get("kiosk_id"), str) and data["kiosk_id"]:
        row.kiosk = data["kiosk_id"]
    written = data.get("written_at_epoch")
    if isinstance(written, int | float):
        row.heard_hours = (now - written) / 3600
    fmt = data.get("format")
    if not isinstance(fmt, int) or fmt > STATUS_FORMAT:
        row.state = "unreadable"
        row.notes.append(f"written by a newer khojaly-kiosk (status format {fmt}); update "
                         "khojaly-kiosk on this machine to read it")
        return row
    _fill(row, data)
    if row.heard_hours is None or row.heard_hours > silent_hours:
        row.state = "silent"
        row.notes.insert(0, f"no status for more than {silent_hours:g} hours")
    elif row.notes:
        row.state = "failing"
    return row


def _fill(row: KioskRow, data: dict[str, Any]) -> None:
    """Values and the problems that make a kiosk failing (each a note)."""
    version = _get(data, "package", "version")
    row.package = version if isinstance(version, int) else None
    restarts = data.get("watchdog_restarts")
    row.restarts = restarts if isinstance(restarts, int) else None
    free = data.get("disk_free_bytes")
    row.disk_free = free if isinstance(free, int) else None
    intact = _get(data, "integrity", "ok")
    row.archive = "intact" if intact else "damaged" if intact is False else ""
    if _get(data, "package", "generation") is None:
        row.archive = "none"
        row.notes.append("no archive is live")
    elif intact is False:
        row.notes.append(f"archive: {_short(_get(data, 'integrity', 'message')) or 'damaged'}")
    last = data.get("last_import")
    if isinstance(last, dict):
        state, package = str(last.get("state", "")), str(last.get("package", ""))
        row.last_import = f"{state} {package} ({str(last.get('at', ''))[:16]})".strip()
        if state in ("failed", "refused"):
            row.notes.append(f"last import {state}: {_short(last.get('message'))}")
    for entry in data.get("inbox") or []:
        if isinstance(entry, dict) and entry.get("state") in ("failed", "refused"):
            row.notes.append(f"{entry.get('package')} {entry.get('state')}: "
                             f"{_short(entry.get('message'))}")
    if data.get("id_shared_with_another_kiosk"):
        row.notes.append("another machine uses the same kiosk_id")
    if row.disk_free is not None and row.disk_free < LOW_DISK_BYTES:
        row.notes.append("less than 500 MB free")


def fleet_table(rows: list[KioskRow]) -> str:
    """The rows as an aligned text table, problems first, then a one-line summary."""
    order = {state: n for n, state in enumerate(("unreadable", "silent", "failing", "behind"))}
    rows = sorted(rows, key=lambda r: (order.get(r.state, 9), r.kiosk))
    table = [list(COLUMNS)] + [r.cells() for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS) - 1)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False))
             + "  " + line[-1] for line in table]
    problems = sum(1 for r in rows if r.state in PROBLEM_STATES)
    lines.append(f"{len(rows)} kiosk(s); {problems} need attention." if rows
                 else "No status files were found.")
    return "\n".join(line.rstrip() for line in lines)


def write_csv(rows: list[KioskRow], out: Path) -> None:
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(r.cells() for r in rows)
    except OSError as err:
        raise EnvironmentProblem(f"The report {out} cannot be written ({err.strerror or err}).",
                                 hint="Choose a folder you can write to.") from err
