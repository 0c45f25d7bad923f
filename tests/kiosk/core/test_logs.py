from __future__ import annotations

import logging
from pathlib import Path

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
