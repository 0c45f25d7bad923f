"""Timed captions of audio and video recordings, read from WebVTT files.

A ``.vtt`` file is read at import and stored as ``caption_cue`` rows; the file itself is not
copied into the archive. Captions come from a USB stick, so the file is hostile until
checked: its size, number of cues and length of each cue are capped, it must be UTF-8 (a
BOM is fine), and every timing line is checked by us first so that each problem names its
line (``webvtt-py`` silently drops cues it cannot read). The cue text is kept as plain text:
WebVTT tags (voices, italics, classes, karaoke times) are removed and entities unescaped.

Captions are assumed to be in the recording's language; captions in other languages (one
file per language) are not supported yet.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError
from webvtt.models import Timestamp

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.archive.records import CaptionCue, is_recording
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.csvutil import utf8_text
from khojaly_kiosk.content.readers.mediarefs import MEDIA_DIR, is_remote, parts_below_media
from khojaly_kiosk.content.report import ValidationReport, Where

MAX_BYTES = 2 * 1024 * 1024  # a 3-hour interview's captions are ~200 KB
MAX_CUES = 20_000
MAX_CUE_CHARS = 500
MAX_TIME_MS = 24 * 3600 * 1000  # no kiosk recording is a day long
MAX_PROBLEMS = 20  # per file; a broken file must not flood the report
SUFFIX = ".vtt"

_LINE_TERMINATOR = re.compile(r"\r\n|\r|\n")  # WebVTT's own line breaks
_TIMING = re.compile(r"^\s*(\S+?)\s*-->\s*(\S+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Two times without the arrow (e.g. "00:01.000 - 00:02.000"): WebVTT skips the whole cue.
# Every repeat is bounded: a hostile 2 MB line must not make the match quadratic.
_TIME = r"(?:\d{1,10}:)?\d{1,2}:\d{1,2}[.,]\d{1,3}"
_ARROWLESS = re.compile(rf"[ \t]{{0,20}}{_TIME}[ \t]{{0,20}}\S{{0,8}}[ \t]{{0,20}}{_TIME}")
_HINT_TIME = ("Write times as mm:ss.ttt or hh:mm:ss.ttt with a dot before the milliseconds, "
              "e.g. 00:01:05.250 --> 00:01:08.000.")


@dataclass
class _Problems:
    """Adds a file's problems to the report, up to ``MAX_PROBLEMS`` of them."""

    report: ValidationReport
    where: Where
    errors: int = 0
    dropped: int = 0
    _listed: int = field(default=0, repr=False)

    def add(self, error: bool, line: int | None, message: str, hint: str) -> None:
        self.errors += error
        if self._listed >= MAX_PROBLEMS:
            self.dropped += 1
            return
        self._listed += 1
        place = self.where.at(line)
        if error:
            self.report.error(place, message, hint)
        else:
            self.report.warning(place, message, hint)

    def close(self) -> None:
        if self.dropped:
            self.report.error(self.where, f"The captions file has {self.dropped} more problems "
                              "that are not listed.", "Fix the problems listed above first.")


def _decode(data: bytes, problems: _Problems) -> str | None:
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        problems.add(True, line, "The captions file is not plain UTF-8 text (it holds binary "
                     "data, or text in another encoding such as UTF-16).",
                     "Save the captions as a WebVTT file in UTF-8.")
        return None
    text, line = utf8_text(data)
    if text is None:
        problems.add(True, line, "The captions file is not UTF-8 text from this line on (it "
                     "may be saved as Windows-1251 or another encoding).",
                     "Open it in a text editor and save it again with the encoding UTF-8.")
    return text


def _has_header(first_line: str) -> bool:
    return first_line.startswith("WEBVTT") and first_line[6:7] in ("", " ", "\t")


def _check_timings(lines: list[str], problems: _Problems) -> list[tuple[int, int, int]]:
    """(line, start ms, end ms) of every good timing line; bad ones become problems."""
    good: list[tuple[int, int, int]] = []
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            if _ARROWLESS.match(line):
                problems.add(True, number, "This line looks like the times of a caption but "
                             "has no '-->' between them, so the caption is skipped.", _HINT_TIME)
            continue
        match = _TIMING.match(line)
        if match is None:
            problems.add(True, number, "This line has '-->' but is not a cue timing line.",
                         f"{_HINT_TIME} A caption's text may not contain '-->'.")
            continue
        times: list[int] = []
        for token in match.groups():
            try:
                times.append(Timestamp.from_string(token).in_milliseconds())
            except MalformedCaptionError:
                problems.add(True, number, f"'{token[:40]}' is not a WebVTT time.", _HINT_TIME)
        if len(times) != 2:
            continue
        start, end = times
        if max(start, end) > MAX_TIME_MS:
            problems.add(True, number, "This caption is timed more than 24 hours into the "
                         "recording.", _HINT_TIME)
        elif end < start:
            problems.add(True, number, f"This caption ends ({match.group(2)}) before it starts "
                         f"({match.group(1)}).", "Swap the two times or correct the end time.")
        elif end == start:
            problems.add(False, number, "This caption ends when it starts, so it is never "
                         "shown.", "Give it an end time after its start time.")
        else:
            good.append((number, start, end))
    return good


