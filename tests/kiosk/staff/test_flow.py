"""The staff room's status sentences read in the kiosk's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from khojaly_kiosk.kiosk.staff.flow import staff_status
from khojaly_kiosk.ui.i18n import Translations


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "No archive is live."),
    ("az", "Aktiv arxiv yoxdur."),
    ("ru", "Нет действующего архива."),
    ("tr", "Etkin arşiv yok."),
])
def test_the_status_sentence_is_in_the_kiosks_language(qapp, tmp_path: Path, lang, sentence):
    translations = Translations()
    translations.switch(qapp, lang)
    try:
        assert staff_status(None, tmp_path).integrity == sentence
    finally:
        translations.uninstall(qapp)
