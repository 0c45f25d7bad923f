"""The staff panel: archive status, import and rollback, usage, settings, restart and exit.

It is handed everything it does as callables (:class:`StaffActions`), built by the composition
root; it never opens the archive or the state file itself. Slow actions (import, rollback)
run through :mod:`khojaly_kiosk.ui.background`, so the screen keeps drawing.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from khojaly_kiosk.archive.records import ArchiveSummary, TranslationCoverage
from khojaly_kiosk.errors import KioskError
from khojaly_kiosk.kiosk.core.inbox import find_packages
from khojaly_kiosk.kiosk.core.usage import COUNTERS, HOURLY_DAYS
from khojaly_kiosk.kiosk.staff.chart import HourlyUsageChart, UsageChart
from khojaly_kiosk.kiosk.staff.settings import StaffSettings
from khojaly_kiosk.ui.background import ProgressCallback, run_in_background
from khojaly_kiosk.ui.widgets.controls import ConfirmButton, touch_button
from khojaly_kiosk.ui.widgets.text import plain_label

log = logging.getLogger(__name__)

STACK_BELOW_PX = 1400  # narrower than this (a portrait screen), the two columns stack


@dataclass(frozen=True, slots=True)
class StaffStatus:
    """What the status box shows. Empty strings and ``None`` are shown as "unknown"."""

    generation: str = ""
    package_version: int | None = None
    package_title: str = ""
    counts: Mapping[str, int] = field(default_factory=dict)
    integrity: str = ""  # a sentence from the integrity check, e.g. "The archive is intact."
    disk_free_bytes: int | None = None
    coverage: tuple[TranslationCoverage, ...] = ()  # of the content's translations


def status_from_summary(summary: ArchiveSummary | None, integrity: str,
                        data_dir: Path) -> StaffStatus:
    """Build a :class:`StaffStatus` from the archive summary and the data dir's free space."""
    try:
        free: int | None = shutil.disk_usage(data_dir).free
    except OSError:
        free = None
    if summary is None:
        return StaffStatus(integrity=integrity, disk_free_bytes=free)
    return StaffStatus(summary.generation, summary.package_version, summary.title,
                       dict(summary.counts), integrity, free, summary.coverage)


@dataclass(frozen=True)
class StaffActions:
    """Everything the panel can do, given by the composition root."""

    status: Callable[[], StaffStatus]
    importer: Callable[[Path, ProgressCallback], str]  # returns the report text
    rollback: Callable[[], str]  # returns a sentence saying what is live now
    restart: Callable[[], None]
    exit_to_desktop: Callable[[], None]
    usage_totals: Callable[[], Mapping[str, int]]  # counter name -> count
    current_settings: Callable[[], Mapping[str, str]]
    save_setting: Callable[[str, str], None]  # raises KioskError when refused
    package_roots: Sequence[Path] = ()
    # Visits per hour of day (24 numbers); without it the panel shows only the totals.
    usage_by_hour: Callable[[], Sequence[int]] | None = None


def _size_text(size: int | None) -> str:
    if size is None:
        return "?"
    gigabytes = size / 1_000_000_000
    return f"{gigabytes:.1f} GB" if gigabytes >= 1 else f"{size / 1_000_000:.0f} MB"