def plain_text(text: str) -> str:
    """Cue text without WebVTT tags (as ``webvtt`` strips them), entities unescaped, spaces
    collapsed inside each line and empty lines dropped; lines are joined by ``"\\n"``."""
    lines = []
    for line in html.unescape(text).split("\n"):
        cleaned = " ".join(_CONTROL.sub(" ", line).split())
        if cleaned:
            lines.append(cleaned)
    return "\n".join(lines)


def parse_webvtt(data: bytes, where: Where, report: ValidationReport) -> list[CaptionCue] | None:
    """Parse WebVTT bytes into cues in file order.

    Every problem goes to ``report`` with its line; nothing is raised for bad input.

    Returns:
        The cues (an empty list for a file without captions, with a warning), or ``None``
        when the file has errors: then no cue of it is used.
    """
    problems = _Problems(report, where)
    result = _parse(data, problems)
    problems.close()
    return None if problems.errors else result


def _parse(data: bytes, problems: _Problems) -> list[CaptionCue]:
    if len(data) > MAX_BYTES:
        problems.add(True, None, f"The captions file is larger than {MAX_BYTES // 1024**2} MB.",
                     "Check that it is the right file; split very long recordings.")
        return []
    text = _decode(data, problems)
    if text is None:
        return []
    if not text.strip():
        problems.add(False, None, "The captions file has no captions.",
                     "Add the captions, or remove the empty file.")
        return []
    lines = _LINE_TERMINATOR.split(text)
    if not _has_header(lines[0]):
        problems.add(True, 1, "The captions file does not start with the line WEBVTT.",
                     "Use a WebVTT (.vtt) file; its first line must be WEBVTT. SubRip (.srt) "
                     "files can be converted with a subtitle editor.")
        return []
    timings = _check_timings(lines, problems)
    if len(timings) > MAX_CUES:
        problems.add(True, None, f"The captions file has more than {MAX_CUES} captions.",
                     "Check that it is the right file; split very long recordings.")
        return []
    try:
        captions = webvtt.from_string(text).captions
    except (MalformedFileError, MalformedCaptionError, ValueError) as err:
        problems.add(True, None, f"The captions file cannot be read as WebVTT ({err}).",
                     "Open it in a subtitle editor and save it again as WebVTT.")
        return []
    # Our good timing lines and the library's cues are the same blocks in the same order.
    aligned = len(captions) == len(timings)
    cues: list[CaptionCue] = []
    for index, caption in enumerate(captions):
        line = timings[index][0] if aligned else None
        start, end = caption.start_time.in_milliseconds(), caption.end_time.in_milliseconds()
        if end <= start:
            continue  # already reported on its timing line
        cue_text = plain_text(caption.text)
        if len(cue_text) > MAX_CUE_CHARS:
            problems.add(True, line, f"This caption is {len(cue_text)} characters long; at "
                         f"most {MAX_CUE_CHARS} fit on the screen.",
                         "Split it into shorter captions.")
        elif cue_text:
            cues.append(CaptionCue(start_ms=start, end_ms=end, text=cue_text))
    if not cues and not problems.errors:
        problems.add(False, None, "The captions file has no captions.",
                     "Add the captions, or remove the file.")
    return cues


def read_captions(path: Path, file: str, report: ValidationReport) -> list[CaptionCue] | None:
    """Read a ``.vtt`` file (``file`` is its name in the report); ``None`` on errors."""
    where = Where(file)
    try:
        if path.stat().st_size > MAX_BYTES:  # not read at all: it may be huge
            report.error(where, f"The captions file is larger than {MAX_BYTES // 1024**2} MB.",
                         "Check that it is the right file; split very long recordings.")
            return None
        data = path.read_bytes()
    except OSError as err:
        report.error(where, f"The captions file cannot be read ({err.strerror or err}).",
                     "Check that the file exists and is readable.")
        return None
    return parse_webvtt(data, where, report)


def caption_rows(media_id: str, cues: list[CaptionCue]) -> list[m.CaptionCue]:
    """Archive rows of ``cues`` for one media asset, numbered from 1 in file order."""
    return [
        m.CaptionCue(media_id=media_id, position=position, start_ms=cue.start_ms,
                     end_ms=cue.end_ms, text=cue.text)
        for position, cue in enumerate(cues, start=1)
    ]


