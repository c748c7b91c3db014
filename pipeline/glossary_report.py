"""What an annotated issue says about the glossary: the terms it uses, and the ones it lacks.

An editor runs ``zhreader glossary report INPUT`` before extending the
glossary for the next issue. The report is a pure function of an annotated
edition, the glossary and the general dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from zhreader.pipeline.glossary import Glossary, GlossaryEntry, term_occurrences
from zhreader.pipeline.glossary_check import HAN, MIN_TERM_LENGTH, han_count

from zhreader.model import Edition, Sentence, Token, iter_sentences

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
    reason: str  # "not in the dictionary" or "quoted"
    first: str  # the sentence id of the first occurrence


@dataclass(frozen=True)
class GlossaryReport:
    terms: tuple[TermUse, ...]  # most frequent first, then in order of first occurrence
    candidates: tuple[Candidate, ...]  # quoted slogans, then unknown words, most frequent first


def glossary_report(
    edition: Edition,
    glossary: Glossary,
    known_word: Callable[[str], bool],
    read: Callable[[str], tuple[str, ...]],
    min_count: int = 2,
) -> GlossaryReport:
    """Report the terms an annotated edition uses and the candidates it suggests.

    ``known_word`` tells whether the general dictionary has a word; ``read``
    gives a text's pinyin (for quoted slogans, which span several tokens).
    """
    return GlossaryReport(
        terms=used_terms(edition, glossary),
        candidates=(
            *quoted_candidates(edition, glossary, read),
            *word_candidates(edition, known_word, min_count),
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
            and HAN.match(quote)
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
    "glossary_report",
    "quotations",
    "quoted_candidates",
    "used_terms",
    "word_candidates",
]
