"""A touch player for one audio or video recording: play/pause, seek, time and captions.

Qt Multimedia (FFmpeg backend) plays the file; a video gets a ``QVideoWidget``, audio a calm
panel with the recording's alt text. A missing file or a format the kiosk cannot decode shows
one calm sentence (the Qt error text goes to the log); without a sound device the recording
plays silently, its captions still running. The QMediaPlayer is only created when a recording
is loaded, so screens without media never start the audio backend.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QEvent, QLoggingCategory, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from khojaly_kiosk.archive.records import CaptionCue, MediaRecord
from khojaly_kiosk.ui.widgets.buttons import TouchButton, playback_icon
from khojaly_kiosk.ui.widgets.segment_index import format_time
from khojaly_kiosk.ui.widgets.text import plain_label

log = logging.getLogger(__name__)

PLAY_BUTTON = 72  # px tall: the one control every visitor needs
SLIDER_HEIGHT = 56  # px: the whole strip takes a finger, not only the thin groove
MIN_SEEK_WIDTH = 200  # px: below this the time moves under the seek bar
VIDEO_MAX_HEIGHT = 420  # px: leaves room for the reading column in landscape
_QUIET_RULES = "qt.multimedia.*.warning=false\nqt.multimedia.*.info=false"
_READY = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferingMedia,
          QMediaPlayer.MediaStatus.BufferedMedia, QMediaPlayer.MediaStatus.EndOfMedia)


def _quiet_worker_threads() -> None:
    """Keep Qt Multimedia's own log lines from reaching a Python message handler.

    The FFmpeg backend logs from its worker threads while the GUI thread may be blocked in a
    call into them (``stop()`` waits for the demuxer and renderer); a Python handler (the
    kiosk's log, pytest-qt) then waits for the interpreter lock the GUI thread holds, and
    both hang. Filtered here, in C++, the lines never need that lock; the errors that matter
    still arrive through ``errorOccurred`` and are logged by this widget.
    """
    QLoggingCategory.setFilterRules(_QUIET_RULES)


def cue_at(cues: tuple[CaptionCue, ...], starts: list[int], ms: int) -> str:
    """The text of the cue showing at ``ms`` (``starts`` = the cues' start times), or ``""``."""
    index = bisect_right(starts, ms) - 1
    if index >= 0 and ms < cues[index].end_ms:
        return cues[index].text
    return ""


class SeekSlider(QSlider):
    """A horizontal slider whose whole height takes a tap; a tap jumps straight there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("MediaSeek")
        self.setFixedHeight(SLIDER_HEIGHT)
        self.setMinimumWidth(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # By default a tap beside the handle only steps a page; a visitor expects to land there.
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                                 QStyle.SubControl.SC_SliderHandle, self)
            if not handle.contains(event.position().toPoint()):
                span = max(1, self.width() - handle.width())
                x = int(event.position().x()) - handle.width() // 2
                value = QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), x, span)
                self.setValue(value)
                self.sliderMoved.emit(value)
        super().mousePressEvent(event)


class MediaPlayer(QFrame):
    """Plays one ``MediaRecord`` (audio/* or video/*) with large touch controls.

    Signals:
        playingChanged(bool): True when playback starts, False when it pauses, stops or ends.
    """

    playingChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MediaPlayer")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._record: MediaRecord | None = None
        self._starts: list[int] = []
        self._playing = False
        self._failed = False
        self._pending_ms: int | None = None
        self._duration_ms = 0
        self._position_ms = 0
        self.requested_position_ms: int | None = None  # the last seek asked for (tests, logs)
        self.player: QMediaPlayer | None = None
        self._devices: QMediaDevices | None = None
        self.audio: QAudioOutput | None = None
        self.video: QWidget | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(16)
        self._column = column
        self.audio_panel = plain_label("", "mediaPanel")
        column.addWidget(self.audio_panel)

        self.controls = QWidget()
        grid = QGridLayout(self.controls)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(0)
        self._grid = grid
        self._time_below: bool | None = None
        self.play_button = TouchButton("", "primary")
        self.play_button.setObjectName("MediaPlay")
        self.play_button.setMinimumHeight(PLAY_BUTTON)
        self.play_button.setIconSize(QSize(32, 32))
        self.play_button.clicked.connect(self.toggle)
        self.slider = SeekSlider()
        self.slider.sliderMoved.connect(self._slider_moved)
        self.time_label = plain_label("0:00 / 0:00", "mediaTime", wrap=False)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Its width never holds the player open: when it does not fit it moves under the bar.
        self.time_label.setMinimumWidth(1)
        grid.addWidget(self.play_button, 0, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(1, 1)
        self._place_time(below=False)
        column.addWidget(self.controls)

        self.captions_label = plain_label("", "mediaCaptions")
        self.captions_label.setObjectName("MediaCaptions")
        self.captions_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.captions_label)
        self.message_label = plain_label("", "mediaMessage")
        column.addWidget(self.message_label)
        self._show_state()
        self.retranslate()
        self.setVisible(False)

    # --- public API ------------------------------------------------------------------------
    def load(self, record: MediaRecord | None) -> None:
        """Show ``record`` ready to play (not playing), or hide for None / a non-media record.

        The same recording again (the visitor changed language while listening) keeps its
        place and keeps playing; only the words around it are refreshed.
        """
        if self._same_recording(record):
            assert record is not None
            self._record = record
            self._starts = [cue.start_ms for cue in record.captions]
            self.audio_panel.setText(record.alt_text or record.caption)
            self._on_position(self._position_ms)
            return
        self.stop()
        self._record = record
        self._failed = False
        self._duration_ms = self._position_ms = 0
        self._pending_ms = self.requested_position_ms = None
        cues = record.captions if record is not None else ()
        self._starts = [cue.start_ms for cue in cues]
        playable = record is not None and record.is_recording
        self.setVisible(playable)
        if record is None or not playable:
            return
        is_video = record.mime.startswith("video/")
        self.audio_panel.setText(record.alt_text or record.caption)
        self.audio_panel.setVisible(not is_video and bool(self.audio_panel.text()))
        self.captions_label.setVisible(bool(cues))
        self.captions_label.setText("")
        self.slider.setRange(0, 0)
        self.slider.setValue(0)
        if not record.path or not Path(record.path).is_file():
            log.warning("The recording %s is missing (%r).", record.id, record.path)
            self._fail()
            return
        self._ensure_player(is_video)
        if self.video is not None:
            self.video.setVisible(is_video)
        self._set_source()
        self._update_time()
        self._show_state()

    def play(self) -> None:
        if self._record is None or self._failed:
            return
        if self.player is None or self.player.source().isEmpty():
            self._set_source()
        if self.player is not None:
            self.player.play()

    def pause(self) -> None:
        if self.player is not None:
            self.player.pause()

    def stop(self) -> None:
        """Stop and release the file (an archive swap may delete it)."""
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self._set_playing(False)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek_seconds(self, seconds: int) -> None:
        """Jump to ``seconds`` into the recording and play from there."""
        if self._record is None or self._failed:
            return
        ms = max(0, int(seconds)) * 1000
        self.requested_position_ms = ms
        if self.player is None or self.player.source().isEmpty():
            self._set_source()
        if self.player is None:
            return
        if self.player.mediaStatus() in _READY:
            self.player.setPosition(ms)
        else:
            self._pending_ms = ms  # applied once the file is open; earlier seeks are lost
        self._on_position(ms)
        self.player.play()

    def is_playing(self) -> bool:
        return self._playing

    def has_failed(self) -> bool:
        """True when the recording cannot be played here (the calm sentence is showing)."""
        return self._failed

    def caption_text(self) -> str:
        return self.captions_label.text()

    def retranslate(self) -> None:
        self._show_state()
        self.slider.setAccessibleName(self.tr("Position in the recording"))
        self.message_label.setText(self.tr("This recording cannot be played on this kiosk."))

    # --- internals -------------------------------------------------------------------------
    def _ensure_player(self, is_video: bool) -> None:
        if self.player is None:
            _quiet_worker_threads()
            self.player = QMediaPlayer(self)
            self._devices = QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self._attach_audio)
            self._attach_audio()
            self.player.playbackStateChanged.connect(self._state_changed)
            self.player.positionChanged.connect(self._on_position)
            self.player.durationChanged.connect(self._on_duration)
            self.player.mediaStatusChanged.connect(self._status_changed)
            self.player.errorOccurred.connect(self._on_error)
        if is_video and self.video is None:
            from PySide6.QtMultimediaWidgets import QVideoWidget

            video = QVideoWidget(self)
            video.setObjectName("MediaVideo")
            video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._column.insertWidget(0, video)
            self.video = video
            self._fit_video()
        if is_video and self.video is not None:
            self.player.setVideoOutput(self.video)

    def _attach_audio(self) -> None:
        # Without a sound device an attached QAudioOutput makes the audio thread warn on every
        # start; the recording plays silently (captions still run) until a device appears.
        if self.player is not None and self.audio is None and QMediaDevices.audioOutputs():
            self.audio = QAudioOutput(self)
            self.player.setAudioOutput(self.audio)

    def _same_recording(self, record: MediaRecord | None) -> bool:
        current = self._record
        return (record is not None and current is not None and not self._failed
                and bool(record.path) and record.path == current.path
                and record.mime == current.mime and self.player is not None
                and not self.player.source().isEmpty())

    def _set_source(self) -> None:
        if self.player is not None and self._record is not None and self._record.path:
            self.player.setSource(QUrl.fromLocalFile(self._record.path))

    def _fail(self) -> None:
        self._failed = True
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self._set_playing(False)
        self._show_state()

    def _show_state(self) -> None:
        failed = self._failed
        self.controls.setVisible(not failed)
        self.message_label.setVisible(failed)
        if failed:
            self.captions_label.setVisible(False)
        if self.video is not None and failed:
            self.video.setVisible(False)
        word = self.tr("Pause") if self._playing else self.tr("Play")
        self.play_button.setText(word)
        self.play_button.setAccessibleName(word)
        self.play_button.setIcon(playback_icon(self._playing))
        self._arrange_controls()

    def _set_playing(self, playing: bool) -> None:
        if playing == self._playing:
            return
        self._playing = playing
        self._show_state()
        self.playingChanged.emit(playing)

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        self._set_playing(state == QMediaPlayer.PlaybackState.PlayingState)

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in _READY and self._pending_ms is not None and self.player is not None:
            ms, self._pending_ms = self._pending_ms, None
            self.player.setPosition(ms)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and not self._failed:
            self._fail()

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        record = self._record.id if self._record else "?"
        log.warning("The recording %s cannot be played: %s (%s).", record, text, error.name)
        self._fail()

    def _on_duration(self, ms: int) -> None:
        self._duration_ms = max(0, ms)
        self.slider.setRange(0, self._duration_ms)
        self._update_time()
        self._arrange_controls()

    def _on_position(self, ms: int) -> None:
        self._position_ms = max(0, ms)
        if not self.slider.isSliderDown():
            self.slider.setValue(self._position_ms)
        self._update_time()
        if self._record is not None and self._record.captions:
            self.captions_label.setText(cue_at(self._record.captions, self._starts,
                                               self._position_ms))

    def _slider_moved(self, value: int) -> None:
        self.requested_position_ms = value
        if self.player is not None:
            self.player.setPosition(value)
        self._on_position(value)

    def _update_time(self) -> None:
        self.time_label.setText(f"{format_time(self._position_ms)} / "
                                f"{format_time(self._duration_ms)}")

    def _place_time(self, below: bool) -> None:
        """Time beside the seek bar, or under it when a long Play label leaves no room."""
        if below == self._time_below:
            return
        self._time_below = below
        self._grid.removeWidget(self.slider)
        self._grid.removeWidget(self.time_label)
        if below:
            self._grid.addWidget(self.slider, 0, 1, 1, 2)
            self._grid.addWidget(self.time_label, 1, 1, 1, 2)
        else:
            self._grid.addWidget(self.slider, 0, 1)
            self._grid.addWidget(self.time_label, 0, 2)
        self._grid.setRowStretch(1, 0)

    def _arrange_controls(self) -> None:
        # Never narrower than its label (TouchButton's own minimum is only a fingertip).
        self.play_button.setMinimumWidth(self.play_button.sizeHint().width())
        spacing = 2 * self._grid.horizontalSpacing()
        # The widest the label gets for this recording (at least as wide as "59:59").
        longest = format_time(max(self._duration_ms, 3_599_000)).replace("0", "8")
        needed = (self.play_button.sizeHint().width() + MIN_SEEK_WIDTH + spacing
                  + self.time_label.fontMetrics().horizontalAdvance(f"{longest} / {longest}"))
        margins = self._column.contentsMargins()
        width = self.contentsRect().width() - margins.left() - margins.right()
        self._place_time(below=width < needed)

    def _fit_video(self) -> None:
        if self.video is not None:
            width = self.contentsRect().width() - 48
            self.video.setFixedHeight(max(160, min(VIDEO_MAX_HEIGHT, width * 9 // 16)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._arrange_controls()  # a larger text step widens the Play label

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_video()
        self._arrange_controls()