# ---- linking captions files to recordings ------------------------------------------------


def _use_file(ctx: ReadContext, media_id: str, file: Path, rel: str) -> None:
    """Read ``media/rel`` and add its cues to the bundle as the captions of ``media_id``."""
    name = f"{MEDIA_DIR}/{rel}"
    cues = read_captions(file, name, ctx.report)
    ctx.bundle.caption_files[media_id] = name
    if cues:
        ctx.bundle.captions.extend(caption_rows(media_id, cues))


def _relative(ctx: ReadContext, ref: str, where: Where) -> tuple[Path, str] | None:
    """The file and its path below ``media/`` for a captions reference; None with an error."""
    parts = parts_below_media(ref)
    if parts is None:
        ctx.report.error(where, f"The captions path '{ref}' points outside the media folder.",
                         "Write the file name relative to media/, e.g. media/interview.vtt.")
        return None
    rel = "/".join(parts)
    if not rel or PurePosixPath(rel).suffix.lower() != SUFFIX:
        ctx.report.error(where, f"The captions file '{ref}' is not a WebVTT (.vtt) file.",
                         "Give the captions as a .vtt file in media/, e.g. media/interview.vtt.")
        return None
    media_root = (ctx.root / MEDIA_DIR).resolve()
    file = media_root / rel
    try:
        inside = file.resolve().is_relative_to(media_root)
    except OSError:
        inside = False
    if not inside or not file.is_file():
        ctx.report.error(where, f"The captions file '{MEDIA_DIR}/{rel}' is not in the folder.",
                         "Add the file to media/ or correct the name (names are case-sensitive).")
        return None
    return file, rel


def add_captions(
    ctx: ReadContext, media_id: str | None, media_ref: str, ref: str, where: Where
) -> None:
    """Attach the captions file ``ref`` (an explicit ``captions`` field) to a recording.

    Args:
        media_id: the recording's asset id; None when its ``media`` did not resolve.
        media_ref: the ``media`` value as written (to tell "no media" from "bad media").
        ref: the ``captions`` value, e.g. ``"media/interview.vtt"``.
        where: the place of the ``captions`` field.
    """
    ref = ref.strip()
    if not ref:
        return
    if media_id is None:
        if not media_ref.strip():
            ctx.report.error(where, "These captions belong to no recording.",
                             'Give the recording too, e.g. media = "media/interview.mp3".')
        elif is_remote(media_ref.strip()):
            ctx.report.warning(where, "These captions are not used: the recording is on the "
                               "internet, and the kiosk shows a placeholder for it.",
                               "Put the recording in the media/ folder and refer to it by name.")
        return  # otherwise the media reference's own problem is already reported
    asset = next((f.asset for f in ctx.media.files if f.asset.id == media_id), None)
    if asset is None or not is_recording(asset.mime):
        ctx.report.error(where, "Captions can only be given for audio or video, not for an "
                         "image.", "Remove the captions field, or point media to the recording.")
        return
    found = _relative(ctx, ref, where)
    if found is None:
        return
    file, rel = found
    known = ctx.bundle.caption_files.get(media_id)
    if known == f"{MEDIA_DIR}/{rel}":
        return  # a recording shared by two testimonies with the same captions
    if known is not None:
        ctx.report.error(where, f"The recording media/{asset.path} already has the captions "
                         f"{known}.", "Give one captions file per recording.")
        return
    _use_file(ctx, media_id, file, rel)


def _sidecar(media_file: Path) -> Path | None:
    for suffix in (SUFFIX, SUFFIX.upper()):
        candidate = media_file.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def read_sidecar_captions(ctx: ReadContext) -> None:
    """Give every recording without explicit captions its ``media/<stem>.vtt``, if there is
    one (the convention of tools such as OHMS); warn about ``.vtt`` files nobody uses."""
    media_root = (ctx.root / MEDIA_DIR).resolve()
    if not media_root.is_dir():
        return
    for item in ctx.media.files:
        asset = item.asset
        if not is_recording(asset.mime) or asset.id in ctx.bundle.caption_files:
            continue
        sidecar = _sidecar(item.file)
        if sidecar is None or not sidecar.resolve().is_relative_to(media_root):
            continue
        _use_file(ctx, asset.id, sidecar, sidecar.relative_to(media_root).as_posix())
    used = set(ctx.bundle.caption_files.values())
    for path in sorted(media_root.rglob("*")):
        if path.suffix.lower() != SUFFIX or not path.is_file():
            continue
        name = f"{MEDIA_DIR}/{path.relative_to(media_root).as_posix()}"
        if name not in used:
            ctx.report.warning(Where(name), "These captions belong to no recording and are not "
                               "used.", "Name the file like its recording (interview.mp3 -> "
                               "interview.vtt), or give it as captions = \"...\" beside media.")
