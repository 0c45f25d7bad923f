"""Typed, frozen settings: defaults < ``config.toml`` in the data dir < ``KHOJALY_*`` env."""

from __future__ import annotations

import dataclasses
import logging
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from khojaly_kiosk.errors import InvalidInput

LANGUAGES = ("az", "en", "ru", "tr")
INBOX_IMPORT_MODES = ("closed-hours", "at-once")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """What can be configured; where the data folder is comes from ``paths.DataPaths``."""

    default_language: str = "az"
    fullscreen: bool = False
    kiosk_mode: bool = False
    idle_seconds: int = 90
    countdown_seconds: int = 15
    attract_slide_seconds: int = 8
    reduced_motion: bool = False
    opening_hours: str = ""  # e.g. "09:00-18:00"; empty means always open
    keep_generations: int = 3
    demo_mode: bool = True
    trusted_keys: tuple[str, ...] = ()  # hex Ed25519 public keys
    log_level: str = "INFO"
    # A fleet of kiosks (docs/fleet.md): folders a sync engine fills with packages, when
    # they are imported, and where this kiosk reports its status for monitoring.
    inbox_dirs: tuple[str, ...] = ()
    inbox_import: str = "closed-hours"  # or "at-once"
    inbox_scan_seconds: int = 60
    inbox_settle_seconds: int = 30  # a copy must stay unchanged this long before it is read
    kiosk_id: str = ""  # empty: the machine's host name
    status_dir: str = ""  # empty: DATA/status
    status_seconds: int = 300
    textfile_dir: str = ""  # node_exporter's textfile folder; empty: the status folder

    def with_(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _coerce(name: str, kind: Any, raw: Any) -> Any:
    text = str(raw).strip()
    try:
        if kind in (bool, "bool"):
            if isinstance(raw, bool):
                return raw
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        if kind in (int, "int"):
            if isinstance(raw, bool):
                raise ValueError(text)
            return int(raw)
        if kind in ("tuple[str, ...]",):
            if isinstance(raw, list | tuple):
                return tuple(str(x) for x in raw)
            return tuple(x.strip() for x in text.split(",") if x.strip())
        if kind in ("Path",):
            return Path(text).expanduser()
        return text
    except ValueError as exc:
        raise InvalidInput(
            f"The setting {name} has the value {text!r}, which is not a valid {kind}.",
            hint="Fix it in config.toml or in the KHOJALY_* environment variable.",
        ) from exc


def load_settings(data_dir: Path, environ: dict[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """Build settings for ``data_dir``; explicit ``overrides`` (CLI flags) win over everything."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    config_file = data_dir / "config.toml"
    if config_file.is_file():
        try:
            values.update(tomllib.loads(config_file.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInput(
                f"The settings file {config_file} cannot be read: {exc}.",
                hint="Correct the file or remove it to use the defaults.",
            ) from exc
    known = {f.name: f.type for f in fields(Settings)}
    for name in known:
        key = f"KHOJALY_{name.upper()}"
        if key in env:
            values[name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    for name in sorted(set(values) - set(known)):
        values.pop(name)
    result = {name: _coerce(name, known[name], raw) for name, raw in values.items()}
    settings = Settings(**result)
    if settings.default_language not in LANGUAGES:
        raise InvalidInput(
            f"The default language {settings.default_language!r} is not one of "
            f"{', '.join(LANGUAGES)}.",
            hint="Set default_language to az, en, ru or tr.",
        )
    if settings.inbox_import not in INBOX_IMPORT_MODES:
        raise InvalidInput(
            f"The setting inbox_import has the value {settings.inbox_import!r}, which is not "
            f"one of {', '.join(INBOX_IMPORT_MODES)}.",
            hint='Write inbox_import = "closed-hours" (the default) or "at-once".',
        )
    for problem in config_problems(data_dir):
        log.warning("%s", problem)
    return settings


# Keys of config.toml read by the kiosk's session script before the program starts
# (packaging/session/kiosk-session), not by the program: known, so never "unknown".
# volume: the sound volume set when the session starts.
SESSION_KEYS = {"volume": "a whole number 0-100"}


def config_problems(data_dir: Path) -> list[str]:
    """A sentence for every key of ``config.toml`` that is no setting (it is ignored).

    A close match is suggested: "unknown key 'idle_secs' — did you mean 'idle_seconds'?".
    An unreadable file is not a problem here: ``load_settings`` refuses it with its line.
    """
    config_file = data_dir / "config.toml"
    try:
        values = tomllib.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return []
    known = [f.name for f in fields(Settings)]
    problems = []
    volume = values.get("volume")
    if "volume" in values and (isinstance(volume, bool) or not isinstance(volume, int)
                               or not 0 <= volume <= 100):
        problems.append(f"{config_file}: volume is {volume!r}, but must be "
                        f"{SESSION_KEYS['volume']}; the session leaves the volume as it is.")
    for name in values:
        if name in known or name in SESSION_KEYS:
            continue
        import difflib  # only when a key is unknown

        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        guess = f" — did you mean '{close[0]}'?" if close else "."
        problems.append(f"{config_file}: unknown key '{name}'{guess} It is ignored.")
    return problems
