"""Keystroke -> name results painted, typed on the on-screen keyboard, over SYNTHETIC names.

The shell runs on an archive holding only synthetic names (``_names_data``), in Azerbaijani
(its keyboard has every letter the generator uses). For each query the visitor taps the
search field (the keyboard opens), taps the letter keys one by one, and taps Clear. Each
letter is timed from the tap to the paint of the first result row (or of the "no name
matches" line). After each letter the repository's query alone (``names.search``, limit 50)
is timed too: the anchor.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from _common import cpu_of, settle, tap, timed_until_painted
from _kiosk import start_shell
from _names_data import open_names_archive, queries
from _profiles import profiled

from khojaly_kiosk.ui import navigation as keys


def keystrokes(archive_dir: Path, data_dir: Path, query_count: int,
               profile: list[str]) -> dict[str, Any]:
    repos, reader = open_names_archive(archive_dir)
    app, shell = start_shell(repos, data_dir, language="az")
    shell._end_transition()
    shell.go(keys.NAMES)
    settle(app)
    shell._end_transition()  # lift the tap-storm lock the screen change set (as the tour does)
    screen = shell.screen_for(keys.NAMES)
    keyboard = screen.keyboard
    samples: list[float] = []
    by_length: dict[int, list[float]] = {}
    query_alone: list[float] = []
    missing: set[str] = set()
    result: dict[str, Any] = {"names": repos.names.count()}

    def forget() -> None:
        forget_recent = getattr(repos.names, "forget_recent", None)
        if forget_recent is not None:
            forget_recent()

    def painted() -> Any:
        # The rows are painted by the result list's viewport (one model/view list, no widget
        # per row); with no match, the "no name matches" line.
        return screen.result_list.viewport() if screen.results else screen.no_results

    with profiled("name_keystroke" in profile, result, "names_profile"):
        for query in queries(query_count):
            if not keyboard.isVisible():
                tap(screen.search_field)
                settle(app)
            typed = ""
            for char in query:
                key = keyboard.space_key if char == " " else keyboard.key_for(char)
                if key is None:
                    missing.add(char)
                    break
                typed += char
                forget()  # every keystroke asks the archive: no answer kept from an earlier query
                ms = timed_until_painted(app, lambda k=key: tap(k), painted, f"type {typed!r}",
                                         arrived=lambda t=typed: screen.search_field.text() == t)
                samples.append(ms)
                by_length.setdefault(len(typed), []).append(ms)
                settle(app, 1)
                forget()  # the anchor is the query itself, not the answer just kept
                started = time.perf_counter()
                repos.names.search(typed, 50)
                query_alone.append((time.perf_counter() - started) * 1000)
            tap(keyboard.clear_key)
            settle(app, 1)
    shell.close()
    reader.close()
    result.update(keystrokes=samples, keystrokes_cpu=cpu_of(samples), query_alone=query_alone,
                  by_length={str(k): v for k, v in sorted(by_length.items())},
                  letters_missing_from_keyboard=sorted(missing))
    return result
