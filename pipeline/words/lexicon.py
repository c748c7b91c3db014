"""The edition's lexicon: every word its tokens use, and their characters, as CC-CEDICT has them.

The editions' word panel shows all readings and senses of a word, its HSK
level and its characters; the renderers only read the model, so the stage
that knows the dictionary writes what they need into ``Edition.lexicon``.
"""

from __future__ import annotations

from dataclasses import replace

from pypinyin.contrib.tone_convert import to_tone

from zhreader.han import has_han, is_han
from zhreader.model import Edition, LexiconEntry, Notice, Reading, iter_sentences
from zhreader.pipeline.words.dictionary import Dictionary

# Tokens of these kinds have dictionary words (numbers, Latin text and punctuation do not).
WORD_KINDS = frozenset({"word", "name", "place"})
NO_CHINESE = Notice(
    "no-chinese",
    "The input has no Chinese characters: this edition shows its text as it is, "
    "with no pinyin, glosses or word panel. Was the right file given?",
)


def tone_marks(numbered: str) -> tuple[str, ...]:
    """Turn CC-CEDICT's numbered pinyin ("Lin2 xiang1", "lu:4") into tone marks."""
    return tuple(to_tone(s.replace("u:", "v").replace("U:", "V")) for s in numbered.split())


def readings(dictionary: Dictionary, word: str) -> tuple[Reading, ...]:
    """Group a word's CC-CEDICT senses by reading, in the dictionary's order."""
    grouped: dict[tuple[str, ...], list[str]] = {}
    for form in dict.fromkeys((word, dictionary.simplified(word))):
        for pinyin, senses in dictionary.entries(form):
            found = grouped.setdefault(tone_marks(pinyin), [])
            found.extend(s for s in senses if s not in found)
        if grouped:
            break
    return tuple(Reading(pinyin, tuple(senses)) for pinyin, senses in grouped.items())


def words_of(edition: Edition) -> set[str]:
    """Return the words the edition's tokens (and terms' parts) use and their Han characters."""
    words = {
        word.zh
        for sentence in iter_sentences(edition)
        for token in sentence.tokens
        for word in (token, *token.parts)  # a term's words have their own panel
        if word.kind in WORD_KINDS and any(is_han(c) for c in word.zh)
    }
    return words | {c for word in words for c in word if is_han(c)}


def add_lexicon(edition: Edition, dictionary: Dictionary) -> Edition:
    """Return the edition with its lexicon: each word and character once, sorted."""
    lexicon = tuple(
        LexiconEntry(zh=word, readings=readings(dictionary, word), hsk=dictionary.hsk_level(word))
        for word in sorted(words_of(edition))
    )
    return replace(edition, lexicon=lexicon)


def notice_no_chinese(edition: Edition) -> Edition:
    """Add the ``no-chinese`` notice when no sentence has a Han character."""
    if any(has_han(sentence.zh) for sentence in iter_sentences(edition)):
        return edition
    return replace(edition, notices=(NO_CHINESE, *edition.notices))


__all__ = [
    "NO_CHINESE",
    "WORD_KINDS",
    "add_lexicon",
    "notice_no_chinese",
    "readings",
    "tone_marks",
    "words_of",
]
