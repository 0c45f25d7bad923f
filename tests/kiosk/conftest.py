"""Fixtures for the kiosk services: a real state.sqlite in tmp_path, a fake clock, a fast hasher."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: the tests draw real widgets on an offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from argon2 import PasswordHasher

from khojaly_kiosk.kiosk.core.state import StateStore
from tests.support.kiosk import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "state.sqlite"


@pytest.fixture
def state(state_path: Path) -> Iterator[StateStore]:
    store = StateStore.open(state_path)
    yield store
    store.close()


@pytest.fixture
def fast_hasher() -> PasswordHasher:
    # Still argon2id, with the cost turned down so the throttle tests run in milliseconds.
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
