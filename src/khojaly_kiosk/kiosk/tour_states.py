"""The tour's states that belong to the kiosk, not the visitor UI: the idle prompt and the staff
panel. ``ui.tour`` cannot import ``kiosk``; the composition root hands these to it.

Nothing here acts: the staff panel is built over harmless actions (nothing is imported, rolled
back, restarted or saved), so a tour of a real kiosk's archive changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget

from khojaly_kiosk.kiosk.countdown import CountdownOverlay
from khojaly_kiosk.kiosk.staff.panel import StaffActions, StaffPanel, StaffStatus
from khojaly_kiosk.ui.background import ProgressCallback
from khojaly_kiosk.ui.shell import Shell
from khojaly_kiosk.ui.tour import TourStep

IDLE_PROMPT_SECONDS = 30


def tour_staff_actions(status: StaffStatus, settings: Mapping[str, str]) -> StaffActions:
    """Staff actions that show ``status`` and ``settings`` and change nothing."""

    def importer(_path: Path, _progress: ProgressCallback) -> str:
        return ""

    return StaffActions(
        status=lambda: status, importer=importer, rollback=lambda: "",
        restart=lambda: None, exit_to_desktop=lambda: None, usage_totals=lambda: {},
        current_settings=lambda: dict(settings), save_setting=lambda _key, _value: None,
    )  # fmt: skip


def kiosk_tour_steps(shell: Shell, actions: StaffActions) -> Sequence[TourStep]:
    """The idle prompt over the screen the tour left, then the staff panel."""
    overlay = CountdownOverlay(shell)
    cover = QWidget(shell)
    cover.setProperty("tourCover", True)  # ui.tour_text: only the panel's texts are read
    layout = QVBoxLayout(cover)
    layout.setContentsMargins(0, 0, 0, 0)
    panel = StaffPanel(actions)
    layout.addWidget(panel)
    cover.hide()

    def show_prompt() -> None:
        shell.home()
        overlay.start(IDLE_PROMPT_SECONDS)

    def show_panel() -> None:
        panel.refresh()
        cover.setGeometry(shell.rect())
        cover.show()
        cover.raise_()

    def remove() -> None:
        for widget in (cover, overlay):
            widget.hide()
            widget.deleteLater()

    return [
        TourStep("idle-prompt", show_prompt, overlay.hide),
        TourStep("staff-panel", show_panel, remove),
    ]
