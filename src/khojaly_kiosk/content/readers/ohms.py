"""OHMS XML (Oral History Metadata Synchronizer) exports: one indexed testimony each.

Parsed with defusedxml and any DTD refused, so entity expansion ("billion laughs") and
external entities become a report error, never a hang or a file read. Namespace-aware:
OHMS puts every element in ``https://www.weareavp.com/nunncenter/ohms``; files without a
namespace are read the same way.

The kiosk keeps the transcript and, of each index point, its time, title, synopsis and
keywords. What an export holds beyond that is read and named in the report as not shown
(one warning per kind and file): partial transcripts, hyperlinks (the kiosk opens no
links), GPS places (it has no map), subjects, and translations in the ``*_alt`` fields. No
part of an interview disappears without the curator being told.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.readers.context import ReadContext
from khojaly_kiosk.content.readers.fields import (
    LONG_CAP,
    SHORT_CAP,
    check_id,
    choice_value,
    int_value,
    slugify,
    text_value,
)
from khojaly_kiosk.content.readers.tomlutil import read_toml
from khojaly_kiosk.content.report import ValidationReport, Where

OHMS_NS = "https://www.weareavp.com/nunncenter/ohms"
# OHMS writes language names; the archive stores codes.
LANGUAGE_CODES = {
    "english": "en", "en": "en", "azerbaijani": "az", "azeri": "az", "az": "az",
    "russian": "ru", "ru": "ru", "turkish": "tr", "tr": "tr",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class OhmsPoint:
    """One ``<index><point>``: a moment of the recording and what is said there."""

    time: int | None
    title: str
    synopsis: str = ""
    keywords: tuple[str, ...] = ()
    partial_transcript: str = ""
    hyperlinks: tuple[tuple[str, str], ...] = ()  # (href, text)
    places: tuple[str, ...] = ()  # GPS points: their text, else their coordinates
    subjects: tuple[str, ...] = ()
    alternates: int = 0  # non-empty *_alt fields (translations)


@dataclass
class OhmsInterview:
    """The fields of an OHMS record the kiosk uses."""

    title: str = ""
    accession: str = ""
    repository: str = ""
    interviewee: str = ""
    interviewer: str = ""
    language: str = ""
    date: str = ""
    transcript: str = ""
    media_url: str = ""
    file_name: str = ""
    points: list[OhmsPoint] = field(default_factory=list)
    subjects: tuple[str, ...] = ()
    alternates: int = 0  # non-empty *_alt fields of the record (a translated transcript)


class _Reader:
    """Finds children in the document's own namespace (or none)."""

    def __init__(self, root: Element) -> None:
        self.ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name

    def text(self, parent: Element | None, name: str) -> str:
        if parent is None:
            return ""
        child = parent.find(self.q(name))
        return "" if child is None else "".join(child.itertext()).strip()

    def all(self, parent: Element, name: str) -> list[Element]:
        return parent.findall(self.q(name))


