"""Synthetic content, keys, signed packages and prepared data folders for the suites.

ALL CONTENT HERE IS SYNTHETIC TEST DATA ("Synthetic Source A", "Test Name 1", ...). None of it
is about Khojaly, and none of it may ever be shipped or shown to visitors.

Packages are built and imported through ``khojaly_kiosk.cli.main`` in this process: the CLI is
the interface that outlives the code's reorganisations.
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from torturelib.bagtools import Keys, make_keys
from torturelib.common import CANDLES, PIN, copy_tree, light_candles, src_importable, write_config

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
media = "media/photo-0.jpg"
alt_text = "A plain grey square"
body = """First synthetic paragraph.

Second synthetic paragraph."""

[[testimony.segment]]
paragraph = 1
title = "Synthetic segment one"
keywords = ["alpha", "beta"]

[[testimony]]
id = "test-person-2"
name = "Test Person 2"
role = "Synthetic journalist"
title = "A second synthetic account"
group = "journalists"
source = "synthetic-b"
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
    "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Alt Text,Source,Id\n"
    ",,,,,,,,,Synthetic Timeline,<p>Synthetic intro</p>,,,,,title,,,,synthetic-a,\n"
    "1990,,,,1995,,,,,Synthetic era,,,,,,era,,,,,synthetic-era\n"
    '1992,2,26,23:30,,,,,"Night, synthetic",Synthetic event one,"<p>One &amp; two</p>",'
    "media/photo-1.jpg,Test credit,Test caption,,,Synthetic group,,A plain grey square,"
    "synthetic-a,synthetic-event-one\n"
    "1991,10,,,,,,,,Synthetic event two,Plain text,,,,,,,,,synthetic-b,\n"
)

RECOGNITIONS = (
    "id,kind,name,body,date,instrument,source\n"
    "synthetic-country,country,Synthetic Country,Synthetic Parliament,2012,Resolution,"
    "synthetic-a\n"
    "synthetic-org,organisation,Synthetic Organisation,,,,synthetic-b\n"
)

MONUMENTS = (
    "id,place,country,year,description,image,alt_text,source\n"
    "synthetic-monument,Test Place,Test Country,2000,A synthetic monument,media/photo-0.jpg,"
    "A plain grey square,synthetic-a\n"
)

TRANSLATIONS = (
    "entity,entity_id,field,language,text\n"
    "testimony,test-person-1,title,az,Sintetik\n"
    "event,synthetic-event-one,headline,tr,Sentetik\n"
)

NAMES_HEADER = "name,age,birth_year,village,category,passage,source\n"


def names_csv(count: int) -> str:
    rows = [f"Test Name {i},{20 + i % 60},,Test Village {i % 7},,,synthetic-a\n"
            for i in range(count)]
    return NAMES_HEADER + "".join(rows)


def jpeg(size: tuple[int, int], seed: int) -> bytes:
    """A noisy synthetic picture (noise does not compress away: real decoding work)."""
    rng = random.Random(seed)
    small = Image.new("RGB", (32, 24))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256))
                   for _ in range(32 * 24)])
    buffer = io.BytesIO()
    small.resize(size).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def write_content(folder: Path, version: int, *, names: int = 3, images: int = 2,
                  image_size: tuple[int, int] = (64, 48)) -> Path:
    """A valid synthetic content folder; ``version`` shows in its title."""
    files: dict[str, str | bytes] = {
        "package.toml": (f'title = "Synthetic Torture Exhibition v{version}"\n'
                         'exhibition_id = "synthetic-torture"\nlanguage = "en"\n'
                         'source_organization = "Synthetic Test Organisation"\n'),
        "sources.toml": SOURCES, "testimonies.toml": TESTIMONIES,
        "statistics.toml": STATISTICS, "passages.toml": PASSAGES, "timeline.csv": TIMELINE,
        "names.csv": names_csv(names), "recognitions.csv": RECOGNITIONS,
        "monuments.csv": MONUMENTS, "translations/az.csv": TRANSLATIONS,
    }
    for index in range(max(images, 2)):
        files[f"media/photo-{index}.jpg"] = jpeg(image_size, seed=version * 100 + index)
    for rel, content in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


# ---- the CLI in this process ---------------------------------------------------------------


def cli(*argv: str, stdin: str = "") -> tuple[int, str]:
    """``khojaly-kiosk ARGV`` in this process; (exit code, what it printed)."""
    src_importable()
    from khojaly_kiosk.cli import main

    out = io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main(list(argv))
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue()


def must(code_and_text: tuple[int, str], what: str) -> str:
    code, text = code_and_text
    if code != 0:
        raise RuntimeError(f"preparing the torture fixture: {what} failed ({code}): {text}")
    return text


@dataclass
class Fixture:
    """Keys, packages v1..v3 (folder and zip) and prepared data folders, under ``root``."""

    root: Path
    trusted: Keys
    stranger: Keys
    names: int = 3
    images: int = 2
    image_size: tuple[int, int] = (64, 48)

    @classmethod
    def create(cls, root: Path, *, names: int = 3, images: int = 2,
               image_size: tuple[int, int] = (64, 48)) -> Fixture:
        root.mkdir(parents=True, exist_ok=True)
        return cls(root, make_keys(root / "keys", "curator"),
                   make_keys(root / "keys", "stranger"), names, images, image_size)

    def content(self, version: int) -> Path:
        folder = self.root / "content" / f"v{version}"
        if not folder.is_dir():
            write_content(folder, version, names=self.names, images=self.images,
                          image_size=self.image_size)
        return folder

    def package(self, version: int, *, zip: bool = False, keys: Keys | None = None) -> Path:
        """A package signed by ``keys`` (the trusted curator by default), built once."""
        keys = keys or self.trusted
        out = self.root / "packages" / (f"{keys.name}-v{version}" + (".zip" if zip else ""))
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            must(cli("build-package", str(self.content(version)), str(out), "--key",
                     str(keys.private), "--version", str(version),
                     *(["--zip"] if zip else [])), f"build-package v{version}")
        return out

    def data_dir(self, live: int) -> Path:
        """A prepared data folder (a template, built once) with packages 1..``live`` imported,
        the PIN set and candles lit. Copy it before changing anything."""
        template = self.root / "templates" / f"live-v{live}"
        if template.is_dir():
            return template
        work = self.root / "templates" / "building"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        write_config(work, [self.trusted.public_hex], keep_generations=3)
        must(cli("--data-dir", str(work), "set-pin", stdin=PIN + "\n"), "set-pin")
        light_candles(work, CANDLES)
        for version in range(1, live + 1):
            must(cli("--data-dir", str(work), "import", "--json", str(self.package(version))),
                 f"import v{version}")
        work.rename(template)
        return template

    def fresh(self, live: int, target: Path) -> Path:
        """A private copy of the prepared data folder with ``live`` packages imported."""
        return copy_tree(self.data_dir(live), target)
