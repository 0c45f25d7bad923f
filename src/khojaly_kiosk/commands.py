"""What each CLI subcommand does. Heavy imports happen inside the command that needs them.

Read-only commands (``status``, ``verify``, ``doctor`` without ``--fix``) never change the
data folder: they do not create it or its sub-folders, open archives and the state file
read-only, and ``verify`` unpacks a zip in a scratch folder it removes again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khojaly_kiosk.errors import ArchiveUnavailable, InvalidInput, printable, printable_lines
from khojaly_kiosk.paths import DataPaths, data_paths
from khojaly_kiosk.settings import Settings, load_settings

if TYPE_CHECKING:
    from khojaly_kiosk.archive.generations import LiveArchive
    from khojaly_kiosk.archive.records import ArchiveSummary, NameRecord, TranslationCoverage
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


def _live_archive(args: argparse.Namespace) -> LiveArchive:
    from khojaly_kiosk.archive.generations import GenerationStore

    paths, settings = _readonly_context(args)
    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    if store.current() is None and not store.list() and not store.pointer_problem():
        raise ArchiveUnavailable(
            "No archive is installed yet.",
            hint="Run `khojaly-kiosk run` once (it builds the demo archive) or import a package.",
        )
    return store.open_live(repair=False)  # what the kiosk would show; changes nothing


def status(args: argparse.Namespace) -> int:
    if args.json:
        # What the running kiosk writes to status-<kiosk>.json (uptime: not this process).
        from khojaly_kiosk.kiosk.core.status import StatusSource

        paths, settings = _readonly_context(args)
        print(json.dumps(StatusSource(paths, settings).collect(), ensure_ascii=False,
                         indent=2))
        return 0
    from khojaly_kiosk.archive.generations import GenerationStore

    paths, settings = _readonly_context(args)
    store = GenerationStore(paths.archives, keep=settings.keep_generations)
    live = _live_archive(args)
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
    _print_coverage(summary.coverage)
    return 0


def coverage_fields(summary: ArchiveSummary) -> dict[str, Any]:
    """The translation coverage of the live archive, as ``status --json`` reports it."""
    return {"translation_coverage": [c.to_dict() for c in summary.coverage]}


def _print_coverage(coverage: tuple[TranslationCoverage, ...]) -> None:
    """``Translation coverage: az: 93 % of 412 segments, 12 stale; ru: ...`` (if any)."""
    if coverage:
        print("Translation coverage: " + "; ".join(c.sentence() for c in coverage))


def _name_facts(record: NameRecord) -> list[str]:
    """What a visitor reads beside a name: only the values the archive holds."""
    facts = []
    if record.birth_year is not None:
        facts.append(f"born {record.birth_year}")
    if record.age is not None:
        facts.append(f"age {record.age}")
    return facts + [value for value in (record.village, record.category) if value]


def find_name(args: argparse.Namespace) -> int:
    """Print the names a visitor would find for QUERY (exit 0 with or without hits)."""
    if not 1 <= args.limit <= 500:
        raise InvalidInput("--limit must be between 1 and 500.")
    live = _live_archive(args)
    try:
        found = list(live.repos.names.search(args.query, args.limit))
    finally:
        live.close()
    if args.json:
        print(json.dumps([{
            "id": r.id, "name": r.name, "birth_year": r.birth_year, "age": r.age,
            "village": r.village, "category": r.category,
            "source": ({"id": r.source.id, "citation": r.source.short or r.source.title}
                       if r.source else None),
        } for r in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(f"No recorded name matches {args.query!r}.")
        return 0
    print(f"{len(found)} recorded name(s) match {args.query!r}:")
    for record in found:
        print("  " + "  ·  ".join([record.name, *_name_facts(record)]))
        if record.source is not None:
            print(f"      Source: {record.source.short or record.source.title}")
    return 0


def doctor(args: argparse.Namespace) -> int:
    from khojaly_kiosk.doctor import fix_data_folder, report_json, run_checks

    paths = data_paths(args.data_dir)
    if getattr(args, "fix", False):
        for line in fix_data_folder(paths):
            print(line)
    results = run_checks(paths)
    if getattr(args, "json", False):
        print(json.dumps(report_json(results), ensure_ascii=False, indent=2))
        return 0 if all(r.ok for r in results) else 3
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
    return app.tour(paths, settings, args.out_dir, sizes, args.languages, args.variants,
                    text_scale=args.text_scale, high_contrast=args.high_contrast)


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
    from khojaly_kiosk.content.package import build_package_checked
    from khojaly_kiosk.content.progress import TextProgress
    from khojaly_kiosk.content.translation_workflow.catalogue import folder_coverage

    if args.write_ids:
        from khojaly_kiosk.content.spreadsheets import write_timeline_ids

        rows = write_timeline_ids(args.src_dir)
        if rows:
            print(f"Wrote stable ids into the timeline for rows {', '.join(map(str, rows))}.")
    built = build_package_checked(args.src_dir, args.out, private_key=args.key,
                                  version=args.package_version, title=args.title,
                                  exhibition_id=args.exhibition_id,
                                  source_org=args.organization, zip=args.zip,
                                  strict=args.strict, progress=TextProgress(sys.stderr))
    if built.report.warnings:
        print(printable_lines(built.report.to_text()))
    _print_coverage(folder_coverage(args.src_dir))
    print(f"Wrote the package {built.path}.")
    return 0


def export_sheets(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.spreadsheets import export_sheets as export

    out = export(args.src_dir, args.out_dir, workbook=args.workbook)
    print(f"Wrote the content of {args.src_dir} as "
          f"{'one workbook, content.xlsx,' if args.workbook else 'CSV files'} in {out}.")
    return 0


def templates(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.spreadsheets import write_templates

    written = write_templates(args.out_dir)
    print(f"Wrote {len(written)} empty templates to {args.out_dir}.")
    return 0


def _json_text(data: object) -> str:
    """JSON escapes C0 controls itself; C1 (0x80-0x9f) are escaped here too."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(
        {code: f"\\u{code:04x}" for code in range(0x80, 0xA0)})


