"""The inbox: find the issue files of an input folder and give each a safe, unique slug.

The inbox is where operators least control names, so nothing found there may
stop a batch: a name that is not UTF-8, a name the library itself uses, a
symlink loop, a name too long for the file system, a symlink out of the
folder, a file over the size limit — each becomes either a safe slug or a
one-line rejection for that file alone; the other files are built.

A slug is one path component, never empty, never ``.`` or ``..``, without
separators, at most ``MAX_SLUG_BYTES`` bytes of UTF-8, and never a name the
library writes at the top of the output folder. Every write of a build goes
to ``OUT/<slug>/``, so a safe slug keeps every write inside ``OUT``.
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from zhreader.errors import ZhreaderError

ISSUE_SUFFIXES = (".txt",)
# Names the library uses at the top of OUT (index.html, search-index.js,
# manifest.json, terms/, …): a slug that is one of them, with or without an
# extension, gets a suffix instead.
RESERVED_SLUGS = frozenset(
    {
        "terms", "index", "search-index", "search", "years", "failures", "manifest", "assets",
        "library",
    }
)
# Room for the longest name a build writes inside OUT/<slug>/ (``<slug>.epub``
# through a temporary ``.<slug>.epub.XXXXXXXX.tmp``) within the 255 bytes
# most file systems allow for one name.
MAX_SLUG_BYTES = 120
DEFAULT_MAX_INPUT_MB = 20.0
FOLLOW_HINT = "pass --follow-symlinks to build files that links point to"


@dataclass(frozen=True)
class InboxFile:
    """An issue file found in the input folder."""

    path: Path  # where to read it (under the input folder)
    rel: str  # relative path with forward slashes, printable (see ``display_name``)
    slug: str
    size: int


@dataclass(frozen=True)
class Rejected:
    """A file of the inbox that cannot be built, and why in one line."""

    rel: str
    reason: str


def display_name(rel: PurePath | str) -> str:
    """Return a relative path as printable text: bytes that are not UTF-8 become ``\\xNN``.

    Python keeps such bytes as lone surrogates, which no UTF-8 writer (the
    manifest, the terminal, the library page) accepts.
    """
    raw = os.fsencode(PurePath(rel).as_posix())
    return raw.decode("utf-8", "backslashreplace")


def readable_name(part: str) -> str:
    """Decode one name part: UTF-8, else GB18030 (Windows and Samba uploads), else escaped."""
    raw = os.fsencode(part)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def slug_for(rel: PurePath) -> str:
    """Return an issue's slug: its folders and stem joined by ``-``, unsafe characters as ``-``."""
    raw = "-".join(readable_name(part) for part in (*rel.parent.parts, rel.stem))
    # Letters (any script), digits, - _ . survive; anything that needs escaping
    # in a URL or a file name does not.
    slug = "".join(
        c if c in "-_." or unicodedata.category(c)[0] in "LN" else "-" for c in raw
    ).strip(".-")
    slug = slug or "issue"
    if slug.lower() in RESERVED_SLUGS or slug.lower().split(".")[0] in RESERVED_SLUGS:
        slug = f"{slug}-issue"
    return _bounded(slug, os.fsencode(rel.as_posix()))


def _bounded(slug: str, whole: bytes) -> str:
    """Cut a long slug to MAX_SLUG_BYTES, keeping it unique with a hash of the whole name."""
    if len(slug.encode("utf-8")) <= MAX_SLUG_BYTES:
        return slug
    tag = hashlib.sha256(whole).hexdigest()[:10]
    room = MAX_SLUG_BYTES - len(tag) - 1
    head = slug.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(".-")
    return f"{head}-{tag}"


def check_folders(root: Path, out: Path) -> None:
    """Refuse an input folder that is the output folder or inside it."""
    if not root.is_dir():
        raise ZhreaderError(
            "not a folder", file=str(root), hint="pass the folder new issues arrive in"
        )
    if root.resolve().is_relative_to(out.resolve()):
        raise ZhreaderError(
            f"the input folder is inside the output folder {out}",
            file=str(root),
            hint="keep the inbox outside --out",
        )


def scan_inbox(
    root: Path,
    exclude: Path | None = None,
    follow_symlinks: bool = False,
    max_bytes: int | None = None,
) -> tuple[list[InboxFile], list[Rejected]]:
    """Find every issue file under ``root``; return (files, rejections), sorted by ``rel``.

    Hidden files and folders are skipped, and so is ``exclude`` (the output
    folder when it lies inside the inbox).
    """
    top = root.resolve()
    skip = exclude.resolve() if exclude is not None else None
    found: list[InboxFile] = []
    rejected: list[Rejected] = []
    for path in _walk(root, follow_symlinks, skip, rejected):
        rel = path.relative_to(root)
        outcome = _inspect(path, rel, top, follow_symlinks, max_bytes)
        if isinstance(outcome, Rejected):
            rejected.append(outcome)
        elif outcome is not None:
            found.append(outcome)
    return sorted(found, key=lambda f: f.rel), sorted(rejected, key=lambda r: r.rel)


def _walk(root: Path, follow: bool, skip: Path | None, rejected: list[Rejected]) -> Iterator[Path]:
    """Yield the candidate issue files under ``root``; no recursion, no folder twice."""
    seen: set[tuple[int, int]] = set()
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue  # a link back to a folder already walked
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            rel = display_name(folder.relative_to(root)) + "/"
            rejected.append(Rejected(rel, f"cannot list this folder: {err.strerror}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if _is_folder(entry, follow):
                if skip is None or not _resolves_into(path, skip):
                    folders.append(path)
            elif path.suffix.lower() in ISSUE_SUFFIXES:
                yield path


def _is_folder(entry: os.DirEntry, follow: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def _resolves_into(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):
        return False


def _inspect(
    path: Path, rel: Path, top: Path, follow: bool, max_bytes: int | None
) -> InboxFile | Rejected | None:
    """Check one candidate: links, file type, size; return the file or its rejection."""
    shown = display_name(rel)
    try:
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except RuntimeError:
                return Rejected(shown, "symlink loop; not followed")
            if not follow and not target.is_relative_to(top):
                return Rejected(shown, f"symlink out of the input folder ({FOLLOW_HINT})")
        info = path.stat()
    except OSError as err:
        what = "broken symlink" if path.is_symlink() else "cannot read it"
        return Rejected(shown, f"{what}: {err.strerror}")
    if stat.S_ISDIR(info.st_mode):
        return None  # a folder that happens to end in .txt
    if not stat.S_ISREG(info.st_mode):
        return Rejected(shown, "not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        return Rejected(shown, size_message(info.st_size, max_bytes))
    return InboxFile(path, shown, slug_for(rel), info.st_size)


def size_message(size: int, max_bytes: int) -> str:
    """Return the one-line reason for refusing an input over the size limit."""
    return (
        f"input is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:g} MB "
        "(raise it with --max-input-mb)"
    )


def max_input_bytes(megabytes: float | None) -> int | None:
    """Return the size limit in bytes for ``--max-input-mb`` (0 or None: no limit)."""
    return int(megabytes * 1e6) if megabytes else None


__all__ = [
    "DEFAULT_MAX_INPUT_MB",
    "ISSUE_SUFFIXES",
    "MAX_SLUG_BYTES",
    "RESERVED_SLUGS",
    "InboxFile",
    "Rejected",
    "check_folders",
    "display_name",
    "max_input_bytes",
    "readable_name",
    "scan_inbox",
    "size_message",
    "slug_for",
]
