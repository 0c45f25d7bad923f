"""Entry point: a content folder (``docs/content-format.md``) -> bundle + validation report.

``read_content_folder`` never raises on bad input: every problem becomes a report entry with
its file, line/column, a plain sentence and a hint, and loading goes on so that one pass
shows the curator everything to fix. Sources are read first (every other file refers to
them), translations last (they refer to everything else).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.readers.captions import read_sidecar_captions
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.mediarefs import DigestLookup
from khojaly_kiosk.content.readers.names import read_names
from khojaly_kiosk.content.readers.ohms import read_ohms
from khojaly_kiosk.content.readers.tables import read_monuments, read_recognitions
from khojaly_kiosk.content.readers.testimonies import PersonRegistry, read_testimonies
from khojaly_kiosk.content.readers.timelinejs import read_timeline_csv, read_timeline_json
from khojaly_kiosk.content.readers.toml_files import (
    read_package,
    read_passages,
    read_sources,
    read_statistics,
)
from khojaly_kiosk.content.readers.tomlutil import read_toml
from khojaly_kiosk.content.readers.translations import read_translations
from khojaly_kiosk.content.report import ValidationReport, Where

log = logging.getLogger(__name__)

KNOWN_FILES = {
    "package.toml", "sources.toml", "testimonies.toml", "statistics.toml", "passages.toml",
    "timeline.csv", "timeline.json", "names.csv", "recognitions.csv", "monuments.csv",
}  # fmt: skip
KNOWN_FOLDERS = {"media", "ohms", "testimonies", "translations"}
# Files with these endings look like content; if we do not read them, the curator should know.
_CONTENT_LIKE = {".csv", ".toml", ".json", ".xml", ".xlsx", ".ods", ".tsv"}


def read_content_folder(path: Path, digests: DigestLookup | None = None,
                     ) -> tuple[ContentBundle, ValidationReport]:
    """Parse a content folder into a ``ContentBundle`` and a ``ValidationReport``.

    Args:
        path: the folder (a package's ``data/`` or ``db/demo/``).
        digests: the digest of a media file when it is already known and still valid
            (``Fixity.digest`` of an import's staging); other files are read and hashed.

    Returns:
        The bundle (rows that passed validation) and the report of every problem found.
        Use the bundle only when ``report.ok``.
    """
    root = Path(path)
    ctx = ReadContext(root)
    ctx.media.digests = digests
    if not root.is_dir():
        ctx.report.error(Where(str(root)), "The content folder does not exist.",
                         "Give the path of the folder that holds package.toml.")
        return ctx.bundle, ctx.report
    testimony_ids: set[str] = set()
    persons = PersonRegistry(ctx.bundle.persons)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("package.toml", lambda: read_package(ctx)),
        ("sources.toml", lambda: read_sources(ctx)),
        ("testimonies", lambda: read_testimonies(ctx, testimony_ids, persons)),
        ("ohms", lambda: _read_ohms_folder(ctx, testimony_ids, persons)),
        ("statistics.toml", lambda: read_statistics(ctx)),
        ("passages.toml", lambda: read_passages(ctx)),
        ("timeline", lambda: _read_timeline(ctx)),
        ("names.csv", lambda: _if_file(ctx, "names.csv", read_names)),
        ("recognitions.csv", lambda: _if_file(ctx, "recognitions.csv", read_recognitions)),
        ("monuments.csv", lambda: _if_file(ctx, "monuments.csv", read_monuments)),
        ("translations", lambda: read_translations(ctx)),
        # After every file that names recordings: their media/<stem>.vtt captions.
        ("captions", lambda: read_sidecar_captions(ctx)),
        ("folder", lambda: _warn_unknown_files(ctx)),
    ]
    for label, step in steps:
        try:
            step()
        except Exception as err:  # a bug must not become a traceback on a curator's screen
            log.exception("Loading %s of %s failed", label, root)
            ctx.report.error(Where(label), f"An unexpected problem stopped reading {label} "
                             f"({type(err).__name__}: {err}).",
                             "Report this to the kiosk's maintainers together with the file.")
    ctx.bundle.media = ctx.media.files
    ctx.bundle.info.language = ctx.language
    return ctx.bundle, ctx.report


def _if_file(ctx: ReadContext, name: str, loader: Callable[[ReadContext, Path, str], None]) -> None:
    path = ctx.root / name
    if path.is_file():
        loader(ctx, path, name)


def _read_timeline(ctx: ReadContext) -> None:
    csv_path, json_path = ctx.root / "timeline.csv", ctx.root / "timeline.json"
    if csv_path.is_file() and json_path.is_file():
        ctx.report.error(Where("timeline.json"), "The folder has both timeline.csv and "
                         "timeline.json; only one timeline can be used.",
                         "Keep the one you edit and remove the other.")
        return
    if csv_path.is_file():
        read_timeline_csv(ctx, csv_path, "timeline.csv")
    elif json_path.is_file():
        read_timeline_json(ctx, json_path, "timeline.json")


def _read_ohms_folder(ctx: ReadContext, seen: set[str], persons: PersonRegistry) -> None:
    """``ohms/*.xml``; an optional ``ohms/<name>.toml`` beside a file gives the curator's
    ``source``, ``group`` and ``advisory`` for it (OHMS exports have no such fields)."""
    folder = ctx.root / "ohms"
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.glob("*.xml") if p.is_file()):
        options: dict[str, str] = {}
        sidecar = path.with_suffix(".toml")
        if sidecar.is_file():
            loaded = read_toml(sidecar, sidecar.relative_to(ctx.root).as_posix(), ctx.report)
            if loaded is None:
                continue
            data, _ = loaded
            options = {k: str(data[k]) for k in ("source", "group", "advisory") if k in data}
        read_ohms(ctx, path, path.relative_to(ctx.root).as_posix(), seen, persons, **options)


def _warn_unknown_files(ctx: ReadContext) -> None:
    for path in sorted(ctx.root.iterdir()):
        if path.name.startswith(".") or path.name in KNOWN_FILES or path.name in KNOWN_FOLDERS:
            continue
        if path.is_file() and path.suffix.lower() in _CONTENT_LIKE:
            ctx.report.warning(Where(path.name), f"{path.name} is not a known content file and "
                               "is not read.", "Check the name against the content format "
                               "(e.g. timeline.csv, names.csv).")
