"""Entry point of the frozen bundle: the same console script as ``khojaly-kiosk``."""

import multiprocessing

from khojaly_kiosk.cli import main

if __name__ == "__main__":
    # The import's worker processes (and multiprocessing's resource tracker) start this same
    # executable again; freeze_support() lets them run their code instead of the CLI.
    multiprocessing.freeze_support()
    raise SystemExit(main())
