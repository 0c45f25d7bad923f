"""Taking a signed package apart and putting it back together, as an attacker (or a careless
curator) would: edit files, re-hash the manifests, re-sign with any key, rewrite zips.

Written from the package format (BagIt + ``signature.ed25519`` over the tag manifest, hex key
files) without the kiosk's own code, so a bug there cannot hide in the tool.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from nacl.signing import SigningKey

TAG_MANIFEST = "tagmanifest-sha256.txt"
MANIFEST = "manifest-sha256.txt"
SIGNATURE = "signature.ed25519"
TAG_FILES = ("bagit.txt", "bag-info.txt", MANIFEST)


@dataclass(frozen=True)
class Keys:
    name: str
    private: Path
    public: Path
    public_hex: str

    def sign(self, data: bytes) -> bytes:
        seed = bytes.fromhex(self.private.read_text("ascii").strip())
        return SigningKey(seed).sign(data).signature


def make_keys(folder: Path, name: str) -> Keys:
    """An Ed25519 pair in the kiosk's key-file format (hex seed, hex verify key)."""
    folder.mkdir(parents=True, exist_ok=True)
    private, public = folder / f"{name}.key", folder / f"{name}.pub"
    if not private.exists():
        key = SigningKey.generate()
        private.write_text(key.encode().hex() + "\n", "ascii")
        os.chmod(private, 0o600)
        public.write_text(key.verify_key.encode().hex() + "\n", "ascii")
    seed = bytes.fromhex(private.read_text("ascii").strip())
    return Keys(name, private, public, SigningKey(seed).verify_key.encode().hex())


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def payload_files(bag: Path) -> list[Path]:
    return sorted(p for p in (bag / "data").rglob("*") if p.is_file() and not p.is_symlink())


def rehash(bag: Path, *, manifest: bool = True, oxum: bool = True, tags: bool = True) -> None:
    """Rewrite the payload manifest, Payload-Oxum and the tag manifest for what is on disk."""
    files = payload_files(bag)
    if manifest:
        lines = [f"{_sha256(p)}  {p.relative_to(bag).as_posix()}\n" for p in files]
        (bag / MANIFEST).write_text("".join(lines), "utf-8")
    if oxum:
        info = bag / "bag-info.txt"
        size = sum(p.stat().st_size for p in files)
        text = info.read_bytes().decode("utf-8", "surrogateescape")
        kept = [line for line in text.splitlines(keepends=True)
                if not line.startswith("Payload-Oxum:")]
        kept.append(f"Payload-Oxum: {size}.{len(files)}\n")
        info.write_bytes("".join(kept).encode("utf-8", "surrogateescape"))
    if tags:
        lines = [f"{_sha256(bag / name)}  {name}\n" for name in TAG_FILES
                 if (bag / name).is_file()]
        (bag / TAG_MANIFEST).write_text("".join(lines), "utf-8")


def sign(bag: Path, keys: Keys) -> None:
    (bag / SIGNATURE).write_bytes(keys.sign((bag / TAG_MANIFEST).read_bytes()))


def resign(bag: Path, keys: Keys | None) -> None:
    """Make the bag self-consistent again and sign it (``None``: leave the old signature)."""
    rehash(bag)
    if keys is not None:
        sign(bag, keys)


def set_info(bag: Path, key: str, value: str | None) -> None:
    """Replace (or with ``None`` remove) a bag-info.txt field; raw, no validation."""
    info = bag / "bag-info.txt"
    lines = info.read_bytes().decode("utf-8", "surrogateescape").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(f"{key}:")]
    if value is not None:
        kept.append(f"{key}: {value}\n")
    info.write_bytes("".join(kept).encode("utf-8", "surrogateescape"))


def zip_folder(folder: Path, out: Path, *, arcname: str = "") -> Path:
    """Zip a bag like ``build-package --zip`` does (regular files, sorted)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = (arcname + "/" if arcname else "") + path.relative_to(folder).as_posix()
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return out


@dataclass
class Member:
    name: str
    data: bytes
    mode: int = stat.S_IFREG | 0o644
    compress: int = zipfile.ZIP_DEFLATED


def read_members(path: Path) -> list[Member]:
    with zipfile.ZipFile(path) as archive:
        return [Member(info.filename, archive.read(info), info.external_attr >> 16 or
                       stat.S_IFREG | 0o644, info.compress_type)
                for info in archive.infolist()]


def write_members(out: Path, members: Iterable[Member]) -> Path:
    """A zip holding exactly ``members`` (names unchecked: the suites make hostile ones)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of some cases
        with zipfile.ZipFile(out, "w") as archive:
            for member in members:
                info = zipfile.ZipInfo(member.name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = member.compress
                info.external_attr = member.mode << 16
                archive.writestr(info, member.data)
    return out


def copy_bag(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, symlinks=True)
    return target


def same_tree(a: Path, b: Path) -> bool:
    """True when both folders hold the same regular files with the same bytes."""
    def files(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): _sha256(p)
                for p in root.rglob("*") if p.is_file() and not p.is_symlink()}
    return files(a) == files(b)
