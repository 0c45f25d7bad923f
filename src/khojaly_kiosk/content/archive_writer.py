"""Write a ``ContentBundle`` into a new archive SQLite file (one transaction).

The file must not exist yet: an archive is a derived artefact, built fresh for every
generation. Rows are written with bulk INSERTs (a names list can hold a million rows),
media files are copied verbatim, then ``schema.finalize`` builds the search index.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, inspect, select
from sqlalchemy.exc import IntegrityError

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive import schema, search, transliterate
from khojaly_kiosk.archive.engine import build_engine
from khojaly_kiosk.content.bundle import TABLES, ContentBundle, MediaFile
from khojaly_kiosk.content.fixity import DigestLookup, sha256_file
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


def _fill_name_keys(rows: list[dict[str, Any]]) -> None:
    # Computed here in one pass; schema.finalize would otherwise update every row again.
    for row in rows:
        row["folded"] = row["folded"] or transliterate.fold(row["name"])
        row["sort_key"] = row["sort_key"] or search.sort_key(row["name"])
        row["search_keys"] = row["search_keys"] or " ".join(
            transliterate.name_search_keys(row["name"]))


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
        schema.META_SCHEMA_VERSION: str(m.SCHEMA_VERSION),
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
    known_digest: DigestLookup | None = None,
) -> dict[str, int]:
    """Create a new archive file from ``bundle`` and return its row counts.

    Args:
        bundle: a bundle whose validation report was ok.
        db_path: the new ``archive.sqlite``; refused when the file already exists.
        media_dir: where media files are copied (``asset.path`` below it); None skips copying.
        known_digest: digests of files already in ``media_dir`` taken as they were written
            (``Fixity.digest``); a file it vouches for is not read again.

    Returns:
        Row counts per table key (``"sources"``, ``"names"``, ``"media"``, ...).

    Raises:
        InvalidInput: the file exists, or the bundle breaks a database constraint (the
            partly written file is removed).
    """
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
                rows = _as_dicts(model, bundle.rows(key))
                if model is m.Name:
                    _fill_name_keys(rows)
                for start in range(0, len(rows), _BATCH):
                    connection.execute(insert(model), rows[start : start + _BATCH])
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
