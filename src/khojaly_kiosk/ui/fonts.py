"""Bundled fonts: Noto Sans for body and UI, Noto Serif for headings.

Both cover Azerbaijani Latin (ə, ğ, ı, İ), Cyrillic and Turkish, so every language looks the
same on every kiosk regardless of what the operating system has installed.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.resources import resource_path

log = logging.getLogger(__name__)

SANS = "Noto Sans"
SERIF = "Noto Serif"
BODY_PX = 22  # UI text at x1; reading text and headings set their own sizes in the .qss

_loaded: list[str] | None = None


def load_fonts() -> list[str]:
    """Register every bundled .ttf once; returns the font families found."""
    global _loaded
    if _loaded is not None:
        return _loaded
    families: set[str] = set()
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            # A missing font falls back to the system one; the kiosk still works.
            log.warning("Could not load the font file %s.", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    _loaded = sorted(families)
    return _loaded


def apply_default_font(app: QApplication, text_scale: float = 1.0) -> QFont:
    """Make Noto Sans the application font at the body size for ``text_scale``."""
    load_fonts()
    font = QFont(SANS)
    font.setPixelSize(round(BODY_PX * text_scale))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return font
