"""Image derivatives, made only in separate, memory-capped worker processes.

Image decoders are the most exposed code we run on files from a USB stick, so Pillow runs in
a spawned process with ``RLIMIT_AS`` and a per-file timeout; a crash, hang or memory blow-up
costs one error line, never the kiosk. Starting a worker costs an interpreter and Pillow, so
an import starts its workers (:class:`ImageWorkers`) while it is still copying the package.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import TracebackType
from typing import Any

from khojaly_kiosk.content.bundle import MediaFile
from khojaly_kiosk.content.report import ValidationReport, Where
from khojaly_kiosk.errors import EnvironmentProblem

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
STARTUP_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class MediaLimits:
    """Sizes of the derivatives, and the caps every image worker runs under."""

    display_px: int = 1920
    thumb_px: int = 480
    quality: int = 85
    max_pixels: int = 60_000_000  # a 60 MP camera image; anything bigger is refused
    memory_bytes: int = 1536 * 1024 * 1024  # address-space cap of the worker
    timeout_s: float = 60.0  # per image
    workers: int = 2  # images are prepared in parallel, one per core (the kiosk PC has two)


# ---- image sizes from their headers, without a decoder ---------------------------------------

_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_HEADER_SCAN = 1024 * 1024  # EXIF and ICC segments come before a JPEG's size; never more


def image_dimensions(path: Path) -> tuple[int, int] | None:
    """``(width, height)`` that a PNG, JPEG or WebP file's header claims, else None.

    Plain byte reading, no decoder, at most ``_HEADER_SCAN`` bytes: safe to run in the
    checking process on any file, so a decompression bomb is refused by ``build-package``
    and ``verify`` already, not only when an import decodes it in a worker.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
            if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
                return _webp_dimensions(head)
            if head.startswith(b"\xff\xd8"):
                handle.seek(2)
                return _jpeg_dimensions(handle.read(_HEADER_SCAN))
    except OSError:
        return None
    return None


def _webp_dimensions(head: bytes) -> tuple[int, int] | None:
    kind = head[12:16]
    if kind == b"VP8X" and len(head) >= 30:
        return (int.from_bytes(head[24:27], "little") + 1,
                int.from_bytes(head[27:30], "little") + 1)
    if kind == b"VP8 " and len(head) >= 30:
        return (int.from_bytes(head[26:28], "little") & 0x3FFF,
                int.from_bytes(head[28:30], "little") & 0x3FFF)
    if kind == b"VP8L" and len(head) >= 25:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _jpeg_dimensions(data: bytes) -> tuple[int, int] | None:
    at = 0
    while at + 9 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in _JPEG_SOF:
            height = int.from_bytes(data[at + 5:at + 7], "big")
            width = int.from_bytes(data[at + 7:at + 9], "big")
            return width, height
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length of their own
            at += 2
            continue
        at += 2 + int.from_bytes(data[at + 2:at + 4], "big")
    return None


def check_pixel_caps(media: Sequence[MediaFile], folder: Path, report: ValidationReport,
                     limits: MediaLimits | None = None) -> None:
    """An error for each image whose header claims more pixels than an import decodes.

    Run by ``build-package`` and ``verify`` (the header is read, nothing is decoded), so a
    decompression bomb is refused before it travels, not only at import.
    """
    cap = (limits or MediaLimits()).max_pixels
    for item in media:
        size = image_dimensions(item.file)
        if size is None or size[0] * size[1] <= cap:
            continue
        try:
            shown = item.file.relative_to(folder).as_posix()
        except ValueError:
            shown = item.file.name
        width, height = size
        report.error(Where(shown), f"The image {shown} is {width:,} x {height:,} pixels "
                     f"({width * height / 1e6:,.0f} million); images of more than "
                     f"{cap / 1e6:,.0f} million pixels are refused (a decompression bomb "
                     "looks like this).",
                     "Scale the image down (a kiosk shows at most 1920 pixels on its long "
                     "side) and build the package again.")


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
    # A draft-decoded JPEG is less than twice the display size, where bicubic looks like
    # Lanczos at half the cost; reducing_gap=2 first box-reduces larger steps, which the
    # Pillow docs call indistinguishable from a full resample.
    for key, target, px, resample in (
            ("display", display, limits.display_px, Image.Resampling.BICUBIC),
            ("thumb", thumb, limits.thumb_px, Image.Resampling.LANCZOS)):
        scaled = scaled.copy()
        scaled.thumbnail((px, px), resample, reducing_gap=2.0)
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
        self.process.start()  # boots on its own; ``wait_ready`` waits for it
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        """Wait until the worker has started.

        Raises:
            EnvironmentProblem: it could not start.
        """
        if self.ready:
            return
        with contextlib.suppress(EOFError, OSError):
            self.ready = self.conn.poll(STARTUP_TIMEOUT_S) and self.conn.recv() == "ready"
        if not self.ready:
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


class ImageWorkers:
    """Idle image workers, started ahead of the images so their start-up overlaps other work.

    Use as a context manager; leaving it stops every idle worker (one still starting is
    killed).
    """

    def __init__(self, limits: MediaLimits | None = None) -> None:
        self.limits = limits or MediaLimits()
        self._idle: list[_WorkerProcess] = []

    def start(self, count: int | None = None) -> None:
        """Start workers, without waiting for them, until ``count`` (default: all) are idle."""
        wanted = self.limits.workers if count is None else count
        while len(self._idle) < wanted:
            self._idle.append(_WorkerProcess(self.limits))

    def take(self) -> _WorkerProcess:
        """A started worker (a new one when none is idle)."""
        worker = self._idle.pop(0) if self._idle else _WorkerProcess(self.limits)
        worker.wait_ready()
        return worker

    @property
    def idle(self) -> int:
        """How many started workers wait for work."""
        return len(self._idle)

    def give_back(self, worker: _WorkerProcess) -> None:
        self._idle.append(worker)

    def close(self) -> None:
        for worker in self._idle:
            worker.stop(kill=not worker.ready)
        self._idle.clear()

    def __enter__(self) -> ImageWorkers:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def run_images(jobs: Sequence[tuple[str, str, str]], workers: ImageWorkers,
               on_done: Callable[[int], None]) -> list[dict[str, Any] | None]:
    """Each job's answer (``None``: the worker died or ran out of time), in job order.

    Up to ``limits.workers`` workers run at once; a worker that crashes or overruns its
    per-image deadline is killed and replaced, costing only its own image. Workers that
    finish go back to ``workers``.
    """
    if not jobs:
        return []
    limits = workers.limits
    answers: list[dict[str, Any] | None] = [None] * len(jobs)
    pending = list(range(len(jobs)))[::-1]
    busy: dict[Any, tuple[_WorkerProcess, int, float]] = {}
    parallel = max(1, min(limits.workers, len(jobs)))  # at least one, even if 0 configured
    workers.start(parallel)  # all boot at once, not one after another
    done = 0
    try:
        while pending or busy:
            while pending and len(busy) < parallel:
                worker = workers.take()
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
                    workers.give_back(worker)
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
        for worker, _, _ in busy.values():
            worker.stop(kill=True)
    return answers
