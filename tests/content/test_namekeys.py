"""content/namekeys.py: the search keys of names, made beside the writer for long lists."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool

import pytest

from khojaly_kiosk.archive import search, transliterate
from khojaly_kiosk.content import namekeys
from khojaly_kiosk.content.namekeys import KeyMaker, name_keys

BATCHES = [[(f"Səvinc Əliyeva {b}-{i}", i, "synthetic-a") for i in range(50)] for b in range(7)]


def test_name_keys_are_the_fold_the_sort_key_and_the_search_keys() -> None:
    name = "Səvinc İsmayıl"
    assert name_keys(name) == (transliterate.fold(name), search.sort_key(name),
                               " ".join(transliterate.name_search_keys(name)))
    assert name_keys(name)[2] == "sevinc ismayil savinj"


@pytest.mark.slow  # spawns a helper process
def test_the_helper_process_gives_the_same_rows_in_order() -> None:
    with KeyMaker(parallel=True) as keys:
        keyed = list(keys.keyed(iter(BATCHES)))
    with KeyMaker(parallel=False) as keys:
        assert list(keys.keyed(iter(BATCHES))) == keyed
    assert keyed[3][7] == ("Səvinc Əliyeva 3-7", *name_keys("Səvinc Əliyeva 3-7"), 7,
                           "synthetic-a")


def test_a_helper_that_breaks_is_replaced_by_this_process(monkeypatch: pytest.MonkeyPatch,
                                                          ) -> None:
    class BrokenPool:
        def submit(self, *_args: object) -> object:
            raise BrokenProcessPool("the helper died")

        def shutdown(self, **_kwargs: object) -> None:
            pass

    monkeypatch.setattr(namekeys, "ProcessPoolExecutor", lambda **_kwargs: BrokenPool())
    with KeyMaker(parallel=True) as keys:
        keyed = list(keys.keyed(iter(BATCHES)))
    assert [len(batch) for batch in keyed] == [50] * 7
    assert keyed[0][0][1:4] == name_keys("Səvinc Əliyeva 0-0")
