"""Benchmark: build, verify and import a SYNTHETIC content package of ~500 MB of media.

Run on demand (it writes ~2 GB to a temp folder and takes minutes):
``.venv/bin/python benchmarks/bench_import.py [--size-mb 500] [--images 40] [--zip]
[--keep DIR]`` (``--keep`` reuses the synthetic content of an earlier run: making it is
the slow part).

Everything generated here is synthetic: noise photographs, "video" files that are an MP4
header followed by random bytes, placeholder names and sources. None of it is content.
Prints MB/s for building the package, verifying it and importing it (with the time of each
import stage and the bytes this process read and wrote in it: the passes over the package)
and the peak RSS of this process and of its image worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from khojaly_kiosk.content.package import build_package, verify_package
from khojaly_kiosk.content.pipeline import import_package
from khojaly_kiosk.content.trust.signing import generate_keypair
from khojaly_kiosk.paths import DataPaths
from khojaly_kiosk.settings import load_settings

MB = 1024 * 1024


def _noise_jpeg(path: Path, size: tuple[int, int], seed: int) -> None:
    channels = [Image.effect_noise(size, 40 + 10 * ((seed + i) % 5)) for i in range(3)]
    Image.merge("RGB", channels).save(path, "JPEG", quality=92)


def _fake_video(path: Path, size: int) -> None:
    with path.open("wb") as out:
        out.write(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
        left = size - 24
        while left > 0:
            chunk = min(left, 8 * MB)
            out.write(os.urandom(chunk))
            left -= chunk


def make_synthetic_content(folder: Path, size_mb: int, images: int) -> int:
    """A content folder holding about ``size_mb`` of SYNTHETIC media; returns its bytes."""
    media = folder / "media"
    media.mkdir(parents=True)
    (folder / "package.toml").write_text(
        'title = "SYNTHETIC benchmark package"\nexhibition_id = "synthetic-benchmark"\n'
        'language = "en"\nsource_organization = "Synthetic Benchmark"\n', encoding="utf-8")
    (folder / "sources.toml").write_text(
        '[[source]]\nid = "synthetic-source"\nkind = "book"\ntitle = "SYNTHETIC source"\n',
        encoding="utf-8")
    rows = ["id,place,country,year,description,image,alt_text,source"]
    for i in range(images):
        _noise_jpeg(media / f"photo-{i:03d}.jpg", (4000, 3000), i)
        rows.append(f"synthetic-{i},Synthetic place {i},,,SYNTHETIC,media/photo-{i:03d}.jpg,"
                    f"Synthetic noise image {i},synthetic-source")
    used = sum(p.stat().st_size for p in media.iterdir())
    video, n = 50 * MB, 0
    while used < size_mb * MB:
        size = min(video, size_mb * MB - used)
        _fake_video(media / f"video-{n:03d}.mp4", size)
        rows.append(f"synthetic-video-{n},Synthetic video {n},,,SYNTHETIC,"
                    f"media/video-{n:03d}.mp4,,synthetic-source")
        used, n = used + size, n + 1
    (folder / "monuments.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return used


def _io_counters() -> tuple[int, int]:
    """Bytes this process read and wrote through system calls so far (Linux; else zeros).

    ``rchar``/``wchar`` count page-cache hits too, so they show how often the import passes
    over each byte, whatever the disk did.
    """
    try:
        fields = dict(line.split(": ") for line in
                      Path("/proc/self/io").read_text(encoding="ascii").splitlines())
    except (OSError, ValueError):
        return 0, 0
    return int(fields["rchar"]), int(fields["wchar"])


class StageClock:
    """A progress callback that records when each stage started and this process's I/O
    counters then; a stage lasts until the next one starts (the last one until
    ``durations`` is asked)."""

    def __init__(self) -> None:
        self.starts: dict[str, tuple[float, int, int]] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.starts:
            self.starts[stage] = (time.perf_counter(), *_io_counters())

    def durations(self, end: float) -> list[tuple[str, float, int, int]]:
        """``(stage, seconds, bytes read, bytes written)`` per stage, in order."""
        items = list(self.starts.items())
        ends = [mark for _stage, mark in items[1:]] + [(end, *_io_counters())]
        return [(stage, stop[0] - start[0], stop[1] - start[1], stop[2] - start[2])
                for (stage, start), stop in zip(items, ends, strict=True)]


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=500)
    parser.add_argument("--images", type=int, default=40)
    parser.add_argument("--zip", action="store_true", help="build and import a .zip package")
    parser.add_argument("--keep", type=Path, default=None,
                        help="work in this folder and keep it; its synthetic content is reused "
                        "by the next run (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp_name:
        tmp = args.keep or Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        for leftover in ("package", "package.zip", "data", "bench.key", "bench.pub"):
            shutil.rmtree(tmp / leftover, ignore_errors=True)
            (tmp / leftover).unlink(missing_ok=True)
        started = time.perf_counter()
        if (tmp / "content" / "monuments.csv").is_file():  # --keep: reuse the made media
            total = sum(p.stat().st_size for p in (tmp / "content" / "media").iterdir())
            print(f"SYNTHETIC content: {total / MB:.0f} MB reused from {tmp / 'content'}")
        else:
            shutil.rmtree(tmp / "content", ignore_errors=True)
            total = make_synthetic_content(tmp / "content", args.size_mb, args.images)
            print(f"SYNTHETIC content: {total / MB:.0f} MB ({args.images} noise photos, rest "
                  f"fake video) made in {time.perf_counter() - started:.1f} s")
        public = generate_keypair(tmp / "bench.key", tmp / "bench.pub")

        started = time.perf_counter()
        package = build_package(tmp / "content", tmp / ("package.zip" if args.zip else "package"),
                                tmp / "bench.key", version=1, zip=args.zip)
        build_s = time.perf_counter() - started
        print(f"build-package: {build_s:.1f} s, {total / MB / build_s:.0f} MB/s")

        started = time.perf_counter()
        verified = verify_package(package, [public])
        verify_s = time.perf_counter() - started
        assert verified.report.ok, verified.report.to_text()
        print(f"verify:        {verify_s:.1f} s, {total / MB / verify_s:.0f} MB/s")

        paths = DataPaths(tmp / "data").ensure()
        settings = load_settings(paths.root, environ={}, trusted_keys=(public,),
                                 demo_mode=False)
        clock = StageClock()
        started = time.perf_counter()
        result = import_package(package, paths, settings, progress=clock)
        finished = time.perf_counter()
        import_s = finished - started
        assert result.report.ok, result.report.to_text()
        print(f"import:        {import_s:.1f} s, {total / MB / import_s:.0f} MB/s "
              f"(into {result.generation})")
        print(f"  {'stage':<40} {'time':>8} {'read':>9} {'written':>9}")
        for stage, seconds, read, written in clock.durations(finished):
            print(f"  {stage:<40} {seconds:6.1f} s {read / MB:6.0f} MB {written / MB:6.0f} MB")
        print(f"peak RSS: this process {_rss_mb(resource.RUSAGE_SELF):.0f} MB, "
              f"largest child (image worker) {_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
