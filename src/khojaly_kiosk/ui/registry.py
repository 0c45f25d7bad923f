"""Every visitor screen the shell can show, by navigation key.

Adding a screen: write ``ui/screens/<name>.py`` with a ``ContentScreen`` subclass, add its key
to ``ui/navigation.py`` and one line here. The shell builds each screen on first visit.
The attract and unavailable screens are the shell's own (full window, no archive needed).
"""

from __future__ import annotations

from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screen import ContentScreen
from khojaly_kiosk.ui.screens.commemoration import CommemorationScreen
from khojaly_kiosk.ui.screens.home import HomeScreen
from khojaly_kiosk.ui.screens.monuments import MonumentsScreen
from khojaly_kiosk.ui.screens.name import NameScreen
from khojaly_kiosk.ui.screens.names import NamesScreen
from khojaly_kiosk.ui.screens.passages import AboutScreen, LegalScreen
from khojaly_kiosk.ui.screens.reader import ReaderScreen
from khojaly_kiosk.ui.screens.recognition import RecognitionScreen
from khojaly_kiosk.ui.screens.remembrance import RemembranceScreen
from khojaly_kiosk.ui.screens.sources import SourcesScreen
from khojaly_kiosk.ui.screens.statistics import StatisticsScreen
from khojaly_kiosk.ui.screens.testimonies import TestimoniesScreen
from khojaly_kiosk.ui.screens.timeline import TimelineScreen

SCREENS: dict[str, type[ContentScreen]] = {
    keys.HOME: HomeScreen,
    keys.TESTIMONIES: TestimoniesScreen,
    keys.TESTIMONY_READER: ReaderScreen,
    keys.TIMELINE: TimelineScreen,
    keys.COMMEMORATION: CommemorationScreen,
    keys.STATISTICS: StatisticsScreen,
    keys.NAMES: NamesScreen,
    keys.NAME: NameScreen,
    keys.RECOGNITION: RecognitionScreen,
    keys.MONUMENTS: MonumentsScreen,
    keys.REMEMBRANCE: RemembranceScreen,
    keys.ABOUT: AboutScreen,
    keys.LEGAL: LegalScreen,
    keys.SOURCES: SourcesScreen,
}
