"""Torture suites: prove the kiosk loses nothing under kill -9, corruption, hostile packages
and a monkey (issue 11, point 10). Outside the default test run; CI runs ``--quick``.

Usage::

    python tools/torture.py [all|kill|corrupt|hostile|monkey ...] [--quick] [--seed N]
                            [--json OUT] [--jobs N] [--events N] [--only TEXT] [--work DIR]

``--only TEXT`` runs just the kill, corrupt or hostile cases whose name contains TEXT: the
one-line reproduction of a failure, e.g. ``tools/torture.py hostile --only "Version '7²'"``.

Suites (each prints cases, survived, lost, and which check lost them):

- ``kill``: SIGKILL real ``khojaly-kiosk import``, ``rollback`` and start-up (``run`` offscreen
  with ``--quit-after``) processes at every named write point of the importer, before each
  write into the data folder, and at random moments. Afterwards: old or new generation live,
  integrity_check ok, earlier generations and state.sqlite byte-identical/intact, a clean next
  start, leftovers cleaned or reported, and a next import that works.
- ``corrupt``: damages the live archive.sqlite, the ``current`` pointer and state.sqlite, then
  runs ``status`` and ``doctor`` (which must change nothing and tell the truth) and starts the
  kiosk (which must serve the previous good generation or the calm unavailable screen).
- ``hostile``: >= 1,000 packages derived from a good signed one (byte flips, zip-slip, links,
  huge sizes, bag-info and Package-Version abuse, edited manifests, untrusted keys, replays,
  unicode and control characters, broken CSV rows, ...). Each must be refused with a readable
  report and exit code 1, leaving the live archive byte-identical. A mutation that still
  yields exactly the signed content (e.g. a flipped zip timestamp) may be accepted: "benign".
- ``monkey``: >= 100,000 random taps, swipes, keys (and window-manager close requests) on a
  kiosk-mode session in this process (offscreen Qt, a fake idle clock); counts exceptions,
  escapes, and idle resets that did not land on the attract screen.

``--quick`` runs each suite small enough for CI (about three minutes in all); the test
``tests/test_torture.py`` runs it. Exit code 0 when nothing was lost, 1 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from torturelib.runner import main

if __name__ == "__main__":
    sys.exit(main())
