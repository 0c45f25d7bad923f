"""kiosk/core/autoimport.py: the decisions of the synced inbox, with fake verify/install."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from khojaly_kiosk.kiosk.core.autoimport import InboxActions, SyncedInbox, Verdict
from khojaly_kiosk.kiosk.core.hours import OpeningHours
from khojaly_kiosk.kiosk.core.ledger import ImportLedger
from tests.support.content.packages import make_keys, make_package
from tests.support.kiosk import FakeClock


class Fake:
    """verify/install that say what the test wants; install raises the installed version."""

    def __init__(self) -> None:
        self.installed = 0
        self.calls: list[str] = []
        self.versions: dict[str, int] = {}

    def verify(self, package: Path) -> Verdict:
        self.calls.append(f"verify {package.name}")
        return Verdict(True, self.versions.get(package.name, 5), "Fine.")

    def install(self, package: Path) -> Verdict:
        self.calls.append(f"install {package.name}")
        self.installed = self.versions.get(package.name, 5)
        return Verdict(True, self.installed, "Imported.")

    def actions(self) -> InboxActions:
        return InboxActions(self.verify, self.install, lambda: self.installed)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    return make_package(tmp_path / "built", make_keys(tmp_path), version=5)


def inbox_with(tmp_path: Path, fake: Fake, **options: object) -> SyncedInbox:
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    return SyncedInbox([folder], ImportLedger(tmp_path / "data"), fake.actions(),
                       settle_seconds=10, clock=FakeClock(), **options)  # type: ignore[arg-type]


def test_at_once_imports_as_soon_as_it_settled(tmp_path: Path, built: Path) -> None:
    fake = Fake()
    inbox = inbox_with(tmp_path, fake, hours=OpeningHours.parse("09:00-18:00"), at_once=True,
                       now=lambda: datetime(2026, 1, 1, 12, 0))
    shutil.copytree(built, tmp_path / "inbox" / "p")
    assert inbox.tick() == []
    inbox.clock.advance(11)  # type: ignore[attr-defined]
    (done,) = inbox.tick()
    assert (done.package, done.state, done.version) == ("p", "imported", 5)
    assert fake.calls == ["verify p", "install p"]
    ledger = ImportLedger(tmp_path / "data")
    assert ledger.last_import()["state"] == "imported"  # type: ignore[index]
    assert [e["state"] for e in ledger.inbox()] == ["imported"]


def test_without_opening_hours_there_is_no_closed_window_so_it_imports(
        tmp_path: Path, built: Path) -> None:
    fake = Fake()
    inbox = inbox_with(tmp_path, fake)
    shutil.copytree(built, tmp_path / "inbox" / "p")
    inbox.tick()
    inbox.clock.advance(11)  # type: ignore[attr-defined]
    assert [o.state for o in inbox.tick()] == ["imported"]


def test_the_newest_of_several_is_imported_and_the_others_are_superseded(
        tmp_path: Path, built: Path) -> None:
    fake = Fake()
    fake.versions = {"old": 4, "new": 6}
    other = make_package(tmp_path / "other", make_keys(tmp_path, "k2"), version=6)
    inbox = inbox_with(tmp_path, fake)
    shutil.copytree(built, tmp_path / "inbox" / "old")
    shutil.copytree(other, tmp_path / "inbox" / "new")
    inbox.tick()
    inbox.clock.advance(11)  # type: ignore[attr-defined]
    inbox.tick()
    assert {o.package: o.state for o in inbox.outcomes()} == {"new": "imported",
                                                             "old": "superseded"}
    assert fake.calls.count("install new") == 1 and "install old" not in fake.calls


def test_an_older_package_is_not_imported_over_a_newer_one(tmp_path: Path, built: Path) -> None:
    fake = Fake()
    fake.installed = 9
    inbox = inbox_with(tmp_path, fake)
    shutil.copytree(built, tmp_path / "inbox" / "p")
    inbox.tick()
    inbox.clock.advance(11)  # type: ignore[attr-defined]
    inbox.tick()
    (outcome,) = inbox.outcomes()
    assert outcome.state == "not-newer"
    assert outcome.message == ("This is package version 5; version 9 is installed already, "
                               "so it is not imported.")


def test_a_package_changed_after_it_was_verified_is_looked_at_again(
        tmp_path: Path, built: Path) -> None:
    fake = Fake()
    inbox = inbox_with(tmp_path, fake, hours=OpeningHours.parse("09:00-18:00"),
                       now=lambda: datetime(2026, 1, 1, 12, 0))
    copy = shutil.copytree(built, tmp_path / "inbox" / "p")
    inbox.tick()
    inbox.clock.advance(11)  # type: ignore[attr-defined]
    inbox.tick()
    assert [o.state for o in inbox.outcomes()] == ["scheduled"]
    (copy / "data" / "names.csv").write_text("name\nChanged\n", encoding="utf-8")
    inbox.tick()
    # Its size no longer matches its own list of files: it is taken as still arriving.
    assert [o.state for o in inbox.outcomes()] == ["arriving"]
    assert fake.calls == ["verify p"]


def test_a_package_that_vanished_is_forgotten(tmp_path: Path, built: Path) -> None:
    fake = Fake()
    inbox = inbox_with(tmp_path, fake)
    copy = shutil.copytree(built, tmp_path / "inbox" / "p")
    inbox.tick()
    shutil.rmtree(copy)
    inbox.tick()
    assert inbox.outcomes() == [] and ImportLedger(tmp_path / "data").inbox() == []


def test_after_a_restart_an_imported_package_is_not_imported_again(
        tmp_path: Path, built: Path) -> None:
    fake = Fake()
    inbox = inbox_with(tmp_path, fake)
    shutil.copytree(built, tmp_path / "inbox" / "p")
    inbox.tick()
    inbox.clock.advance(11)  # type: ignore[attr-defined]
    inbox.tick()
    restarted = inbox_with(tmp_path, fake)  # a new process: only imports.json remembers
    restarted.tick()
    restarted.clock.advance(11)  # type: ignore[attr-defined]
    assert restarted.tick() == []
    (outcome,) = restarted.outcomes()
    assert outcome.state == "imported" and outcome.message.startswith("Imported at ")
    assert fake.calls == ["verify p", "install p"]
