"""One commemorated name: every field the archive holds, and the passage with its speaker.

The passage is quoted in the serif at reading size; who speaks it (the witness whose
testimony holds it word for word) is said in the sans beneath, with a way to that testimony.
A passage taken from an advised account waits behind its advisory (once per visit, shared with
the other screens). The name's credit (the document, and whom it quotes) is in the shell's
source strip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from khojaly_kiosk.archive.protocols import ArchiveRepos
from khojaly_kiosk.archive.records import Attribution, NameRecord
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.layout import empty_state, scroll_page
from khojaly_kiosk.ui.navigation import Navigator
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.services import ScreenServices
from khojaly_kiosk.ui.widgets.advisory import AdvisoryCard, is_advised
from khojaly_kiosk.ui.widgets.buttons import TouchButton, chevron_icon, set_trailing_icon
from khojaly_kiosk.ui.widgets.credit import quote_runs
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, plain_label

READING_WIDTH = 900


def advisory_key(name: str) -> str:
    """The ``AdvisoryLedger`` key of a name's passage."""
    return f"name:{name}"


class NameScreen(ContentScreen):
    """A name's page, opened from the wall, a search result or the Sources screen."""

    def __init__(self, repos: ArchiveRepos, nav: Navigator, services: ScreenServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(repos, nav, services, parent)
        self.record: NameRecord | None = None
        self.area, column = scroll_page(margins=(96, 48, 96, 48))
        self.name_label = plain_label("", "nameTitle")
        self.facts = plain_label("", "secondary")
        self.passage = ReadingParagraph("")
        self.passage.setProperty("quoted", True)  # a witness's words: the serif (base.qss)
        self.passage.setMaximumWidth(READING_WIDTH)
        self.speaker = plain_label("", "secondary")
        self.speaker.setMaximumWidth(READING_WIDTH)
        self.testimony_button = TouchButton("")
        set_trailing_icon(self.testimony_button, chevron_icon("right", 24))
        self.testimony_button.clicked.connect(self.open_testimony)
        # A passage from an advised account is read only after its advisory (once per visit).
        self.advisory = AdvisoryCard(compact=True)
        self.advisory.setMaximumWidth(1000)
        self.advisory.continue_requested.connect(self.read_passage)
        self.advisory.back_requested.connect(self.nav.back)
        self.advisory.hide()
        self.missing = empty_state()
        column.addStretch(1)  # a short page sits in the middle, like a page in a book
        for widget in (self.name_label, self.facts):
            column.addWidget(widget)
        column.addSpacing(24)
        column.addWidget(self.advisory)
        column.addWidget(self.passage)
        column.addWidget(self.speaker)
        # Absolute: the button lays its chevron out right-to-left, which would flip "left".
        column.addWidget(self.testimony_button, 0,
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        column.addWidget(self.missing)
        column.addStretch(2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Names")

    def enter(self, **args: Any) -> None:
        """Show the name ``name_id``."""
        name_id = args.get("name_id")
        self.record = self.repos.names.get(int(name_id)) if name_id is not None else None
        self._show()
        self.area.scroll_to_top()
        self.source_changed.emit(self.current_source())

    def prepare(self) -> None:
        """It shows the item a visitor opens: nothing to load ahead of that."""

    @property
    def showing_advisory(self) -> bool:
        return not self.advisory.isHidden()

    def _asks(self, record: NameRecord | None) -> bool:
        return (record is not None and bool(record.passage) and is_advised(record.advisory)
                and not self.services.advisories.passed(advisory_key(record.name)))

    def _show(self) -> None:
        record = self.record
        ask = self._asks(record)
        self.name_label.setText(record.name if record else "")
        if record is not None and ask:
            # The card first: no advised word is laid out before it is chosen.
            self.advisory.set_item(self.witness(record), record.advisory)
            self.passage.setText("")
        else:
            self.passage.set_runs(quote_runs(record.passage, record.quotes) if record else [])
        self.advisory.setVisible(ask)
        self.passage.setVisible(bool(record and record.passage) and not ask)
        self.retranslate()

    def read_passage(self) -> None:
        """The advisory's "Read the account": the passage is shown (not asked again)."""
        if self.record is not None:
            self.services.advisories.mark_passed(advisory_key(self.record.name))
            self._show()

    @staticmethod
    def witness(record: NameRecord) -> str:
        """Whose words the passage is: the quoted speaker, else the testimony's witness."""
        return next((q.words_of for q in record.quotes if q.words_of), record.speaker)

    def current_source(self) -> Attribution | None:
        """The name's credit: its document and whom it quotes (the shell's source strip)."""
        return self.record.attribution if self.record is not None else None

    def fields(self) -> list[str]:
        """Every field the archive holds about the name (labelled), none it does not."""
        record = self.record
        if record is None:
            return []
        fields = []
        if record.birth_year is not None:
            fields.append(self.tr("Born in %1").replace("%1", str(record.birth_year)))
        if record.age is not None:
            fields.append(self.tr("Age %1").replace("%1", str(record.age)))
        if record.village:
            fields.append(self.tr("Village: %1").replace("%1", record.village))
        if record.category:
            fields.append(record.category)
        return fields

    def open_testimony(self) -> None:
        if self.record is not None and self.record.testimony_id:
            self.nav.go(keys.TESTIMONY_READER, testimony_id=self.record.testimony_id)

    def retranslate(self) -> None:
        record = self.record
        fields = self.fields()
        self.facts.setText("   ·   ".join(fields))
        self.facts.setVisible(bool(fields))
        asks = self._asks(record)
        speaker = ""
        if record is not None and record.passage and record.speaker and not asks:
            who = ", ".join(p for p in (record.speaker, record.speaker_role) if p)
            speaker = self.tr("In the words of %1.").replace("%1", who)
        self.speaker.setText(speaker)
        self.speaker.setVisible(bool(speaker))
        self.testimony_button.setText(self.tr("Read the whole testimony"))
        self.testimony_button.setVisible(
            bool(record and record.passage and record.testimony_id) and not asks)
        self.advisory.set_back_text(self.tr("Back to the names"))
        self.missing.setText(self.tr("This name is not in the archive."))
        self.missing.setVisible(record is None)

    def reset(self) -> None:
        self.record = None
        self.area.scroll_to_top()
