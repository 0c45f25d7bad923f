"""shiboken6's question "does this module use PySide6?", answered from the file's bytes."""

from __future__ import annotations

import json
import linecache
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import shiboken6  # noqa: F401  (installs shibokensupport.feature)

from khojaly_kiosk.ui import shiboken_hook

feature = sys.modules["shibokensupport.feature"]


@pytest.fixture
def upstream() -> Iterator[object]:
    """shiboken's own function, put back after the test."""
    before = feature._mod_uses_pyside
    original = getattr(before, "upstream", before)
    feature._mod_uses_pyside = original
    yield original
    feature._mod_uses_pyside = before


def _module(directory: Path, name: str, text: str) -> ModuleType:
    (directory / f"{name}.py").write_text(text, encoding="utf-8")
    sys.path.insert(0, str(directory))
    try:
        __import__(name)  # the import statement's path, which shiboken wraps
        return sys.modules[name]
    finally:
        sys.path.remove(str(directory))
        sys.modules.pop(name, None)


def test_the_quick_check_answers_as_shiboken_does(upstream, tmp_path: Path) -> None:
    uses = _module(tmp_path, "uses_qt", "from PySide6.QtCore import QTimer\n")
    plain = _module(tmp_path, "no_qt", "x = 1  # Qt is not named here\n")
    assert shiboken_hook.quicken()
    quick = feature._mod_uses_pyside
    assert quick is not upstream
    for module in (uses, plain, json, shiboken_hook, sys):  # files, and a builtin module
        assert quick(module) == upstream(module), module.__name__
    assert quick(uses) and not quick(plain)


def test_an_imported_module_is_not_read_into_linecache(upstream, tmp_path: Path) -> None:
    shiboken_hook.quicken()
    linecache.clearcache()
    module = _module(tmp_path, "fresh_module_for_hook", "VALUE = 'PySide6'\n")
    assert feature.pyside_feature_dict[module.__name__] == 0  # asked, and answered "uses it"
    assert not any("fresh_module_for_hook" in name for name in linecache.cache)
    del feature.pyside_feature_dict[module.__name__]


def test_quicken_twice_wraps_once_and_a_missing_function_changes_nothing(
        upstream, monkeypatch: pytest.MonkeyPatch) -> None:
    shiboken_hook.quicken()
    first = feature._mod_uses_pyside
    assert shiboken_hook.quicken() and feature._mod_uses_pyside is first
    monkeypatch.delattr(feature, "_mod_uses_pyside")
    assert shiboken_hook.quicken() is False
    assert not hasattr(feature, "_mod_uses_pyside")
