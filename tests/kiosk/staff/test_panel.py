from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from khojaly_kiosk.archive.records import ArchiveSummary
from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.kiosk.core.state import StateStore
from khojaly_kiosk.kiosk.staff.panel import (
    StaffActions,
    StaffPanel,
    StaffStatus,
    status_from_summary,
)
from khojaly_kiosk.ui.background import ProgressCallback
from tests.support.kiosk import hosted


class FakeKiosk:
    """Records what the panel asked for. Synthetic values, not content."""

    def __init__(self, inbox: Path, state: StateStore) -> None:
        self.inbox = inbox
        self.state = state
        self.calls: list[str] = []
        self.import_threads: list[threading.Thread] = []
        self.fail_import: Exception | None = None
        self.counts: dict[str, int] = {"names": 12}

    def status(self) -> StaffStatus:
        return StaffStatus("gen-000002", 7, "Synthetic test package", self.counts,
                           "The archive is intact.", 5_300_000_000)

    def importer(self, path: Path, progress: ProgressCallback) -> str:
        self.import_threads.append(threading.current_thread())
        progress("Checking the signature.", 0.5)
        if self.fail_import is not None:
            raise self.fail_import
        return f"Imported {path.name}: 12 names."

    def settings(self) -> Mapping[str, str]:
        values = {"idle_seconds": "90", "default_language": "az", "opening_hours": ""}
        values.update(self.state.settings_overrides())
        return values

    def actions(self) -> StaffActions:
        return StaffActions(
            status=self.status, importer=self.importer,
            rollback=lambda: self.calls.append("rollback") or "Generation 1 is live again.",
            restart=lambda: self.calls.append("restart"),
            exit_to_desktop=lambda: self.calls.append("exit"),
            usage_totals=lambda: {"sessions": 40, "searches": 2},
            current_settings=self.settings, save_setting=self.state.set_setting_override,
            package_roots=[self.inbox])


@pytest.fixture
def kiosk(tmp_path: Path, state: StateStore) -> FakeKiosk:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "synthetic-package.zip").write_bytes(b"PK")
    return FakeKiosk(inbox, state)


@pytest.fixture
def panel(qtbot: object, kiosk: FakeKiosk) -> StaffPanel:
    widget = hosted(StaffPanel, kiosk.actions())
    qtbot.addWidget(widget._test_host)  # type: ignore[attr-defined]
    widget.refresh()  # type: ignore[attr-defined]
    return widget  # type: ignore[return-value]


def click(widget: object) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]


def test_status_is_shown(panel: StaffPanel) -> None:
    text = panel.status_text.text()
    for expected in ("Generation: gen-000002", "Package version: 7", "Names: 12",
                     "Integrity: The archive is intact.", "Free disk space: 5.3 GB"):
        assert expected in text
    assert panel.status_text.textFormat() == Qt.TextFormat.PlainText


def test_translation_coverage_is_shown_per_language(panel: StaffPanel, kiosk: FakeKiosk) -> None:
    from dataclasses import replace

    from khojaly_kiosk.archive.records import TranslationCoverage

    status = replace(kiosk.status(), coverage=(
        TranslationCoverage("az", 412, 384, 12), TranslationCoverage("ru", 412, 0)))
    panel._actions = replace(panel._actions, status=lambda: status)
    panel.refresh_status()
    assert "Translations: az: 93 % of 412 segments, 12 stale; ru: 0 % of 412 segments" in (
        panel.status_text.text())


def test_content_counts_are_named_in_a_fixed_order(panel: StaffPanel, kiosk: FakeKiosk) -> None:
    kiosk.counts = {"media": 3, "zz_new_table": 1, "testimonies": 27, "names": 2}
    panel.refresh_status()
    assert "Testimonies: 27, Names: 2, Media files: 3, zz_new_table: 1" in (
        panel.status_text.text())


def test_portrait_stacks_the_columns_so_nothing_scrolls_sideways(
        panel: StaffPanel, qtbot: object) -> None:
    panel.resize(1080, 1920)
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: panel.usage_heading.mapTo(panel, panel.usage_heading.rect().topLeft()).y()
        > panel.report.mapTo(panel, panel.report.rect().bottomLeft()).y())
    for widget in (panel.chart, panel.settings, panel.report):
        right = widget.mapTo(panel, widget.rect().topRight()).x()
        assert right <= panel.width()
    panel.resize(1920, 1080)
    # The rows of a column stay close together (a nested layout would inherit the 48 px gap
    # between the columns, and the panel would no longer fit a landscape screen).
    gap = panel.status_text.geometry().top() - panel.status_heading.geometry().bottom()
    assert gap < 24
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: panel.usage_heading.mapTo(panel, panel.usage_heading.rect().topLeft()).x()
        > panel.report.mapTo(panel, panel.report.rect().topRight()).x())


