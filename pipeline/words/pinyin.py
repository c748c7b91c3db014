"""Pinyin for a segmented sentence: polyphones in context, surnames, capitals, 一/不 sandhi.

Every Han character first gets pypinyin's reading of its word (phrase-aware).
A polyphone (a character with several readings in g2pM's list) is then
decided in this order:

1. inside a multi-character word that pypinyin's phrases and CC-CEDICT read
   the same way at that position (银行 yínháng, 种植 zhòngzhí): that reading;
2. 得, 地, 为, 还, 种 and 干 standing alone: by the grammar of their clause
   (``function_words.grammatical_reading``);
3. otherwise g2pM's BiLSTM over the ten characters either side, plus
   ``CONTEXT_WEIGHT`` times the log-probability of the model trained here
   (``context_model``, 114 characters) with part of its training data's
   reading prior divided out (``PRIOR_SHIFT``, label shift), its logits
   raised by the dictionaries' readings of the word and of the shorter words
   inside it (``EVIDENCE`` below), so a dictionary wins where the model hesitates,
   and raised more for a common word (``FREQUENCY_TRUST``): g2pM learned its
   readings from encyclopedia sentences and reads 一只 yī zhǐ, 袖子 xiù zǐ and
   重度 chóngdù, while a dictionary's reading of a frequent word is well attested.

Person names take their surname's own reading (单 Shàn, 曾 Zēng), and the
rest of a name is read from the name alone, so it reads one way everywhere. The model
stores dictionary (citation) tones; ``apply_sandhi`` derives the spoken tones
of 一 and 不 for the editions' display option. docs/pinyin.md has the figures.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from zhreader.han import is_han
from zhreader.names import SURNAME_READINGS
from zhreader.pinyin_text import numbered
from zhreader.pipeline.words.context_model import ContextModel, Site, features
from zhreader.pipeline.words.dictionary import Dictionary
from zhreader.pipeline.words.function_words import (
    GRAMMAR_RULES_VERSION,
    grammatical_reading,
    potential_reading,
)
from zhreader.pipeline.words.polyphone import PolyphoneModel
from zhreader.pipeline.words.readings import load_cedict_readings
from zhreader.signature import short_hash

# Logit bonus for a reading that a dictionary gives the polyphone's word (whole)
# or a shorter word inside it (part). Round numbers chosen on the first half of
# CPP dev only; the second half is the held-out check (docs/pinyin.md).
EVIDENCE = {"phrase_whole": 2.0, "cedict_whole": 3.0, "phrase_part": 1.0, "cedict_part": 1.0}
# Further logit bonus for a reading a dictionary gives the whole word, per unit
# of log(1 + the word's frequency in jieba's dictionary): about +8 for 一只 or
# 袖子, +3 for a rare word, nothing for a word jieba does not list. CEDICT's
# slips sit in rare words and transliterations (勃艮第, 拖拽), so a rare word's
# dictionary reading stays evidence while a common word's wins. On CPP dev the
# weight is neutral (0.0 to 1.0 move the score by at most 2 of 9,893 sentences;
# docs/pinyin.md); on everyday text it removes the model's bias toward
# encyclopedia readings.
FREQUENCY_TRUST = 1.0
# Weight of the trained context model's log-probabilities (context_model.py),
# added to g2pM's logits; chosen on the first halves of CPP dev and g2pL dev
# (docs/pinyin.md).
CONTEXT_WEIGHT = 3.0
# Label shift: the trained model learned g2pL's reading shares (80/20, 75/25 ...
# by the dataset's design), while g2pM's logits already carry running text's;
# this much of the training prior is divided out of the trained model's
# probabilities before they are added (0 keeps it, 1 removes it). Chosen on the
# first halves of CPP dev and g2pL dev (docs/pinyin.md).
PRIOR_SHIFT = 0.5
# Bump when a rule inside the reader changes (the erhua 儿 below, the tiling of
# compounds) or the spoken form's (the Annotator's neutral tones, "3"): it is
# part of the signature, so outputs show which rules read them.
READER_RULES_VERSION = "4"



@dataclass(frozen=True)
class _Polyphone:
    """One polyphone of a sentence that the context models must decide."""

    text: str  # what the models read: the sentence, or a name alone
    site: Site  # where the polyphone sits among ``text``'s words
    slot: int  # which syllable of its word
    bonus: dict[str, float]  # numbered reading -> evidence from the dictionaries
    word: int  # which word of the sentence gets the reading
    index: int  # the polyphone's position in ``text``


@dataclass(frozen=True)
class _Plan:
    """A word's context-free part: its syllables so far and the polyphones left open.

    ``syllables`` are pypinyin's, with the reading both dictionaries agree on
    written in at each polyphone that has one (银行 yínháng, worked out once
    per word, not once per occurrence). Each polyphone left to the sentence is
    (offset in the word, syllable slot, the evidence bonus per reading).
    """

    syllables: tuple[str, ...]
    undecided: tuple[tuple[int, int, dict[str, float]], ...]


_PLAN_CACHE_SIZE = 100_000
_ER = frozenset(("er2", "er5"))


class PinyinReader:
    """Read the pinyin of a segmented sentence; load once, call per sentence."""

    def __init__(
        self,
        pypinyin_module,
        phrases: dict,
        cedict: dict,
        model: PolyphoneModel,
        frequency: Callable[[str], int],
        tag: Callable[[str], str],
        context: ContextModel | None = None,
        proper: Callable[[str], bool] = lambda word: True,
        prior_shift: float = PRIOR_SHIFT,
        context_weight: float = CONTEXT_WEIGHT,
    ):
        self._pypinyin = pypinyin_module
        self._phrases = phrases
        self._cedict = cedict
        self._model = model
        self._context = context
        self._frequency = frequency
        self._tag = tag
        self._proper = proper
        self._prior_shift = prior_shift
        self._context_weight = context_weight
        self._plans: dict[str, _Plan] = {}

    @classmethod
    def initialize(
        cls,
        dictionary: Dictionary | None = None,
        prior_shift: float = PRIOR_SHIFT,
        context: ContextModel | None = None,
        context_weight: float = CONTEXT_WEIGHT,
    ) -> PinyinReader:
        """Load pypinyin, both context models and the CEDICT word readings once.

        ``dictionary`` supplies jieba's word frequencies (``FREQUENCY_TRUST``)
        and part-of-speech tags (for 为 and the trained model); without one,
        the cached dictionary is opened here. ``context`` replaces the shipped
        trained model and ``context_weight`` its weight (the training script
        scores candidate models with them).
        """
        import pypinyin
        from pypinyin.constants import PHRASES_DICT

        model = PolyphoneModel.load()
        cedict = load_cedict_readings(
            lambda word: any(model.handles(c) for c in word), model.version()
        )
        dictionary = dictionary or Dictionary.load()
        frequencies, _ = dictionary.word_frequencies()
        return cls(
            pypinyin,
            PHRASES_DICT,
            cedict,
            model,
            frequency=lambda word: frequencies.get(word, 0),
            tag=dictionary.word_tag,
            context=context or ContextModel.load(),
            proper=lambda word: dictionary.proper_gloss(word) is not None,
            prior_shift=prior_shift,
            context_weight=context_weight,
        )

    def signature_part(self) -> str:
        """Name the readings' sources, versions and rules."""
        weights = (sorted(EVIDENCE.items()), FREQUENCY_TRUST, self._context_weight)
        weights += (self._prior_shift,)
        weights += (READER_RULES_VERSION, GRAMMAR_RULES_VERSION)
        rules = short_hash(repr((weights, sorted(SURNAME_READINGS.items()))))
        models = self._model.version()
        if self._context is not None:
            models += f"+{self._context.version()}"
        return f"pypinyin-{self._pypinyin.__version__}+{models}+ctx:{rules}"

    def read(self, words: Sequence[str], kinds: Sequence[str]) -> list[tuple[str, ...]]:
        """Return one tuple of tone-marked syllables per word (one per Han character)."""
        return self.read_many([(words, kinds)])[0]

    def read_many(
        self, sentences: Sequence[tuple[Sequence[str], Sequence[str]]]
    ) -> list[list[tuple[str, ...]]]:
        """Read many segmented sentences at once: ``read`` on each, but faster.

        The context model runs on batches of polyphone windows from all the
        sentences, which costs far less than one sentence at a time
        (docs/pinyin.md has the figures). Scores agree with ``read`` to float32
        rounding; each call is deterministic.
        """
        readings = []
        pending: list[tuple[int, _Polyphone]] = []
        for number, (words, kinds) in enumerate(sentences):
            sentence_readings, sentence_pending = self._prepare(words, kinds)
            readings.append(sentence_readings)
            pending.extend((number, poly) for poly in sentence_pending)
        scores = self._model.scores_many([(poly.text, [poly.index]) for _, poly in pending])
        contexts = self._context_scores_many([poly for _, poly in pending])
        for (number, poly), (options,), context in zip(pending, scores, contexts, strict=True):
            found = readings[number][poly.word]
            found[poly.slot] = _choose(found[poly.slot], self.choose(poly, options, context))
        return [
            [_styled(w, k, s) for w, k, s in zip(words, kinds, found, strict=True)]
            for (words, kinds), found in zip(sentences, readings, strict=True)
        ]

    def choose(
        self, poly: _Polyphone, options: dict[str, float], context: dict[str, float] | None = None
    ) -> str:
        """Return the reading with the best sum of g2pM's logit, the trained model and evidence.

        ``context`` is the trained model's ``_context_scores`` of ``poly`` when
        already computed (``read_many`` scores all polyphones at once).
        """
        if context is None:
            context = self._context_scores(poly)
        # A reading the trained model never saw for the character gets its lowest score.
        floor = min(context.values(), default=0.0)
        return max(
            options,
            key=lambda r: (
                options[r] + self._context_weight * context.get(r, floor) + poly.bonus.get(r, 0.0)
            ),
        )

    def model_inputs(
        self, words: Sequence[str], kinds: Sequence[str], index: int
    ) -> tuple[dict[str, float], dict[str, float]] | None:
        """Return g2pM's logits and the dictionaries' evidence for the character at ``index``.

        ``index`` counts characters of the joined words; None where a name,
        the dictionaries or a grammar rule decide it (the training script
        fits a model to what these two leave open).
        """
        site = Site.at(words, index)
        for poly in self._prepare(words, kinds)[1]:
            if poly.word == site.word and poly.site.offset == site.offset:
                (options,) = self._model.scores_many([(poly.text, [poly.index])])[0]
                return dict(options), dict(poly.bonus)
        return None

    def _context_scores(self, poly: _Polyphone) -> dict[str, float]:
        """Return the trained model's log-probabilities less part of its training prior.

        ``prior_shift`` times the log of each reading's share of the training
        sentences comes off (label shift); {} for a character it does not know.
        """
        return self._context_scores_many([poly])[0]

    def _context_scores_many(self, polys: Sequence[_Polyphone]) -> list[dict[str, float]]:
        """Return ``_context_scores`` of each polyphone, the model run on all of them at once."""
        out: list[dict[str, float]] = [{} for _ in polys]
        if self._context is None:
            return out
        known = [i for i, poly in enumerate(polys) if self._context.handles(poly.text[poly.index])]
        queries = [
            (polys[i].text[polys[i].index], features(polys[i].site, self._tag)) for i in known
        ]
        for i, (char, _), scores in zip(
            known, queries, self._context.log_probs_many(queries), strict=True
        ):
            priors = self._context.log_priors(char)
            out[i] = {r: v - self._prior_shift * priors[r] for r, v in scores.items()}
        return out

    def _prepare(self, words: Sequence[str], kinds: Sequence[str]):
        """Return the sentence's readings so far and the polyphones left to the models.

        A person's name is read on its own, without its sentence, so that it
        reads the same wherever it stands (one reading per name on a page).
        """
        plans = [self._plan(word) for word in words]
        readings = [list(plan.syllables) for plan in plans]
        pending: list[_Polyphone] = []
        text = "".join(words)
        sentence = tuple(words)
        starts = list(accumulate(map(len, words)))  # where each word ends in ``text``
        # Most words are neither names nor hold a polyphone left open: skip them.
        for w in [w for w, plan in enumerate(plans) if plan.undecided or kinds[w] == "name"]:
            word, kind, plan = words[w], kinds[w], plans[w]
            start = starts[w] - len(word)  # where the word starts in ``text``
            fixed = 0
            # A dictionary's proper noun (柏林 Bólín) is no 柏 Bǎi; a common word
            # the segmenter calls a name (书记解放介绍) takes the surname reading.
            alone = kind == "name" and not (self._in_dictionaries(word) and self._proper(word))
            if alone:
                # The surname's reading replaces whatever the dictionaries agreed on.
                fixed = _known_surname(word)
                readings[w][:fixed] = SURNAME_READINGS[_han(word)[:fixed]] if fixed else ()
            for offset, slot, bonus in plan.undecided:
                if slot < fixed:
                    continue
                choice = grammatical_reading(words, w, self._tag)
                if choice is not None:
                    readings[w][slot] = _choose(readings[w][slot], choice)
                elif alone:
                    site = Site((word,), 0, offset)
                    pending.append(_Polyphone(word, site, slot, bonus, w, offset))
                else:
                    site = Site(sentence, w, offset)
                    pending.append(_Polyphone(text, site, slot, bonus, w, start + offset))
        return readings, pending

    def _in_dictionaries(self, word: str) -> bool:
        """Return True if a dictionary reads the whole word (柏林 Bólín is no 柏 Bǎi)."""
        return word in self._phrases or word in self._cedict

    def _plan(self, word: str) -> _Plan:
        """Return what a word's reading needs that does not depend on its sentence (memoised)."""
        plan = self._plans.get(word)
        if plan is None:
            if len(self._plans) >= _PLAN_CACHE_SIZE:
                self._plans.clear()  # bounded memory; the plans are pure, so this is safe
            syllables = self._citation(word)
            undecided = []
            slot = 0
            for offset, char in enumerate(word):
                if not is_han(char):
                    continue
                if self._model.handles(char):
                    agreed = potential_reading(word, offset) or self._agreed(word, offset)
                    if agreed:
                        syllables[slot] = _choose(syllables[slot], agreed)
                    else:
                        undecided.append((offset, slot, self._evidence(word, offset)))
                slot += 1
            plan = _Plan(tuple(syllables), tuple(undecided))
            self._plans[word] = plan
        return plan

    def _citation(self, word: str) -> list[str]:
        """Return pypinyin's reading of a word's Han characters, in dictionary tones."""
        han = "".join(c for c in word if is_han(c))
        if not han:
            return []
        readings = self._pypinyin.pinyin(
            han, style=self._pypinyin.Style.TONE, errors=lambda x: [[""] for _ in x]
        )
        return [_undo_sandhi(char, r[0]) for char, r in zip(han, readings, strict=True)]

    def _word_readings(self, word: str, offset: int) -> tuple[str | None, set[str]]:
        """Return the phrase dictionary's and CEDICT's readings of ``word[offset]``."""
        phrase = self._phrases.get(word)
        from_phrases = numbered(phrase[offset][0]) if phrase and len(phrase) == len(word) else None
        from_cedict = {r.split(" ")[offset] for r in self._cedict.get(word, ())}
        if from_phrases in _ER and "r5" in from_cedict and offset == len(word) - 1:
            from_phrases = "r5"  # pypinyin spells the erhua 儿 as ér (哪儿 nǎ ér); CEDICT: nǎr
        return from_phrases, from_cedict

    def _agreed(self, word: str, offset: int) -> str | None:
        """Return the reading both dictionaries give a multi-character word at ``offset``.

        A compound that neither dictionary lists (jieba keeps 银行行长 whole) is
        read through the dictionary words that tile it (银行 | 行长).
        """
        if len(word) < 2:
            return None
        if not self._in_dictionaries(word):
            piece = self._tile_piece(word, offset)
            if piece is None:
                return None
            start, end = piece
            return self._agreed(word[start:end], offset - start)
        phrase, cedict = self._word_readings(word, offset)
        if word[offset] == "儿" and offset == len(word) - 1 and cedict == {"r5"}:
            return "r5"  # an erhua word pypinyin does not list (快点儿 kuàidiǎnr)
        agreed = phrase is not None and cedict == {phrase}
        return phrase if agreed and phrase in self._model.candidates(word[offset]) else None

    def _tile_piece(self, word: str, offset: int) -> tuple[int, int] | None:
        """Return the (start, end) of the dictionary word covering ``offset`` in a tiling.

        The word must split, left to right, longest first, into words both
        dictionaries list (single characters allowed only where they are not
        polyphones); None when it does not, or when the covering piece is a
        single character.
        """
        start = 0
        while start < len(word):
            end = next(
                (
                    e
                    for e in range(len(word), start + 1, -1)
                    if e - start < len(word) and self._in_both(word[start:e])
                ),
                None,
            )
            if end is None:
                if self._model.handles(word[start]):
                    return None
                end = start + 1
            if start <= offset < end:
                return (start, end) if end - start > 1 else None
            start = end
        return None

    def _in_both(self, word: str) -> bool:
        return word in self._phrases and word in self._cedict

    def _evidence(self, word: str, offset: int) -> dict[str, float]:
        """Sum the dictionaries' support for each reading of ``word[offset]``."""
        bonus: dict[str, float] = {}
        phrase, cedict = self._word_readings(word, offset)
        trust = FREQUENCY_TRUST * math.log1p(self._frequency(word))
        for reading in cedict | ({phrase} if phrase else set()):
            bonus[reading] = trust
        seen: set[tuple[str, str]] = set()
        for size in range(len(word), 1, -1):
            for begin in range(max(0, offset - size + 1), min(offset, len(word) - size) + 1):
                part = "whole" if size == len(word) else "part"
                phrase, cedict = self._word_readings(word[begin : begin + size], offset - begin)
                found = [(f"phrase_{part}", phrase)] if phrase else []
                found += [(f"cedict_{part}", reading) for reading in sorted(cedict)]
                for source, reading in found:
                    if (source, reading) not in seen:
                        seen.add((source, reading))
                        bonus[reading] = bonus.get(reading, 0.0) + EVIDENCE[source]
        return bonus


