"""What is installed: kept generations, their packages and keys; retention, status, rollback.

Every generation an import made holds ``import.json`` beside ``archive.sqlite``: the package
version, title, the key that signed it, and which generation was live before it
(``replaced``). ``rollback`` switches the ``current`` pointer to a kept generation on purpose
(the anti-rollback check guards imports, not staff); it never deletes anything.

Retention (``retained``), applied after each successful import and nowhere else:

- the live generation;
- the newest ``keep_generations`` (default 3) complete generations;
- for each of those, and for the live one, the generation that was live just before it was
  imported, so ``rollback`` right after any kept import returns to what was shown before;
- every generation moved aside as damaged (never deleted automatically).

A kept generation keeps its package; a package goes only with its generation.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khojaly_kiosk.archive.engine import connect_readonly
from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.integrity import assess
from khojaly_kiosk.archive.schema import DB_FILENAME, META_PACKAGE_VERSION
from khojaly_kiosk.content.bundle import PackageInfo
from khojaly_kiosk.content.housekeeping import IMPORT_RECORD, import_record
from khojaly_kiosk.content.trust import signing
from khojaly_kiosk.content.trust.bag import parse_version
from khojaly_kiosk.errors import InvalidInput, printable
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings

KEYS_DIR = "keys"
DEMO_PRIVATE_KEY = "demo-signing.key"
DEMO_PUBLIC_KEY = "demo-signing.pub"
_GENERATION = re.compile(r"^gen-\d{6}$")

@dataclass(frozen=True)
class KeptGeneration:
    name: str
    version: int
    title: str
    is_current: bool
    has_package: bool
    state: str = "ok"  # integrity.Assessment.state: ok, older, newer, damaged
    servable: bool = True  # this kiosk can show it as it is
    problem: str = ""
    imported_at: str = ""
    replaced: str | None = None  # the generation live before this one was imported
    rebuilt_from: str | None = None

    @property
    def rebuildable(self) -> bool:
        """Built by an earlier kiosk, unreadable now, but its package is kept: a rollback to
        it rebuilds it (``content.upgrade.rollback``)."""
        return self.state == "older" and not self.servable and self.has_package
    def line(self) -> str:
        """``version 2  gen-000002  "Title"  imported 2026-…  (live before gen-000003)``."""
        text = f"version {self.version}  {self.name}"
        if self.title:
            text += f"  \"{printable(self.title)}\""
        if self.imported_at:
            text += f"  imported {self.imported_at}"
        if self.rebuilt_from:
            text += f"  (rebuilt from {self.rebuilt_from} for this kiosk version)"
        if self.rebuildable:
            text += "  (built by an earlier kiosk; rebuilt when chosen)"
        return text


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
            lines.append(f" {mark} {gen.line()}")
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


def write_record(generation: Path, info: PackageInfo, key_id: str,
                 replaced: str | None = None, rebuilt_from: str | None = None) -> None:
    record: dict[str, Any] = {
        "version": info.version, "title": info.title, "exhibition_id": info.exhibition_id,
        "source_organization": info.source_organization, "bagging_date": info.bagging_date,
        "key_id": key_id, "imported_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "replaced": replaced}
    if rebuilt_from:
        record["rebuilt_from"] = rebuilt_from
    (generation / IMPORT_RECORD).write_text(json.dumps(record, indent=2), encoding="utf-8")


def _named(value: object) -> str | None:
    return value if isinstance(value, str) and _GENERATION.match(value) else None


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


def kept_generation(paths: DataPaths, store: GenerationStore, name: str,
                    live: str | None) -> KeptGeneration:
    folder = paths.archives / name
    record = import_record(folder)
    found = assess(folder / DB_FILENAME)
    title = record.get("title") if isinstance(record.get("title"), str) else None
    if title is None:
        title = generation_meta(folder / DB_FILENAME).get("title", "")
    return KeptGeneration(
        name=name, version=version_of(folder), title=title, is_current=name == live,
        has_package=(paths.packages / name).is_dir(), state=found.state,
        servable=found.readable, problem=found.problem,
        imported_at=str(record.get("imported_at") or ""),
        replaced=_named(record.get("replaced")), rebuilt_from=_named(record.get("rebuilt_from")))


def status(paths: DataPaths) -> PipelineStatus:
    """The live generation and every kept one with its package version (reads only)."""
    store = GenerationStore(paths.archives)
    live = store.current()
    kept = [kept_generation(paths, store, info.name, live)
            for info in store.list() if info.has_database]
    live_version = next((g.version for g in kept if g.is_current), 0)
    return PipelineStatus(live, live_version, tuple(kept))


# ---- retention -----------------------------------------------------------------------------


def retained(paths: DataPaths, store: GenerationStore) -> set[str]:
    """The generations the retention rule keeps (see the module docstring)."""
    live = store.current()
    complete = [info for info in store.list() if info.has_database]
    newest = complete[-store.keep:]
    keep = {info.name for info in newest}
    if live is not None:
        keep.add(live)
    for name in list(keep):
        before = _named(import_record(paths.archives / name).get("replaced"))
        if before is not None:
            keep.add(before)
    return keep


# ---- rollback ----------------------------------------------------------------------------


class NeedsRebuild(InvalidInput):
    """The chosen generation was built by an earlier kiosk: it must be rebuilt from its kept
    package to go live (``content.upgrade.rollback`` does that)."""

    def __init__(self, target: KeptGeneration) -> None:
        super().__init__(f"Package version {target.version} ({target.name}) was built by an "
                         "earlier version of the kiosk and must be rebuilt to go live.",
                         hint="`khojaly-kiosk rollback` rebuilds it from its kept package.")
        self.target = target


def rollback_targets(paths: DataPaths) -> list[KeptGeneration]:
    """Every kept generation ``rollback`` can make live (a rebuildable one too), newest
    first."""
    return [gen for gen in reversed(status(paths).generations)
            if not gen.is_current and (gen.servable or gen.rebuildable)]


def rollback_listing(paths: DataPaths) -> str:
    """What ``rollback --list`` prints: the live generation and what it can go back to."""
    current = status(paths)
    lines = []
    live = next((g for g in current.generations if g.is_current), None)
    if live is None:
        lines.append("No archive generation is live.")
    else:
        lines.append(f"Live: {live.line()}")
    targets = [g for g in reversed(current.generations)
               if not g.is_current and (g.servable or g.rebuildable)]
    if targets:
        lines.append("Can go back to (khojaly-kiosk rollback --to VERSION):")
        for gen in targets:
            before = "  <- live before the live one" if live and live.replaced == gen.name else ""
            lines.append(f"  {gen.line()}{before}")
    else:
        lines.append("No other generation is kept that this kiosk can show.")
    for gen in current.generations:
        if not gen.is_current and not gen.servable and not gen.rebuildable:
            lines.append(f"Kept but not servable: {gen.name}: {gen.problem}")
    lines.append("Kept: the live generation, the newest generations (keep_generations), and "
                 "the one live before each of them.")
    return "\n".join(lines)


def rollback(paths: DataPaths, to_version: int | None = None) -> str:
    """Make a kept generation live again, on purpose; return a sentence saying so.

    Without ``to_version``: the generation that was live before the live one was imported,
    else the newest servable one older than it. Nothing is deleted.

    Raises:
        NeedsRebuild: the target was built by an earlier kiosk (``content.upgrade.rollback``
            rebuilds it and goes on).
        InvalidInput: nothing to roll back to, or no kept generation has that version; the
            sentence lists what can be chosen.
    """
    store = GenerationStore(paths.archives)
    live = store.current()
    current = status(paths)
    live_gen = next((g for g in current.generations if g.is_current), None)
    targets = rollback_targets(paths)
    choices = ", ".join(f"version {g.version} ({g.name})" for g in targets)
    hint = (f"It can go to {choices}: `khojaly-kiosk rollback --to VERSION`; "
            "`khojaly-kiosk rollback --list` shows them." if targets
            else "Import a package instead.")
    if to_version is None:
        before = live_gen.replaced if live_gen else None
        target = next((g for g in targets if g.name == before), None)
        if target is None and live is not None:
            target = next((g for g in targets if g.name < live), None)
        if target is None:
            shown = f"{live} (version {live_gen.version})" if live_gen else "none"
            raise InvalidInput(f"There is no earlier archive generation to go back to; the "
                               f"live one is {shown}.", hint=hint)
    else:
        if live_gen is not None and live_gen.version == to_version:
            return f"Package version {to_version} ({live}) is already live."
        # The one this kiosk can show as it is before one it must rebuild.
        matching = [g for g in targets if g.version == to_version]
        target = next((g for g in matching if g.servable), matching[0] if matching else None)
        if target is None:
            raise InvalidInput(f"No kept generation holds package version {to_version} that "
                               "this kiosk can show.", hint=hint)
    if not target.servable:
        raise NeedsRebuild(target)
    store.switch(target.name)
    store.acknowledge_fallback()  # staff chose what is shown
    return (f"Package version {target.version} ({target.name}) is live again; version "
            f"{current.live_version} ({live}) stays kept.")
