"""Visitor accessibility choices: text size steps and high contrast.

The state lives in one small QObject the shell owns; the shell (and theme) listen to its signals
and apply them. ``reset()`` is called when the kiosk goes idle so the next visitor starts from the
defaults.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5)


class AccessibilityState(QObject):
    """Current text scale (one of ``TEXT_SCALES``) and high-contrast flag, with change signals."""

    textScaleChanged = Signal(float)
    highContrastChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scale_index = 0
        self._high_contrast = False

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self._scale_index]

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    def set_text_scale(self, scale: float) -> None:
        """Choose a step from ``TEXT_SCALES``; other values raise ``ValueError``."""
        if scale not in TEXT_SCALES:
            raise ValueError(f"text scale must be one of {TEXT_SCALES}, not {scale}")
        index = TEXT_SCALES.index(scale)
        if index != self._scale_index:
            self._scale_index = index
            self.textScaleChanged.emit(self.text_scale)

    def cycle_text_scale(self) -> float:
        """Go to the next larger step, wrapping to x1 after the largest (one "Aa" button)."""
        self.set_text_scale(TEXT_SCALES[(self._scale_index + 1) % len(TEXT_SCALES)])
        return self.text_scale

    def set_high_contrast(self, enabled: bool) -> None:
        if enabled != self._high_contrast:
            self._high_contrast = enabled
            self.highContrastChanged.emit(enabled)

    def toggle_high_contrast(self) -> bool:
        self.set_high_contrast(not self._high_contrast)
        return self._high_contrast

    def reset(self) -> None:
        """Back to x1 and normal contrast; signals fire only for what actually changes."""
        self.set_text_scale(TEXT_SCALES[0])
        self.set_high_contrast(False)

    def scaled(self, pixels: int) -> int:
        """``pixels`` (a size designed at x1) at the current text scale."""
        return round(pixels * self.text_scale)


def scaled_font(font: QFont, pixel_size: int, scale: float) -> QFont:
    """A copy of ``font`` at ``pixel_size`` (its x1 design size) times ``scale``."""
    result = QFont(font)
    result.setPixelSize(max(1, round(pixel_size * scale)))
    return result


def set_accessible(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give ``widget`` the name (and description) a screen reader announces; returns it.

    Icon-only buttons need this: without a name they are announced as "button".
    """
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget
