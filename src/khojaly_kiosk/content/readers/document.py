"""The package's own document: ``[document]`` in ``package.toml``.

A compilation (such as the demo, built from one curator's text) is itself the place every
item's words come from. ``[document]`` declares it once: an id items name in their ``source``,
the title visitors read for it in each language (e.g. "Exhibition text"), and the file it is
shipped as. It becomes a source like any other, with the file's name and SHA-256 as its
provenance on the Sources page.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.fixity import sha256_file
from khojaly_kiosk.content.readers.context import LANGUAGES, ReadContext
from khojaly_kiosk.content.readers.fields import check_id, choice_value, text_value
from khojaly_kiosk.content.readers.tomlutil import TomlLines
from khojaly_kiosk.content.report import Where

DOCUMENT_KINDS = ("compilation", "book", "report", "official")


def read_document(ctx: ReadContext, value: Any, lines: TomlLines, where: Where) -> None:
    """Add the ``[document]`` of package.toml as a source (and its titles' translations)."""
    if value is None:
        return
    at = lines.table_where(where, "document")
    if not isinstance(value, dict):
        ctx.report.error(at, "'document' must be a table: [document] with id and title.",
                         'Write [document], then id = "exhibition-text" and title = "...".')
        return
    report = ctx.report
    document_id = check_id(value.get("id"), at, report, ctx.source_ids, "document")
    kind = choice_value(value.get("kind"), at, report, "document kind", DOCUMENT_KINDS,
                        default="compilation")
    titles = _titles(ctx, value.get("title"), at)
    file, digest = _file(ctx, value.get("file"), at)
    title = titles.get(ctx.language, "")
    if not title:
        report.error(at, f"The document has no title in the content language ({ctx.language}).",
                     f'Give it, e.g. title = {{ {ctx.language} = "Exhibition text" }}.')
    if document_id is None or kind is None or not title:
        return
    ctx.bundle.sources.append(m.Source(
        id=document_id, kind=kind, title=title, author="", publisher="", place="", date="",
        citation="", notes="", sort_order=-1, file=file, sha256=digest,
    ))  # fmt: skip
    for language, text in sorted(titles.items()):
        if language != ctx.language:
            ctx.bundle.translations.append(m.Translation(
                entity="source", entity_id=document_id, field="title", language=language,
                text=text))  # fmt: skip


def _titles(ctx: ReadContext, value: Any, at: Where) -> dict[str, str]:
    """``title = "..."`` (the content language) or ``title = { az = "...", en = "..." }``."""
    if isinstance(value, str):
        return {ctx.language: text_value(value, at, ctx.report, "document title")}
    if not isinstance(value, dict):
        ctx.report.error(at, "The document's title must be text or a table of languages.",
                         'Write title = { en = "Exhibition text", az = "..." }.')
        return {}
    titles: dict[str, str] = {}
    for language, text in value.items():
        if language not in LANGUAGES:
            ctx.report.error(at, f"The document's title names the language '{language}', "
                             "which the kiosk does not know.",
                             f"Use one of: {', '.join(LANGUAGES)}.")
            continue
        titles[language] = text_value(text, at, ctx.report, "document title")
    return {language: text for language, text in titles.items() if text}


def _file(ctx: ReadContext, value: Any, at: Where) -> tuple[str, str]:
    """The shipped file (a plain name inside the content folder) and its SHA-256."""
    name = text_value(value, at, ctx.report, "document file")
    if not name:
        return "", ""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or "\\" in name:
        ctx.report.error(at, f"The document file '{name}' must be a file inside the content "
                         "folder.", "Give its name relative to package.toml.")
        return "", ""
    path = ctx.root / relative
    if not path.is_file():
        ctx.report.error(at, f"The document file '{name}' is not in the content folder.",
                         "Copy the document next to package.toml, or correct its name.")
        return "", ""
    return relative.as_posix(), sha256_file(path)
