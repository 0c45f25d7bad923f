"""Build hook: the wheel carries the top-level ``resources/`` and ``db/demo/`` folders.

They stay at the top of the repository (translators, curators and the tests use them there) and
are copied into the wheel as ``khojaly_kiosk/_data/resources`` and ``khojaly_kiosk/_data/db/demo``,
where ``khojaly_kiosk.resources`` finds them with importlib.resources. Everything else about the
project is in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("resources", "db/demo")
# Translators' sources: the kiosk loads only the compiled .qm files.
LEFT_OUT = {".ts"}


def shipped_files() -> list[Path]:
    files = []
    for folder in SHIPPED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix not in LEFT_OUT and "__pycache__" not in path.parts:
                files.append(path.relative_to(ROOT))
    return files


class BuildPyWithData(build_py):
    """``build_py`` that also copies the shipped folders into ``khojaly_kiosk/_data``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout itself
        target = Path(self.build_lib) / "khojaly_kiosk" / "_data"
        for relative in shipped_files():
            dest = target / relative
            self.mkpath(str(dest.parent))
            self.copy_file(str(ROOT / relative), str(dest))


setup(cmdclass={"build_py": BuildPyWithData})
