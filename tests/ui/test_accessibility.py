"""Text-size steps and high contrast: what the shell listens to and resets when idle."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton

from khojaly_kiosk.ui.accessibility import (
    TEXT_SCALES,
    AccessibilityState,
    scaled_font,
    set_accessible,
)


@pytest.fixture
def state(qapp) -> AccessibilityState:
    return AccessibilityState()


def test_starts_at_normal_size_and_contrast(state):
    assert state.text_scale == 1.0
    assert state.high_contrast is False
    assert TEXT_SCALES == (1.0, 1.25, 1.5)


def test_cycling_steps_through_the_sizes_and_wraps(qtbot, state):
    seen: list[float] = []
    state.textScaleChanged.connect(seen.append)
    results = [state.cycle_text_scale() for _ in range(3)]
    assert results == [1.25, 1.5, 1.0]
    assert seen == [1.25, 1.5, 1.0]


def test_setting_the_same_size_again_is_silent(qtbot, state):
    state.set_text_scale(1.5)
    with qtbot.assertNotEmitted(state.textScaleChanged):
        state.set_text_scale(1.5)


def test_only_the_offered_sizes_are_accepted(state):
    with pytest.raises(ValueError):
        state.set_text_scale(2.0)
    assert state.text_scale == 1.0


def test_high_contrast_toggles_and_signals(qtbot, state):
    with qtbot.waitSignal(state.highContrastChanged) as blocker:
        assert state.toggle_high_contrast() is True
    assert blocker.args == [True]
    with qtbot.assertNotEmitted(state.highContrastChanged):
        state.set_high_contrast(True)
    assert state.toggle_high_contrast() is False


def test_reset_restores_defaults_for_the_next_visitor(qtbot, state):
    state.set_text_scale(1.5)
    state.set_high_contrast(True)
    with qtbot.waitSignals([state.textScaleChanged, state.highContrastChanged]):
        state.reset()
    assert (state.text_scale, state.high_contrast) == (1.0, False)
    with qtbot.assertNotEmitted(state.textScaleChanged), \
            qtbot.assertNotEmitted(state.highContrastChanged):
        state.reset()


def test_sizes_scale_with_the_step(state):
    assert state.scaled(28) == 28
    state.set_text_scale(1.25)
    assert state.scaled(28) == 35
    state.set_text_scale(1.5)
    assert state.scaled(28) == 42


def test_scaled_font_copies_and_resizes(qapp):
    base = QFont("Noto Sans")
    base.setBold(True)
    big = scaled_font(base, 26, 1.5)
    assert big.pixelSize() == 39 and big.bold()
    assert base.pixelSize() != 39  # the original is untouched


def test_set_accessible_names_an_icon_button(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    assert set_accessible(button, "Home", "Go to the start") is button
    assert button.accessibleName() == "Home"
    assert button.accessibleDescription() == "Go to the start"
