"""Checks of an archive file: SQLite's own checks, schema version, row counts, media hashes.

An import runs ``check_archive`` on a new generation before switching to it; the kiosk runs
the cheaper ``assess`` (``quick_check``) at boot. None of them raises on a broken file: they
report it.

``assess`` tells a damaged file from one built by another version of the kiosk: a
generation records the archive schema it was built with (``archive_meta.schema_version``).
An older one is not damaged: it is rebuilt from its kept package (``content.upgrade``) and
served as it is meanwhile when this code can read it; a newer one is refused with a sentence
saying so. Neither is ever moved aside.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from khojaly_kiosk.archive import layout
from khojaly_kiosk.archive.layout import COUNTED, DB_FILENAME, DIGEST_FILENAME, TABLES
from khojaly_kiosk.archive.reader import connect_readonly
from khojaly_kiosk.archive.search import FTS_TABLE, RANK_TABLE

# Tables added after archives were first shipped: a generation built before them is still
# good (the repositories read them only when present), so an update never sets it aside.
OPTIONAL_TABLES = frozenset({"caption_cue"})
REQUIRED_TABLES = (frozenset(TABLES) - OPTIONAL_TABLES) | {FTS_TABLE, RANK_TABLE}
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
    return connect_readonly(db_path)


def _missing_tables(connection: sqlite3.Connection) -> list[str]:
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    return sorted(REQUIRED_TABLES - present)


@dataclass(frozen=True)
class Assessment:
    """What a generation's file is, for serving it.

    ``state``: ``"ok"`` (this kiosk's schema, sound), ``"older"`` or ``"newer"`` (built by
    another version of the kiosk), ``"damaged"`` or ``"missing"``. ``readable``: this code
    can serve it as it is (``ok``, or ``older`` with every table and column it reads).
    """

    state: str
    schema_version: int | None = None
    problem: str = ""  # one sentence when the state is not "ok"
    readable: bool = False


def _missing_columns(connection: sqlite3.Connection) -> list[str]:
    """``table.column`` this code reads that the file does not have (tables included)."""
    missing: list[str] = []
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    for name in sorted(REQUIRED_TABLES - present):
        missing.append(name)
    for name, wanted in TABLES.items():
        if name in OPTIONAL_TABLES or name not in present:
            continue
        columns = {row[1] for row in connection.execute(f"PRAGMA table_info({name})")}
        missing += [f"{name}.{column}" for column in wanted if column not in columns]
    return missing


def _schema_version(connection: sqlite3.Connection) -> int | None:
    try:
        row = connection.execute(
            "SELECT value FROM archive_meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.Error:
        return None
    text = str(row[0]).strip() if row else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 6 else None


def built_by_older_kiosk(db_path: Path) -> bool:
    """True if the file says it was built with an earlier archive schema than this code
    writes (one query; whether it is also sound is ``assess``'s question)."""
    try:
        connection = _connect_readonly(Path(db_path))
    except _UNREADABLE:
        return False
    try:
        version = _schema_version(connection)
    finally:
        connection.close()
    return version is not None and version < layout.SCHEMA_VERSION


def file_sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def write_digest(db_path: Path, published_name: str = DB_FILENAME) -> Path:
    """Record the SHA-256 of a checked archive file beside it, under the name its
    published file will be checked against (``DIGEST_FILENAME``); returns that file."""
    target = db_path.with_name(DIGEST_FILENAME)
    target.write_text(f"{file_sha256(db_path)}  {published_name}\n", encoding="ascii")
    return target


def changed_bytes(db_path: Path) -> str | None:
    """One sentence when a published archive file no longer has the SHA-256 recorded beside
    it when it was built (a changed row passes SQLite's own checks); ``None`` when it has,
    or when no digest was recorded (generations built before digests were kept)."""
    if db_path.name != DB_FILENAME:
        return None
    digest_file = db_path.with_name(DIGEST_FILENAME)
    try:
        recorded = digest_file.read_text(encoding="ascii", errors="replace").split()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"The digest {digest_file} of the archive file cannot be read ({exc})."
    try:
        actual = file_sha256(db_path)
    except OSError as exc:
        return f"The archive file {db_path} cannot be read ({exc.strerror or exc})."
    if not recorded or recorded[0].lower() != actual:
        return (f"The archive file {db_path} has changed on the disk since it was built (its "
                "SHA-256 differs from the one recorded beside it), so its rows cannot be "
                "trusted.")
    return None


def assess(db_path: Path) -> Assessment:
    """Open the file read-only and say whether (and as what) it can be served."""
    db_path = Path(db_path)
    if not db_path.is_file():
        return Assessment("missing", problem=f"The archive file {db_path} does not exist.")
    try:
        connection = _connect_readonly(db_path)
        try:
            result = [row[0] for row in connection.execute("PRAGMA quick_check")]
            if result != ["ok"]:
                return Assessment("damaged", problem=f"The archive file {db_path} failed its "
                                  f"quick check: {result[0]}.")
            version = _schema_version(connection)
            missing = _missing_columns(connection)
        finally:
            connection.close()
    except _UNREADABLE as exc:
        return Assessment("damaged", problem=f"The archive file {db_path} cannot be read as a "
                          f"database ({exc}).")
    changed = changed_bytes(db_path)
    if changed:
        return Assessment("damaged", version, problem=changed)
    if version is None:
        return Assessment("damaged", problem=f"The archive file {db_path} does not say which "
                          "archive schema it was built with.")
    current = layout.SCHEMA_VERSION
    if version > current:
        return Assessment("newer", version, problem=(
            f"The archive file {db_path} was built by a newer version of the kiosk (archive "
            f"schema {version}; this version reads schema {current} and older), so "
            "this version cannot show it."))
    if version < current:
        detail = (f"; it lacks {', '.join(missing[:5])}" if missing
                  else "; this version can still show it")
        return Assessment("older", version, readable=not missing, problem=(
            f"The archive file {db_path} was built by an earlier version of the kiosk "
            f"(archive schema {version}; this version writes schema {current}){detail}."))
    if missing:
        return Assessment("damaged", version, problem=f"The archive file {db_path} lacks "
                          f"{', '.join(missing[:5])}.")
    return Assessment("ok", version, readable=True)


def quick_check(db_path: Path) -> str | None:
    """``None`` when this code can serve the file as it is; otherwise one sentence saying
    why not (damaged, missing, or built by a version of the kiosk it cannot read)."""
    found = assess(db_path)
    return None if found.readable else found.problem


def _sqlite_checks(db_path: Path, full: bool = True, references: bool = True) -> list[str]:
    problems: list[str] = []
    connection = _connect_readonly(db_path)
    try:
        pragma = "integrity_check" if full else "quick_check"
        integrity = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
        if integrity != ["ok"]:
            problems += [f"SQLite integrity check: {line}." for line in integrity[:_MAX_LISTED]]
        violations = (connection.execute("PRAGMA foreign_key_check").fetchall()
                      if references else [])
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
    """A media file's hash (its own name: the seam where tests see which media are read)."""
    return file_sha256(path)


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
        elif ((known_digest and known_digest(path)) or _sha256(path)) != sha256.lower():
            problems.append(f"Media {asset_id} ({relative}) does not match its SHA-256 hash.")
    return problems


def _counts_and_media(db_path: Path) -> tuple[dict[str, int],
                                             list[tuple[str, str, str, int]]]:
    """Rows per counted table, and every media asset's (id, path, sha256, size)."""
    connection = _connect_readonly(db_path)
    try:
        counts = {key: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                  for key, table in COUNTED.items()}
        assets = [(row[0], row[1], row[2], row[3]) for row in connection.execute(
            "SELECT id, path, sha256, size FROM media_asset")]
    finally:
        connection.close()
    return counts, assets


def check_archive(
    db_path: Path,
    media_dir: Path | None = None,
    expected_counts: Mapping[str, int] | None = None,
    known_digest: Callable[[Path], str | None] | None = None,
    full: bool = True,
    references: bool = True,
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
        full: ``integrity_check`` (also every index against its table); False runs the
            linear ``quick_check``, which an import uses on the file it has just written:
            read back from the page cache, the index comparison (seconds for a million
            names) could only find a fault of SQLite itself.
        references: run ``foreign_key_check``; an import's writer checked every reference
            already (``archive_writer``), so it skips the second pass over a million names.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        return IntegrityReport(db_path, (f"The archive file {db_path} does not exist.",))
    try:
        problems = _sqlite_checks(db_path, full, references)
    except _UNREADABLE as exc:
        return IntegrityReport(
            db_path, (f"The archive file {db_path} cannot be read as a database ({exc}).",)
        )
    changed = changed_bytes(db_path)
    if changed:
        problems.insert(0, changed)
    if problems:
        return IntegrityReport(db_path, tuple(problems))
    try:
        counts, assets = _counts_and_media(db_path)
    except _UNREADABLE as exc:
        return IntegrityReport(db_path, (f"The archive file {db_path} cannot be read ({exc}).",))
    for key, expected in (expected_counts or {}).items():
        if key in counts and counts[key] != expected:
            problems.append(f"The archive holds {counts[key]} {key} where {expected} were written.")
    media_checked = 0
    if media_dir is not None:
        problems += _media_problems(assets, Path(media_dir), known_digest)
        media_checked = len(assets)
    return IntegrityReport(db_path, tuple(problems), counts, media_checked)
