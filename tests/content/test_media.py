"""Media derivatives made in the worker process: formats by content, limits, no metadata."""

from __future__ import annotations

import errno
import hashlib
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content import media as media_module
from khojaly_kiosk.content.bundle import MediaFile
from khojaly_kiosk.content.fixity import Fixity
from khojaly_kiosk.content.imaging import ImageWorkers, MediaLimits
from khojaly_kiosk.content.media import make_derivatives, sniff_av
from tests.support.content.packages import jpeg_bytes, png_bytes


def _media(folder: Path, name: str, data: bytes, asset_id: str | None = None) -> MediaFile:
    path = folder / "media" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    asset = m.MediaAsset(id=asset_id or name.replace(".", "-"), path=name, sha256="", size=0,
                         mime="", width=None, height=None, thumb_path="", alt_text="",
                         caption="", credit="", source_id=None)
    return MediaFile(asset=asset, file=path)


def _exif_with_gps_and_orientation() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to display
    exif[0x010F] = "Synthetic Camera Maker"
    exif[0x8825] = {1: "N", 2: (40.0, 1.0, 2.0)}  # GPS IFD
    return exif.tobytes()


def test_jpeg_is_turned_upright_stripped_and_resized(tmp_path: Path) -> None:
    item = _media(tmp_path, "photo.jpg",
                  jpeg_bytes((3000, 2000), exif=_exif_with_gps_and_orientation()))
    out = tmp_path / "gen" / "media"
    result = make_derivatives([item], out, where=tmp_path)
    assert result.ok, result.to_text()
    asset = item.asset
    # EXIF orientation 6 turns a landscape 3000x2000 into a portrait image.
    assert (asset.width, asset.height) == (1280, 1920)
    assert asset.mime == "image/jpeg"
    assert asset.path == "photo-jpg.jpg"
    display = out / asset.path
    assert hashlib.sha256(display.read_bytes()).hexdigest() == asset.sha256
    assert asset.size == display.stat().st_size
    with Image.open(display) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert "exif" not in image.info
    with Image.open(out / asset.thumb_path) as thumb:
        assert max(thumb.size) == 480
        assert len(thumb.getexif()) == 0
    assert b"Synthetic Camera Maker" not in display.read_bytes()


def test_small_image_is_not_enlarged_and_alpha_png_becomes_webp(tmp_path: Path) -> None:
    opaque = _media(tmp_path, "small.png", png_bytes((40, 30)))
    clear = _media(tmp_path, "clear.png", png_bytes((40, 30), alpha=True))
    result = make_derivatives([opaque, clear], tmp_path / "out", where=tmp_path)
    assert result.ok, result.to_text()
    assert (opaque.asset.width, opaque.asset.height) == (40, 30)
    assert opaque.asset.mime == "image/jpeg"
    assert clear.asset.mime == "image/webp"
    with Image.open(tmp_path / "out" / clear.asset.path) as image:
        assert image.format == "WEBP"
        assert image.mode == "RGBA"


