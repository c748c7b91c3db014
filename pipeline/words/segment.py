"""Segmentation: glossary terms and known names whole, then scripts, then jieba.

A sentence is cut in three passes. Fixed spans first: every glossary form and
every known name (from bylines) is one piece, longest match winning where
they overlap. The rest is split by script: numbers (with decimals, percent
sign and a 万/亿 magnitude), Latin text, whitespace, punctuation, Han runs.
Only Han runs go to jieba; its pieces are then joined into place names
(stem + 市/县/镇/村/街道 …) and person names (surname + given name after a
role word such as 村民 or 书记, or an unknown word that starts with a surname,
or a name jieba cut 1 + 2 where the words around it say a person stands
there); a verb and its potential complement (睡 | 不着), a score's tens
(七 | 十分) and a frequency (一周 | 一次) are joined last. Over the whole
sentence, a listed verb + 过/着 word is cut where the words around it say the
sentence holds the verb and the aspect marker (只穿过一次 → 穿 | 过 | 一次).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from zhreader.han import HAN_CLASS, HAN_RE
from zhreader.names import (
    APPROXIMATE,
    COMMON_COMPOUND_SURNAMES,
    COMMON_NOUNS,
    COMMON_SURNAMES,
    COMPOUND_SURNAMES,
    DURATIVE_VERBS,
    EXPERIENCED_VERBS,
    FRAME_CLOSERS,
    FRAME_OPENERS,
    FUNCTION_CHARS,
    INTERJECTION_VERBS,
    MEASURE_OPENERS,
    MODAL_NOUNS,
    NAME_FOLLOWERS,
    NAME_JOINERS,
    NAME_OPENERS,
    NAME_ROLES,
    NAMED_UNITS,
    NUMERAL_OPENERS,
    NUMERALS,
    PLACE_HEADS,
    PLACE_SUFFIXES,
    SPEECH_VERBS,
    SURNAMES,
    TITLES,
    WEATHER_CHARS,
)
from zhreader.pipeline.words.dictionary import Dictionary, WordFrequencies
from zhreader.pipeline.words.numbers import (
    ABOUT,
    ABOUT_HOUR,
    DIGIT_APPROXIMATORS,
    HALF_HOUR,
    HAN_DIGITS,
    HOUR_MARKS,
    MINUTE_MARK,
    PAST_HOUR,
    SCORE_MARK,
    SHARP,
    WIND_GRADE,
    approximate_digits,
    clock_digits,
    counted_noun,
    digit_score,
    han_value,
    names_wind,
)
from zhreader.pipeline.words.results import ResultComplements
from zhreader.pipeline.words.senses import DEMONSTRATIVES

_DIGIT = "0-9\U0000ff10-\U0000ff19"
_LATIN = "A-Za-z\U0000ff21-\U0000ff3a\U0000ff41-\U0000ff5a"
# One number: 12179, 1,200, 50.4, 93.2%, 1.5万. 万 and 亿 are numerals in
# Chinese (1.5万 = 15,000), so they stay with the digits; a measure word does not.
_NUMBER = (
    rf"[{_DIGIT}]{{1,3}}(?:,[{_DIGIT}]{{3}})+(?![{_DIGIT}])(?:[.\U0000FF0E][{_DIGIT}]+)?"
    rf"|[{_DIGIT}]+(?:[.\U0000FF0E][{_DIGIT}]+)?"
)
# A score or ratio in Han numerals (三比一, 二比零): digits only, no 万 or 亿.
_SCORE_DIGIT = "".join(HAN_DIGITS) + "十"
_SCORE = re.compile(f"([{_SCORE_DIGIT}]+)(比)([{_SCORE_DIGIT}]+)")
_SCRIPT = re.compile(
    rf"(?P<number>(?:{_NUMBER})(?:[%\U0000FF05\U00002030]|(?:万亿|[万亿])(?![{_DIGIT}]))?)"
    rf"|(?P<latin>[{_LATIN}]+(?:['\-.&][{_LATIN}{_DIGIT}]+)*)"
    rf"|(?P<space>\s+)"
    rf"|(?P<han>[{HAN_CLASS}]+)"
    # A doubled mark (——, ……) is one punctuation mark in Chinese typography.
    rf"|(?P<punct>(?P<mark>.)(?P=mark)*)",
    re.DOTALL,
)


# Words whose facts (Segmenter._facts) are remembered, as the pinyin reader's plans.
_FACTS_CACHE_SIZE = 100_000
_WordFacts = tuple[
    bool, bool, str, tuple[tuple[int, str], ...] | None, tuple["Piece", ...], bool
]
# jieba's dictionary lists many phrases at its floor frequency (排长队 3, 没来 3);
# a word no more frequent than this that CC-CEDICT lacks is a guess (Segmenter._guessed).
GUESS_FREQUENCY = 3
# The word classes the rules below look for (verbs of speaking, numerals, the
# localisers that close a 在… frame, as in 在一问一答中将…) are data:
# zhreader/data/segment_words.tsv, read by zhreader.names.
# A potential complement: 不 or 得 and a result or a direction after a one-character
# verb (吃不了, 睡不着, 拿得动), one word jieba lists as two (Segmenter._join_potentials).
POTENTIAL_RESULTS = frozenset(
    ["了", "到", "动", "着", "开", "下", "完", "住", "懂", "见", "起", "上", "出", "进", "清"]
    + ["起来", "上来", "下来", "出来", "上去", "下去", "进去", "进来", "过来", "回来", "回去"]
    + ["清楚"]
)
POTENTIAL_COMPLEMENTS = frozenset(
    neg + result
    for neg in "不得"
    for result in POTENTIAL_RESULTS
    if len(result) == 1 and neg + result != "得到"  # 得到 is "to get"
)
# 来/去 complete a verb of direction as a potential (出不去, 进不来, 回不去: can't go out,
# in, back); after other verbs they are no complement (说不来 is a word of its own).
DIRECTION_VERBS = frozenset("出进回上下过")
DIRECTION_ENDS = frozenset("来去")
# Verbs that take a verb, not a complement, after them (会不会, 能不能, 要不了多久).
POTENTIAL_MODALS = frozenset("要会能敢肯该得让叫请是有")
# Before a number these say how many, not whether the action can be done (不到一年).
POTENTIAL_AMOUNTS = frozenset(["不到", "不上", "不了", "不下"])
# 不/没 and the word after them, where CC-CEDICT lists the pair (不一样 "different").
NEGATIONS = frozenset("不没")
_LONGEST_NEGATED = 4
# A lone digit before 十分 at a clause's end is a score in tens (七 | 十分 → 七十 | 分);
# 一 is left out: 这一十分重要的会议 is "this very important meeting".
_TENS_DIGITS = frozenset("二三四五六七八九")
_TEN_POINTS = "十分"
# jieba's tags of what 十分 "very" grades (adjectives, verbs, adverbs), and the words
# that follow a score, not graded by it (六十分以上, 七十分左右).
_GRADED_TAGS = frozenset("avd")
_AFTER_SCORE = frozenset(["的", "了", "以上", "以下", "左右", "多", "呢", "吧", "啊"])
# A frequency: a period (一周, 每天, 一个月) and a count of times (一次, 三次); the
# periods with their English, which the glosser reads the joined word by.
FREQUENCY_UNITS = {"天": "day", "日": "day", "周": "week", "星期": "week", "月": "month"}
FREQUENCY_UNITS.update({"年": "year", "小时": "hour", "季度": "quarter"})
FREQUENCY_PERIOD = re.compile(f"[一每]个?(?P<unit>{'|'.join(FREQUENCY_UNITS)})")
FREQUENCY_COUNT = re.compile("(?P<count>[一两二三四五六七八九十]+)次")
# Before the period these make it one particular period (这一周, 上一年); after the
# count 也/都 make it "not even once".
_PARTICULAR = frozenset("这那上下前后近头该本")
_EVEN = frozenset("也都")
# 起 after a time word starts from it (今年起 "starting this year"); before these it is
# the verb "to get up" (今天起得很早, 明天起不来, 起了个大早).
TIME_START = "起"
_TIME_TAG = "t"
_RISING = frozenset(["得", "不", "了", "来", "过", "床", "身", "着", "晚", "早"])
# The adverb that makes a one-character adjective after it a superlative (最低 "lowest").
SUPERLATIVE = "最"
# The aspect markers after a verb (泡了, 拿着, 去过).
_ASPECT = frozenset("了着过")
# The experiential 过 (simplified and traditional: the gate reads the sentence as
# written). Before a verb + 过 word (穿过) these say it was (not) done before: 没 | 穿过;
# right after it, a count of times (一次, 两回, 几遍) or a question or 没有 closing
# the clause (走过吗？); then the sentence holds the verb and 过. Not 的: 穿过的衣服 is
# worn, 穿过的隧道 passed through, 飞过的鸟 flies past.
_EXPERIENCE_MARKS = frozenset("过過")
# 着 and its traditional form: a verb + 着 word CC-CEDICT lists with 着 zháo (吸着
# "sorption", 引着 "to ignite") before an object noun is the verb and the durative 着
# zhe (吸着烟 "smoking", 引着游客 "leading the tourists"): Segmenter._split_durative.
_DURATIVE_MARKS = frozenset("着著")
_EXPERIENCE_BEFORE = frozenset(
    ["没", "没有", "从没", "从来没", "从未", "未", "未曾", "曾", "曾经", "不曾"]
)
_EXPERIENCE_CLOSERS = frozenset(["吗", "没有", "呢"])
_TIMES = frozenset("次回遍趟")
_SOME = frozenset("几多数")
_CLAUSE_END = frozenset(["punct", "space"])
# Round twelve (issue 12, parts): words the sentence does not contain. A modal noun
# (才能 "talent") is the adverb and the modal before a verb, a preposition or an
# adverb (才能来, 总会在周末…, 才能更好地…), not after what a noun follows (的才能,
# 有才能) nor before 是 (这种才能是天生的); jieba's tags of what may follow, and the
# directions and results POTENTIAL_RESULTS lists (jieba tags 过来, 下来 t: 才能过来).
_MODAL_NEXT_TAGS = frozenset("vpd")
_NOUN_BEFORE = frozenset(["的", "有", "之", "没有"])
# An interjection verb (算了 "forget it") before one of these closes its clause.
_FINAL_PARTICLES = frozenset("吧啊呀吗呢嘛啦哦哈")
# What stands for a withheld given name after a surname (张某, 刘某某).
WITHHELD = frozenset(["某", "某某"])
_WITHHELD_CHARS = frozenset("".join(WITHHELD))

# Round eleven (issue 12, cuts): words jieba cut apart that read wrongly in pieces.
# 今/明 and a season are this or next season (今冬 "this winter"); 去/来 are
# verbs too (冬去春来), so only jieba's own words (去冬) hold them.
SEASON_DEICTICS = frozenset("今明")
SEASONS = frozenset("春夏秋冬")
# 今 | 明 before 两 is "today and tomorrow" (今明两天), "this year and next" (今明两年);
# 明 | 后 "tomorrow and the day after" (明后两天).
DAY_PAIRS = frozenset(("今明", "明后"))
# 地 after an adjective makes an adverb (慢慢地); after a character that is no
# adjective it closes a word jieba does not list (就 | 地 查扣 "on the spot").
ADVERBIAL_DE = "地"
# A one-character adjective of measure and 至/达 before an amount: how far
# it reaches (低至两百元 "as low as", 高达一万元 "as high as").
REACH_ADJECTIVES = frozenset("低高长重深")
REACH_MARKS = frozenset("至达")
ALONE = ("一个", "人")
# One or many on each side of 对: how two sides pair (一对一 "one-to-one");
# jieba cuts most of them (一对 | 多 "a pair" "many", 多 | 对 | 多).
PAIRED_SIDES = frozenset(("一对一", "一对多", "多对一", "多对多"))
PAIRED_FIRSTS = frozenset(side[0] for side in PAIRED_SIDES)
# Bylines inside the text: 本报讯(刘某某), a closing (刘某某), 刘某某 摄.
_BYLINE = re.compile(
    rf"(?:本报讯|讯)\s*[(\U0000FF08]\s*(?P<a>[{HAN_CLASS}]{{2,4}})\s*[)\U0000FF09]"
    rf"|[(\U0000FF08](?P<b>[{HAN_CLASS}]{{2,4}})[)\U0000FF09]\s*$"
    rf"|(?:^|\s)(?P<c>[{HAN_CLASS}]{{2,4}})\s+摄"
)


@dataclass(frozen=True)
class Piece:
    """A segment of a sentence: its text, kind, and glossary term (the entry's ``zh``)."""

    text: str
    kind: str = "word"
    term: str | None = None


def join_sized(
    pieces: list[Piece], size_at: Callable[[int, list[Piece]], int], kind: str = "word"
) -> list[Piece]:
    """Join the pieces from each ``i`` where ``size_at(i, joined so far)`` says how many make one.

    The walk every joining pass shares: a size of 0 keeps piece ``i`` as it
    is; a joined piece has ``kind``.
    """
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        size = size_at(i, out)
        if size:
            out.append(Piece("".join(p.text for p in pieces[i : i + size]), kind))
            i += size
            continue
        out.append(pieces[i])
        i += 1
    return out


class Segmenter:
    """Cut sentences into pieces; load once with ``Segmenter.initialize``."""

    def __init__(
        self,
        tokenizer,
        dictionary: Dictionary,
        terms: Mapping[str, tuple[str, str]],
        results: ResultComplements | None = None,
    ):
        self._jieba = tokenizer
        complements = results if results is not None else ResultComplements.load()
        self._complements = complements.complements
        self._complement_chars = frozenset(c[0] for c in self._complements)
        self._dictionary = dictionary
        self._frequencies = dictionary.word_frequencies()[0]  # looks up what it lacks
        self._terms = dict(terms)  # form -> (entry zh, kind)
        self._term_lengths = _lengths_by_first_char(self._terms)
        firsts = "".join(sorted(self._term_lengths))
        self._term_starts = re.compile(f"[{re.escape(firsts)}]") if firsts else None
        self._word_facts: dict[str, _WordFacts] = {}
        self._script_pieces: dict[tuple[str, str], Piece] = {}
        # Place units that are glossary terms too (街道): a term is cut before its name.
        self._term_units = frozenset(u for u in NAMED_UNITS if u in self._terms)
        # The first characters of the words _split_modal_pairs may cut (才能, 算了).
        self._modal_pair_firsts = frozenset(w[0] for w in MODAL_NOUNS | INTERJECTION_VERBS)

    @classmethod
    def initialize(
        cls,
        dictionary: Dictionary,
        terms: Mapping[str, tuple[str, str]] = (),  # type: ignore[assignment]
    ) -> Segmenter:
        """Set up jieba on the derived dictionary's word frequencies (read on demand)."""
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        frequencies, total = dictionary.word_frequencies()
        tokenizer = _tokenizer_on(frequencies)
        tokenizer.total = total
        tokenizer.initialized = True
        return cls(tokenizer, dictionary, dict(terms or {}))

    def segment(self, text: str, names: Iterable[str] = ()) -> list[Piece]:
        """Return the pieces of ``text``; they join back exactly into it."""
        bylines = bylines_in(text, self._dictionary.simplified)
        known = {n for n in names if len(n) >= 2} | set(bylines)
        runs: dict[tuple[str, str, str], list[Piece]] = {}
        pieces = self._segment(text, known, runs)
        # A name found once (after 村民, in a byline) is a name wherever it recurs;
        # so is a name jieba cut the same way twice (袁散 | 云 … 袁散 | 云).
        found = (names_in(pieces) | self._repeated_cut_names(pieces, text)) - known
        if _recurs(text, found):
            # The second pass cuts the same Han runs as the first except where
            # a name now stands: those it takes from the first (a long
            # paragraph that names a person twice was cut twice over).
            pieces = self._segment(text, known | found, runs)
        return pieces

    def words_of_term(self, text: str) -> list[Piece]:
        """Cut a glossary term's text as if it were no term: its own words (脱贫 | 攻坚).

        No fixed span is taken (the term would find itself); scripts, jieba and
        the name and place rules cut it as they cut any other text.
        """
        return self._free(text, [], {})

    def _repeated_cut_names(self, pieces: list[Piece], text: str) -> set[str]:
        """Return three-character names jieba cut apart that the text names twice.

        A surname and two characters cut 1 + 2 or 2 + 1 (袁散 | 云, 张 | 神光),
        which no dictionary lists and jieba's POS HMM reads as one name, is a
        person named again later in the text: a phrase seldom recurs cut so.
        """
        found: set[str] = set()
        for first, second in zip(pieces, pieces[1:], strict=False):
            if len(first.text) + len(second.text) != 3 or first.kind != "word":
                continue  # the cheap checks first: most pairs are no three characters
            name = first.text + second.text
            if second.kind != "word" or first.term or second.term or name in found:
                continue
            if text.count(name) < 2:
                continue
            twin = self._dictionary.simplified(name)
            if twin[0] not in COMMON_SURNAMES or twin[0] in FUNCTION_CHARS:
                continue
            if self._known(twin) or self._dictionary.contains(twin) or not one_name_by_hmm(twin):
                continue
            if any(c in FUNCTION_CHARS for c in twin[1:]):
                continue
            found.add(name)
        return found

    def _segment(
        self, text: str, names: set[str], runs: dict[tuple[str, str, str], list[Piece]]
    ) -> list[Piece]:
        pieces: list[Piece] = []
        position = 0
        for start, end, piece in self._fixed_spans(text, names):
            pieces.extend(self._free(text[position:start], pieces, runs))
            pieces.append(piece)
            position = end
        pieces.extend(self._free(text[position:], pieces, runs))
        if any(p.term and p.text in self._term_units for p in pieces):
            pieces = self._name_term_units(pieces)
        if not _EXPERIENCE_MARKS.isdisjoint(text):
            pieces = self._split_experienced(pieces)
        if not _DURATIVE_MARKS.isdisjoint(text):
            pieces = self._split_durative(pieces)
        if not self._modal_pair_firsts.isdisjoint(text):
            pieces = self._split_modal_pairs(pieces)
        if "".join(p.text for p in pieces) != text:
            raise AssertionError(f"segmentation lost text: {text!r}")
        return pieces

    # --- fixed spans: terms and known names -------------------------------------------

    def _fixed_spans(self, text: str, names: set[str]) -> list[tuple[int, int, Piece]]:
        """Find terms and names; where they overlap the longest wins (then the earliest)."""
        found: list[tuple[int, int, Piece]] = []
        # Terms are written simplified; traditional text matches through its twin.
        twin = self._dictionary.simplified(text)
        # Only where a term's first character stands (one scan in C, not a loop per character).
        for match in self._term_starts.finditer(twin) if self._term_starts else ():
            start = match.start()
            for length in self._term_lengths[match.group()]:
                form = twin[start : start + length]
                if len(form) == length and form in self._terms:
                    zh, kind = self._terms[form]
                    found.append(
                        (start, start + length, Piece(text[start : start + length], kind, zh))
                    )
        for name in names:
            if len(name) < 2:
                continue
            start = text.find(name)
            while start >= 0:  # every occurrence, overlapping ones too
                if not self._straddles(twin, start, start + len(name)):
                    found.append((start, start + len(name), Piece(name, "name")))
                start = text.find(name, start + 1)
        # Longest first, then earliest; at one span a term stays before a name (stable sort).
        found.sort(key=lambda span: (span[0] - span[1], span[0]))
        # Which characters a taken span covers: checking a span costs its own
        # length, not the number of spans taken before it.
        covered = bytearray(len(text))
        taken: list[tuple[int, int, Piece]] = []
        for span in found:
            start, end = span[0], span[1]
            if not any(covered[start:end]):
                covered[start:end] = b"\x01" * (end - start)
                taken.append(span)
        return sorted(taken, key=lambda span: span[0])

    def _split_experienced(self, pieces: list[Piece]) -> list[Piece]:
        """Cut a verb + 过 word where the sentence says it was done before: 穿 | 过 | 一次.

        CC-CEDICT lists 穿过 "to pass through", 走过 "to walk past", 改过 "to
        correct one's errors"; where a count, a closing 吗/没有 or a 没/曾经
        before it says the action was done (这件衣服只穿过一次, 没走过这条路),
        the sentence holds the verb and the experiential 过, no such word. The
        whole sentence is read, its punctuation too (吗 must close the clause).
        """
        twin = self._dictionary.simplified
        return self._split_verb_particle(
            pieces, EXPERIENCED_VERBS, lambda i: _experienced(pieces, i, twin)
        )

    def _split_durative(self, pieces: list[Piece]) -> list[Piece]:
        """Cut a verb + 着 word before the verb's object: 吸着 | 烟 → 吸 | 着 | 烟.

        CC-CEDICT lists 吸着 "sorption" and 引着 "to ignite" (着 zháo, a result);
        before a noun the verb holds its object and 着 is the durative zhe
        (老人吸着烟 "smoking", 导游引着游客 "leading").
        """
        twin = self._dictionary.simplified
        tag = self._dictionary.word_tag

        def before_object(i: int) -> bool:
            return (
                i + 1 < len(pieces)
                and pieces[i + 1].kind == "word"
                and tag(twin(pieces[i + 1].text))[:1] == "n"
            )

        return self._split_verb_particle(pieces, DURATIVE_VERBS, before_object)

    def _split_modal_pairs(self, pieces: list[Piece]) -> list[Piece]:
        """Cut a modal noun before a verb (才能 | 来) and an interjection verb before a word.

        CC-CEDICT lists 才能 "talent", 总会 "general association", 算了 "forget
        it"; in 他明天才能来 and 我算了一下 the sentence holds 才 + 能 and 算 + 了,
        no such word (issue 13's rule: a gloss never comes from a word the
        sentence does not contain).
        """
        twin = self._dictionary.simplified
        tag = self._dictionary.word_tag

        def holds(i: int) -> bool:
            after = pieces[i + 1] if i + 1 < len(pieces) else None
            if after is None or after.kind not in ("word", "number"):
                return False  # a clause's end: 算了。, 很有才能。
            following = twin(after.text)
            if twin(pieces[i].text) in INTERJECTION_VERBS:
                return following not in _FINAL_PARTICLES
            before = twin(pieces[i - 1].text) if i else ""
            return (
                after.kind == "word"
                and following != "是"
                and before not in _NOUN_BEFORE
                and (tag(following)[:1] in _MODAL_NEXT_TAGS or following in POTENTIAL_RESULTS)
            )

        return self._split_verb_particle(pieces, MODAL_NOUNS | INTERJECTION_VERBS, holds)

    def _split_verb_particle(
        self, pieces: list[Piece], words: frozenset[str], holds: Callable[[int], bool]
    ) -> list[Piece]:
        """Cut each two-character word of ``words`` into verb | particle where ``holds(i)``.

        The words are read through their simplified twins; a glossary term stays whole.
        """
        twin = self._dictionary.simplified
        out: list[Piece] = []
        for i, piece in enumerate(pieces):
            if (
                len(piece.text) == 2
                and piece.kind == "word"
                and not piece.term
                and twin(piece.text) in words
                and holds(i)
            ):
                out.extend((Piece(piece.text[0]), Piece(piece.text[1])))
                continue
            out.append(piece)
        return out

    def _name_term_units(self, pieces: list[Piece]) -> list[Piece]:
        """Join a place unit that is a glossary term to the name before it: 杨林 | 街道.

        A term is cut before the words around it, so the place rules never
        see its name (杨林, 枫林); a two-character stem no dictionary lists,
        or a noun ``_noun_stem`` accepts, and the unit are one place
        (Yanglin Subdistrict), as they are where the unit is no term.
        """
        out: list[Piece] = []
        for piece in pieces:
            stem = out[-1] if out else None
            unit = self._dictionary.simplified(piece.text)
            if (
                piece.term
                and unit in self._term_units
                and stem is not None
                and stem.kind == "word"
                and not stem.term
                and len(stem.text) == 2
                and self._stem_word_before(self._dictionary.simplified(stem.text), unit)
            ):
                out[-1] = Piece(stem.text + piece.text, "place")
                continue
            out.append(piece)
        return out

    def _stem_word_before(self, word: str, unit: str) -> bool:
        """Tell whether a two-character word names the place unit after it (杨林, 竹林)."""
        if counted_noun(word) or han_value(word) is not None or word[0] in FUNCTION_CHARS:
            return False
        if self._dictionary.hsk_level(word) is None and not self._dictionary.contains(word):
            return True
        return self._noun_stem(word, unit)

    def _straddles(self, twin: str, start: int, end: int) -> bool:
        """Tell whether a word crosses the edge of a name's span (地方震动 holds no 方震)."""
        before = twin[start - 1 : start + 1] if start > 0 else ""
        after = twin[end - 1 : end + 1] if end < len(twin) else ""
        return any(len(pair) == 2 and self._known(pair) for pair in (before, after))

    # --- the rest: scripts, then jieba ---------------------------------------------------

    def _free(
        self, text: str, before: list[Piece], runs: dict[tuple[str, str, str], list[Piece]]
    ) -> list[Piece]:
        """Split by script and cut the Han runs; ``before`` gives the words to the left.

        ``runs`` holds the cuts made so far, by run and left neighbour (all a
        run's cut depends on): the second pass of ``segment`` reuses them.
        """
        pieces: list[Piece] = []
        for match in _SCRIPT.finditer(text):
            kind = match.lastgroup
            if kind == "han":
                left = (pieces or before)[-1] if (pieces or before) else Piece("", "space")
                key = (match.group(), left.text, left.kind)
                cut = runs.get(key)
                if cut is None:
                    cut = runs[key] = self._han(match.group(), left)
                pieces.extend(cut)
            else:
                pieces.append(self._script_piece(match.group(), kind))
        return pieces

    def _script_piece(self, text: str, kind: str) -> Piece:
        """Return the piece of a run that is no Han text (punctuation, digits, Latin, space)."""
        # Pieces are frozen and the same marks recur in every line (，。、“”):
        # one object per (text, kind), where a frozen dataclass costs a call per field.
        key = (text, kind)
        piece = self._script_pieces.get(key)
        if piece is None:
            if len(self._script_pieces) >= _FACTS_CACHE_SIZE:
                self._script_pieces.clear()  # bounded memory (numbers seldom recur)
            piece = self._script_pieces[key] = Piece(text, kind)
        return piece

    def _han(self, run: str, left: Piece) -> list[Piece]:
        # jieba knows simplified words; a traditional run is cut on its
        # simplified twin (same length) and the original characters kept.
        twin = self._dictionary.simplified(run)
        chunks = self._score_chunks(twin)
        cut = [word for chunk in chunks for word in self._jieba.cut(chunk, HMM=True)]
        words, offset = [], 0
        for word in _split_approximate(cut, left):
            words.append((run[offset : offset + len(word)], word))
            offset += len(word)
        return self._names(self._recut_titled_names(words, left.text), left.text)

    def _recut_titled_names(
        self, words: list[tuple[str, str]], left: str
    ) -> list[tuple[str, str]]:
        """Re-cut a name jieba ran into the verb of speaking after it: 书记 | 张开 | 明说.

        After a title, a surname and one or two characters followed by a verb of
        speaking (张开明 | 说) is a name, wherever jieba put its edges; the
        characters after the name are cut again (明说 → 说). ``words`` are
        (original, simplified) pairs; the rules read the simplified ones.
        """
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(words):
            # The cheap check first: most words start with no surname.
            titled = words[i][1][:1] in COMMON_SURNAMES and (
                (out[-1][1] if out else left).endswith(TITLES)
            )
            recut = self._titled_name(words, i) if titled else None
            if recut is None:
                out.append(words[i])
                i += 1
                continue
            size, used = recut
            original = "".join(o for o, _ in words[i : i + used])
            simple = "".join(w for _, w in words[i : i + used])
            out.append((original[:size], simple[:size]))
            offset = size
            for word in self._jieba.cut(simple[size:], HMM=False):
                out.append((original[offset : offset + len(word)], word))
                offset += len(word)
            i += used
        return out

    def _titled_name(self, words: list[tuple[str, str]], i: int) -> tuple[int, int] | None:
        """Return (name length, words used) where a name runs into a verb of speaking."""
        text = "".join(w for _, w in words[i : i + 3])
        if text[:1] not in COMMON_SURNAMES or text[:1] in FUNCTION_CHARS:
            return None
        ends, total = set(), 0
        for _, word in words[i : i + 3]:
            total += len(word)
            ends.add(total)
        for size in (3, 2):
            if size in ends or not any(text.startswith(v, size) for v in SPEECH_VERBS):
                continue  # jieba's edge is right already, or no verb follows
            used = next(k for k, end in enumerate(sorted(ends), 1) if end > size)
            if self._known(text[:size]) or not one_name_by_hmm(text[:size]):
                return None
            return size, used
        return None

    def _score_chunks(self, text: str) -> list[str]:
        """Cut a score or ratio out of a Han run before jieba sees it: 三 | 比 | 一.

        jieba joins its numerals to their neighbours (三比 | 一赢, 以三比 | 二);
        a numeral that begins or ends a word jieba knows (一般, 统一) is no score.
        """
        chunks, start = [], 0
        for match in _SCORE.finditer(text):
            first, second = match.span(1), match.span(3)
            before = text[max(0, first[0] - 1) : first[0] + 1]
            after = next(iter(self._jieba.cut(text[second[0] :], HMM=False)), "")
            if (len(before) == 2 and self._known(before)) or (
                len(after) > second[1] - second[0] and self._known(after)
            ):
                continue
            chunks += [text[start : first[0]], match[1], match[2], match[3]]
            start = second[1]
        return [c for c in (*chunks, text[start:]) if c]

    def _known(self, word: str) -> bool:
        """Tell whether jieba's dictionary has the word (not guessed by its HMM)."""
        return bool(self._frequencies.get(word))

    def _names(self, words: list[tuple[str, str]], left: str) -> list[Piece]:
        """Join jieba's words into place and person names; tag the rest."""
        simple = [w for _, w in words]
        out: list[Piece] = []
        i = 0
        lent = False  # a noun that may hold a character jieba lent it (Segmenter._lend_back)
        # A withheld name needs 某 (WITHHELD); most runs hold none, so ask once.
        withheld = not _WITHHELD_CHARS.isdisjoint("".join(simple))
        while i < len(simple):
            word = simple[i]
            ends_place, _, tagged, parts, alone, lends = self._facts(word)
            lent = lent or (lends and bool(out) and len(out[-1].text) == 1)
            # The gates are what the rules require first: a place suffix at the
            # end; a role word before, or three characters (most words have neither).
            size, kind = self._place_at(simple, i, out) if ends_place else (0, "")
            after_title = self._facts(simple[i - 1])[1] if i else left.endswith(TITLES)
            if not size and (len(word) >= 3 or after_title):
                size, kind = self._person_at(simple, i, left)
            if not size and withheld:
                size, kind = self._withheld_at(simple, i)
            if not size and len(word) == 1 and word in COMMON_SURNAMES:
                # 王芳 | 和 | 周 | 新华: a name and a joiner before the surname.
                listed = len(out) > 1 and out[-1].text in NAME_JOINERS and out[-2].kind == "name"
                size, kind = self._cut_name_at(simple, i, left, listed)
            if not size:
                size, kind = 1, tagged
                if i + 1 < len(simple) and simple[i + 1] in PLACE_SUFFIXES:
                    kind = "word"  # the stem of a place name (詹桥 before 镇)
                elif tagged != "place" and words[i][0] == word:
                    out.extend(alone)  # the usual case: simplified text, pieces made once
                    i += 1
                    continue
                elif parts is not None:
                    offset = 0
                    for length, part_kind in parts:
                        out.append(Piece(words[i][0][offset : offset + length], part_kind))
                        offset += length
                    i += 1
                    continue
            text = "".join(original for original, _ in words[i : i + size])
            split = kind == "name" and size == 1
            if split and (name_then_char(word) or self._name_then_verb(word)):
                # 钟丽华向 | 记者: the name, then the preposition jieba's guess took.
                out.extend((Piece(text[:-1], "name"), Piece(text[-1:], "word")))
                i += 1
                continue
            # A place the dictionary names whole (中国 "China") takes no stem: 年 | 中国.
            whole = kind == "place" and size == 1 and len(word) > 1 and self._proper(word)
            stem = self._stem_size(simple, i, out) if kind == "place" and size and not whole else 0
            if stem:
                # The stem already went out as plain words; take them back.
                text = "".join(p.text for p in out[-stem:]) + text
                kind = "word" if self._described(out[-stem:], word) else kind
                del out[-stem:]
            out.append(Piece(text, kind))
            i += size
        # Traditional text reads the frames through its twin; simplified text is its own.
        traditional = any(original != word for original, word in words)
        twin = traditional and self._dictionary.simplified
        # The splitting and joining passes are pure Python over every word; most
        # runs hold none of the characters they act on (把, 在, 不/得, 十分, 次),
        # so ask first (把 and 在 are their own traditional forms).
        run = "".join(original for original, _ in words)
        pieces = self._split_disposal(out) if "把" in run else out
        if lent:
            pieces = self._lend_back(pieces)
        if "在" in run:
            pieces = _close_frames(pieces, twin)
        if "不" in run or "得" in run:
            pieces = self._join_potentials(pieces)
        if not (NEGATIONS.isdisjoint(run) and self._complement_chars.isdisjoint(run)):
            pieces = self._join_listed_pairs(pieces, twin or _same)
        if _TEN_POINTS in run:
            pieces = join_tens(pieces, self._dictionary)
        if "次" in run:
            pieces = join_frequencies(pieces, twin or _same)
        if TIME_START in run:
            pieces = join_time_starts(pieces, self._dictionary, twin or _same)
        if _may_hold_split_word(run):
            pieces = join_split_words(pieces, self._dictionary, twin or _same)
        if ABOUT_HOUR in run:
            pieces = join_about_hours(pieces, twin or _same)
        if _may_hold_one_pair(run):
            pieces = recut_after_one(pieces, self._dictionary, twin or _same, left)
        return pieces

    def _facts(self, word: str) -> _WordFacts:
        """Return what the rules ask of a word alone, worked out once per word.

        Whether it ends in a place suffix and in a title, its tag, its parts
        (length, kind) when it goes out cut apart (else None), the pieces it
        goes out as when no rule joins it (frozen, so shared), and whether it
        is a two-character noun ending in a verb (水泡: ``_lend_back`` asks).
        """
        facts = self._word_facts.get(word)
        if facts is None:
            if len(self._word_facts) >= _FACTS_CACHE_SIZE:
                self._word_facts.clear()  # bounded memory
            kind = self._tagged(word)
            parts = None
            if kind == "word" and self._cut_apart(word):
                parts = tuple((len(part), self._tagged(part)) for part in self._parts(word))
            alone, offset = [], 0
            for length, part_kind in parts or ((len(word), kind),):
                alone.append(Piece(word[offset : offset + length], part_kind))
                offset += length
            ends = (word.endswith(PLACE_SUFFIXES), word.endswith(TITLES))
            tag = self._dictionary.word_tag
            lends = len(word) == 2 and tag(word) == "n" and tag(word[1]) == "v"
            facts = (*ends, kind, parts, tuple(alone), lends)
            self._word_facts[word] = facts
        return facts

    def _split_disposal(self, pieces: list[Piece]) -> list[Piece]:
        """Cut 把 off a noun jieba joined it to before a verb: 你把门关上 → 把 | 门 | 关上.

        jieba lists 把门 "to keep the gate" and 把手 "handle"; before a verb,
        and not after 的 (门的把手坏了), they are the disposal 把 and its object.
        The words are read through their simplified twins (你把門關上 alike).
        """
        out: list[Piece] = []
        twin = self._dictionary.simplified
        for i, piece in enumerate(pieces):
            text = piece.text
            if (
                text[:1] == "把"
                and len(text) in (2, 3)
                and piece.kind == "word"
                and i + 1 < len(pieces)
                and (not out or out[-1].text != "的")
                and self._dictionary.word_tag(twin(text[1:]))[:1] == "n"
                and self._verb(twin(pieces[i + 1].text))
            ):
                out.extend((Piece("把"), Piece(text[1:])))
                continue
            out.append(piece)
        return out

    def _lend_back(self, pieces: list[Piece]) -> list[Piece]:
        """Give a noun back the character jieba lent the noun after it: 凉 | 水泡 → 凉水 | 泡.

        A single character, then a two-character noun whose last character is
        a verb, then the verb's object or an aspect marker: where the character
        and the noun's first character make a noun both dictionaries list, the
        sentence holds that noun and the verb (用凉水泡脚 "to soak the feet in
        cool water", not "cool" "blister"). The object after it is the signal:
        a noun that closes its phrase (部分 | 采用, 国情怀。) keeps jieba's cut.
        The words are read through their simplified twins.
        """
        out: list[Piece] = []
        twin = self._dictionary.simplified
        tag = self._dictionary.word_tag
        for i, piece in enumerate(pieces):
            first = out[-1] if out else None
            if (
                len(piece.text) != 2
                or first is None
                or len(first.text) != 1
                or i + 1 >= len(pieces)  # the cheap checks first
                or piece.kind != "word"
                or first.kind != "word"
                or piece.term
                or first.term
            ):
                out.append(piece)
                continue
            noun, head = twin(piece.text), twin(first.text)
            lent = head + noun[0]
            after = pieces[i + 1]
            takes = after.kind == "word" and not after.term and (
                twin(after.text) in _ASPECT or tag(twin(after.text)) == "n"
            )
            if (
                takes
                and head not in FUNCTION_CHARS
                and tag(noun) == "n"
                and tag(noun[1]) == "v"
                and tag(lent) == "n"
                and self._known(lent)
                and self._dictionary.common(lent)
            ):
                out[-1] = Piece(first.text + piece.text[0])
                out.append(Piece(piece.text[1]))
                continue
            out.append(piece)
        return out

    def _join_potentials(self, pieces: list[Piece]) -> list[Piece]:
        """Join a verb and its potential complement into one word: 睡 | 不着 → 睡不着.

        A one-character verb, 不 or 得, and a result or direction (吃 | 不了,
        打 | 不 | 开, 想 | 不 | 起来, 拿 | 得 | 动) say whether the action can
        be done, as the words jieba lists do (看不懂, 赶不上); cut apart they
        read piece by piece ("to sleep" "unable to (succeed)"). 不到 or 不上
        before a number is "less than" (来 | 不到 | 一年), not a complement.
        """
        twin = self._dictionary.simplified
        return join_sized(
            pieces,
            lambda i, _: self._potential_at(pieces, i, twin)
            or self._result_cut_off(pieces, i, twin),
        )

    def _join_listed_pairs(self, pieces: list[Piece], twin: Callable[[str], str]) -> list[Piece]:
        """Join 不/没 or a verb to the word after it where CC-CEDICT lists the pair.

        jieba's dictionary lacks many words CC-CEDICT lists whose English is
        one word: 不 | 一样 "different", 不 | 一定 "not necessarily", 没 | 问题
        "no problem", and verbs with their result (走 | 丢 "to get lost");
        cut apart they read "not same", "to walk" "to lose".
        """
        out: list[Piece] = []
        i = 0
        while i < len(pieces):
            if i + 1 < len(pieces) and self._listed_pair(pieces[i], pieces[i + 1], twin):
                out.append(Piece(pieces[i].text + pieces[i + 1].text))
                i += 2
                continue
            out.append(pieces[i])
            i += 1
        return out

    def _listed_pair(self, first: Piece, second: Piece, twin: Callable[[str], str]) -> bool:
        """Tell whether two pieces are 不/没 or a verb and a word CC-CEDICT lists joined."""
        if len(first.text) != 1 or first.kind != "word" or second.kind != "word":
            return False  # the cheap checks first
        if first.term or second.term:
            return False
        head, rest = twin(first.text), twin(second.text)
        if head in NEGATIONS:
            if not 1 < len(rest) < _LONGEST_NEGATED or rest[:1] in NEGATIONS:
                return False  # 不著 in old text is no "no need"; 不一样 is
        elif rest not in self._complements or not self._verb(head) or head in FUNCTION_CHARS:
            return False
        return self._dictionary.common(head + rest) and not self._known(head + rest)

    def _potential_at(self, pieces: list[Piece], i: int, twin: Callable[[str], str]) -> int:
        """Count the pieces of a verb and its potential complement at pieces[i], else 0."""
        verb = pieces[i]
        if len(verb.text) != 1 or i + 1 >= len(pieces) or pieces[i + 1].text[:1] not in "不得":
            return 0  # the cheap checks first: most words have no 不/得 after them
        if verb.kind != "word" or verb.term:
            return 0
        # The twin of the phrase, not of each piece: 睡不著 reads as 睡不着 whole.
        after = pieces[i : i + 3]
        phrase, plain, offset = twin("".join(p.text for p in after)), [], len(verb.text)
        for p in after[1:]:
            part = phrase[offset : offset + len(p.text)]
            plain.append(part if p.kind == "word" and not p.term else "")
            offset += len(p.text)
        word = phrase[0]
        size = 0
        if plain[0] in POTENTIAL_COMPLEMENTS or _directed(word, plain[0][:1], plain[0][1:]):
            size = 2
        elif len(plain) == 2 and (
            plain[0] in ("不", "得") and plain[1] in POTENTIAL_RESULTS
            or _directed(word, plain[0], plain[1])
        ):
            size = 3
        if not size:
            return 0
        if word in POTENTIAL_MODALS or not self._verb(word):
            return 0
        if "".join(plain[: size - 1])[1:].startswith(word):
            return 0  # 懂 | 不 | 懂 asks "do you understand?": no complement
        nxt = pieces[i + size] if i + size < len(pieces) else None
        counts = nxt is not None and (
            nxt.kind == "number" or han_value(twin(nxt.text)[:1]) is not None
        )
        if counts and "".join(plain[: size - 1]) in POTENTIAL_AMOUNTS:
            return 0  # 来 | 不到 | 一年 "less than a year", 不下百人 "no fewer than"
        return size

    def _result_cut_off(
        self, pieces: list[Piece], i: int, twin: Callable[[str], str]
    ) -> int:
        """Count the pieces of a potential whose two-character result jieba cut: 看不清 | 楚.

        jieba lists 看不清 and leaves 楚 alone ("distinct"); the character that
        completes the result (清楚) belongs to the potential: 看不清楚.
        """
        first = pieces[i]
        if len(first.text) != 3 or first.text[1] not in "不得" or i + 1 >= len(pieces):
            return 0  # the cheap checks first
        last = pieces[i + 1]
        if len(last.text) != 1 or first.kind != "word" or last.kind != "word":
            return 0
        if first.term or last.term:
            return 0
        result = twin(first.text[2] + last.text)
        return 2 if len(result) == 2 and result in POTENTIAL_RESULTS else 0

    def _cut_apart(self, word: str) -> bool:
        """Tell whether jieba's word goes out as its parts: a guess, or a phrase named a name."""
        if listed_phrase(word, self._dictionary):
            return True
        if not self._guessed(word):
            return False
        return weather_clause(word, self._dictionary) or not (
            _maybe_name(word) or self._named_by_form(word)
        )

    def _named_by_form(self, word: str) -> bool:
        """Tell whether a word no dictionary lists has the form of a person's name.

        A compound surname and a given name (欧阳明): a compound surname is rare
        enough in running text to mark a name by itself, unless it is an
        everyday word too (东方 "east"). Or 老/小 and a surname (小王, 老张),
        unless the pair is a word (小麦 "wheat", 老师).
        """
        if self._dictionary.contains(word):
            return False
        if _is_nickname(word):
            return True
        head = word[:2]
        if len(word) not in (3, 4) or head not in COMMON_COMPOUND_SURNAMES:
            return False
        return not self._dictionary.common(head)

    def _guessed(self, word: str) -> bool:
        """Tell whether jieba's word is a guess that no dictionary backs.

        Its HMM joins unknown runs (我种, 很长, 地说, 应由) and its dictionary
        lists phrases at the floor frequency (排长队, 没来); CC-CEDICT has
        none of them, and reading or glossing them as one word misleads.
        """
        if len(word) < 2 or self._dictionary.contains(word):
            return False
        if word[0] in MEASURE_OPENERS or word.endswith("个") or word.startswith(NUMERAL_OPENERS):
            return False  # a measure phrase (这台, 找个) or a number (百分之九十八) stays whole
        return self._frequencies.get(word, 0) <= GUESS_FREQUENCY

    def _parts(self, word: str) -> list[str]:
        """Cut a guessed word into the fewest words both dictionaries list, or characters.

        A phrase jieba lists as a name is its two words (于 | 本周, 安全 | 检查).

        Where two cuts are equally short (排长|队 against 排|长队), the words
        they disagree on go out as characters: neither word is surely there;
        unless one cut is an everyday verb and its object (做 | 作业).
        """
        phrase = phrase_parts(word, self._dictionary)
        if phrase:
            return list(phrase)
        cuts = _fewest_pieces(
            word,
            lambda piece: len(piece) < len(word)
            and self._known(piece)
            and (self._dictionary.contains(piece) or self._superlative(piece)),
        )
        cuts = self._past_floor(word, cuts)
        if len(cuts) > 1 and self._verb_and_object(word):
            return [word[0], word[1:]]
        if len(cuts) > 1 and self._closed_by_head(word, cuts):
            return [word]
        agreed = set.intersection(*(set(cut) for cut in cuts))
        parts = []
        for start, end in cuts[0]:
            if (start, end) in agreed:
                parts.append(word[start:end])
            else:
                parts.extend(word[start:end])
        return parts

    def _closed_by_head(self, word: str, cuts: list[list[tuple[int, int]]]) -> bool:
        """Tell whether a tied guess is a word and the place head that closes it: 充电站.

        充电 | 站 ties with 充 | 电站, and the tie sent the word out as
        characters ("sufficient" "electricity" "to stand"). Where one cut is
        a word above jieba's floor and a one-character place head (站, 馆, 所,
        厂, 院), the guess is that place: it stays whole, and its gloss reads
        the head as the noun (``GlossChooser.compound_gloss``).
        """
        last = len(word) - 1
        if word[last:] not in PLACE_HEADS or not any(cut[-1] == (last, last + 1) for cut in cuts):
            return False
        return self._frequencies.get(word[:last], 0) > GUESS_FREQUENCY

    def _past_floor(
        self, word: str, cuts: list[list[tuple[int, int]]]
    ) -> list[list[tuple[int, int]]]:
        """Drop the tied cuts that hold a word jieba lists only at its floor frequency.

        jieba lists phrases at the floor (掘出 3, as 发掘出 3), and a tie of two
        cuts sent the words they disagree on out as characters: 发掘出 went out
        发 | 掘 | 出 where 发掘 (1,579) is surely there. A cut whose words all
        stand above the floor wins over one holding a floor word; where every
        cut or none holds one (排长 | 队, 排 | 长队), the tie stays.
        """
        if len(cuts) < 2:
            return cuts
        firm = [
            cut
            for cut in cuts
            if all(
                e - s == 1 or self._frequencies.get(word[s:e], 0) > GUESS_FREQUENCY
                for s, e in cut
            )
        ]
        return firm or cuts

    def _superlative(self, word: str) -> bool:
        """Tell whether a word is 最 and a one-character adjective jieba lists (最低, 最大).

        CC-CEDICT lacks most of them (最低, 最大, 最长, 最早); cut into
        characters they read "most" "low", and a guess that holds one
        (最低气温) lost it: 最 | 低 | 气温. Above jieba's floor they are words.
        """
        return (
            len(word) == 2
            and word[0] == SUPERLATIVE
            and self._frequencies.get(word, 0) > GUESS_FREQUENCY
            and self._dictionary.word_tag(word[1])[:1] == "a"
        )

    def _verb_and_object(self, word: str) -> bool:
        """Tell whether a three-character guess is an everyday verb and a noun (做作业, 排长队).

        jieba's HMM joins a one-character verb to its object; the rival cut
        (做作 | 业, 排长 | 队) is then a word no HSK level lists, where an
        everyday rival (安全 | 员) leaves the tie to the characters.
        """
        verb, noun, rival = word[:1], word[1:], word[:2]
        return (
            len(word) == 3
            and self._dictionary.word_tag(verb) == "v"
            and self._dictionary.hsk_level(verb) is not None
            and self._dictionary.word_tag(noun)[:1] == "n"
            and self._dictionary.hsk_level(rival) is None
        )

    def _verb(self, word: str) -> bool:
        """Tell whether a word is a verb: jieba's tag, else CC-CEDICT's "to …" sense (关上)."""
        if self._dictionary.word_tag(word)[:1] == "v":
            return True
        return (self._dictionary.short_gloss(word) or "").startswith("to ")

    def _tagged(self, word: str) -> str:
        if self._named_by_form(word):
            return "name"  # jieba lists some at the floor frequency, untagged (欧阳明, 小王)
        kind = self._dictionary.name_kind(word)
        if kind == "name" and listed_phrase(word, self._dictionary):
            return "word"
        if kind == "name" and len(word) >= 3 and word.endswith(PLACE_SUFFIXES):
            return "place"  # jieba tags some villages nr (黄金村)
        if kind == "name" and not starts_with_surname(word) and not _is_nickname(word):
            return "word"  # jieba tags many plain words nr
        if kind == "name" and self._place_opens(word):
            return "word"
        if kind == "place" and word in COMMON_NOUNS:
            return "word"  # 黄河 | 大桥 is a bridge, not a place called Da Qiao
        if kind == "place" and not (self._proper(word) or word.endswith(PLACE_SUFFIXES)):
            return "word"  # nor are all its ns words places (惠及)
        if kind == "place" and word[0] in DEMONSTRATIVES and self._dictionary.contains(word[1:]):
            return "word"  # 各乡镇 is "each town", no town called Gexiang
        return kind or "word"

    def _proper(self, word: str) -> bool:
        return self._dictionary.proper_gloss(word) is not None

    def _place_opens(self, word: str) -> bool:
        """Tell whether a place name opens a longer word (宁波人 is from Ningbo, no Mr Ning)."""
        head = word[:2]
        return len(word) > 2 and self._dictionary.name_kind(head) == "place" and self._proper(head)

    # --- places ----------------------------------------------------------------------

    def _place_at(self, words: list[str], i: int, out: list[Piece]) -> tuple[int, str]:
        """Return (1, "place") when words[i] ends a place name, else (0, "")."""
        word = words[i]
        if word in PLACE_SUFFIXES:
            return (1, "place") if self._stem_size(words, i, out) else (0, "")
        if not word.endswith(PLACE_SUFFIXES) or word[0] in FUNCTION_CHARS or self._known(word):
            return 0, ""  # the cheap checks first: most words end in no place suffix
        if counted_noun(word):
            return 0, ""  # 九十多个村 counts villages; it names none
        # 冲村 alone is half a name; it needs a stem or a length of three.
        if len(word) >= 3 or self._stem_size(words, i, out):
            return 1, "place"
        return 0, ""

    def _stem_size(self, words: list[str], i: int, out: list[Piece]) -> int:
        """Count the pieces just before ``words[i]`` that form a place name's stem."""
        count, chars = 0, 0
        for piece in reversed(out):
            # Read through the simplified twin, as jieba cut it: 兩個 | 村 counts
            # villages as 两个 | 村 does (traditional 個 is no function character).
            word = self._dictionary.simplified(piece.text)
            if piece.kind != "word" or piece.term:
                break
            if not self._stem_word(word):
                if not count and self._noun_stem(word, words[i]):
                    count = 1  # 竹林 | 村: a noun names the village, nothing before it joins
                break
            if chars + len(piece.text) > 4:
                break
            count += 1
            chars += len(piece.text)
        return count

    def _described(self, stem: list[Piece], suffix: str) -> bool:
        """Tell whether a stem and a suffix make a common noun phrase, not a place's name.

        产业园 | 区 is an industrial park: the stem opens with a common word (产业)
        and its last character makes a common word with the suffix (园区), so
        the suffix closes that word, not a place named Chanyeyuan.
        """
        if len(stem) != 1 or suffix not in PLACE_SUFFIXES:
            return False
        head, last = stem[0].text[:-1], stem[0].text[-1:]
        return (
            len(head) >= 2
            and self._dictionary.hsk_level(head) is not None
            and self._dictionary.common(last + suffix)
        )

    def _noun_stem(self, word: str, unit: str) -> bool:
        """Tell whether a listed noun before a village, township or street unit names it.

        竹林 | 村, 清水 | 乡, 青山 | 街道: a two-character noun jieba lists
        (``n``, ``ns``, ``nr``, ``nz``) that no HSK level holds is the unit's
        name; an everyday word (文明村, 重点村) or a verb or adjective
        (贫困村, 示范村) describes it instead.
        """
        if unit not in NAMED_UNITS or len(word) != 2:
            return False
        if self._dictionary.word_tag(word)[:1] != "n" or counted_noun(word):
            return False
        return self._dictionary.hsk_level(word) is None

    def _stem_word(self, word: str) -> bool:
        # Numerals start place names (五里牌) but not as a word of their own.
        if word[0] in (FUNCTION_CHARS if len(word) == 1 else FUNCTION_CHARS - NUMERALS):
            return False
        if len(word) == 1:
            return True
        if counted_noun(word) or han_value(word) is not None:
            return False  # 九十多个 | 村 counts villages; it names none
        # A common word (贫困, 示范) before 村 is a description, not a name.
        return self._dictionary.hsk_level(word) is None and not self._dictionary.contains(word)

    # --- persons ---------------------------------------------------------------------

    def _person_at(self, words: list[str], i: int, left: str) -> tuple[int, str]:
        """Return (number of words, "name") when a person's name starts at words[i]."""
        word = words[i]
        after_role = (words[i - 1] if i > 0 else left).endswith(TITLES)
        if after_role and self._adverb_before_verb(words, i):
            return 0, ""  # 大婶 | 常来, 村民 | 常 | 来: "often comes", no Mr Chang
        if after_role and self._dictionary.word_tag(word) in _NO_NAME_TAGS:
            return 0, ""  # 老师 | 明确 | 表示, 经理 | 高度重视: an adverb or an idiom
        if after_role:
            size = _name_before_speech(words, i)
            if size:
                return size, "name"
        surname = word in COMMON_SURNAMES or word in COMMON_COMPOUND_SURNAMES
        if after_role and (surname or self._unfamiliar_name(word)):
            return self._name_after_role(words, i), "name"
        before_suffix = i + 1 < len(words) and words[i + 1] in PLACE_SUFFIXES
        # Two-character guesses (戴上, 应由) are too often verbs; they count as
        # names only after a role word or when a byline or role named them before.
        if len(word) >= 3 and not before_suffix and not self._known(word):
            person = starts_with_surname(word) and not (
                self._place_opens(word)
                or listed_phrase(word, self._dictionary)
                or weather_clause(word, self._dictionary)
            )
            return (1, "name") if person else (0, "")
        return 0, ""

    def _cut_name_at(
        self, words: list[str], i: int, left: str, listed: bool = False
    ) -> tuple[int, str]:
        """Return (2, "name") where jieba cut a clause's subject name 1 + 2 (刘 | 光明 | 说).

        A common surname standing alone where a clause opens, two characters
        after it (a word of their own: 光明, 春风, 秀英), and after them a
        verb of speaking, a title or a word that follows a subject (把, 和,
        在, 告诉): the three are a name when jieba's POS HMM reads them as one
        and no dictionary lists them (高 | 质量 | 发展 is no name).
        After a person noun or an opener (让 | 李 | 红梅 | 早点 | 回家) an
        adverb after the two is evidence too, and after a name and a joiner
        (``listed``: 王芳 | 和 | 周 | 新华) the place is evidence enough.
        """
        word = words[i]
        if len(word) != 1 or word not in COMMON_SURNAMES or word in FUNCTION_CHARS:
            return 0, ""
        opens = (words[i - 1] if i else left)[-1:]
        if i + 2 > len(words) or (opens and opens.isalnum() and not HAN_RE.match(opens)):
            return 0, ""  # 200 | 米 | 蝶泳 counts metres
        given, after = words[i + 1], words[i + 2] if i + 2 < len(words) else ""
        if len(given) != 2 or any(c in FUNCTION_CHARS for c in given):
            return 0, ""
        followed = after in SPEECH_VERBS or after in NAME_FOLLOWERS or after in TITLES
        if not opens or not HAN_RE.match(opens):
            evidence = followed
        elif listed:
            evidence = True
        elif i and (words[i - 1] in NAME_ROLES or words[i - 1] in NAME_OPENERS):
            # 让 | 魏 | 小龙 | 去, 队员 | 段 | 志强 | 说: a person's place, then a verb.
            adverb = self._dictionary.word_tag(after)[:1] == "d"
            evidence = followed or self._verb(after) or adverb
        else:
            evidence = self._proper_named(given, after)
        if not evidence:
            return 0, ""
        name = word + given
        if self._known(name) or self._dictionary.contains(name) or not one_name_by_hmm(name):
            return 0, ""
        return 2, "name"

    def _proper_named(self, given: str, after: str) -> bool:
        """Tell whether a given name CC-CEDICT knows as a proper name is followed by its verb.

        Inside a clause (的 | 王 | 秀英 | 获得) a lone surname before a word
        CC-CEDICT lists only as a proper name (秀英 "Xiuying district", 建华,
        海东) and a verb or a title after it, or the clause's end, name a person.
        """
        if self._dictionary.common(given) or not self._proper(given):
            return False
        if not after:
            return True  # the clause ends with the name: 冠军是江苏的张 | 长安。
        return after in SPEECH_VERBS or after in TITLES or self._verb(after)

    def _adverb_before_verb(self, words: list[str], i: int) -> bool:
        """Tell whether words[i] opens with an adverb and a verb: 常来, 常 | 说 (not a name).

        After a title the subject is named already (孙大婶, 村民); a surname
        character that is also an adverb (常 "often") before a verb is the
        adverb, jieba's guess (常去, 常说) or its single character alike.
        """
        word = words[i]
        if self._dictionary.word_tag(word[0])[:1] != "d":
            return False
        if len(word) > 1 and self._known(word):
            return False  # a word jieba lists (常青 "evergreen") may be a given name
        # A one-character verb only: a two-character one may be a given name (常发展).
        rest = word[1:] or (words[i + 1] if i + 1 < len(words) else "")
        return len(rest) == 1 and self._verb(rest)

    def _withheld_at(self, words: list[str], i: int) -> tuple[int, str]:
        """Return (number of words, "name") for a withheld name at words[i] (赵 | 某某, 张某).

        Court and police news names a person by the surname and 某 or 某某;
        jieba keeps some whole (张某) and cuts others (赵 | 某某), and either
        way the pair is one name.
        """
        word = words[i]
        if withheld_name(word) and not self._dictionary.common(word):
            return 1, "name"
        if i + 1 < len(words) and withheld_name(word + words[i + 1]):
            return 2, "name"
        return 0, ""

    def _unfamiliar_name(self, word: str) -> bool:
        # 文化 after 群众 is culture, not Mr Wen: a name is not a dictionary word.
        return starts_with_surname(word) and not self._dictionary.contains(word)

    def _name_after_role(self, words: list[str], i: int) -> int:
        """Count the words that make a name (surname + 1-2 characters) starting at words[i]."""
        size, chars = 1, len(words[i])
        longest = 4 if words[i][:2] in COMMON_COMPOUND_SURNAMES else 3
        while i + size < len(words) and chars < longest:
            nxt = words[i + size]
            if chars + len(nxt) > longest or (len(nxt) == 1 and nxt in FUNCTION_CHARS):
                break
            if chars >= longest - 1 and len(nxt) > 1:
                break
            if chars == 2 and self._verb_after_name(words[i : i + size], nxt):
                break
            size += 1
            chars += len(nxt)
        return size if chars >= 2 else 1

    def _name_then_verb(self, word: str) -> bool:
        """Tell whether a guessed name took the verb after it: 钱伟教 | 孩子 (钱伟 | 教).

        jieba's POS HMM ends the name a character early and reads that
        character as the start of the next word (``B``: 教 opens 教孩子); the
        character must be a verb jieba lists, since a rarer last character
        (庞昕熠) is the name's own.
        """
        if len(word) not in (3, 4) or self._dictionary.word_tag(word[-1])[:1] != "v":
            return False
        *name, (last_state, _) = _hmm_states(word)
        return last_state == "B" and name[-1][0] == "E" and all(t == "nr" for _, t in name)

    def _verb_after_name(self, name: list[str], char: str) -> bool:
        """Tell whether the character after a two-character name is its verb (韩梅 | 帮 | 老人).

        A one-character verb jieba lists (帮, 走, 看) after a name of two is
        the clause's verb unless jieba's POS HMM reads the three as one name
        (李光登, 王建国).
        """
        if self._dictionary.word_tag(char)[:1] != "v":
            return False
        return not one_name_by_hmm("".join(name) + char)


def _tokenizer_on(frequencies: WordFrequencies):
    """Return a jieba tokenizer on the derived dictionary's word frequencies.

    The same prefix dictionary jieba would build from its dict.txt, but looked
    up word by word instead of unmarshalled whole at start-up. The tokenizer's
    DAG of a block looks up every piece it reaches (all that jieba's ``calc``
    and HMM step ask); then those inner loops read the plain dict of
    looked-up words, not a Python method per lookup.
    """
    import jieba

    class Tokenizer(jieba.Tokenizer):
        def get_DAG(self, sentence: str):  # noqa: N802 - jieba's name
            return frequencies.dag(sentence)

    tokenizer = Tokenizer()
    tokenizer.FREQ = frequencies.loaded
    return tokenizer


def join_tens(pieces: list[Piece], dictionary: Dictionary) -> list[Piece]:
    """Give a digit jieba left alone the 十 of its tens: 七 | 十分 → 七十 | 分 (a score).

    十分 is "very" before what it grades (三 | 十分 | 重要 "three (are) very
    important"); after a lone digit and before the clause's end, 的, or a word
    that is no adjective, verb or adverb (六 | 十分 | ， "sixty points"), the
    digit and 十 are one number and 分 its unit.
    """
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        last = out[-1] if out else None
        if (
            piece.text == _TEN_POINTS
            and last is not None
            and last.kind == "word"
            and not last.term
            and last.text in _TENS_DIGITS
            and not _graded(pieces[i + 1] if i + 1 < len(pieces) else None, dictionary)
        ):
            out[-1] = Piece(last.text + piece.text[0])
            out.append(Piece(piece.text[1:]))
            continue
        out.append(piece)
    return out


def join_digit_numbers(
    pieces: list[Piece], simplified: Callable[[str], str] | None = None
) -> list[Piece]:
    """Join a number in digits and what makes it one amount or one time with it.

    1800 | 余 | 名 → 1800余 | 名 ("over 1800", not "1800 over"); 80 | 多 | 万 →
    80多万; 7 | 时 | 30 | 分 → 7时30分 ("7:30"); 8 | 点 | 半 → 8点半. The joined
    piece is a number, as 38万 is; the measure word after it stays a word.
    """
    simplified = simplified or _same
    if not any(p.kind == "number" for p in pieces):
        return pieces
    return join_sized(pieces, lambda i, _: _digit_amount(pieces, i, simplified), "number")


def _digit_amount(pieces: list[Piece], i: int, simplified: Callable[[str], str]) -> int:
    """Return how many pieces from ``i`` make one number (0 when piece ``i`` opens none)."""
    first = pieces[i]
    if first.kind != "number" or i + 1 >= len(pieces):
        return 0
    after = pieces[i + 1 : i + 5]
    words = [simplified(p.text) if p.kind == "word" and not p.term else "" for p in after]
    if words[0] == ABOUT and not (_tens(first.text) and len(words) > 1 and words[1]):
        return 0  # 他10号 | 来, not "about 10"
    if words[0] in DIGIT_APPROXIMATORS and approximate_digits(first.text + words[0]):
        # A magnitude alone joins (80 | 多 | 万 → 80多万); one inside a word stays
        # there (100多 | 万元 "ten thousand yuan", the word a learner looks up).
        magnitude = words[1] if len(words) > 1 and words[1] in ("万", "亿") else ""
        return 3 if magnitude and approximate_digits(first.text + words[0] + magnitude) else 2
    score = pieces[i + 2] if i + 2 < len(pieces) else None
    if words[0] == SCORE_MARK and score is not None and score.kind == "number":
        return 3 if digit_score(first.text + words[0] + score.text) else 0  # 1 | 比 | 0 → 1比0
    if words[0] == WIND_GRADE and _wind_near(pieces, i):
        return 2  # 10 | 级 | 大风, 风力 | 达 | 7 | 级 → 10级 "force 10" (numbers.wind_force)
    if words[0] not in HOUR_MARKS and words[0] != "点" + HALF_HOUR:
        return 0
    if clock_digits(first.text + words[0]):
        return 2  # 8 | 点半
    after_hour = words[1] if len(words) > 1 else ""
    hour_part = after_hour in (HALF_HOUR, SHARP, PAST_HOUR, ABOUT_HOUR)
    if hour_part and clock_digits(first.text + words[0] + after_hour):
        return 3  # 8 | 点 | 半, 8 | 点 | 整, 7 | 点 | 多
    minutes = pieces[i + 2] if i + 2 < len(pieces) else None
    if minutes is None or minutes.kind != "number" or len(words) < 3 or words[2] != MINUTE_MARK:
        return 0
    return 4 if clock_digits(first.text + words[0] + minutes.text + MINUTE_MARK) else 0


_WIND_LOOKBACK = 4  # 风力 | 可 | 达 | 7 | 级; 7 | 级 | 以上 | 偏 | 东 | 大风


def _wind_near(pieces: list[Piece], i: int) -> bool:
    """Tell whether wind is named within a few words of the grade at ``i`` in its clause."""
    before = reversed(pieces[max(0, i - _WIND_LOOKBACK) : i])
    for side in (before, pieces[i + 2 : i + 2 + _WIND_LOOKBACK]):
        for piece in side:
            if piece.kind in _CLAUSE_END:
                break
            if piece.kind == "word" and names_wind(piece.text):
                return True
    return False


def _tens(digits: str) -> bool:
    """Tell whether a number in digits is a whole count of tens (30, 400), as 来 follows."""
    return digits.isdigit() and int(digits) >= 10 and digits.endswith("0")


def join_time_starts(
    pieces: list[Piece], dictionary: Dictionary, simplified: Callable[[str], str] | None = None
) -> list[Piece]:
    """Join a time word and the 起 that starts from it: 今年 | 起 → 今年起 "starting this year".

    Cut apart they read "this year" "from (then) on"; English puts "from"
    first. Not before a word that makes 起 the verb "to get up" (今天 | 起 | 得
    很早, 明天 | 起 | 不来).
    """
    simplified = simplified or _same
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        last = out[-1] if out else None
        after = simplified(pieces[i + 1].text) if i + 1 < len(pieces) else ""
        if (
            simplified(piece.text) == TIME_START
            and piece.kind == "word"
            and not piece.term
            and last is not None
            and last.kind == "word"
            and not last.term
            and after not in _RISING
            and dictionary.word_tag(simplified(last.text)) == _TIME_TAG
        ):
            out[-1] = Piece(last.text + piece.text)
            continue
        out.append(piece)
    return out


# The characters that open the second piece of a word join_split_words joins.
_SPLIT_SECONDS = (
    SEASONS | REACH_MARKS | {ALONE[1], ADVERBIAL_DE} | {pair[1] for pair in DAY_PAIRS}
)


def _may_hold_split_word(run: str) -> bool:
    """Tell whether a Han run may hold a word ``join_split_words`` joins (cheap tests in C)."""
    if not REACH_MARKS.isdisjoint(run) or "一个人" in run or "对" in run or ADVERBIAL_DE in run:
        return True
    if "明" in run and any(pair in run for pair in DAY_PAIRS):
        return True
    return not SEASON_DEICTICS.isdisjoint(run) and not SEASONS.isdisjoint(run)


def join_split_words(
    pieces: list[Piece], dictionary: Dictionary, simplified: Callable[[str], str] | None = None
) -> list[Piece]:
    """Join words jieba cut apart whose pieces read wrongly: 今 | 冬 → 今冬, 低 | 至 → 低至.

    今/明 and a season read "now" "winter", "bright" "spring" (今冬明春 is
    "this winter and next spring"); a one-character adjective of measure and
    至/达 before an amount read "low" "to, until" where English says "as low
    as"; 一个 | 人 after a person and before what they do is "alone" (他一个人住),
    elsewhere "one person" (来了一个人, 一个人一个人地问).
    """
    simplified = simplified or _same
    last = len(pieces) - 1

    def size_at(i: int, out: list[Piece]) -> int:
        # The cheap check first: what follows opens none of the words joined here.
        second = pieces[i + 1].text[:1] if i < last else ""
        asked = second in _SPLIT_SECONDS or (second and pieces[i].text[:1] in PAIRED_FIRSTS)
        return _split_word_at(pieces, i, out, dictionary, simplified) if asked else 0

    return join_sized(pieces, size_at)


def _split_word_at(
    pieces: list[Piece],
    i: int,
    out: list[Piece],
    dictionary: Dictionary,
    simplified: Callable[[str], str],
) -> int:
    """Count the pieces of a split word starting at pieces[i] (2), else 0."""
    first, second = pieces[i], pieces[i + 1] if i + 1 < len(pieces) else None
    if second is None or len(first.text) > 2 or len(second.text) > 2:
        return 0  # the cheap checks first: each kind joins short pieces
    if first.text[:1] in PAIRED_FIRSTS and "对" in first.text + second.text:
        return _paired_sides_at(pieces, i, simplified)
    if len(second.text) > 1:
        return 0
    if first.kind != "word" or second.kind != "word" or first.term or second.term:
        return 0
    head, tail = simplified(first.text), simplified(second.text)
    after = pieces[i + 2] if i + 2 < len(pieces) else None
    if len(head) == 1 and head in SEASON_DEICTICS and tail in SEASONS:
        return 2
    if head + tail in DAY_PAIRS:
        return 2 if after is not None and simplified(after.text)[:1] in "两二" else 0
    if tail == ADVERBIAL_DE and len(head) == 1 and after is not None:
        return 2 if _placed_act(head + tail, after, dictionary) else 0
    if len(head) == 1 and head in REACH_ADJECTIVES and tail in REACH_MARKS:
        return 2 if after is not None and _amount(after, simplified) else 0
    if (head, tail) == ALONE and out and after is not None:
        return 2 if _person(out[-1], dictionary, simplified) and _acts(after, dictionary) else 0
    return 0


# Round twelve (cuts): 一 and the word after it where jieba paired them wrongly.
_ONE = "一"
_A_LITTLE = "一下"
_DOWN = "下"
_AS_SOON = frozenset("就便")  # 一 V 就 "as soon as"
_TENTHS = "成"  # 一成 "10%", as jieba's own 两成, 三成
_AFTER_TENTHS = frozenset(["以上", "以下", "左右", "多", "的", "了", "不"])


def join_about_hours(
    pieces: list[Piece], simplified: Callable[[str], str] | None = None
) -> list[Piece]:
    """Join an hour in Han numerals and 许 after it: 两点 | 许 → 两点许 "around two o'clock"."""
    simplified = simplified or _same
    last = len(pieces) - 1

    def size_at(i: int, _: list[Piece]) -> int:
        if i == last or simplified(pieces[i + 1].text) != ABOUT_HOUR:
            return 0
        hour = simplified(pieces[i].text)
        clock = hour[-1:] in HOUR_MARKS and han_value(hour[:-1]) is not None
        return 2 if clock and pieces[i].kind == "word" and not pieces[i].term else 0

    return join_sized(pieces, size_at)


def _may_hold_one_pair(run: str) -> bool:
    """Tell whether a Han run may hold a pair ``recut_after_one`` mends (tests in C)."""
    if _ONE not in run:
        return False
    return not _AS_SOON.isdisjoint(run) or "一早" in run or "一成" in run


def recut_after_one(
    pieces: list[Piece],
    dictionary: Dictionary,
    simplified: Callable[[str], str] | None = None,
    left: str = "",
) -> list[Piece]:
    """Mend three cuts of 一 and the word after it that read wrongly.

    一下 | 车 | 就 is 一 | 下车 | 就 "as soon as" "to get off" (一 V 就, where 下
    and the character make a verb); 一 | 早就 is 一早 | 就 "early in the
    morning" "then" (一 and the first character make a time adverb before
    就/才); 一进 | 教室 | 就 is 一 | 进 | 教室 | 就 (一 and a one-character verb
    CC-CEDICT does not list together, 就 after its object); 一 | 成 after a
    verb and before the clause's end or 以上, 左右 … is 一成 "10%", as jieba
    keeps 两成, 三成. ``left`` is the text before the
    pieces (a term the run opens after: 同比增长 | 一 | 成).
    """
    simplified = simplified or _same
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        before = simplified(out[-1].text) if out else simplified(left)
        recut = _one_pair(before, pieces[i], nxt, pieces[i + 2 : i + 4], dictionary, simplified)
        if recut:
            out.extend(recut)
            i += 2
            continue
        out.append(pieces[i])
        i += 1
    return out


def _one_pair(
    left: str,
    piece: Piece,
    nxt: Piece | None,
    after: list[Piece],
    dictionary: Dictionary,
    simplified: Callable[[str], str],
) -> list[Piece] | None:
    """Return the mended pair for ``piece`` and ``nxt`` (see recut_after_one), else None."""
    if nxt is None or piece.kind != "word" or nxt.kind != "word" or piece.term or nxt.term:
        return None
    first, second = simplified(piece.text), simplified(nxt.text)
    later = [simplified(p.text) for p in after if p.kind == "word"]
    before = dictionary.word_tag(left)[:1] if left else ""
    # A term ending in a verb of change counts as the verb (同比增长 | 一 | 成).
    verb_before = before == "v" or dictionary.word_tag(left[-2:])[:1] == "v"
    # After a verb 一下 is "a bit" (等一下 | 车就来了: wait, and the car comes; 等 is u).
    soon = later[:1] and later[0][:1] in _AS_SOON and before not in ("v", "u")
    if first == _A_LITTLE and len(second) == 1 and soon:
        verb = _DOWN + second
        if dictionary.contains(verb) and dictionary.word_tag(verb)[:1] == "v":
            return [Piece(_ONE), Piece(piece.text[1:] + nxt.text)]
    # 一进 | 教室 | 就: 一 V 就, not "one (classifier for sections …)"
    acting = len(first) == 2 and first[0] == _ONE and not dictionary.contains(first)
    acting = acting and dictionary.word_tag(first[1])[:1] == "v" and before not in ("v", "u")
    if acting and second[:1] not in _AS_SOON and later[:1] and later[0][:1] in _AS_SOON:
        return [Piece(piece.text[0]), Piece(piece.text[1]), nxt]
    if first == _ONE and len(second) == 2 and second[1] in _AS_SOON | {"才"}:
        adverb = _ONE + second[0]
        if dictionary.contains(adverb) and dictionary.word_tag(adverb) in ("d", "t"):
            return [Piece(piece.text + nxt.text[0]), Piece(nxt.text[1])]
    if first == _ONE and second == _TENTHS and verb_before:
        closing = not after or after[0].kind == "punct"
        if closing or simplified(after[0].text) in _AFTER_TENTHS:
            return [Piece(piece.text + nxt.text)]
    return None


def _paired_sides_at(pieces: list[Piece], i: int, simplified: Callable[[str], str]) -> int:
    """Count the two or three pieces that spell one-or-many 对 one-or-many (一对 | 多), else 0."""
    text = ""
    for size, piece in enumerate(pieces[i : i + 3], start=1):
        if piece.kind != "word" or piece.term:
            return 0
        text += simplified(piece.text)
        if size > 1 and text in PAIRED_SIDES:
            return size
    return 0


def _placed_act(word: str, after: Piece, dictionary: Dictionary) -> bool:
    """Tell whether a character and 地 are a word CC-CEDICT lists jieba does not, before a verb.

    就 | 地 | 查扣 is 就地 "on the spot"; 地 after an adjective or adverb
    jieba tags so (悄悄 | 地) stays the particle "-ly".
    """
    if not dictionary.contains(word) or dictionary.word_tag(word) or after.kind != "word":
        return False
    if dictionary.word_tag(word[0])[:1] in ("a", "z"):
        return False
    return dictionary.word_tag(dictionary.simplified(after.text))[:1] == "v"


def _amount(piece: Piece, simplified: Callable[[str], str]) -> bool:
    """Tell whether a piece opens an amount: digits or a Han numeral (两百元, 1万)."""
    return piece.kind == "number" or han_value(simplified(piece.text)[:1]) is not None


def _person(piece: Piece, dictionary: Dictionary, simplified: Callable[[str], str]) -> bool:
    """Tell whether a piece names a person: a name, or a personal pronoun (他, 我们)."""
    if piece.kind == "name":
        return True
    word = simplified(piece.text)
    if piece.kind != "word" or word[:1] in DEMONSTRATIVES:
        return False  # 这一个人, 每一个人: one person of several
    return dictionary.word_tag(word) == "r"


def _acts(piece: Piece, dictionary: Dictionary) -> bool:
    """Tell whether a piece is what a person does: a verb, an adverb or a preposition."""
    if piece.kind != "word":
        return False
    word = dictionary.simplified(piece.text)
    tag = dictionary.word_tag
    # A word that opens with a preposition places the act (在家 is tagged r).
    if tag(word)[:1] in ("v", "d", "p") or tag(word[0]) == "p":
        return True
    return not tag(word) and tag(word[0])[:1] == "v"  # a potential no one lists (拿得动)


def time_start_tag(word: str, dictionary: Dictionary) -> str:
    """Return the time tag of a time word joined with 起 (今年起), "" for any other word.

    A context reads the joined word as the time it starts from (自 | 今年起
    "from, since"), as it read the time word alone.
    """
    if word[-1:] != TIME_START or len(word) < 2:
        return ""
    return _TIME_TAG if dictionary.word_tag(word[:-1]) == _TIME_TAG else ""


def join_frequencies(
    pieces: list[Piece], simplified: Callable[[str], str] | None = None
) -> list[Piece]:
    """Join a period and a count of times into one frequency: 一周 | 一次 → 一周一次.

    "Once a week" reads the two the other way round; cut apart they read
    "one week" "once". Not after a demonstrative or a time word that makes
    the period one particular period (这 | 一周 | 一次也没来 "not once this
    week"), nor before 也/都, which make the count "not even once".
    Traditional text is read through its ``simplified`` twin (一週一次).
    """
    simplified = simplified or _same
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        after = simplified(pieces[i + 2].text[:1]) if i + 2 < len(pieces) else ""
        before = simplified(out[-1].text) if out else ""
        if (
            nxt is not None
            and FREQUENCY_PERIOD.fullmatch(simplified(piece.text))
            and FREQUENCY_COUNT.fullmatch(simplified(nxt.text))
            and piece.kind == nxt.kind == "word"
            and not (piece.term or nxt.term)
            and before[-1:] not in _PARTICULAR
            and after not in _EVEN
        ):
            out.append(Piece(piece.text + nxt.text))
            i += 2
            continue
        out.append(piece)
        i += 1
    return out


def _experienced(pieces: list[Piece], i: int, twin: Callable[[str], str]) -> bool:
    """Tell whether the words around pieces[i] (a verb + 过 word) make its 过 experiential."""
    before = pieces[i - 1] if i else None
    if before is not None and before.kind == "word" and twin(before.text) in _EXPERIENCE_BEFORE:
        return True
    after = pieces[i + 1 : i + 3]
    if not after or after[0].kind != "word" and after[0].kind != "number":
        return False  # a clause's end alone is no signal: 从我身边走过。 passes by
    first = twin(after[0].text)
    closes = len(after) == 1 or after[1].kind in _CLAUSE_END
    if first in _EXPERIENCE_CLOSERS and closes:
        return True
    if after[0].kind == "number":  # 去过3次
        return len(after) == 2 and twin(after[1].text)[:1] in _TIMES
    return _count_of_times(first)


def _count_of_times(word: str) -> bool:
    """Tell whether a word counts times: 一次, 两回, 几遍, 无数次, 好几回, 很多遍."""
    if len(word) < 2 or word[-1] not in _TIMES:
        return False
    amount = word[:-1]
    return han_value(amount) is not None or not _SOME.isdisjoint(amount)


def _graded(piece: Piece | None, dictionary: Dictionary) -> bool:
    """Tell whether 十分 before ``piece`` grades it "very": an adjective, verb or adverb."""
    if piece is None or piece.kind != "word" or piece.text in _AFTER_SCORE:
        return False
    return dictionary.word_tag(dictionary.simplified(piece.text))[:1] in _GRADED_TAGS


def _directed(verb: str, mark: str, end: str) -> bool:
    """Tell whether 不/得 and 来/去 after a verb of direction are its potential (出 | 不 | 去)."""
    return mark in ("不", "得") and end in DIRECTION_ENDS and verb in DIRECTION_VERBS


def _recurs(text: str, names: set[str]) -> bool:
    """Tell whether any of the names occurs twice in the text (one pass per name length)."""
    seen: set[str] = set()
    for length in {len(name) for name in names}:
        for start in range(len(text) - length + 1):
            piece = text[start : start + length]
            if piece in names:
                if piece in seen:
                    return True
                seen.add(piece)
    return False


def _fewest_pieces(word: str, known: Callable[[str], bool]) -> list[list[tuple[int, int]]]:
    """Return every cut of ``word`` into known words and characters with the fewest pieces.

    Each cut is a list of (start, end) spans; at most 16 cuts are kept.
    """
    size = len(word)
    best: dict[int, tuple[int, list[list[tuple[int, int]]]]] = {size: (0, [[]])}
    for a in range(size - 1, -1, -1):
        ends = [a + 1] + [b for b in range(a + 2, size + 1) if known(word[a:b])]
        fewest = min(best[b][0] for b in ends) + 1
        cuts = [[(a, b), *rest] for b in ends if best[b][0] + 1 == fewest for rest in best[b][1]]
        best[a] = (fewest, cuts[:16])
    return best[0][1]


# jieba's tags of words that stand after a title and are no name: adverbs
# (明确 "clearly" in 老师明确表示) and set phrases or idioms (高度重视).
_NO_NAME_TAGS = frozenset(("d", "ad", "l", "i"))


def _name_before_speech(words: list[str], i: int) -> int:
    """Count the words of a 2-4 character name between a title and a verb of speaking.

    镇党委书记解放介绍: there the words are a person's name whatever a
    dictionary says of them (解放, 查明), if they start with a surname of the
    full table, not only the common ones (区, 朴); 书记在会上说 holds none.
    """
    if not (words[i][:1] in SURNAMES or words[i][:2] in COMPOUND_SURNAMES):
        return 0
    chars = 0
    for size in range(1, 4):
        if i + size > len(words):
            return 0
        chars += len(words[i + size - 1])
        if chars > 4 or (size > 1 and words[i + size - 1] in FUNCTION_CHARS):
            return 0  # 村民 | 张口 | 就 | 说: 就 ends no name
        if i + size < len(words) and words[i + size] in SPEECH_VERBS and chars >= 2:
            return size
    return 0


def _close_frames(
    pieces: list[Piece], simplified: Callable[[str], str] | Literal[False] = False
) -> list[Piece]:
    """Split a localiser off the next word where it closes a 在… frame (在…中|将…).

    A two-character word made of a frame closer and a phrase opener (中将,
    上将) right where a 在 opened earlier in the clause is the localiser and
    the opener, not the noun; traditional text is read through its
    ``simplified`` twin (中將 as 中将).
    """
    twin = simplified or _same
    out: list[Piece] = []
    open_frame = False
    for piece in pieces:
        text = piece.text
        if piece.kind == "punct" or text in ("，", "。", "；"):
            open_frame = False
        elif text == "在":
            open_frame = True
        elif (
            open_frame
            and piece.kind == "word"
            and not piece.term
            and len(text) == 2
            and twin(text)[0] in FRAME_CLOSERS
            and twin(text)[1] in FRAME_OPENERS
        ):
            out.extend((Piece(text[0]), Piece(text[1])))
            open_frame = False
            continue
        elif len(text) == 1 and twin(text) in FRAME_CLOSERS:
            open_frame = False
        out.append(piece)
    return out


def _same(text: str) -> str:
    return text


def _lengths_by_first_char(forms: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """Index forms by their first character: the lengths to try there, longest first."""
    index: dict[str, set[int]] = {}
    for form in forms:
        if len(form) >= 2:
            index.setdefault(form[0], set()).add(len(form))
    return {char: tuple(sorted(lengths, reverse=True)) for char, lengths in index.items()}


def _split_approximate(words: list[str], left: Piece) -> list[str]:
    """Split 多/余/来 off the word after a number: 100 余 个, 4000 多 元 (not 多元, diverse)."""
    if left.kind == "number" and words and len(words[0]) > 1 and words[0][0] in APPROXIMATE:
        return [words[0][0], words[0][1:], *words[1:]]
    return words


def phrase_parts(word: str, dictionary: Dictionary) -> tuple[str, str] | None:
    """Return the two words of a word jieba lists as a name that is a phrase, else None.

    A preposition and a time (于 | 本周); or four characters that are two
    dictionary words (安全 | 检查): a Chinese name is a surname (one character
    or a compound one) and one or two more, and a transliterated name does not
    halve into words (安东诺夫). Or three characters from a surname on that are
    CC-CEDICT's common word and an everyday one HSK lists (李子 | 树, 马路 | 边,
    黄金 | 湖): jieba tags a thousand such phrases nr, far more of them phrases
    than persons (a word with no surname first is no name already: 博士生);
    and so an everyday adjective and an everyday word (高 | 水平, 白 | 衬衫).
    """
    if dictionary.name_kind(word) != "name":
        return None
    halves = (word[:2], word[2:])
    if len(word) == 4 and all(dictionary.contains(half) for half in halves):
        return halves
    if len(word) == 3 and starts_with_surname(word) and _everyday_pair(word, dictionary):
        return halves
    if len(word) == 3 and _adjective_and_word(word, dictionary):
        return word[:1], word[1:]
    if weather_clause(word, dictionary):
        return halves
    opener, rest = word[0], word[1:]
    if len(word) >= 3 and dictionary.word_tag(opener) == "p" and dictionary.word_tag(rest) == "t":
        return opener, rest
    return None


def weather_clause(word: str, dictionary: Dictionary) -> bool:
    """Tell whether three characters are a noun of weather and a verb: 冷风 | 吹.

    jieba lists some such clauses as names (冷风吹, 白雾罩) and its HMM joins
    others (寒风刮), because the noun opens with a surname (冷, 白). A noun
    jieba tags ``n`` that ends in a weather character (WEATHER_CHARS) and a
    one-character verb are the weather doing something, no person.
    """
    tag = dictionary.word_tag
    return (
        len(word) == 3
        and word[1] in WEATHER_CHARS
        and tag(word[:2]) == "n"
        and tag(word[2])[:1] == "v"
    )


def _everyday_pair(word: str, dictionary: Dictionary) -> bool:
    head, tail = word[:2], word[2:]
    return (
        not dictionary.contains(word)  # CC-CEDICT names the place whole: 王府井 "Wangfujing"
        and dictionary.common(head)
        and dictionary.common(tail)
        and dictionary.hsk_level(tail) is not None
    )


def _adjective_and_word(word: str, dictionary: Dictionary) -> bool:
    # 高 | 水平, 白 | 衬衫, 冷 | 开水: an everyday adjective that is also a
    # surname, and an everyday word that is no title (黄 | 先生 stays a name).
    head, rest = word[:1], word[1:]
    return (
        head in COMMON_SURNAMES
        and not dictionary.contains(word)
        and dictionary.word_tag(head)[:1] == "a"
        and dictionary.hsk_level(head) is not None
        and dictionary.hsk_level(rest) is not None
        and rest not in TITLES
    )


def listed_phrase(word: str, dictionary: Dictionary) -> bool:
    """Tell whether a word jieba lists as a name is a phrase (``phrase_parts``)."""
    return phrase_parts(word, dictionary) is not None


def name_by_hmm(word: str) -> bool:
    """Tell whether jieba's part-of-speech HMM tags every character of ``word`` ``nr``.

    The HMM (jieba.posseg) loads on the first call: only unknown words that
    open a clause with a surname reach it.
    """
    return all(tag == "nr" for _, tag in _hmm_states(word))


def name_then_char(word: str) -> bool:
    """Tell whether jieba's POS HMM reads a guessed word as a name and one more word (王芳在).

    jieba's HMM joins a name of two or three characters to the preposition or
    adverb after it (钟丽华向, 蔡敏先); the POS HMM then ends the name one
    character early and tags that character alone (``S``, not ``nr``).
    """
    if len(word) not in (3, 4):
        return False
    states = _hmm_states(word)
    (*name, (last_state, last_tag)) = states
    return (
        last_state == "S"
        and last_tag != "nr"
        and all(tag == "nr" for _, tag in name)
        and name[-1][0] == "E"
    )


def one_name_by_hmm(word: str) -> bool:
    """Tell whether jieba's POS HMM reads ``word`` as one person name ending at its end."""
    states = _hmm_states(word)
    return all(tag == "nr" for _, tag in states) and states[-1][0] == "E"


def one_proper_by_hmm(word: str) -> bool:
    """Tell whether jieba's POS HMM reads two characters as one proper noun.

    A two-character name jieba cut apart (郑 | 浩) is as often read as a
    place (``ns``) as a person (``nr``, ``nrfg``); a common noun's reading
    (车距 ``n``: a distance between cars) is no name.
    """
    states = _hmm_states(word)
    return (
        len(word) == 2
        and states[0][0] == "B"
        and states[1][0] in ("M", "E")
        and all(tag[:2] in ("nr", "ns") for _, tag in states)
    )


@functools.lru_cache(maxsize=65536)
def _hmm_states(word: str) -> tuple[tuple[str, str], ...]:
    from jieba import posseg

    _, states = posseg.viterbi(
        word, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P
    )
    return tuple(states)  # a pure function of the word: memoised, so kept immutable


def _maybe_name(word: str) -> bool:
    """Tell whether a guessed word may be a person's name (王芳): the annotator decides.

    A surname and one or two characters that jieba's POS HMM reads as one name
    stay whole, so the annotator can see a name that opens a clause.
    """
    return word[:1] in COMMON_SURNAMES and len(word) in (2, 3) and name_by_hmm(word)


def withheld_name(word: str) -> bool:
    """Tell whether a word is a plain surname and 某 or 某某 (张某, 刘某某)."""
    return word[1:] in WITHHELD and word[:1] in COMMON_SURNAMES and word[:1] not in FUNCTION_CHARS


def starts_with_surname(word: str) -> bool:
    """Tell whether a 2-4 character word starts with a common surname."""
    if not 2 <= len(word) <= 4:
        return False
    return word[0] in COMMON_SURNAMES or (len(word) >= 3 and word[:2] in COMMON_COMPOUND_SURNAMES)


def _is_nickname(word: str) -> bool:
    # 老李, 小王: how colleagues and neighbours are named in reporting.
    return len(word) == 2 and word[0] in "老小" and word[1] in COMMON_SURNAMES


def names_in(pieces: Iterable[Piece]) -> set[str]:
    """Return the person names among the pieces (two characters or more)."""
    return {p.text for p in pieces if p.kind == "name" and len(p.text) >= 2 and not p.term}


def bylines_in(text: str, simplified: Callable[[str], str] | None = None) -> list[str]:
    """Return names in byline positions: 本报讯(刘某某), 刘某某 摄.

    The byline and the surnames are read on the ``simplified`` twin when one
    is given (本報訊(劉某某) as 本报讯(刘某某)); the names come back as written.
    """
    twin = simplified or _same
    names = []
    for match in _BYLINE.finditer(twin(text)):
        group = "a" if match.group("a") else "b" if match.group("b") else "c"
        name = text[match.start(group) : match.end(group)]
        plain = match.group(group)
        two = plain[2:3] in COMMON_SURNAMES and plain[:2] not in COMMON_COMPOUND_SURNAMES
        if len(name) == 4 and two:
            names.extend((name[:2], name[2:]))  # two reporters: 易某姚某
        elif starts_with_surname(plain):
            names.append(name)
    return [name for name in names if starts_with_surname(twin(name))]


__all__ = [
    "Piece",
    "Segmenter",
    "bylines_in",
    "join_digit_numbers",
    "join_frequencies",
    "join_time_starts",
    "time_start_tag",
    "join_tens",
    "name_by_hmm",
    "names_in",
    "one_name_by_hmm",
    "one_proper_by_hmm",
    "starts_with_surname",
]
