"""A large on-screen keyboard for az, en, ru and tr, for a touch screen without a physical one.

Five rows: digits, three rows of letters, and a bottom row with one key per layout (AZ EN RU
TR, each one tap away, always in the same place), space and clear. Keys are placed on one grid
for every layout, so no key moves when the letters change.
"""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QLineEdit, QPushButton, QSizePolicy, QWidget

from khojaly_kiosk.ui.accessibility import set_accessible
from khojaly_kiosk.ui.theme import Palette, current_palette, palette
from khojaly_kiosk.ui.widgets.keyboard_layouts import LAYOUT_ORDER, LAYOUTS, KeyboardLayout

MIN_KEY = 64  # logical px: the smallest key edge, comfortable for a finger at arm's length
KEY_GAP = 10
MARGIN = 16
MAX_TEXT = 100  # a visitor's search never needs more; keeps a stuck finger from filling memory

_STYLE = """
OnScreenKeyboard {{ background: {background}; }}
KeyButton {{
    background: {surface}; color: {text}; border: 1px solid {divider}; border-radius: 8px;
    font-family: "Noto Sans"; font-size: 30px; padding: 0px;
}}
KeyButton[role="control"] {{ font-size: 22px; }}
KeyButton[role="layout"] {{ font-size: 22px; color: {secondary}; }}
KeyButton:pressed {{ background: {pressed}; border: 3px solid {indicator}; }}
KeyButton:checked {{ background: {pressed}; border: 3px solid {indicator}; color: {text}; }}
KeyButton[role="layout"]:checked {{
    border: 2px solid {divider}; border-bottom: 6px solid {indicator}; font-weight: bold;
}}
"""

DIGITS = "1234567890"
#: Every layout is placed on a grid this many letter keys wide (the widest row of any layout),
#: so keys stay put when the layout changes.
GRID_UNITS = 12.5
ROWS = 5


def _style(pal: Palette) -> str:
    return _STYLE.format(**asdict(pal))


