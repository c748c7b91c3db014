"""Text is sacred: prove that the edition holds every character of the input once, in order.

What is verified (whitespace is layout and is ignored; "text" below means the
non-whitespace characters):

1. Counts: the edition's text fields (section, headline, deck, dateline,
   sentences, credits) hold exactly the input's characters, each as often as
   the input has it. A duplicated or lost character is named with its line.
2. Order and provenance: every field is matched onto the input lines. A field
   is a contiguous run of the input, except that it may continue from the end
   of one line onto the start of a later one (a paragraph broken by the
   layout); each line is consumed left to right, exactly once.
   Within an article the text fields follow the input's order; figures are
   exempt from that order (a photo may stand anywhere in its article), but
   their own lines are consumed like any other.
3. The control characters removed at ingest are the ones the edition records.

Matching is greedy (the earliest line that fits), which is exact unless the
input repeats a whole line in two interleaved articles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from zhreader.pipeline.ingest import SourceText, split_lines
from zhreader.pipeline.sentences import CLOSERS, ENDERS, SEMICOLONS

from zhreader.errors import ZhreaderError
from zhreader.model import Article, Edition, Sentence, article_heading


class TextIntegrityError(ZhreaderError):
    """The edition lost, duplicated or reordered characters of the input."""


_BOUNDARY = ENDERS | CLOSERS | SEMICOLONS
_HINT = "this is a bug in zhreader's structure recovery; please report it with the input"


def check_text_preserved(source: SourceText, edition: Edition) -> None:
    """Raise TextIntegrityError unless the edition holds the input's text exactly once, in order."""
    name = source.path.name
    if tuple(edition.removed_characters) != tuple(source.removed):
        raise TextIntegrityError(
            "the edition's removed_characters do not match the characters removed at ingest",
            file=name,
            hint=_HINT,
        )
    lines = [_visible(line) for line in split_lines(source.text)]
    _check_counts(lines, edition, name)
    _Matcher(lines, name).match(edition)


_SPACE = re.compile(r"\s+")  # Unicode whitespace: exactly what str.isspace() accepts


def _visible(text: str) -> str:
    return _SPACE.sub("", text)


def _check_counts(lines: list[str], edition: Edition, name: str) -> None:
    fields = [field for article in edition.articles for field in _fields(article)]
    have = Counter(_visible("".join(field.zh for field in fields)))
    want = Counter("".join(lines))
    for ch, count in have.items():
        if count > want[ch]:
            raise TextIntegrityError(
                f"character {ch!r} (U+{ord(ch):04X}) appears {count} times in the edition but "
                f"{want[ch]} in the input (duplicated; first in {_first_field(fields, ch)})",
                file=name,
                line=_first_line(lines, ch),
                hint=_HINT,
            )
    missing = {ch for ch, count in want.items() if have[ch] < count}
    if not missing:
        return
    for number, line in enumerate(lines, start=1):
        ch = next((ch for ch in line if ch in missing), None)
        if ch is not None:
            raise TextIntegrityError(
                f"character {ch!r} (U+{ord(ch):04X}) of the input is missing from the edition",
                file=name,
                line=number,
                hint=_HINT,
            )


def _first_field(fields: list[Sentence], ch: str) -> str:
    return next(field.id for field in fields if ch in field.zh)


def _first_line(lines: list[str], ch: str) -> int | None:
    return next((n for n, line in enumerate(lines, start=1) if ch in line), None)


def _fields(article: Article):
    """Yield every text field of an article in reading order."""
    yield from article_heading(article)
    if article.dateline is not None:
        yield article.dateline
    for block in article.blocks:
        yield from block.sentences
        if block.credit is not None:
            yield block.credit


@dataclass
class _Position:
    line: int  # 0-based index into lines
    col: int


class _Matcher:
    """Consume the input lines field by field, left to right, each character once."""

    def __init__(self, lines: list[str], name: str) -> None:
        self.lines = lines
        self.cursor = [0] * len(lines)
        self.name = name
        self.stops_midline = False

    def match(self, edition: Edition) -> None:
        start = 0
        for article in edition.articles:
            first = self._article(article, start)
            start = first + 1
        for number, line in enumerate(self.lines, start=1):
            if self.cursor[number - 1] < len(line):
                ch = line[self.cursor[number - 1]]
                raise TextIntegrityError(
                    f"character {ch!r} of the input is not in the edition",
                    file=self.name,
                    line=number,
                )

    def _article(self, article: Article, start: int) -> int:
        """Match one article's fields from line ``start``; return the line of its first field."""
        at = _Position(start, -1)
        first = None
        figures = []
        for field in self._text_fields(article, figures):
            at = self._field(field, at)
            first = at.line if first is None else first
        for caption_fields in figures:
            fig_at = _Position(start, -1)
            for field in caption_fields:
                fig_at = self._field(field, fig_at)
        return start if first is None else first

    @staticmethod
    def _text_fields(article: Article, figures: list):
        yield from article_heading(article)
        if article.dateline is not None:
            yield article.dateline
        for block in article.blocks:
            if block.kind == "figure":
                credit = (block.credit,) if block.credit is not None else ()
                figures.append((*block.sentences, *credit))
            else:
                yield from block.sentences

    def _field(self, field: Sentence, after: _Position) -> _Position:
        """Match one field after position ``after``; return where it ended."""
        rest = _visible(field.zh)
        if not rest:
            return after
        # Fields end inside a line only where a sentence can end (or after a
        # dateline); this keeps "五" from matching the start of "五里牌街道".
        self.stops_midline = field.id.endswith("-dl") or rest[-1] in _BOUNDARY
        line = self._first_line(rest, after)
        while True:
            if line is None:
                raise self._lost(field, rest, after)
            avail = self.lines[line][self.cursor[line] :]
            if avail.startswith(rest):
                self.cursor[line] += len(rest)
                return _Position(line, self.cursor[line])
            self.cursor[line] = len(self.lines[line])
            rest = rest[len(avail) :]
            line = self._next_fresh(rest, line + 1)

    def _first_line(self, rest: str, after: _Position) -> int | None:
        line = after.line
        # Continue on the same line when the previous field stopped inside it.
        if after.col >= 0 and self.cursor[line] == after.col and after.col < len(self.lines[line]):
            return line if self._fits(rest, line) else None
        return self._next_fresh(rest, line if after.col < 0 else line + 1)

    def _next_fresh(self, rest: str, start: int) -> int | None:
        for line in range(start, len(self.lines)):
            if self.cursor[line] == 0 and self.lines[line] and self._fits(rest, line):
                return line
        return None

    def _fits(self, rest: str, line: int) -> bool:
        avail = self.lines[line][self.cursor[line] :]
        if not avail:
            return False
        if rest.startswith(avail):
            return True
        return avail.startswith(rest) and (len(avail) == len(rest) or self.stops_midline)

    def _lost(self, field: Sentence, rest: str, after: _Position) -> TextIntegrityError:
        return TextIntegrityError(
            f"{field.id} {rest[:20]!r} is not a run of the input after line {after.line + 1} "
            "(text reordered, changed or duplicated)",
            file=self.name,
            line=after.line + 1,
            hint=_HINT,
        )


__all__ = ["TextIntegrityError", "check_text_preserved"]
