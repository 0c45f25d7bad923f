"""Ed25519 key files, signing and verification."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from khojaly_kiosk.content.trust.signing import (
    generate_keypair,
    key_fingerprint,
    public_key_of,
    read_public_key,
    sign_bytes,
    sign_file,
    verify_signature,
)
from khojaly_kiosk.errors import InvalidInput


def test_keypair_files_are_hex_and_private_key_is_0600(tmp_path: Path) -> None:
    public_hex = generate_keypair(tmp_path / "k.key", tmp_path / "k.pub")
    assert len(public_hex) == 64
    assert read_public_key(tmp_path / "k.pub") == public_hex
    assert public_key_of(tmp_path / "k.key") == public_hex
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "k.key").stat().st_mode) == 0o600


def test_generate_keypair_refuses_to_overwrite(tmp_path: Path) -> None:
    generate_keypair(tmp_path / "k.key", tmp_path / "k.pub")
    before = (tmp_path / "k.key").read_bytes()
    with pytest.raises(InvalidInput, match="already exists"):
        generate_keypair(tmp_path / "k.key", tmp_path / "other.pub")
    assert (tmp_path / "k.key").read_bytes() == before
    assert not (tmp_path / "other.pub").exists()


def test_signature_verifies_with_the_trusted_key_and_names_it(tmp_path: Path) -> None:
    public_hex = generate_keypair(tmp_path / "k.key", tmp_path / "k.pub")
    other = generate_keypair(tmp_path / "o.key", tmp_path / "o.pub")
    (tmp_path / "manifest.txt").write_bytes(b"abc data/x\n")
    signature = sign_file(tmp_path / "manifest.txt", tmp_path / "k.key")
    assert verify_signature(b"abc data/x\n", signature, [other, public_hex]) == public_hex
    assert len(key_fingerprint(public_hex)) == 16


def test_changed_data_is_rejected(tmp_path: Path) -> None:
    public_hex = generate_keypair(tmp_path / "k.key", tmp_path / "k.pub")
    signature = sign_bytes(b"original", tmp_path / "k.key")
    with pytest.raises(InvalidInput, match="does not match any key"):
        verify_signature(b"originaL", signature, [public_hex])


def test_untrusted_key_is_rejected(tmp_path: Path) -> None:
    generate_keypair(tmp_path / "k.key", tmp_path / "k.pub")
    trusted = generate_keypair(tmp_path / "t.key", tmp_path / "t.pub")
    signature = sign_bytes(b"data", tmp_path / "k.key")
    with pytest.raises(InvalidInput, match="does not match any key") as err:
        verify_signature(b"data", signature, [trusted])
    assert "trusted_keys" in err.value.hint


@pytest.mark.parametrize(("sig", "message"), [
    (None, "not signed"),
    (b"", "not signed"),
    (b"x" * 10, "damaged"),
])
def test_missing_or_malformed_signature(tmp_path: Path, sig: bytes | None, message: str) -> None:
    public_hex = generate_keypair(tmp_path / "k.key", tmp_path / "k.pub")
    with pytest.raises(InvalidInput, match=message):
        verify_signature(b"data", sig, [public_hex])


def test_no_trusted_keys_is_a_clear_error(tmp_path: Path) -> None:
    generate_keypair(tmp_path / "k.key", tmp_path / "k.pub")
    signature = sign_bytes(b"data", tmp_path / "k.key")
    with pytest.raises(InvalidInput, match="trusts no signing key"):
        verify_signature(b"data", signature, [])


def test_malformed_trusted_key_is_a_clear_error(tmp_path: Path) -> None:
    generate_keypair(tmp_path / "k.key", tmp_path / "k.pub")
    signature = sign_bytes(b"data", tmp_path / "k.key")
    with pytest.raises(InvalidInput, match="not a hexadecimal Ed25519 key"):
        verify_signature(b"data", signature, ["not-hex"])


def test_missing_private_key_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        sign_bytes(b"data", tmp_path / "absent.key")
