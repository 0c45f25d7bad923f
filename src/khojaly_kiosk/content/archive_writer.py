"""Write a ``ContentBundle`` into a new archive SQLite file (one transaction).

The file must not exist yet: an archive is a derived artefact, built fresh for every
generation. Rows are written with bulk INSERTs; a large table (a names list of a million
rows, ``ContentBundle.streams``) is read from its file and written batch by batch, so it is
never in memory as a whole. Media files are copied verbatim, then ``schema.finalize`` builds
the search index.
"""

from __future__ import annotations

import contextlib
import json
import queue
import shutil
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, inspect, select
from sqlalchemy.exc import IntegrityError

from khojaly_kiosk.archive import layout, schema
from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.engine import build_engine
from khojaly_kiosk.content.bundle import (
    TABLES,
    ContentBundle,
    MediaFile,
    StreamedRows,
    collector_paused,
)
from khojaly_kiosk.content.fixity import DigestLookup, sha256_file
from khojaly_kiosk.content.namekeys import HELPER_MIN_BYTES, NAME_KEY_COLUMNS, KeyMaker
from khojaly_kiosk.content.progress import Progress
from khojaly_kiosk.content.report import ValidationReport
from khojaly_kiosk.errors import InvalidInput

META_EXHIBITION_ID = "exhibition_id"
_BATCH = 20_000

