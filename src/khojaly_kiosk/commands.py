"""What each CLI subcommand does. Heavy imports happen inside the command that needs them."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khojaly_kiosk.errors import ArchiveUnavailable, InvalidInput
from khojaly_kiosk.paths import DataPaths, data_paths
from khojaly_kiosk.settings import Settings, load_settings

if TYPE_CHECKING:
    from khojaly_kiosk.content.report import ValidationReport


def _context(args: argparse.Namespace, **overrides: Any) -> tuple[DataPaths, Settings]:
    paths = data_paths(args.data_dir).ensure()
    return paths, load_settings(paths.root, **overrides)


def run(args: argparse.Namespace) -> int:
    from khojaly_kiosk import app

    fullscreen = (args.fullscreen or args.kiosk) and not args.windowed
    paths, settings = _context(args, fullscreen=fullscreen or None,
                               kiosk_mode=(args.kiosk and not args.windowed) or None)
    return app.run(paths, settings, size=args.size, quit_after=args.quit_after,
                   screenshot=args.screenshot)


def status(args: argparse.Namespace) -> int:
    from khojaly_kiosk.archive.generations import GenerationStore

    paths, settings = _context(args)
    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    if store.current() is None:
        raise ArchiveUnavailable(
            "No archive is installed yet.",
            hint="Run `khojaly-kiosk run` once (it builds the demo archive) or import a package.",
        )
    live = store.open_live()
    summary = live.repos.summary()
    print(f"Live generation: {summary.generation}")
    if live.fell_back_from:
        print(f"Warning: generation {live.fell_back_from} was damaged and was moved aside.")
    print(f"Package version: {summary.package_version}")
    if summary.title:
        print(f"Title: {summary.title}")
    if summary.built_at:
        print(f"Built at: {summary.built_at}")
    for name, count in summary.counts.items():
        print(f"  {name:<14} {count}")
    return 0


def doctor(args: argparse.Namespace) -> int:
    from khojaly_kiosk.doctor import run_checks

    paths = data_paths(args.data_dir)
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
    return app.tour(paths, settings, args.out_dir, sizes, args.languages, args.variants)


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

    out = build(args.src_dir, args.out, private_key=args.key, version=args.package_version,
                title=args.title, exhibition_id=args.exhibition_id,
                source_org=args.organization, zip=args.zip)
    print(f"Wrote the package {out}.")
    return 0


def _print_report(report: ValidationReport, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report.to_text())


def verify(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.package import verify_package
    from khojaly_kiosk.content.progress import TextProgress

    paths, settings = _context(args)
    progress = None if args.json else TextProgress(sys.stderr)
    result = verify_package(args.package, trusted_keys=_trusted_keys(paths, settings),
                            progress=progress)
    _print_report(result.report, args.json)
    return 0 if result.report.ok else 1


def _trusted_keys(paths: DataPaths, settings: Settings) -> tuple[str, ...]:
    from khojaly_kiosk.content.installed import trusted_keys

    return tuple(trusted_keys(paths, settings))


def import_package(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.pipeline import import_package as do_import
    from khojaly_kiosk.content.progress import TextProgress

    paths, settings = _context(args)
    progress = None if args.json else TextProgress(sys.stderr)
    result = do_import(args.package, paths, settings, progress=progress)
    _print_report(result.report, args.json)
    if not args.json:
        print(result.message())
    return 0 if result.report.ok else 1


def rollback(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.installed import rollback as do_rollback

    paths, _settings = _context(args)
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
