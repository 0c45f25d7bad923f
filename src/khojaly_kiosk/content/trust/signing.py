"""Ed25519 signing of content packages (PyNaCl).

Key files are text: the private key file holds the 32-byte seed in hex, the public key file
the 32-byte verify key in hex (the same form kiosks list in ``trusted_keys``). A package
carries ``signature.ed25519``: the raw 64-byte detached signature of its
``tagmanifest-sha256.txt``, which pins every other file of the bag.
"""

from __future__ import annotations

import binascii
import hashlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from khojaly_kiosk.errors import InvalidInput

log = logging.getLogger(__name__)

SIGNATURE_FILE = "signature.ed25519"
SIGNATURE_SIZE = 64
KEY_SIZE = 32


def key_fingerprint(public_key_hex: str) -> str:
    """A short, stable name for a public key to show people (first 16 hex of its SHA-256)."""
    raw = _parse_hex_key(public_key_hex, "public key")
    return hashlib.sha256(raw).hexdigest()[:16]


def _parse_hex_key(text: str, what: str) -> bytes:
    try:
        raw = binascii.unhexlify(text.strip())
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput(
            f"The {what} {text.strip()[:20]!r} is not a hexadecimal Ed25519 key.",
            hint="A key is 64 hexadecimal characters, as written by `khojaly-kiosk keygen`.",
        ) from exc
    if len(raw) != KEY_SIZE:
        raise InvalidInput(
            f"The {what} has {len(raw)} bytes; an Ed25519 key has {KEY_SIZE}.",
            hint="A key is 64 hexadecimal characters, as written by `khojaly-kiosk keygen`.",
        )
    return raw


def _write_new_file(path: Path, text: str, mode: int) -> None:
    """Create ``path`` with ``mode``; never replace an existing file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    # umask may have removed bits we asked for; the private key must be exactly 0600.
    os.chmod(path, mode)


def generate_keypair(private_path: Path, public_path: Path) -> str:
    """Create a new signing key pair and return the public key in hex.

    The private key file is created with mode 0600. Existing files are never overwritten.
    """
    for path in (private_path, public_path):
        if path.exists():
            raise InvalidInput(
                f"The key file {path} already exists and will not be overwritten.",
                hint="Choose another file name, or move the old key away first.",
            )
    key = SigningKey.generate()
    public_hex = key.verify_key.encode().hex()
    private_path.parent.mkdir(parents=True, exist_ok=True)
    public_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _write_new_file(private_path, key.encode().hex() + "\n", 0o600)
        _write_new_file(public_path, public_hex + "\n", 0o644)
    except FileExistsError as exc:
        raise InvalidInput(
            f"The key file {exc.filename} already exists and will not be overwritten.",
            hint="Choose another file name, or move the old key away first.",
        ) from exc
    return public_hex


def load_signing_key(private_path: Path) -> SigningKey:
    """Read a private key file written by :func:`generate_keypair`."""
    try:
        text = private_path.read_text(encoding="ascii")
    except FileNotFoundError as exc:
        raise InvalidInput(
            f"The private key file {private_path} does not exist.",
            hint="Create a key pair with `khojaly-kiosk keygen`.",
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"The private key file {private_path} cannot be read.",
            hint="Check the file and its permissions.",
        ) from exc
    if os.name == "posix" and private_path.stat().st_mode & 0o077:
        log.warning("The private key %s can be read by other users; chmod 600 it.",
                    private_path)
    return SigningKey(_parse_hex_key(text, "private key"))


def public_key_of(private_path: Path) -> str:
    """The hex public key belonging to a private key file."""
    return load_signing_key(private_path).verify_key.encode().hex()


def read_public_key(public_path: Path) -> str:
    """Read a public key file and return the normalised hex key."""
    try:
        text = public_path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"The public key file {public_path} cannot be read.",
            hint="Check the path; a public key file holds 64 hexadecimal characters.",
        ) from exc
    return _parse_hex_key(text, "public key").hex()


def sign_bytes(data: bytes, private_path: Path) -> bytes:
    """The raw 64-byte detached Ed25519 signature of ``data``."""
    return load_signing_key(private_path).sign(data).signature


def sign_file(path: Path, private_path: Path) -> bytes:
    """The raw 64-byte detached signature of the file at ``path``."""
    return sign_bytes(path.read_bytes(), private_path)


def verify_signature(tag_manifest_bytes: bytes, sig_bytes: bytes | None,
                     trusted_public_keys: Iterable[str]) -> str:
    """Check a detached signature against the trusted keys; return the key that signed.

    Raises:
        InvalidInput: the signature is missing, malformed, wrong, or made by a key this
            kiosk does not trust.
    """
    keys = [k for k in trusted_public_keys if k and k.strip()]
    if sig_bytes is None or len(sig_bytes) == 0:
        raise InvalidInput(
            f"The package is not signed: it has no {SIGNATURE_FILE} file.",
            hint="Build the package with `khojaly-kiosk build-package`, which signs it.",
        )
    if len(sig_bytes) != SIGNATURE_SIZE:
        raise InvalidInput(
            f"The package signature is damaged: it has {len(sig_bytes)} bytes instead of "
            f"{SIGNATURE_SIZE}.",
            hint="Copy the package again from the curator's original.",
        )
    if not keys:
        raise InvalidInput(
            "This kiosk trusts no signing key, so it cannot accept any package.",
            hint="Add the curator's public key to trusted_keys in config.toml.",
        )
    for key_hex in keys:
        raw = _parse_hex_key(key_hex, "trusted key")
        try:
            VerifyKey(raw).verify(tag_manifest_bytes, sig_bytes)
        except BadSignatureError:
            continue
        return raw.hex()
    raise InvalidInput(
        "The package signature does not match any key this kiosk trusts: it was changed "
        "after signing or signed by an unknown key.",
        hint="Use a package signed by your curator, or add their public key to trusted_keys.",
    )