def _as_dicts(model: type[m.Base], rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Column values of unattached ORM rows; unset NOT NULL values take the column default."""
    columns = []
    for attr in inspect(model).column_attrs:
        column = attr.columns[0]
        default = column.default.arg if column.default is not None else None  # type: ignore[attr-defined]
        fallback = None if column.nullable or callable(default) else default
        columns.append((attr.key, column.name, fallback))
    out = []
    for row in rows:
        values = {}
        for key, name, fallback in columns:
            value = getattr(row, key)
            values[name] = fallback if value is None else value
        out.append(values)
    return out


def _check_references(connection: Connection, bundle: ContentBundle) -> None:
    """Every reference of the in-memory tables points at a row (the builder writes with
    foreign keys off; a streamed table's references were checked as it was read)."""
    for key, model in TABLES:
        if key in bundle.streams:
            continue
        table = model.__table__.name  # type: ignore[attr-defined]
        violation = connection.exec_driver_sql(f"PRAGMA foreign_key_check({table})").first()
        if violation is not None:
            raise InvalidInput(
                "The content breaks a rule of the archive (a row of "
                f"{violation[0]} refers to a missing row of {violation[2]}).",
                "Validate the content folder and fix the reported problems first.")


class ContentRejected(InvalidInput):
    """A streamed table had errors while it was written; they are in the caller's report."""


def _write_stream(connection: Connection, model: type[m.Base], stream: StreamedRows,
                  report: ValidationReport, progress: Progress | None,
                  room: Callable[[], None] | None) -> None:
    """Write a large table batch by batch as its file is read (and checked) again."""
    table = model.__table__.name  # type: ignore[attr-defined]
    columns = list(stream.columns)
    keyed = model is m.Name
    if keyed:  # the search keys follow the name
        columns[1:1] = NAME_KEY_COLUMNS
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    count = 0
    # The DB-API cursor itself: SQLAlchemy's parameter handling would cost a fifth more.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    large = stream.size >= HELPER_MIN_BYTES
    with (KeyMaker(parallel=keyed and large) as keys, _Inserter(cursor, sql, large) as insert,
          collector_paused()):
        batches = stream.read(report, progress)
        for batch in keys.keyed(batches) if keyed else batches:
            insert(batch)
            count += len(batch)
            if room is not None:
                room()  # stops the build while the disk still has its reserve
    stream.count = count


class _Inserter:
    """``executemany`` of batches, on a thread of its own for a large table.

    SQLite works without the interpreter lock, so the rows of one batch go into the file
    while the next batch is parsed. Only this thread uses the connection meanwhile; the
    first error is raised in the caller's thread.
    """

    def __init__(self, cursor: Any, sql: str, threaded: bool) -> None:
        self._cursor, self._sql = cursor, sql
        self._queue: queue.Queue[list[tuple[Any, ...]] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._thread = (threading.Thread(target=self._run, name="insert", daemon=True)
                        if threaded else None)

    def __enter__(self) -> _Inserter:
        if self._thread is not None:
            self._thread.start()
        return self

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._cursor.executemany(self._sql, batch)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc

    def __call__(self, batch: list[tuple[Any, ...]]) -> None:
        if self._error is not None:
            raise self._error
        if self._thread is None:
            self._cursor.executemany(self._sql, batch)
        else:
            self._queue.put(batch)

    def __exit__(self, *exc: object) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
        if self._error is not None and exc[0] is None:
            raise self._error


def _copy_media(media: list[MediaFile], media_dir: Path,
                known_digest: DigestLookup | None = None) -> None:
    """Copy each file to ``media_dir/asset.path``, unless that file is already there."""
    root = media_dir.resolve()
    root.mkdir(parents=True, exist_ok=True)
    for item in media:
        target = (root / item.asset.path).resolve()
        if not target.is_relative_to(root):
            raise InvalidInput(f"The media path {item.asset.path} points outside the media "
                               "folder.", "Check the media references of the package.")
        if _already_there(item, target, known_digest):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        # A new file, never a write into the old one: audio and video in a generation are
        # hard links to the kept package, which must not change through them.
        target.unlink(missing_ok=True)
        shutil.copyfile(item.file, target)


def _already_there(item: MediaFile, target: Path, known_digest: DigestLookup | None) -> bool:
    """True when ``target`` needs no copy: it is the file itself, or holds its bytes."""
    if not target.is_file():
        return False
    with contextlib.suppress(OSError):  # a missing source: the file there may still do
        if target.samefile(item.file):  # linked there (content.media): a copy adds nothing
            return True
    # A derivative written earlier (content.media) carries the same hash: keep it. Its
    # digest taken while it was written holds while the file is unchanged (content.fixity).
    known = known_digest(target) if known_digest is not None else None
    return (known or sha256_file(target)) == item.asset.sha256


def _write_meta(connection: Connection, bundle: ContentBundle) -> None:
    info = bundle.info
    meta = {
        schema.META_SCHEMA_VERSION: str(layout.SCHEMA_VERSION),
        schema.META_PACKAGE_VERSION: str(info.version),
        schema.META_TITLE: info.title,
        META_EXHIBITION_ID: info.exhibition_id,
        schema.META_BUILT_AT: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        schema.META_LANGUAGE: info.language or "en",
        schema.META_TRANSLATION_COVERAGE: json.dumps([c.to_dict() for c in bundle.coverage]),
    }
    connection.execute(delete(m.ArchiveMeta).where(m.ArchiveMeta.key.in_(list(meta))))
    connection.execute(insert(m.ArchiveMeta), [{"key": k, "value": v} for k, v in meta.items()])


def _remove_db(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def write_archive(
    bundle: ContentBundle, db_path: Path, media_dir: Path | None = None,
    known_digest: DigestLookup | None = None, report: ValidationReport | None = None,
    progress: Progress | None = None, room: Callable[[], None] | None = None,
) -> dict[str, int]:
    """Create a new archive file from ``bundle`` and return its row counts.

    Args:
        bundle: a bundle whose validation report was ok.
        db_path: the new ``archive.sqlite``; refused when the file already exists.
        media_dir: where media files are copied (``asset.path`` below it); None skips copying.
        known_digest: digests of files already in ``media_dir`` taken as they were written
            (``Fixity.digest``); a file it vouches for is not read again.
        report: where problems of the streamed tables go (they are checked as they are
            written); a fresh report when None.
        progress: told how the streamed tables are read.
        room: called after each batch of a streamed table; raises to stop the build (a
            disk about to fill, ``content.diskspace``).

    Returns:
        Row counts per table key (``"sources"``, ``"names"``, ``"media"``, ...).

    Raises:
        ContentRejected: a streamed table has errors (listed in ``report``).
        InvalidInput: the file exists, or the bundle breaks a database constraint (the
            partly written file is removed).
    """
    report = report if report is not None else ValidationReport()
    db_path = Path(db_path)
    if db_path.exists():
        raise InvalidInput(f"The archive file {db_path} already exists.",
                           "Build every archive into a new, empty generation folder.")
    if media_dir is not None:
        _copy_media(bundle.media, Path(media_dir), known_digest)
    engine = build_engine(db_path)
    try:
        schema.create_schema(engine)
        with engine.begin() as connection:
            for key, model in TABLES:
                stream = bundle.streams.get(key)
                if stream is not None:
                    _write_stream(connection, model, stream, report, progress, room)
                    continue
                rows = _as_dicts(model, bundle.rows(key))
                for start in range(0, len(rows), _BATCH):
                    connection.execute(insert(model), rows[start : start + _BATCH])
            if not report.ok:
                raise ContentRejected("The content has errors, so no archive was written.",
                                      "Fix the problems listed and build the package again.")
            _check_references(connection, bundle)
            _write_meta(connection, bundle)
        schema.finalize(engine)
        with engine.connect() as connection:
            return {
                key: connection.execute(select(func.count()).select_from(model)).scalar_one()
                for key, model in TABLES
            }
    except Exception as err:
        engine.dispose()
        _remove_db(db_path)
        if isinstance(err, IntegrityError):
            raise InvalidInput("The content breaks a rule of the archive "
                               f"({err.orig}).", "Validate the content folder and fix the "
                               "reported problems first.") from err
        raise
    finally:
        engine.dispose()
