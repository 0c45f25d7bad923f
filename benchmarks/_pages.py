"""The web pages Chromium is measured on: equivalents of the kiosk's attract screen and its
timeline, built from the same demo archive (the kiosk's own records, so the same words).

* ``attract.html``: the attract loop as a page: the memorial title with a drawn carnation,
  testimony excerpts and statistics cross-fading every 8 s, "Touch to begin", in the bundled
  Noto fonts on the kiosk's dark palette.
* ``timeline.html``: TimelineJS3 (Knight Lab's built ``dist``, fetched with ``npm pack``
  into ``benchmarks/.cache``) showing the demo's eras and events; once loaded, the page moves
  ``swipes`` slides (``goTo``, back the other way at either end: what a swipe does) 700 ms
  apart, then logs ``khojaly-swiped``.

Both log ``khojaly-ready`` to the console (Chromium prints it with ``--enable-logging=stderr``)
after their first frame.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from _common import CACHE, ROOT

TIMELINEJS = "@knight-lab/timelinejs"
READY = "khojaly-ready"
SWIPED = "khojaly-swiped"


class Skip(Exception):
    """A figure that cannot be measured on this machine; the message says why."""


def _fonts_css() -> str:
    fonts = ROOT / "resources" / "fonts"
    faces = []
    for family, stem in (("Noto Sans", "NotoSans"), ("Noto Serif", "NotoSerif")):
        for style, weight, suffix in (("normal", 400, "Regular"), ("normal", 700, "Bold"),
                                      ("italic", 400, "Italic")):
            path = fonts / f"{stem}-{suffix}.ttf"
            if path.is_file():
                faces.append(f"@font-face {{ font-family: '{family}'; font-style: {style}; "
                             f"font-weight: {weight}; src: url('{path.as_uri()}'); }}")
    return "\n".join(faces)


_CARNATION = """<svg width="96" height="180" viewBox="0 0 96 180" aria-hidden="true">
<path d="M48 176 C42 126 52 99 48 68" stroke="#4E5A50" stroke-width="4" fill="none"
 stroke-linecap="round"/><path d="M46 130 Q18 119 12 101" stroke="#4E5A50" stroke-width="4"
 fill="none"/><ellipse cx="48" cy="72" rx="9" ry="13" fill="#4E5A50"/>
<g transform="translate(48 65)">{petals}</g></svg>"""
_PETAL = ('<path transform="rotate({a})" fill="{c}" d="M0 0 C-22 -20 -16 -50 -6 -52 L0 -46 '
          'L6 -52 C16 -50 22 -20 0 0Z"/>')


def excerpt(text: str, limit: int) -> str:
    """As the kiosk's ``ui.widgets.cards.excerpt`` (kept Qt-free here)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def attract_page(repos: Any, lang: str, out_dir: Path) -> Path:
    """The attract loop as a page, from the archive's testimonies and statistics."""
    slides = [("title", "Khojaly 1992", "25–26 February 1992", "")]
    quotes = [t for t in repos.testimonies.list(lang) if t.excerpt][:6]
    stats = list(repos.statistics.list(lang))[:4]
    for i in range(max(len(quotes), len(stats))):
        if i < len(quotes):
            t = quotes[i]
            slides.append(("quote", f"“{excerpt(t.excerpt, 180)}”",
                           ", ".join(x for x in (t.person_name, t.role) if x), ""))
        if i < len(stats):
            s = stats[i]
            slides.append(("numeral", f"{s.value:,}".replace(",", " "), s.label, s.qualifier))
        if i % 2 == 1:
            slides.append(slides[0])
    petals = "".join(_PETAL.format(a=a, c=c) for a, c in
                     ((-50, "#B3262E"), (-25, "#92202A"), (0, "#B3262E"), (25, "#92202A"),
                      (50, "#B3262E")))
    page = f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>Khojaly 1992</title><style>
{_fonts_css()}
html, body {{ margin: 0; height: 100%; background: #111315; color: #ECEDEE;
  font-family: 'Noto Sans', sans-serif; overflow: hidden; cursor: none; }}
#body {{ position: absolute; inset: 96px 160px 120px; display: flex; flex-direction: column;
  align-items: center; justify-content: center; gap: 24px; text-align: center;
  transition: opacity 250ms ease-in-out; }}
