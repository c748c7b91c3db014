"""The words of page layout that the structure rules look for, read from ``zhreader/data``.

``layout_words.tsv`` (columns word, kind, source) lists the labels of page
furniture (本版责编), picture agencies (人民视觉), chart source labels
(数据来源), verbs of saying that close a kicker (强调), words a policy headline
opens with (推动), the words of a closing note (参与采写), the labels of boxes
that belong to the article around them (链接, 开栏的话), and what tells a
kicker from a deck: time phrases (截至…, …以来), events (…锦标赛), regions
(湖北…), the genre words that close a deck (…纪实) and the words a deck
that goes on with the headline's subject opens with (将…, 较…), the titles
of picture stories (图片报道), the words a caption names its photo by
(图为…, 上图为…), and the agencies whose datelines papers print
(新华社, 中新网). This module is
the only place that reads it; ``check_layout_words()`` lists every problem in
it and a test runs it.
"""

from __future__ import annotations

import re
from functools import cache

from zhreader.han import HAN_CLASS
from zhreader.tables import bundled_text, read_rows

COLUMNS = ("word", "kind", "source")
KINDS = (
    "furniture",
    "agency",
    "source_label",
    "saying",
    "policy_verb",
    "write_up",
    "sidebar",
    "time_opening",
    "time_closing",
    "event",
    "deck_genre",
    "deck_opening",
    "region",
    "picture_story",
    "wire",
    "caption_picture",
)
FILE = "layout_words.tsv"
_HAN_WORD = re.compile(rf"^[{HAN_CLASS}]+$")


def _read(text: str | None = None) -> list[tuple[int, dict[str, str]]]:
    where = f"zhreader/data/{FILE}"
    return read_rows(bundled_text(FILE) if text is None else text, COLUMNS, where)


@cache
def words(kind: str) -> tuple[str, ...]:
    """Return the words of one kind, longest first (so alternations match the longest)."""
    if kind not in KINDS:
        raise ValueError(f"unknown layout word kind {kind!r}; expected one of {', '.join(KINDS)}")
    found = {row["word"] for _, row in _read() if row["kind"] == kind}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


def alternation(kind: str) -> str:
    """Return a regular-expression group matching any word of the kind."""
    return "(?:" + "|".join(re.escape(w) for w in words(kind)) + ")"


def check_layout_words(text: str | None = None) -> list[str]:
    """Return every problem in the table (or in ``text``), one ``file:line: message`` each."""
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in _read(text):
        where = f"zhreader/data/{FILE}:{number}"
        if row["kind"] not in KINDS:
            problems.append(
                f"{where}: kind: expected one of {', '.join(KINDS)}, received {row['kind']!r}"
            )
        if not _HAN_WORD.match(row["word"]):
            problems.append(f"{where}: word: expected Han characters, received {row['word']!r}")
        if not row["source"].strip():
            problems.append(f"{where}: source: empty (say where the convention is from)")
        key = (row["word"], row["kind"])
        if key in seen:
            problems.append(f"{where}: {row['word']} ({row['kind']}) repeats line {seen[key]}")
        seen.setdefault(key, number)
    return problems


__all__ = ["KINDS", "alternation", "check_layout_words", "words"]
