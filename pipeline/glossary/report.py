"""What an annotated issue says about the glossary: the terms it uses, and the ones it lacks.

An editor runs ``zhreader glossary report INPUT`` before extending the
glossary for the next issue. The report is a pure function of an annotated
edition, the glossary and the general dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from zhreader.han import HAN_RE, han_count
from zhreader.model import Edition, Sentence, Token, iter_sentences
from zhreader.pipeline.glossary.check import MIN_TERM_LENGTH
from zhreader.pipeline.glossary.load import Glossary, GlossaryEntry, term_occurrences

# Quotation marks that set off slogans in Chinese text: “…”, ‘…’, 「…」, 『…』.
QUOTED = re.compile(
    "\U0000201c([^\U0000201c\U0000201d]+)\U0000201d"
    "|\U00002018([^\U00002018\U00002019]+)\U00002019"
    "|\U0000300c([^\U0000300c\U0000300d]+)\U0000300d"
    "|\U0000300e([^\U0000300e\U0000300f]+)\U0000300f"
)
# A slogan is short and has no sentence punctuation (full-width 。！？，；： or ASCII).
SENTENCE_PUNCTUATION = re.compile(
    "[\U00003002\U0000ff01\U0000ff1f\U0000ff0c\U0000ff1b\U0000ff1a.!?,;:]"
)
MAX_SLOGAN_LENGTH = 12
CANDIDATE_KINDS = ("word", "place")  # person names stay out of the glossary
# jieba's part-of-speech tags of words that belong to what follows them: a run
# ending in an adverb (正式 in 图书馆正式开放), a preposition, a conjunction, a
# particle or a pronoun is a fragment across a phrase boundary, not a term.
LEANS_FORWARD = frozenset({"d", "ad", "p", "c", "u", "uj", "ul", "r"})
PERCENT = ("%", "\U0000ff05", "\U00002030")
# ... and words that belong to what precedes them (particles, conjunctions).
LEANS_BACK = frozenset({"c", "u", "uj", "ul", "y"})


@dataclass(frozen=True)
class TermUse:
    """A glossary entry found in the issue."""

    entry: GlossaryEntry
    occurrences: tuple[str, ...]  # sentence ids, one per occurrence

    @property
    def count(self) -> int:
        return len(self.occurrences)


@dataclass(frozen=True)
class Candidate:
    """Something the glossary does not know but an editor may want to add."""

    zh: str
    pinyin: tuple[str, ...]
    count: int
    reason: str  # "quoted", "not in the dictionary" or "recurring sequence"
    first: str  # the sentence id of the first occurrence


@dataclass(frozen=True)
class GlossaryReport:
    terms: tuple[TermUse, ...]  # most frequent first, then in order of first occurrence
    # Quoted slogans, unknown words, then recurring word sequences; most frequent first.
    candidates: tuple[Candidate, ...]


def glossary_report(
    edition: Edition,
    glossary: Glossary,
    known_word: Callable[[str], bool],
    read: Callable[[str], tuple[str, ...]],
    min_count: int = 2,
    tag_of: Callable[[str], str] = lambda word: "",
) -> GlossaryReport:
    """Report the terms an annotated edition uses and the candidates it suggests.

    ``known_word`` tells whether the general dictionary has a word; ``read``
    gives a text's pinyin (for quoted slogans, which span several tokens);
    ``tag_of`` gives a word's part of speech (jieba's tags), to drop fragments.
    """
    return GlossaryReport(
        terms=used_terms(edition, glossary),
        candidates=(
            *quoted_candidates(edition, glossary, read),
            *word_candidates(edition, known_word, min_count),
            *sequence_candidates(edition, known_word, min_count, tag_of),
        ),
    )


def used_terms(edition: Edition, glossary: Glossary) -> tuple[TermUse, ...]:
    """Return the glossary entries the edition's tokens name, most frequent first."""
    uses = [
        TermUse(entry, tuple(ids))
        for term, ids in term_occurrences(edition).items()
        if (entry := glossary.lookup(term)) is not None
    ]
    # sorted() is stable, so equal counts keep the order of first occurrence.
    return tuple(sorted(uses, key=lambda use: -use.count))