def _choose(current: str, reading: str) -> str:
    """Return ``reading`` in tone marks, keeping pypinyin's spelling when they agree."""
    if current and numbered(current) == reading:
        return current
    return _marked(reading)


@functools.lru_cache(maxsize=4096)
def _marked(reading: str) -> str:
    """Return a numbered reading (``lv4``) in tone marks (``lǜ``)."""
    from pypinyin.contrib.tone_convert import to_tone

    return to_tone(reading)


def _undo_sandhi(char: str, syllable: str) -> str:
    """Return the dictionary tone where pypinyin's phrases carry the 一/不 sandhi."""
    if char == "一" and syllable in ("yí", "yì"):
        return "yī"
    if char == "不" and syllable == "bú":
        return "bù"
    return syllable


def _capital(syllable: str) -> str:
    return syllable[:1].upper() + syllable[1:]


def _han(word: str) -> str:
    return "".join(c for c in word if is_han(c))


def _known_surname(name: str) -> int:
    """Return the length of the name's surname if the table reads it, else 0."""
    han = _han(name)
    size = _surname_length(han)
    return size if han[:size] in SURNAME_READINGS else 0


def _surname_length(name: str) -> int:
    """Return how many leading characters of a person's name are its surname."""
    return 2 if len(name) > 2 and name[:2] in SURNAME_READINGS else 1


def _styled(word: str, kind: str, syllables: list[str]) -> tuple[str, ...]:
    """Capitalise a name (surname and given name) or a place (first syllable)."""
    if not syllables:
        return ()
    if kind == "name":
        size = _surname_length(_han(word))
        syllables[0] = _capital(syllables[0])
        if len(syllables) > size:
            syllables[size] = _capital(syllables[size])
    elif kind == "place":
        syllables[0] = _capital(syllables[0])
    return tuple(syllables)


def apply_sandhi(
    words: Sequence[str], readings: Sequence[tuple[str, ...]]
) -> list[tuple[str, ...] | None]:
    """Return the 一/不 sandhi form of each word's syllables, None where unchanged."""
    from zhreader.pipeline.words.sandhi import sandhi_syllables

    return sandhi_syllables(words, readings, is_han)


__all__ = [
    "CONTEXT_WEIGHT",
    "EVIDENCE",
    "FREQUENCY_TRUST",
    "PRIOR_SHIFT",
    "PinyinReader",
    "apply_sandhi",
]
