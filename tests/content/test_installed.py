"""content/installed.py: retention that keeps rollback's promise, rollback listing, status."""

from __future__ import annotations

import shutil

import pytest

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.content.installed import (
    rollback,
    rollback_listing,
    rollback_targets,
    status,
)
from khojaly_kiosk.errors import InvalidInput, printable
from tests.support.content.kiosks import Kiosk
from tests.support.content.packages import make_package


def _import(kiosk: Kiosk, version: int) -> str:
    result = kiosk.import_(make_package(kiosk.tmp, kiosk.keys, version))
    assert result.report.ok, result.report.to_text()
    assert result.generation is not None
    return result.generation


def _kept(kiosk: Kiosk) -> list[str]:
    return [g.name for g in status(kiosk.paths).generations]


def test_the_generation_live_before_an_import_survives_it_after_a_rollback(
        kiosk: Kiosk) -> None:
    for version in (1, 2, 3):
        _import(kiosk, version)
    assert "version 1 (gen-000001) is live again" in rollback(kiosk.paths, to_version=1)
    _import(kiosk, 4)  # keep_generations = 2: gen 3 and 4, and the one live before each
    assert _kept(kiosk) == ["gen-000001", "gen-000002", "gen-000003", "gen-000004"]
    assert rollback(kiosk.paths).startswith("Package version 1 (gen-000001) is live again")
    assert "is live again" in rollback(kiosk.paths, to_version=4)
    _import(kiosk, 5)  # gen 4 and 5; before them gen 1 (before 4) and gen 4 (before 5)
    assert _kept(kiosk) == ["gen-000001", "gen-000004", "gen-000005"]
    assert sorted(p.name for p in kiosk.paths.packages.iterdir()) == _kept(kiosk)
    assert "is live again" in rollback(kiosk.paths, to_version=1)


def test_rollback_never_deletes_and_a_second_rollback_says_what_it_can_go_to(
        kiosk: Kiosk) -> None:
    _import(kiosk, 1)
    _import(kiosk, 2)
    rollback(kiosk.paths)
    with pytest.raises(InvalidInput) as caught:
        rollback(kiosk.paths)
    assert caught.value.message == ("There is no earlier archive generation to go back to; "
                                    "the live one is gen-000001 (version 1).")
    assert "It can go to version 2 (gen-000002)" in caught.value.hint
    assert _kept(kiosk) == ["gen-000001", "gen-000002"]
    with pytest.raises(InvalidInput, match="No kept generation holds package version 9") as no:
        rollback(kiosk.paths, to_version=9)
    assert "version 2 (gen-000002)" in no.value.hint


def test_the_listing_names_every_target_and_the_rule(kiosk: Kiosk) -> None:
    for version in (1, 2, 3):
        _import(kiosk, version)
    listing = rollback_listing(kiosk.paths)
    lines = listing.splitlines()
    assert lines[0].startswith("Live: version 3  gen-000003  \"Synthetic Test Exhibition\"")
    assert lines[1] == "Can go back to (khojaly-kiosk rollback --to VERSION):"
    assert lines[2].startswith("  version 2  gen-000002") and lines[2].endswith(
        "<- live before the live one")
    assert lines[3].startswith("  version 1  gen-000001")
    assert "the one live before each of them" in lines[-1]
    assert [g.version for g in rollback_targets(kiosk.paths)] == [2, 1]


def test_a_damaged_generation_keeps_its_package_through_later_imports(kiosk: Kiosk) -> None:
    _import(kiosk, 1)
    bad = _import(kiosk, 2)
    (kiosk.paths.archives / bad / "archive.sqlite").write_bytes(b"garbage" * 200)
    GenerationStore(kiosk.paths.archives).open_live().close()  # moved aside, gen 1 served
    assert list(kiosk.paths.archives.glob(f"{bad}.corrupt-*"))
    _import(kiosk, 3)
    assert (kiosk.paths.packages / bad / "bagit.txt").is_file()  # staff may rebuild from it
    # Importing that kept copy itself works and leaves it where it is.
    package = kiosk.tmp / "copy-of-kept"
    shutil.copytree(kiosk.paths.packages / bad, package)
    assert not kiosk.import_(package).report.ok  # version 2 is not newer than 3
    assert (kiosk.paths.packages / bad / "bagit.txt").is_file()


def test_status_says_what_a_generation_is_and_prints_no_escape_codes(kiosk: Kiosk) -> None:
    _import(kiosk, 1)
    (gen,) = status(kiosk.paths).generations
    assert (gen.state, gen.servable, gen.replaced) == ("ok", True, None)
    assert gen.imported_at.endswith("Z")
    assert printable("Title\x1b[2J\x07 end") == "Title\\x1b[2J\\x07 end"
