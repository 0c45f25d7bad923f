"""Measured from outside: processes started, timed to their first frame, held idle, summed.

* ``first_paint``: start a command with ``KHOJALY_FIRST_PAINT=quit``; wall time from just
  before the start to the monotonic stamp it prints at its first painted frame, and its CPU
  time (user + system, whole life) from ``wait4``.
* ``held``: start it with ``KHOJALY_FIRST_PAINT=1``, wait for the frame, hold ``seconds``, read
  ``/proc/PID/smaps_rollup`` (and the per-mapping PSS), stop it with SIGTERM.
* ``chromium``: Chromium on a page (``--kiosk`` under Xvfb, else ``--headless=new``), PSS
  summed over every process it started, measured ``seconds`` after its page logged ready (or
  after it logged ``until``).
* ``xvfb``: an X server of our own for the Xvfb variants.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from _common import MIB, children_of, pids_running, pss_of, smaps_by_mapping, smaps_rollup

MARK = "khojaly-first-paint"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--enable-logging=stderr", "--window-size=1920,1080"]


class Failed(RuntimeError):
    """A measured process did not do what it should (no frame, exited early)."""


def _read_until(proc: subprocess.Popen[str], marker: str, timeout: float) -> str:
    """Lines of ``proc``'s stderr up to the one that starts with (or contains) ``marker``."""
    assert proc.stderr is not None
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stderr], [], [], 0.5)
        if ready:
            line = proc.stderr.readline()
            if not line:
                break
            seen.append(line)
            if marker in line:
                return line
        elif proc.poll() is not None:
            break
    tail = "".join(seen[-8:])
    raise Failed(f"no {marker!r} within {timeout:.0f} s (exit {proc.poll()}): {tail[-600:]}")


def _drain(proc: subprocess.Popen[str]) -> None:
    if proc.stderr is not None:
        with suppress(OSError, ValueError):
            proc.stderr.read()


def first_paint(command: list[str], env: dict[str, str], timeout: float = 120
                ) -> dict[str, float]:
    """``{"wall_ms", "cpu_ms"}``: process start -> first painted frame; CPU of its life."""
    env = {**env, "KHOJALY_FIRST_PAINT": "quit"}
    started = time.monotonic()
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = _read_until(proc, MARK, timeout)
    except Failed:
        proc.kill()
        proc.wait()
        raise
    painted = float(line.split(MARK, 1)[1].split()[0])
    _drain(proc)
    try:
        _pid, status, usage = os.wait4(proc.pid, 0)
    except ChildProcessError:
        usage, status = None, 0
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = (usage.ru_utime + usage.ru_stime) * 1000 if usage is not None else float("nan")
    return {"wall_ms": (painted - started) * 1000, "cpu_ms": cpu}


def _stop(proc: subprocess.Popen[Any], grace: float = 10) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def held(command: list[str], env: dict[str, str], seconds: float, timeout: float = 120
         ) -> dict[str, Any]:
    """PSS/RSS/anonymous memory ``seconds`` after the first painted frame."""
    env = {**env, "KHOJALY_FIRST_PAINT": "1"}
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _read_until(proc, MARK, timeout)
        time.sleep(seconds)
        if proc.poll() is not None:
            raise Failed(f"exited ({proc.returncode}) while idle")
        fields = smaps_rollup(proc.pid)
        mappings = smaps_by_mapping(proc.pid)
    finally:
        _stop(proc)
        _drain(proc)
    return {"pss_mib": fields["Pss"] / MIB, "rss_mib": fields["Rss"] / MIB,
            "anon_mib": fields["Anonymous"] / MIB, "mappings": mappings}


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(url: str, seconds: float, display: str | None, until: str = "khojaly-ready",
             timeout: float = 120) -> dict[str, Any]:
    """Chromium's summed PSS ``seconds`` after its page logged ``until``."""
    binary = chromium_binary()
    if binary is None:
        raise Failed("chromium is not installed (apt-get install chromium)")
    before = pids_running(os.path.realpath("/usr/lib/chromium") + "/")
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile:
        flags = [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
        env = dict(os.environ)
        if display is not None:
            flags.insert(0, "--kiosk")
            env["DISPLAY"] = display
        else:
            flags.insert(0, "--headless=new")
        proc = subprocess.Popen([binary, *flags, url], env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            _read_until(proc, until, timeout)
            time.sleep(seconds)
            if proc.poll() is not None:
                raise Failed(f"chromium exited ({proc.returncode})")
            started_by_it = children_of(proc.pid) | (
                pids_running(os.path.realpath("/usr/lib/chromium") + "/") - before)
            total = pss_of(started_by_it)
        finally:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            _stop(proc)
            _drain(proc)
            leftovers = pids_running(os.path.realpath("/usr/lib/chromium") + "/") - before
            for pid in leftovers:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
    return {"pss_mib": total.get("Pss", 0) / MIB, "rss_mib": total.get("Rss", 0) / MIB,
            "processes": total["processes"], "headless": display is None}


@contextmanager
def xvfb() -> Iterator[str | None]:
    """``DISPLAY`` of a fresh Xvfb 1920x1080x24 for the block, or None without Xvfb."""
    binary = shutil.which("Xvfb")
    if binary is None:
        yield None
        return
    number = next(n for n in range(91, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    proc = subprocess.Popen([binary, f":{number}", "-screen", "0", "1920x1080x24",
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            _stop(proc)
            yield None
            return
        time.sleep(0.1)
    try:
        yield f":{number}"
    finally:
        _stop(proc)
