"""Where staff put content packages: the inbox folder and mounted USB sticks.

No Qt. A package is a ``.zip`` file or a folder holding ``bag-info.txt`` (a BagIt bag).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

MAX_FOUND = 50


def default_package_roots(data_dir: Path) -> list[Path]:
    """The data dir's ``inbox`` and the usual USB mount points (udisks and older automounters)."""
    user = _user()
    roots = [data_dir / "inbox", Path("/media") / user, Path("/run/media") / user, Path("/media")]
    return list(dict.fromkeys(roots))


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "kiosk"


def is_package(path: Path) -> bool:
    if path.name.startswith("."):
        return False
    if path.is_file():
        return path.suffix.lower() == ".zip"
    return path.is_dir() and (path / "bag-info.txt").is_file()


def find_packages(roots: list[Path], depth: int = 2) -> list[Path]:
    """Packages under ``roots`` (at most ``depth`` folders down), newest first, de-duplicated.

    Shallow on purpose: a USB stick with thousands of folders must not stall the staff panel.
    """
    found: dict[Path, float] = {}

    def walk(folder: Path, level: int) -> None:
        if level > depth or len(found) >= MAX_FOUND:
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            path = Path(entry.path)
            if is_package(path):
                try:
                    found.setdefault(path.resolve(), entry.stat().st_mtime)
                except OSError:
                    continue
            elif entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                walk(path, level + 1)

    for root in roots:
        walk(root, 0)
    return sorted(found, key=lambda p: (-found[p], str(p)))