def word_candidates(
    edition: Edition, known_word: Callable[[str], bool], min_count: int
) -> list[Candidate]:
    """Return frequent multi-character words that are neither terms nor in the dictionary."""
    counts: dict[str, list] = {}
    for sentence, token in _tokens(iter_sentences(edition)):
        if token.term or token.kind not in CANDIDATE_KINDS:
            continue
        if han_count(token.zh) < MIN_TERM_LENGTH or han_count(token.zh) != len(token.zh):
            continue
        seen = counts.setdefault(token.zh, [0, token.pinyin, sentence.id])
        seen[0] += 1
    found = [
        Candidate(zh, pinyin, count, "not in the dictionary", first)
        for zh, (count, pinyin, first) in counts.items()
        if count >= min_count and not known_word(zh)
    ]
    return sorted(found, key=lambda c: -c.count)


def sequence_candidates(
    edition: Edition,
    known_word: Callable[[str], bool],
    min_count: int,
    tag_of: Callable[[str], str] = lambda word: "",
) -> list[Candidate]:
    """Return recurring runs of two or three words that may be one term jieba split.

    Only words of two or more Chinese characters take part, so that particles
    (的, 了) do not glue phrases together; a run inside a longer run with the
    same count is left out, and so is a run that crosses a phrase boundary
    (see ``crosses_boundary``).
    """
    counts: dict[str, list] = {}
    for sentence in iter_sentences(edition):
        for run in _word_runs(sentence.tokens, tag_of):
            text = "".join(token.zh for token in run)
            pinyin = tuple(s for token in run for s in token.pinyin)
            seen = counts.setdefault(text, [0, pinyin, sentence.id])
            seen[0] += 1
    frequent = {
        text: value
        for text, value in counts.items()
        if value[0] >= min_count and not known_word(text)
    }
    found = [
        Candidate(text, pinyin, count, "recurring sequence", first)
        for text, (count, pinyin, first) in frequent.items()
        if not any(
            text != other and text in other and frequent[other][0] == count for other in frequent
        )
    ]
    return sorted(found, key=lambda c: -c.count)


def _word_runs(
    tokens: tuple[Token, ...], tag_of: Callable[[str], str] = lambda word: ""
) -> Iterable[tuple[Token, ...]]:
    """Yield every run of two or three adjacent plain words (no terms, all Chinese)."""
    for size in (2, 3):
        for start in range(len(tokens) - size + 1):
            run = tokens[start : start + size]
            before = tokens[start - 1] if start else None
            if all(
                token.kind == "word"
                and not token.term
                and len(token.zh) >= MIN_TERM_LENGTH
                and han_count(token.zh) == len(token.zh)
                for token in run
            ) and not crosses_boundary(run, before, tag_of):
                yield run


def crosses_boundary(
    run: tuple[Token, ...], before: Token | None, tag_of: Callable[[str], str]
) -> bool:
    """Tell whether a run of words is a fragment across phrase boundaries.

    Its first word belongs to the number before it (24小时 | 自助), or its
    last word leans on what follows (图书馆 正式 | 开放), or its first word on
    what precedes.
    """
    # A count takes a unit or classifier (24小时, 3万亩); a percentage does not.
    if before is not None and before.kind == "number" and not before.zh.endswith(PERCENT):
        return True
    return tag_of(run[-1].zh) in LEANS_FORWARD or tag_of(run[0].zh) in LEANS_BACK


def quoted_candidates(
    edition: Edition, glossary: Glossary, read: Callable[[str], tuple[str, ...]]
) -> list[Candidate]:
    """Return short quoted phrases (slogans) that are not glossary forms."""
    counts: dict[str, list] = {}
    for sentence in iter_sentences(edition):
        for quote in quotations(sentence.zh):
            if glossary.lookup(quote) is None:
                seen = counts.setdefault(quote, [0, sentence.id])
                seen[0] += 1
    found = [
        Candidate(quote, read(quote), count, "quoted", first)
        for quote, (count, first) in counts.items()
    ]
    return sorted(found, key=lambda c: -c.count)


def quotations(text: str) -> list[str]:
    """Return the short quoted phrases of a text that look like slogans."""
    found = []
    for match in QUOTED.finditer(text):
        quote = next(group for group in match.groups() if group is not None)
        if (
            len(quote) <= MAX_SLOGAN_LENGTH
            and han_count(quote) >= MIN_TERM_LENGTH
            and not SENTENCE_PUNCTUATION.search(quote)
            and HAN_RE.match(quote)
        ):
            found.append(quote)
    return found


def _tokens(sentences: Iterable[Sentence]) -> Iterable[tuple[Sentence, Token]]:
    for sentence in sentences:
        for token in sentence.tokens:
            yield sentence, token


__all__ = [
    "Candidate",
    "GlossaryReport",
    "TermUse",
    "crosses_boundary",
    "glossary_report",
    "quotations",
    "quoted_candidates",
    "sequence_candidates",
    "used_terms",
    "word_candidates",
]
