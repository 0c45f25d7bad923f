"""``khojaly-kiosk`` with a tripwire: ``python -m torturelib.child ARGS`` runs ``cli.main(ARGS)``
and stops before its Nth write into the data folder, so the kill suite can SIGKILL it there.

A write is what Python's audit hooks see the main thread do inside ``TORTURE_WATCH``: opening a
file for writing, renaming, removing, creating a folder, ``shutil.rmtree``, connecting to SQLite.
(SQLite's own page writes happen in C, unseen: the random-moment kills cover those.)

Environment:
  TORTURE_WATCH        the data folder
  TORTURE_PAUSE_EVENT  N: before write N (1-based), write TORTURE_MARKER and sleep
  TORTURE_EVENTS_OUT   instead: list every write, one per line, into this file at exit
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_EVENTS = {"open", "os.rename", "os.remove", "os.rmdir", "os.mkdir", "shutil.rmtree",
           "os.truncate", "os.link", "os.symlink", "sqlite3.connect", "os.chmod"}


def _path(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    return os.path.abspath(value) if isinstance(value, str) else None


def _describe(event: str, args: tuple[object, ...], watch: str) -> str | None:
    """A one-line name for a write inside ``watch``, or None for anything else."""
    if event not in _EVENTS or not args:
        return None
    if event == "open":
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        mode = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
        if not (flags & _WRITE_FLAGS or any(c in mode for c in "wax+")):
            return None
    path = _path(args[0])
    if path is None or not (path == watch or path.startswith(watch + os.sep)):
        return None
    if event == "os.mkdir" and os.path.isdir(path):
        return None  # mkdir(exist_ok=True) of a folder that is there: no write
    rel = os.path.relpath(path, watch)
    if event == "os.rename" and len(args) > 1 and _path(args[1]):
        rel += " -> " + os.path.relpath(str(_path(args[1])), watch)
    return f"{event} {rel}"


def install(watch: str, pause_at: int, marker: str, events_out: str) -> None:
    main_thread = threading.get_ident()
    pid = os.getpid()
    seen: list[str] = []
    busy = False

    def hook(event: str, args: tuple[object, ...]) -> None:
        nonlocal busy
        if busy or os.getpid() != pid or threading.get_ident() != main_thread:
            return
        busy = True
        try:
            described = _describe(event, args, watch)
            if described is None:
                return
            seen.append(described)
            if pause_at and len(seen) == pause_at:
                with open(marker, "w", encoding="utf-8") as handle:
                    handle.write(described)
                time.sleep(600)
        finally:
            busy = False

    if events_out:
        def dump() -> None:
            nonlocal busy
            busy = True
            with open(events_out, "w", encoding="utf-8") as handle:
                handle.write("".join(line + "\n" for line in seen))
        atexit.register(dump)
    sys.addaudithook(hook)


def main() -> None:
    watch = os.path.abspath(os.environ["TORTURE_WATCH"])
    install(watch, int(os.environ.get("TORTURE_PAUSE_EVENT") or 0),
            os.environ.get("TORTURE_MARKER", ""), os.environ.get("TORTURE_EVENTS_OUT", ""))
    from khojaly_kiosk.cli import main as kiosk_main

    code = kiosk_main(sys.argv[1:])
    sys.exit(code)


if __name__ == "__main__":
    main()
