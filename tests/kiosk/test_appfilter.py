"""The kiosk's application-wide watchers are told of input, never of every widget's paints,
shows and moves (each such call through Python cost a warm tap about a third of its time)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from khojaly_kiosk.kiosk.appfilter import AppEventFilter
from khojaly_kiosk.kiosk.gesture import StaffGesture
from khojaly_kiosk.kiosk.idle import IdleWatcher
from khojaly_kiosk.kiosk.lockdown import KioskLockdown


def counting(cls: type[AppEventFilter], seen: list[QEvent.Type]) -> type[AppEventFilter]:
    class Counting(cls):  # type: ignore[valid-type, misc]
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            seen.append(event.type())
            return bool(super().eventFilter(watched, event))

    return Counting


def test_the_watchers_see_a_press_but_no_paint_show_or_move(qapp: QApplication):
    for cls, make in ((IdleWatcher, lambda c: c(90, 15)),
                      (KioskLockdown, lambda c: c(enabled=False)),
                      (StaffGesture, lambda c: c())):
        seen: list[QEvent.Type] = []
        watcher = make(counting(cls, seen))
        watcher.install(qapp)
        widget = QWidget()
        try:
            widget.resize(200, 200)
            widget.show()
            widget.move(10, 10)
            widget.repaint()
            QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
            QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
        finally:
            watcher.uninstall(qapp)
            widget.close()
        assert QEvent.Type.MouseButtonPress in seen, cls.__name__
        assert set(seen) <= cls.EVENTS, cls.__name__
        assert not {QEvent.Type.Paint, QEvent.Type.Show, QEvent.Type.Move} & set(seen)
