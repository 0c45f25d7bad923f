"""Media derivatives of a bundle: image derivatives, audio and video, asset rows filled in.

Images are decoded only in worker processes (``content.imaging``). They are accepted by their
content (JPEG, PNG, WebP), turned upright (EXIF orientation), stripped of all metadata (EXIF,
GPS, comments) and written as a display derivative (long side at most 1920 px) and a
thumbnail (480 px). Audio and video are checked by their leading bytes, then hard-linked
from the verified staging copy (no byte copied, the verified digest reused) or, where the
disk cannot link, copied and hashed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from khojaly_kiosk.content.bundle import MediaFile
from khojaly_kiosk.content.fixity import Fixity, copy_hashing, sha256_file
from khojaly_kiosk.content.imaging import (
    IMAGE_FORMATS,
    ImageWorkers,
    MediaLimits,
    run_images,
)
from khojaly_kiosk.content.progress import Progress, report
from khojaly_kiosk.content.report import ValidationReport, Where

__all__ = ["IMAGE_FORMATS", "THUMBS", "ImageWorkers", "MediaLimits", "make_derivatives",
           "sniff_av"]

THUMBS = "thumbs"
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")


# Leading bytes of the audio/video formats a kiosk can play; nothing else is copied.
def sniff_av(head: bytes) -> str | None:
    """The MIME type of an audio/video file from its first bytes, or ``None``."""
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "audio/mp4" if brand in (b"M4A ", b"M4B ") else "video/mp4"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    return None


def _file_stem(asset_id: str) -> str:
    """A file name for the asset that cannot escape the media folder."""
    if _SAFE_ID.match(asset_id):
        return asset_id
    return "m-" + hashlib.sha256(asset_id.encode("utf-8")).hexdigest()[:24]

# ---- the parent side ------------------------------------------------------------------


def _copy_av(media: MediaFile, target_dir: Path,
             fixity: Fixity | None) -> tuple[str, str, str] | str:
    """Place an audio/video file; return ``(file name, mime, sha256)`` or an error fragment.

    A file whose verified digest ``fixity`` still vouches for is hard-linked: the staged
    copy is ours and never written again, so the link shares bytes already checked. A disk
    that cannot link (another filesystem, FAT) gets a copy, hashed while it is written.
    """
    with media.file.open("rb") as handle:
        mime = sniff_av(handle.read(16))
    if mime is None:
        return ("is neither a JPEG, PNG or WebP image nor an MP3, MP4, M4A, Ogg, FLAC, WAV "
                "or WebM file")
    name = _file_stem(media.asset.id) + media.file.suffix.lower()
    target = target_dir / name
    target.unlink(missing_ok=True)  # always a new file: never write through an old link
    known = fixity.digest(media.file) if fixity is not None else None
    if known is not None:
        with contextlib.suppress(OSError):  # EXDEV, EPERM, ENOTSUP...: copy instead
            os.link(media.file, target)
            return name, mime, known
    with media.file.open("rb", buffering=0) as source, target.open("wb", buffering=0) as out:
        digest, _size = copy_hashing(source, out)
    if known is not None and digest != known:
        return "changed after the package was verified"
    return name, mime, digest


def _is_image(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(16)
    return (head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n")
            or (head.startswith(b"RIFF") and head[8:12] == b"WEBP"))

def make_derivatives(media: Sequence[MediaFile], media_dir: Path,
                     limits: MediaLimits | None = None,
                     progress: Progress | None = None,
                     where: Path | None = None,
                     fixity: Fixity | None = None,
                     written: Callable[[Path], None] | None = None,
                     workers: ImageWorkers | None = None) -> ValidationReport:
    """Write every media file of a bundle into ``media_dir`` and fill in its asset row.

    Sets ``path``, ``thumb_path``, ``sha256``, ``size``, ``mime``, ``width`` and ``height`` of
    each ``MediaFile.asset`` (paths relative to ``media_dir``). Problems go to the report,
    one error per refused file, named relative to ``where`` when given.

    Args:
        fixity: digests of the source files taken when they were staged and verified;
            audio/video it vouches for is linked, not copied. The digest of every file
            written is recorded there too.
        written: called with each file written (e.g. to flush it to disk meanwhile).
        workers: image workers started earlier (their limits apply); by default workers
            are started here and stopped at the end.
    """
    with_workers = workers if workers is not None else ImageWorkers(limits)
    try:
        return _derive_all(media, media_dir, with_workers, progress, where, fixity, written)
    finally:
        if workers is None:
            with_workers.close()


def _derive_all(media: Sequence[MediaFile], media_dir: Path, workers: ImageWorkers,
                progress: Progress | None, where: Path | None, fixity: Fixity | None,
                written: Callable[[Path], None] | None) -> ValidationReport:
    result = ValidationReport()
    media_dir.mkdir(parents=True, exist_ok=True)
    (media_dir / THUMBS).mkdir(exist_ok=True)
    images: list[tuple[MediaFile, str]] = []
    for index, item in enumerate(media):
        report(progress, "Preparing images and media", index, len(media))
        shown = _shown_name(item.file, where)
        if not item.file.is_file():
            result.error(Where(shown), f"The media file {shown} is missing.",
                         "Add the file to media/ or remove the reference to it.")
        elif _is_image(item.file):
            images.append((item, shown))
        else:
            copied = _copy_av(item, media_dir, fixity)
            if isinstance(copied, str):
                result.error(Where(shown), f"The media file {shown} {copied}.",
                             "Convert it to an accepted format.")
            else:
                name, mime, digest = copied
                _fill(item, media_dir, name, "", mime, None, None, digest)
                _written(media_dir / name, digest, fixity, written)
    jobs = [(str(item.file), str(media_dir / _file_stem(item.asset.id)),
             str(media_dir / THUMBS / _file_stem(item.asset.id))) for item, _ in images]
    answers = run_images(jobs, workers, lambda done: report(
        progress, "Preparing images", done, len(jobs)))
    for (item, shown), answer in zip(images, answers, strict=True):
        if answer is None:
            answer = {"error": "could not be decoded within the kiosk's time and memory limits"}
        if "error" in answer:
            result.error(Where(shown), f"The image {shown} {answer['error']}.",
                         "Save it again as a JPEG, PNG or WebP image of sensible size.")
            continue
        display = Path(answer["display"])
        digest = sha256_file(display)
        _fill(item, media_dir, display.name, f"{THUMBS}/{Path(answer['thumb']).name}",
              answer["mime"], answer["width"], answer["height"], digest)
        _written(display, digest, fixity, written)
        if written is not None:
            written(Path(answer["thumb"]))
    report(progress, "Preparing images and media", len(media), len(media))
    return result


def _shown_name(path: Path, where: Path | None) -> str:
    if where is not None:
        try:
            return path.relative_to(where).as_posix()
        except ValueError:
            pass
    return path.name


def _written(path: Path, digest: str, fixity: Fixity | None,
             written: Callable[[Path], None] | None) -> None:
    if fixity is not None:
        fixity.record(path, digest)
    if written is not None:
        written(path)


def _fill(item: MediaFile, media_dir: Path, name: str, thumb: str, mime: str,
          width: int | None, height: int | None, sha256: str) -> None:
    target = media_dir / name
    asset = item.asset
    asset.path = name
    asset.thumb_path = thumb
    asset.sha256 = sha256
    asset.size = os.path.getsize(target)
    asset.mime = mime
    asset.width = width
    asset.height = height
