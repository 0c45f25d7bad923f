"""Search keys of names (``name_keys``), made beside the archive writer for large lists.

Folding and sort keys cost a few microseconds per name in Python: seconds for a million
names. For a large list they are made in one spawned helper process while the writer parses
the next rows and inserts the previous ones, so the two cores of a kiosk PC share the work.
When the helper cannot start (or dies), the keys are made in this process: slower, same
result.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from khojaly_kiosk.archive import search, transliterate

log = logging.getLogger(__name__)

# The search keys of each name, in this order after its ``name`` column.
NAME_KEY_COLUMNS = ("folded", "sort_key", "search_keys")
HELPER_MIN_BYTES = 4 * 1024 * 1024  # smaller lists are done before a helper would start
_IN_FLIGHT = 3  # batches handed to the helper ahead of the one being written


def name_keys(name: str) -> tuple[str, str, str]:
    """The search keys of one name (``NAME_KEY_COLUMNS``): the one place they are made
    (``transliterate.name_search_keys`` gives the words it is found by in any script)."""
    folded = transliterate.fold(name)
    return folded, search.sort_key(name), " ".join(transliterate.search_keys_of(name, folded))


def keys_of(names: list[str]) -> list[tuple[str, str, str]]:
    """``name_keys`` of each name (what the helper process runs)."""
    return [name_keys(name) for name in names]


class KeyMaker:
    """Keys for batches of names, in order, from a helper process when ``parallel``."""

    def __init__(self, parallel: bool) -> None:
        self._pool: ProcessPoolExecutor | None = None
        if parallel:
            try:
                # The helper only makes strings and tuples, none in a cycle: without the
                # cyclic collector it does not walk them again and again.
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                    initializer=gc.disable)
            except (OSError, ValueError) as exc:
                log.info("Name keys are made in this process (%s).", exc)

    def __enter__(self) -> KeyMaker:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def keyed(self, batches: Iterator[list[tuple[object, ...]]],
              ) -> Iterator[list[tuple[object, ...]]]:
        """Each batch of rows (the name first) with its search keys after the name."""
        pending: deque[tuple[list[tuple[object, ...]], Future[list[tuple[str, str, str]]] | None]]
        pending = deque()
        for batch in batches:
            pending.append((batch, self._submit([str(row[0]) for row in batch])))
            while len(pending) > _IN_FLIGHT:
                yield self._joined(*pending.popleft())
        while pending:
            yield self._joined(*pending.popleft())

    def _submit(self, names: list[str]) -> Future[list[tuple[str, str, str]]] | None:
        if self._pool is None:
            return None
        try:
            return self._pool.submit(keys_of, names)
        except (BrokenProcessPool, RuntimeError) as exc:
            self._give_up(exc)
            return None

    def _joined(self, batch: list[tuple[object, ...]],
                future: Future[list[tuple[str, str, str]]] | None) -> list[tuple[object, ...]]:
        keys: list[tuple[str, str, str]] | None = None
        if future is not None:
            try:
                keys = future.result()
            except (BrokenProcessPool, OSError, RuntimeError) as exc:
                self._give_up(exc)
        if keys is None:
            keys = keys_of([str(row[0]) for row in batch])
        return [(row[0], *key, *row[1:]) for row, key in zip(batch, keys, strict=True)]

    def _give_up(self, exc: BaseException) -> None:
        log.warning("The name key helper stopped (%s); making the keys here.", exc)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
