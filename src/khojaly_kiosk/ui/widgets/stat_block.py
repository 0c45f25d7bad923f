"""One sentence of the text and its figures: the block the statistics screen is made of.

Figures that share a sentence ("Razed to the ground across the district were: 1 town, 1
township, ...") form a block: the words they share before them once at the top, a tile per
figure that may stand alone, its parts beneath it, and the whole sentence below when the tiles
leave some of its words unsaid. A figure whose label alone could mislead and that may not stand
alone (``show_alone`` false, e.g. the 56 member states of an organisation) is shown only inside
its sentence, never as a number of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from khojaly_kiosk.archive.records import StatisticRecord
from khojaly_kiosk.ui.widgets.stat_tile import StatTile, TileGrid
from khojaly_kiosk.ui.widgets.text import ReadingParagraph, plain_label

_LETTERS = re.compile(r"[^\W\d_]{2,}")


def blocks_of(statistics: Sequence[StatisticRecord]) -> list[list[StatisticRecord]]:
    """Consecutive figures of one sentence together (a figure without one is its own block)."""
    blocks: list[list[StatisticRecord]] = []
    for statistic in statistics:
        if blocks and statistic.sentence and blocks[-1][0].sentence == statistic.sentence:
            blocks[-1].append(statistic)
        else:
            blocks.append([statistic])
    return blocks


def shared_lead(headline: Sequence[StatisticRecord]) -> str:
    """The words before the figures when several figures share them (shown once)."""
    leads = {s.words_before for s in headline}
    return leads.pop() if len(headline) > 1 and len(leads) == 1 else ""


def leaves_words_unsaid(sentence: str, shown: Sequence[str]) -> bool:
    """True when ``sentence`` has words beyond ``shown`` (numbers and punctuation aside)."""
    rest = sentence
    for text in sorted((t for t in shown if t), key=len, reverse=True):
        rest = rest.replace(text, " ", 1)
    return bool(_LETTERS.search(rest))


def sentence_text(sentence: str) -> str:
    """A sentence as shown: the text's list lines kept, its blank lines between them dropped."""
    return re.sub(r"\n\s*\n", "\n", sentence.strip())


class StatBlock(QWidget):
    """The figures of one sentence: shared lead, tiles with their parts, the sentence."""

    def __init__(self, records: Sequence[StatisticRecord], lang: str,
                 every: Sequence[StatisticRecord], min_width: int = 380,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = list(records)
        headline = [s for s in records if s.show_alone and not s.part_of]
        in_sentence = [s for s in records if not s.show_alone and not s.part_of]
        lead = shared_lead(headline)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        self.lead = plain_label(lead, "statLead")
        self.lead.setVisible(bool(lead))
        column.addWidget(self.lead)
        self.tiles = [StatTile(s, lang, [p for p in every if p.part_of == s.id],
                               show_before=not lead) for s in headline]
        self.grid = TileGrid(min_width=min_width, max_columns=4)
        self.grid.set_tiles(list(self.tiles))
        self.grid.setVisible(bool(self.tiles))
        column.addWidget(self.grid)
        sentence = records[0].sentence
        shown: list[str] = [lead]
        for tile in self.tiles:
            s = tile.statistic
            shown += [s.words_before, s.qualifier, s.label, s.words_after]
            shown += [p.statistic.label for p in tile.parts]
        # A figure that may not stand alone is read in its own sentence, and only there.
        self.paragraphs = [ReadingParagraph(sentence_text(s.sentence)) for s in in_sentence
                           if s.sentence]
        for paragraph in self.paragraphs:
            column.addWidget(paragraph)
        unsaid = bool(self.tiles) and leaves_words_unsaid(sentence, shown)
        self.sentence = plain_label(sentence_text(sentence) if unsaid else "", "statSentence")
        self.sentence.setVisible(unsaid)
        column.addWidget(self.sentence)
