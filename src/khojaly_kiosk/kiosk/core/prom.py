"""The status as a Prometheus text exposition for node_exporter's textfile collector.

Rules of the format (``promtool check metrics`` checks them): one ``# HELP`` and ``# TYPE``
line per metric, before its samples; counters end in ``_total``; units in the name
(``_seconds``, ``_bytes``); label values escaped (backslash, quote, newline); no timestamps
(the textfile collector refuses them); the text ends with a newline.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterable
from typing import Any

Sample = tuple[dict[str, str], float]


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _family(name: str, kind: str, help_text: str, samples: Iterable[Sample]) -> list[str]:
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
    for labels, value in samples:
        inner = ",".join(f'{key}="{escape(text)}"' for key, text in labels.items())
        lines.append(f"{name}{{{inner}}} {_number(value)}")
    return lines


def _epoch(iso: str) -> float | None:
    try:
        return float(calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")))
    except (TypeError, ValueError):
        return None


def render_prom(status: dict[str, Any]) -> str:
    """The metrics of one kiosk's status, labelled ``kiosk="<id>"``."""
    kiosk = {"kiosk": str(status.get("kiosk_id", ""))}
    package = status.get("package") or {}
    lines: list[str] = []

    def add(name: str, kind: str, help_text: str, samples: Iterable[Sample]) -> None:
        samples = list(samples)
        if samples:
            lines.extend(_family(f"khojaly_kiosk_{name}", kind, help_text, samples))

    add("info", "gauge", "The kiosk's software and live archive generation (always 1).",
        [({**kiosk, "app_version": str(status.get("app_version", "")),
           "generation": str(package.get("generation") or "")}, 1)])
    add("status_written_timestamp_seconds", "gauge", "When this status was written (Unix time).",
        [(kiosk, status.get("written_at_epoch", 0))])
    if isinstance(package.get("version"), int):
        add("package_version", "gauge", "The package version of the live archive.",
            [(kiosk, package["version"])])
    if isinstance(status.get("uptime_seconds"), int):
        add("uptime_seconds", "gauge", "Seconds since the kiosk started.",
            [(kiosk, status["uptime_seconds"])])
    last = status.get("last_import")
    if isinstance(last, dict):
        add("last_import_success", "gauge", "1 when the last import succeeded, 0 when it failed.",
            [(kiosk, 1 if last.get("state") == "imported" else 0)])
        at = _epoch(str(last.get("at", "")))
        if at is not None:
            add("last_import_timestamp_seconds", "gauge", "When the last import ran (Unix time).",
                [(kiosk, at)])
    integrity = status.get("integrity") or {}
    add("archive_intact", "gauge", "1 when the live archive passed its check, else 0.",
        [(kiosk, 1 if integrity.get("ok") else 0)])
    add("watchdog_restarts_total", "counter", "Starts after the kiosk stopped without closing "
        "cleanly (watchdog, crash, power cut).", [(kiosk, status.get("watchdog_restarts", 0))])
    if isinstance(status.get("disk_free_bytes"), int):
        add("disk_free_bytes", "gauge", "Free space on the data folder's disk.",
            [(kiosk, status["disk_free_bytes"])])
    usage = status.get("usage_totals") or {}
    add("usage_total", "counter", "Aggregate usage since installation, rounded down to a "
        "multiple of 5.", [({**kiosk, "counter": str(k)}, v) for k, v in sorted(usage.items())])
    coverage = [c for c in status.get("translation_coverage") or [] if isinstance(c, dict)]
    add("translation_segments", "gauge", "Translatable segments of the live archive, by language "
        "and state (current, stale).",
        [({**kiosk, "language": str(c.get("language", "")), "state": state}, c.get(state, 0))
         for c in coverage for state in ("current", "stale")])
    states: dict[str, int] = {}
    for entry in status.get("inbox") or []:
        state = str(entry.get("state", ""))
        states[state] = states.get(state, 0) + 1
    add("inbox_packages", "gauge", "Packages in the synced inbox, by what became of them.",
        [({**kiosk, "state": state}, count) for state, count in sorted(states.items())])
    return "\n".join(lines) + "\n"
