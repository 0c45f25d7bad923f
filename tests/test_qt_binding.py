"""Guards the pinned Qt binding against a known defect.

PySide6 6.12.0 on CPython 3.11 releases a reference to ``None`` on every call of a Qt method
that returns nothing; after a few thousand calls the interpreter aborts with
``none_dealloc``. The kiosk makes that many calls in seconds (animations), so we pin 6.11.3.
"""

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 50


def test_signal_emits_do_not_leak_references_to_true() -> None:
    from PySide6.QtCore import Signal

    class Emitter(QObject):
        fired = Signal(bool)

    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.fired.emit(True)
    assert sys.getrefcount(True) >= before - 50
