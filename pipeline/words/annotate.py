"""The Annotator: sentences → tokens with pinyin, glosses, HSK levels and glossary terms.

``Annotator.initialize(glossary)`` loads jieba, the dictionaries and the
pinyin reader once; ``tokens(text)`` annotates one text and ``annotate``
fills the tokens of every sentence of an edition. The tokens of a sentence
always join back into its text; a mismatch raises, it is never patched.
"""

from __future__ import annotations

import functools
import gc
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from zhreader.han import HAN_RE
from zhreader.model import Edition, Sentence, Token, iter_sentences, map_sentences
from zhreader.names import (
    COMMON_SURNAMES,
    FAMILIAR_PREFIXES,
    INTERJECTION_VERBS,
    MODAL_NOUNS,
    NAME_JOINERS,
    NAME_OPENERS,
    NAME_ROLES,
    NAMED_UNITS,
    PLACE_ENGLISH,
    PLACE_SUFFIXES,
    SPEECH_VERBS,
    TITLES,
    WEATHER_CHARS,
)
from zhreader.pinyin_text import numbered
from zhreader.pipeline.words.clause_kinds import KIND_WORDS
from zhreader.pipeline.words.dictionary import COUNTED, MAX_GLOSS, Dictionary
from zhreader.pipeline.words.function_words import CLAUSE_GLOSS_VERSION, CLAUSE_WORDS, clause_gloss
from zhreader.pipeline.words.gloss import GlossChooser, one_word
from zhreader.pipeline.words.numbers import (
    HAN_NUMERAL_CHARS,
    han_value,
    number_gloss,
    rejoin_numeral,
    split_numeral,
)
from zhreader.pipeline.words.sandhi import neutral_positions
from zhreader.pipeline.words.segment import (
    FUNCTION_CHARS,
    GUESS_FREQUENCY,
    Piece,
    Segmenter,
    bylines_in,
    join_digit_numbers,
    names_in,
    one_name_by_hmm,
    one_proper_by_hmm,
    time_start_tag,
)
from zhreader.pipeline.words.senses import EDGE, LearnerSenses, Neighbour, particle_names
from zhreader.pipeline.words.term_parts import (
    COUNT_OPENERS,
    POINTERS,
    count_words,
    echoed_sense,
    echoes,
    join_names,
    join_subterms,
    narrowed,
    route_within,
    says_its_words,
    spelled_names,
)
from zhreader.pipeline.words.translation_senses import TranslationSenses
from zhreader.signature import short_hash

_TONE_MARKS = dict.fromkeys(map(ord, "\U00000300\U00000301\U00000304\U0000030c"))
_LEXICAL = ("word", "name", "place")
_TOKEN_CACHE_SIZE = 100_000  # distinct tokens remembered, as the reader's plans (memory bound)


def _remember(memo: dict, key, value) -> None:
    """Store ``value`` in ``memo``, emptying it first when it is full.

    An archive of years brings new contexts without end (a word's gloss in
    context is keyed by its neighbours); the bound keeps memory flat, and a
    cleared key is only computed again.
    """
    if len(memo) >= _TOKEN_CACHE_SIZE:
        memo.clear()
    memo[key] = value


# The rules that read a place's CC-CEDICT sense as its name and type (place_name).
_PLACE_RULES_VERSION = 1
# What may stand between a verb and the object that decides its sense (开了灯, 开一下灯).
_PAST_THE_VERB = frozenset(("了", "着", "过", "一下"))
# The characters a count or a time may open with (第三季度, 下个月, 五类): the cheap
# gate before a word CC-CEDICT lists is looked at as a phrase.
_COUNT_STARTS = COUNT_OPENERS | HAN_NUMERAL_CHARS
_CLASSIFIER_SENSES = ("(classifier", "classifier")
# The sources of a gloss built for a word CC-CEDICT does not read whole: from its
# characters (山脚下), or as a number (五类 "five categories").
_BUILT_GLOSSES = frozenset(("chars", "number"))
# A listed compound of this many characters may be two words (法定人数); jieba's tags of
# those read whole: an idiom, a person's or a place's name.
_COMPOUND_SIZE = 4
_WHOLE_TAGS = frozenset(("i", "nr", "nrt", "nrfg", "ns"))
# jieba's tags of a measure word and a time unit (个 q, 年 m): after a numeral, a count.
_MEASURE_TAGS = frozenset("mq")
# The sources of a measure word's gloss that may not read it as one (届 "period", 回 "to go
# back"); a learner row that is no verb reads it as a count (次 "times", 岁 "years old").
_UNCOUNTED_SOURCES = frozenset(("cedict", "name", "learner"))
_ORDINAL = "第"
_SENSE_NOTES = ("surname ", "see ", "also ", "used in ", "CL:", "abbr. ")  # say no sense
_GENERAL_UNIT = "个"
_LOCALISER_TAG = "f"  # jieba's tag of a localiser (下, 前, 里)
# The rules this module adds to the segmenter's cut; part of the signature.
_CUT_RULES = (
    "names opening a clause, 2 + 1 joined",
    "numerals rejoined before 万/亿",
    "an hour rejoined with its minutes",
    "a term's or a phrase's words as its parts (term_parts 2)",
    "digit amounts and clock times joined (1800余, 7时30分)",
    "names in a name's place (after a role, an opener or a joiner); 阿 and a character",
    # segment.join_split_words and Segmenter._closed_by_head (round eleven, cuts)
    "split words joined (今 | 冬, 低 | 至, 一个 | 人, 一对 | 多, 就 | 地)",
    "a tied guess a place head closes stays whole (充电站)",
    # Round twelve (parts3): Segmenter._split_modal_pairs, segment.weather_clause, and
    # the parts of verb + result words, numeral + word tokens and four-character compounds.
    "words the sentence lacks re-cut (才能 | 来, 算了 | 一下); 冷风 | 吹 no name; parts 3",
    # segment.recut_after_one and join_digit_numbers (round twelve, cuts)
    "一 and the word after it recut (一 | 下车 | 就, 一早 | 就, 一成)",
    "万亿, an hour and 许 (3时许, 两点 | 许), 1比0, a wind grade (10级 大风) joined",
)


class TokenMismatchError(AssertionError):
    """The tokens of a sentence do not join back into its text (a bug, never input)."""