#body > * {{ max-width: 1280px; margin: 0; }}
.title {{ font: 700 72px 'Noto Serif', serif; }}
.quote {{ font: italic 400 40px 'Noto Serif', serif; line-height: 1.4; }}
.numeral {{ font: 700 120px 'Noto Sans', sans-serif; }}
.subtitle {{ font-size: 30px; color: #A9AEB3; }}
#touch {{ position: absolute; bottom: 48px; width: 100%; text-align: center;
  font-size: 26px; color: #A9AEB3; }}
</style></head><body>
<div id="body"><div id="mark">{_CARNATION.format(petals=petals)}</div>
<p id="prefix" class="subtitle"></p><p id="main"></p><p id="detail" class="subtitle"></p></div>
<div id="touch">Touch to begin</div>
<script>
const slides = {json.dumps(slides, ensure_ascii=False)};
let index = 0;
const body = document.getElementById("body");
function show() {{
  const [kind, main, detail, prefix] = slides[index];
  document.getElementById("mark").style.display = kind === "title" ? "" : "none";
  const m = document.getElementById("main");
  m.className = kind; m.textContent = main;
  document.getElementById("detail").textContent = detail;
  document.getElementById("prefix").textContent = prefix;
}}
show();
setInterval(() => {{
  body.style.opacity = 0;
  setTimeout(() => {{ index = (index + 1) % slides.length; show(); body.style.opacity = 1; }},
             250);
}}, 8000);
requestAnimationFrame(() => setTimeout(() => console.log("{READY}"), 0));
</script></body></html>"""
    path = out_dir / "attract.html"
    path.write_text(page, encoding="utf-8")
    return path


def timelinejs_dist() -> Path:
    """TimelineJS3's built ``dist`` folder, fetched once with ``npm pack`` (npm registry)."""
    folder = CACHE / "timelinejs"
    dist = folder / "package" / "dist"
    if (dist / "js" / "timeline.js").is_file():
        return dist
    npm = shutil.which("npm")
    if npm is None:
        raise Skip("npm is not installed, so TimelineJS3 cannot be fetched (npm pack "
                   f"{TIMELINEJS})")
    with tempfile.TemporaryDirectory(prefix="timelinejs-") as tmp:
        done = subprocess.run([npm, "pack", TIMELINEJS, "--silent"], cwd=tmp, text=True,
                              capture_output=True, timeout=300, check=False)
        packed = list(Path(tmp).glob("*.tgz"))
        if done.returncode != 0 or not packed:
            raise Skip(f"npm pack {TIMELINEJS} failed: {done.stderr.strip()[:300]}")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        with tarfile.open(packed[0]) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith("package/dist/")
                       or m.name == "package/package.json"]
            archive.extractall(folder, members=members, filter="data")
    if not (dist / "js" / "timeline.js").is_file():
        raise Skip(f"the {TIMELINEJS} package has no dist/js/timeline.js")
    return dist


def _date(year: int | None, month: int | None, day: int | None) -> dict[str, str]:
    parts = {"year": str(year or 1992)}
    if month:
        parts["month"] = str(month)
    if day:
        parts["day"] = str(day)
    return parts


def timeline_page(repos: Any, lang: str, out_dir: Path, swipes: int) -> Path:
    """TimelineJS3 on the demo's eras and events; ``swipes`` slide moves once loaded."""
    dist = timelinejs_dist()
    events = []
    for e in repos.timeline.events(lang):
        item: dict[str, Any] = {
            "unique_id": e.id, "start_date": _date(e.start_year, e.start_month, e.start_day),
            "text": {"headline": html.escape(e.headline), "text": html.escape(e.text)},
            "group": e.group}
        if e.display_date:
            item["start_date"]["display_text"] = html.escape(e.display_date)
        if e.end_year:
            item["end_date"] = _date(e.end_year, e.end_month, e.end_day)
        events.append(item)
    eras = [{"start_date": {"year": str(era.start_year)}, "end_date": {"year": str(era.end_year)},
             "text": {"headline": html.escape(era.headline)}}
            for era in repos.timeline.eras(lang) if era.start_year and era.end_year]
    if not events:
        raise Skip("the demo archive has no timeline events")
    data = {"events": events, "eras": eras}
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Timeline</title>
<link rel="stylesheet" href="{(dist / 'css' / 'timeline.css').as_uri()}">
<script src="{(dist / 'js' / 'timeline.js').as_uri()}"></script>
<style>html, body {{ margin: 0; height: 100%; }} #timeline {{ width: 100%; height: 100%; }}
</style></head><body><div id="timeline"></div><script>
const data = {json.dumps(data, ensure_ascii=False)};
const timeline = new TL.Timeline("timeline", data, {{hash_bookmark: false, language: "en",
  timenav_position: "top", start_at_slide: 0}});
let index = 0, step = 1, moved = 0;
function swipe() {{
  if (moved >= {swipes}) {{ console.log("{SWIPED} " + moved); return; }}
  if (index + step < 0 || index + step >= data.events.length) step = -step;
  index += step; moved += 1;
  timeline.goTo(index);
  setTimeout(swipe, 700);
}}
requestAnimationFrame(() => setTimeout(() => {{
  console.log("{READY}");
  setTimeout(swipe, 1500);
}}, 0));
</script></body></html>"""
    path = out_dir / "timeline.html"
    path.write_text(page, encoding="utf-8")
    return path
