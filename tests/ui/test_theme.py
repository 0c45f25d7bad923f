"""Theme: cached qt-material base, our qss with palette and text scale, touch sizes."""

from __future__ import annotations

import re

import pytest
import qt_material

from khojaly_kiosk.ui.theme import DARK, HIGH_CONTRAST, apply_theme, own_stylesheet
from khojaly_kiosk.ui.widgets.buttons import TouchButton


def test_material_base_is_rendered_once_then_read_from_cache(qapp, tmp_path, monkeypatch):
    calls: list[str] = []
    real = qt_material.build_stylesheet

    def counting(*args, **kwargs):
        calls.append("built")
        return real(*args, **kwargs)

    monkeypatch.setattr(qt_material, "build_stylesheet", counting)
    first = apply_theme(qapp, cache_dir=tmp_path)
    second = apply_theme(qapp, cache_dir=tmp_path)
    assert calls == ["built"]
    assert first == second
    assert len(list(tmp_path.glob("*.qss"))) == 1
    apply_theme(qapp, high_contrast=True, cache_dir=tmp_path)
    assert calls == ["built", "built"]  # another palette is another cache entry
    qapp.setStyleSheet("")


def test_our_styles_fill_palette_and_scale_text(tmp_path):
    (tmp_path / "a.qss").write_text("QLabel { color: @text; font-size: scale(20px); }")
    (tmp_path / "b.qss").write_text("QFrame { background: @surface; }")
    sheet = own_stylesheet(DARK, 1.5, styles_dir=tmp_path)
    assert "color: #ECEDEE" in sheet and "font-size: 30px" in sheet
    assert sheet.index("a.qss") < sheet.index("b.qss")
    contrast = own_stylesheet(HIGH_CONTRAST, 1.0, styles_dir=tmp_path)
    assert "color: #FFFFFF" in contrast and "@" not in contrast


def test_shipped_styles_leave_no_placeholder_unfilled():
    sheet = re.sub(r"/\*.*?\*/", "", own_stylesheet(DARK), flags=re.S)  # comments may say "@"
    assert "@" not in sheet and "scale(" not in sheet
    assert "QPushButton" in sheet


def test_buttons_are_touch_sized_under_the_theme(qtbot, themed):
    button = TouchButton("OK")
    qtbot.addWidget(button)
    button.show()
    assert button.height() >= 60 and button.width() >= 48
    assert button.font().family() == "Noto Sans"


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("pal", [DARK, HIGH_CONTRAST], ids=["dark", "high-contrast"])
def test_state_marks_and_text_reach_their_contrast_in_both_themes(pal):
    grounds = (pal.background, pal.surface, pal.pressed)  # where a mark or text can stand
    # WCAG 1.4.11: a mark that shows a state (chosen language, checked chip, focus ring,
    # selected marker) needs 3:1 against what is next to it.
    assert min(contrast(pal.indicator, g) for g in grounds) >= 3.0
    # AAA text: 7:1, secondary text too, also on a pressed card.
    assert min(contrast(pal.text, g) for g in grounds) >= 7.0
    assert min(contrast(pal.secondary, g) for g in grounds) >= 7.0
    # The accent is a fill (a primary button): text on it needs 4.5:1.
    assert contrast(pal.text, pal.accent) >= 4.5


def test_every_state_mark_in_our_styles_uses_the_indicator_not_the_accent():
    sheet = own_stylesheet(DARK)
    state_rules = [line for line in sheet.splitlines()
                   if any(s in line for s in (":checked", ":focus", "highlighted"))]
    assert state_rules
    assert not any(DARK.accent in line for line in state_rules if "border" in line)