class Annotator:
    """Segment, read, gloss and grade text; load once, reuse for every issue."""

    def __init__(
        self,
        segmenter: Segmenter,
        dictionary: Dictionary,
        reader,
        glossary,
        senses: LearnerSenses | None = None,
        translated: TranslationSenses | None = None,
    ) -> None:
        self._segmenter = segmenter
        self._dictionary = dictionary
        self._reader = reader
        self._glossary = glossary
        self._glosses = GlossChooser(
            dictionary, senses or LearnerSenses([]), COMMON_SURNAMES, translated
        )
        # (word, kind, reading) -> (gloss, source, level): a corpus repeats its words.
        self._lexical: dict[tuple, tuple[str | None, str, int | None]] = {}
        # (word, reading, previous, next) -> (gloss, source) for words read by context.
        self._in_context: dict[tuple, tuple[str | None, str]] = {}
        self._neutral: dict[tuple[str, tuple[str, ...]], tuple[int, ...]] = {}
        # (text, kind, term, reading, spoken form) -> the token, for tokens no neighbour changes.
        self._tokens: dict[tuple, Token] = {}
        # A term's words: its cut by text; its part tokens by reading and neighbours.
        self._term_cuts: dict[str, list[Piece]] = {}
        self._parts: dict[tuple, tuple[Token, ...]] = {}
        # The one-character results a verb + result word may end in (压坏: 坏).
        self._result_chars = frozenset(c for c in self._glosses.results.complements if len(c) == 1)
        self._frequencies = dictionary.word_frequencies()[0]
        # A phrase token's words by its text (None: no phrase; read as one word).
        self._phrase_cuts: dict[tuple[str, str | None], tuple[list[Piece] | None, bool]] = {}
        # (text, kind, term) -> the piece as its neighbours' contexts see it.
        self._seen: dict[tuple[str, str, str | None], Neighbour] = {}
        # Every field of a word's token (in Token's order) -> that token (_new_token).
        self._built: dict[tuple, Token] = {}

    @classmethod
    def initialize(
        cls, glossary=None, cache: Path | None = None, reader: Callable | None = None
    ) -> Annotator:
        """Load jieba, the dictionaries and the pinyin reader (once per process).

        ``reader(dictionary)`` builds another pinyin reader (benchmarks compare weights files).
        """
        from zhreader.pipeline.words.pinyin import PinyinReader

        dictionary = Dictionary.load(cache)
        terms = _term_table(glossary)
        segmenter = Segmenter.initialize(dictionary, terms)
        reader = (reader or PinyinReader.initialize)(dictionary)
        annotator = cls(
            segmenter,
            dictionary,
            reader,
            glossary,
            LearnerSenses.load(),
            TranslationSenses.load(),
        )
        # The tables just loaded live as long as the process (pypinyin's phrase
        # dictionary alone is 240k lists). Out of the collector's reach, they no
        # longer make each full collection, which annotating triggers now and
        # then, walk them all: such a collection cost more than a whole pass over
        # the example. Objects already garbage stay with the frozen ones (none
        # expected: loading builds no cycles).
        gc.freeze()
        return annotator

    @property
    def dictionary(self) -> Dictionary:
        return self._dictionary

    @property
    def glosses(self) -> GlossChooser:
        return self._glosses

    def with_translation_senses(self, translated: TranslationSenses) -> Annotator:
        """Return an annotator sharing the loaded parts, choosing glosses with ``translated``."""
        return Annotator(
            self._segmenter,
            self._dictionary,
            self._reader,
            self._glossary,
            self._glosses.senses,
            translated,
        )

    def signature_parts(self) -> dict[str, str]:
        """Name what shaped the tokens: jieba and the name rules, pypinyin, CEDICT, HSK."""
        import jieba

        name_places = (NAME_ROLES, NAME_OPENERS, NAME_JOINERS, FAMILIAR_PREFIXES, NAMED_UNITS)
        name_places += (MODAL_NOUNS, INTERJECTION_VERBS, WEATHER_CHARS)
        rules = repr(
            (sorted(COMMON_SURNAMES), TITLES, PLACE_SUFFIXES, sorted(FUNCTION_CHARS), _CUT_RULES)
            + tuple(sorted(words) for words in name_places)
        )
        return {
            "seg": f"jieba-{jieba.__version__}+names:{short_hash(rules)}",
            "py": self._reader.signature_part(),
            **self._dictionary.version,
            # The learner senses shape the glosses as much as the dictionary does.
            "dict": f"{self._dictionary.version['dict']}+senses:{self._senses_hash()}"
            f"+translated:{self._translated_hash()}+en:{self._dictionary.english_version}"
            f"+clause:{CLAUSE_GLOSS_VERSION}+places:{_PLACE_RULES_VERSION}",
        }

    def _senses_hash(self) -> str:
        rows = [
            (r.word, sorted(r.prev), sorted(r.next), r.gloss) for r in self._glosses.senses.rows
        ]
        # The rules of gloss.py and function_words.py show particle names too.
        names = sorted(particle_names().items())
        return short_hash(repr((rows, self._glosses.results.signature_rows(), names)))

    def _translated_hash(self) -> str:
        rows = [(r.word, r.reading, r.sense) for r in self._glosses.translated.rows]
        return short_hash(repr(rows))

    # --- one text ----------------------------------------------------------------------

    def tokens(self, text: str, names: Iterable[str] = ()) -> tuple[Token, ...]:
        """Return the annotated tokens of ``text``; ``names`` are person names known already."""
        return self.tokens_many([text], names)[0]

    def tokens_many(
        self, texts: Sequence[str], names: Iterable[str] = ()
    ) -> list[tuple[Token, ...]]:
        """Annotate many texts at once: ``tokens`` on each, but the pinyin model runs batched."""
        from zhreader.pipeline.words.pinyin import apply_sandhi

        names = set(names)
        cut = [
            self._mark_names(
                join_digit_numbers(
                    join_numerals(self._segmenter.segment(text, names)), self._dictionary.simplified
                )
            )
            for text in texts
        ]
        cut = [
            self._familiar_names(pieces) if not FAMILIAR_PREFIXES.isdisjoint(text) else pieces
            for text, pieces in zip(texts, cut, strict=True)
        ]
        words = [[self._dictionary.simplified(p.text) for p in pieces] for pieces in cut]
        readings = self._reader.read_many(
            [(w, [p.kind for p in pieces]) for w, pieces in zip(words, cut, strict=True)]
        )
        out = []
        # Equal tokens become one object: a word that recurs costs a pointer (issue 17).
        shared: dict[Token, Token] = {}
        for text, pieces, w, reading in zip(texts, cut, words, readings, strict=True):
            sandhi = [
                self._spoken(word, piece.kind, syllables, form)
                for word, piece, syllables, form in zip(
                    w, pieces, reading, apply_sandhi(w, reading), strict=True
                )
            ]
            around = self._neighbours(pieces)
            tokens = tuple(
                self._token(piece, tuple(syllables), sandhi_form, *context)
                for piece, syllables, sandhi_form, context in zip(
                    pieces, reading, sandhi, around, strict=True
                )
            )
            tokens = self._clause_glosses(self._with_term_parts(tokens, around))
            tokens = tuple(shared.setdefault(token, token) for token in tokens)
            check_join(text, tokens)
            out.append(tokens)
        return out

    def _clause_glosses(self, tokens: tuple[Token, ...]) -> tuple[Token, ...]:
        """Give the function words whose clause decides their sense that sense (连…也 "even").

        A verb an aspect marker follows takes the sense its object decides (开了灯).
        """
        if not any(t.zh in CLAUSE_WORDS or t.zh in _PAST_THE_VERB for t in tokens):
            return tokens
        solid = [i for i, t in enumerate(tokens) if t.kind != "space"]
        words = [self._dictionary.simplified(tokens[i].zh) for i in solid]
        out = list(tokens)
        for k, i in enumerate(solid):
            token = tokens[i]
            if token.kind != "word" or token.term:
                continue
            gloss = None
            if words[k] in CLAUSE_WORDS:
                gloss = clause_gloss(words, k, self._dictionary.context_tag, _is_numeral)
            # 开 is read by its object (开了些药) and, failing that, past the aspect (开了灯).
            past = words[k] not in CLAUSE_WORDS or words[k] in KIND_WORDS
            if gloss is None and past and k + 2 < len(words) and words[k + 1] in _PAST_THE_VERB:
                obj = tokens[solid[k + 2]]
                tag = self._dictionary.context_tag(words[k + 2])
                gloss = self._glosses.past_the_aspect(words[k], Neighbour(obj.zh, obj.kind, tag))
            if gloss:
                out[i] = replace(token, gloss=gloss, gloss_source="learner")
        return tuple(out)

    def _with_term_parts(
        self, tokens: tuple[Token, ...], around: list[tuple[Neighbour, Neighbour]]
    ) -> tuple[Token, ...]:
        """Give each term and phrase of a sentence its dictionary words (``Token.parts``).

        The token keeps its English, its pinyin and its ``term``; its parts are
        what a learner would look up inside it (脱贫攻坚: 脱贫 | 攻坚, 山脚下:
        山脚 | 下, 第三季度: 第三 | 季度), each read as any word is.
        """
        results = self._result_chars
        if not any(
            t.term or _phrase_shaped(t) or _result_shaped(t, results) for t in tokens
        ):  # the cheap gate
            return tokens
        out = list(tokens)
        for i, (token, (prev, nxt)) in enumerate(zip(tokens, around, strict=True)):
            if token.kind != "word":
                continue
            if token.term:
                parts = self._term_parts(token, prev, nxt)
            elif _phrase_shaped(token):
                parts = self._phrase_parts(token, prev, nxt)
            elif _result_shaped(token, results):
                parts = self._result_parts(token, prev, nxt)
            else:
                continue
            if parts:
                out[i] = replace(token, parts=parts)
        return tuple(out)

    def _phrase_parts(self, phrase: Token, prev: Neighbour, nxt: Neighbour) -> tuple[Token, ...]:
        """Return a phrase token's words (山脚 | 下, 下 | 个 | 月), or none where it is one word."""
        if len(phrase.pinyin) != len(phrase.zh):
            return ()
        key = (phrase.zh, None, phrase.pinyin, phrase.sandhi, prev, nxt)
        found = self._parts.get(key)
        if found is not None:
            return found
        pieces, counted = self._phrase_pieces(phrase.zh, phrase.gloss_source)
        parts: tuple[Token, ...] = ()
        if pieces:
            built = phrase.gloss_source == "chars"
            english = "" if built else phrase.gloss or ""
            parts = self._part_tokens(phrase, pieces, prev, nxt, english, phrase=True)
            parts = self._counted_parts(parts)
            if built and not counted:
                parts = self._built_parts(phrase, parts, prev, nxt)
            elif english:
                parts = tuple(self._narrowed(part, english) for part in parts)
            check_join(phrase.zh, parts)
            if not counted and not _says_word_counted(parts, english):
                parts = ()
        _remember(self._parts, key, parts)
        return parts

    def _result_parts(self, word: Token, prev: Neighbour, nxt: Neighbour) -> tuple[Token, ...]:
        """Return a verb + result word's verb and result (压坏: 压 | 坏 "and break"), or none.

        CC-CEDICT lists many verb + result pairs with an English of their own
        (压坏 "to crush", 弄坏 "to ruin"), which hides the result a learner looks
        up (坏 "broken"). The verb is read as any word in the phrase; the
        result takes what result_complements.tsv says it adds after that verb.
        """
        if len(word.pinyin) != 2:
            return ()
        key = (word.zh, "result", word.pinyin, word.sandhi, prev, nxt)
        found = self._parts.get(key)
        if found is not None:
            return found
        verb, result = self._dictionary.simplified(word.zh)
        added = self._glosses.results.english(verb, result)
        parts: tuple[Token, ...] = ()
        # A word whose English says its result (推开 "to push open") shows it already.
        hidden = added and not echoes(added, word.gloss or "")
        if hidden and self._composed(verb + result):
            pieces = [Piece(word.zh[:1]), Piece(word.zh[1:])]
            first, second = self._part_tokens(word, pieces, prev, nxt, word.gloss or "", True)
            parts = (first, replace(second, gloss=added, gloss_source="learner"))
        _remember(self._parts, key, parts)
        return parts

    def _composed(self, word: str) -> bool:
        """Tell whether a listed verb + result word is composed, not lexical (压坏, not 召开).

        jieba lists the composed pairs rarely (压坏 3, 打碎 99, 叫醒 169) and the
        lexical ones often (召开 9,138, 离开 7,600, 判断 4,324, 打破 1,979); the
        verb is an everyday one (an HSK level) and 对/光 are left out, as often
        a word's own second half (应对, 相对, 争光) as a result.
        """
        verb = word[0]
        return (
            word[1] not in _LEXICAL_RESULTS
            and self._frequencies.get(word, 0) <= _COMPOSED_FREQUENCY
            and self._dictionary.word_tag(verb)[:1] == "v"
            and self._dictionary.hsk_level(verb) is not None
        )

    def _built_parts(
        self, phrase: Token, parts: tuple[Token, ...], prev: Neighbour, nxt: Neighbour
    ) -> tuple[Token, ...]:
        """Read the parts of a phrase whose gloss was built from them as the gloss reads them.

        The phrase's gloss (``GlossChooser.compound_gloss``) gives a modifier
        before its head noun its attributive sense, a one-character head its
        noun sense and a row its first sense (数学课 "mathematics class": 课
        "class", not "class, lesson"); its parts read so too
        (``GlossChooser.compound_parts``, the same rule on the phrase's own cut).
        """
        word = self._dictionary.simplified(phrase.zh)
        spans, start = [], 0
        for part in parts:
            spans.append((start, start + len(part.zh)))
            start += len(part.zh)
        glosses = self._glosses.compound_parts(word, spans, phrase.pinyin, prev, nxt)
        if not glosses:
            return parts
        return tuple(
            replace(part, gloss=gloss)
            if part.gloss_source in ("cedict", "learner")
            and gloss != part.gloss
            and gloss.split(" ", 1)[-1] != part.gloss  # no article its phrase does not say
            else part
            for part, gloss in zip(parts, glosses, strict=True)
        )

    def _narrowed(self, part: Token, english: str) -> Token:
        """Keep the senses of a part's gloss the phrase's English uses (节 "section" in 第一节)."""
        if part.gloss_source not in ("cedict", "learner") or not part.gloss:
            return part
        kept = narrowed(part.gloss, english)
        return replace(part, gloss=kept) if kept else part

    def _phrase_pieces(self, text: str, source: str | None) -> tuple[list[Piece] | None, bool]:
        """Cut a phrase token into its words; ``source``: where its gloss came from.

        A count or a time is its opener, numeral, measure word and noun
        (``count_words``); another word CC-CEDICT lacks (glossed from its
        characters) is cut as a term is (jieba's cut, a noun and its
        localiser, else its next best route), and has parts only where one
        of them is a word of two characters or more: a word cut into
        characters only is glossed from them already. A listed count whose
        English says nothing its counted words say is a set phrase (一口气 "in
        one go", 一块儿 "together"): no parts (a listed word of two characters is
        here only as the number a count reads it: 两头 "two head (of)"). Also
        returns whether it is a count.
        """
        unlisted = source in _BUILT_GLOSSES
        key = (text, source)
        if key in self._phrase_cuts:
            return self._phrase_cuts[key]
        word = self._dictionary.simplified(text)
        words = None
        if unlisted or len(word) > 2:  # a listed count of two characters is a word (一起, 一口)
            words = count_words(word, self._dictionary.contains, self._measure)
        if words and len(word) > 2 and not self._says_its_words(word, words):
            _remember(self._phrase_cuts, key, (None, True))
            return None, True
        pieces = None
        if words:
            pieces, start = [], 0
            for w in words:
                pieces.append(Piece(text[start : start + len(w)]))
                start += len(w)
        elif source == "chars" and word[:1] not in HAN_NUMERAL_CHARS:
            # (A numeral that opens no count is a number's or an idiom's: 三分之二, 一对一.)
            cut = join_numerals(self._segmenter.words_of_term(text))
            if len(cut) == 1:
                cut = self._placed(text, word) or [
                    Piece(w) for w in route_within(text, self._dictionary)
                ]
            if len(cut) > 1 and any(len(p.text) > 1 for p in cut):
                pieces = cut
        elif source == "number" and self._numeral_and_word(word):
            pieces = [Piece(text[:1]), Piece(text[1:])]  # 七 | 旬, 三 | 送
        elif not unlisted and self._two_words(word):
            half = _COMPOUND_SIZE // 2
            pieces = [Piece(text[:half]), Piece(text[half:])]  # 法定 | 人数
        if pieces is not None and len(pieces) < 2:
            pieces = None
        _remember(self._phrase_cuts, key, (pieces, bool(words)))
        return pieces, bool(words)

    def _two_words(self, word: str) -> bool:
        """Tell whether a listed word of four characters is two words (法定人数: 法定 | 人数).

        CC-CEDICT lists many compounds of two words whose English hides them
        (法定人数 "quorum", 有限公司 "limited company": a learner looks up 公司).
        Each half must be a word both dictionaries list above jieba's floor; an
        idiom (jieba's tag ``i``: 一视同仁) and a person's or a place's name are
        read whole, and so is a number.
        """
        if len(word) != _COMPOUND_SIZE or self._dictionary.word_tag(word) in _WHOLE_TAGS:
            return False
        if word[0] in HAN_NUMERAL_CHARS:
            return False  # a number (三分之一 "one third"), not 三分 "three minutes" | 之一
        half = _COMPOUND_SIZE // 2
        return all(
            self._dictionary.contains(part) and self._frequencies.get(part, 0) > GUESS_FREQUENCY
            for part in (word[:half], word[half:])
        )

    def _numeral_and_word(self, word: str) -> bool:
        """Tell whether a number's two characters are a numeral and a word no measure (七旬, 三送).

        An age in decades (七旬 "seventy (years of age)") and a policy slogan's
        count of acts (三送 "three deliveries") hide the word a learner looks up
        (旬 "decade", 送 "to send"); a numeral and a measure word or a time unit
        (三号, 三级, 三年) is a count or a date, read whole.
        """
        return (
            len(word) == 2
            and word[0] in HAN_NUMERAL_CHARS
            and self._dictionary.word_tag(word[1])[:1] not in _MEASURE_TAGS
        )

    def _says_its_words(self, word: str, words: list[str]) -> bool:
        """Tell whether a listed count's English says what its counted words say (term_parts)."""
        if not self._dictionary.entries(word):
            return True  # CC-CEDICT lacks it: a count, no set phrase
        # An erhua variant reads as its word (一块儿 as 一块 "one block").
        senses = [*self._glosses.word_senses(word, ()), self._dictionary.short_gloss(word) or ""]
        counted = [
            self._said_senses(w)
            for w in words
            if w not in COUNT_OPENERS and w[:1] not in HAN_NUMERAL_CHARS and w[:1] != _ORDINAL
        ]
        return says_its_words(senses, counted)

    def _said_senses(self, word: str) -> list[str]:
        """Return every sense CC-CEDICT gives a word, a classifier's too (次 "time"), no notes."""
        return [
            piece
            for _, entry in self._dictionary.entries(word)
            for sense in entry
            for piece in sense.split("; ")
            if not piece.startswith(_SENSE_NOTES) and "variant of" not in piece
        ]

    def _counted_parts(self, parts: tuple[Token, ...]) -> tuple[Token, ...]:
        """Read a count's numeral as a number and the measure word after it as one.

        A numeral or an ordinal inside a count is read alone (一 "one", not
        "as soon as" before 回); a measure word after it that no learner row
        reads as a count (届 "period", 回 "to go back", 任 as a surname) takes
        its CC-CEDICT classifier sense. What one 个 counts is one (下个月, 一个月:
        "month", not the "months" of 三个月), so it is read alone.
        """
        out = list(parts)
        several = False
        for i, part in enumerate(parts):
            text = part.zh.removeprefix(_ORDINAL)
            if i == 0 and len(parts) > 1 and text in POINTERS:  # 这则: 则 no "then"
                out[1] = self._measure_part(parts[1])
            elif text[:1] in HAN_NUMERAL_CHARS:
                numeral, approx, rest = split_numeral(text)
                value = han_value(numeral)
                if not rest and value is not None:
                    several = value > 1 or bool(approx)
                    out[i] = self._token(Piece(part.zh), part.pinyin, part.sandhi)
                    if i + 1 < len(parts):
                        out[i + 1] = self._measure_part(parts[i + 1])
            elif part.zh == _GENERAL_UNIT and i + 1 < len(parts) and not several:
                after = parts[i + 1]
                out[i + 1] = self._token(Piece(after.zh), after.pinyin, after.sandhi)
        return tuple(out)

    def _measure_part(self, part: Token) -> Token:
        """Return a measure word after a numeral with its classifier sense where no row reads it."""
        word = self._dictionary.simplified(part.zh)
        if len(word) != 1 or part.gloss_source not in _UNCOUNTED_SOURCES:
            return part
        if part.gloss_source == "learner" and not (part.gloss or "").startswith("to "):
            return part  # a row reads it as a count (次 "times", 岁 "years old"), not a verb
        counted = self._dictionary.short_gloss(word, tag=COUNTED)
        if not counted or not counted.startswith(_CLASSIFIER_SENSES):
            return part
        return replace(part, kind="word", gloss=counted, gloss_source="cedict")

    def _placed(self, text: str, word: str) -> list[Piece] | None:
        """Cut a noun and the localiser after it: 山脚 | 下, 窗 | 前 (not 山 | 脚下)."""
        head, tail = word[:-1], word[-1:]
        if self._dictionary.word_tag(tail) != _LOCALISER_TAG or len(head) < 2:
            return None
        if not self._dictionary.contains(head):
            return None
        return [Piece(text[:-1]), Piece(text[-1:])]

    def _measure(self, char: str) -> bool:
        """Tell whether a character is a measure word: 个, jieba's q, a CC-CEDICT classifier."""
        if char == _GENERAL_UNIT or self._dictionary.word_tag(char) == "q":
            return True
        counted = self._dictionary.short_gloss(char, tag=COUNTED) or ""
        return counted.startswith(_CLASSIFIER_SENSES)

    def _term_parts(self, term: Token, prev: Neighbour, nxt: Neighbour) -> tuple[Token, ...]:
        """Return a term's dictionary words, each with its slice of the term's reading.

        The words are cut and read as any text is (``term_parts`` says what
        only a term adds). Each part's gloss reads its neighbours: the parts
        beside it and, at the ends, the term's neighbours in the sentence. A
        term CC-CEDICT lists whole, or one cut into characters only, has no parts.
        """
        if len(term.pinyin) != len(term.zh):
            return ()  # a term with digits or Latin letters: no syllable per character
        key = (term.zh, term.term, term.pinyin, term.sandhi, prev, nxt)
        found = self._parts.get(key)
        if found is not None:
            return found
        pieces = self._term_pieces(term.zh)
        parts: tuple[Token, ...] = ()
        # A term cut into characters only (帮扶: 帮 | 扶) is a word CC-CEDICT lacks, glossed
        # whole; its characters are in its panel.
        # A numeral and a verb (三送 "three deliveries") show the act they count.
        counted = len(pieces) == 2 and self._numeral_and_word(self._dictionary.simplified(term.zh))
        if len(pieces) > 1 and (counted or any(len(p.text) > 1 for p in pieces)):
            entry = self._glossary.lookup(term.term)
            english = " | ".join((entry.en, *entry.en_alt))  # the alternatives translate too
            parts = self._part_tokens(term, pieces, prev, nxt, english)
            check_join(term.zh, parts)
            if counted and not _says_word_counted(parts, english):
                parts = ()
        _remember(self._parts, key, parts)
        return parts

    def _part_tokens(
        self,
        term: Token,
        pieces: list[Piece],
        prev: Neighbour,
        nxt: Neighbour,
        english: str,
        phrase: bool = False,
    ) -> tuple[Token, ...]:
        """Read each part of a term or phrase: its syllables, spoken form and gloss in context.

        ``english`` is a term's English, or a phrase's own (a CC-CEDICT entry's, a
        number's); a phrase glossed from its parts has none. A phrase's English
        says its other words too (第二次 "the second time"): a part whose gloss
        it echoes (次 "time") keeps it, not "second".
        """
        pieces, names = join_names(pieces, spelled_names(pieces, term.pinyin, english))
        spoken = term.sandhi or term.pinyin
        around = self._neighbours(pieces)
        around[0] = (prev, around[0][1])
        around[-1] = (around[-1][0], nxt)
        parts, start = [], 0
        for i, (piece, context) in enumerate(zip(pieces, around, strict=True)):
            end = start + len(piece.text)
            reading, said = term.pinyin[start:end], spoken[start:end]
            start = end
            said = self._spoken(piece.text, piece.kind, reading, None if said == reading else said)
            token = self._token(piece, reading, said, *context)
            if i in names:
                # The name as the English spells it (Taolinlao), not a romanisation.
                token = replace(token, gloss=names[i], gloss_source="name")
            elif token.gloss and token.gloss_source in ("cedict", "chars", "learner"):
                word = self._dictionary.simplified(piece.text)
                senses = self._glosses.word_senses(word, reading)
                echoed = echoed_sense(token.gloss, senses, english)
                if echoed:
                    token = replace(token, gloss=echoed, gloss_source="cedict")
                built = token.gloss_source == "chars"
                used = None
                if not (phrase and echoes(token.gloss, english)):  # 次 "time" in 第二次 stays
                    used = self._glosses.term_english_gloss(
                        word, reading, token.gloss, built, english
                    )
                if used and used != token.gloss:
                    token = replace(token, gloss=used, gloss_source="cedict")
            parts.append(token)
        return tuple(parts)

    def _glossary_form(self, form: str):
        """Return the glossary entry of a written form, traditional text read as its twin."""
        return self._glossary.lookup(self._dictionary.simplified(form))

    def _term_pieces(self, text: str) -> list[Piece]:
        """Cut a term into its words (a fresh list: the caller may join names in it)."""
        pieces = self._term_cuts.get(text)
        if pieces is None:
            pieces = join_numerals(self._segmenter.words_of_term(text))
            whole = self._dictionary.contains(self._dictionary.simplified(text))
            if len(pieces) == 1 and not whole:
                pieces = [Piece(w) for w in route_within(text, self._dictionary)]
            pieces = join_subterms(pieces, text, self._glossary_form)
            self._term_cuts[text] = pieces
        return list(pieces)

    def _mark_names(self, pieces: list[Piece]) -> list[Piece]:
        """Make an unknown word that opens a clause as a person's name a name (王芳在…).

        jieba often cuts a three-character name 2 + 1 (张国 | 登); the single
        character joins the name when jieba's POS HMM reads the three as one name.
        Traditional text is read through its simplified twin (陳芳在… as 陈芳在…).
        """
        out: list[Piece] = []
        skip = False
        line = "".join(p.text for p in pieces)
        twin = self._dictionary.simplified if self._dictionary.simplified(line) != line else str
        for i, piece in enumerate(pieces):
            if skip:
                skip = False
                continue
            if piece.kind != "word" or piece.term or twin(piece.text[:1]) not in COMMON_SURNAMES:
                out.append(piece)
                continue
            if len(piece.text) == 1:
                # 郑 | 浩: a surname and a given name jieba cut into single characters.
                named = self._cut_given_name(pieces, i, out, twin)
                out.append(Piece("".join(p.text for p in pieces[i : i + named]), "name"))
                skip = named > 1
                if not named:
                    out[-1] = piece
                continue
            if not _opens_clause(pieces, i):
                named = self._name_in_place(pieces, i, out, twin) or self._name_anywhere(
                    pieces, i, out, twin
                )
                if named:
                    out.append(Piece("".join(p.text for p in pieces[i : i + named]), "name"))
                    skip = named > 1
                else:
                    out.append(piece)
                continue
            prev, nxt = self._neighbours(pieces[max(0, i - 2) : i + 3])[min(i, 2)]
            word = twin(piece.text)
            if not (
                self._glosses.opens_with_name(word, prev, nxt)
                or self._glosses.names_anywhere(word, nxt)
            ):
                out.append(piece)
                continue
            after = pieces[i + 1] if i + 1 < len(pieces) else None
            whole = twin(piece.text + after.text) if after else ""
            if (
                len(piece.text) == 2
                and after is not None
                and after.kind == "word"
                and not after.term
                and len(after.text) == 1
                and one_name_by_hmm(whole)
            ):
                out.append(Piece(piece.text + after.text, "name"))
                skip = True
            else:
                out.append(Piece(piece.text, "name"))
        return out

    def _familiar_names(self, pieces: list[Piece]) -> list[Piece]:
        """Make 阿 and one character a person's name where CC-CEDICT lists no word (阿 | 强).

        jieba cuts 阿强 apart or keeps 阿明 whole as a guess; either way the
        two are a familiar name, unless they are a listed word (阿姨, 阿婆), the
        character is a function character (阿 | 在) or a kin term (阿伯).
        """
        out: list[Piece] = []
        i = 0
        while i < len(pieces):
            piece = pieces[i]
            plain = piece.kind == "word" and not piece.term
            if plain and piece.text in FAMILIAR_PREFIXES and self._familiar_pair(pieces, i):
                out.append(Piece(piece.text + pieces[i + 1].text, "name"))
                i += 2
                continue
            then = pieces[i + 1] if i + 1 < len(pieces) else None
            familiar = plain and piece.text[:1] in FAMILIAR_PREFIXES
            if familiar and self._familiar(piece.text) and not self._spelt_on(then):
                piece = Piece(piece.text, "name")
            out.append(piece)
            i += 1
        return out

    def _familiar_pair(self, pieces: list[Piece], i: int) -> bool:
        """Tell whether pieces[i] (阿) and the next make a familiar name."""
        after = pieces[i + 1] if i + 1 < len(pieces) else None
        if after is None or after.kind != "word" or after.term:
            return False
        then = pieces[i + 2] if i + 2 < len(pieces) else None
        return self._familiar(pieces[i].text + after.text) and not self._spelt_on(then)

    def _spelt_on(self, piece: Piece | None) -> bool:
        """Tell whether a lone character after 阿X spells on a foreign word (阿 | 维 | 塔)."""
        if piece is None or piece.kind != "word" or len(piece.text) != 1:
            return False
        tag = self._dictionary.word_tag(self._dictionary.simplified(piece.text))
        return tag[:1] in ("n", "j", "m")

    def _familiar(self, word: str) -> bool:
        twin = self._dictionary.simplified(word)
        return (
            len(twin) == 2
            and HAN_RE.match(twin[1]) is not None
            and twin[1] not in FUNCTION_CHARS
            and not self._dictionary.contains(twin)
            # A kin term doubles into a word (伯伯, 婶婶): 阿伯 is an uncle, no name.
            and not self._dictionary.contains(twin[1] * 2)
        )

    def _name_in_place(
        self, pieces: list[Piece], i: int, done: list[Piece], twin: Callable[[str], str]
    ) -> int:
        """Return how many pieces make a person's name after a role or an opener, else 0.

        学员 | 吴亮 | 操作, 然后 | 李瑜 | 提问, 让 | 王芳 | 早点: the word
        before says a person may stand here (zhreader/data/titles.tsv, the
        name_opener rows of segment_words.tsv, or a name_joiner after a name:
        王芳 | 和 | 李瑜); the word itself must pass
        ``GlossChooser.names_in_place``. A name jieba cut 2 + 1 (杨笑 | 雨)
        takes its third character when the HMM reads the three as one name
        and that character is no verb (让 | 张阳 | 爱上 keeps its verb).
        ``done`` are the pieces before ``i`` as marked so far.
        """
        solid = [p for p in reversed(done[-4:]) if p.kind != "space"][:2]
        if not solid:
            return 0
        role = twin(solid[0].text)
        listed = role in NAME_JOINERS and len(solid) == 2 and solid[1].kind == "name"
        if not (listed or role in NAME_ROLES or role in NAME_OPENERS or role.endswith(TITLES)):
            return 0
        word = twin(pieces[i].text)
        third = pieces[i + 1] if i + 1 < len(pieces) else None
        if (
            len(word) == 2
            and third is not None
            and third.kind == "word"
            and not third.term
            and len(third.text) == 1
            and self._dictionary.word_tag(twin(third.text))[:1] != "v"
            and one_name_by_hmm(word + twin(third.text))
            and self._glosses.names_in_place(word + twin(third.text), self._after(pieces, i + 1))
        ):
            return 2
        return 1 if self._glosses.names_in_place(word, self._after(pieces, i)) else 0

    def _name_anywhere(
        self, pieces: list[Piece], i: int, done: list[Piece], twin: Callable[[str], str]
    ) -> int:
        """Return 1 where a guessed word inside a clause is a person's name (遇见了 | 杜刚).

        jieba guesses a two-character word no dictionary lists from a
        surname and a given name wherever a person stands; a guess its POS
        HMM reads as a name is one where the word before says a person may
        stand (``_person_object``), with ``GlossChooser.names_in_place``'s
        checks on the word. Elsewhere a guess is as often a new compound
        (加快 | 施策 "to apply policies"), which the HMM reads as a name too.
        """
        word = twin(pieces[i].text)
        if len(word) != 2 or not self._glosses.unlisted(word):
            return 0
        if not self._person_object(done):
            return 0
        return 1 if self._glosses.names_anywhere(word, self._after(pieces, i)) else 0

    def _person_object(self, done: list[Piece]) -> bool:
        """Tell whether the word before a guess puts a person after it.

        An aspect marker after a verb (遇见了 | 杜刚, 交给了), the copula
        (是 | 伍涛), a verb of speaking (说 | 魏刚), an opener, joiner or role
        whose next word ``_name_in_place`` read as a noun (给 | 王刚 | 打了个),
        a time word before the subject (下午 | 谢强 | 和) or a name before
        (邹多为 | 丁乐).
        """
        solid = next((p for p in reversed(done[-3:]) if p.kind != "space"), None)
        if solid is None or solid.kind == "name":
            return solid is not None
        word = self._dictionary.simplified(solid.text)
        if word in _OBJECT_MARKERS or word in SPEECH_VERBS or word in NAME_OPENERS:
            return True
        if word in NAME_JOINERS or word in NAME_ROLES:
            return True  # 我 | 和 | 谭松: a person joined to a person, not only to a name
        return self._dictionary.word_tag(word) == "t"

    def _cut_given_name(
        self, pieces: list[Piece], i: int, done: list[Piece], twin: Callable[[str], str]
    ) -> int:
        """Return 2 where a lone surname and the character after it are a name (郑 | 浩), else 0.

        jieba cuts a two-character name apart when each character is a word of
        its own (郑 | 浩, 程 | 明). The pair is a name when no dictionary lists
        it, jieba's POS HMM reads it as one name, neither character is a
        function character, no numeral or measure word stands before it
        (三 | 张 | 纸) and no noun follows it (唐 | 钢 | 产线 is a company's line).
        """
        given = pieces[i + 1] if i + 1 < len(pieces) else None
        if given is None or given.kind != "word" or given.term or len(given.text) != 1:
            return 0
        word = twin(pieces[i].text + given.text)
        if not FUNCTION_CHARS.isdisjoint(word) or not self._glosses.unlisted(word):
            return 0  # the lookups first: most such pairs are listed words (高 | 兴 is none)
        if not (one_proper_by_hmm(word) and self._person_before(done)):
            return 0
        return 2 if self._glosses.given_name_cut(word, self._after(pieces, i + 1)) else 0

    def _person_before(self, done: list[Piece]) -> bool:
        """Tell whether the word before a cut name lets a person stand after it.

        The clause's edge, a role or title, an opener or joiner (让, 和), a
        name, or a verb of two characters or more (遇见): a lone character
        before (安 | 吴 | 青 | 训班, 代 | 金 | 券) is most often a piece of a
        word jieba did not know, and so is a noun (布点 | 成 | 网).
        """
        solid = next((p for p in reversed(done[-3:]) if p.kind != "space"), None)
        if solid is None or solid.kind == "punct":
            return True
        if solid.kind != "word":
            return solid.kind == "name"
        word = self._dictionary.simplified(solid.text)
        if word in NAME_ROLES or word in NAME_OPENERS or word in NAME_JOINERS:
            return True
        if word.endswith(TITLES):
            return True
        return len(word) > 1 and self._dictionary.word_tag(word)[:1] == "v"

    def _after(self, pieces: list[Piece], i: int) -> Neighbour:
        """Return the token after piece ``i`` as a context sees it (the edge at the end)."""
        return self._neighbours(pieces[i : i + 3])[0][1]

    def _spoken(
        self, word: str, kind: str, reading: tuple[str, ...], sandhi: tuple[str, ...] | None
    ) -> tuple[str, ...] | None:
        """Return the word's spoken syllables (一/不 sandhi, neutral tones), None if unchanged.

        The neutral tones come from CC-CEDICT (认识 ren4 shi5 → rènshi) and are
        memoised per word and reading; names and places keep theirs.
        """
        if kind != "word" or len(reading) < 2 or len(reading) != len(word):
            return sandhi
        key = (word, reading)
        positions = self._neutral.get(key)
        if positions is None:
            numbered_reading = [numbered(s) for s in reading]
            positions = neutral_positions(numbered_reading, self._dictionary.readings(word))
            _remember(self._neutral, key, positions)
        if not positions:
            return sandhi
        spoken = list(sandhi or reading)
        for i in positions:
            spoken[i] = _toneless(reading[i])
        return tuple(spoken)

    def _neighbours(self, pieces: Sequence[Piece]) -> list[tuple[Neighbour, Neighbour]]:
        """Return each piece's previous and next token (spaces skipped), as contexts see them."""
        seen = [self._seen_as(p) for p in pieces]
        solid = [i for i, p in enumerate(pieces) if p.kind != "space"]
        around = [(EDGE, EDGE)] * len(pieces)
        for k, i in enumerate(solid):
            prev = seen[solid[k - 1]] if k else EDGE
            nxt = seen[solid[k + 1]] if k + 1 < len(solid) else EDGE
            around[i] = (prev, nxt)
        return around

    def _seen_as(self, piece: Piece) -> Neighbour:
        """Return the piece as a neighbour's context sees it, remembered per piece."""
        # Every piece is seen once or twice a sentence and most recur: the tag
        # lookups behind a neighbour run once per distinct (text, kind, term).
        key = (piece.text, piece.kind, piece.term)
        seen = self._seen.get(key)
        if seen is None:
            # Contexts and tags are written simplified; traditional text reads its twin.
            text = self._dictionary.simplified(piece.text)
            seen = Neighbour(text, piece.kind, self._context_tag(piece, text))
            _remember(self._seen, key, seen)
        return seen

    def _context_tag(self, piece: Piece, text: str) -> str:
        """Return jieba's tag of a word (``text``, simplified); a term that is no verb is a noun."""
        if piece.kind != "word":
            return ""
        tag = self._dictionary.context_tag(text) or time_start_tag(text, self._dictionary)
        return "nz" if piece.term and tag[:1] != "v" else tag  # 该 | 合作社 "the"

    def _token(
        self,
        piece: Piece,
        reading: tuple[str, ...],
        sandhi,
        prev: Neighbour = EDGE,
        nxt: Neighbour = EDGE,
    ) -> Token:
        """Return the piece's token: one object per piece, reading and spoken form.

        Only a word whose gloss reads its neighbours is built anew each time
        (its gloss is memoised by ``_in_context``); every other token depends
        on nothing else, and a corpus repeats its words and punctuation.
        """
        entry = self._term_entry(piece)
        if entry is None and piece.kind == "word":
            word = self._dictionary.simplified(piece.text)
            if self._glosses.contextual(word, prev, nxt):
                return self._new_token(piece, reading, sandhi, entry, (prev, nxt))
        key = (piece.text, piece.kind, piece.term, reading, sandhi)
        token = self._tokens.get(key)
        if token is None:
            token = self._new_token(piece, reading, sandhi, entry, None)
            _remember(self._tokens, key, token)
        return token

    def _term_entry(self, piece: Piece):
        """Return the glossary entry of a term piece, None for other pieces."""
        return self._glossary.lookup(piece.term) if piece.term and self._glossary else None

    def _new_token(
        self,
        piece: Piece,
        reading: tuple[str, ...],
        sandhi,
        entry,
        context: tuple[Neighbour, Neighbour] | None,
    ) -> Token:
        """Build a token; ``context`` holds the neighbours of a word whose gloss reads them."""
        kind = piece.kind
        if kind not in _LEXICAL:
            # Digits, punctuation and Latin text have no syllables; a Han
            # numeral inside a number (1.5万) keeps its own. 38万 reads 380,000.
            gloss = number_gloss(piece.text) if kind == "number" else None
            return Token(
                piece.text,
                kind,
                reading,
                tuple(sandhi) if sandhi else None,
                gloss=gloss,
                gloss_source="number" if gloss else None,
            )
        if entry is not None:
            syllables = entry.syllables
            pinyin = syllables if len(syllables) == len(reading) else reading
            gloss, source = term_gloss(entry), "glossary"
            level = self._dictionary.hsk_level(piece.text)
        else:
            pinyin = reading
            word = self._dictionary.simplified(piece.text)
            if context is not None:
                prev, nxt = context
                key = (word, reading, prev, nxt)
                found = self._in_context.get(key)
                if found is None:
                    found = self._glosses.word_gloss(word, reading, prev, nxt, romanise)
                    _remember(self._in_context, key, found)
                gloss, source = found
                level = self._dictionary.hsk_level(piece.text)
            else:
                gloss, source, level = self._lexical_info(piece.text, kind, reading)
            if source == "name" and kind == "word":
                kind = "name"  # jieba's person name (王芳), read as a name
        fields = (
            piece.text,
            kind,
            tuple(pinyin),
            tuple(sandhi) if sandhi and pinyin == reading else None,
            gloss,
            source if gloss else None,
            level,
            entry.zh if entry is not None else None,
        )
        # A word read by its neighbours comes here at every occurrence, and most
        # contexts give it the gloss it had before: the token with these fields
        # (Token's own order) is built once; a tuple costs less than a frozen Token.
        token = self._built.get(fields)
        if token is None:
            token = Token(*fields)  # type: ignore[arg-type]
            _remember(self._built, fields, token)
        return token

    def _lexical_info(self, word: str, kind: str, reading: tuple[str, ...]):
        key = (word, kind, reading)
        info = self._lexical.get(key)
        if info is None:
            info = (*self._gloss(word, kind, reading), self._dictionary.hsk_level(word))
            _remember(self._lexical, key, info)
        return info

    def _gloss(self, word: str, kind: str, reading: tuple[str, ...]) -> tuple[str | None, str]:
        """Return (gloss, source): learner, number, CC-CEDICT, a name's romanisation, chars."""
        if kind == "word":
            word = self._dictionary.simplified(word)
            gloss, source = self._glosses.word_gloss(word, reading, romanise=romanise)
            if source == "cedict" and gloss and gloss[:1].isupper():
                gloss = self._place_word(word, reading, gloss)
            return gloss, source
        gloss = self._dictionary.proper_gloss(word, reading)
        if gloss:
            # CC-CEDICT describes places and people (武汉 "Wuhan city on Changjiang",
            # 福建 "Fujian province in Taiwan"); a learner row says the name. Only
            # where CC-CEDICT knows the proper noun: a person whose name is spelt
            # like a word with a row keeps the romanisation.
            row = self._glosses.senses.choose(word)
            if row:
                return row, "learner"
            return place_name(word, reading, gloss, typed_only=kind != "place"), "cedict"
        if kind == "name" and len(reading) == len(word) > 1 and word[1:] in TITLES:
            titled = self._glosses.titled(word, reading, romanise)  # 张老师 "Teacher Zhang"
            if titled:
                return titled, "name"
        if kind == "place":
            return _place_gloss(word, reading), "name"
        if self._glosses.transliterated_name(word):
            return one_word(romanise(reading)), "name"  # 留学生 | 伊万: Yiwan, no surname Yi
        return romanise(reading), "name"

    def _place_word(self, word: str, reading: tuple[str, ...], gloss: str) -> str:
        """Read a word's CC-CEDICT place sense as its name and type (墨脱 "Mêdog County").

        Only where the chosen sense is the proper noun's and names a place type:
        a word whose sense is a common one, or a proper noun that is no place
        (a person, a company), keeps its gloss.
        """
        proper = self._dictionary.proper_gloss(word, reading)
        if not proper or not gloss.startswith(proper):
            return gloss
        named = place_name(word, reading, proper, typed_only=True)
        return named + gloss[len(proper) :]

    # --- an edition -----------------------------------------------------------------------

    def annotate(self, edition: Edition) -> Edition:
        """Fill the tokens of every sentence; names found anywhere count everywhere."""
        known = {name for article in edition.articles for name in article.bylines}
        twin = self._dictionary.simplified
        known |= {n for s in iter_sentences(edition) for n in bylines_in(s.zh, twin)}
        sentences = list(iter_sentences(edition))
        annotated = self.tokens_many([s.zh for s in sentences], known)
        by_id = {s.id: tokens for s, tokens in zip(sentences, annotated, strict=True)}
        first = map_sentences(edition, lambda s: replace(s, tokens=by_id[s.id]))
        found = {n for s in iter_sentences(first) for n in names_in(_pieces(s))} | known

        def second(sentence: Sentence) -> Sentence:
            as_tokens = {t.zh for t in sentence.tokens if t.kind == "name"}
            missing = [n for n in found if n in sentence.zh and n not in as_tokens]
            if not missing:
                return sentence
            return replace(sentence, tokens=self.tokens(sentence.zh, found))

        return map_sentences(first, second)


