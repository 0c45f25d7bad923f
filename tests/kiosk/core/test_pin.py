from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.kiosk.core.pin import (
    MAX_LOCKOUT_SECONDS,
    PinChecker,
    lockout_seconds,
    pin_is_set,
    set_pin,
    staff_mode_problem,
)
from khojaly_kiosk.kiosk.core.state import StateStore
from tests.support.kiosk import FakeClock


def test_pin_is_stored_only_as_an_argon2id_hash(state: StateStore, state_path: Path,
                                                 fast_hasher: PasswordHasher) -> None:
    set_pin(state, "482916", hasher=fast_hasher)
    (stored,) = state.query("SELECT hash FROM pin")[0]
    assert str(stored).startswith("$argon2id$")
    assert b"482916" not in state_path.read_bytes()


def test_default_hasher_is_argon2id(state: StateStore) -> None:
    set_pin(state, "4829")
    assert str(state.query("SELECT hash FROM pin")[0][0]).startswith("$argon2id$")
    assert PinChecker(state).check("4829").ok


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", "١٢٣٤", "12 34"])
def test_invalid_pins_are_refused(state: StateStore, pin: str) -> None:
    with pytest.raises(InvalidInput, match="4 to 12 digits"):
        set_pin(state, pin)
    assert not pin_is_set(state)


def test_no_pin_means_staff_mode_disabled(state: StateStore,
                                          fast_hasher: PasswordHasher) -> None:
    problem = staff_mode_problem(state)
    assert problem is not None and "set-pin" in problem
    assert not PinChecker(state, hasher=fast_hasher).check("0000").ok
    set_pin(state, "0000", hasher=fast_hasher)
    assert staff_mode_problem(state) is None


def test_right_pin_opens_and_wrong_pin_does_not(state: StateStore, clock: FakeClock,
                                                fast_hasher: PasswordHasher) -> None:
    set_pin(state, "2602", hasher=fast_hasher)
    checker = PinChecker(state, hasher=fast_hasher, clock=clock)
    assert not checker.check("2601").ok
    assert checker.check("2602").ok


def test_lockout_grows_and_is_capped() -> None:
    assert [lockout_seconds(n) for n in range(1, 8)] == [0, 0, 30, 60, 120, 240, 480]
    assert lockout_seconds(12) == MAX_LOCKOUT_SECONDS
    assert lockout_seconds(10**6) == MAX_LOCKOUT_SECONDS


def test_throttle_survives_reopening_the_state_file(state_path: Path, clock: FakeClock,
                                                    fast_hasher: PasswordHasher) -> None:
    with StateStore.open(state_path) as store:
        set_pin(store, "2602", hasher=fast_hasher)
        checker = PinChecker(store, hasher=fast_hasher, clock=clock)
        results = [checker.check("0000") for _ in range(3)]
        assert [r.retry_after for r in results] == [0, 0, 30]
    clock.advance(10)
    with StateStore.open(state_path) as store:  # as after a power cut
        checker = PinChecker(store, hasher=fast_hasher, clock=clock)
        locked = checker.check("2602")
        assert not locked.ok and locked.retry_after == 20
        clock.advance(20)
        doubled = checker.check("1111")
        assert doubled.retry_after == 60
        clock.advance(60)
        assert checker.check("2602").ok
        # Success resets the count: three more free attempts.
        assert checker.check("0000").retry_after == 0


def test_a_thousand_wrong_pins_stay_locked(state: StateStore, clock: FakeClock,
                                           fast_hasher: PasswordHasher) -> None:
    set_pin(state, "2602", hasher=fast_hasher)
    checker = PinChecker(state, hasher=fast_hasher, clock=clock)
    for _ in range(1000):
        result = checker.check("9999")
        clock.advance(1)
    assert not result.ok and result.locked
    # The right PIN is refused while locked: the lock is not a hint about correctness.
    assert not checker.check("2602").ok
    for _ in range(50):  # and with time moving fast enough to reach the hash every time
        clock.advance(MAX_LOCKOUT_SECONDS)
        result = checker.check("9999")
    assert result.retry_after == MAX_LOCKOUT_SECONDS
    assert not checker.check("2602").ok


def test_a_clock_set_backwards_cannot_lock_staff_out_for_longer_than_the_cap(
        state: StateStore, clock: FakeClock, fast_hasher: PasswordHasher) -> None:
    set_pin(state, "2602", hasher=fast_hasher)
    checker = PinChecker(state, hasher=fast_hasher, clock=clock)
    for _ in range(3):
        checker.check("0000")
    clock.advance(-86_400 * 365)
    assert checker.retry_after() == MAX_LOCKOUT_SECONDS
