from __future__ import annotations

import logging
from pathlib import Path

import pytest

from khojaly_kiosk.kiosk.core.logs import LOG_FILE, REDACTED, VisitorInput, setup_logging


def test_logs_go_to_a_rotating_file_without_visitor_input(tmp_path: Path) -> None:
    logger = logging.getLogger("khojaly_kiosk.test_logs")
    logger.propagate = False
    handler = setup_logging(tmp_path / "logs", "INFO", logger=logger)
    try:
        query = VisitorInput("Səvinc")
        logger.info("search for %s returned %d rows", query, 3)
        logger.info("search %(q)s", {"q": query})
        logger.info(query)
        logger.info("keyboard text %s", "Əliyev", extra={"visitor_input": True})
        logger.warning("archive generation %s is live", "gen-000002")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "Səvinc" not in text and "Əliyev" not in text
    assert f"search for {REDACTED} returned 3 rows" in text
    assert "gen-000002 is live" in text
    assert handler.maxBytes > 0 and handler.backupCount > 0


def _journal_lines(journal: bool) -> list[str]:
    import io

    from khojaly_kiosk.kiosk.core.logs import StderrHandler

    stream = io.StringIO()
    logger = logging.getLogger(f"khojaly_kiosk.test_journal_{journal}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    handler = StderrHandler(stream, journal=journal)
    logger.addHandler(handler)
    try:
        logger.info("Kiosk window shown %d ms after start.", 812)
        logger.info("search for %s", VisitorInput("Səvinc"))
        try:
            raise ValueError("broken row")
        except ValueError:
            logger.exception("unhandled error; returning to the attract screen")
    finally:
        logger.removeHandler(handler)
    return stream.getvalue().splitlines()


def test_the_journal_gets_one_entry_per_line_with_its_priority() -> None:
    lines = _journal_lines(journal=True)
    name = "khojaly_kiosk.test_journal_True"
    assert lines[0] == f"<6>{name}: Kiosk window shown 812 ms after start."
    assert lines[1] == f"<6>{name}: search for {REDACTED}"
    assert lines[2] == f"<3>{name}: unhandled error; returning to the attract screen"
    # The traceback's lines are errors too, not info entries without a priority.
    assert lines[3] == "<3>Traceback (most recent call last):"
    assert lines[-1] == "<3>ValueError: broken row"
    assert all(line.startswith(("<6>", "<3>")) for line in lines)


def test_a_terminal_gets_time_stamped_lines_without_visitor_input() -> None:
    lines = _journal_lines(journal=False)
    assert " INFO khojaly_kiosk.test_journal_False: Kiosk window shown 812 ms" in lines[0]
    assert lines[1].endswith(f"search for {REDACTED}")
    assert not any("Səvinc" in line or line.startswith("<") for line in lines)


def test_journal_stream_is_recognised_by_the_inode_systemd_names(tmp_path: Path) -> None:
    import os

    from khojaly_kiosk.kiosk.core.logs import stderr_is_journal

    with (tmp_path / "stream").open("w") as stream:
        info = os.fstat(stream.fileno())
        assert stderr_is_journal(stream, {"JOURNAL_STREAM": f"{info.st_dev}:{info.st_ino}"})
        assert not stderr_is_journal(stream, {"JOURNAL_STREAM": f"{info.st_dev}:1"})
        assert not stderr_is_journal(stream, {})


def test_setup_logging_adds_stderr_once(tmp_path: Path) -> None:
    from khojaly_kiosk.kiosk.core.logs import StderrHandler

    logger = logging.getLogger("khojaly_kiosk.test_logs_once")
    logger.propagate = False
    handlers = [setup_logging(tmp_path / "logs", "INFO", logger=logger) for _ in range(2)]
    try:
        assert sum(isinstance(h, StderrHandler) for h in logger.handlers) == 1
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
    assert len(handlers) == 2


def test_without_any_stderr_the_file_log_still_works(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # The windowed Windows program (khojaly-kiosk.exe) runs with sys.stderr = None.
    monkeypatch.setattr("sys.stderr", None)
    failures: list[logging.LogRecord] = []  # logging swallows a handler's error without stderr
    monkeypatch.setattr(logging.Handler, "handleError",
                        lambda _self, record: failures.append(record))
    logger = logging.getLogger("khojaly_kiosk.test_logs_no_stderr")
    logger.propagate = False
    handler = setup_logging(tmp_path / "logs", "INFO", logger=logger)
    try:
        logger.warning("archive generation %s is live", "gen-000003")
    finally:
        for extra in list(logger.handlers):
            logger.removeHandler(extra)
            extra.close()
    assert "gen-000003 is live" in (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert failures == []
    assert handler.maxBytes > 0
