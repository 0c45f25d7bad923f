"""Theme: cached qt-material base, our qss with palette and text scale, touch sizes."""

from __future__ import annotations

import re

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
