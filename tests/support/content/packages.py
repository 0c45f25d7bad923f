"""Helpers that build real content folders, keys, signed packages and hostile zips for tests.

ALL CONTENT HERE IS SYNTHETIC TEST DATA ("Synthetic Source 1", "Test Name 1", ...). None of
it is about Khojaly, and none of it may ever be shipped or shown to visitors.
"""

from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from khojaly_kiosk.content.package import build_package
from khojaly_kiosk.content.trust.signing import generate_keypair

SYNTHETIC = "Synthetic test data"


@dataclass(frozen=True)
class Keys:
    private: Path
    public: Path
    public_hex: str


def make_keys(folder: Path, name: str = "curator") -> Keys:
    private, public = folder / f"{name}.key", folder / f"{name}.pub"
    return Keys(private, public, generate_keypair(private, public))


def jpeg_bytes(size: tuple[int, int] = (64, 48), color: tuple[int, int, int] = (90, 20, 30),
               exif: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    if exif is not None:
        image.save(buffer, "JPEG", exif=exif)
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


def png_bytes(size: tuple[int, int] = (40, 30), alpha: bool = False) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA" if alpha else "RGB", size, (10, 20, 30, 128) if alpha else (10, 20, 30)
              ).save(buffer, "PNG")
    return buffer.getvalue()


def write_content(folder: Path, *, names: int = 3, image: bytes | None = None,
                  title: str = "Synthetic Test Exhibition",
                  exhibition_id: str = "synthetic-exhibition") -> Path:
    """A small valid content folder (synthetic): package, one source, names, a monument."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.toml").write_text(
        f'title = "{title}"\nexhibition_id = "{exhibition_id}"\nlanguage = "en"\n'
        'source_organization = "Synthetic Test Organisation"\n', encoding="utf-8")
    (folder / "sources.toml").write_text(
        '[[source]]\nid = "synthetic-source-1"\nkind = "book"\n'
        'title = "Synthetic Source 1"\ncitation = "Synthetic Source 1, p. 1"\n',
        encoding="utf-8")
    rows = ["name,age,village,source"]
    rows += [f"Test Name {i},{20 + i},Test Village,synthetic-source-1" for i in range(names)]
    (folder / "names.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "statistics.toml").write_text(
        '[[statistic]]\nid = "synthetic-count"\nvalue = 7\nlabel = "synthetic things"\n'
        'group = "losses"\nsource = "synthetic-source-1"\n', encoding="utf-8")
    if image is not None:
        (folder / "media").mkdir(exist_ok=True)
        (folder / "media" / "place.jpg").write_bytes(image)
        (folder / "monuments.csv").write_text(
            "id,place,country,year,description,image,alt_text,source\n"
            "test-monument,Test Place,Test Country,2000,A synthetic monument,"
            "media/place.jpg,A synthetic grey square,synthetic-source-1\n", encoding="utf-8")
    return folder


def make_package(tmp: Path, keys: Keys, version: int = 1, *, zip: bool = False,
                 name: str | None = None, **content: object) -> Path:
    """Write content and build a signed package from it (folder, or ``.zip``)."""
    src = write_content(tmp / f"src-{version}-{name or 'p'}", **content)  # type: ignore[arg-type]
    out = tmp / ((name or f"package-v{version}") + (".zip" if zip else ""))
    return build_package(src, out, private_key=keys.private, version=version,
                         source_org="Synthetic Test Organisation", zip=zip)


def zip_with(path: Path, members: list[tuple[str, bytes]], *, mode: int | None = None,
             compress: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip holding exactly ``members`` (names not checked: tests make hostile ones)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = compress
            info.external_attr = ((mode if mode is not None else stat.S_IFREG | 0o644) << 16)
            archive.writestr(info, data)
    return path


def symlink_zip(path: Path, name: str = "data/link", target: str = "/etc/passwd") -> Path:
    return zip_with(path, [(name, target.encode())], mode=stat.S_IFLNK | 0o777)


def files_under(folder: Path) -> set[str]:
    """Every path below ``folder`` (relative), to prove nothing appeared elsewhere."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels (a decompression bomb
    as far as any decoder can tell before decoding)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
