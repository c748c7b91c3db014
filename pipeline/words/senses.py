"""Learner senses: the curated gloss of a frequent polysemous word, chosen by its neighbours.

The table (``data/learner_senses.tsv``) has one row per word and context:
``word`` (optionally with the reading the row is for: ``得:děi``), ``prev``
and ``next`` (what the tokens before and after must be),
``gloss`` and ``source`` (``cedict:N``, the Nth CC-CEDICT sense of the word,
or ``written: why``). The rows of a word are tried in file order and the
first whose context holds wins, so a word's specific rows come before its
general one. A context is ``*`` (anything) or words and classes joined by
``|``: ``prev=NUM|DEM`` holds after a numeral or a demonstrative. A gloss
``@name`` is the wording ``data/particle_names.tsv`` gives that particle (把
``@object-marker``), so that a particle is named the same in every row and rule.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from zhreader.errors import LearnerSensesError
from zhreader.names import PLACE_SUFFIXES
from zhreader.pinyin_text import numbered
from zhreader.pipeline.structure.sentences import OPENERS
from zhreader.pipeline.words.numbers import (
    APPROXIMATORS,
    MONTHS,
    digits_value,
    han_value,
    ordinal,
    round_count,
    split_numeral,
)

LEARNER_SENSES = Path(__file__).with_name("data") / "learner_senses.tsv"
# The wordings of particles and markers, by name: one place for the rows and the rules.
PARTICLE_NAMES = Path(__file__).with_name("data") / "particle_names.tsv"
NAME_COLUMNS = ("name", "gloss", "source")
# A row whose gloss is ``@name`` shows the particle wording of that name.
_NAMED = "@"
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
_Row = TypeVar("_Row")  # a row of a sense table, with its ``word``
COLUMNS = ("word", "prev", "next", "gloss", "source")
MAX_LEARNER_GLOSS = 40
_SOURCE = re.compile(r"^(?:cedict:[1-9][0-9]*|written: \S.*)$")
_TEMPLATE = re.compile(r"\{(month|ordinal)\}")
DEMONSTRATIVES = frozenset("这那每哪该此某各本几")
# One-character verbs that take a verb after them rather than a complement:
# modal and causative verbs, and 来/去 of purpose (想回来 "to want to return",
# 去出来 is no phrase).
VERB_TAKERS = frozenset("想要会能敢肯该得让叫请去来")
# Two-character verbs that take a verb after them (应该回来 "should come back"):
# a direction after them is the next verb, not their complement.
VERB_TAKERS_TWO = frozenset(
    (
        "可以", "能够", "应该", "应当", "愿意", "打算", "准备", "需要", "希望", "想要",
        "开始", "决定", "喜欢", "值得", "敢于", "善于", "继续", "必须", "只能", "不能",
        "不会", "不要", "不想", "不用", "可能", "要求", "请求", "计划",
    )
)  # fmt: skip


class Neighbour(NamedTuple):
    """The token next to the one being glossed, as a context sees it."""

    text: str
    kind: str  # a token kind; "" for the edge of the sentence
    tag: str  # jieba's part of speech of the word, "" if unlisted


EDGE = Neighbour("", "", "")


def _is_numeral(n: Neighbour) -> bool:
    if n.kind == "number" or n.text in APPROXIMATORS or n.text == "几":
        return True  # 100余名, 多名, 几位: the approximator stands before the measure word
    if round_count(n.text):
        return True  # 上千场 "over a thousand (classifier for events)"
    text = n.text[:-1] if n.text[-1:] in APPROXIMATORS else n.text
    return n.kind == "word" and bool(text) and han_value(text) is not None


def _is_amount(n: Neighbour) -> bool:
    """Tell whether the neighbour is a number or a word that starts with one (三百户, 两千人)."""
    if n.kind == "number":
        return True
    numeral = split_numeral(n.text)[0] if n.kind == "word" else ""  # 来, 多 alone are none
    return bool(numeral) and han_value(numeral) is not None


def _takes_complement(n: Neighbour) -> bool:
    """Tell whether the neighbour is a one-character action verb a direction completes (拿出来)."""
    return len(n.text) == 1 and n.tag == "v" and n.text not in VERB_TAKERS


def _is_action(n: Neighbour) -> bool:
    """Tell whether the neighbour is an action verb of any length (保存下来, 推广出去)."""
    return n.tag in ("v", "vn") and n.text not in VERB_TAKERS and n.text not in VERB_TAKERS_TWO


def _one_counted(n: Neighbour) -> bool:
    """Tell whether the neighbour is 一 and a measure word in one token (一辆, 一站, 一位)."""
    return n.kind == "word" and len(n.text) == 2 and n.text[0] == "一" and n.tag in ("m", "mq", "")


def _is_noun(n: Neighbour) -> bool:
    if n.kind in ("name", "place") or n.tag[:1] == "n" or n.tag == "vn":
        return True
    # A word jieba does not list is most often a noun its HMM put together (招聘会).
    return n.kind == "word" and not n.tag and len(n.text) > 1 or n.text in PLACE_SUFFIXES


# The classes a context may name, each a test of the neighbour.
CLASSES = {
    "NUM": _is_numeral,
    "AMOUNT": _is_amount,
    "COUNTED": lambda n: n.text[-1:] == "个" and han_value(n.text[:-1]) is not None,
    "DEM": lambda n: n.text in DEMONSTRATIVES or n.text in ("这个", "那个"),
    "YEAR": lambda n: n.kind == "number" and n.text.isdigit() and len(n.text) == 4,
    "PLACE": lambda n: n.kind == "place" or n.tag in ("ns", "s", "f") or n.text in PLACE_SUFFIXES,
    "TIME": lambda n: n.tag in ("t", "tg"),
    "NOUN": _is_noun,
    "VERB": lambda n: n.tag[:1] == "v" and n.tag != "vn",
    "VERB1": _takes_complement,
    "ACT": _is_action,  # an action verb of any length (总结, 记录), not a modal (应该, 想)
    "ONE": _one_counted,
    "VERBAL": lambda n: n.tag[:1] == "v",  # a verb or a verbal noun (工作, 学习)
    "ADJ": lambda n: n.tag[:1] == "a",
    "ADV": lambda n: n.tag in ("d", "ad"),  # an adverb, or an adjective used as one (按时, 认真)
    "PRON": lambda n: n.tag == "r",
    "NAME": lambda n: n.kind == "name",
    "END": lambda n: n.kind in ("", "punct"),
    # The end of a clause: punctuation that closes (，。” …), not what opens a quote (“《).
    "CLOSE": lambda n: n.kind == "" or n.kind == "punct" and n.text[:1] not in OPENERS,
}


@dataclass(frozen=True)
class SenseRow:
    """One row of the table: a word's gloss when its neighbours fit."""

    word: str
    prev: frozenset[str]  # words and CLASSES; empty for any
    next: frozenset[str]
    gloss: str
    source: str
    line: int
    reading: tuple[str, ...] = ()  # numbered syllables ("dei3",); empty for any reading

    def holds(self, prev: Neighbour, nxt: Neighbour) -> bool:
        return _fits(self.prev, prev) and _fits(self.next, nxt)

    def read_as(self, reading: tuple[str, ...]) -> bool:
        """Tell whether a token read ``reading`` (tone-marked) is what the row is for."""
        return not self.reading or same_reading(self.reading, tuple(map(numbered, reading)))

    def render(self, prev: Neighbour) -> str | None:
        """Fill ``{month}`` / ``{ordinal}`` from the number before; None if it cannot be."""
        if "{" not in self.gloss:
            return self.gloss
        value = digits_value(prev.text) if prev.kind == "number" else han_value(prev.text)
        if value is None or value != int(value):
            return None
        value = int(value)
        if "{month}" in self.gloss and not 1 <= value <= 12:
            return None
        if "{ordinal}" in self.gloss and not 1 <= value <= 31:
            return None
        return _TEMPLATE.sub(
            lambda m: MONTHS[value - 1] if m.group(1) == "month" else ordinal(value), self.gloss
        )