def term_gloss(entry) -> str:
    """Return a policy term's gloss: its English, or a short alternative when that is long.

    The English is a translation (边缘户 "household at risk of falling into
    poverty"); under the word a learner needs a short gloss, and the
    glossary's own alternative that fits the line is one ("marginal
    household"). Without such an alternative the English stays.
    """
    if len(entry.en) <= MAX_GLOSS:
        return entry.en
    short = [alt for alt in entry.en_alt if len(alt) <= MAX_GLOSS]
    return min(short, key=len) if short else entry.en


# A verb + result word jieba lists at most this often is composed (压坏 3, 叫醒 169); the
# lexical ones are frequent (打破 1,979, 召开 9,138). 对 and 光 after a verb are as often
# the second half of a word of its own (应对, 相对, 争光, 发光) as its result.
_COMPOSED_FREQUENCY = 200
_LEXICAL_RESULTS = frozenset("对光")


def _says_word_counted(parts: tuple[Token, ...], english: str) -> bool:
    """Tell whether a numeral + word's English says its word (三送 "three deliveries": 送).

    Parts of a numeral and a word only (``Annotator._numeral_and_word``) are
    kept where the number's or the term's English echoes the word's gloss: 两办
    "the two general offices" abbreviates 办公厅, and 六成 "60%" holds no 成
    "to become". Other parts pass.
    """
    if len(parts) != 2 or len(parts[0].zh) != 1 or parts[0].zh not in HAN_NUMERAL_CHARS:
        return True
    return echoes(parts[1].gloss or "", english)


