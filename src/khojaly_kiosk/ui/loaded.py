"""Remembers what a screen last built, so entering it again unchanged skips the rebuild.

Rebuilding a screen's cards on every visit cost 60-170 ms a tap on the demo archive (see
benchmarks/bench_navigation.py); the content only changes with the archive generation, the
language or a filter, so those are the key.
"""

from __future__ import annotations


class LoadedKey:
    """The inputs a screen's content was last built from.

    Objects (the archive, a repository) compare by identity, so a swapped archive generation
    or a replaced repository always rebuilds; strings and numbers compare by value.
    """

    def __init__(self) -> None:
        self._parts: tuple[object, ...] | None = None

    def changed(self, *parts: object) -> bool:
        """True (and remember ``parts``) unless the content was built from these same inputs."""
        if self._parts is not None and len(parts) == len(self._parts) and all(
                _same(a, b) for a, b in zip(parts, self._parts, strict=True)):
            return False
        self._parts = parts
        return True

    def forget(self) -> None:
        """Rebuild on the next entry whatever the inputs."""
        self._parts = None


def _same(a: object, b: object) -> bool:
    if isinstance(a, (str, int, float, bool, type(None))):
        return type(a) is type(b) and a == b
    return a is b
