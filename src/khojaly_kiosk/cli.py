"""The ``khojaly-kiosk`` console script.

Exit codes: 0 ok, 1 rejected or invalid input, 2 usage, 3 environment problem.
Messages are sentences; a traceback is never printed for an expected problem.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from khojaly_kiosk import __version__
from khojaly_kiosk.errors import KioskError, printable_lines

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_ENV = 0, 1, 2, 3
EXIT_PIPE = 141  # what a shell reports for a command whose reader went away (128 + SIGPIPE)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1920x1080") from exc
    if not (320 <= width <= 8000 and 320 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r} is outside 320x320 .. 8000x8000")
    return width, height


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khojaly-kiosk",
        description="Khojaly Memorial Kiosk: a touch-screen memorial exhibit.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="data folder (default: KHOJALY_DATA_DIR or the platform data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="open the kiosk (windowed unless --fullscreen/--kiosk)")
    run.add_argument("--fullscreen", action="store_true", help="fullscreen window")
    run.add_argument("--kiosk", action="store_true",
                     help="production kiosk mode: fullscreen, locked down, cursor hidden")
    run.add_argument("--windowed", action="store_true", help="a normal window (the default)")
    run.add_argument("--size", type=_size, default=(1920, 1080), help="window size, e.g. 1080x1920")
    run.add_argument("--quit-after", type=float, default=None, metavar="SECONDS",
                     help="close by itself after SECONDS (smoke tests)")
    run.add_argument("--screenshot", type=Path, default=None,
                     help="save a PNG of the first screen after it is painted")

    status = sub.add_parser("status", help="print the live generation and counts (changes "
                            "nothing)")
    status.add_argument("--json", action="store_true",
                        help="the status monitoring reads (as in status-<kiosk>.json)")
    fleet = sub.add_parser("fleet-report",
                           help="one table of many kiosks' status files: behind, failing, silent")
    fleet.add_argument("folder", type=Path, help="the folder holding status-*.json files")
    fleet.add_argument("--csv", type=Path, default=None, metavar="OUT",
                       help="also write the table as CSV")
    fleet.add_argument("--silent-hours", type=float, default=6.0, metavar="N",
                       help="a kiosk not heard of for N hours is silent (default 6)")
    fleet.add_argument("--expect-version", type=int, default=None, metavar="V",
                       help="kiosks below package version V are behind (default: the newest)")
    doctor = sub.add_parser("doctor", help="check fonts, Qt, archive, data folder; say what to "
                            "fix (changes nothing without --fix)")
    doctor.add_argument("--json", action="store_true", help="print the checks as JSON")
    doctor.add_argument("--fix", action="store_true",
                        help="remove what interrupted imports left and acknowledge a fallback "
                        "to an earlier archive generation")

    find_name = sub.add_parser("find-name", help="search the names as a visitor would")
    find_name.add_argument("query", help="a name or its beginning, in any script or spelling")
    find_name.add_argument("--json", action="store_true")
    find_name.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")

    tour = sub.add_parser("tour", help="render every screen and state to PNG, each with the "
                          "text a visitor reads")
    tour.add_argument("out_dir", type=Path)
    tour.add_argument("--size", type=_size, action="append", dest="sizes",
                      help="repeatable, default 1920x1080 and 1080x1920")
    tour.add_argument("--language", action="append", dest="languages",
                      help="repeatable; default every language")
    tour.add_argument("--variant", action="append", dest="variants",
                      choices=("normal", "high-contrast", "x1.25", "x1.5"),
                      help="repeatable; default all: normal, high contrast and each text size")
    tour.add_argument("--text-scale", type=float, choices=(1.0, 1.25, 1.5), default=1.0,
                      help="render only this text-size step (without --variant)")
    tour.add_argument("--high-contrast", action="store_true",
                      help="render only the high-contrast palette (without --variant)")

    keygen = sub.add_parser("keygen", help="create an Ed25519 signing key pair")
    keygen.add_argument("private_key", type=Path)
    keygen.add_argument("--public", type=Path, default=None)

    build = sub.add_parser("build-package", help="validate a content folder and write a package")
    build.add_argument("src_dir", type=Path)
    build.add_argument("out", type=Path)
    build.add_argument("--key", type=Path, required=True, help="private signing key")
    build.add_argument("--version", dest="package_version", type=int, required=True)
    build.add_argument("--title", default="")
    build.add_argument("--exhibition-id", default="")
    build.add_argument("--organization", default="")
    build.add_argument("--zip", action="store_true")
    build.add_argument("--strict", action="store_true",
                       help="refuse the package when its content has warnings")
    build.add_argument("--write-ids", action="store_true",
                       help="first write stable ids into timeline rows that have none")

    verify = sub.add_parser("verify", help="check a package and print its report")
    verify.add_argument("package", type=Path)
    verify.add_argument("--json", action="store_true")
    verify.add_argument("--public-key", type=Path, action="append", dest="public_keys",
                        metavar="KEY.pub",
                        help="check against this public key (repeatable), not this kiosk's")

    sheets = sub.add_parser("export-sheets",
                            help="write a content folder as CSV files or one workbook")
    sheets.add_argument("src_dir", type=Path)
    sheets.add_argument("out_dir", type=Path)
    sheets.add_argument("--workbook", action="store_true",
                        help="one content.xlsx with a sheet per kind instead of CSV files")
    templates = sub.add_parser("templates", help="write the empty CSV and XLSX templates")
    templates.add_argument("out_dir", type=Path)

    imp = sub.add_parser("import", help="import a package as a new archive generation")
    imp.add_argument("package", type=Path)
    imp.add_argument("--json", action="store_true")

    rollback = sub.add_parser("rollback", help="go back to a kept earlier package")
    rollback.add_argument("--to", type=int, default=None, dest="to_version")
    rollback.add_argument("--list", action="store_true",
                          help="list the kept generations it can go to (changes nothing)")

    _translations_parser(sub)

    sub.add_parser("set-pin", help="set the staff PIN (asked for on the terminal)")
    stats = sub.add_parser("export-stats", help="write aggregate usage counts to CSV")
    stats.add_argument("--out", type=Path, required=True)
    return parser


def _translations_parser(sub: Any) -> None:
    """``translations export|import|status``: the translation workflow of a content folder."""
    parser = sub.add_parser("translations", help="export, import and check content translations")
    actions = parser.add_subparsers(dest="translations_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write what there is to translate, for one "
                                "language (XLIFF 2.0 for CAT tools, XLSX or CSV for sheets)")
    export.add_argument("content_dir", type=Path)
    export.add_argument("out", type=Path)
    export.add_argument("--language", required=True, help="az, ru or tr")
    export.add_argument("--format", dest="fmt", choices=("xliff", "xlsx", "csv"),
                        default="xliff")
    imp = actions.add_parser("import", help="check a translated file and merge it into "
                             "CONTENT_DIR/translations (nothing is merged if it has errors)")
    imp.add_argument("file", type=Path)
    imp.add_argument("content_dir", type=Path)
    imp.add_argument("--language", default=None, help="refuse a file for another language")
    imp.add_argument("--translator", default="", help="who translated the changed segments")
    imp.add_argument("--reviewer", default="", help="who reviewed them")
    imp.add_argument("--date", default="", help="YYYY-MM-DD (default: today)")
    imp.add_argument("--json", action="store_true")
    status = actions.add_parser("status", help="coverage per language and every stale segment")
    status.add_argument("content_dir", type=Path)
    status.add_argument("--json", action="store_true")


def _commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    from khojaly_kiosk import commands

    return {
        "run": commands.run,
        "status": commands.status,
        "fleet-report": commands.fleet_report,
        "doctor": commands.doctor,
        "find-name": commands.find_name,
        "tour": commands.tour,
        "keygen": commands.keygen,
        "build-package": commands.build_package,
        "verify": commands.verify,
        "export-sheets": commands.export_sheets,
        "templates": commands.templates,
        "import": commands.import_package,
        "rollback": commands.rollback,
        "set-pin": commands.set_pin,
        "export-stats": commands.export_stats,
        "translations": commands.translations,
    }


def main(argv: Sequence[str] | None = None) -> int:
    import logging

    # A log file that cannot be written (a full disk) must not print a traceback either.
    logging.raiseExceptions = False
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code = _commands()[args.command](args)
        sys.stdout.flush()  # a reader that left (`| head`) is met here, not at interpreter exit
        return code
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_PIPE
    except KioskError as err:
        print(printable_lines(err.message), file=sys.stderr)
        if err.hint:
            print(printable_lines(err.hint), file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return EXIT_INVALID


def _discard_stdout() -> None:
    """The reader of our output has gone: send what Python still holds for it nowhere, so
    closing the interpreter prints no second error (Python's documented recipe for SIGPIPE)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
