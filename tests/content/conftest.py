"""Fixtures for import tests: a kiosk data folder, and one with package version 1 live."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.content.kiosks import Kiosk, new_kiosk
from tests.support.content.packages import jpeg_bytes, make_package


@pytest.fixture
def kiosk(tmp_path: Path) -> Kiosk:
    return new_kiosk(tmp_path)


@pytest.fixture
def installed(kiosk: Kiosk) -> Kiosk:
    """A kiosk with package version 1 live."""
    result = kiosk.import_(make_package(kiosk.tmp, kiosk.keys, 1, image=jpeg_bytes()))
    assert result.report.ok, result.report.to_text()
    return kiosk
