"""Text is sacred: prove that the edition holds every character of the input once, in order.

What is verified (whitespace is layout and is ignored; "text" below means the
non-whitespace characters):

1. Counts: the edition's text fields (section, kicker, headline, deck, author line, dateline,
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

from zhreader.errors import TextIntegrityError
from zhreader.model import Article, Edition, Sentence, article_front, article_sentences
from zhreader.pipeline.structure.ingest import SourceText, split_lines
from zhreader.pipeline.structure.sentences import CLOSERS, ENDERS, SEMICOLONS

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
    fields = [field for article in edition.articles for field in article_sentences(article)]
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


@dataclass(frozen=True)
class _Task:
    """One field to place: where its search starts depends on ``mode``."""

    field: Sentence
    text: str
    article: int
    mode: str  # "article" (opens an article), "next" (follows the task before), "figure"
    stops_midline: bool
    in_figure: bool = False  # a caption or credit


# How many candidate lines the search may try before it gives up (a safety net
# against pathological inputs; real pages need a few per field).
SEARCH_BUDGET = 5_000_000
# A field that ends on the line being tried.
_WHOLE = object()


class _Matcher:
    """Place every field on the input lines: left to right, each character once.

    A depth-first search: each field goes to the earliest line that fits, and
    when a later field cannot be placed, earlier choices are revisited. This
    makes the check exact even when a line is repeated verbatim in two
    interleaved articles.
    """

    def __init__(self, lines: list[str], name: str) -> None:
        self.lines = lines
        self.cursor = [0] * len(lines)
        self.name = name
        self.budget = SEARCH_BUDGET

    def match(self, edition: Edition) -> None:
        tasks = list(_tasks(edition))
        self.budget = max(SEARCH_BUDGET, 100 * (len(self.lines) + len(tasks)))
        ends: list[tuple[int, int]] = []  # where each placed task ended (line, col)
        firsts: dict[int, int] = {}  # article → line of its first field
        stack: list[tuple] = []  # (generator, undo list)
        deepest = (-1, None)
        t = 0
        while t < len(tasks):
            if len(stack) == t:
                before = tasks[t - 1] if t else None
                stack.append((self._paths(tasks[t], ends, firsts, before), []))
            gen, undo = stack[t]
            self._undo(undo)
            path = next(gen, None) if self.budget > 0 else None
            if path is None:
                deepest = max(deepest, (t, tasks[t]), key=lambda d: d[0])
                stack.pop()
                if t == 0 or self.budget <= 0:
                    raise self._lost(*deepest, ends)
                t -= 1
                ends.pop()
                if tasks[t].mode == "article":
                    firsts.pop(tasks[t].article, None)
                continue
            ends.append(self._apply(tasks[t], path, undo))
            if tasks[t].mode == "article":
                firsts[tasks[t].article] = path[0]
            t += 1
        self._check_consumed()

    def _paths(self, task: _Task, ends, firsts, before: _Task | None):
        """Yield every way to place the task's text, earliest first."""
        if task.mode == "next" and ends:
            line, col = ends[-1]
            if col < len(self.lines[line]) and self.cursor[line] == col:
                # The previous field stopped inside this line: this one continues it.
                yield from self._paths_at(task.text, line, task.stops_midline)
                return
            start = line + 1
        else:
            start = firsts.get(task.article - 1, -1) + 1
        if (
            task.mode == "figure"
            and before is not None
            and before.in_figure
            and before.article == task.article
            and ends
        ):
            # Figures of an article follow each other in input order: the next
            # one is looked for after the previous one first, so many figures
            # cost a linear search; then among the article's lines before it.
            after = ends[-1][0]
            if after > start:
                yield from self._paths_from(task.text, after, task.stops_midline)
                yield from self._paths_from(task.text, start, task.stops_midline, after)
                return
        yield from self._paths_from(task.text, start, task.stops_midline)

    def _paths_from(self, rest: str, start: int, stops_midline: bool, end: int | None = None):
        for line in range(start, len(self.lines) if end is None else end):
            self.budget -= 1
            if self.budget <= 0:
                return
            if self.cursor[line] == 0 and self.lines[line]:
                yield from self._paths_at(rest, line, stops_midline)

    def _paths_at(self, rest: str, line: int, stops_midline: bool):
        """Yield every path of lines that holds ``rest`` from ``line`` on, earliest first.

        A field broken over many lines (a sentence wrapped over 500 lines) is
        searched with an explicit stack, so its length never meets Python's
        recursion limit.
        """
        first = self._fit(rest, line, stops_midline)
        if first is None:
            return
        if first is _WHOLE:
            yield [line]
            return
        path = [line]
        frames = [(first, line + 1)]  # (text still to place, next line to try)
        while frames:
            todo, nxt = frames[-1]
            found = self._next_free(nxt)
            if found is None:
                frames.pop()
                path.pop()
                continue
            frames[-1] = (todo, found + 1)
            fit = self._fit(todo, found, stops_midline)
            if fit is _WHOLE:
                yield [*path, found]
            elif fit is not None:
                path.append(found)
                frames.append((fit, found + 1))

    def _next_free(self, start: int) -> int | None:
        """Return the next untouched non-empty line from ``start``, within the budget."""
        for line in range(start, len(self.lines)):
            self.budget -= 1
            if self.budget <= 0:
                return None
            if self.cursor[line] == 0 and self.lines[line]:
                return line
        return None

    def _fit(self, rest: str, line: int, stops_midline: bool):
        """Say how ``rest`` fits the line: _WHOLE (it ends there), the text left, or None."""
        whole, cursor = self.lines[line], self.cursor[line]
        have = len(whole) - cursor
        if have <= 0:
            return None
        # Compare in place: a copy of the rest of the line per field made one
        # line of 20,000 sentences cost gigabytes.
        if have >= len(rest):
            if whole.startswith(rest, cursor):
                return _WHOLE if have == len(rest) or stops_midline else None
            return None
        if rest.startswith(whole[cursor:]):  # a copy no longer than the field
            # The field runs on into a later line (a paragraph broken by the layout).
            return rest[have:]
        return None

    def _apply(self, task: _Task, path: list[int], undo: list) -> tuple[int, int]:
        rest = task.text
        for line in path[:-1]:
            undo.append((line, self.cursor[line]))
            rest = rest[len(self.lines[line]) - self.cursor[line] :]
            self.cursor[line] = len(self.lines[line])
        last = path[-1]
        undo.append((last, self.cursor[last]))
        self.cursor[last] += len(rest)
        return last, self.cursor[last]

    def _undo(self, undo: list) -> None:
        for line, value in reversed(undo):
            self.cursor[line] = value
        undo.clear()

    def _check_consumed(self) -> None:
        for number, line in enumerate(self.lines, start=1):
            if self.cursor[number - 1] < len(line):
                ch = line[self.cursor[number - 1]]
                raise TextIntegrityError(
                    f"character {ch!r} of the input is not in the edition",
                    file=self.name,
                    line=number,
                    hint=_HINT,
                )

    def _lost(self, index: int, task: _Task | None, ends) -> TextIntegrityError:
        after = ends[index - 1][0] + 1 if 0 < index <= len(ends) else 1
        text = task.text if task is not None else ""
        where = f"{task.field.id} {text[:20]!r}" if task is not None else "a field"
        return TextIntegrityError(
            f"{where} is not a run of the input in order (text reordered, changed or duplicated)",
            file=self.name,
            line=after,
            hint=_HINT,
        )


