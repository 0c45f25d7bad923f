"""The lock files pin every package with hashes and agree with pyproject.toml."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LOCKS = ("run.txt", "dev.txt", "bundle.txt")


def _locked(lock: str) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) of ``requirements/<lock>``."""
    text = (REPO / "requirements" / lock).read_text(encoding="utf-8")
    entries: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z])", text):
        match = re.match(r"([A-Za-z0-9._-]+)==([^ ;\\\n]+)", block)
        if match:
            name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
            entries[name] = (match.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for line in requirements:
        name, _, version = line.split("#")[0].strip().partition("==")
        pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


@pytest.mark.parametrize("lock", LOCKS)
def test_every_locked_package_is_pinned_with_hashes(lock: str) -> None:
    entries = _locked(lock)
    assert len(entries) > 10
    for name, (version, hashes) in entries.items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!]*", version), f"{name} is not pinned exactly"
        assert hashes, f"{name} has no hash in {lock}"


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_agrees_with_pyproject(lock: str) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _pins(project["dependencies"])
    if lock == "dev.txt":
        wanted |= _pins(project["optional-dependencies"]["dev"])
    entries = _locked(lock)
    for name, version in wanted.items():
        assert name in entries, f"{name} is in pyproject.toml, not in {lock}: run scripts/lock.sh"
        assert entries[name][0] == version, (
            f"pyproject.toml pins {name}=={version}, {lock} {entries[name][0]}: "
            "run scripts/lock.sh")


def test_the_bagit_wheel_built_once_is_the_one_locked() -> None:
    (wheel,) = (REPO / "requirements" / "wheels").glob("bagit-*.whl")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    for lock in LOCKS:
        assert digest in _locked(lock)["bagit"][1]
