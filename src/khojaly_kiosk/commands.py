"""What each CLI subcommand does. Heavy imports happen inside the command that needs them.

Read-only commands (``status``, ``verify``, ``doctor`` without ``--fix``) never change the
data folder: they do not create it or its sub-folders, open archives and the state file
read-only, and ``verify`` unpacks a zip in a scratch folder it removes again.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khojaly_kiosk.errors import ArchiveUnavailable, InvalidInput, printable, printable_lines
from khojaly_kiosk.paths import DataPaths, data_paths
from khojaly_kiosk.settings import Settings, load_settings

if TYPE_CHECKING:
    from khojaly_kiosk.content.report import ValidationReport


def _context(args: argparse.Namespace, **overrides: Any) -> tuple[DataPaths, Settings]:
    paths = data_paths(args.data_dir).ensure()
    return paths, load_settings(paths.root, **overrides)


def _readonly_context(args: argparse.Namespace) -> tuple[DataPaths, Settings]:
    """The data folder and settings, creating nothing (for commands that only read)."""
    paths = data_paths(args.data_dir)
    return paths, load_settings(paths.root)


def _log_to_file(paths: DataPaths, settings: Settings) -> None:
    """Unexpected errors of a command that writes go to logs/kiosk.log, never the screen."""
    import logging

    from khojaly_kiosk.kiosk.core.logs import setup_logging

    setup_logging(paths.logs, settings.log_level)
    logging.getLogger("bagit").setLevel(logging.WARNING)  # one line per file otherwise


def run(args: argparse.Namespace) -> int:
    from khojaly_kiosk import app

    fullscreen = (args.fullscreen or args.kiosk) and not args.windowed
    paths, settings = _context(args, fullscreen=fullscreen or None,
                               kiosk_mode=(args.kiosk and not args.windowed) or None)
    return app.run(paths, settings, size=args.size, quit_after=args.quit_after,
                   screenshot=args.screenshot)


def status(args: argparse.Namespace) -> int:
    from khojaly_kiosk.archive.generations import GenerationStore

    paths, settings = _readonly_context(args)
    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    if store.current() is None and not store.list() and not store.pointer_problem():
        raise ArchiveUnavailable(
            "No archive is installed yet.",
            hint="Run `khojaly-kiosk run` once (it builds the demo archive) or import a package.",
        )
    live = store.open_live(repair=False)  # chooses what the kiosk would show; changes nothing
    try:
        summary = live.repos.summary()
    finally:
        live.close()
    print(f"Live generation: {summary.generation}")
    if live.fell_back_from or live.fallback_reason:
        print(f"Warning: {printable(live.fallback_reason)} The kiosk shows {live.name}"
              + (f" in place of {live.fell_back_from}." if live.fell_back_from else "."))
    notice = store.fallback_notice()
    if notice and not live.fell_back_from:
        print(f"Warning: since {notice.get('since')}, {notice.get('served')} is shown in place "
              f"of {notice.get('instead_of')} ({printable(str(notice.get('reason', '')))}); "
              "`khojaly-kiosk doctor --fix` acknowledges it.")
    print(f"Package version: {summary.package_version}")
    if summary.title:
        print(f"Title: {printable(summary.title)}")
    if summary.built_at:
        print(f"Built at: {printable(summary.built_at)}")
    for name, count in summary.counts.items():
        print(f"  {name:<14} {count}")
    return 0


def doctor(args: argparse.Namespace) -> int:
    from khojaly_kiosk.doctor import fix_data_folder, run_checks

    paths = data_paths(args.data_dir)
    if getattr(args, "fix", False):
        for line in fix_data_folder(paths):
            print(line)
    results = run_checks(paths)
    for result in results:
        print(result.line())
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"{len(failed)} problem(s) found; the lines marked FIX say what to do.")
        return 3
    print("Everything checked is in order.")
    return 0


def tour(args: argparse.Namespace) -> int:
    from khojaly_kiosk import app

    paths, settings = _context(args)
    sizes = args.sizes or [(1920, 1080), (1080, 1920)]
    return app.tour(paths, settings, args.out_dir, sizes, args.languages)


def keygen(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.trust.signing import generate_keypair

    public = args.public or args.private_key.with_suffix(".pub")
    key_id = generate_keypair(args.private_key, public)
    print(f"Wrote the private key to {args.private_key} (keep it secret) and the public key "
          f"to {public}.")
    if key_id:
        print(f"Public key: {key_id}")
    return 0


def build_package(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.package import build_package as build
    from khojaly_kiosk.content.progress import TextProgress

    out = build(args.src_dir, args.out, private_key=args.key, version=args.package_version,
                title=args.title, exhibition_id=args.exhibition_id,
                source_org=args.organization, zip=args.zip, progress=TextProgress(sys.stderr))
    print(f"Wrote the package {out}.")
    return 0


def _print_report(report: ValidationReport, as_json: bool) -> None:
    if as_json:  # JSON escapes C0 controls itself; C1 (0x80-0x9f) are escaped here
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2).translate(
            {code: f"\\u{code:04x}" for code in range(0x80, 0xA0)}))
    else:  # a value quoted from a package never reaches the terminal as an escape code
        print(printable_lines(report.to_text()))


def verify(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.package import verify_package
    from khojaly_kiosk.content.progress import TextProgress

    paths, settings = _readonly_context(args)
    progress = None if args.json else TextProgress(sys.stderr)
    result = verify_package(args.package, trusted_keys=_trusted_keys(paths, settings),
                            progress=progress, tmp_root=paths.tmp)
    _print_report(result.report, args.json)
    return 0 if result.report.ok else 1


def _trusted_keys(paths: DataPaths, settings: Settings) -> tuple[str, ...]:
    from khojaly_kiosk.content.installed import trusted_keys

    return tuple(trusted_keys(paths, settings))


def import_package(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.pipeline import import_package as do_import
    from khojaly_kiosk.content.progress import TextProgress

    paths, settings = _context(args)
    _log_to_file(paths, settings)
    progress = None if args.json else TextProgress(sys.stderr)
    result = do_import(args.package, paths, settings, progress=progress)
    _print_report(result.report, args.json)
    if not args.json:
        print(result.message())
    return 0 if result.report.ok else 1


def rollback(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.installed import rollback as do_rollback
    from khojaly_kiosk.content.installed import rollback_listing

    if getattr(args, "list", False):
        paths, _settings = _readonly_context(args)
        print(rollback_listing(paths))
        return 0
    paths, settings = _context(args)
    _log_to_file(paths, settings)
    message = do_rollback(paths, to_version=args.to_version)
    print(message)
    return 0


def set_pin(args: argparse.Namespace) -> int:
    from khojaly_kiosk.kiosk.core.pin import set_pin as store_pin
    from khojaly_kiosk.kiosk.core.state import StateStore

    paths, _settings = _context(args)
    if not sys.stdin.isatty():
        pin = sys.stdin.readline().strip()
        again = pin
    else:
        pin = getpass.getpass("New staff PIN (4-12 digits): ")
        again = getpass.getpass("The same PIN again: ")
    if pin != again:
        raise InvalidInput("The two PINs differ; nothing was changed.")
    with StateStore.open(paths.state_db) as state:
        store_pin(state, pin)
    print("The staff PIN is set.")
    return 0


def export_stats(args: argparse.Namespace) -> int:
    from khojaly_kiosk.kiosk.core.state import StateStore
    from khojaly_kiosk.kiosk.core.usage import export_csv

    paths, _settings = _context(args)
    out: Path = args.out
    with StateStore.open(paths.state_db) as state:
        rows = export_csv(state, out)
    print(f"Wrote {rows} rows of aggregate counts to {out}.")
    return 0
