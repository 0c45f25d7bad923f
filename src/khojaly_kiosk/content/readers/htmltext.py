"""HTML in spreadsheet cells (TimelineJS allows it) turned into plain text.

The kiosk renders every content string as plain text, so markup is removed here once:
tags are stripped, entities unescaped, paragraphs kept as blank-line separated blocks.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_TAG_RE = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
_URL_ATTR_RE = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_BLOCK_TAGS = {
    "p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "table", "tr", "pre", "figure", "figcaption",
}  # fmt: skip
_LINE_BREAK = "\x00"  # a <br>, kept apart from source line breaks (which are spaces)
_SKIP_TAGS = {"script", "style", "template", "iframe", "object", "embed", "noscript"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self._skip_depth = 0

    def _break(self, kind: str) -> None:
        if kind == "paragraph":
            self.blocks.append([])
        else:
            self.blocks[-1].append(_LINE_BREAK)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag == "br":
            self._break("line")
        elif tag in _BLOCK_TAGS:
            self._break("paragraph")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break("line")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._break("paragraph")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.blocks[-1].append(data.replace(_LINE_BREAK, ""))

    def text(self) -> str:
        paragraphs = []
        for block in self.blocks:
            lines = "".join(block).split(_LINE_BREAK)
            # Inside HTML, source line breaks are spaces; only <br> makes a line break.
            cleaned = [" ".join(part.split()) for part in lines]
            paragraph = "\n".join(line for line in cleaned if line)
            if paragraph:
                paragraphs.append(paragraph)
        return "\n\n".join(paragraphs)


def has_markup(text: str) -> bool:
    """True when ``text`` contains an HTML tag."""
    return bool(_TAG_RE.search(text))


def html_to_text(text: str) -> str:
    """Plain text of a cell: HTML is converted; text without tags only loses stray spacing."""
    if not has_markup(text):
        normalised = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = [line.strip() for line in normalised.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return parser.text().strip()


def first_url(html: str) -> str:
    """The first src/href URL inside an HTML snippet ('' when it has none)."""
    match = _URL_ATTR_RE.search(html)
    return match[1] if match else ""