def _result_shaped(token: Token, results: frozenset[str]) -> bool:
    """Tell whether a listed word of two characters may be a verb and its result (压坏)."""
    return (
        len(token.zh) == 2
        and token.zh[1] in results
        and token.kind == "word"
        and not token.term
        and token.gloss_source in ("cedict", "learner")
    )


def _phrase_shaped(token: Token) -> bool:
    """Tell whether a token may be a phrase with words inside (a set lookup, no scan).

    A word whose gloss was built (from its characters, or as a number: 五类),
    or one of three characters or more that opens as a count or a time does
    (第三季度).
    """
    if token.kind != "word" or token.term or len(token.zh) < 2:
        return False
    if token.gloss_source in _BUILT_GLOSSES:
        return True
    if len(token.zh) == _COMPOUND_SIZE:
        return True  # maybe two words (法定人数: 法定 | 人数): Annotator._two_words
    return len(token.zh) > 2 and token.zh[0] in _COUNT_STARTS


@functools.lru_cache(maxsize=4096)  # per syllable: a few hundred recur on every page
def _toneless(syllable: str) -> str:
    """Spell a tone-marked syllable in the neutral tone (shí → shi)."""
    from pypinyin.contrib.tone_convert import to_normal

    return to_normal(syllable, v_to_u=True)


