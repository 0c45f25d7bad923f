"""The touch media player: real playback of a tiny WAV, captions, seeking, calm failure."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtMultimedia import QMediaPlayer

from khojaly_kiosk.ui.widgets.media_player import MediaPlayer, cue_at
from khojaly_kiosk.ui.widgets.segment_index import format_time
from tests.support.fakes import SYNTHETIC_CUES, synthetic_recorded_testimony, write_silence_wav
from tests.support.qt import media_noise, shown, tap

CANNOT = "This recording cannot be played on this kiosk."


@pytest.fixture
def player(qtbot, themed) -> MediaPlayer:
    widget = shown(qtbot, MediaPlayer(), 900, 320)
    yield widget
    widget.stop()


def recording(tmp_path: Path, mime: str = "audio/wav", seconds: float = 2.0):
    wav = write_silence_wav(tmp_path / "media" / "silence.wav", seconds)
    return synthetic_recorded_testimony(str(wav), mime).media


@media_noise
def test_time_is_written_as_minutes_and_seconds() -> None:
    assert format_time(65_000) == "1:05"
    assert format_time(750_000) == "12:30"
    assert format_time(3_725_000) == "1:02:05"
    assert format_time(-5) == "0:00"


@media_noise
def test_an_audio_recording_shows_large_named_controls(player, tmp_path) -> None:
    player.load(recording(tmp_path))
    assert player.isVisible()
    assert player.play_button.text() == "Play"
    assert player.play_button.accessibleName() == "Play"
    assert not player.play_button.icon().isNull()  # icon and word, never colour alone
    assert player.play_button.height() >= 64
    assert player.slider.height() >= 48
    assert player.slider.accessibleName() == "Position in the recording"
    assert player.time_label.text() == "0:00 / 0:00"
    assert player.audio_panel.text() == "Synthetic audio recording for tests."
    assert player.captions_label.isVisible() and player.caption_text() == ""
    assert not player.message_label.isVisible()
    assert player.video is None  # audio never builds a video surface


@media_noise
def test_tapping_play_plays_and_flips_to_pause(player, qtbot, tmp_path) -> None:
    player.load(recording(tmp_path, seconds=3))
    with qtbot.waitSignal(player.playingChanged, timeout=10_000) as blocker:
        tap(player.play_button)
    assert blocker.args == [True]
    assert player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    assert player.is_playing()
    assert player.play_button.text() == "Pause"
    assert player.play_button.accessibleName() == "Pause"
    qtbot.waitUntil(lambda: player.time_label.text().endswith("/ 0:03"), timeout=10_000)
    with qtbot.waitSignal(player.playingChanged, timeout=10_000) as blocker:
        tap(player.play_button)
    assert blocker.args == [False]
    assert player.play_button.text() == "Play"


@media_noise
def test_stop_releases_the_file(player, qtbot, tmp_path) -> None:
    player.load(recording(tmp_path))
    player.play()
    qtbot.waitUntil(player.is_playing, timeout=10_000)
    player.stop()
    assert not player.is_playing()
    assert player.player.source().isEmpty()
    player.play()  # playing again re-opens it
    qtbot.waitUntil(player.is_playing, timeout=10_000)


@media_noise
def test_seek_seconds_moves_there_and_plays(player, qtbot, tmp_path) -> None:
    player.load(recording(tmp_path, seconds=4))
    player.seek_seconds(2)
    assert player.requested_position_ms == 2000
    qtbot.waitUntil(player.is_playing, timeout=10_000)
    qtbot.waitUntil(lambda: player.player.position() >= 2000, timeout=10_000)
    assert player.slider.value() >= 2000


@media_noise
def test_captions_follow_the_position(player, tmp_path) -> None:
    player.load(recording(tmp_path))
    player._on_position(100)
    assert player.caption_text() == "Synthetic caption one."
    player._on_position(700)  # between cues: nothing
    assert player.caption_text() == ""
    player._on_position(800)
    assert player.caption_text() == "Synthetic caption two, a little longer."
    player._on_position(1500)  # a cue's end is exclusive
    assert player.caption_text() == ""
    assert player.time_label.text() == "0:01 / 0:00"


@media_noise
def test_cue_lookup_handles_the_edges() -> None:
    starts = [cue.start_ms for cue in SYNTHETIC_CUES]
    assert cue_at(SYNTHETIC_CUES, starts, -1) == ""
    assert cue_at(SYNTHETIC_CUES, starts, 0) == "Synthetic caption one."
    assert cue_at((), [], 500) == ""


@media_noise
def test_no_captions_means_no_captions_line(player, tmp_path) -> None:
    wav = write_silence_wav(tmp_path / "silence.wav")
    media = synthetic_recorded_testimony(str(wav), captions=()).media
    player.load(media)
    assert not player.captions_label.isVisible()


@media_noise
def test_a_garbage_file_shows_one_calm_sentence(player, qtbot, tmp_path, caplog) -> None:
    garbage = tmp_path / "broken.mp3"
    garbage.write_bytes(bytes(range(256)) * 20)
    media = synthetic_recorded_testimony(str(garbage), "audio/mpeg").media
    with caplog.at_level(logging.WARNING, logger="khojaly_kiosk.ui.widgets.media_player"):
        player.load(media)
        player.play()
        qtbot.waitUntil(player.has_failed, timeout=10_000)
    assert player.message_label.isVisible()
    assert player.message_label.text() == CANNOT
    assert not player.controls.isVisible()
    assert not player.captions_label.isVisible()
    assert not player.is_playing()
    assert any("cannot be played" in r.getMessage() for r in caplog.records)


@media_noise
def test_a_missing_file_shows_the_same_sentence(player, tmp_path) -> None:
    player.load(synthetic_recorded_testimony(str(tmp_path / "gone.wav")).media)
    assert player.isVisible() and player.has_failed()
    assert player.message_label.text() == CANNOT
    player.load(synthetic_recorded_testimony("").media)
    assert player.has_failed()
    player.play()  # a tap on nothing does nothing
    assert not player.is_playing()


@media_noise
def test_an_image_or_nothing_hides_the_player(player, tmp_path) -> None:
    player.load(recording(tmp_path, "image/jpeg"))
    assert not player.isVisible()
    player.load(None)
    assert not player.isVisible()


@media_noise
def test_a_video_gets_a_video_surface(player, tmp_path) -> None:
    player.load(recording(tmp_path, "video/mp4"))
    assert player.video is not None and player.video.isVisible()
    assert not player.audio_panel.isVisible()


@media_noise
def test_a_long_play_label_moves_the_time_under_the_bar_instead_of_clipping(
        player, qtbot, tmp_path) -> None:
    player.load(recording(tmp_path))
    player.resize(1200, 320)
    qtbot.waitUntil(lambda: player.width() == 1200)
    assert player._grid.getItemPosition(player._grid.indexOf(player.time_label))[0] == 0
    player.play_button.setText("Воспроизвести запись")  # a long translation
    player.resize(720, 360)
    qtbot.waitUntil(lambda: player.width() == 720)
    assert player._grid.getItemPosition(player._grid.indexOf(player.time_label))[0] == 1
    assert player.play_button.width() >= player.play_button.sizeHint().width()
    assert player.slider.width() >= 160
