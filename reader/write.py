"""Write an edition's files beside each other in ``OUT/<slug>/``.

Every file is written to a temporary name and renamed, so a crash leaves the
previous version or the new one, never half of one. ``edition.json`` is
written last: its presence means the other files of that build are there.

The large files (the HTML editions, the EPUB, ``edition.json``, the sentence
exports) are streamed: a renderer gives a function that writes the file into
an open temporary file, so no file is ever held whole in memory (issue 17:
memory linear in the input, and small). Every file is staged before any is
renamed, so a renderer error still leaves no new files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from zhreader.fsutil import FileWriter, commit_file, discard_file, stage_file, text_writer
from zhreader.model import Edition


@dataclass(frozen=True)
class RenderOptions:
    """What a user can choose about the files beyond which formats to write."""

    vocab_level: int = 4  # vocab.tsv and the deck take words above this HSK level


# A file's content: text, bytes, or a function that writes it (streamed).
Content = str | bytes | FileWriter
Renderer = Callable[[Edition, str, RenderOptions], dict[str, Content]]


def _html(edition: Edition, slug: str, options: RenderOptions) -> dict[str, Content]:
    from zhreader.reader.html import interlinear_pieces, side_by_side_pieces

    return {
        "side-by-side.html": text_writer(lambda: side_by_side_pieces(edition)),
        "interlinear.html": text_writer(lambda: interlinear_pieces(edition)),
    }


def _epub(edition: Edition, slug: str, options: RenderOptions) -> dict[str, Content]:
    from zhreader.reader.epub import write_epub

    return {f"{slug}.epub": lambda handle: write_epub(edition, handle)}


def _exports(edition: Edition, slug: str, options: RenderOptions) -> dict[str, Content]:
    from zhreader.reader import exports

    return {
        "sentences.jsonl": text_writer(lambda: exports.jsonl_lines(edition, slug)),
        "sentences.tsv": text_writer(lambda: exports.tsv_lines(edition, slug)),
        "citation.bib": exports.citation_bib(edition, slug),
        "citation.json": exports.citation_csl_json(edition, slug),
    }


def _anki(edition: Edition, slug: str, options: RenderOptions) -> dict[str, Content]:
    from zhreader.reader.anki import build_deck

    return {f"{slug}.apkg": build_deck(edition, slug, options.vocab_level)}


def _vocab(edition: Edition, slug: str, options: RenderOptions) -> dict[str, Content]:
    from zhreader.reader.vocab import vocab_tsv

    return {"vocab.tsv": vocab_tsv(edition, slug, options.vocab_level)}


def _json(edition: Edition, slug: str, options: RenderOptions) -> dict[str, Content]:
    from zhreader.reader.json_edition import edition_json_pieces

    return {"edition.json": text_writer(lambda: edition_json_pieces(edition))}


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
) -> dict[str, Content]:
    """Return the requested formats' files: file name → content (streamed ones as writers)."""
    options = options or RenderOptions()
    files: dict[str, Content] = {}
    for name, render in _RENDERERS.items():
        if name in formats:
            files.update(render(edition, slug, options))
    return files


def _writer(content: Content) -> FileWriter:
    if isinstance(content, str):
        content = content.encode("utf-8")
    if isinstance(content, bytes):
        data = content
        return lambda handle: handle.write(data)
    return content


def write_files(folder: Path, files: dict[str, Content]) -> list[Path]:
    """Write the files into ``folder``: all staged first, then renamed in the given order."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            path = folder / name
            staged.append((stage_file(path, _writer(content)), path))
    except BaseException:
        for temporary, _ in staged:
            discard_file(temporary)
        raise
    for number, (temporary, path) in enumerate(staged):
        try:
            commit_file(temporary, path)
        except BaseException:
            for later, _ in staged[number + 1 :]:
                discard_file(later)
            raise
    return [path for _, path in staged]