def parse_ohms(data: bytes, where: Where, report: ValidationReport) -> OhmsInterview | None:
    """Parse OHMS XML bytes; every problem becomes a report error (never an exception)."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        report.error(where, "The XML file declares a DTD or entities, which are not allowed.",
                     "Export the interview again from OHMS; plain OHMS exports have no DTD.")
        return None
    except ParseError as err:
        line, column = getattr(err, "position", (None, None))
        report.error(where.at(line, None if column is None else column + 1),
                     "The XML is not well-formed here.",
                     "Export the interview again from OHMS, or check the tags near this place.")
        return None
    reader = _Reader(root)
    record = root if _local(root.tag) == "record" else root.find(reader.q("record"))
    if record is None:
        report.error(where, "This XML file is not an OHMS export (it has no <record>).",
                     "Use the XML file exported by OHMS for the interview.")
        return None
    date = record.find(reader.q("date"))
    interview = OhmsInterview(
        title=reader.text(record, "title"), accession=reader.text(record, "accession"),
        repository=reader.text(record, "repository"),
        interviewee=reader.text(record, "interviewee"),
        interviewer=reader.text(record, "interviewer"),
        language=reader.text(record, "language"),
        date=reader.text(record, "date_nonpreferred_format")
        or ("" if date is None else (date.get("value") or "").strip()),
        transcript=reader.text(record, "transcript"),
        media_url=reader.text(record, "media_url"), file_name=reader.text(record, "file_name"),
        subjects=tuple(t for t in ("".join(s.itertext()).strip()
                                   for s in reader.all(record, "subject")) if t),
        alternates=_alternates(record),
    )  # fmt: skip
    index = record.find(reader.q("index"))
    for point in [] if index is None else reader.all(index, "point"):
        interview.points.append(_point(reader, point, where, report))
    return interview


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _alternates(parent: Element) -> int:
    """How many direct children named ``*_alt`` hold text (OHMS's second language)."""
    return sum(1 for child in parent if _local(child.tag).endswith("_alt")
               and "".join(child.itertext()).strip())


def _point(reader: _Reader, point: Element, where: Where, report: ValidationReport) -> OhmsPoint:
    title = reader.text(point, "title")
    raw_time = reader.text(point, "time")
    time = int_value(raw_time, where.at(None, None), report, f"time of index point '{title}'",
                     low=0)
    keywords = tuple(k.strip() for k in reader.text(point, "keywords").split(";") if k.strip())
    links = []
    for block in reader.all(point, "hyperlinks"):
        href, text = reader.text(block, "hyperlink"), reader.text(block, "hyperlink_text")
        if href:
            links.append((href, text))
    places = []
    for block in reader.all(point, "gpspoints"):
        place = reader.text(block, "gps_text") or reader.text(block, "gps")
        if place:
            places.append(place)
    subjects = tuple(s.strip() for s in reader.text(point, "subjects").split(";") if s.strip())
    return OhmsPoint(
        time=time, title=title, synopsis=reader.text(point, "synopsis"), keywords=keywords,
        partial_transcript=reader.text(point, "partial_transcript"), hyperlinks=tuple(links),
        places=tuple(places), subjects=subjects,
        alternates=_alternates(point)
        + sum(_alternates(b) for b in reader.all(point, "gpspoints"))
        + sum(_alternates(b) for b in reader.all(point, "hyperlinks")),
    )  # fmt: skip


def _language(ctx: ReadContext, value: str, where: Where) -> str:
    if not value:
        return ctx.language
    code = LANGUAGE_CODES.get(value.strip().lower())
    if code is None:
        ctx.report.warning(where, f"The interview language '{value}' is not one of the kiosk's "
                           f"languages; it is stored as '{ctx.language}'.",
                           "The kiosk shows content in Azerbaijani, English, Russian or Turkish.")
        return ctx.language
    return code


def _source_for(ctx: ReadContext, interview: OhmsInterview, where: Where) -> str | None:
    """A Source built from repository + accession (reused when it already exists)."""
    if not (interview.repository or interview.accession):
        ctx.report.warning(where, "This interview names no repository or accession, so it has "
                           "no source.", "Add <repository> and <accession> in OHMS.")
        return None
    source_id = slugify(f"{interview.repository} {interview.accession}", limit=110) or "ohms"
    if source_id not in ctx.source_ids:
        ctx.source_ids.add(source_id)
        ctx.bundle.sources.append(m.Source(
            id=source_id, kind="interview", title=interview.title or interview.accession,
            author=interview.interviewee, publisher=interview.repository, place="",
            date=interview.date, citation="", notes=interview.accession,
            sort_order=len(ctx.bundle.sources),
        ))  # fmt: skip
    return source_id


def read_ohms(
    ctx: ReadContext,
    path: Path,
    file: str,
    *,
    source: str | None = None,
    group: str = "survivors",
    advisory: str = "none",
) -> OhmsInterview | None:
    """Add the testimony of one OHMS file (id = slug of the file name) and its segments.

    ``source``, ``group`` and ``advisory`` are the curator's (OHMS has no such fields);
    without ``source`` a Source is built from the record's repository and accession.
    """
    where = Where(file)
    try:
        data = path.read_bytes()
    except OSError as err:
        ctx.report.error(where, f"{path.name} cannot be read ({err.strerror or err}).",
                         "Check that the file exists and is readable.")
        return None
    interview = parse_ohms(data, where, ctx.report)
    if interview is None:
        return None
    testimony_id = check_id(slugify(path.stem, limit=110), where, ctx.report, ctx.testimony_ids,
                            "testimony")
    title = text_value(interview.title, where, ctx.report, "title", SHORT_CAP)
    body = text_value(interview.transcript, where, ctx.report, "transcript", LONG_CAP)
    chosen_group = choice_value(group, where, ctx.report, "group", m.TESTIMONY_GROUPS)
    chosen_advisory = choice_value(advisory, where, ctx.report, "advisory", m.ADVISORY_LEVELS)
    source_id = (
        ctx.source(source, where, "testimony") if source else _source_for(ctx, interview, where)
    )
    media_id = None
    if interview.file_name and (ctx.root / "media" / interview.file_name).is_file():
        media_id = ctx.media.resolve(interview.file_name, where, source_id=source_id).media_id
    elif interview.media_url or interview.file_name:
        ctx.report.warning(where, "The recording of this interview is not in the media/ folder; "
                           "the index is shown without playback.",
                           f"Copy the recording into media/ as "
                           f"{interview.file_name or 'the file named in <file_name>'}.")
    _name_what_is_not_shown(ctx, interview, where)
    if testimony_id is None or chosen_group is None or chosen_advisory is None:
        return interview
    for position, point in enumerate(interview.points, start=1):
        ctx.bundle.segments.append(m.TestimonySegment(
            testimony_id=testimony_id, position=position, start_seconds=point.time,
            paragraph=None, title=point.title, synopsis=point.synopsis,
            keywords=";".join(point.keywords),
        ))  # fmt: skip
    ctx.bundle.testimonies.append(m.Testimony(
        id=testimony_id, person_id=ctx.persons.person_id(interview.interviewee, ""), title=title,
        body=body, language=_language(ctx, interview.language, where), advisory=chosen_advisory,
        group=chosen_group, source_id=source_id, media_id=media_id,
        sort_order=len(ctx.bundle.testimonies),
    ))  # fmt: skip
    return interview


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _are(items: list[str]) -> str:
    return "is" if len(items) == 1 else "are"


def _name_what_is_not_shown(ctx: ReadContext, interview: OhmsInterview, where: Where) -> None:
    """One warning per kind of OHMS content the kiosk reads but does not show."""
    points = interview.points
    partial = sum(1 for p in points if p.partial_transcript)
    if partial:
        ctx.report.warning(where, f"{_plural(partial, 'index point has', 'index points have')} "
                           "a partial transcript, which the kiosk does not show (it shows each "
                           "point's title, synopsis and keywords, and the whole transcript).",
                           "Nothing to do when <transcript> holds these words; otherwise add "
                           "them there.")
    links = [text or href for p in points for href, text in p.hyperlinks]
    if links:
        ctx.report.warning(where, f"{_plural(len(links), 'hyperlink', 'hyperlinks')} of the "
                           f"index (e.g. '{links[0]}') {_are(links)} not kept: the kiosk opens "
                           "no links and shows no web addresses.",
                           "Name what they lead to in the point's synopsis if visitors should "
                           "know of it.")
    places = [place for p in points for place in p.places]
    if places:
        ctx.report.warning(where, f"{_plural(len(places), 'GPS place', 'GPS places')} of the "
                           f"index (e.g. '{places[0]}') {_are(places)} not shown: the kiosk has "
                           "no map.",
                           "Mention the place in the point's synopsis if it matters.")
    subjects = len(interview.subjects) + sum(len(p.subjects) for p in points)
    if subjects:
        ctx.report.warning(where, f"{_plural(subjects, 'subject', 'subjects')} of the "
                           f"interview and its index {'is' if subjects == 1 else 'are'} not "
                           "shown (the kiosk shows the index keywords).",
                           "Add a point's subjects to its keywords to have them shown.")
    alternates = interview.alternates + sum(p.alternates for p in points)
    if alternates:
        ctx.report.warning(where, f"{_plural(alternates, 'field', 'fields')} in OHMS's second "
                           f"language (*_alt) {'is' if alternates == 1 else 'are'} not read.",
                           "Translations of content come from translations/*.csv.")


def read_ohms_folder(ctx: ReadContext) -> None:
    """``ohms/*.xml``; an optional ``ohms/<name>.toml`` beside a file gives the curator's
    ``source``, ``group`` and ``advisory`` for it (OHMS exports have no such fields)."""
    folder = ctx.root / "ohms"
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.glob("*.xml") if p.is_file()):
        options: dict[str, str] = {}
        sidecar = path.with_suffix(".toml")
        if sidecar.is_file():
            loaded = read_toml(sidecar, sidecar.relative_to(ctx.root).as_posix(), ctx.report)
            if loaded is None:
                continue
            data, _ = loaded
            options = {k: str(data[k]) for k in ("source", "group", "advisory") if k in data}
        read_ohms(ctx, path, path.relative_to(ctx.root).as_posix(), **options)