class StaffPanel(QWidget):
    """Call :meth:`refresh` each time the panel is shown; ``closed`` means back to visitors."""

    closed = Signal()

    def __init__(self, actions: StaffActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # kiosk.qss styles it
        self._actions = actions
        self._busy = False

        self.status_text = plain_label("", "body", self, object_name="staffStatus")
        self.packages = QListWidget(self)
        self.packages.setObjectName("staffPackages")
        self.packages.setMinimumHeight(200)
        self.find_button = touch_button(parent=self, object_name="staffFindPackages")
        self.import_button = touch_button(parent=self, object_name="staffImport")
        self.rollback_button = ConfirmButton(self, "staffRollback")
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMinimumHeight(16)
        self.progress_text = plain_label("", "body", self, object_name="staffProgress")
        self.report = QPlainTextEdit(self)  # plain text only: reports quote file contents
        self.report.setObjectName("staffReport")
        self.report.setReadOnly(True)
        self.report.setMinimumHeight(160)
        self.chart = UsageChart(self)
        self.hourly_chart = HourlyUsageChart(self)
        self.totals_button = touch_button(parent=self, object_name="staffUsageTotals")
        self.hourly_button = touch_button(parent=self, object_name="staffUsageHourly")
        self._usage_totals: Mapping[str, int] = {}
        self.settings = StaffSettings(actions.save_setting, self)
        self.close_button = touch_button(parent=self, object_name="staffClose")
        self.restart_button = ConfirmButton(self, "staffRestart")
        self.exit_button = ConfirmButton(self, "staffExit")

        self.find_button.clicked.connect(self.refresh_packages)
        self.import_button.clicked.connect(self.start_import)
        self.rollback_button.confirmed.connect(self.start_rollback)
        self.close_button.clicked.connect(self.closed)
        self.restart_button.confirmed.connect(actions.restart)
        self.exit_button.confirmed.connect(actions.exit_to_desktop)
        self.packages.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.totals_button.clicked.connect(lambda: self.show_usage_by_hour(False))
        self.hourly_button.clicked.connect(lambda: self.show_usage_by_hour(True))
        self._build_layout()
        self.retranslate()

    def _heading(self) -> QLabel:
        label = plain_label("", "body", self)
        label.setProperty("heading", True)
        return label

    def _build_layout(self) -> None:
        self.status_heading = self._heading()
        self.import_heading = self._heading()
        self.usage_heading = self._heading()
        self.settings_heading = self._heading()
        left = QVBoxLayout()
        left.addWidget(self.status_heading)
        left.addWidget(self.status_text)
        left.addSpacing(24)
        left.addWidget(self.import_heading)
        left.addWidget(self.packages)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.find_button)
        row.addWidget(self.import_button)
        row.addWidget(self.rollback_button)
        left.addLayout(row)
        left.addWidget(self.progress)
        left.addWidget(self.progress_text)
        left.addWidget(self.report)
        right = QVBoxLayout()
        right.addWidget(self.usage_heading)
        usage_row = QHBoxLayout()
        usage_row.setSpacing(8)
        for button in (self.totals_button, self.hourly_button):
            button.setCheckable(True)
            usage_row.addWidget(button)
        usage_row.addStretch(1)
        right.addLayout(usage_row)
        right.addSpacing(8)
        right.addWidget(self.chart)
        right.addWidget(self.hourly_chart)
        self.show_usage_by_hour(False)
        right.addSpacing(24)
        right.addWidget(self.settings_heading)
        right.addWidget(self.settings)
        right.addStretch(1)
        # Side by side on a landscape screen, stacked on a portrait one (see resizeEvent).
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(48)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.close_button)
        bottom.addStretch(1)
        bottom.addWidget(self.restart_button)
        bottom.addWidget(self.exit_button)

        content = QWidget()
        content.setObjectName("staffContent")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(48, 32, 48, 32)
        # A nested layout inherits its parent's spacing: without this the columns' own rows
        # would be 48 px apart, like the columns themselves.
        left.setSpacing(inner.spacing())
        right.setSpacing(inner.spacing())
        inner.addLayout(columns)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 24)
        outer.addWidget(scroll, 1)
        bottom.setContentsMargins(48, 0, 48, 0)
        outer.addLayout(bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        direction = (QBoxLayout.Direction.TopToBottom if self.width() < STACK_BELOW_PX
                     else QBoxLayout.Direction.LeftToRight)
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    # -- refreshing ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read status, packages, usage and settings (call when the panel is shown)."""
        self.refresh_status()
        self.refresh_packages()
        self.refresh_usage()
        self.settings.show_values(self._actions.current_settings())

    def refresh_status(self) -> None:
        try:
            status = self._actions.status()
        except KioskError as exc:
            self.status_text.setText(str(exc))
            return
        unknown = self.tr("unknown")
        lines = [
            self.tr("Generation: %1").replace("%1", status.generation or unknown),
            self.tr("Package version: %1").replace(
                "%1", unknown if status.package_version is None else str(status.package_version)),
        ]
        if status.package_title:
            lines.append(self.tr("Package: %1").replace("%1", status.package_title))
        if status.counts:
            names = self._content_labels()
            order = [key for key in names if key in status.counts]
            order += sorted(key for key in status.counts if key not in names)
            lines.append(", ".join(f"{names.get(key, key)}: {status.counts[key]}"
                                   for key in order))
        if status.coverage:
            lines.append(self.tr("Translations: %1").replace(
                "%1", "; ".join(self._coverage_text(c) for c in status.coverage)))
        lines.append(self.tr("Integrity: %1").replace("%1", status.integrity or unknown))
        lines.append(self.tr("Free disk space: %1").replace(
            "%1", _size_text(status.disk_free_bytes)))
        self.status_text.setText("\n".join(lines))

    def _coverage_text(self, coverage: TranslationCoverage) -> str:
        """``az: 93 % of 412 segments, 12 stale`` in the staff's language."""
        percent = "<1" if coverage.current and not coverage.percent else str(coverage.percent)
        text = self.tr("%1: %2 % of %3 segments").replace("%1", coverage.language).replace(
            "%2", percent).replace("%3", str(coverage.total))
        if coverage.stale:
            text += self.tr(", %n stale", "", coverage.stale)
        return text

    def refresh_packages(self) -> None:
        self.packages.clear()
        for path in find_packages(list(self._actions.package_roots)):
            item = QListWidgetItem(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.packages.addItem(item)
        if self.packages.count():
            self.packages.setCurrentRow(0)
        self.progress_text.setText(
            "" if self.packages.count() else
            self.tr("No package found. Insert a USB stick with a package and tap Find packages."))
        self._update_buttons()

    def refresh_usage(self) -> None:
        self._usage_totals = self._actions.usage_totals()
        self._label_usage()
        by_hour = self._actions.usage_by_hour
        self.hourly_chart.set_hours(by_hour() if by_hour is not None else [])
        self.hourly_button.setVisible(by_hour is not None)
        self.totals_button.setVisible(by_hour is not None)

    def _label_usage(self) -> None:
        labels = self._counter_labels()
        self.chart.set_bars([(labels[name], int(self._usage_totals.get(name, 0)))
                             for name in COUNTERS])

    def show_usage_by_hour(self, by_hour: bool) -> None:
        """Show the visits per hour of day instead of the totals (or back)."""
        self.chart.setVisible(not by_hour)
        self.hourly_chart.setVisible(by_hour)
        self.totals_button.setChecked(not by_hour)
        self.hourly_button.setChecked(by_hour)

    def _content_labels(self) -> dict[str, str]:
        """Names for the archive's row counts, in the order the status lists them."""
        return {
            "testimonies": self.tr("Testimonies"), "events": self.tr("Events"),
            "eras": self.tr("Eras"), "statistics": self.tr("Figures"),
            "names": self.tr("Names"), "recognitions": self.tr("Recognitions"),
            "monuments": self.tr("Monuments"), "passages": self.tr("Passages"),
            "sources": self.tr("Sources"), "media": self.tr("Media files"),
            "translations": self.tr("Translations"),
        }

    def _counter_labels(self) -> dict[str, str]:
        return {"sessions": self.tr("Visits"), "screens": self.tr("Screens viewed"),
                "testimonies_opened": self.tr("Testimonies opened"),
                "searches": self.tr("Searches"), "candles": self.tr("Candles lit")}

    # -- import and rollback -----------------------------------------------------------

    def selected_package(self) -> Path | None:
        item = self.packages.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def start_import(self) -> None:
        package = self.selected_package()
        if package is None or self._busy:
            return
        importer = self._actions.importer
        self._begin(self.tr("Importing %1").replace("%1", package.name))
        run_in_background(lambda progress: importer(package, progress),
                          on_success=self._finished, on_failure=self._failed,
                          on_progress=self._progressed, parent=self)

    def start_rollback(self) -> None:
        if self._busy:
            return
        rollback = self._actions.rollback
        self._begin(self.tr("Going back to the previous archive"))
        run_in_background(lambda _progress: rollback(), on_success=self._finished,
                          on_failure=self._failed, parent=self)

    @property
    def busy(self) -> bool:
        return self._busy

    def _begin(self, text: str) -> None:
        self._busy = True
        self.report.clear()
        self.progress.setRange(0, 0)  # busy indicator until the first progress report
        self.progress_text.setText(text)
        self._update_buttons()

    def _progressed(self, message: str, fraction: float) -> None:
        if 0.0 <= fraction <= 1.0:
            self.progress.setRange(0, 100)
            self.progress.setValue(round(fraction * 100))
        self.progress_text.setText(message)

    def _finished(self, report: object) -> None:
        self._end(self.tr("Done."), str(report))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KioskError):
            self._end(self.tr("Not done."), f"{exc}\n{exc.hint}".strip())
        else:
            self._end(self.tr("Not done."),
                      self.tr("Something went wrong; the details are in the kiosk log."))

    def _end(self, status: str, report: str) -> None:
        self._busy = False
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.progress_text.setText(status)
        self.report.setPlainText(report)
        self._update_buttons()
        self.refresh_status()

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(not self._busy and self.selected_package() is not None)
        self.rollback_button.setEnabled(not self._busy)
        self.find_button.setEnabled(not self._busy)

    def retranslate(self) -> None:
        self.status_heading.setText(self.tr("Archive"))
        self.import_heading.setText(self.tr("Import a content package"))
        self.usage_heading.setText(self.tr("Use of the kiosk"))
        self.totals_button.setText(self.tr("Totals"))
        self.hourly_button.setText(
            self.tr("Visits by hour, last %1 days").replace("%1", str(HOURLY_DAYS)))
        self._label_usage()
        self.settings_heading.setText(self.tr("Settings"))
        self.find_button.setText(self.tr("Find packages"))
        self.import_button.setText(self.tr("Import"))
        self.rollback_button.set_labels(self.tr("Previous archive"),
                                        self.tr("Tap again to go back"))
        self.close_button.setText(self.tr("Back to visitors"))
        self.restart_button.set_labels(self.tr("Restart kiosk"), self.tr("Tap again to restart"))
        self.exit_button.set_labels(self.tr("Exit to desktop"), self.tr("Tap again to exit"))
        self.settings.retranslate()
