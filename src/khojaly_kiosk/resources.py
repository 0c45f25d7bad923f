"""One place that finds bundled files, from a source checkout, a wheel or a frozen bundle.

The repository keeps ``resources/`` and ``db/`` at its top. A wheel carries them inside the
package as ``khojaly_kiosk/_data/`` (setup.py copies them there), and the PyInstaller bundle
keeps that same layout, so outside a checkout they are found with importlib.resources.
"""

from __future__ import annotations

from functools import cache
from importlib import resources as _importlib_resources
from pathlib import Path

from khojaly_kiosk.errors import EnvironmentProblem

PACKAGE = "khojaly_kiosk"
DATA_FOLDER = "_data"


def _checkout_root() -> Path | None:
    """The repository root when this module runs from ``src/`` of a checkout."""
    root = Path(__file__).resolve().parent.parent.parent
    if (root / "pyproject.toml").is_file() and (root / "resources").is_dir():
        return root
    return None


@cache
def project_root() -> Path:
    """The folder that holds ``resources/`` and ``db/``.

    Source checkout (editable install, ``PYTHONPATH=src``): the repository root. Installed
    wheel or PyInstaller bundle: ``khojaly_kiosk/_data`` inside the package.

    Raises:
        EnvironmentProblem: neither exists (an installation without its data files).
    """
    checkout = _checkout_root()
    if checkout is not None:
        return checkout
    shipped = Path(str(_importlib_resources.files(PACKAGE).joinpath(DATA_FOLDER)))
    if (shipped / "resources").is_dir():
        return shipped
    raise EnvironmentProblem(
        f"The kiosk's fonts, styles and demo content are missing (looked in {shipped}).",
        hint="Reinstall the kiosk from its wheel or package.",
    )


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/`` (fonts, styles, translations)."""
    return project_root().joinpath("resources", *parts)


def db_path(*parts: str) -> Path:
    """A path inside ``db/`` (the demo content)."""
    return project_root().joinpath("db", *parts)
