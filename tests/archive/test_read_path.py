"""The visitor's process opens and reads the live generation without importing SQLAlchemy.

Importing SQLAlchemy (and the ORM models) cost ~0.3-0.4 s of the kiosk's start and ~36 MiB;
the read path is plain ``sqlite3`` (``archive.reader``). A fresh interpreter proves it: the
parent process of the test suite has SQLAlchemy loaded long since.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

_VISITOR = textwrap.dedent("""
    import json, sys
    from pathlib import Path

    import khojaly_kiosk.archive.generations as generations
    import khojaly_kiosk.archive.integrity as integrity
    import khojaly_kiosk.archive.repositories  # noqa: F401
    import khojaly_kiosk.archive.search  # noqa: F401

    archives = Path(sys.argv[1])
    live = generations.GenerationStore(archives).open_live(repair=False)
    repos, seen = live.repos, {}
    try:
        for lang in ("en", "az", "ru", "tr"):
            testimonies = repos.testimonies.list(lang)
            seen["testimonies"] = len(testimonies)
            seen["testimony"] = repos.testimonies.get(testimonies[0].id, lang) is not None
            seen["eras"] = len(repos.timeline.eras(lang))
            events = repos.timeline.events(lang)
            seen["events"] = len(events)
            seen["event"] = repos.timeline.get(events[0].id, lang) is not None
            seen["statistics"] = len(repos.statistics.list(lang))
            seen["recognitions"] = len(repos.recognitions.list(lang))
            seen["monuments"] = len(repos.monuments.list(lang))
            seen["remembrance"] = len(repos.passages.section("remembrance", lang))
            seen["attract"] = len(repos.attract.quotes(lang))
        seen["names"] = repos.names.count()
        page = repos.names.page(0, 50)
        seen["name"] = repos.names.get(page[0].id) is not None
        seen["search"] = len(repos.names.search(page[0].name[:3]))
        sources = repos.sources.list()
        seen["sources"] = len(sources)
        seen["source"] = repos.sources.get(sources[0].source.id) is not None
        seen["summary"] = repos.summary().generation == live.name
        seen["quick_check"] = integrity.quick_check(live.db_path) is None
        seen["check_archive"] = integrity.check_archive(
            live.db_path, live.path / "media", full=False).ok
    finally:
        live.close()
    loaded = sorted(name for name in sys.modules if name.split(".")[0] == "sqlalchemy")
    loaded += sorted(name for name in sys.modules if name == "khojaly_kiosk.archive.models")
    print(json.dumps({"seen": seen, "loaded": loaded}))
""")


@pytest.fixture(scope="module")
def demo_archives(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped demo content, built and made live once (this process may use SQLAlchemy:
    building is the content pipeline's work, not the visitor's)."""
    from khojaly_kiosk.content.pipeline import ensure_demo_archive
    from khojaly_kiosk.paths import data_paths
    from khojaly_kiosk.settings import load_settings

    paths = data_paths(tmp_path_factory.mktemp("demo-data")).ensure()
    live = ensure_demo_archive(paths, load_settings(paths.root))
    assert live is not None, "the demo content in db/demo/ did not build"
    live.close()
    return paths.archives


def test_the_visitor_reads_every_screen_without_sqlalchemy(demo_archives: Path) -> None:
    done = subprocess.run([sys.executable, "-c", _VISITOR, str(demo_archives)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["loaded"] == [], f"the read path imported {found['loaded'][:5]}"
    seen = found["seen"]
    # Every repository answered with real content (the demo holds some of each).
    assert all(value is True or (isinstance(value, int) and value > 0)
               for value in seen.values()), seen
