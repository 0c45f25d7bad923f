"""The synced inbox: packages a sync engine brings are verified at once and imported in the
next closed hours (or at once), each exactly once, every outcome written to the ledger.

Qt-free and synchronous: :meth:`SyncedInbox.tick` looks at the inbox folders, decides, and
calls the ``verify`` and ``install`` callables the composition root gives it (they run the
content pipeline; this module never imports ``content``). The Qt watcher in
``kiosk.inbox_watcher`` calls ``tick`` on a worker thread when a folder changes and on a
timer. Tests call it with a fake clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from khojaly_kiosk.kiosk.core.hours import OpeningHours
from khojaly_kiosk.kiosk.core.ledger import ImportLedger, Outcome, utc_now
from khojaly_kiosk.kiosk.core.sync import candidates, identity, look_at

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verdict:
    """What verifying or importing a package said (from the composition root's callables)."""

    ok: bool
    version: int
    message: str  # one sentence


@dataclass(frozen=True)
class InboxActions:
    """What the inbox may do; both run the content pipeline and may take minutes."""

    verify: Callable[[Path], Verdict]  # changes nothing
    install: Callable[[Path], Verdict]  # a new archive generation, or nothing
    installed_version: Callable[[], int]


@dataclass
class _Seen:
    """What is known of one path in the inbox."""

    fingerprint: tuple[tuple[str, int, int], ...]
    since: float  # when this fingerprint was first seen
    outcome: Outcome
    identity: str = ""
    verdict: Verdict | None = None  # of this fingerprint
    finished: bool = False  # imported, refused or a duplicate: nothing more to do


@dataclass
class SyncedInbox:
    """The inbox folders of one kiosk and what became of each package in them."""

    folders: list[Path]
    ledger: ImportLedger
    actions: InboxActions
    hours: OpeningHours = field(default_factory=OpeningHours)
    at_once: bool = False
    settle_seconds: float = 30.0
    clock: Callable[[], float] = time.time
    now: Callable[[], datetime] = datetime.now
    _seen: dict[Path, _Seen] = field(default_factory=dict)

    def outcomes(self) -> list[Outcome]:
        """What became of each package now in the inbox, by path."""
        return [seen.outcome for _path, seen in sorted(self._seen.items())]

    # ---- decisions ---------------------------------------------------------------------

    def import_window(self) -> bool:
        """Whether imports may run now: at once, with no hours, or while the kiosk is closed."""
        return self.at_once or self.hours.always_open or not self.hours.is_open(self.now())

    def _when(self) -> str:
        if self.import_window():
            return "now"
        closes = self.hours.closes
        return f"at closing time ({closes:%H:%M})" if closes is not None else "when closed"

    def tick(self) -> list[Outcome]:
        """Look at every package, verify the complete ones, import in the window; returns
        the imports made now (for the kiosk to pick up the new archive)."""
        paths = candidates(self.folders)
        for gone in set(self._seen) - set(paths):
            del self._seen[gone]
        for path in paths:
            self._look(path)
        done = self._install_due() if self.import_window() else []
        self.ledger.set_inbox(self.outcomes())
        return done

    def _outcome(self, path: Path, state: str, message: str, version: int | None = None
                 ) -> Outcome:
        return Outcome(path.name, state, message, version, utc_now(self.clock()), "inbox",
                       str(path.parent))

    def _look(self, path: Path) -> None:
        copy = look_at(path)
        seen = self._seen.get(path)
        if seen is None or seen.fingerprint != copy.fingerprint:
            seen = _Seen(copy.fingerprint, self.clock(),
                         self._outcome(path, "arriving", "The package is arriving."))
            self._seen[path] = seen
        if seen.finished or seen.verdict is not None:
            return
        if copy.incomplete:
            seen.outcome = self._outcome(path, "arriving", f"The package is still arriving: "
                                         f"{copy.incomplete}.")
            return
        if self.clock() - seen.since < self.settle_seconds:
            seen.outcome = self._outcome(path, "waiting", "The package looks complete; it is "
                                         "read once it has not changed for "
                                         f"{self.settle_seconds:.0f} seconds.")
            return
        seen.identity = identity(path)
        earlier = self.ledger.imported(seen.identity)
        if earlier is not None:
            if earlier.get("package") == path.name:  # this very package, seen before a restart
                outcome = self._outcome(path, "imported", f"Imported at {earlier.get('at')}.",
                                        earlier.get("version"))
            else:
                outcome = self._outcome(
                    path, "duplicate", f"This package was imported already ("
                    f"{earlier.get('package')}, {earlier.get('at')}); it is not imported again.",
                    earlier.get("version"))
            self._finish(seen, outcome)
            return
        log.info("Verifying %s from the inbox.", path)
        seen.verdict = verdict = self.actions.verify(path)
        if not verdict.ok:
            self._finish(seen, self._outcome(path, "refused", verdict.message, verdict.version))
            log.warning("Package %s was refused: %s", path, verdict.message)
            return
        installed = self.actions.installed_version()
        if verdict.version <= installed:
            self._finish(seen, self._outcome(
                path, "not-newer", f"This is package version {verdict.version}; version "
                f"{installed} is installed already, so it is not imported.", verdict.version))
            return
        seen.outcome = self._outcome(path, "scheduled", f"Package version {verdict.version} "
                                     f"was verified and will be imported {self._when()}.",
                                     verdict.version)

    def _finish(self, seen: _Seen, outcome: Outcome) -> None:
        seen.outcome, seen.finished = outcome, True

    def _install_due(self) -> list[Outcome]:
        """Import the newest scheduled package; the others are superseded or duplicates."""
        due = [(path, seen) for path, seen in sorted(self._seen.items())
               if not seen.finished and seen.verdict is not None and seen.verdict.ok]
        if not due:
            return []
        path, seen = max(due, key=lambda item: item[1].verdict.version  # type: ignore[union-attr]
                         )
        if look_at(path).fingerprint != seen.fingerprint:
            return []  # it changed since it was verified: it is looked at again next time
        log.info("Importing %s from the inbox.", path)
        verdict = self.actions.install(path)
        state = "imported" if verdict.ok else "failed"
        outcome = self._outcome(path, state, verdict.message, verdict.version)
        self._finish(seen, outcome)
        self.ledger.record_import(outcome, seen.identity if verdict.ok else "")
        if verdict.ok:
            for other_path, other in due:
                if other is not seen:
                    same = other.identity and other.identity == seen.identity
                    self._finish(other, self._outcome(
                        other_path, "duplicate" if same else "superseded",
                        f"{path.name} was imported instead (package version "
                        f"{verdict.version}).", other.verdict.version if other.verdict else None))
        return [outcome]
