"""Content folders for importer tests.

ALL CONTENT HERE IS SYNTHETIC TEST DATA ("Synthetic Source A", "Test Person 1", ...). None of
it is about Khojaly, and none of it may ever be shipped or shown to visitors.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from PIL import Image

FIXTURES = Path(__file__).resolve().parents[2] / "content" / "readers" / "fixtures"

PACKAGE = """\
title = "Synthetic Test Exhibition"
exhibition_id = "synthetic-exhibition"
language = "en"
version = 3
"""

SOURCES = """\
# Synthetic test data.
[[source]]
id = "synthetic-a"
kind = "book"
title = "Synthetic Source A"
author = "Test Author"
date = "1999"

[[source]]
id = "synthetic-b"
kind = "newspaper"
title = "Synthetic Source B"
citation = "Synthetic Source B, p. 2"
"""

TESTIMONIES = '''\
[[testimony]]
id = "test-person-1"
name = "Test Person 1"
role = "Synthetic witness"
title = "A synthetic account"
group = "survivors"
advisory = "distressing"
source = "synthetic-a"
media = "media/photo.jpg"
alt_text = "A plain grey square"
body = """First synthetic paragraph.

Second synthetic paragraph."""

[[testimony.segment]]
paragraph = 1
title = "Synthetic segment one"
keywords = ["alpha", "beta"]

[[testimony.segment]]
paragraph = 2
title = "Synthetic segment two"
synopsis = "Synthetic synopsis."

[[testimony]]
id = "test-person-1-again"
name = "Test Person 1"
role = "Synthetic witness"
title = "A second synthetic account"
group = "journalists"
source = "synthetic-b"
language = "ru"
body = "One synthetic paragraph."
'''

STATISTICS = """\
[[statistic]]
id = "synthetic-count"
value = 7
qualifier = "nearly"
label = "synthetic things"
group = "losses"
source = "synthetic-a"

[[statistic]]
id = "synthetic-other"
value = 12
label = "other synthetic things"
group = "destruction"
source = "synthetic-b"
"""

PASSAGES = '''\
[[passage]]
id = "synthetic-remembrance"
section = "remembrance"
title = "Synthetic title"
body = """Synthetic passage body."""
source = "synthetic-a"
'''

TIMELINE = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
    "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Alt Text,Source,Id\r\n"
    ",,,,,,,,,Synthetic Timeline,<p>Synthetic intro</p>,,,,,title,,,,synthetic-a,\r\n"
    "1990,,,,1995,,,,,Synthetic era,,,,,,era,,,,,synthetic-era\r\n"
    '1992,2,26,23:30,,,,,"Night, synthetic",Synthetic event one,"<p>One &amp; two</p>'
    '<p>Three</p>",media/photo.jpg,Test credit,Test caption,,,Synthetic group,,'
    "A plain grey square,synthetic-a,synthetic-event-one\r\n"
    "1991,10,,,,,,,,Synthetic event two,Plain text,,,,,,,,,synthetic-b,\r\n"
    "2001,,,,,,,,,Synthetic event three,,https://example.org/x.jpg,,,,,,,,synthetic-b,\r\n"
)

NAMES = (
    "\ufeffname,age,birth_year,village,category,passage,source\n"
    "Test Name 1,30,1962,Test Village,,,synthetic-a\n"
    "Tëst Nəme 2,,,,,Synthetic passage naming them.,synthetic-a\n"
    "Test Name 3,0,,,,,synthetic-b\n"
)

RECOGNITIONS = (
    "id,kind,name,body,date,instrument,source\n"
    "synthetic-country,country,Synthetic Country,Synthetic Parliament,2012,Resolution,"
    "synthetic-a\n"
    "synthetic-org,organisation,Synthetic Organisation,,,,synthetic-b\n"
)

MONUMENTS = (
    "id,place,country,year,description,image,alt_text,source\n"
    "synthetic-monument,Test Place,Test Country,2000,A synthetic monument,media/photo.jpg,"
    "A plain grey square,synthetic-a\n"
)

TRANSLATIONS = (
    "entity,entity_id,field,language,text\n"
    "testimony,test-person-1,title,az,Sintetik\n"
    "event,synthetic-event-one,headline,tr,Sentetik\n"
)


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (128, 128, 128)).save(buffer, "JPEG")
    return buffer.getvalue()


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) below ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return folder


def good_files() -> dict[str, str | bytes]:
    return {
        "package.toml": PACKAGE,
        "sources.toml": SOURCES,
        "testimonies.toml": TESTIMONIES,
        "statistics.toml": STATISTICS,
        "passages.toml": PASSAGES,
        "timeline.csv": TIMELINE,
        "names.csv": NAMES,
        "recognitions.csv": RECOGNITIONS,
        "monuments.csv": MONUMENTS,
        "translations/az.csv": TRANSLATIONS,
        "media/photo.jpg": jpeg_bytes(),
        "media/sound.mp3": b"ID3synthetic",
    }


def good_folder(tmp_path: Path, overrides: dict[str, str | bytes | None] | None = None) -> Path:
    """A complete valid synthetic folder; ``overrides`` replace (or with None drop) files."""
    files = good_files()
    for rel, value in (overrides or {}).items():
        if value is None:
            files.pop(rel, None)
        else:
            files[rel] = value
    folder = write_files(tmp_path / "content", files)
    (folder / "ohms").mkdir(exist_ok=True)
    shutil.copyfile(FIXTURES / "duarte_OH0344.xml", folder / "ohms" / "duarte_OH0344.xml")
    return folder


def minimal_folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """package.toml + sources.toml + ``files``: for tests of one file."""
    return write_files(tmp_path / "content", {"package.toml": PACKAGE, "sources.toml": SOURCES,
                                              **files})


def names_of(bundle: object) -> list[object]:
    """The names a bundle would write (its streamed ``names`` rows read once more), each with
    the archive's column names as attributes."""
    from types import SimpleNamespace

    from khojaly_kiosk.content.readers.names import ROW_COLUMNS
    from khojaly_kiosk.content.report import ValidationReport

    stream = bundle.streams.get("names")  # type: ignore[attr-defined]
    if stream is None:
        return []
    return [SimpleNamespace(**dict(zip(ROW_COLUMNS, row, strict=True)))
            for batch in stream.read(ValidationReport(), None) for row in batch]
