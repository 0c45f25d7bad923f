"""About and Legal assessment: the archive's passages of a section, with their sources."""

from __future__ import annotations

from khojaly_kiosk.archive.records import PassageRecord, SourceRecord
from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.screens.passages import paragraphs_of
from khojaly_kiosk.ui.widgets.chips import SourceLine
from tests.support.fakes import FakeArchive, FakePassageRepo
from tests.support.qt import settle, tap, visible_texts

SYNTHETIC_SOURCE = SourceRecord(id="synthetic-ruling", kind="court",
                                title="Synthetic ruling for tests")
LEGAL = (
    PassageRecord(id="legal-1", section="legal", title="Synthetic legal heading",
                  body="First synthetic paragraph.\n\nSecond synthetic paragraph.",
                  source=SYNTHETIC_SOURCE),
    PassageRecord(id="legal-2", section="legal", title="",
                  body="An untitled synthetic passage without a source.", source=None),
)


def open_home(shell, qtbot):
    shell.home()
    settle(shell, qtbot)
    return shell.current_screen()


def with_legal(archive: FakeArchive) -> FakeArchive:
    archive.passages = FakePassageRepo([*archive.passages.section("about"),
                                        *archive.passages.section("remembrance"), *LEGAL])
    return archive


def test_paragraphs_split_on_blank_lines_only():
    assert paragraphs_of("\nOne line\nstill one.\n\n\nTwo.\r\n\r\nThree.  ") == [
        "One line\nstill one.", "Two.", "Three."]
    assert paragraphs_of("   ") == []


def test_home_offers_about_and_hides_a_section_the_archive_lacks(shell, qtbot):
    home = open_home(shell, qtbot)
    assert home.small_tiles[keys.ABOUT].isVisible()
    assert not home.small_tiles[keys.LEGAL].isVisible()  # the fake archive has no legal texts
    assert "About Khojaly" in visible_texts(home)
    shell.swap_repos(with_legal(FakeArchive()))
    home = open_home(shell, qtbot)
    assert home.small_tiles[keys.LEGAL].isVisible()
    assert "Legal assessment" in visible_texts(home)


def test_about_tile_opens_the_about_passages_with_their_source(shell, qtbot):
    home = open_home(shell, qtbot)
    tap(home.small_tiles[keys.ABOUT])
    settle(shell, qtbot)
    assert shell.current_key == keys.ABOUT
    assert shell.top_bar.title() == "About Khojaly"
    screen = shell.current_screen()
    texts = visible_texts(screen)
    assert "Test about passage" in texts
    assert "A synthetic about passage for tests." in texts
    lines = [w for w in screen.findChildren(SourceLine) if w.isVisibleTo(screen)]
    assert len(lines) == 1
    tap(lines[0].button)
    settle(shell, qtbot)
    assert shell.current_key == keys.SOURCES


def test_legal_page_shows_each_paragraph_and_only_the_sources_given(shell, qtbot):
    shell.swap_repos(with_legal(FakeArchive()))
    tap(open_home(shell, qtbot).small_tiles[keys.LEGAL])
    settle(shell, qtbot)
    screen = shell.current_screen()
    assert [p.text() for p in screen.paragraphs] == [
        "First synthetic paragraph.", "Second synthetic paragraph.",
        "An untitled synthetic passage without a source."]
    assert "Synthetic legal heading" in visible_texts(screen)
    assert len([w for w in screen.findChildren(SourceLine) if w.isVisibleTo(screen)]) == 1
    assert not screen.empty.isVisible()


def test_an_empty_section_says_so_calmly(shell, qtbot):
    shell.swap_repos(FakeArchive())
    shell.go(keys.LEGAL)
    settle(shell, qtbot)
    screen = shell.current_screen()
    assert visible_texts(screen) == ["Nothing is recorded in this section of the archive yet."]


def test_a_new_archive_generation_replaces_the_passages(shell, qtbot):
    shell.swap_repos(with_legal(FakeArchive()))
    shell.go(keys.LEGAL)
    settle(shell, qtbot)
    assert len(shell.current_screen().paragraphs) == 3
    shell.home()
    settle(shell, qtbot)
    shell.swap_repos(FakeArchive())
    shell.go(keys.LEGAL)
    settle(shell, qtbot)
    assert shell.current_screen().paragraphs == []


def test_the_pages_speak_the_visitors_language(shell, qtbot):
    shell.swap_repos(FakeArchive())
    shell.set_language("az")
    shell.go(keys.LEGAL)
    settle(shell, qtbot)
    assert shell.top_bar.title() == "Hüquqi qiymət"
    assert visible_texts(shell.current_screen()) == [
        "Arxivin bu bölməsində hələ heç nə qeydə alınmayıb."]
    shell.set_language("ru")
    assert shell.top_bar.title() == "Правовая оценка"
    assert visible_texts(shell.current_screen()) == ["В этом разделе архива пока ничего нет."]


class _TranslatedPassages:
    """Synthetic passages: a translated one (with its English original) and one not."""

    def __init__(self) -> None:
        from khojaly_kiosk.archive.records import TranslationCredit

        self.original = PassageRecord(id="legal-1", section="legal", title="Synthetic heading",
                                      body="An English synthetic paragraph.",
                                      source=SYNTHETIC_SOURCE)
        self.translated = PassageRecord(
            id="legal-1", section="legal", title="Sintetik başlıq",
            body="Sintetik abzas (synthetic translation).", source=SYNTHETIC_SOURCE,
            language="az", credit=TranslationCredit("en", ("Test Translator",)))
        self.untranslated = PassageRecord(id="legal-2", section="legal", title="",
                                          body="Untranslated synthetic text.", source=None,
                                          translated=False)

    def section(self, section: str, lang: str = "en") -> list[PassageRecord]:
        first = self.translated if lang == "az" else self.original
        return [first, self.untranslated] if section == "legal" else []


def test_a_translated_passage_credits_its_translator_and_shows_its_original(shell, qtbot):
    archive = FakeArchive()
    archive.passages = _TranslatedPassages()  # type: ignore[assignment]
    shell.swap_repos(archive)
    shell.set_language("az")
    shell.go(keys.LEGAL)
    settle(shell, qtbot)
    screen = shell.current_screen()
    texts = visible_texts(screen)
    assert screen.paragraphs[0].text() == "Sintetik abzas (synthetic translation)."
    assert "İngilis dilindən tərcümə edən: Test Translator." in texts
    assert "Orijinal dilində göstərilir" in texts  # the untranslated one says so
    tap(screen.credit_lines[0].button)
    settle(shell, qtbot)
    assert [p.text() for p in screen.paragraphs] == [
        "An English synthetic paragraph.", "Untranslated synthetic text."]
    assert "Orijinal mətn, ingilis dilində." in visible_texts(screen)
    assert screen.source_lines[0].isVisibleTo(screen)  # the original keeps its source
