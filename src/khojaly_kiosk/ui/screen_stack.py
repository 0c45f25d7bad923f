"""The stack the shell keeps its screens in."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget


class ScreenStack(QStackedWidget):
    """The screens, one on show, filling what the top bar and source strip leave.

    It never asks its screens for a height for the window's width: QStackedLayout asks every
    screen in the stack, hidden or not, whenever the window's layout is redone (a new title
    in the top bar, a screen switched), which laid out the words of every built screen on
    each tap; its height is the window's, less the bars, whatever its screens would like.
    """

    def hasHeightForWidth(self) -> bool:
        return False