def check_join(text: str, tokens: Iterable[Token]) -> None:
    """Raise TokenMismatchError unless the tokens join back exactly into ``text``.

    A term's parts must join back into the term as well.
    """
    tokens = tuple(tokens)
    joined = "".join(t.zh for t in tokens)
    if joined != text:
        raise TokenMismatchError(f"tokens {joined!r} do not join back into {text!r}")
    for token in tokens:
        if token.parts and "".join(p.zh for p in token.parts) != token.zh:
            parts = " | ".join(p.zh for p in token.parts)
            raise TokenMismatchError(f"the parts {parts!r} do not join back into {token.zh!r}")


def romanise(syllables: Iterable[str]) -> str:
    """Return a name's English form: capitalised pinyin without tone marks (Zhang Shenguang)."""
    from zhreader.pinyin_text import join_syllables

    syllables = tuple(syllables)
    if not syllables:
        return ""
    text = join_syllables(syllables, capitalised=True)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_TONE_MARKS))


def _place_gloss(word: str, reading: tuple[str, ...]) -> str:
    for suffix, english in PLACE_ENGLISH.items():
        if word.endswith(suffix) and len(word) > len(suffix) and len(reading) == len(word):
            return f"{romanise(reading[: -len(suffix)])} {english}"
    return romanise(reading)


