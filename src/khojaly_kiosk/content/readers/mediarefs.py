"""Media references in content files: local files under ``media/`` or remote URLs.

A local reference becomes one ``MediaFile`` (asset id = slug of its path, sha256 and size
computed, mime from the extension; decoding and derivatives happen later in
``content.media``). During an import the sha256 comes from the digests taken while the
package was staged (``content.fixity``) as long as the file is unchanged since. A remote
URL or an HTML embed is kept as ``media_url`` with a warning: the kiosk is offline and
shows a calm placeholder for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from khojaly_kiosk.archive import models as m
from khojaly_kiosk.content.bundle import MediaFile
from khojaly_kiosk.content.fixity import DigestLookup, sha256_file
from khojaly_kiosk.content.readers.fields import slugify
from khojaly_kiosk.content.readers.htmltext import first_url, has_markup, html_to_text
from khojaly_kiosk.content.report import ValidationReport, Where

MEDIA_DIR = "media"
MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
}
# A scheme has 2+ letters, so a Windows drive ("C:") is a local path, not a URL.
_REMOTE_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]+:|//|www\.)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MediaLink:
    """What a media reference resolved to: a local asset id, a remote URL, or nothing."""

    media_id: str | None = None
    url: str = ""


def is_remote(ref: str) -> bool:
    """True for URLs (http, https, ...), protocol-relative links and HTML embeds."""
    return bool(_REMOTE_RE.match(ref)) or has_markup(ref)


def remote_url(ref: str) -> str:
    """The URL kept for a remote reference: the link itself, or the first link in HTML."""
    if has_markup(ref):
        return first_url(ref) or html_to_text(ref)
    return ref


def parts_below_media(ref: str) -> list[str] | None:
    """The path parts of ``ref`` below ``media/`` ("media/" optional, "\\" read as "/"), or
    None when it points outside the folder (absolute, a drive letter, or "..")."""
    cleaned = ref.replace("\\", "/")
    path = PurePosixPath(cleaned)
    parts = [p for p in path.parts if p not in ("", ".")]
    if path.is_absolute() or re.match(r"^[A-Za-z]:", cleaned) or ".." in parts:
        return None
    return parts[1:] if parts and parts[0] == MEDIA_DIR else parts


class MediaRefs:
    """Resolves media references of one content folder and collects the files they name."""

    def __init__(self, root: Path, report: ValidationReport,
                 digests: DigestLookup | None = None) -> None:
        self._root = root
        self._media_root = (root / MEDIA_DIR).resolve()
        self._report = report
        # Set before the first ``resolve``: files it vouches for are not read again.
        self.digests = digests
        self._by_path: dict[str, MediaFile] = {}
        self._ids: set[str] = set()

    @property
    def files(self) -> list[MediaFile]:
        return list(self._by_path.values())

    def resolve(
        self,
        ref: str,
        where: Where,
        *,
        alt_text: str = "",
        caption: str = "",
        credit: str = "",
        source_id: str | None = None,
    ) -> MediaLink:
        """Resolve ``ref``; problems (missing file, bad type, remote) go to the report."""
        ref = ref.strip()
        if not ref:
            return MediaLink()
        if is_remote(ref):
            self._report.warning(
                where,
                "This media is on the internet; the kiosk works offline and will show a "
                "placeholder instead.",
                "To show it, put the file in the media/ folder and refer to it by name.",
            )
            return MediaLink(url=remote_url(ref))
        rel = self._relative(ref, where)
        if rel is None:
            return MediaLink()
        known = self._by_path.get(rel)
        if known is None:
            known = self._add(rel, where)
            if known is None:
                return MediaLink()
        asset = known.asset
        # The first non-empty description of a shared file wins; later ones fill gaps.
        asset.alt_text = asset.alt_text or alt_text
        asset.caption = asset.caption or caption
        asset.credit = asset.credit or credit
        asset.source_id = asset.source_id or source_id
        if asset.mime.startswith("image/") and not alt_text:
            self._report.warning(
                where,
                f"The image media/{rel} has no alt text.",
                "Describe what the image shows, so it can be read to visitors who cannot see it.",
            )
        return MediaLink(media_id=asset.id)

    def _relative(self, ref: str, where: Where) -> str | None:
        """The path below ``media/`` (POSIX form), or None with an error when it is unusable."""
        parts = parts_below_media(ref)
        if parts is None:
            self._report.error(where, f"The media path '{ref}' points outside the media folder.",
                               "Write the file name relative to media/, e.g. media/photo.jpg.")
            return None
        if not parts:
            self._report.error(where, f"The media path '{ref}' names no file.",
                               "Write the file name, e.g. media/photo.jpg.")
            return None
        rel = "/".join(parts)
        suffix = PurePosixPath(rel).suffix.lower()
        if suffix not in MEDIA_TYPES:
            self._report.error(
                where,
                f"The media file '{rel}' is not a supported type ({suffix or 'no extension'}).",
                "Use JPEG, PNG or WebP images, MP3, M4A, OGG or WAV audio, MP4 or WebM video.",
            )
            return None
        return rel

    def _add(self, rel: str, where: Where) -> MediaFile | None:
        file = self._media_root / rel
        try:
            inside = file.resolve().is_relative_to(self._media_root)
        except OSError:
            inside = False
        if not inside or not file.is_file():
            self._report.error(where, f"The media file 'media/{rel}' is not in the folder.",
                               "Add the file to media/ or correct the name (names are "
                               "case-sensitive).")
            return None
        try:
            known = self.digests(file) if self.digests is not None else None
            digest, size = known or sha256_file(file), file.stat().st_size
        except OSError as err:
            self._report.error(where, f"The media file 'media/{rel}' cannot be read ({err}).",
                               "Check that the file is readable.")
            return None
        asset = m.MediaAsset(
            id=self._new_id(rel), path=rel, sha256=digest, size=size,
            mime=MEDIA_TYPES[PurePosixPath(rel).suffix.lower()],
            width=None, height=None, thumb_path="", alt_text="", caption="", credit="",
            source_id=None,
        )  # fmt: skip
        media = MediaFile(asset=asset, file=file)
        self._by_path[rel] = media
        return media

    def _new_id(self, rel: str) -> str:
        base = slugify(rel, limit=100) or "media"
        candidate, n = base, 2
        while candidate in self._ids:
            candidate, n = f"{base}-{n}", n + 1
        self._ids.add(candidate)
        return candidate
