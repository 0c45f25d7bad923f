"""Checks of an archive file: SQLite's own checks, row counts and media hashes.

An import runs ``check_archive`` on a new generation before switching to it; the kiosk runs
the cheaper ``quick_check`` at boot. Neither raises on a broken file: they report it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from khojaly_kiosk.archive.engine import open_engine
from khojaly_kiosk.archive.models import Base, CaptionCue, MediaAsset
from khojaly_kiosk.archive.repositories.sources import COUNTED
from khojaly_kiosk.archive.search import FTS_TABLE, RANK_TABLE

# Tables added after archives were first shipped: a generation built before them is still
# good (the repositories read them only when present), so an update never sets it aside.
OPTIONAL_TABLES = frozenset({CaptionCue.__tablename__})
REQUIRED_TABLES = (frozenset(Base.metadata.tables) - OPTIONAL_TABLES) | {FTS_TABLE, RANK_TABLE}
_MAX_LISTED = 20  # problems of one kind listed before "and N more"


@dataclass(frozen=True)
class IntegrityReport:
    """What the checks found; ``ok`` is True when ``problems`` is empty."""

    db_path: Path
    problems: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    media_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """The problems in one line (the first three), for the CLI and the staff panel."""
        if not self.problems:
            return "no problems"
        more = len(self.problems) - 3
        text = "; ".join(self.problems[:3])
        return f"{text}; and {more} more" if more > 0 else text


# A damaged file can make SQLite's error message quote bytes that are not UTF-8 (a broken
# name in the schema); Python's sqlite3 then raises UnicodeDecodeError instead of an
# sqlite3.Error, and it is just as much "this file is unreadable".
_UNREADABLE = (sqlite3.Error, UnicodeDecodeError)


def _connect_readonly(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)


def _missing_tables(connection: sqlite3.Connection) -> list[str]:
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    return sorted(REQUIRED_TABLES - present)


def quick_check(db_path: Path) -> str | None:
    """``None`` when the file opens, passes ``PRAGMA quick_check`` and has the archive's
    tables; otherwise one sentence saying what is wrong."""
    db_path = Path(db_path)
    if not db_path.is_file():
        return f"The archive file {db_path} does not exist."
    try:
        connection = _connect_readonly(db_path)
        try:
            result = [row[0] for row in connection.execute("PRAGMA quick_check")]
            if result != ["ok"]:
                return f"The archive file {db_path} failed its quick check: {result[0]}."
            missing = _missing_tables(connection)
        finally:
            connection.close()
    except _UNREADABLE as exc:
        return f"The archive file {db_path} cannot be read as a database ({exc})."
    if missing:
        return f"The archive file {db_path} lacks the tables {', '.join(missing)}."
    return None


def _sqlite_checks(db_path: Path) -> list[str]:
    problems: list[str] = []
    connection = _connect_readonly(db_path)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems += [f"SQLite integrity check: {line}." for line in integrity[:_MAX_LISTED]]
        violations = connection.execute("PRAGMA foreign_key_check").fetchall()
        problems += [
            f"Row {rowid} of {table} refers to a missing row of {parent}."
            for table, rowid, parent, _ in violations[:_MAX_LISTED]
        ]
        if len(violations) > _MAX_LISTED:
            problems.append(f"… and {len(violations) - _MAX_LISTED} more missing references.")
        missing = _missing_tables(connection)
        if missing:
            problems.append(f"The archive lacks the tables {', '.join(missing)}.")
    finally:
        connection.close()
    return problems


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_problems(assets: list[tuple[str, str, str, int]], media_dir: Path,
                    known_digest: Callable[[Path], str | None] | None) -> list[str]:
    problems: list[str] = []
    root = media_dir.resolve()
    for asset_id, relative, sha256, size in assets:
        path = (media_dir / relative).resolve()
        if not path.is_relative_to(root):
            problems.append(f"Media {asset_id} points outside the media folder ({relative}).")
        elif not path.is_file():
            problems.append(f"Media {asset_id} is missing its file {relative}.")
        elif size and path.stat().st_size != size:
            problems.append(f"Media {asset_id} ({relative}) has a different size than recorded.")
        elif ((known_digest(path) if known_digest else None) or _sha256(path)) != sha256.lower():
            problems.append(f"Media {asset_id} ({relative}) does not match its SHA-256 hash.")
    return problems


def check_archive(
    db_path: Path,
    media_dir: Path | None = None,
    expected_counts: Mapping[str, int] | None = None,
    known_digest: Callable[[Path], str | None] | None = None,
) -> IntegrityReport:
    """Run ``integrity_check``, ``foreign_key_check``, count rows and (optionally) hash media.

    Args:
        db_path: the archive file.
        media_dir: when given, every ``MediaAsset`` file must exist there with its sha256.
        expected_counts: counts the builder wrote (keys as ``ContentBundle.counts``); any
            difference is a problem.
        known_digest: for a NEW generation only: the digest taken while a file was written,
            or ``None`` when the file changed since (other inode, size or mtime). Such files
            are not read again: a re-read right after writing comes from the page cache and
            could not see a disk error anyway, while a missing, replaced or changed file is
            still caught. Without it (``doctor`` on a live archive) every file is hashed.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        return IntegrityReport(db_path, (f"The archive file {db_path} does not exist.",))
    try:
        problems = _sqlite_checks(db_path)
    except _UNREADABLE as exc:
        return IntegrityReport(
            db_path, (f"The archive file {db_path} cannot be read as a database ({exc}).",)
        )
    if problems:
        return IntegrityReport(db_path, tuple(problems))
    engine = open_engine(db_path, readonly=True)
    try:
        with Session(engine) as session:
            counts = {
                key: session.scalar(select(func.count()).select_from(model)) or 0
                for key, model in COUNTED.items()
            }
            assets = [
                (row.id, row.path, row.sha256, row.size)
                for row in session.execute(
                    select(MediaAsset.id, MediaAsset.path, MediaAsset.sha256, MediaAsset.size)
                )
            ]
    except SQLAlchemyError as exc:
        return IntegrityReport(db_path, (f"The archive file {db_path} cannot be read ({exc}).",))
    finally:
        engine.dispose()
    for key, expected in (expected_counts or {}).items():
        if key in counts and counts[key] != expected:
            problems.append(f"The archive holds {counts[key]} {key} where {expected} were written.")
    media_checked = 0
    if media_dir is not None:
        problems += _media_problems(assets, Path(media_dir), known_digest)
        media_checked = len(assets)
    return IntegrityReport(db_path, tuple(problems), counts, media_checked)