# CC-CEDICT's words for a kind of place, read as the type a name carries (Kunming City).
# The administrative units are place_suffixes.tsv's; the longer forms come first.
_PLACE_TYPES = (
    ("autonomous prefecture", "Autonomous Prefecture"),
    ("autonomous region", "Autonomous Region"),
    ("autonomous county", "Autonomous County"),
    ("prefecture-level city", "City"),
    ("county-level city", "City"),
    ("subprovincial city", "City"),
    ("suburban district", "District"),
    ("mountain range", "Mountains"),
    *((english.lower(), english) for english in PLACE_ENGLISH.values()),
    ("prefecture", "Prefecture"),
    ("municipality", "City"),
    ("river", "River"),
    ("lake", "Lake"),
    ("mountains", "Mountains"),
    ("mountain", "Mountain"),
)
_TYPE_WORDS = frozenset(english for _, english in _PLACE_TYPES) | {"Autonomous", "Region"}
# Words after a place's name that say where it lies (Qilian Mountains in Qinghai).
_WHERE = frozenset(("in", "of", "near", "on", "at"))
_AFTER_TYPE = _WHERE | {"and"}


def place_name(word: str, reading: tuple[str, ...], sense: str, typed_only: bool = False) -> str:
    """Read a place's CC-CEDICT sense as its name and its type, nothing more.

    CC-CEDICT describes a place (昆明 "Kunming prefecture-level city and
    capital of Yunnan province in southwest China"); under the word a
    reader wants its name and type: "Kunming City". The name is the sense's
    leading capitalised words (an alternative spelling after "or" dropped);
    the type is the place word right after it (Mêdog county, the Xiangjiang
    river), else the Chinese suffix of place_suffixes.tsv (张家口市 City). A
    name that carries its type (Dongting Lake, Wangyi District) loses only
    the description after it; a long one keeps its first word and type
    (Enshi Prefecture). A name followed by anything but its type or where it
    lies (the Yellow River basin) stays as it is, and so does a sense with
    no type when ``typed_only`` (a word that may be no place). A sense
    without a leading name stays as it is, except that a suffixed place of
    a short stem reads its romanisation and type (厦门市 Xiamen City).
    """
    first, sep, rest = sense.partition("/")
    words = first.split()
    if words[:1] == ["the"]:
        words = words[1:]
    name: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w[:1].isupper() and w[:1].isalpha():
            name.append(w)
            i += 1
            if w.endswith(","):
                break
        elif w == "or" and i + 1 < len(words) and words[i + 1][:1].isupper() and name:
            i += 2  # Kashgar or Qeshqer: the alternative spelling goes
        elif w in ("and", "of") and name and name[-1] not in _TYPE_WORDS:
            if not _joins_names(words, i + 1, w == "and"):
                break
            name.append(w)  # Enshi Tujia and Miao …, People's Republic of China
            i += 1
        else:
            break
    after = words[i:]
    text = " ".join(after).lower()
    kind = next((english for cedict, english in _PLACE_TYPES if _opens(text, cedict)), None)
    stem, suffix = _place_suffix(word, reading)
    if not name:
        # 厦门市 "also known as Amoy": Xiamen City; a longer stem may be no name (江南水乡).
        plain = typed_only or not suffix or len(stem) > 2
        return sense if plain else _place_gloss(word, reading) + sep + rest
    owns = name[-1].rstrip(",") in _TYPE_WORDS
    # What follows the name describes where it lies (in Hubei), or it names something
    # else (the Yellow River basin): then the sense stays as it is.
    tail = not after or name[-1].endswith(",") or after[0] in _WHERE
    if not kind and not tail or typed_only and not (kind or owns):
        return sense
    name[-1] = name[-1].rstrip(",")
    if not owns and not kind:
        kind = suffix
    named = " ".join([*name, kind] if kind and not owns else name)
    if len(named) > MAX_GLOSS:  # Xinjiang Uighur Region, Enshi Prefecture
        named = named.replace(" Autonomous ", " ")
    if len(named) > MAX_GLOSS:
        named = f"{name[0]} {named.split()[-1]}"
    return named


