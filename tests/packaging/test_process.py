"""The real kiosk process under a stand-in for systemd: READY=1, watchdog pings, restarts.

Each test starts ``python -m khojaly_kiosk run --kiosk`` (offscreen) with ``$NOTIFY_SOCKET``
pointing at a datagram socket this test owns, and plays the supervisor's part of the unit
(``Type=notify``, ``WatchdogSec=``, ``Restart=always``, ``systemctl stop``).
"""

from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from khojaly_kiosk.content.installed import demo_key_paths
from khojaly_kiosk.paths import DataPaths

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"
WATCHDOG_USEC = 2_000_000  # the kiosk pings every WATCHDOG_USEC / 2, i.e. every second
START_TIMEOUT = 60.0  # the first start builds the demo archive; TimeoutStartSec= is 60 too
PING_TIMEOUT = 10.0  # generous: two cores are shared; the pings themselves are 1 s apart


class Supervisor:
    """Owns the notify socket and the kiosk processes it starts (at most one at a time)."""

    def __init__(self, folder: Path, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.log = folder / "kiosk-output.log"
        # AF_UNIX paths are limited to 108 bytes; pytest's tmp_path can be longer.
        self._short_dir = None if len(str(folder)) < 80 else tempfile.mkdtemp(prefix="kk-")
        self.socket_path = Path(self._short_dir or folder) / "notify.sock"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(self.socket_path))
        self.process: subprocess.Popen[bytes] | None = None

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("WATCHDOG_PID", None)
        env.update(NOTIFY_SOCKET=str(self.socket_path), WATCHDOG_USEC=str(WATCHDOG_USEC),
                   KHOJALY_DATA_DIR=str(self.data_dir),
                   PYTHONPATH=os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return env

    def start(self) -> float:
        """Start the kiosk; returns when it was started (monotonic seconds)."""
        assert self.process is None or self.process.poll() is not None
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "khojaly_kiosk", "run", "--kiosk"],
                env=self.env(), stdout=out, stderr=subprocess.STDOUT)
        return time.monotonic()

    def receive(self, timeout: float) -> bytes | None:
        self.sock.settimeout(timeout)
        try:
            return self.sock.recv(4096)
        except TimeoutError:
            return None

    def wait_for(self, prefix: bytes, timeout: float) -> bytes:
        """The next datagram starting with ``prefix``; fails with the kiosk's output if none."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            message = self.receive(left)
            if message is not None and message.startswith(prefix):
                return message
        pytest.fail(f"no {prefix!r} within {timeout:.0f} s; kiosk exit code "
                    f"{self.process and self.process.poll()}; output:\n{self.output()}")

    def drain(self) -> list[bytes]:
        messages = []
        while (message := self.receive(0.05)) is not None:
            messages.append(message)
        return messages

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    def status(self) -> subprocess.CompletedProcess[str]:
        """``khojaly-kiosk status`` on the same data folder (exit 0 = the archive opens)."""
        return subprocess.run([sys.executable, "-m", "khojaly_kiosk", "status"], env=self.env(),
                              capture_output=True, text=True, timeout=60, check=False)

    def live_generation(self) -> str:
        return (self.data_dir / "archives" / "current").read_text(encoding="utf-8").strip()

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.sock.close()
        self.socket_path.unlink(missing_ok=True)
        if self._short_dir:
            os.rmdir(self._short_dir)


@pytest.fixture
def supervisor(tmp_path: Path, fresh_data_dir: Path) -> Iterator[Supervisor]:
    sup = Supervisor(tmp_path, fresh_data_dir)
    yield sup
    sup.close()


def test_frozen_kiosk_stops_pinging_and_a_restart_serves_the_same_archive(
        supervisor: Supervisor) -> None:
    started = supervisor.start()
    ready = supervisor.wait_for(b"READY=1", START_TIMEOUT)
    first_ready = time.monotonic() - started
    assert b"STATUS=" in ready  # shown by `systemctl status`
    generation = supervisor.live_generation()

    ping_times = []
    for _ in range(3):
        supervisor.wait_for(b"WATCHDOG=1", PING_TIMEOUT)
        ping_times.append(time.monotonic())

    # A frozen GUI thread: the timer that pings cannot run, so systemd would see silence.
    assert supervisor.process is not None
    supervisor.process.send_signal(signal.SIGSTOP)
    time.sleep(0.2)
    supervisor.drain()  # a ping already in flight when it stopped
    silent_for = 3 * WATCHDOG_USEC / 1e6 / 2  # three ping intervals
    assert supervisor.receive(silent_for) is None

    # What systemd does when WatchdogSec= passes: SIGABRT/SIGKILL, then Restart=always.
    supervisor.process.send_signal(signal.SIGKILL)
    assert supervisor.process.wait(10) == -signal.SIGKILL
    restarted = supervisor.start()
    supervisor.wait_for(b"READY=1", START_TIMEOUT)
    second_ready = time.monotonic() - restarted
    supervisor.wait_for(b"WATCHDOG=1", PING_TIMEOUT)

    # The archive survived the kill: the same generation, not a rebuilt demo, and it opens.
    assert supervisor.live_generation() == generation
    status = supervisor.status()
    assert status.returncode == 0, status.stdout + status.stderr
    assert f"Live generation: {generation}" in status.stdout
    gaps = [b - a for a, b in itertools.pairwise(ping_times)]
    print(f"READY=1 after {first_ready:.2f} s (first start, builds the demo archive), "
          f"{second_ready:.2f} s after the restart; ping gaps "
          + ", ".join(f"{gap:.2f} s" for gap in gaps))


def test_sigterm_stops_the_kiosk_cleanly(supervisor: Supervisor) -> None:
    # `systemctl stop` (and a reboot) sends SIGTERM to every process of the unit.
    supervisor.start()
    supervisor.wait_for(b"READY=1", START_TIMEOUT)
    supervisor.drain()
    assert supervisor.process is not None
    stopping = time.monotonic()
    supervisor.process.send_signal(signal.SIGTERM)
    try:
        code = supervisor.process.wait(10)
    except subprocess.TimeoutExpired:
        pytest.fail("the kiosk was still running 10 s after SIGTERM")
    took = time.monotonic() - stopping
    assert code == 0, supervisor.output()
    # It told systemd it is stopping (the watchdog must not fire during a clean stop).
    assert supervisor.wait_for(b"STOPPING=1", 2) == b"STOPPING=1"
    assert supervisor.status().returncode == 0
    print(f"exit 0 {took:.2f} s after SIGTERM")


def test_killed_during_the_first_start_the_next_start_still_works(
        supervisor: Supervisor) -> None:
    # A power cut while the first start builds the demo archive must not leave a kiosk that
    # can never start again (Restart=always would then loop until the start limit).
    _private, public = demo_key_paths(DataPaths(supervisor.data_dir))
    supervisor.start()
    deadline = time.monotonic() + START_TIMEOUT
    # The demo key is written first, then the package is built and imported (a few hundred
    # milliseconds). Kill just after the key: the window of a 0-byte key is the next test's.
    while not (public.exists() and public.stat().st_size > 0):
        assert time.monotonic() < deadline, supervisor.output()
        time.sleep(0.002)
    assert supervisor.process is not None
    supervisor.process.kill()
    supervisor.process.wait(10)
    built = (supervisor.data_dir / "archives" / "current").exists()
    supervisor.start()
    supervisor.wait_for(b"READY=1", START_TIMEOUT)
    status = supervisor.status()
    assert status.returncode == 0, status.stdout + status.stderr + supervisor.output()
    print(f"killed {'after' if built else 'during'} the demo build; the restart served it")


def test_an_empty_demo_key_left_by_a_kill_does_not_stop_every_later_start(
        supervisor: Supervisor) -> None:
    # Seen for real when killed in the first second: keys/demo-signing.key created, not written.
    private, _public = demo_key_paths(DataPaths(supervisor.data_dir))
    private.parent.mkdir(parents=True, exist_ok=True)
    private.touch(mode=0o600)  # as generate_keypair creates it, before a byte is written
    supervisor.start()
    supervisor.wait_for(b"READY=1", START_TIMEOUT)
    status = supervisor.status()
    assert status.returncode == 0, status.stdout + status.stderr
