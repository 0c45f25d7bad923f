"""The memorial look: a qt-material dark base (cached) plus our own ``resources/styles/*.qss``.

``qt_material.apply_stylesheet`` renders a Jinja template every start (~120 ms), so the
rendered stylesheet is cached in the data dir's ``cache`` folder keyed by palette, qt-material
version and ``THEME_VERSION``; later starts only read a file.

Our .qss files may use two kinds of placeholder, so one file serves every palette and text size:
``@name`` for a palette colour (``@background``, ``@surface``, ``@pressed``, ``@text``,
``@secondary``, ``@accent``, ``@indicator``, ``@candle``, ``@divider``) and ``scale(26px)`` for
a text size that follows the visitor's text-size step.

The application's stylesheet is set once and holds every variant: the default one as written,
and for each other palette and text-size step a copy whose selectors are prefixed with a mark
(``*[kioskContrast="high"] QLabel``, ``*[kioskTextScale="125"] QLabel``). A mark on the
window switches everything inside it (see ``style_marks``): only the widgets that are re-polished
change, so a visitor's Aa or contrast tap restyles the screen they see, not all ~1,900 widgets
(``QApplication.setStyleSheet`` took 1-2 s per tap). A prefix adds the same specificity to every
rule it copies, so within a marked window the copy decides exactly as the unprefixed sheet of
that variant would. The palette copy leaves out font sizes and the text-size copies hold only
font sizes, so the two kinds of mark combine.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import zlib
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


def _material_version() -> str:
    """What identifies the installed qt-material, without ``importlib.metadata`` (its import,
    with ``email``, cost ~40 ms of start-up) or importing qt-material itself (slower still):
    where its module lives and when that file was written (an upgrade rewrites it)."""
    try:
        spec = importlib.util.find_spec("qt_material")
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return "unknown"
    try:
        stamp = os.stat(spec.origin).st_mtime_ns
    except OSError:
        return "unknown"
    return _digest(f"{spec.origin}|{stamp}")


def _digest(text: str) -> str:
    """A short fingerprint for a cache file's name. CRC-32 twice (two seeds), not hashlib:
    ``_hashlib`` loads libcrypto (~3 ms before the first frame) for a name nobody attacks."""
    data = text.encode()
    return f"{zlib.crc32(data):08x}{zlib.crc32(data, 0x5A5A5A5A):08x}"


def _cache_key(pal: Palette) -> str:
    material = _material_version()
    digest = _digest(repr(sorted(asdict(pal).items())))
    return f"material-{material}-v{THEME_VERSION}-{digest}"


def material_stylesheet(pal: Palette, cache_dir: Path, icon_prefix: str = "icon") -> str:
    """The qt-material base stylesheet for ``pal``, rendered once and then read from cache.

    Its icons are found through the Qt search path ``icon_prefix`` (one per palette, so both
    palettes' icons can be in one stylesheet).
    """
    folder = cache_dir
    key = _cache_key(pal)
    qss_file = folder / f"{key}.qss"
    icons = folder / f"{key}-icons"
    if qss_file.is_file() and icons.is_dir():
        qss = qss_file.read_text(encoding="utf-8")
    else:
        qss = _render_material(pal, folder, key, icons)
    QDir.setSearchPaths(icon_prefix, [str(icons)])
    if icon_prefix != "icon":
        qss = qss.replace("url(icon:", f"url({icon_prefix}:")
    return qss


def _render_material(pal: Palette, folder: Path, key: str, icons: Path) -> str:
    import qt_material  # imported late: it is slow and only needed on a cache miss

    folder.mkdir(parents=True, exist_ok=True)
    theme_xml = folder / f"{key}.xml"
    theme_xml.write_text(_material_xml(pal), encoding="utf-8")
    extra = {"font_family": SANS, "density_scale": "0"}
    # export=True skips qt-material's Roboto; parent=<abs path> keeps its icons in our cache.
    qss = qt_material.build_stylesheet(theme=str(theme_xml), extra=extra, parent=str(icons),
                                       export=True) or ""
    qss_file = folder / f"{key}.qss"
    tmp = qss_file.with_suffix(".tmp")
    tmp.write_text(qss, encoding="utf-8")
    tmp.replace(qss_file)  # atomic: a crash never leaves half a stylesheet in the cache
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


MARK_CONTRAST = "kioskContrast"  # window property: "high" or "normal" (see style_marks)
MARK_TEXT_SCALE = "kioskTextScale"  # window property: "100", "125" or "150"
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


@dataclass(frozen=True)
class _Variant:
    high_contrast: bool = False
    text_scale: float = 1.0


_default = _Variant()  # the variant the unprefixed sheet is written for (set by apply_theme)


def _scale_mark(scale: float) -> str:
    return str(round(scale * 100))


def _contrast_mark(high_contrast: bool) -> str:
    return "high" if high_contrast else "normal"


def _copy(sheet: str, prefix: str, keep_font_size: bool) -> str:
    """``sheet`` with ``prefix`` before every selector, keeping either only the font-size
    declarations (``keep_font_size``) or everything but them. Rules left empty are dropped."""
    out: list[str] = []
    for selectors, body in _RULE.findall(_COMMENT.sub("", sheet)):
        declarations = [d.strip() for d in body.split(";") if d.strip()]
        kept = [d for d in declarations
                if (d.split(":", 1)[0].strip().lower() == "font-size") == keep_font_size]
        if not kept:
            continue
        marked = ", ".join(f"{prefix} {one.strip()}" for one in selectors.split(",")
                           if one.strip())
        out.append(f"{marked} {{ {'; '.join(kept)}; }}")
    return "\n".join(out)


def kiosk_stylesheet(cache_dir: Path | None, high_contrast: bool = False,
                     text_scale: float = 1.0) -> str:
    """The one application stylesheet: the variant asked for as written, then every other
    palette and text-size step as a marked copy (see the module's docstring)."""

    def variant(hc: bool, scale: float) -> str:
        pal = palette(hc)
        try:
            base = (material_stylesheet(pal, cache_dir, "icon" if hc == high_contrast
                                        else "iconother")
                    if cache_dir is not None else "")
        except OSError as exc:
            # An unwritable cache only costs start-up time; our own styles still apply.
            log.warning("The theme cache cannot be written (%s); using our styles only.", exc)
            base = ""
        return base + "\n" + own_stylesheet(pal, scale)

    parts = [variant(high_contrast, text_scale)]
    other = not high_contrast
    parts.append(_copy(variant(other, text_scale),
                       f'*[{MARK_CONTRAST}="{_contrast_mark(other)}"]', keep_font_size=False))
    for scale in TEXT_SCALES:
        if scale != text_scale:
            parts.append(_copy(variant(high_contrast, scale),
                               f'*[{MARK_TEXT_SCALE}="{_scale_mark(scale)}"]',
                               keep_font_size=True))
    return "\n".join(parts)


def style_marks(high_contrast: bool, text_scale: float) -> dict[str, str]:
    """The properties that put a window (everything inside it, once re-polished) in this
    palette and text size; empty values where the application's default already is."""
    return {
        MARK_CONTRAST: (_contrast_mark(high_contrast)
                        if high_contrast != _default.high_contrast else ""),
        MARK_TEXT_SCALE: (_scale_mark(text_scale)
                          if text_scale != _default.text_scale else ""),
    }


def set_active_palette(high_contrast: bool) -> Palette:
    """The palette that self-painting widgets read at paint time (``current_palette``)."""
    global _active
    _active = palette(high_contrast)
    return _active


def apply_theme(app: QApplication, *, cache_dir: Path | None, high_contrast: bool = False,
                text_scale: float = 1.0) -> str:
    """Style the whole application; returns the stylesheet that was set.

    Called once at start (a restyle only changes a window's marks, see ``style_marks``); the
    stylesheet is set only if it differs from the one in place.

    Args:
        app: the running application.
        high_contrast: the default palette is the high-contrast one.
        text_scale: the default text-size step (1.0, 1.25 or 1.5).
        cache_dir: where the rendered qt-material base is cached (the data folder's
            ``cache/theme``, given by the composition root); None leaves the base out and
            applies our own styles only (for tests of our rules).
    """
    global _default
    _default = _Variant(high_contrast, text_scale)
    set_active_palette(high_contrast)
    apply_default_font(app, text_scale)
    sheet = kiosk_stylesheet(cache_dir, high_contrast, text_scale)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    return sheet
