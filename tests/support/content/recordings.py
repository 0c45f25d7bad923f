"""Tiny real audio files for tests (synthetic silence, made with the standard library)."""

from __future__ import annotations

import io
import wave


def wav_bytes(frames: int = 800) -> bytes:
    """A real WAV file: ``frames`` samples of 8 kHz mono silence (a tenth of a second)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * frames)
    return buffer.getvalue()