def test_import_runs_off_the_gui_thread_and_shows_the_report(
        panel: StaffPanel, kiosk: FakeKiosk, qtbot: object) -> None:
    assert panel.selected_package() == (kiosk.inbox / "synthetic-package.zip").resolve()
    click(panel.import_button)
    assert panel.busy and not panel.import_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)  # type: ignore[attr-defined]
    assert kiosk.import_threads[0] is not threading.main_thread()
    assert panel.report.toPlainText() == "Imported synthetic-package.zip: 12 names."
    assert panel.progress_text.text() == "Done."
    assert panel.import_button.isEnabled()


def test_a_refused_import_shows_the_sentence_and_hint(
        panel: StaffPanel, kiosk: FakeKiosk, qtbot: object) -> None:
    kiosk.fail_import = InvalidInput("The package is not signed by a trusted key.",
                                     hint="Ask the curator for a signed package.")
    click(panel.import_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)  # type: ignore[attr-defined]
    assert panel.report.toPlainText() == (
        "The package is not signed by a trusted key.\nAsk the curator for a signed package.")
    assert panel.progress_text.text() == "Not done."


def test_an_unexpected_import_error_shows_no_traceback(
        panel: StaffPanel, kiosk: FakeKiosk, qtbot: object) -> None:
    kiosk.fail_import = ZeroDivisionError("division by zero")
    click(panel.import_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)  # type: ignore[attr-defined]
    assert "Traceback" not in panel.report.toPlainText()
    assert "kiosk log" in panel.report.toPlainText()


def test_no_package_found(panel: StaffPanel, kiosk: FakeKiosk) -> None:
    (kiosk.inbox / "synthetic-package.zip").unlink()
    click(panel.find_button)
    assert panel.packages.count() == 0
    assert not panel.import_button.isEnabled()
    assert "No package found" in panel.progress_text.text()


def test_rollback_restart_and_exit_need_two_taps(panel: StaffPanel, kiosk: FakeKiosk,
                                                 qtbot: object) -> None:
    click(panel.restart_button)
    click(panel.exit_button)
    assert kiosk.calls == []
    assert panel.restart_button.text() == "Tap again to restart"
    click(panel.restart_button)
    assert kiosk.calls == ["restart"]
    click(panel.rollback_button)
    click(panel.rollback_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)  # type: ignore[attr-defined]
    assert kiosk.calls == ["restart", "rollback"]
    assert panel.report.toPlainText() == "Generation 1 is live again."


def test_usage_chart_shows_small_counts_as_under_five(panel: StaffPanel) -> None:
    assert dict(panel.chart.shown_bars()) == {
        "Visits": "40", "Screens viewed": "0", "Testimonies opened": "0", "Searches": "<5",
        "Candles lit": "0"}


def test_settings_are_saved_as_overrides(panel: StaffPanel, state: StateStore,
                                         qtbot: object) -> None:
    settings = panel.settings
    assert settings.idle.label.text() == "90 s"
    click(settings.idle.plus)
    click(settings.language.buttons["en"])
    click(settings.always_open)  # off: hours 09:00-18:00 become editable
    click(settings.closes.minus)
    with qtbot.waitSignal(settings.saved, timeout=1000) as saved:  # type: ignore[attr-defined]
        click(settings.save_button)
    assert saved.args[0] == {"idle_seconds": "105", "default_language": "en",
                             "opening_hours": "09:00-17:30"}
    assert state.settings_overrides() == saved.args[0]
    assert settings.message.text() == "Settings saved."
    click(settings.save_button)
    assert settings.message.text() == "Nothing has changed."


def test_a_refused_setting_is_explained(panel: StaffPanel) -> None:
    settings = panel.settings
    click(settings.always_open)
    settings.closes.set_value(9 * 60)  # opens 09:00, closes 09:00
    click(settings.save_button)
    assert "open and close at the same time" in settings.message.text()


def test_close_returns_to_visitors(panel: StaffPanel, qtbot: object) -> None:
    with qtbot.waitSignal(panel.closed, timeout=1000):  # type: ignore[attr-defined]
        click(panel.close_button)


def test_status_from_summary(tmp_path: Path) -> None:
    summary = ArchiveSummary("gen-000003", 9, "Synthetic", "2026-01-01", {"names": 3})
    status = status_from_summary(summary, "The archive is intact.", tmp_path)
    assert (status.generation, status.package_version, status.counts["names"]) == (
        "gen-000003", 9, 3)
    assert status.disk_free_bytes is not None and status.disk_free_bytes > 0
    assert status_from_summary(None, "", tmp_path).generation == ""
