"""How often the kiosk was started again after it stopped without closing cleanly.

At start the kiosk leaves ``run.json`` marked "running" and clears the mark when it closes.
A mark still there at the next start means the last run ended abruptly: systemd's watchdog
killed a frozen kiosk, it crashed, or the power went. The status file reports the count as
``watchdog_restarts``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from khojaly_kiosk.kiosk.core.files import read_json, write_json

RUN_FILE = "run.json"


class RunRecord:
    """Call :meth:`started` once at start-up and :meth:`closed` on a clean exit."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / RUN_FILE

    def _load(self) -> dict[str, object]:
        data = read_json(self.path)
        return data if isinstance(data, dict) else {}

    def started(self) -> int:
        """Record a start; returns the number of unclean restarts so far."""
        data = self._load()
        unclean = int(data.get("unclean_restarts", 0) or 0)  # type: ignore[call-overload]
        if data.get("running"):
            unclean += 1
        starts = int(data.get("starts", 0) or 0) + 1  # type: ignore[call-overload]
        write_json(self.path, {"starts": starts, "unclean_restarts": unclean, "running": True,
                               "pid": os.getpid(), "started_at": time.time()})
        return unclean

    def closed(self) -> None:
        data = self._load()
        data["running"] = False
        write_json(self.path, data)

    def unclean_restarts(self) -> int:
        value = self._load().get("unclean_restarts", 0)
        return value if isinstance(value, int) else 0