def _tasks(edition: Edition):
    """Yield the fields to place: each article's text in order, then its figures."""
    for number, article in enumerate(edition.articles):
        figures = []
        mode = "article"
        for field in _text_fields(article, figures):
            task = _task(field, number, mode)
            if task is not None:
                yield task
                mode = "next"
        for figure, has_credit in figures:
            mode = "figure"
            for index, field in enumerate(figure):
                # A caption may end inside a line only where its credit follows
                # on that line (…讨论病例　刘  阳/摄).
                before_credit = has_credit and index == len(figure) - 2
                task = _task(field, number, mode, before_credit, in_figure=True)
                if task is not None:
                    yield task
                    mode = "next"


def _task(
    field: Sentence, article: int, mode: str, before_credit: bool = False, in_figure: bool = False
) -> _Task | None:
    text = _visible(field.zh)
    if not text:
        return None
    # Fields end inside a line only where a sentence can end (or after a
    # dateline); this keeps "五" from matching the start of "五里牌街道".
    stops = field.id.endswith("-dl") or text[-1] in _BOUNDARY or before_credit
    return _Task(field, text, article, mode, stops, in_figure)


def _text_fields(article: Article, figures: list):
    yield from article_front(article)
    for block in article.blocks:
        if block.kind == "figure":
            credit = (block.credit,) if block.credit is not None else ()
            figures.append(((*block.sentences, *credit), bool(credit)))
        else:
            yield from block.sentences


__all__ = ["TextIntegrityError", "check_text_preserved"]
