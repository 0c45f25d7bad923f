"""The staff PIN: argon2id hash in ``state.sqlite`` and a growing, persistent lock-out.

Three wrong PINs in a row lock the pad for 30 seconds; every further wrong PIN doubles the
lock-out, capped at one hour. The lock-out is stored as a wall-clock time so that pulling the
plug does not reset it. While locked, attempts are refused without checking the hash, so
hammering the pad costs no CPU and proves nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.kiosk.core.state import StateStore

if TYPE_CHECKING:  # argon2 (with its cffi bindings, ~2 MiB) is imported when a PIN is hashed
    from argon2 import PasswordHasher

Clock = Callable[[], float]

MIN_DIGITS = 4
MAX_DIGITS = 12
FREE_ATTEMPTS = 3
FIRST_LOCKOUT_SECONDS = 30
MAX_LOCKOUT_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class PinResult:
    """Outcome of one attempt. ``retry_after`` is whole seconds until the pad unlocks (0 = open)."""

    ok: bool
    retry_after: int = 0

    @property
    def locked(self) -> bool:
        return self.retry_after > 0


def _default_hasher() -> PasswordHasher:
    # argon2-cffi defaults are argon2id with RFC 9106 "low memory" parameters: fine for a kiosk.
    from argon2 import PasswordHasher

    return PasswordHasher()


def validate_pin(pin: str) -> str:
    """Return ``pin`` if it is 4-12 ASCII digits, else raise :class:`InvalidInput`."""
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise InvalidInput(
            f"A staff PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits.",
            hint="Choose a PIN of digits only, for example 6 digits that are not a date.",
        )
    return pin


def set_pin(state: StateStore, pin: str, *, hasher: PasswordHasher | None = None,
            clock: Clock = time.time) -> None:
    """Store ``pin`` as an argon2id hash and clear any lock-out (the CLI's ``set-pin``)."""
    encoded = (hasher or _default_hasher()).hash(validate_pin(pin))
    with state.transaction() as conn:
        conn.execute("INSERT INTO pin(id, hash, set_at) VALUES (1, ?, ?) "
                     "ON CONFLICT(id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at",
                     (encoded, clock()))
        conn.execute("UPDATE pin_throttle SET failures = 0, locked_until = 0 WHERE id = 1")


def clear_pin(state: StateStore) -> None:
    """Remove the PIN, which disables staff mode."""
    with state.transaction() as conn:
        conn.execute("DELETE FROM pin")
        conn.execute("UPDATE pin_throttle SET failures = 0, locked_until = 0 WHERE id = 1")


def pin_is_set(state: StateStore) -> bool:
    return bool(state.query("SELECT 1 FROM pin WHERE id = 1"))


def staff_mode_problem(state: StateStore) -> str | None:
    """For ``doctor``: a sentence when staff mode is unavailable, else ``None``."""
    if pin_is_set(state):
        return None
    return ("Staff mode is disabled because no staff PIN is set; "
            "run `khojaly-kiosk set-pin` to set one.")


def lockout_seconds(failures: int) -> int:
    """Lock-out after ``failures`` consecutive wrong PINs (0 while under the free attempts)."""
    if failures < FREE_ATTEMPTS:
        return 0
    # Cap the exponent so a million failures does not build a huge integer.
    doublings = min(failures - FREE_ATTEMPTS, 16)
    return min(FIRST_LOCKOUT_SECONDS * 2**doublings, MAX_LOCKOUT_SECONDS)


def _matches(hasher: PasswordHasher, encoded: str, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(hasher.verify(encoded, pin))
    except (VerificationError, InvalidHashError):
        return False


class PinChecker:
    """Checks staff PINs against ``state`` with the persistent throttle."""

    def __init__(self, state: StateStore, *, hasher: PasswordHasher | None = None,
                 clock: Clock = time.time) -> None:
        self._state = state
        self._hasher = hasher  # the default one is made at the first PIN checked
        self._clock = clock

    def retry_after(self) -> int:
        """Whole seconds until another attempt is allowed (0 when allowed now)."""
        rows = self._state.query("SELECT locked_until FROM pin_throttle WHERE id = 1")
        locked_until = float(rows[0][0]) if rows else 0.0  # type: ignore[arg-type]
        remaining = locked_until - self._clock()
        # Never report more than the cap: a clock set backwards must not lock staff out for days.
        return max(0, min(int(remaining + 0.999), MAX_LOCKOUT_SECONDS))

    def check(self, pin: str) -> PinResult:
        """Try ``pin``. Without a PIN set, every attempt fails (staff mode is disabled)."""
        wait = self.retry_after()
        if wait:
            return PinResult(ok=False, retry_after=wait)
        rows = self._state.query("SELECT hash FROM pin WHERE id = 1")
        if not rows:
            return PinResult(ok=False)
        encoded = str(rows[0][0])
        if self._hasher is None:
            self._hasher = _default_hasher()
        ok = _matches(self._hasher, encoded, pin)
        if ok:
            with self._state.transaction() as conn:
                conn.execute("UPDATE pin_throttle SET failures = 0, locked_until = 0 WHERE id = 1")
            return PinResult(ok=True)
        with self._state.transaction() as conn:
            failures = int(conn.execute(
                "SELECT failures FROM pin_throttle WHERE id = 1").fetchone()[0]) + 1
            lock = lockout_seconds(failures)
            conn.execute("UPDATE pin_throttle SET failures = ?, locked_until = ? WHERE id = 1",
                         (failures, self._clock() + lock if lock else 0))
        return PinResult(ok=False, retry_after=lock)