def same_reading(quoted: tuple[str, ...], read: tuple[str, ...]) -> bool:
    """Compare numbered syllables; a neutral tone matches its citation tone (东西 dōngxi, dōngxī).

    The reader stores citation tones, CC-CEDICT writes the spoken neutral tone:
    only a different syllable or a different full tone is another reading.
    """
    return len(quoted) == len(read) and all(
        a[:-1] == b[:-1] and (a[-1] == b[-1] or "5" in (a[-1], b[-1]))
        for a, b in zip(quoted, read, strict=True)
    )


def _fits(wanted: frozenset[str], neighbour: Neighbour) -> bool:
    if not wanted:
        return True
    return neighbour.text in wanted or any(
        name in CLASSES and CLASSES[name](neighbour) for name in wanted
    )


class LearnerSenses:
    """The learner-senses table, by word; ``choose`` picks a row by context."""

    def __init__(self, rows: list[SenseRow]) -> None:
        self.rows = tuple(rows)
        self._by_word = by_word(rows)

    @classmethod
    def load(cls, path: Path = LEARNER_SENSES) -> LearnerSenses:
        """Read and validate the table; a malformed row raises with its file and line."""
        return cls(read_rows(path))

    def __contains__(self, word: str) -> bool:
        return word in self._by_word

    def choose(self, word: str, prev: Neighbour = EDGE, nxt: Neighbour = EDGE) -> str | None:
        """Return the gloss of the first row of ``word`` whose context holds, else None."""
        chosen = self.choose_row(word, prev, nxt)
        return chosen[1] if chosen else None

    def choose_row(
        self,
        word: str,
        prev: Neighbour = EDGE,
        nxt: Neighbour = EDGE,
        reading: tuple[str, ...] = (),
    ) -> tuple[SenseRow, str] | None:
        """Return the first row of ``word`` whose context (and reading) holds, with its gloss.

        A row for one reading needs the token's ``reading``; without it, it never holds.
        """
        for row in self._by_word.get(word, ()):
            if row.holds(prev, nxt) and (row.read_as(reading) if reading else not row.reading):
                gloss = row.render(prev)
                if gloss:
                    return row, gloss
        return None

    def contextual(self, word: str) -> bool:
        """Tell whether a row of ``word`` depends on its neighbours."""
        return any(row.prev or row.next for row in self._by_word.get(word, ()))


