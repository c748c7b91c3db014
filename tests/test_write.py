"""Writing an edition's files: streamed, never held whole, all or nothing."""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from edition_samples import hostile_edition, real_edition, sample_edition

from zhreader.model import Block, Edition, to_dict
from zhreader.reader.json_edition import edition_json
from zhreader.reader.write import render_files, write_files


@pytest.mark.parametrize("make", [sample_edition, hostile_edition, real_edition])
def test_edition_json_is_the_model_dumped_whole(make) -> None:
    edition = make()
    whole = json.dumps(to_dict(edition), ensure_ascii=False, indent=1) + "\n"
    assert edition_json(edition) == whole


def test_edition_json_of_an_empty_edition() -> None:
    edition = Edition(title="", source=sample_edition().source)
    whole = json.dumps(to_dict(edition), ensure_ascii=False, indent=1) + "\n"
    assert edition_json(edition) == whole


def _one_long_paragraph(sentences: int) -> Edition:
    """The sample edition's sentences repeated into one paragraph (the short-sentences shape)."""
    edition = sample_edition()
    article = edition.articles[0]
    pool = [s for b in article.blocks for s in b.sentences if s.tokens]
    many = tuple(
        replace(pool[i % len(pool)], id=f"a1-p1-s{i + 1}") for i in range(sentences)
    )
    block = Block("a1-p1", "paragraph", many)
    return replace(edition, articles=(replace(article, blocks=(block,)),))


def _largest_text(paths: list[Path]) -> int:
    """Return the size of the largest file written, or of the largest document in a book."""
    sizes = []
    for path in paths:
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as book:
                sizes += [info.file_size for info in book.infolist()]
        else:
            sizes.append(path.stat().st_size)
    return max(sizes)


def _traced_write(folder: Path, fmt: str, sentences: int) -> tuple[int, int]:
    """Write one format of a long paragraph; return (peak traced memory, largest text)."""
    files = render_files(_one_long_paragraph(sentences), "x", (fmt,))
    tracemalloc.start()
    try:
        written = write_files(folder, files)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, _largest_text(written)


# What writing holds per sentence, as a share of what the largest file grows by:
# the HTML and the book keep a view of each sentence (its words are shared);
# the exports and edition.json keep nothing per sentence (what is left is a
# 64K-character chunk, whose peak moves with where the pieces fall).
HELD = {"html": 0.85, "epub": 0.85, "exports": 0.25, "json": 0.25}


@pytest.mark.parametrize("fmt", sorted(HELD))
def test_a_file_is_streamed_not_held_whole(tmp_path: Path, fmt: str) -> None:
    _traced_write(tmp_path / "warm", fmt, 20)  # templates compiled, tables loaded
    small_peak, small = _traced_write(tmp_path / "small", fmt, 200)
    large_peak, large = _traced_write(tmp_path / "large", fmt, 800)
    # Held whole (as before issue 17's third round), the peak grew by more
    # than the file: its text, then its UTF-8 copy.
    assert large - small > 250_000
    assert large_peak - small_peak < HELD[fmt] * (large - small), (large_peak - small_peak)


def test_a_renderer_error_leaves_no_new_file(tmp_path: Path) -> None:
    (tmp_path / "edition.json").write_text("old\n", encoding="utf-8")

    def broken(handle) -> None:
        handle.write(b"half of a file")
        raise RuntimeError("renderer failed")

    files = {"side-by-side.html": "<p>new</p>", "x.epub": broken, "edition.json": "new\n"}
    with pytest.raises(RuntimeError):
        write_files(tmp_path, files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edition.json"]
    assert (tmp_path / "edition.json").read_text(encoding="utf-8") == "old\n"
