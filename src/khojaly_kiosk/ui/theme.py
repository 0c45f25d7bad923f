"""The memorial look: a qt-material dark base (cached) plus our own ``resources/styles/*.qss``.

``qt_material.apply_stylesheet`` renders a Jinja template every start (~120 ms), so the
rendered stylesheet is cached in the data dir's ``cache`` folder keyed by palette, qt-material
version and ``THEME_VERSION``; later starts only read a file.

Our .qss files may use two kinds of placeholder, so one file serves every palette and text size:
``@name`` for a palette colour (``@background``, ``@surface``, ``@pressed``, ``@text``,
``@secondary``, ``@accent``, ``@indicator``, ``@candle``, ``@divider``) and ``scale(26px)`` for
a text size that follows the visitor's text-size step.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication

from khojaly_kiosk.resources import resource_path
from khojaly_kiosk.ui.fonts import SANS, apply_default_font

log = logging.getLogger(__name__)

THEME_VERSION = "2"
TEXT_SCALES = (1.0, 1.25, 1.5)
MIN_TOUCH = 48  # px: nothing a visitor can press is smaller than this
BUTTON_HEIGHT = 64  # px: every button is at least this tall


@dataclass(frozen=True)
class Palette:
    """The few colours the whole exhibit uses (see VISUAL.md).

    ``accent`` is the carnation red of fills (a primary button, the flame's base);
    ``indicator`` marks state (the chosen language, a checked chip, keyboard focus) and
    reaches 3:1 against background, surface and pressed, as WCAG 1.4.11 asks of such marks
    (the accent reaches only 2.3-2.9:1). ``secondary`` text reaches 7:1 on all three.
    """

    background: str
    surface: str
    pressed: str
    text: str
    secondary: str
    accent: str
    candle: str
    divider: str
    indicator: str


DARK = Palette(background="#111315", surface="#1B1E21", pressed="#24282C", text="#ECEDEE",
               secondary="#B2B7BC", accent="#B3262E", candle="#E8B44F", divider="#2C3136",
               indicator="#E0525A")
# High contrast only changes values: pure black and white, brighter accent and dividers.
HIGH_CONTRAST = Palette(background="#000000", surface="#0B0B0B", pressed="#262626",
                        text="#FFFFFF", secondary="#E6E6E6", accent="#D42A34",
                        candle="#FFD27A", divider="#9A9A9A", indicator="#FF7078")


def palette(high_contrast: bool = False) -> Palette:
    return HIGH_CONTRAST if high_contrast else DARK


_active = DARK


def current_palette() -> Palette:
    """The palette in use now (set by ``apply_theme``): widgets that paint read it at paint time."""
    return _active


def _material_xml(pal: Palette) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<resources>\n'
        f'  <color name="primaryColor">{pal.accent}</color>\n'
        f'  <color name="primaryLightColor">{pal.accent}</color>\n'
        f'  <color name="secondaryColor">{pal.surface}</color>\n'
        f'  <color name="secondaryLightColor">{pal.pressed}</color>\n'
        f'  <color name="secondaryDarkColor">{pal.background}</color>\n'
        f'  <color name="primaryTextColor">{pal.text}</color>\n'
        f'  <color name="secondaryTextColor">{pal.text}</color>\n'
        '</resources>\n'
    )


def _cache_key(pal: Palette) -> str:
    try:
        material = importlib.metadata.version("qt-material")
    except importlib.metadata.PackageNotFoundError:
        material = "unknown"
    digest = hashlib.sha256(repr(sorted(asdict(pal).items())).encode()).hexdigest()[:12]
    return f"material-{material}-v{THEME_VERSION}-{digest}"


def material_stylesheet(pal: Palette, cache_dir: Path) -> str:
    """The qt-material base stylesheet for ``pal``, rendered once and then read from cache."""
    folder = cache_dir
    key = _cache_key(pal)
    qss_file = folder / f"{key}.qss"
    icons = folder / f"{key}-icons"
    if qss_file.is_file() and icons.is_dir():
        QDir.addSearchPath("icon", str(icons))
        return qss_file.read_text(encoding="utf-8")
    import qt_material  # imported late: it is slow and only needed on a cache miss

    folder.mkdir(parents=True, exist_ok=True)
    theme_xml = folder / f"{key}.xml"
    theme_xml.write_text(_material_xml(pal), encoding="utf-8")
    extra = {"font_family": SANS, "density_scale": "0"}
    # export=True skips qt-material's Roboto; parent=<abs path> keeps its icons in our cache.
    qss = qt_material.build_stylesheet(theme=str(theme_xml), extra=extra, parent=str(icons),
                                       export=True) or ""
    tmp = qss_file.with_suffix(".tmp")
    tmp.write_text(qss, encoding="utf-8")
    tmp.replace(qss_file)  # atomic: a crash never leaves half a stylesheet in the cache
    QDir.addSearchPath("icon", str(icons))
    return qss


_SCALE = re.compile(r"scale\((\d+(?:\.\d+)?)px\)")
_TOKEN = re.compile(r"@([a-z_]+)\b")


def own_stylesheet(pal: Palette, text_scale: float = 1.0, styles_dir: Path | None = None) -> str:
    """Every ``*.qss`` in ``resources/styles`` (sorted), placeholders filled in."""
    folder = styles_dir if styles_dir is not None else resource_path("styles")
    colours = asdict(pal)
    parts: list[str] = []
    for path in sorted(folder.glob("*.qss")):
        text = path.read_text(encoding="utf-8")
        text = _SCALE.sub(lambda m: f"{round(float(m.group(1)) * text_scale)}px", text)
        text = _TOKEN.sub(lambda m: colours.get(m.group(1), m.group(0)), text)
        parts.append(f"/* {path.name} */\n{text}")
    return "\n".join(parts)


def apply_theme(app: QApplication, *, cache_dir: Path | None, high_contrast: bool = False,
                text_scale: float = 1.0) -> str:
    """Style the whole application; returns the stylesheet that was set.

    Args:
        app: the running application.
        high_contrast: use the high-contrast palette.
        text_scale: the visitor's text-size step (1.0, 1.25 or 1.5).
        cache_dir: where the rendered qt-material base is cached (the data folder's
            ``cache/theme``, given by the composition root); None leaves the base out and
            applies our own styles only (for tests of our rules).
    """
    global _active
    pal = _active = palette(high_contrast)
    try:
        base = material_stylesheet(pal, cache_dir) if cache_dir is not None else ""
    except OSError as exc:
        # An unwritable cache only costs start-up time; our own styles still apply.
        log.warning("The theme cache cannot be written (%s); using our styles only.", exc)
        base = ""
    apply_default_font(app, text_scale)
    sheet = base + "\n" + own_stylesheet(pal, text_scale)
    app.setStyleSheet(sheet)
    return sheet