def read_rows(path: Path, names: Mapping[str, str] | None = None) -> list[SenseRow]:
    """Parse the TSV; raise LearnerSensesError naming the first bad line.

    A gloss written ``@name`` is the wording ``names`` gives that particle
    (by default the bundled particle names).
    """
    names = particle_names() if names is None else names
    records = table_records(path, COLUMNS, "learner senses")
    return [_row(fields, path, number, names) for number, fields in records]


def read_particle_names(path: Path = PARTICLE_NAMES) -> dict[str, str]:
    """Read the particle wordings by name; raise LearnerSensesError naming the first bad line."""
    names: dict[str, str] = {}
    for line, fields in table_records(path, NAME_COLUMNS, "particle names"):
        problem = _name_problem(fields, names)
        if problem:
            raise LearnerSensesError(problem, file=str(path), line=line)
        names[fields[0].strip()] = fields[1].strip()
    return names


def _name_problem(fields: list[str], names: Mapping[str, str]) -> str | None:
    """Return what is wrong with a row of the particle names, else None."""
    if len(fields) != len(NAME_COLUMNS):
        return f"expected {len(NAME_COLUMNS)} tab-separated columns, found {len(fields)}"
    name, gloss, source = (f.strip() for f in fields)
    if not _NAME.fullmatch(name) or name in names:
        return f"the name must be new, lower-case words joined by '-': {name!r}"
    if not gloss or len(gloss) > MAX_LEARNER_GLOSS or "/" in gloss or ";" in gloss:
        return f"the gloss must be one sense of 1-{MAX_LEARNER_GLOSS} characters: {gloss!r}"
    if not source.startswith("written: ") or len(source.split()) < 4:
        return f"the source must be 'written: reason', found {source!r}"
    return None


@functools.cache
def particle_names() -> Mapping[str, str]:
    """Return the bundled particle wordings by name (read once, read-only)."""
    return MappingProxyType(read_particle_names())


def particle_name(name: str) -> str:
    """Return the bundled wording of the particle ``name`` (particle_names.tsv)."""
    return particle_names()[name]


def table_records(
    path: Path, columns: tuple[str, ...], what: str
) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of a sense table's rows; comment lines are skipped.

    The file must read as UTF-8 and open with the header ``columns``; else
    LearnerSensesError names the file (and line 1 for the header).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LearnerSensesError(f"cannot read the {what}: {err}", file=str(path)) from err
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if tuple(header or ()) != columns:
        raise LearnerSensesError(
            f"expected the header {' '.join(columns)}, found {header}", file=str(path), line=1
        )
    for number, fields in enumerate(reader, start=2):
        if fields and not fields[0].startswith("#"):
            yield number, fields


def by_word(rows: Iterable[_Row]) -> dict[str, list[_Row]]:
    """Group a sense table's rows by their word, in file order."""
    grouped: dict[str, list[_Row]] = {}
    for row in rows:
        grouped.setdefault(row.word, []).append(row)
    return grouped


