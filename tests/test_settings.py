"""Settings: defaults < config.toml < KHOJALY_* environment < explicit flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from khojaly_kiosk.errors import InvalidInput
from khojaly_kiosk.settings import load_settings


def test_defaults_when_nothing_is_configured(tmp_path: Path) -> None:
    settings = load_settings(tmp_path, environ={})
    assert settings.default_language == "az"
    assert settings.idle_seconds == 90
    assert settings.kiosk_mode is False


def test_file_then_environment_then_flags(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        'idle_seconds = 120\ndefault_language = "en"\ntrusted_keys = ["ab", "cd"]\n',
        encoding="utf-8")
    settings = load_settings(tmp_path, environ={"KHOJALY_IDLE_SECONDS": "45"})
    assert settings.idle_seconds == 45
    assert settings.default_language == "en"
    assert settings.trusted_keys == ("ab", "cd")
    assert load_settings(tmp_path, environ={}, idle_seconds=30).idle_seconds == 30


def test_a_wrong_value_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="idle_seconds has the value 'soon'"):
        load_settings(tmp_path, environ={"KHOJALY_IDLE_SECONDS": "soon"})


def test_an_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not one of az, en, ru, tr"):
        load_settings(tmp_path, environ={"KHOJALY_DEFAULT_LANGUAGE": "fr"})


def test_booleans_from_the_environment(tmp_path: Path) -> None:
    assert load_settings(tmp_path, environ={"KHOJALY_KIOSK_MODE": "yes"}).kiosk_mode is True
    with pytest.raises(InvalidInput):
        load_settings(tmp_path, environ={"KHOJALY_KIOSK_MODE": "maybe"})


def test_unknown_keys_are_named_with_a_likely_fix(tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    from khojaly_kiosk.settings import config_problems

    (tmp_path / "config.toml").write_text(
        'idle_secs = 30\ntrusted_key = "ab"\nzebra = 1\nidle_seconds = 60\n', encoding="utf-8")
    problems = config_problems(tmp_path)
    assert len(problems) == 3
    assert "unknown key 'idle_secs' — did you mean 'idle_seconds'? It is ignored." in problems[0]
    assert "did you mean 'trusted_keys'?" in problems[1]
    assert problems[2].endswith("unknown key 'zebra'. It is ignored.")
    with caplog.at_level("WARNING"):
        settings = load_settings(tmp_path, environ={})
    assert settings.idle_seconds == 60  # the known key still applies
    assert "unknown key 'idle_secs' — did you mean 'idle_seconds'?" in caplog.text


def test_fleet_settings_have_defaults_and_are_checked(tmp_path: Path) -> None:
    settings = load_settings(tmp_path, environ={})
    assert settings.inbox_dirs == () and settings.inbox_import == "closed-hours"
    (tmp_path / "config.toml").write_text(
        'inbox_dirs = ["/srv/sync/inbox"]\ninbox_import = "at-once"\nkiosk_id = "baku-1"\n',
        encoding="utf-8")
    settings = load_settings(tmp_path, environ={})
    assert settings.inbox_dirs == ("/srv/sync/inbox",) and settings.kiosk_id == "baku-1"
    with pytest.raises(InvalidInput, match="inbox_import has the value 'tonight'"):
        load_settings(tmp_path, environ={"KHOJALY_INBOX_IMPORT": "tonight"})
