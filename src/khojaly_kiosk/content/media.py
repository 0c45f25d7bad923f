"""Media derivatives: images are decoded only in a separate, memory-capped worker process.

Image decoders are the most exposed code we run on files from a USB stick, so Pillow runs in
a spawned process with ``RLIMIT_AS`` and a per-file timeout; a crash, hang or memory blow-up
costs one error line, never the kiosk. Images are accepted by their content (JPEG, PNG,
WebP), turned upright (EXIF orientation), stripped of all metadata (EXIF, GPS, comments) and
written as a display derivative (long side at most 1920 px) and a thumbnail (480 px).
Audio and video are checked by their leading bytes, copied and hashed.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import re
import shutil
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from khojaly_kiosk.content.bundle import MediaFile
from khojaly_kiosk.content.progress import Progress, report
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.errors import EnvironmentProblem

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
THUMBS = "thumbs"
STARTUP_TIMEOUT_S = 60.0
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")


@dataclass(frozen=True)
class MediaLimits:
    display_px: int = 1920
    thumb_px: int = 480
    quality: int = 85
    max_pixels: int = 60_000_000  # a 60 MP camera image; anything bigger is refused
    memory_bytes: int = 1536 * 1024 * 1024  # address-space cap of the worker
    timeout_s: float = 60.0  # per image
    workers: int = 2  # images are prepared in parallel, one per core (the kiosk PC has two)


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


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _file_stem(asset_id: str) -> str:
    """A file name for the asset that cannot escape the media folder."""
    if _SAFE_ID.match(asset_id):
        return asset_id
    return "m-" + hashlib.sha256(asset_id.encode("utf-8")).hexdigest()[:24]


# ---- the worker process -------------------------------------------------------------------


def _limit_memory(memory_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the timeout and pixel cap still apply
        return
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _derive_image(src: str, display: str, thumb: str, limits: MediaLimits) -> dict[str, Any]:
    from PIL import Image, ImageOps

    with Image.open(src) as opened:
        if opened.format not in IMAGE_FORMATS:
            return {"error": f"is a {opened.format or 'unknown'} image; only JPEG, PNG and "
                    "WebP images are accepted"}
        if getattr(opened, "n_frames", 1) > 1:
            opened.seek(0)  # animated WebP/PNG: the first frame stands for the image
        # JPEG can decode at 1/2, 1/4 or 1/8 scale: ask for the smallest that still gives the
        # display size on the long side (a square request would force a full decode).
        width, height = opened.size
        longest = max(width, height, 1)
        if longest > limits.display_px:
            opened.draft("RGB", (limits.display_px * width // longest,
                                 limits.display_px * height // longest))
        opened.load()
        image = ImageOps.exif_transpose(opened)
    alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if alpha else "RGB")
    # A fresh image from the pixels alone: no EXIF, GPS, XMP, comments or ICC travel on.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    fmt, ext = ("WEBP", ".webp") if alpha else ("JPEG", ".jpg")
    out: dict[str, Any] = {"mime": "image/webp" if alpha else "image/jpeg"}
    # Baseline JPEG: optimize/progressive cost 8x the encoding time and help only on the web.
    options: dict[str, Any] = {"quality": limits.quality}
    scaled = clean
    # The thumbnail is made from the display size: same look, a fraction of the work.
    for key, target, px in (("display", display, limits.display_px),
                            ("thumb", thumb, limits.thumb_px)):
        scaled = scaled.copy()
        scaled.thumbnail((px, px), Image.Resampling.LANCZOS, reducing_gap=3.0)
        scaled.save(target + ext, fmt, **options)
        out[key] = target + ext
        if key == "display":
            out["width"], out["height"] = scaled.size
    return out


def _worker(conn: Connection, limits: MediaLimits) -> None:
    """Runs in the spawned process: derive images one job at a time until told to stop."""
    _limit_memory(limits.memory_bytes)
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    # Over the cap Pillow only warns (up to twice the cap); we refuse both.
    warnings.simplefilter("error", Image.DecompressionBombWarning)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the importing process is gone: so is our work
            return
        if job is None:
            return
        src, display, thumb = job
        try:
            result = _derive_image(src, display, thumb, limits)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            result = {"error": f"has more than {limits.max_pixels} pixels (a decompression "
                      "bomb) and is refused"}
        except MemoryError:
            result = {"error": "needs more memory to decode than the kiosk allows"}
        except Image.UnidentifiedImageError:
            result = {"error": "is not an image Pillow can read"}
        except (OSError, ValueError, SyntaxError) as exc:
            # Pillow reports truncated and corrupt data as OSError/SyntaxError.
            result = {"error": f"is damaged or truncated ({exc})"}
        except Exception as exc:  # an untrusted decoder: any failure is the file's fault
            result = {"error": f"cannot be decoded ({type(exc).__name__})"}
        conn.send(result)


class _WorkerProcess:
    """One spawned worker; replaced after a crash or a timeout."""

    def __init__(self, limits: MediaLimits) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, limits), daemon=True)
        self.process.start()
        child.close()
        ready = False
        with contextlib.suppress(EOFError, OSError):
            ready = self.conn.poll(STARTUP_TIMEOUT_S) and self.conn.recv() == "ready"
        if not ready:
            self.stop(kill=True)
            raise EnvironmentProblem(
                "The image worker process could not start, so no image can be prepared.",
                hint="Start the kiosk from its installed launcher (a program run from standard "
                "input cannot start worker processes); `khojaly-kiosk doctor` checks this.")

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
            self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


# ---- the parent side ------------------------------------------------------------------


def _copy_av(media: MediaFile, target_dir: Path) -> tuple[str, str] | str:
    """Copy an audio/video file; return ``(file name, mime)`` or an error fragment."""
    with media.file.open("rb") as handle:
        mime = sniff_av(handle.read(16))
    if mime is None:
        return ("is neither a JPEG, PNG or WebP image nor an MP3, MP4, M4A, Ogg, FLAC, WAV "
                "or WebM file")
    name = _file_stem(media.asset.id) + media.file.suffix.lower()
    shutil.copyfile(media.file, target_dir / name)
    return name, mime


def _is_image(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(16)
    return (head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n")
            or (head.startswith(b"RIFF") and head[8:12] == b"WEBP"))


def _run_images(jobs: Sequence[tuple[str, str, str]], limits: MediaLimits,
                on_done: Callable[[int], None]) -> list[dict[str, Any] | None]:
    """Each job's answer (``None``: the worker died or ran out of time), in job order.

    Up to ``limits.workers`` workers run at once; a worker that crashes or overruns its
    per-image deadline is killed and replaced, costing only its own image.
    """
    answers: list[dict[str, Any] | None] = [None] * len(jobs)
    pending = list(range(len(jobs)))[::-1]
    busy: dict[Any, tuple[_WorkerProcess, int, float]] = {}
    idle: list[_WorkerProcess] = []
    done = 0
    try:
        while pending or busy:
            while pending and (idle or len(busy) < min(limits.workers, len(jobs))):
                worker = idle.pop() if idle else _WorkerProcess(limits)
                index = pending.pop()
                try:
                    worker.conn.send(jobs[index])
                except OSError:
                    worker.stop(kill=True)
                    done += 1
                    continue
                busy[worker.conn] = (worker, index, time.monotonic() + limits.timeout_s)
            if not busy:
                continue
            timeout = max(0.0, min(d for _, _, d in busy.values()) - time.monotonic())
            for conn in wait(list(busy), timeout):
                worker, index, _ = busy.pop(conn)
                try:
                    answers[index] = worker.conn.recv()
                    idle.append(worker)
                except (EOFError, OSError):
                    worker.stop(kill=True)
                done += 1
                on_done(done)
            now = time.monotonic()
            for conn, (worker, _index, deadline) in list(busy.items()):
                if deadline <= now:
                    del busy[conn]
                    worker.stop(kill=True)
                    done += 1
                    on_done(done)
    finally:
        for worker in idle:
            worker.stop()
        for worker, _, _ in busy.values():
            worker.stop(kill=True)
    return answers


def make_derivatives(media: Sequence[MediaFile], media_dir: Path,
                     limits: MediaLimits | None = None,
                     progress: Progress | None = None,
                     where: Path | None = None) -> ValidationReport:
    """Write every media file of a bundle into ``media_dir`` and fill in its asset row.

    Sets ``path``, ``thumb_path``, ``sha256``, ``size``, ``mime``, ``width`` and ``height`` of
    each ``MediaFile.asset`` (paths relative to ``media_dir``). Problems go to the report,
    one error per refused file, named relative to ``where`` when given.
    """
    limits = limits or MediaLimits()
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
            copied = _copy_av(item, media_dir)
            if isinstance(copied, str):
                result.error(Where(shown), f"The media file {shown} {copied}.",
                             "Convert it to an accepted format.")
            else:
                _fill(item, media_dir, copied[0], "", copied[1], None, None)
    jobs = [(str(item.file), str(media_dir / _file_stem(item.asset.id)),
             str(media_dir / THUMBS / _file_stem(item.asset.id))) for item, _ in images]
    answers = _run_images(jobs, limits, lambda done: report(
        progress, "Preparing images", done, len(jobs)))
    for (item, shown), answer in zip(images, answers, strict=True):
        if answer is None:
            answer = {"error": "could not be decoded within the kiosk's time and memory limits"}
        if "error" in answer:
            result.error(Where(shown), f"The image {shown} {answer['error']}.",
                         "Save it again as a JPEG, PNG or WebP image of sensible size.")
            continue
        _fill(item, media_dir, Path(answer["display"]).name,
              f"{THUMBS}/{Path(answer['thumb']).name}", answer["mime"],
              answer["width"], answer["height"])
    report(progress, "Preparing images and media", len(media), len(media))
    return result


def _shown_name(path: Path, where: Path | None) -> str:
    if where is not None:
        try:
            return path.relative_to(where).as_posix()
        except ValueError:
            pass
    return path.name


def _fill(item: MediaFile, media_dir: Path, name: str, thumb: str, mime: str,
          width: int | None, height: int | None) -> None:
    target = media_dir / name
    asset = item.asset
    asset.path = name
    asset.thumb_path = thumb
    asset.sha256 = sha256_file(target)
    asset.size = os.path.getsize(target)
    asset.mime = mime
    asset.width = width
    asset.height = height
