"""A touchscreen has no hover: nothing may rely on a tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from khojaly_kiosk.ui.shell import Shell
from tests.support.layout import walk_states


def test_no_widget_on_any_screen_has_a_tooltip(shell: Shell, archive) -> None:
    with_tooltip: list[str] = []
    for state in walk_states(shell, archive, "en"):
        for widget in shell.findChildren(QWidget):
            if widget.isVisible() and widget.toolTip():
                with_tooltip.append(f"{state}: {type(widget).__name__} {widget.toolTip()!r}")
    assert with_tooltip == []
