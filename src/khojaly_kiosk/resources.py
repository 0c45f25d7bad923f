"""One place that finds bundled files, from a source checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def project_root() -> Path:
    """The folder that holds ``resources/`` and ``db/``.

    Source checkout: the repository root. Frozen (PyInstaller): ``sys._MEIPASS``.
    Installed wheel: the ``_data`` folder shipped inside the package.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent.parent, here / "_data"):
        if (candidate / "resources").is_dir() and (candidate / "db").is_dir():
            return candidate
    return here.parent.parent


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/`` (fonts, styles, translations, icons)."""
    return project_root().joinpath("resources", *parts)


def db_path(*parts: str) -> Path:
    """A path inside ``db/`` (demo content, migrations)."""
    return project_root().joinpath("db", *parts)
