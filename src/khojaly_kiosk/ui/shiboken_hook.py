"""A faster answer to the question shiboken6 asks of every module imported after PySide6.

PySide6 wraps ``__import__``; for each module imported after it, its ``feature`` support
(``from __feature__ import snake_case``) asks whether the module uses PySide6, by running
``inspect.getsource`` on it and searching the text for "PySide6" (PYSIDE-2029). That goes
through ``linecache`` and ``tokenize`` and keeps every module's source in memory: ~160 modules
and ~12 ms of the kiosk's start before its first frame (measured with the upstream function
wrapped in a timer). ``quicken()`` asks the same question of the module's file read as bytes.
The answer is the same (a module with a ``.py`` file, searched for the same word); anything
else (no file, a frozen bundle, a file that cannot be read) still goes to shiboken's own
function. If a PySide6 release renames or drops the function, nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_khojaly_quick"


def quicken() -> bool:
    """Install the faster check once PySide6 is imported; True when it is in place."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None:
        return False
    if getattr(upstream, _MARK, False):
        return True

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return upstream(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return upstream(module)

    setattr(mod_uses_pyside, _MARK, True)
    mod_uses_pyside.upstream = upstream  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[attr-defined]
    return True