def _row(fields: list[str], path: Path, line: int, names: Mapping[str, str]) -> SenseRow:
    def fail(message: str) -> LearnerSensesError:
        return LearnerSensesError(message, file=str(path), line=line)

    if len(fields) != len(COLUMNS):
        raise fail(f"expected {len(COLUMNS)} tab-separated columns, found {len(fields)}")
    written, prev, nxt, gloss, source = (f.strip() for f in fields)
    word, colon, marked = written.partition(":")
    if not word:
        raise fail("the word is empty")
    reading = tuple(numbered(s) for s in marked.split())
    if gloss.startswith(_NAMED):
        if gloss[1:] not in names:
            raise fail(f"unknown particle name {gloss!r}: the names are in {PARTICLE_NAMES.name}")
        gloss = names[gloss[1:]]
    if colon and len(reading) != len(word):
        raise fail(f"the reading of {word} needs {len(word)} syllables: {written!r}")
    if not gloss or len(gloss) > MAX_LEARNER_GLOSS or "/" in gloss or ";" in gloss:
        raise fail(f"the gloss must be one sense of 1-{MAX_LEARNER_GLOSS} characters: {gloss!r}")
    if not _SOURCE.match(source):
        raise fail(f"the source must be cedict:N or 'written: reason', found {source!r}")
    contexts = []
    for context in (prev, nxt):
        items = frozenset() if context == "*" else frozenset(context.split("|"))
        bad = [i for i in items if not i or (i.isascii() and i not in CLASSES)]
        if bad or not context:
            raise fail(f"unknown context {context!r}: use *, words, or {', '.join(CLASSES)}")
        contexts.append(items)
    return SenseRow(word, contexts[0], contexts[1], gloss, source, line, reading)


def quoted_sense(
    entries: list[tuple[str, tuple[str, ...]]], number: int
) -> tuple[str, str] | None:
    """Return (the entry's numbered pinyin, the sense) that ``cedict:N`` quotes, or None.

    Senses are counted over the word's entries in file order (``Dictionary.entries``).
    """
    for pinyin, senses in entries:
        if number <= len(senses):
            return pinyin, senses[number - 1]
        number -= len(senses)
    return None


def check_rows(rows: list[SenseRow], dictionary, path: Path = LEARNER_SENSES) -> list[str]:
    """Return every problem of the table as ``FILE:LINE: message`` (empty when sound).

    A ``cedict:N`` row must quote the Nth CC-CEDICT sense of its word (whole,
    or one of its ``;`` parts, cleaned as glosses are); a written row needs a
    reason; no row may hide behind an earlier row of its word without context,
    nor repeat an earlier row's context.
    """
    from zhreader.pipeline.words.dictionary import clean_sense

    problems = []
    earlier: dict[str, list[SenseRow]] = {}
    for row in rows:
        where = f"{path}:{row.line}: {row.word}"
        before = earlier.setdefault(row.word, [])
        if any(not (e.prev or e.next or e.reading) for e in before):
            problems.append(f"{where}: unreachable after the row without context")
        if (row.prev, row.next, row.reading) in [(e.prev, e.next, e.reading) for e in before]:
            problems.append(f"{where}: the same context as an earlier row")
        before.append(row)
        readings = [tuple(p.lower().split()) for p, _ in dictionary.entries(row.word)]
        if row.reading and not any(same_reading(row.reading, r) for r in readings):
            problems.append(f"{where}: CC-CEDICT reads it {readings}, not {row.reading}")
        if row.source.startswith("written:"):
            if len(row.source.removeprefix("written:").split()) < 3:
                problems.append(f"{where}: a written gloss needs its reason")
            continue
        number = int(row.source.removeprefix("cedict:"))
        quoted = quoted_sense(dictionary.entries(row.word), number)
        if quoted is None:
            count = sum(len(senses) for _, senses in dictionary.entries(row.word))
            problems.append(f"{where}: CC-CEDICT has {count} senses, not {number}")
            continue
        sense = quoted[1]
        whole = {clean_sense(sense)} | {clean_sense(part) for part in sense.split("; ")}
        if row.gloss not in whole:
            problems.append(f"{where}: {row.gloss!r} is not CC-CEDICT's sense {number}: {sense!r}")
    return problems


__all__ = [
    "by_word",
    "check_rows",
    "CLASSES",
    "EDGE",
    "LEARNER_SENSES",
    "LearnerSenses",
    "Neighbour",
    "PARTICLE_NAMES",
    "SenseRow",
    "particle_name",
    "particle_names",
    "quoted_sense",
    "read_particle_names",
    "read_rows",
    "same_reading",
    "table_records",
]