def test_format_is_judged_by_content_not_extension(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    disguised = _media(tmp_path, "fake.jpg", buffer.getvalue())
    png_named_jpg = _media(tmp_path, "real-png.jpg", png_bytes())
    result = make_derivatives([disguised, png_named_jpg], tmp_path / "out", where=tmp_path)
    assert [p.file for p in result.errors] == ["media/fake.jpg"]
    assert "neither a JPEG, PNG or WebP image" in result.errors[0].message
    assert png_named_jpg.asset.mime == "image/jpeg"


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    over_twice = _media(tmp_path, "bomb.png", png_bytes((200, 200)))
    just_over = _media(tmp_path, "large.png", png_bytes((120, 100)))
    fine = _media(tmp_path, "fine.png", png_bytes((50, 50)))
    limits = MediaLimits(max_pixels=10_000)
    result = make_derivatives([over_twice, just_over, fine], tmp_path / "out", limits,
                              where=tmp_path)
    assert [p.file for p in result.errors] == ["media/bomb.png", "media/large.png"]
    assert all("decompression bomb" in p.message for p in result.errors)
    assert fine.asset.sha256


def test_truncated_image_is_refused(tmp_path: Path) -> None:
    data = jpeg_bytes((400, 300), color=(1, 2, 3))
    item = _media(tmp_path, "cut.jpg", data[: len(data) // 2])
    result = make_derivatives([item], tmp_path / "out", where=tmp_path)
    assert [p.file for p in result.errors] == ["media/cut.jpg"]
    assert "damaged or truncated" in result.errors[0].message


def test_a_worker_that_does_not_answer_in_time_costs_one_file(tmp_path: Path) -> None:
    first = _media(tmp_path, "a.jpg", jpeg_bytes())
    limits = MediaLimits(timeout_s=0.0)  # a fresh worker cannot answer in no time at all
    result = make_derivatives([first], tmp_path / "out", limits, where=tmp_path)
    assert [p.file for p in result.errors] == ["media/a.jpg"]
    assert "time and memory limits" in result.errors[0].message
    again = make_derivatives([first], tmp_path / "out2", where=tmp_path)
    assert again.ok


def test_audio_is_copied_and_hashed_and_junk_refused(tmp_path: Path) -> None:
    audio_bytes = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"synthetic audio frames" * 10
    audio = _media(tmp_path, "voice.mp3", audio_bytes)
    junk = _media(tmp_path, "junk.mp4", b"this is not a video at all")
    missing = _media(tmp_path, "gone.jpg", b"")
    missing.file.unlink()
    result = make_derivatives([audio, junk, missing], tmp_path / "out", where=tmp_path)
    assert [p.file for p in result.errors] == ["media/junk.mp4", "media/gone.jpg"]
    assert audio.asset.mime == "audio/mpeg"
    assert (tmp_path / "out" / audio.asset.path).read_bytes() == audio_bytes
    assert audio.asset.sha256 == hashlib.sha256(audio_bytes).hexdigest()
    assert audio.asset.thumb_path == ""


def test_unsafe_asset_ids_cannot_name_files_outside_the_media_folder(tmp_path: Path) -> None:
    item = _media(tmp_path, "x.jpg", jpeg_bytes(), asset_id="../../escape")
    result = make_derivatives([item], tmp_path / "out", where=tmp_path)
    assert result.ok
    assert "/" not in item.asset.path and item.asset.path.startswith("m-")
    assert (tmp_path / "out" / item.asset.path).is_file()


@pytest.mark.parametrize(("head", "mime"), [
    (b"\x00\x00\x00\x18ftypmp42", "video/mp4"),
    (b"\x00\x00\x00\x18ftypM4A ", "audio/mp4"),
    (b"OggS\x00\x02", "audio/ogg"),
    (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav"),
    (b"\x1a\x45\xdf\xa3\x01", "video/webm"),
    (b"\xff\xfb\x90\x00", "audio/mpeg"),
    (b"GIF89a", None),
])
def test_sniff_av(head: bytes, mime: str | None) -> None:
    assert sniff_av(head) == mime


def test_images_prepared_in_parallel_each_keep_their_own_result(tmp_path: Path) -> None:
    sizes = [(640 + 10 * i, 400 + 10 * i) for i in range(6)]
    items = [_media(tmp_path, f"p{i}.jpg", jpeg_bytes(size)) for i, size in enumerate(sizes)]
    broken = _media(tmp_path, "broken.jpg", jpeg_bytes((800, 600))[:300])
    items.insert(3, broken)
    result = make_derivatives(items, tmp_path / "gen" / "media", MediaLimits(workers=2),
                              where=tmp_path)
    assert [p.file for p in result.errors] == ["media/broken.jpg"]
    good = [item for item in items if item is not broken]
    assert [(i.asset.width, i.asset.height) for i in good] == sizes


def test_a_large_jpeg_is_decoded_at_a_reduced_scale(tmp_path: Path) -> None:
    item = _media(tmp_path, "big.jpg", jpeg_bytes((4000, 3000)))
    result = make_derivatives([item], tmp_path / "gen" / "media")
    assert result.ok, result.to_text()
    assert (item.asset.width, item.asset.height) == (1920, 1440)


VIDEO = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"synthetic frames" * 4000


def _verified_video(tmp_path: Path) -> tuple[MediaFile, Fixity]:
    video = _media(tmp_path, "clip.mp4", VIDEO)
    fixity = Fixity()
    fixity.record(video.file, hashlib.sha256(VIDEO).hexdigest())
    return video, fixity


def test_verified_video_is_linked_not_copied_and_its_digest_reused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    video, fixity = _verified_video(tmp_path)
    monkeypatch.setattr(media_module, "copy_hashing", None)  # any copy would fail
    written: list[str] = []
    result = make_derivatives([video], tmp_path / "out", fixity=fixity,
                              written=lambda p: written.append(p.name))
    assert result.ok, result.to_text()
    target = tmp_path / "out" / video.asset.path
    assert target.samefile(video.file)
    assert (video.asset.sha256, video.asset.size) == (hashlib.sha256(VIDEO).hexdigest(),
                                                      len(VIDEO))
    assert written == [video.asset.path]
    assert fixity.digest(target) == video.asset.sha256


def test_a_disk_that_cannot_link_gets_a_hashed_copy(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    video, fixity = _verified_video(tmp_path)

    def cross_device(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)
    result = make_derivatives([video], tmp_path / "out", fixity=fixity)
    assert result.ok, result.to_text()
    target = tmp_path / "out" / video.asset.path
    assert not target.samefile(video.file)
    assert target.read_bytes() == VIDEO
    assert video.asset.sha256 == hashlib.sha256(VIDEO).hexdigest()


def test_a_video_changed_since_it_was_verified_is_read_again(tmp_path: Path) -> None:
    video, fixity = _verified_video(tmp_path)
    video.file.write_bytes(VIDEO + b"appended later")
    result = make_derivatives([video], tmp_path / "out", fixity=fixity)
    assert result.ok, result.to_text()
    assert not (tmp_path / "out" / video.asset.path).samefile(video.file)
    assert video.asset.sha256 == hashlib.sha256(VIDEO + b"appended later").hexdigest()


def test_started_workers_are_used_and_kept_for_more_images(tmp_path: Path) -> None:
    with ImageWorkers(MediaLimits(workers=1)) as workers:
        workers.start()
        item = _media(tmp_path, "p.jpg", jpeg_bytes((300, 200)))
        result = make_derivatives([item], tmp_path / "out", workers=workers)
        assert result.ok, result.to_text()
        assert workers.idle == 1
        assert (item.asset.width, item.asset.height) == (300, 200)
    assert workers.idle == 0


def test_image_sizes_are_read_from_headers_without_decoding(tmp_path: Path) -> None:
    import io

    from PIL import Image

    from khojaly_kiosk.content.imaging import image_dimensions
    from tests.support.content.packages import png_claiming

    for fmt, options in (("JPEG", {}), ("PNG", {}), ("WEBP", {}),
                         ("WEBP", {"lossless": True})):
        buffer = io.BytesIO()
        Image.new("RGB", (321, 123), (1, 2, 3)).save(buffer, fmt, exif=b"Exif\0\0" + b"\0" * 40,
                                                     **options)
        path = tmp_path / f"image-{fmt}-{len(options)}"
        path.write_bytes(buffer.getvalue())
        assert image_dimensions(path) == (321, 123), (fmt, options)
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_claiming(50_000, 40_000))
    assert image_dimensions(bomb) == (50_000, 40_000)
    (tmp_path / "text.jpg").write_bytes(b"not an image")
    assert image_dimensions(tmp_path / "text.jpg") is None
    assert image_dimensions(tmp_path / "missing.png") is None