def _joins_names(words: list[str], start: int, to_type: bool) -> bool:
    """Tell whether a name goes on after and/of: a capitalised word (and: up to a type).

    "Enshi Tujia and Miao Autonomous Prefecture", "Qiandongnan Miao and Dong
    autonomous prefecture": the peoples of an autonomous place are part of its name.
    """
    for k in range(start, len(words)):
        w = words[k]
        if not w[:1].isupper():
            rest = " ".join(words[k:]).lower()
            return to_type and k > start and any(_opens(rest, t) for t, _ in _PLACE_TYPES)
        if not to_type or w.rstrip(",") in _TYPE_WORDS:
            return True
    return False


def _opens(text: str, phrase: str) -> bool:
    """Tell whether ``text`` opens with the place type ``phrase`` and no more of a noun.

    "city and capital of Yunnan", "district of Suzhou", "county" are a type; "river
    basin" is not (the type word is part of another noun).
    """
    if not text.startswith(phrase):
        return False
    rest = text[len(phrase) :]
    return not rest or rest[0] == "," or rest[0] == " " and rest.split()[0] in _AFTER_TYPE


def _place_suffix(word: str, reading: tuple[str, ...]) -> tuple[str, str | None]:
    """Return the word's stem and the English type of its place suffix (长沙市: 长沙, City)."""
    for suffix, english in PLACE_ENGLISH.items():
        if word.endswith(suffix) and len(word) > len(suffix) and len(reading) == len(word):
            return word[: -len(suffix)], english
    return word, None


