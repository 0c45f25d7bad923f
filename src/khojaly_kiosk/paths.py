"""Where the kiosk keeps its data. ``KHOJALY_DATA_DIR`` overrides the platform default."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from khojaly_kiosk.errors import EnvironmentProblem

APP_NAME = "khojaly-kiosk"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def archives(self) -> Path:
        """Generations live here: ``archives/gen-000001/`` and the ``current`` pointer."""
        return self.root / "archives"

    @property
    def packages(self) -> Path:
        """Imported packages kept for rollback."""
        return self.root / "packages"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def state_db(self) -> Path:
        """Mutable state: PIN hash, throttle, settings overrides, usage counters, candles."""
        return self.root / "state.sqlite"

    @property
    def tmp(self) -> Path:
        """Scratch folders (an unpacked zip being verified); leftovers are removed at start."""
        return self.root / "tmp"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def config_file(self) -> Path:
        return self.root / "config.toml"

    def ensure(self) -> DataPaths:
        """Create the folders; a clear error when the data dir is not writable."""
        try:
            for folder in (self.root, self.archives, self.packages, self.staging, self.logs,
                           self.cache):
                folder.mkdir(parents=True, exist_ok=True)
            probe = self.root / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise EnvironmentProblem(
                f"The data folder {self.root} cannot be written ({exc.strerror or exc}).",
                hint="Give the kiosk user write access to it, or set KHOJALY_DATA_DIR "
                "to a writable folder.",
            ) from exc
        return self


def default_data_dir() -> Path:
    env = os.environ.get("KHOJALY_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False)


def data_paths(root: Path | None = None) -> DataPaths:
    return DataPaths(root if root is not None else default_data_dir())
