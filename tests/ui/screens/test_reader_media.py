"""The reader with a recorded testimony: the player above the text, the index, stopping."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from khojaly_kiosk.ui import navigation as keys
from khojaly_kiosk.ui.shell import Shell
from tests.support.fakes import (
    SYNTHETIC_SEGMENTS,
    FakeArchive,
    synthetic_recorded_testimony,
    write_silence_wav,
)
from tests.support.qt import media_noise, open_reader, settle, tap, visible_texts


def with_recording(shell: Shell, tmp_path: Path, n: int = 1, mime: str = "audio/wav",
                   media: bool = True) -> FakeArchive:
    """Swap in an archive whose testimony ``n`` has a real 4 s WAV, captions and an index."""
    wav = write_silence_wav(tmp_path / "media" / f"recording-{n}.wav", seconds=4)
    record = synthetic_recorded_testimony(str(wav), mime, n=n)
    if not media:
        record = replace(record, media=None)
    archive = FakeArchive()
    archive.testimonies._items[n - 1] = record
    shell.swap_repos(archive)
    return archive


@media_noise
def test_an_audio_testimony_shows_the_player_above_the_text(shell, qtbot, tmp_path) -> None:
    with_recording(shell, tmp_path)
    reader = open_reader(shell, qtbot, "test-witness-1")
    player = reader.player
    assert player is not None and player.isVisible()
    assert player.play_button.accessibleName() == "Play"
    assert player.time_label.isVisible()
    # The length is known once the file is open, before anything plays.
    qtbot.waitUntil(lambda: player.time_label.text() == "0:00 / 0:04", timeout=10_000)
    # Above the column: the player ends before the reading area starts.
    top_of_text = reader.scroll_area.mapTo(reader, reader.scroll_area.rect().topLeft()).y()
    assert player.mapTo(reader, player.rect().bottomLeft()).y() <= top_of_text
    texts = visible_texts(reader)
    assert "Synthetic audio recording for tests." in texts
    assert "Test Witness 1" in texts
    assert not player.is_playing()  # nothing plays until the visitor asks


@media_noise
def test_the_index_lists_every_segment_in_plain_text(shell, qtbot, tmp_path) -> None:
    with_recording(shell, tmp_path)
    reader = open_reader(shell, qtbot, "test-witness-1")
    assert reader.index.isVisible()
    assert reader.index.heading.text() == "Index"
    rows = reader.index.rows
    assert [r.title_label.text() for r in rows] == [s.title for s in SYNTHETIC_SEGMENTS]
    assert [r.time_label.text() for r in rows[:2]] == ["0:00", "0:01"]
    assert not rows[2].time_label.isVisible()  # a text-only segment shows no time
    assert rows[0].keywords_label.text() == "test, synthetic"
    assert all(r.height() >= 64 for r in rows)


@media_noise
def test_tapping_a_timed_row_seeks_and_plays(shell, qtbot, tmp_path) -> None:
    with_recording(shell, tmp_path)
    reader = open_reader(shell, qtbot, "test-witness-1")
    row = reader.index.rows[1]
    reader.scroll_area.scroll_to(row)
    tap(row)
    assert reader.player.requested_position_ms == 1000
    qtbot.waitUntil(reader.player.is_playing, timeout=10_000)
    qtbot.waitUntil(lambda: reader.player.player.position() >= 1000, timeout=10_000)
    assert reader.player.play_button.text() == "Pause"


@media_noise
def test_tapping_a_text_row_scrolls_to_its_paragraph(shell, qtbot, tmp_path) -> None:
    with_recording(shell, tmp_path)
    reader = open_reader(shell, qtbot, "test-witness-1")
    row = reader.index.rows[2]  # paragraph 4, no time
    reader.scroll_area.scroll_to(row)
    before = reader.scroll_area.verticalScrollBar().value()
    tap(row)
    after = reader.scroll_area.verticalScrollBar().value()
    assert after > before
    paragraph = reader.paragraphs[3]
    content = reader.scroll_area.widget()
    assert abs(paragraph.mapTo(content, paragraph.rect().topLeft()).y() - 24 - after) <= 1 or (
        after == reader.scroll_area.verticalScrollBar().maximum())
    assert not reader.player.is_playing()


@media_noise
@pytest.mark.parametrize("leave", ["home", "next", "attract"])
def test_leaving_the_recording_stops_it(shell, qtbot, tmp_path, leave: str) -> None:
    with_recording(shell, tmp_path)
    reader = open_reader(shell, qtbot, "test-witness-1")
    tap(reader.player.play_button)
    qtbot.waitUntil(reader.player.is_playing, timeout=10_000)
    if leave == "home":
        shell.home()
    elif leave == "next":
        tap(reader.next_button)
        assert reader.record.id == "test-witness-2"
    else:
        shell.return_to_attract()
    assert not reader.player.is_playing()
    assert reader.player.player.source().isEmpty()  # the file is released too


@media_noise
def test_a_graphic_recording_still_shows_the_advisory_first(shell, qtbot, tmp_path) -> None:
    with_recording(shell, tmp_path, n=2)
    reader = open_reader(shell, qtbot, "test-witness-2")
    assert reader.showing_advisory
    # Nothing of the account, recording included, is laid out before the advisory is passed.
    assert reader.player is None or not reader.player.isVisible()
    assert reader.player is None or not reader.player.is_playing()
    tap(reader.advisory.continue_button)
    assert reader.player is not None
    assert reader.player.isVisible() and not reader.player.is_playing()


@media_noise
def test_changing_language_while_listening_keeps_the_recording_playing(
        shell, qtbot, tmp_path) -> None:
    with_recording(shell, tmp_path, n=2)  # a graphic testimony: behind the advisory
    reader = open_reader(shell, qtbot, "test-witness-2")
    tap(reader.advisory.continue_button)
    tap(reader.player.play_button)
    qtbot.waitUntil(reader.player.is_playing, timeout=10_000)
    source = reader.player.player.source()
    shell.set_language("ru")
    assert not reader.showing_advisory  # Continue was already chosen
    assert reader.player.is_playing()
    assert reader.player.player.source() == source
    assert reader.player.play_button.text() == "Пауза"
    shell.return_to_attract()  # the next visitor meets the advisory again
    settle(shell, qtbot)
    shell.set_language("en")
    assert open_reader(shell, qtbot, "test-witness-2").showing_advisory


def test_segments_without_a_recording_still_show(shell, qtbot, tmp_path) -> None:
    with_recording(shell, tmp_path, media=False)
    reader = open_reader(shell, qtbot, "test-witness-1")
    assert reader.player is None or not reader.player_host.isVisible()
    assert reader.index.isVisible() and len(reader.index.rows) == 3
    row = reader.index.rows[1]  # has a time and a paragraph: the time is ignored, text scrolls
    reader.scroll_area.scroll_to(row)
    tap(row)
    assert "Test segment two" in visible_texts(reader)


def test_a_testimony_without_segments_has_no_index(shell, qtbot) -> None:
    reader = open_reader(shell, qtbot, "test-witness-1")
    assert not reader.index.isVisible()
    assert reader.player is None  # no recording: the audio backend is never started


@media_noise
def test_playing_tells_the_services(qtbot, themed, settings, tmp_path) -> None:
    calls: list[bool] = []
    window = Shell(FakeArchive(), settings=settings, media_playing=calls.append)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    settle(window, qtbot)
    with_recording(window, tmp_path)
    reader = open_reader(window, qtbot, "test-witness-1")
    tap(reader.player.play_button)
    qtbot.waitUntil(lambda: calls == [True], timeout=10_000)
    settle(window, qtbot)
    window.go(keys.TESTIMONIES)
    assert window.current_key == keys.TESTIMONIES
    qtbot.waitUntil(lambda: calls == [True, False], timeout=10_000)
