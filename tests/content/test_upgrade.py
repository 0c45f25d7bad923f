"""content/upgrade.py: generations of an earlier schema are rebuilt, never moved aside; the
start-up clean-up removes what interrupted work left (SYNTHETIC content)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.integrity import assess
from khojaly_kiosk.archive.schema import DB_FILENAME, DIGEST_FILENAME
from khojaly_kiosk.content.install import leftovers
from khojaly_kiosk.content.installed import status
from khojaly_kiosk.content.upgrade import start_up
from tests.support.content.kiosks import Kiosk
from tests.support.content.packages import files_under


def _make_older(db_path: Path, drop: str = "") -> None:
    """What an earlier release built: an earlier schema number (and fewer columns), and no
    digest beside the file (earlier releases recorded none)."""
    db_path.with_name(DIGEST_FILENAME).unlink(missing_ok=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE archive_meta SET value = ? WHERE key = 'schema_version'",
                           (str(m.SCHEMA_VERSION - 1),))
        if drop:
            connection.execute(f"ALTER TABLE name DROP COLUMN {drop}")
    sqlite3.connect(db_path).close()


def test_an_older_live_generation_is_rebuilt_from_its_kept_package(installed: Kiosk) -> None:
    (old,) = [g.name for g in status(installed.paths).generations]
    _make_older(installed.paths.archives / old / DB_FILENAME, drop="passage")
    before = status(installed.paths).generations[0]
    done = start_up(installed.paths, installed.settings)
    assert done == [f"Package version 1 ({old}) was rebuilt for this version of the kiosk as "
                    "gen-000002, which is live now; gen-000001 stays kept."]
    live = GenerationStore(installed.paths.archives).open_live()
    try:
        assert live.name == "gen-000002" and live.fell_back_from is None
        assert live.repos.summary().counts["names"] == 3
        assert live.repos.summary().package_version == 1
    finally:
        live.close()
    assert assess(live.db_path).state == "ok"
    kept = {g.name: g for g in status(installed.paths).generations}
    assert kept[old].state == "older" and (installed.paths.packages / old).is_dir()
    assert kept["gen-000002"].rebuilt_from == old == kept["gen-000002"].replaced
    assert kept["gen-000002"].title == before.title
    assert not list(installed.paths.archives.glob("*.corrupt-*"))
    assert start_up(installed.paths, installed.settings) == []  # once is enough


def test_an_older_generation_without_its_package_is_served_as_it_is(installed: Kiosk) -> None:
    (old,) = [g.name for g in status(installed.paths).generations]
    _make_older(installed.paths.archives / old / DB_FILENAME)
    shutil.rmtree(installed.paths.packages / old)
    (done,) = start_up(installed.paths, installed.settings)
    assert done.startswith(f"Generation {old} was built by an earlier version of the kiosk and "
                           "could not be rebuilt (1 error, 0 warnings); it is shown as it is.")
    live = GenerationStore(installed.paths.archives).open_live()
    live.close()
    assert (live.name, live.fell_back_from) == (old, None)
    assert files_under(installed.paths.archives) >= {old, f"{old}/{DB_FILENAME}"}


def test_the_start_up_removes_what_interrupted_work_left(installed: Kiosk) -> None:
    paths = installed.paths
    (paths.staging / "import-123-456" / "package").mkdir(parents=True)
    (paths.tmp / "verify-abc" / "unpacked").mkdir(parents=True)
    unfinished = GenerationStore(paths.archives).new_generation()  # killed while building
    (unfinished / "archive.building.sqlite").write_bytes(b"half")
    (paths.packages / unfinished.name / "data").mkdir(parents=True)  # kept, not published
    (paths.packages / "gen-000099").mkdir()  # its generation is long gone
    # This process's own import at work (the kiosk builds its demo after its first frame).
    (paths.staging / f"import-{os.getpid()}-789").mkdir()
    found = set(leftovers(paths, GenerationStore(paths.archives)))
    assert found == {"staging/import-123-456", "tmp/verify-abc", f"archives/{unfinished.name}",
                     "packages/gen-000099"}  # a generation's package goes with it
    (done,) = start_up(paths, installed.settings)
    assert done.startswith("Removed what interrupted work left:")
    assert leftovers(paths, GenerationStore(paths.archives)) == []
    assert [g.name for g in status(paths).generations] == ["gen-000001"]
    assert sorted(p.name for p in paths.packages.iterdir()) == ["gen-000001"]


def test_a_rollback_to_a_generation_of_an_earlier_schema_rebuilds_it(kiosk: Kiosk) -> None:
    from khojaly_kiosk.content.installed import rollback_listing
    from khojaly_kiosk.content.upgrade import rollback
    from tests.support.content.packages import make_package

    for version in (1, 2):
        assert kiosk.import_(make_package(kiosk.tmp, kiosk.keys, version)).report.ok
    _make_older(kiosk.paths.archives / "gen-000001" / DB_FILENAME, drop="passage")
    assert "version 1  gen-000001" in rollback_listing(kiosk.paths)
    message = rollback(kiosk.paths, kiosk.settings, to_version=1)
    assert message == ("Package version 1 (gen-000001) was rebuilt for this version of the "
                       "kiosk as gen-000003 and is live again; gen-000002 stays kept.")
    live = GenerationStore(kiosk.paths.archives).open_live()
    live.close()
    assert live.name == "gen-000003" and live.repos is not None
    assert rollback(kiosk.paths, kiosk.settings).startswith(
        "Package version 2 (gen-000002) is live again")  # the one live before the rollback


def test_the_kiosk_opening_an_older_live_generation_serves_it_rebuilt(installed: Kiosk) -> None:
    from khojaly_kiosk.app import open_archive  # what the kiosk does after its first frame

    (old,) = [g.name for g in status(installed.paths).generations]
    # Even one this code cannot read as it is (it lacks a column): rebuilt, not refused.
    _make_older(installed.paths.archives / old / DB_FILENAME, drop="passage")
    live = open_archive(installed.paths, installed.settings)
    assert live is not None
    try:
        assert live.name == "gen-000002" and assess(live.db_path).state == "ok"
        assert live.repos.summary().counts["names"] == 3
    finally:
        live.close()
    again = open_archive(installed.paths, installed.settings)
    assert again is not None and again.name == "gen-000002"  # once is enough
    again.close()
    assert [g.name for g in status(installed.paths).generations] == [old, "gen-000002"]
