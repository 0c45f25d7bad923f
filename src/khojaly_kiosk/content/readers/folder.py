"""Entry point: a content folder (``docs/content-format.md``) -> bundle + validation report.

``read_content_folder`` never raises on bad input: every problem becomes a report entry with
its file, line/column, a plain sentence and a hint, and reading goes on so that one pass
shows the curator everything to fix. ``READERS`` lists every kind of content, in the order
it is read; a new kind is one reader module and one line there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from khojaly_kiosk.content.bundle import ContentBundle
from khojaly_kiosk.content.fixity import DigestLookup
from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.readers.captions import read_sidecar_captions
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.kinds import (
    read_attract,
    read_attributions,
    read_monuments,
    read_names,
    read_passages,
    read_recognitions,
    read_sources,
    read_statistics,
    read_testimonies,
    read_timeline,
    read_translations,
)
from khojaly_kiosk.content.readers.mediarefs import MEDIA_DIR
from khojaly_kiosk.content.readers.ohms import read_ohms_folder
from khojaly_kiosk.content.readers.sheets import read_workbook_sheets, warn_unknown_sheets
from khojaly_kiosk.content.readers.toml_files import read_package
from khojaly_kiosk.content.readers.workbook import WORKBOOK
from khojaly_kiosk.content.report import ValidationReport, Where

log = logging.getLogger(__name__)


class Reader(NamedTuple):
    """One kind of content: what it is called in a report, what it owns, how it is read."""

    label: str  # names the kind when reading it fails unexpectedly
    owns: tuple[str, ...]  # files and folders at the top of a content folder
    read: Callable[[ReadContext], None]


# Every kind of content, in reading order: the workbook before the kinds its sheets hold,
# sources before everything that cites them, attributions and attract quotes after every item
# they name, translations after everything they translate,
# sidecar captions after every file that names a recording. Each kind may come as TOML (where
# it has a TOML form), as CSV or as a sheet of content.xlsx (``readers.sheets``).
READERS: tuple[Reader, ...] = (
    Reader("package.toml", ("package.toml",), read_package),
    Reader(WORKBOOK, (WORKBOOK,), read_workbook_sheets),
    Reader("sources", ("sources.toml", "sources.csv"), read_sources),
    Reader("testimonies", ("testimonies.toml", "testimonies", "testimonies.csv",
                           "segments.csv"), read_testimonies),
    Reader("ohms", ("ohms",), read_ohms_folder),
    Reader("statistics", ("statistics.toml", "statistics.csv"), read_statistics),
    Reader("passages", ("passages.toml", "passages.csv"), read_passages),
    Reader("timeline", ("timeline.csv", "timeline.json"), read_timeline),
    Reader("names", ("names.csv",), read_names),
    Reader("recognitions", ("recognitions.csv",), read_recognitions),
    Reader("monuments", ("monuments.csv",), read_monuments),
    Reader("attributions", ("attributions.toml", "attributions.csv"), read_attributions),
    Reader("attract", ("attract.toml", "attract.csv"), read_attract),
    Reader("translations", ("translations",), read_translations),
    Reader("sheets", (), warn_unknown_sheets),
    Reader("captions", (), read_sidecar_captions),
)
# media/ is read through the references of every other file.
KNOWN_NAMES = frozenset({MEDIA_DIR, *(name for reader in READERS for name in reader.owns)})
# Files with these endings look like content; if we do not read them, the curator should know.
_CONTENT_LIKE = {".csv", ".toml", ".json", ".xml", ".xlsx", ".ods", ".tsv"}


def read_content_folder(path: Path, digests: DigestLookup | None = None, *,
                        progress: Progress | None = None, defer_streams: bool = False,
                        ) -> tuple[ContentBundle, ValidationReport]:
    """Parse a content folder into a ``ContentBundle`` and a ``ValidationReport``.

    Args:
        path: the folder (a package's ``data/`` or ``db/demo/``).
        digests: the digest of a media file when it is already known and still valid
            (``Fixity.digest`` of an import's staging); other files are read and hashed.
        progress: told how reading large tables (names.csv) goes.
        defer_streams: leave the rows of large tables unread; they are checked while the
            archive is written (``ContentBundle.streams``), so an import reads them once.

    Returns:
        The bundle (rows that passed validation) and the report of every problem found.
        Use the bundle only when ``report.ok``.
    """
    root = Path(path)
    ctx = ReadContext(root, defer_streams=defer_streams, progress=progress)
    ctx.media.digests = digests
    if not root.is_dir():
        ctx.report.error(Where(str(root)), "The content folder does not exist.",
                         "Give the path of the folder that holds package.toml.")
        return ctx.bundle, ctx.report
    for label, _owns, read in (*READERS, Reader("folder", (), _warn_unknown_files)):
        try:
            read(ctx)
        except Exception as err:  # a bug must not become a traceback on a curator's screen
            log.exception("Loading %s of %s failed", label, root)
            ctx.report.error(Where(label), f"An unexpected problem stopped reading {label} "
                             f"({type(err).__name__}: {err}).",
                             "Report this to the kiosk's maintainers together with the file.")
    ctx.bundle.media = ctx.media.files
    ctx.bundle.info.language = ctx.language
    return ctx.bundle, ctx.report


def _warn_unknown_files(ctx: ReadContext) -> None:
    for path in sorted(ctx.root.iterdir()):
        if path.name.startswith(".") or path.name in KNOWN_NAMES:
            continue
        if path.is_file() and path.suffix.lower() in (".xlsx", ".xls", ".ods"):
            ctx.report.warning(Where(path.name), f"{path.name} is not read: only one workbook, "
                               f"{WORKBOOK}, is read, with a sheet per kind of content.",
                               f"Copy its sheet into {WORKBOOK} (named e.g. 'names'), or save "
                               "it as a CSV file (e.g. names.csv).")
        elif path.is_file() and path.suffix.lower() in _CONTENT_LIKE:
            ctx.report.warning(Where(path.name), f"{path.name} is not a known content file and "
                               "is not read.", "Check the name against the content format "
                               "(e.g. timeline.csv, names.csv).")
