"""Curated tables bundled in ``zhreader/data/``: one reader for their TSV shape.

Each table is UTF-8 text with a header line naming its columns and one row a
line, cells separated by tabs; the last column is the row's source. The
modules that own a table (``zhreader.names``, the structure stage's layout
words) check its content; this module only reads the shape, with line numbers.
"""

from __future__ import annotations

from importlib import resources

Row = dict[str, str]


def bundled_text(name: str) -> str:
    """Return the text of a table in ``zhreader/data/``."""
    return resources.files("zhreader").joinpath("data", name).read_text(encoding="utf-8")


def read_rows(text: str, columns: tuple[str, ...], where: str) -> list[tuple[int, Row]]:
    """Return (line number, row) for every row; ``where`` names the file in errors."""
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise ValueError(f"{where}:1: expected the header {'|'.join(columns)}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise ValueError(f"{where}:{number}: expected {len(columns)} columns")
        rows.append((number, dict(zip(columns, cells, strict=True))))
    return rows


__all__ = ["Row", "bundled_text", "read_rows"]
