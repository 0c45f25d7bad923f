"""systemd notification: ``READY=1`` once the kiosk serves, ``WATCHDOG=1`` from the GUI thread.

The keep-alive is sent from a QTimer on the GUI thread on purpose: if the event loop freezes,
the pings stop and systemd (``WatchdogSec=``) kills and restarts the kiosk. The protocol is a
datagram on the AF_UNIX socket named by ``$NOTIFY_SOCKET``; no libsystemd binding is needed.
Outside systemd (no ``$NOTIFY_SOCKET``) everything here quietly does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def _address(raw: str) -> str | bytes | None:
    if raw.startswith("@"):
        return b"\0" + raw[1:].encode()  # abstract namespace socket
    if raw.startswith("/"):
        return raw
    return None  # vsock and other forms are not used by a desktop kiosk


def sd_notify(state: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send ``state`` (e.g. ``"READY=1"``) to systemd; ``False`` outside systemd or on error."""
    env = os.environ if environ is None else environ
    address = _address(env.get("NOTIFY_SOCKET", ""))
    if address is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(state.encode())
    except OSError as exc:
        log.warning("sd_notify(%s) failed: %s", state.split("=", 1)[0], exc)
        return False
    return True


def watchdog_interval_ms(environ: Mapping[str, str] | None = None) -> int | None:
    """Half of ``$WATCHDOG_USEC`` in milliseconds (systemd's advice), or ``None`` if not set.

    ``$WATCHDOG_PID`` is deliberately not compared with our pid: under the cage compositor
    the service's main process is cage, and the unit grants ``NotifyAccess=all``.
    """
    env = os.environ if environ is None else environ
    raw = env.get("WATCHDOG_USEC", "")
    if not raw.isdigit() or int(raw) == 0:
        return None
    return max(1, int(raw) // 2000)


STAFF_EXIT_MARKER = "staff-exit"


def mark_staff_exit(environ: Mapping[str, str] | None = None) -> bool:
    """Before "Exit to desktop": stop systemd from starting the kiosk again until reboot.

    Writes ``$RUNTIME_DIRECTORY/staff-exit``; the unit's ``ExecCondition=`` then skips the
    restart. (The exit status cannot carry this: cage does not pass it on.) ``False`` outside
    systemd, where quitting simply quits.
    """
    env = os.environ if environ is None else environ
    runtime = env.get("RUNTIME_DIRECTORY", "").split(":")[0]
    if not runtime:
        return False
    try:
        (Path(runtime) / STAFF_EXIT_MARKER).write_text("staff exit\n", encoding="utf-8")
    except OSError as exc:
        log.warning("cannot leave the staff-exit marker in %s: %s", runtime, exc)
        return False
    return True


class SystemdWatchdog(QObject):
    """Call :meth:`notify_ready` once the first frame is painted; pings then run on a QTimer."""

    def __init__(self, environ: Mapping[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._environ = dict(os.environ if environ is None else environ)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.ping)
        self.ready_sent = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start_pinging(self) -> None:
        """Begin the keep-alive pings (the GUI thread is answering), before or after READY=1."""
        interval = watchdog_interval_ms(self._environ)
        if interval is not None and not self._timer.isActive():
            self._timer.start(interval)

    def notify_ready(self, status: str = "Showing the attract screen") -> None:
        """Tell systemd start-up is complete and begin the keep-alive pings."""
        if self.ready_sent:
            return
        self.ready_sent = sd_notify(f"READY=1\nSTATUS={status}", self._environ)
        self.start_pinging()

    def ping(self) -> bool:
        return sd_notify("WATCHDOG=1", self._environ)

    def notify_stopping(self) -> None:
        self._timer.stop()
        sd_notify("STOPPING=1", self._environ)
