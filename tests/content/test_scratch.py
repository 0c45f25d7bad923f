"""content/scratch.py: scratch folders inside the data folder; a killed process's are cleared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from khojaly_kiosk.content.scratch import clear_scratch, scratch_dir


def test_a_scratch_folder_in_use_is_kept_and_a_leftover_is_removed(tmp_path: Path) -> None:
    root = tmp_path / "tmp"
    leftover = root / "verify-killed"
    (leftover / "unpacked").mkdir(parents=True)
    (leftover / "unpacked" / "big.bin").write_bytes(b"x" * 1000)
    (root / "stray.part").write_bytes(b"x")
    with scratch_dir(root, "verify-") as busy:
        (busy / "file").write_bytes(b"in use")
        assert sorted(clear_scratch(root)) == ["stray.part", "verify-killed"]
        assert (busy / "file").read_bytes() == b"in use"
    assert not busy.exists()
    assert root.exists()  # it existed before: kept


def test_a_folder_of_a_killed_process_is_a_leftover(tmp_path: Path) -> None:
    root = tmp_path / "tmp"
    script = ("import os, sys\nfrom pathlib import Path\n"
              "from khojaly_kiosk.content.scratch import scratch_dir\n"
              "with scratch_dir(Path(sys.argv[1]), 'verify-') as folder:\n"
              "    (folder / 'half').write_bytes(b'x')\n"
              "    os._exit(9)  # killed: no clean-up runs\n")
    subprocess.run([sys.executable, "-c", script, str(root)], check=False)
    (left,) = root.iterdir()
    assert clear_scratch(root) == [left.name]
    assert list(root.iterdir()) == []