class KeyButton(QPushButton):
    """One key. ``span`` is its width in letter-key units; it never takes keyboard focus."""

    def __init__(self, text: str, span: float, role: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.span = span
        self.setProperty("role", role)
        # Keys must not steal focus from the field being typed into.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class OnScreenKeyboard(QWidget):
    """Digits, the letters of the current layout, backspace, done, shift, layouts, space, clear.

    Works on its own (``text()``) or bound to a QLineEdit with ``attach()``, in which case keys
    edit that field at its cursor and ``textChanged`` relays the field's text.
    """

    textChanged = Signal(str)
    submitted = Signal(str)
    layoutChanged = Signal(str)

    def __init__(self, layout: str = "az", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._chosen = False  # set_high_contrast was called: the caller decides, not the window
        self._palette = current_palette()  # the visitor's contrast, if already chosen
        self.setStyleSheet(_style(self._palette))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._buffer = ""
        self._target: QLineEdit | None = None
        self._shift = False
        self._submit_text: str | None = None
        self._layout: KeyboardLayout = LAYOUTS["az"]
        self._letter_keys: list[KeyButton] = []
        self._letter_rows: list[list[KeyButton]] = []
        self.digit_keys: list[KeyButton] = []
        for digit in DIGITS:
            key = KeyButton(digit, 1.0, "letter", self)
            key.setProperty("lower", digit)
            key.setProperty("upper", digit)
            set_accessible(key, digit)
            key.clicked.connect(lambda _=False, d=digit: self._type(d))
            self.digit_keys.append(key)

        self.backspace_key = self._control(1.5, self._backspace, autorepeat=True)
        self.backspace_key.setIcon(_backspace_icon(self._palette.text))
        self.submit_key = self._control(1.5, self._submit)
        self.shift_key = self._control(1.5, self._toggle_shift)
        self.shift_key.setCheckable(True)
        self.shift_key.setIcon(_shift_icon(self._palette.text))
        # One key per layout, named as the language bar names them; the current one is checked.
        self.layout_keys: dict[str, KeyButton] = {}
        for code in LAYOUT_ORDER:
            key = KeyButton(code.upper(), 1.25, "layout", self)
            key.setCheckable(True)
            key.clicked.connect(lambda _=False, c=code: self._choose_layout(c))
            self.layout_keys[code] = key
        self.space_key = self._control(5.5, lambda: self._type(" "))
        self.clear_key = self._control(2.0, self.clear)
        for key in (self.backspace_key, self.shift_key):
            key.setIconSize(QSize(40, 40))
        self.set_layout(layout)
        self._retranslate()

    # -- public API -------------------------------------------------------------------------

    def text(self) -> str:
        """What has been typed (the attached field's text when one is attached)."""
        return self._target.text() if self._target is not None else self._buffer

    def clear(self) -> None:
        """Empty the text (or the attached field)."""
        if self._target is not None:
            self._target.clear()
        elif self._buffer:
            self._buffer = ""
            self.textChanged.emit("")

    def layout_code(self) -> str:
        return self._layout.code

    def set_layout(self, lang: str) -> None:
        """Show the letters of ``lang`` (az, en, ru, tr)."""
        if lang not in LAYOUTS:
            raise ValueError(f"no keyboard layout for {lang!r}; expected one of {LAYOUT_ORDER}")
        changed = lang != self._layout.code or not self._letter_keys
        if not changed:
            return  # rebuilding 33 keys on every visit to the names screen cost ~19 ms
        self._layout = LAYOUTS[lang]
        self._build_letters()
        for code, key in self.layout_keys.items():
            key.setChecked(code == lang)
        self._place_keys()
        if changed:
            self.layoutChanged.emit(lang)

    def attach(self, line_edit: QLineEdit | None) -> None:
        """Type into ``line_edit`` from now on (``None`` detaches and returns to the own buffer)."""
        if self._target is not None:
            self._target.textChanged.disconnect(self.textChanged)
            self._target.destroyed.disconnect(self._target_destroyed)
        self._target = line_edit
        if line_edit is not None:
            line_edit.textChanged.connect(self.textChanged)
            line_edit.destroyed.connect(self._target_destroyed)

    def set_submit_text(self, text: str | None) -> None:
        """Label the submit key (e.g. an already translated "Search"); None restores "Done"."""
        self._submit_text = text
        self._retranslate()

    def set_high_contrast(self, on: bool) -> None:
        """Redraw with the high-contrast palette, or the normal one (from then on the caller
        decides; otherwise the keyboard follows the window's contrast)."""
        self._chosen = True
        self._use_palette(palette(on))

    def _use_palette(self, pal: Palette) -> None:
        if pal == self._palette:
            return  # (also ends the style-change event its own stylesheet sends)
        self._palette = pal
        self.setStyleSheet(_style(pal))
        self.backspace_key.setIcon(_backspace_icon(pal.text))
        self.shift_key.setIcon(_shift_icon(pal.text))

    def all_keys(self) -> list[KeyButton]:
        """Every key, letters first (for tests and for the shell's accessibility checks)."""
        controls = [self.backspace_key, self.submit_key, self.shift_key,
                    *self.layout_keys.values(), self.space_key, self.clear_key]
        return [*self.digit_keys, *self._letter_keys, *controls]

    def key_for(self, char: str) -> KeyButton | None:
        """The key that types ``char`` (a digit, or a letter lower or shifted) on this layout."""
        for key in [*self.digit_keys, *self._letter_keys]:
            if char in (key.property("lower"), key.property("upper")):
                return key
        return None

    def is_shifted(self) -> bool:
        return self._shift

    # -- Qt -----------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(1728, ROWS * 80 + (ROWS - 1) * KEY_GAP + 2 * MARGIN)

    def minimumSizeHint(self) -> QSize:
        width = round(GRID_UNITS * (MIN_KEY + KEY_GAP) - KEY_GAP) + 2 * MARGIN
        return QSize(width, ROWS * MIN_KEY + (ROWS - 1) * KEY_GAP + 2 * MARGIN)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_keys()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.StyleChange and not self._chosen:
            # The visitor's contrast tap re-polishes the window (ui.restyle): follow it.
            self._use_palette(current_palette())
        super().changeEvent(event)

    # -- building -------------------------------------------------------------------------------

    def _control(self, span: float, slot: object, autorepeat: bool = False) -> KeyButton:
        key = KeyButton("", span, "control", self)
        if autorepeat:
            key.setAutoRepeat(True)
            key.setAutoRepeatDelay(450)
            key.setAutoRepeatInterval(90)
        key.clicked.connect(slot)
        return key

    def _build_letters(self) -> None:
        for key in self._letter_keys:
            key.hide()
            key.deleteLater()
        self._letter_keys = []
        self._letter_rows = []
        for lower_row, upper_row in zip(self._layout.lower, self._layout.upper, strict=True):
            row = []
            for lower, upper in zip(lower_row, upper_row, strict=True):
                key = KeyButton(lower, 1.0, "letter", self)
                key.setProperty("lower", lower)
                key.setProperty("upper", upper)
                set_accessible(key, lower)
                key.clicked.connect(lambda _=False, k=key: self._letter_clicked(k))
                key.show()
                row.append(key)
            self._letter_rows.append(row)
            self._letter_keys.extend(row)
        self._show_case()

    def _rows(self) -> list[list[KeyButton]]:
        top, middle, bottom = self._letter_rows
        return [
            [*self.digit_keys, self.backspace_key],
            top,
            [*middle, self.submit_key],
            [self.shift_key, *bottom],
            [*self.layout_keys.values(), self.space_key, self.clear_key],
        ]

    @staticmethod
    def _row_units(row: list[KeyButton]) -> float:
        return sum(key.span for key in row)

    def _place_keys(self) -> None:
        """Lay keys out by hand on one grid for every layout, each row centred on it."""
        if not self._letter_rows:
            return
        rows = self._rows()
        inner_w = self.width() - 2 * MARGIN
        inner_h = self.height() - 2 * MARGIN
        # A key of span s is s units plus the (s - 1) gaps it covers, so a row of u units is
        # u * unit + (u - 1) * gap wide, whatever mix of keys it holds. The unit comes from the
        # grid, not from this layout's rows: the layout keys never move.
        unit = max((inner_w - (GRID_UNITS - 1) * KEY_GAP) / GRID_UNITS, float(MIN_KEY))
        grid_w = GRID_UNITS * (unit + KEY_GAP) - KEY_GAP
        left = MARGIN + max(0.0, (inner_w - grid_w) / 2)
        height = max(MIN_KEY, (inner_h - (len(rows) - 1) * KEY_GAP) // len(rows))
        y = MARGIN
        for row in rows:
            row_w = self._row_units(row) * (unit + KEY_GAP) - KEY_GAP
            x = left + max(0.0, (grid_w - row_w) / 2)
            for key in row:
                # A wide key also absorbs the gaps it spans, so edges line up between rows.
                width = key.span * unit + (key.span - 1) * KEY_GAP
                key.setGeometry(QRect(round(x), y, round(width), height))
                x += width + KEY_GAP
            y += height + KEY_GAP

    def _retranslate(self) -> None:
        self.space_key.setText(self.tr("Space"))
        self.clear_key.setText(self.tr("Clear"))
        self.submit_key.setText(self._submit_text or self.tr("Done"))
        set_accessible(self.space_key, self.tr("Space"))
        set_accessible(self.clear_key, self.tr("Clear"), self.tr("Delete everything typed"))
        set_accessible(self.submit_key, self._submit_text or self.tr("Done"))
        set_accessible(self.backspace_key, self.tr("Delete"), self.tr("Delete the last letter"))
        set_accessible(self.shift_key, self.tr("Capital letter"),
                       self.tr("Type the next letter as a capital"))
        for code, key in self.layout_keys.items():
            set_accessible(key, LAYOUTS[code].name, self.tr("Keyboard language"))

    # -- typing ---------------------------------------------------------------------------------

    def _letter_clicked(self, key: KeyButton) -> None:
        char = key.property("upper") if self._shift else key.property("lower")
        self._type(str(char))
        if self._shift:
            # One-shot shift, as on a phone: names need one capital, not a run of them.
            self._set_shift(False)

    def _type(self, char: str) -> None:
        if self._target is not None:
            self._target.insert(char)
        elif len(self._buffer) < MAX_TEXT:
            self._buffer += char
            self.textChanged.emit(self._buffer)

    def _backspace(self) -> None:
        if self._target is not None:
            self._target.backspace()
        elif self._buffer:
            self._buffer = self._buffer[:-1]
            self.textChanged.emit(self._buffer)

    def _submit(self) -> None:
        self.submitted.emit(self.text())

    def _toggle_shift(self) -> None:
        self._set_shift(not self._shift)

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        self.shift_key.setChecked(on)
        self._show_case()

    def _show_case(self) -> None:
        for key in self._letter_keys:
            key.setText(str(key.property("upper" if self._shift else "lower")))

    def _choose_layout(self, code: str) -> None:
        self.set_layout(code)
        # A tap on the current layout's key must leave it checked (QPushButton toggles it).
        self.layout_keys[code].setChecked(True)

    def _target_destroyed(self) -> None:
        self._target = None


def _canvas(size: int, color: str) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), size / 16)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    return pixmap, painter


def _backspace_icon(color: str, size: int = 80) -> QIcon:
    """A left-pointing tag with a cross (drawn: the bundled fonts have no U+232B glyph)."""
    pixmap, painter = _canvas(size, color)
    s = size / 16
    outline = QPolygonF([QPointF(5 * s, 3 * s), QPointF(15 * s, 3 * s), QPointF(15 * s, 13 * s),
                         QPointF(5 * s, 13 * s), QPointF(1 * s, 8 * s)])
    painter.drawPolygon(outline)
    painter.drawLine(QPointF(8 * s, 5.5 * s), QPointF(12.5 * s, 10.5 * s))
    painter.drawLine(QPointF(12.5 * s, 5.5 * s), QPointF(8 * s, 10.5 * s))
    painter.end()
    return QIcon(pixmap)


def _shift_icon(color: str, size: int = 80) -> QIcon:
    """An outlined upward arrow (drawn: the bundled fonts have no U+21E7 glyph)."""
    pixmap, painter = _canvas(size, color)
    s = size / 16
    path = QPainterPath(QPointF(8 * s, 1.5 * s))
    for x, y in ((14.5, 8), (11, 8), (11, 14.5), (5, 14.5), (5, 8), (1.5, 8)):
        path.lineTo(QPointF(x * s, y * s))
    path.closeSubpath()
    painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)
