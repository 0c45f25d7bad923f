"""A kiosk data folder with a trusted curator key, for import, rollback and upgrade tests.

ALL CONTENT IS SYNTHETIC TEST DATA (see ``tests.support.content.packages``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.archive.schema import DB_FILENAME
from khojaly_kiosk.content.pipeline import ImportResult, import_package
from khojaly_kiosk.content.trust.signing import SIGNATURE_FILE, sign_file
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import Settings, load_settings
from tests.support.content.packages import Keys, files_under, make_keys


@dataclass
class Kiosk:
    paths: DataPaths
    settings: Settings
    keys: Keys
    tmp: Path

    def import_(self, package: Path) -> ImportResult:
        return import_package(package, self.paths, self.settings)

    def live_db(self) -> Path:
        live = GenerationStore(self.paths.archives).current()
        assert live is not None
        return self.paths.archives / live / DB_FILENAME

    def snapshot(self) -> tuple[str | None, str, set[str], set[str]]:
        store = GenerationStore(self.paths.archives)
        live = store.current()
        digest = hashlib.sha256(self.live_db().read_bytes()).hexdigest() if live else ""
        return live, digest, files_under(self.paths.archives), files_under(self.paths.packages)

    def assert_nothing_changed(self, before: tuple[object, ...]) -> None:
        assert self.snapshot() == before
        assert list(self.paths.staging.iterdir()) == []


def new_kiosk(tmp_path: Path, keep_generations: int = 2) -> Kiosk:
    keys = make_keys(tmp_path / "keys")
    paths = DataPaths(tmp_path / "data").ensure()
    settings = load_settings(paths.root, environ={}, trusted_keys=(keys.public_hex,),
                             demo_mode=False, keep_generations=keep_generations)
    return Kiosk(paths, settings, keys, tmp_path)


def resign(package: Path, keys: Keys) -> None:
    """Re-hash and re-sign a package after a test changed it (a curator's own mistake)."""
    import bagit

    (package / SIGNATURE_FILE).unlink()
    bagit.Bag(str(package)).save(manifests=True)
    (package / SIGNATURE_FILE).write_bytes(
        sign_file(package / "tagmanifest-sha256.txt", keys.private))
