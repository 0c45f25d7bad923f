"""Has the shipped demo content changed since the live archive was built from it?

Apart from ``pipeline`` (which imports every reader, the signing library and the bag tools),
so a kiosk start in demo mode can tell "nothing changed, open the live archive" without
importing any of that (``app.open_archive``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from khojaly_kiosk.archive.generations import GenerationStore
from khojaly_kiosk.paths import DataPaths

DEMO_DIGEST = "demo-digest.txt"  # in a generation built from the demo: demo_digest of it


def demo_digest(folder: Path) -> str:
    """A hash of every file of the shipped demo content, to notice when it changed."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def live_demo_digest(paths: DataPaths) -> str:
    """The digest the live generation was built from ("" when it was not built from the
    demo, or none is live)."""
    live = GenerationStore(paths.archives).current()
    try:
        return (paths.archives / live / DEMO_DIGEST).read_text("utf-8") if live else ""
    except OSError:
        return ""