def _print_report(report: ValidationReport, as_json: bool) -> None:
    if as_json:
        print(_json_text(report.to_json()))
    else:  # a value quoted from a package never reaches the terminal as an escape code
        print(printable_lines(report.to_text()))


def verify(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.package import verify_package
    from khojaly_kiosk.content.progress import TextProgress

    paths, settings = _readonly_context(args)
    if args.public_keys:
        # The curator's own machine: no kiosk, no data folder; the keys given are trusted.
        from khojaly_kiosk.content.trust.signing import read_public_key

        keys = tuple(read_public_key(path) for path in args.public_keys)
    else:
        keys = _trusted_keys(paths, settings)
    progress = None if args.json else TextProgress(sys.stderr)
    result = verify_package(args.package, trusted_keys=keys, progress=progress,
                            tmp_root=paths.tmp)
    if args.json:
        out = result.report.to_json()
        out["translation_coverage"] = [c.to_dict() for c in result.coverage]
        print(_json_text(out))
    else:
        _print_report(result.report, False)
        _print_coverage(result.coverage)
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
    from khojaly_kiosk.kiosk.core.ledger import record_import_result

    record_import_result(paths.root, Path(args.package), bool(result.report.ok and
                         result.generation), result.message(), result.version, "command")
    _print_report(result.report, args.json)
    if not args.json:
        print(result.message())
    return 0 if result.report.ok else 1


def fleet_report(args: argparse.Namespace) -> int:
    import time

    from khojaly_kiosk.kiosk.core.fleet import PROBLEM_STATES, fleet_table, read_fleet, write_csv

    rows = read_fleet(args.folder, time.time(), silent_hours=args.silent_hours,
                      expected_version=args.expect_version)
    print(fleet_table(rows))
    if args.csv is not None:
        write_csv(rows, args.csv)
        print(f"Wrote the report to {args.csv}.")
    return 1 if any(r.state in PROBLEM_STATES for r in rows) else 0


def rollback(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.installed import rollback_listing
    from khojaly_kiosk.content.upgrade import rollback as do_rollback

    if getattr(args, "list", False):
        paths, _settings = _readonly_context(args)
        print(rollback_listing(paths))
        return 0
    paths, settings = _context(args)
    _log_to_file(paths, settings)
    message = do_rollback(paths, settings, to_version=args.to_version)
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
        import getpass

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


def translations(args: argparse.Namespace) -> int:
    """``translations export|import|status`` (see cli.py)."""
    action = {"export": _translations_export, "import": _translations_import,
              "status": _translations_status}[args.translations_command]
    return action(args)


def _translations_export(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.translation_workflow.export import export_translations

    result = export_translations(args.content_dir, args.language, args.fmt, args.out)
    print(result.message())
    return 0


def _translations_import(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.translation_workflow.importer import (
        Credit,
        check_language_option,
        import_translations,
    )

    check_language_option(args.language)
    result = import_translations(args.file, args.content_dir, args.language,
                                 Credit(args.translator.strip(), args.reviewer.strip(),
                                        args.date.strip()))
    if args.json:
        out = result.report.to_json()
        out.update(merged=result.merged, added=result.added, replaced=result.replaced,
                   unchanged=result.unchanged, stale=result.stale,
                   coverage=result.coverage.to_dict() if result.coverage else None)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        if result.report.problems:
            print(result.report.to_text())
        print(result.message())
    return 0 if result.report.ok else 1


def _translations_status(args: argparse.Namespace) -> int:
    from khojaly_kiosk.content.translation_workflow.status import folder_status

    status = folder_status(args.content_dir)
    if args.json:
        print(json.dumps(status.to_json(), ensure_ascii=False, indent=2))
    else:
        print(status.to_text())
    return 0