def _opens_clause(pieces: Sequence[Piece], i: int) -> bool:
    """Tell whether piece ``i`` comes after the sentence edge or punctuation (spaces skipped)."""
    # Walk back from the piece: copying the line before it made a long line quadratic.
    for j in range(i - 1, -1, -1):
        if pieces[j].kind != "space":
            return pieces[j].kind == "punct"
    return True


def join_numerals(pieces: list[Piece]) -> list[Piece]:
    """Give a Han numeral back the 万/亿 jieba cut off it: 二十三 | 万人次 → 二十三万 | 人次.

    One number is one token, as 38万 is; the measure word after it stays a word.
    """
    out: list[Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        joined = None
        if last and last.kind == piece.kind == "word" and not (last.term or piece.term):
            joined = rejoin_numeral(last.text, piece.text)
        if joined is None:
            out.append(piece)
            continue
        out[-1] = Piece(joined[0], "word")
        if joined[1]:
            out.append(Piece(joined[1], "word"))
    return out


def _pieces(sentence: Sentence) -> list[Piece]:
    return [Piece(t.zh, t.kind, t.term) for t in sentence.tokens]


def _term_table(glossary) -> dict[str, tuple[str, str]]:
    """Map each glossary form to (entry zh, token kind)."""
    if glossary is None:
        return {}
    kinds = {"place": "place", "person": "name"}
    return {
        form: (entry.zh, kinds.get(entry.category, "word"))
        for form, entry in glossary.forms().items()
    }


# Words after which a person is the object or the complement: the aspect
# markers after a verb (见了 X) and the copula (是 X).
_OBJECT_MARKERS = frozenset(("了", "过", "是"))


def _is_numeral(word: str) -> bool:
    """Tell whether a word is a number: digits or Han numerals (5, 三, 两, 十二)."""
    return bool(word) and (word.isdigit() or han_value(word) is not None)


__all__ = ["Annotator", "TokenMismatchError", "check_join", "romanise"]
