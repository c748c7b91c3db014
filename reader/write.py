"""Write an edition's files beside each other in ``OUT/<slug>/``.

Every file is written to a temporary name and renamed, so a crash leaves the
previous version or the new one, never half of one. ``edition.json`` is
written last: its presence means the other files of that build are there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from zhreader.fsutil import atomic_write_bytes, atomic_write_text
from zhreader.model import Edition


@dataclass(frozen=True)
class RenderOptions:
    """What a user can choose about the files beyond which formats to write."""

    vocab_level: int = 4  # vocab.tsv and the deck take words above this HSK level


Renderer = Callable[[Edition, str, RenderOptions], dict[str, str | bytes]]


def _html(edition: Edition, slug: str, options: RenderOptions) -> dict[str, str | bytes]:
    from zhreader.reader.html import render_interlinear, render_side_by_side

    return {
        "side-by-side.html": render_side_by_side(edition),
        "interlinear.html": render_interlinear(edition),
    }


def _epub(edition: Edition, slug: str, options: RenderOptions) -> dict[str, str | bytes]:
    from zhreader.reader.epub import build_epub

    return {f"{slug}.epub": build_epub(edition, slug)}


def _exports(edition: Edition, slug: str, options: RenderOptions) -> dict[str, str | bytes]:
    from zhreader.reader import exports

    return {
        "sentences.jsonl": exports.sentences_jsonl(edition, slug),
        "sentences.tsv": exports.sentences_tsv(edition, slug),
        "citation.bib": exports.citation_bib(edition, slug),
        "citation.json": exports.citation_csl_json(edition, slug),
    }


def _anki(edition: Edition, slug: str, options: RenderOptions) -> dict[str, str | bytes]:
    from zhreader.reader.anki import build_deck

    return {f"{slug}.apkg": build_deck(edition, slug, options.vocab_level)}


def _vocab(edition: Edition, slug: str, options: RenderOptions) -> dict[str, str | bytes]:
    from zhreader.reader.vocab import vocab_tsv

    return {"vocab.tsv": vocab_tsv(edition, slug, options.vocab_level)}


def _json(edition: Edition, slug: str, options: RenderOptions) -> dict[str, str | bytes]:
    from zhreader.reader.json_edition import edition_json

    return {"edition.json": edition_json(edition)}


# json comes last so that its presence marks a complete build.
_RENDERERS: dict[str, Renderer] = {
    "html": _html,
    "epub": _epub,
    "exports": _exports,
    "anki": _anki,
    "vocab": _vocab,
    "json": _json,
}
# The one list of output formats (the CLI's choices); a build writes all but the
# learner's take-away files unless asked.
FORMATS = tuple(_RENDERERS)
DEFAULT_FORMATS = tuple(name for name in FORMATS if name not in ("anki", "vocab"))


def render_files(
    edition: Edition, slug: str, formats: Sequence[str], options: RenderOptions | None = None
) -> dict[str, str | bytes]:
    """Render the requested formats in memory: file name → content."""
    options = options or RenderOptions()
    files: dict[str, str | bytes] = {}
    for name, render in _RENDERERS.items():
        if name in formats:
            files.update(render(edition, slug, options))
    return files


def write_files(folder: Path, files: dict[str, str | bytes]) -> list[Path]:
    """Write rendered files into ``folder`` atomically, in the given order."""
    written = []
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            atomic_write_bytes(path, content)
        else:
            atomic_write_text(path, content)
        written.append(path)
    return written
