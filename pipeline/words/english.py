"""How common the English of a CC-CEDICT sense is, from wordfreq's English word frequencies.

A learner reads "backbone" more easily than "diaphysis" (骨干), "dialect"
than "topolect" (方言), "celebrity" than "personage" (名人): where a word has
a sense in everyday English and one in rare words, the everyday one is the
better gloss. wordfreq (a well-kept table of word frequencies in many
languages, from subtitles, Wikipedia, news, books and the web) gives each
English word its Zipf frequency: log10 of its count per billion words, 3 for
one in a million, 7 for "the". The frequencies of the words CC-CEDICT's
senses use are read once, when the derived dictionary is built, and stored
in it (``english_rows``); annotation never loads wordfreq.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

# A sense is rare when one of its words is rarer than this (Zipf; 2.5 is about
# three in a billion words: "diaphysis" 1.2, "topolect" 0, "dialect" 3.6).
RARE_ZIPF = 2.5
# Words this common are grammar (to, of, or, at, up: Zipf 6.2-7.4), not what a sense is about.
FUNCTION_ZIPF = 6.0
# CC-CEDICT's abbreviations (to tell sb sth), no English words.
_PLACEHOLDERS = frozenset(["sb", "sth", "sb's", "sth's", "one's", "oneself", "etc"])
# Words that open a modal's or an adverb's sense (不能 "cannot", 如 "as", 还有 "furthermore").
_MODALS_AND_ADVERBS = """
can cannot can't might may must should ought will would won't not no as if whether for
similar it there so too very all just even only such than more less like how what unable able
in on at by with from up down out off without within about after before because since until
while although though however thus therefore also still never ever always often sometimes
usually furthermore moreover besides otherwise instead rather quite almost nearly already yet
again once hello hey oh yes okay please sorry thanks thank need needless considered called known
"""
_NOT_NOMINAL = frozenset(_MODALS_AND_ADVERBS.split())
# English words that say nothing of a sense: two senses sharing only these share nothing.
# fmt: off
EMPTY_WORDS = frozenset([
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "with", "and", "or", "as",
    "be", "is", "sth", "sb", "one", "one's", "oneself", "etc",
])
# fmt: on
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def sense_words(sense: str) -> tuple[str, ...]:
    """Return the lower-case English words of a sense, CC-CEDICT's placeholders left out."""
    return tuple(w for w in _WORD.findall(sense.lower()) if w not in _PLACEHOLDERS)


def english_rows(senses: Iterable[str]) -> list[tuple[str, int]]:
    """Return (word, Zipf × 100) for every English word the senses use; 0 for unlisted words."""
    import wordfreq

    frequencies = wordfreq.get_frequency_dict("en")
    words = sorted({w for sense in senses for w in sense_words(sense)})
    return [(w, _zipf(frequencies.get(w, 0.0))) for w in words]


def _zipf(frequency: float) -> int:
    return round(100 * (math.log10(frequency) + 9)) if frequency > 0 else 0


def nominal(sense: str) -> bool:
    """Tell whether a sense with no infinitive reads as a noun or adjective, not a modal or adverb.

    jieba's dictionary tags some nouns as verbs (超市 "supermarket", 行为
    "action"); CC-CEDICT's English tells them from its modals and adverbs
    (应该 "ought to", 可能 "might", 看来 "apparently").
    """
    words = sense.lower().removeprefix("a ").removeprefix("an ").removeprefix("the ").split()
    if not words or sense.startswith(("to ", "-")):
        return False
    return words[0] not in _NOT_NOMINAL and not words[0].endswith("ly")


def is_rare(sense: str, zipf: Callable[[str], int]) -> bool:
    """Tell whether every content word of a sense is rarer than RARE_ZIPF (``zipf``: Zipf × 100).

    One everyday word is enough for a learner to follow ("calabash or bottle
    gourd"); the grammar words (Zipf FUNCTION_ZIPF and up: to, of, or, at) say
    nothing either way.
    """
    content = [z for z in map(zipf, sense_words(sense)) if z < FUNCTION_ZIPF * 100]
    return bool(content) and max(content) < RARE_ZIPF * 100


__all__ = ["EMPTY_WORDS", "RARE_ZIPF", "english_rows", "is_rare", "nominal", "sense_words"]
