"""What is installed: kept generations, their package versions and keys; status and rollback.

Every generation an import made holds ``import.json`` beside ``archive.sqlite``: the package
version, title and the key that signed it. ``rollback`` switches the ``current`` pointer to a
kept earlier generation on purpose (the anti-rollback check guards imports, not staff).
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khojaly_kiosk.archive.engine import connect_readonly
from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.schema import DB_FILENAME, META_PACKAGE_VERSION
from khojaly_kiosk.content.bundle import PackageInfo
from khojaly_kiosk.content.trust import signing
from khojaly_kiosk.content.trust.bag import parse_version
from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings

IMPORT_RECORD = "import.json"  # beside the database: which package, signed by which key
KEYS_DIR = "keys"
DEMO_PRIVATE_KEY = "demo-signing.key"
DEMO_PUBLIC_KEY = "demo-signing.pub"


@dataclass(frozen=True)
class KeptGeneration:
    name: str
    version: int
    title: str
    is_current: bool
    has_package: bool


@dataclass(frozen=True)
class PipelineStatus:
    live: str | None
    live_version: int
    generations: tuple[KeptGeneration, ...]

    def to_text(self) -> str:
        if self.live is None:
            return "No archive is live."
        lines = [f"Live: {self.live} (package version {self.live_version})"]
        for gen in self.generations:
            mark = "*" if gen.is_current else " "
            lines.append(f" {mark} {gen.name}  version {gen.version}  {gen.title}")
        return "\n".join(lines)


# ---- keys --------------------------------------------------------------------------------


def demo_key_paths(paths: DataPaths) -> tuple[Path, Path]:
    return paths.root / KEYS_DIR / DEMO_PRIVATE_KEY, paths.root / KEYS_DIR / DEMO_PUBLIC_KEY


def trusted_keys(paths: DataPaths, settings: Settings) -> list[str]:
    """The public keys packages may be signed with: the configured ones, plus the demo
    key in demo mode only."""
    keys = [k.strip() for k in settings.trusted_keys if k.strip()]
    _private, public = demo_key_paths(paths)
    if settings.demo_mode and public.is_file():
        keys.append(signing.read_public_key(public))
    return keys


# ---- what is installed -------------------------------------------------------------------


def generation_meta(db_path: Path) -> dict[str, str]:
    """``archive_meta`` of a generation's database ({} when unreadable)."""
    if not db_path.is_file():
        return {}
    try:
        connection = connect_readonly(db_path)
        try:
            return dict(connection.execute("SELECT key, value FROM archive_meta").fetchall())
        finally:
            connection.close()
    except sqlite3.Error:
        return {}


def import_record(generation: Path) -> dict[str, Any]:
    """What ``import.json`` of a generation says ({} when absent or unreadable)."""
    try:
        data = json.loads((generation / IMPORT_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_record(generation: Path, info: PackageInfo, key_id: str) -> None:
    record = {"version": info.version, "title": info.title,
              "exhibition_id": info.exhibition_id,
              "source_organization": info.source_organization,
              "bagging_date": info.bagging_date, "key_id": key_id,
              "imported_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    (generation / IMPORT_RECORD).write_text(json.dumps(record, indent=2), encoding="utf-8")


def version_of(generation: Path) -> int:
    """The package version a generation was built from (0 when unknown).

    A recorded version outside 1..999,999,999 (an earlier release accepted 10^20) counts as
    unknown, so it cannot lock every later package out.
    """
    version = import_record(generation).get("version")
    if isinstance(version, int) and not isinstance(version, bool):
        return parse_version(str(version)) or 0
    text = generation_meta(generation / DB_FILENAME).get(META_PACKAGE_VERSION, "0")
    return parse_version(text) or 0


def installed_version(paths: DataPaths) -> int:
    """The package version of the live generation (0 when none is live)."""
    live = GenerationStore(paths.archives).current()
    return version_of(paths.archives / live) if live else 0


def live_is_demo(paths: DataPaths) -> bool:
    """True when the live archive came from the demo key: a real package may replace it
    whatever its version."""
    live = GenerationStore(paths.archives).current()
    _private, public = demo_key_paths(paths)
    if live is None or not public.is_file():
        return False
    key_id = import_record(paths.archives / live).get("key_id")
    return bool(key_id) and key_id == signing.read_public_key(public)


def status(paths: DataPaths) -> PipelineStatus:
    """The live generation and every kept one with its package version."""
    store = GenerationStore(paths.archives)
    live = store.current()
    kept = []
    for info in store.list():
        meta = generation_meta(info.db_path)
        if not info.has_database:
            continue
        kept.append(KeptGeneration(info.name, version_of(info.path), meta.get("title", ""),
                                   info.is_current, (paths.packages / info.name).exists()))
    live_version = next((g.version for g in kept if g.is_current), 0)
    return PipelineStatus(live, live_version, tuple(kept))


# ---- rollback ----------------------------------------------------------------------------


def rollback(paths: DataPaths, to_version: int | None = None) -> str:
    """Make a kept earlier generation live again, on purpose; return a sentence saying so.

    Without ``to_version``: the newest good generation older than the live one.

    Raises:
        InvalidInput: nothing to roll back to, or no kept generation has that version.
    """
    from khojaly_kiosk.archive.integrity import quick_check

    store = GenerationStore(paths.archives)
    live = store.current()
    current = status(paths)
    if to_version is None:
        target = store.previous_good()
        if target is None:
            raise InvalidInput("There is no earlier archive generation to go back to.",
                               hint="Only the live generation is kept; import a package "
                               "instead.")
    else:
        matches = [g for g in current.generations if g.version == to_version]
        if not matches:
            versions = ", ".join(str(g.version) for g in current.generations) or "none"
            raise InvalidInput(f"No kept generation holds package version {to_version}.",
                               hint=f"Kept versions: {versions}.")
        target = matches[-1].name
        if target == live:
            return f"Package version {to_version} ({target}) is already live."
        problem = quick_check(paths.archives / target / DB_FILENAME)
        if problem is not None:
            raise InvalidInput(f"The kept generation {target} is damaged: {problem}",
                               hint="Import the package again instead.")
    store.switch(target)
    version = version_of(paths.archives / target)
    return (f"Package version {version} ({target}) is live again; version "
            f"{current.live_version} ({live}) stays kept.")
