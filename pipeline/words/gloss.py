"""Choose a word's gloss in context: learner senses, numbers, CC-CEDICT by part of speech.

The order of evidence (the glossary comes first, in the Annotator):

1. the learner-senses table, by the neighbouring tokens (``senses.py``);
2. numbers, dates and times written in Han numerals (两百多 "over two
   hundred", 七点 "seven o'clock", 一批 "a batch (of)");
3. CC-CEDICT, the whole sense that fits jieba's part of speech;
4. a person name jieba knows and CC-CEDICT does not: its romanisation;
5. a compound CC-CEDICT lacks: the longest dictionary words inside it, each
   in its own contextual sense (收入水平 "income level").
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from zhreader.names import FRAME_CLOSERS, FUNCTION_CHARS, PLACE_SUFFIXES, SURNAMES, TITLES
from zhreader.pinyin_text import numbered
from zhreader.pipeline.words.dictionary import COUNTED, Dictionary, sense_pieces, shorten
from zhreader.pipeline.words.english import EMPTY_WORDS
from zhreader.pipeline.words.numbers import (
    APPROXIMATORS,
    BEAUFORT_TOP,
    HALF_UNITS,
    HAN_BIG,
    HAN_NUMERAL_CHARS,
    MONTHS,
    ROUND_COUNTS,
    ROUND_MARKERS,
    VAGUE_COUNTS,
    VAGUE_MARKERS,
    WIND_GRADE,
    digits_value,
    discount,
    doubling,
    english_figure,
    english_words,
    han_decimal,
    han_value,
    names_wind,
    neighbour_digits,
    ordinal,
    ordinal_words,
    round_count,
    split_numeral,
)
from zhreader.pipeline.words.results import ResultComplements
from zhreader.pipeline.words.segment import (
    DIRECTION_ENDS,
    DIRECTION_VERBS,
    FREQUENCY_COUNT,
    FREQUENCY_PERIOD,
    FREQUENCY_UNITS,
    NEGATIONS,
    POTENTIAL_MODALS,
    POTENTIAL_RESULTS,
    TIME_START,
    listed_phrase,
    name_by_hmm,
    withheld_name,
)
from zhreader.pipeline.words.senses import (
    CLASSES,
    EDGE,
    LearnerSenses,
    Neighbour,
    SenseRow,
    particle_name,
    quoted_sense,
    same_reading,
)
from zhreader.pipeline.words.term_parts import used_sense
from zhreader.pipeline.words.translation_senses import TranslationSenses
from zhreader.pipeline.words.word_forms import (
    ACTION_NOUN_WORDS,
    ACTION_TAKERS,
    ADVERB_MARK,
    FLAT_ADVERBS,
    adjective_before,
    adverb_of,
    adverbs,
    verb_after_adverb,
)

# An English determiner reads straight into the next part (该市 "the city").
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "each",
        "every",
        "all",
        "my",
        "his",
        "her",
        "our",
        "your",
    ]
)
# Determiners of one thing: a counted noun after them is singular.
_QUITE = "好几"  # 好几个, 好几天: "quite a few"
_PERSON = "人"  # 拉丁人 "Latin person": a people, not a transliterated person
_ONE_OF = frozenset(["a", "an", "this", "that", "each", "every", "one"])
_LONGEST_PART = 4
_NOUN_BEFORE = frozenset(["的"])
_DEGREE = frozenset(
    ["很", "太", "非常", "比较", "更", "最", "特别", "十分", "挺", "有点", "越来越"]
)
_VERB_BEFORE = frozenset(
    ["不", "没", "没有", "未", "别", "要", "将", "会", "能", "已", "已经", "正在", "再", "要求"]
)
_ASPECT = frozenset("了着过")
# Where a verb stands as a noun: after 的, a demonstrative with its classifier,
# a light verb of making (他的决定, 这个回答, 作出决定): gloss.noun_in_noun_place.
_NOUN_PLACES = frozenset(
    ["的", "这个", "那个", "一个", "这种", "那种", "这项", "那项", "做", "作", "做出", "作出"]
)
_OBJECT_TAGS = frozenset("nrm")
# What follows a verb repeated from its verb-object word (开车开得, 跳舞跳了).
_REPEAT_MARKS = frozenset("得了过")
_A_LITTLE = Neighbour("一下", "word", "m")  # 算一下: what a doubled verb (算算) means
_ERHUA = "儿"
_ERHUA_VARIANT = "erhua variant of "  # how CC-CEDICT points an -r form at its base
_PLURAL = "们"
_TENTHS = "成"
# 旬 after a numeral counts ten years of a person's age: 七旬 "seventy (years of age)".
_DECADES = "旬"
# The digit written for a count, to read 三四天 as 四天 with "three or" before it.
_HAN_OF = dict(enumerate("零一二三四五六七八九"))
# 出头 after a number: "a little more than" it (CC-CEDICT's last sense of 出头).
_JUST_OVER = "出头"
# 折 after a numeral: tenths of the price paid (八折 "20% off").
_DISCOUNT = "折"
_RANGE = frozenset("到至")
_ABOUT = "左右"
# Units a numeral before them ranks rather than counts: 三楼 is the third floor.
_RANKS = {"年级": "grade", "楼": "floor"}
# The part of a month a word after the month's number names: 5 | 月底 "end of May".
_MONTH_PARTS = {
    "月底": "end of {}",
    "月末": "end of {}",
    "月初": "start of {}",
    "月中": "mid-{}",
    "月份": "{}",
}
# The same part standing after a month jieba keeps whole (八月 | 底).
_MONTH_EDGES = {
    "底": "end (of the month)",
    "末": "end (of the month)",
    "初": "start (of the month)",
}
# A phrase jieba cut that CC-CEDICT lists is this short (碳 | 排放 "carbon emissions").
_LONGEST_PHRASE = 4
_MEMO_SIZE = 100_000
# A noun before a noun reads as the sense most of CC-CEDICT's own compounds of it
# begin with (经济 "economic": 经济危机 "economic crisis"), when at least this many do
# and twice as many as begin with any other of its one-word senses.
_ATTRIBUTIVE_MIN = 5
_MODIFIER_MIN = 2  # compounds that open with a verb's English noun (就业率, 就业机会)
# A verb's English that holds its own object: "to get a job", "to enforce a law" (not
# "to give prominence to", "to break through").
# An English noun of one or two words made from a verb: employment, law enforcement.
_NOUN_SENSE = re.compile(r"(?!(?:to|the|a|an) )(?:[a-z]+ )?[a-z]{3,}(?:ment|tion|sion|ance|ing)")
_HEAD_TAGS = frozenset(["n", "nz", "ng"])  # the heads a verb modifies: 岗位, 价格, 队伍
# Tags of the words after which a verb opens a noun phrase: a verb (提供), a noun
# (居民), a numeral or a measure word (一支), a preposition (对) or 的 (u).
_BEFORE_MODIFIER = frozenset("vnmqpu")
_COMPOUND_TAIL = 2  # compounds one or two characters longer than the word
_ONE_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_ENGLISH_WORD = re.compile(r"[a-z]+")
_ARTICLES = frozenset(["a", "an", "the"])
# jieba's tag of a character it lists as a morpheme (车, 委): a noun when counted.
_MORPHEME = "zg"
# jieba's tag of an adjective used as an adverb (认真, 迅速, 严格).
_ADVERBIAL = "ad"
# A word takes its sense from a phrase only when it and its neighbour are nouns,
# verbs or adjectives by jieba's tags (中 | 的 "to hit the target" is grammar).
_CONTENT_TAGS = frozenset("nva")
# 小王 "Xiao Wang", 老李 "Lao Li": a surname called by a friend.
_FAMILIAR = frozenset("小老")
_NUMBER_WORDS = frozenset(english_words(n) for n in range(1, 100))
# English nouns whose plural is not made with -s.
_IRREGULAR_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women"}
_DATE_UNITS = frozenset("月日号")
_TITLES = frozenset(TITLES)
# jieba's tags of measure words and units: 分钟 q, 公斤 m, 星期 t.
_UNIT_TAGS = frozenset(["q", "m", "mq", "t"])
# A word of the learner table that jieba does not count is taken to be this frequent.
_COMMON = 1000
# What a measure word's gloss becomes after "a" / "one": 一个月 "a month".
_SINGULAR = {"months": "month", "years": "year", "days": "day", "times": "time"}
_SINGULAR.update({"people": "person", "households": "household", "trips": "trip", "kinds": "kind"})
# A verb, 不 or 得, and its result (睡不着, 吃得了): what each says of the action.
_POTENTIAL_MARKS = {"不": "can't", "得": "can"}
_POTENTIAL_TAGS = frozenset(["", "l"])  # a potential form jieba lacks, or lists as an idiom
# A frequency the segmenter joined (segment.join_frequencies): 一周一次 "once a week".
_FREQUENCY = re.compile(FREQUENCY_PERIOD.pattern + FREQUENCY_COUNT.pattern)
_TIMES = {1: "once", 2: "twice"}
# 分 after a score's number: points (七十分, 95分), not minutes.
_POINTS_UNIT = "分"
_POINTS = "points"
_MINUTES_IN_HOUR = 60
# 下 completing a verb before a count (拼下 | 一枚金牌), and the measure words of turns
# in a sequence, after which 下一 is "next" (等下一班车, 坐下一站).
_DOWN = "下"
_DOWN_RESULT = "(complement: down, secured)"
_SEQUENCE_MEASURES = frozenset("班站趟位次轮届期步场回集章页关批个名")
# A month named from now and its part (上月底 "end of last month", 下月初).
_MONTH = "月"
_RELATIVE_MONTHS = {"上": "last month", "下": "next month", "本": "this month", "当": "that month"}
_RELATIVE_PARTS = {"底": "end of {}", "末": "end of {}", "初": "start of {}", "中": "middle of {}"}
# 这/那 before a count of several: 这几年 "these (few years)", 那两天 "those".
_PLURAL_DEMONSTRATIVES = {"这": "these", "那": "those"}
_FEW = "几"
# Function words the table reads as grammar before a verb (see ``before_verb``):
# 在 shows the particle name ``progressive``, 多 "more".
_BEFORE_A_VERB = frozenset("在多")
# Words after which 在 before a verb is the progressive (他在聊天, 一直在聊天, 孩子们在玩).
_ONGOING_BEFORE = frozenset(
    ["一直", "正", "还", "都", "也", "又", "总", "老", "总是", "天天", "每天", "们", "就", "是"]
)
# jieba's tags of words that are no action, whatever their English: verbal nouns
# (在工作中), places, times, pronouns, numerals and measure words, names.
_NOT_ACTIONS = frozenset(["vn", "ns", "s", "f", "t", "r", "m", "mq", "q", "nr", "nt", "ad", "d"])
# What the general classifier 个 shows after a numeral in the same word (十几个).
_GENERAL_MEASURE = "个"
# A localiser after a noun, and the English preposition it is (脸上 "on the face").
_LOCALISERS = {"上": "on", "里": "in"}
# jieba's tags of the nouns a localiser places: nouns, places, and morphemes (车, 窗).
_PLACED_TAGS = frozenset(["n", "nz", "ng", "ns", "s", _MORPHEME])
# An article before these makes an amount, not a noun's article: 有点 "a little".
_QUANTITY_WORDS = frozenset(["little", "bit", "few", "lot", "couple", "great", "large", "number"])
# What may follow a result that is also a noun (卖光了, 用光吗): aspect marks, particles.
_AFTER_RESULT = frozenset("了过的吗呢吧啊啦")
_LIST_MARK = "\u3001"  # 、 between the items of a list (防尘、防光)
_HALF = "半"  # 一个半 "one and a half"; 半小时 after 两个 is no plural "half hours"
_GENERAL_CLASSIFIER = "(classifier)"
_GENERAL_UNIT = "个"
_ROUND_COUNT_TAGS = frozenset(["m", "mq", ""])  # 百家 m, 万辆 unlisted; not 百度 nz
_HOUR_PAST = "点多"  # 十一点多 "after eleven o'clock"
# 一点 counts hours only after a word that places a time (睡到一点, 现在是一点, 下午一点).
_A_LITTLE_WORDS = frozenset(["一点"])
_CLOCK_BEFORE = frozenset(["是", "在", "于", "约", "大约", "到了"])
_RANGE_ENDS = ("到", "至")
_O_CLOCK = "o'clock"  # 一点 "one o'clock", not "a o'clock"
# 块 counts yuan before 钱 or a price's unit, or closing a clause after a word of paying.
_MONEY_PIECE = "块"
_MONEY_NEXT = frozenset(
    ["钱", "多钱", "一斤", "一公斤", "一个", "一张", "一瓶", "一杯", "一份", "一碗", "一次"]
    + ["一天", "一小时", "一个月", "一晚"]
)
_MONEY_VERBS = frozenset(
    ["花", "要", "卖", "付", "收", "值", "挣", "赚", "借", "欠", "找", "交", "差", "省", "给"]
    + ["退", "便宜", "贵", "多", "少", "共", "一共", "总共", "才", "只", "只要", "就", "总"]
    + ["合", "还", "剩", "剩下", "存", "取", "涨", "降"]
)
_PIECE_VERBS = frozenset(["切成", "分成", "成", "切", "吃", "掰成", "撕成", "碎成"])
# A numeral + 号 before a noun numbers it (三号窗口 "number three"); before a part of
# the day or after a month it is the day of the month (八号晚上, 三月八号).
_NUMBER_MARK = "号"
_DAY_PARTS = frozenset(["那天", "当天", "这天", "晚上", "早上", "上午", "下午", "中午", "凌晨"])
# 来 after a span of time counts back from now (三年来), not "about" (十来年).
_SINCE = "来"
_SPAN_UNITS = frozenset("年天月日周")
_WHICH_IN_ORDER = "which number"  # 第几 asks a rank: 你是第几个到的
# A demonstrative, a question word or 每/几 whose word with a classifier CC-CEDICT
# glosses as the pointer alone (这个 "this", 几个 "a few", 这位 "this"): the English
# the gloss may be, and the classifier shown after it ("Round ten, second wave").
_POINTERS = frozenset("这那哪每几")
_BARE_POINTERS = frozenset(
    ["this", "that", "this one", "that one", "which", "which one", "each", "every"]
    + ["a few", "few", "several"]
)
# Spans of time a pointer and 个 read as one phrase (这个月 "this month", 每个星期 "every
# week"): the classifier there is part of a fixed time phrase, not a word to learn.
_SPANS = frozenset(["月", "星期", "礼拜", "小时", "钟头", "学期", "季度", "周末", "晚上", "早上"])
_MONTH_HEAD = "月"
# 该 + what it points at (GlossChooser.demonstrative_compound): "the", not "should".
_ABOUT_HOURS = frozenset(["点许", "时许"])  # an hour and 许: news writes "around" so
_HALVES = {"上半": "first", "下半": "second"}  # 上半场, 下半程: which half
_THAT_ONE = "该"
_SHOULD = "should"
_NOT_POINTED = frozenset("adrpcu")  # adjectives, adverbs, pronouns, prepositions, particles
# What follows a doubled character in a word CC-CEDICT lacks, and the English it makes
# (轻轻地 "lightly", 清清的 "clear", 早早 "early"); see ``doubled_description``.
_DOUBLED_TAILS = {"": "adjective", "的": "adjective", "地": "adverb"}
# jieba's tags of a character whose doubling says "every" (户户, 村村, 件件); not names (美 ns).
_COUNTED_TAGS = frozenset(["n", "ng", "zg", "q"])


class GlossChooser:
    """Pick the gloss of a word from its neighbours; load once, reuse for every text."""

    def __init__(
        self,
        dictionary: Dictionary,
        senses: LearnerSenses,
        surnames: frozenset[str] = frozenset(),
        translated: TranslationSenses | None = None,
        results: ResultComplements | None = None,
    ) -> None:
        self._dictionary = dictionary
        self._senses = senses
        self._results = results if results is not None else ResultComplements.load()
        self._translated = translated or TranslationSenses([])
        self._surnames = surnames
        self._row_readings: dict[tuple[str, str], str] = {}  # (word, cedict:N) → its reading
        self._frequencies = dictionary.word_frequencies()[0]  # jieba's, read on demand
        self._missed_memo: dict[str, bool] = {}  # phrase → CC-CEDICT has it, jieba does not
        self._content_memo: dict[str, bool] = {}  # word → a noun, verb or adjective
        self._attributive_memo: dict[str, str | None] = {}  # noun → its sense before a noun
        self._modifier_memo: dict[str, str | None] = {}  # verb → its English before a noun
        self._article_memo: dict[str, bool] = {}  # word → its gloss alone opens with an article
        self._contextual_memo: dict[str, bool] = {}  # word → contextual whatever its neighbours
        self._adverb_memo: dict[tuple, str | None] = {}  # (word, reading, gloss) → its adverb

    @property
    def senses(self) -> LearnerSenses:
        return self._senses

    @property
    def translated(self) -> TranslationSenses:
        return self._translated

    @property
    def results(self) -> ResultComplements:
        return self._results

    def contextual(self, word: str, prev: Neighbour = EDGE, nxt: Neighbour = EDGE) -> bool:
        """Tell whether the gloss of ``word`` may depend on its neighbours."""
        # Asked of every word token: what the word alone decides is remembered
        # per word; only the tests that read the neighbours run each time.
        alone = self._contextual_memo.get(word)
        if alone is None:
            if len(self._contextual_memo) >= _MEMO_SIZE:
                self._contextual_memo.clear()  # bounded memory
            alone = self._contextual_memo[word] = self._contextual_alone(word)
        return alone or self._contextual_around(word, prev, nxt)

    def _contextual_alone(self, word: str) -> bool:
        """Tell whether the gloss of ``word`` may depend on its neighbours, whatever they are."""
        return (
            self._senses.contextual(word)
            or word[:1] in HAN_NUMERAL_CHARS
            or (word[:1] == _HALF and len(word) == 2)  # 半个 | 西瓜 (numeral_gloss)
            or not self._dictionary.contains(word)
            or word in _FAMILIAR
            or self.erhua_base(word)
            or word in _MONTH_PARTS
            or word in _MONTH_EDGES
            or self._dictionary.word_tag(word) == _ADVERBIAL
            or word in _PLURAL_DEMONSTRATIVES
            or word in (_POINTS_UNIT, _DOWN)
        )

    def _contextual_around(self, word: str, prev: Neighbour, nxt: Neighbour) -> bool:
        """Tell whether these neighbours may change the gloss of a word not contextual alone."""
        return (
            prev.text in _NOUN_BEFORE
            or (prev.text in _NOUN_PLACES and len(word) > 1)  # noun_in_noun_place
            or nxt.text == _PLURAL
            or prev.text in _DEGREE
            or (len(word) == 1 and (nxt.text in _TITLES or _counts(prev)))
            or (len(word) == 1 and nxt.kind == "punct" and bool(self._particle(word)))
            or (len(word) == 1 and nxt.text in _REPEAT_MARKS and prev.text[:1] == word)
            or prev.text in _FAMILIAR
            or (_used_as_verb(prev, nxt) and self._dictionary.word_tag(word) == "vn")
            or bool(self._missed_phrases(word, prev, nxt))
            or (_noun_head(nxt) and self.attributive(word) is not None)
            or (_modifies(prev, nxt) and self.modifier_english(word) is not None)
            or (_before_span(nxt) and word[:1] in _POINTERS)
            or _counted_after_plural(word, prev)
            or self._around_result(word, prev, nxt)
            or (len(word) == 1 and word in (prev.text, nxt.text))
            or self._in_compound(word, prev, nxt)
            or self._word_form_place(word, prev, nxt)
        )

    def _word_form_place(self, word: str, prev: Neighbour, nxt: Neighbour) -> bool:
        """Tell whether a word's form may change here (word_forms): set and tag lookups only."""
        if nxt.text == ADVERB_MARK or (prev.text in ACTION_TAKERS and len(word) > 1):
            return True
        tag = self._dictionary.word_tag(word)
        return adjective_before(word, tag, prev, nxt) or verb_after_adverb(tag, prev, _DEGREE)

    def word_gloss(
        self,
        word: str,
        reading: tuple[str, ...] = (),
        prev: Neighbour = EDGE,
        nxt: Neighbour = EDGE,
        romanise: Callable[[tuple[str, ...]], str] | None = None,
    ) -> tuple[str | None, str]:
        """Return (gloss, source) of a word token: learner, number, cedict, name or chars."""
        gloss, source = self._word_gloss(word, reading, prev, nxt, romanise)
        if gloss and _counted_after_plural(word, prev) and gloss.startswith("a "):
            gloss, source = gloss.removeprefix("a "), "number"  # 这 | 几年 "these" "few years"
        if nxt.text == _PLURAL and source in ("cedict", "learner", "chars") and gloss:
            gloss = plural_noun(gloss)  # 学生 | 们 "students (plural)"
        if gloss and source in ("cedict", "learner", "chars"):
            gloss = self.in_compound(word, gloss, prev, nxt)
        if gloss and word[:1] in _POINTERS and 2 <= len(word) <= 3 and not _before_span(nxt):
            gloss = self.pointed_classifier(word, gloss) or gloss
        return gloss, source

    def pointed_classifier(self, word: str, gloss: str) -> str | None:
        """Show the classifier a pointer's word hides: 这个 "this (classifier)", 这道题.

        CC-CEDICT reads 这个 "this", 几个 "a few", 这位 "this": the classifier a
        learner must put after the pointer goes unseen. A third character is
        the noun counted (这道题 "this (classifier) question").
        """
        unit = word[1]
        if unit == _GENERAL_UNIT:
            shown = _GENERAL_CLASSIFIER
        else:
            shown = (self._dictionary.short_gloss(unit, tag=COUNTED) or "").strip("()")
            if not shown.startswith(("classifier for ", "polite classifier")):
                return None
            shown = f"({shown})"  # 辆 "classifier for vehicles" as 这辆 shows it
        head, _, tail = gloss.partition(", ")
        if len(word) == 2:
            if head not in _BARE_POINTERS:
                return None
            return f"{head.removesuffix(' one')} {shown}"
        pointer, _, noun = head.partition(" ")
        if pointer not in _BARE_POINTERS or not noun or "classifier" in noun:
            return None
        if not _noun_tag(self._dictionary.word_tag(word[2:])):
            return None
        # The noun says what is counted; the classifier's own list of things would
        # mislead (道 "long thin things" before 题).
        return f"{pointer} {_GENERAL_CLASSIFIER} {noun}"  # 这道题 "this (classifier) question"

    def in_compound(self, word: str, gloss: str, prev: Neighbour, nxt: Neighbour) -> str:
        """Return a noun's gloss as it reads inside a noun phrase cut apart.

        A noun after a count of several is plural (三个 | 小时 "hours", 一个半 |
        小时); a noun after another noun drops its leading article, which
        breaks the compound's English (消费者 | 协会 "consumer association",
        not "consumer an association"); a proper name keeps it (the Silk Road).
        """
        if self._dictionary.word_tag(word)[:1] != "n":
            return gloss
        if _counted_several(prev) and not word.startswith(_HALF):
            gloss = plural_noun(gloss)
        article, _, rest = gloss.partition(" ")
        if article in _ARTICLES and rest[:1].islower() and _noun_word(prev):
            return gloss if rest.split(" ")[0] in _QUANTITY_WORDS else rest
        return gloss

    def _in_compound(self, word: str, prev: Neighbour, nxt: Neighbour) -> bool:
        """Tell whether ``in_compound`` may change the word's gloss (cheap tests first)."""
        if _counted_several(prev):
            return True
        if not _noun_word(prev):
            return False
        return _remembered(self._article_memo, word, lambda: self._articled(word))

    def _articled(self, word: str) -> bool:
        """Tell whether the gloss of a word alone opens with an article (协会 "an association")."""
        gloss = self._senses.choose(word) or self._dictionary.short_gloss(word) or ""
        article, _, rest = gloss.partition(" ")
        amount = rest.split(" ")[0] in _QUANTITY_WORDS
        return article in _ARTICLES and rest[:1].islower() and not amount

    def _word_gloss(
        self,
        word: str,
        reading: tuple[str, ...],
        prev: Neighbour,
        nxt: Neighbour,
        romanise: Callable[[tuple[str, ...]], str] | None,
    ) -> tuple[str | None, str]:
        if romanise and len(reading) == len(word) and self._familiar(word, prev, nxt):
            return romanise(reading[:1]) + (f" {romanise(reading[1:])}" if word[1:] else ""), "name"
        if romanise and len(reading) == len(word) and self._surname_first(word, nxt):
            titled = self.titled(word, reading, romanise)
            if titled:
                return titled, "name"
        if word in _MONTH_PARTS and prev.kind == "number":
            month = _month_part(digits_value(prev.text), word)
            if month:
                return month, "number"  # 5 | 月底 "end of May"
        if word in _MONTH_EDGES and _names_month(prev.text):
            return _MONTH_EDGES[word], "number"  # 八月 | 底 "end (of the month)"
        repeated = self.repeated_verb(word, prev, nxt)
        if repeated:
            return repeated, "cedict"
        cut_kind = self.cut_kind_gloss(word, reading, prev, nxt)
        if cut_kind:
            return cut_kind
        tag = self._dictionary.word_tag(word)
        row = self._senses.choose_row(word, prev, nxt, reading)
        chosen = row[1] if row and self._read_as_row(row[0], word, reading) else None
        if row is None and self.erhua_base(word):
            row = self._senses.choose_row(word[:-1], prev, nxt, reading[:-1])  # 点儿 as 点
            chosen = row[1] if row and self._read_as_row(row[0], word[:-1], reading[:-1]) else None
        counted = self._classifier(word, reading, tag, prev, nxt, chosen)
        if counted:
            return counted, "cedict"
        # A phrase CC-CEDICT lists is better evidence than a row that reads no context.
        free = row is None or not (row[0].prev or row[0].next)
        if free and word[:1] not in HAN_NUMERAL_CHARS:
            in_phrase = self._sense_in_phrase(word, reading, prev, nxt)
            if in_phrase:
                return in_phrase, "cedict"
        # So is the English CC-CEDICT's compounds give a noun before a noun.
        attributive = self.attributive(word) if free and _noun_head(nxt) else None
        if attributive:
            return attributive, "cedict"  # 经济 | 收入 "economic", 地方 | 政府 "local"
        acting = (
            self.before_verb(word, prev, nxt, chosen)
            or self.modal_before_verb(word, nxt, chosen)
            or self.round_marker(word, nxt, chosen)
            or (self.noun_in_noun_place(word, reading, prev, nxt, chosen) if free else None)
        )
        if acting:
            return acting, "learner"
        if chosen:
            if free:
                formed = self.manner_form(word, reading, chosen, prev, nxt)
                chosen = formed or self.verb_form(word, reading, chosen, prev) or chosen
            return chosen, "learner"
        number = self.numeral_gloss(word, prev, nxt) or self.time_start_gloss(word)
        if number:
            return number, "number"
        particle = self._closing_particle(word, prev, nxt)
        if particle:
            return particle, "cedict"
        if self._dictionary.common(word):
            tag = tag_in_context(tag, prev, nxt, counted=len(word) == 1)
            attested = self._translated_sense(word, reading)
            gloss = self._dictionary.short_gloss(word, reading, tag=tag, attested=attested)
            modifier = self.verbal_modifier(word, gloss, prev, nxt) if row is None else None
            manner = self.adverbial(word, gloss, nxt)
            manner = manner or self.manner_form(word, reading, gloss, prev, nxt)
            return modifier or manner or gloss, "cedict"
        if romanise and self.withheld_name(word) and len(reading) == len(word):
            return f"{romanise(reading[:1])} {romanise(reading[1:])}", "name"  # 张某 "Zhang Mou"
        if romanise and self.is_name(word) and len(reading) == len(word):
            return romanise(reading), "name"
        proper = self._dictionary.short_gloss(word, reading, proper=True, tag=tag)
        if proper:
            return proper, "cedict"
        if romanise and len(reading) == len(word) and self.transliterated_name(word):
            return one_word(romanise(reading)), "name"  # 伊万 "Yiwan", not "he + ten thousand"
        built = self.compound_gloss(word, reading, prev, nxt)
        return self.demonstrative_compound(word, reading, built) or built, "chars"

    def time_start_gloss(self, word: str) -> str | None:
        """Read a time word and 起 (segment.join_time_starts): 今年起 "starting this year"."""
        stem = word[: -len(TIME_START)]
        if not stem or word[-len(TIME_START) :] != TIME_START or self._dictionary.contains(word):
            return None
        if self._dictionary.word_tag(stem) != "t":
            return None
        gloss = self._senses.choose(stem) or self._dictionary.short_gloss(stem)
        gloss = (gloss or self.compound_gloss(stem) or "").split(", ")[0]  # 本周 "this week"
        return f"starting {gloss}" if gloss and not gloss.startswith("to ") else None

    def round_marker(self, word: str, nxt: Neighbour, chosen: str | None) -> str | None:
        """Read 上/近 before a round count jieba cut off: 上 | 百家 "over", 近 | 万名 "nearly"."""
        if word not in ROUND_MARKERS or nxt.kind != "word" or nxt.text[:1] not in ROUND_COUNTS:
            return None
        if (chosen or "").startswith(ROUND_MARKERS[word]):
            return None  # a row read it already (上 | 千人 "over, upwards of")
        if self._dictionary.word_tag(nxt.text) not in _ROUND_COUNT_TAGS:
            return None  # 上 | 百度 "to go on Baidu"
        numeral, approx, rest = split_numeral(nxt.text)
        if len(rest) > 1 or han_value(numeral) is None:
            return None
        unit = self._unit_gloss(rest, Neighbour(numeral, "word", "m"), EDGE) if rest else ""
        return ROUND_MARKERS[word] if unit is not None else None

    def noun_in_noun_place(
        self, word: str, reading: tuple[str, ...], prev: Neighbour, nxt: Neighbour,
        chosen: str | None,
    ) -> str | None:
        """Return a verb's noun sense where it stands as a noun (他的决定, 作出决定, 这个回答).

        After 的, a demonstrative with its classifier (这个, 这种, 一个) or a
        light verb of making (做, 作出), a word of two characters or more whose
        shown gloss is "to …" is the thing, not the act: CC-CEDICT's noun sense
        of the same English where it lists one (支持 "support"), else its noun
        sense by part of speech (决定 "decision"). Not before an aspect
        particle or a noun or pronoun (这个需要时间: 需要 is the verb).
        Gated on the word before it, a set lookup.
        """
        if prev.text not in _NOUN_PLACES and prev.text not in ACTION_TAKERS or len(word) < 2:
            return None
        if nxt.text in _ASPECT or nxt.kind == "word" and nxt.tag[:1] in _OBJECT_TAGS:
            return None
        shown = chosen or self._dictionary.short_gloss(word, reading) or ""
        if not shown.startswith("to "):
            return None
        senses = self.word_senses(word, reading)
        same = shown.split(", ")[0].removeprefix("to ")
        noun = same if same in senses else self._dictionary.short_gloss(word, reading, tag="n")
        if not noun or noun.startswith("to ") or noun not in senses:
            return None
        if prev.text in ACTION_TAKERS and len(noun.split(" ")) > ACTION_NOUN_WORDS:
            return None  # 促进开放: a noun naming the action, not a description
        return noun

    def modal_before_verb(self, word: str, nxt: Neighbour, chosen: str | None) -> str | None:
        """Keep 该 "should" before a verb jieba tags a noun (该 | 回家 "should" "to return home").

        The row that reads 该 before a noun as "the" sees jieba's tag; a word
        whose own gloss is "to …" is an action all the same.
        """
        if word != _THAT_ONE or chosen != "the" or nxt.kind != "word" or nxt.tag[:1] == "v":
            return None
        gloss = self._senses.choose(nxt.text) or self._dictionary.short_gloss(nxt.text) or ""
        return _SHOULD if gloss.startswith("to ") else None

    def demonstrative_compound(
        self, word: str, reading: tuple[str, ...], built: str | None
    ) -> str | None:
        """Read 该 before what it points at as "the": 该港 "the harbor", 该款 "the (classifier …)".

        The rows read 该 as "the" before a word tagged a noun or a place; a
        one-character noun jieba tags otherwise (港 j, 厂 zg, 校 ng) or a
        measure word (款, 片, 批) is pointed at the same way. Before a verb, an
        adjective or an adverb 该 stays "should" (该去, 该死).
        """
        if word[:1] != _THAT_ONE or len(word) < 2 or not built:
            return None
        if built.startswith("the to "):
            return f"{_SHOULD} + {built[4:]}"  # 该换 "should + to exchange", not "the to …"
        if not built.startswith(_SHOULD):
            return None
        rest, tag = word[1:], self._dictionary.word_tag(word[1:])
        if tag[:1] in _NOT_POINTED or (tag[:1] == "v" and tag != "vn"):
            return None
        if tag in ("q", "m") or self._dictionary.short_gloss(rest, tag=COUNTED) != (
            self._dictionary.short_gloss(rest)
        ):
            counted = self._dictionary.short_gloss(rest, tag=COUNTED) or ""
            if counted.startswith("(classifier"):
                return f"the {counted}"  # 该款 | 手机 "the (classifier for versions or models)"
        noun = self._dictionary.short_gloss(rest, reading[1:], tag="n")
        return f"the {noun}" if noun and not noun.startswith(("to ", "(")) else None

    def cut_kind_gloss(
        self, word: str, reading: tuple[str, ...], prev: Neighbour, nxt: Neighbour
    ) -> tuple[str, str] | None:
        """Return (gloss, source) for the kinds a cut leaves misread, else None.

        A verb and its potential complement the segmenter joined (睡不着 "can't
        fall asleep", 吃得了 "can eat"); 分 after a score (七十 | 分 "points");
        这/那 before a count of more than one (这 | 几年 "these").
        """
        potential = self.potential_gloss(word, reading)
        if potential:
            return potential, "cedict"
        result = self.result_gloss(word, reading, prev, nxt)
        if result:
            return result, "learner"
        doubled = self.doubled_verb(word, prev, nxt)
        if doubled:
            return doubled, "cedict"
        located = self.localised_noun(word, reading)
        if located:
            return located, "chars"
        literal = self.literal_phrase(word, reading)
        if literal:
            return literal, "cedict"
        frequency = frequency_gloss(word)
        if frequency:
            return frequency, "number"  # 一周一次 "once a week"
        if word == _POINTS_UNIT and _score_before(prev):
            return _POINTS, "number"
        plural = _PLURAL_DEMONSTRATIVES.get(word)
        if plural and _several(nxt.text):
            return plural, "learner"
        if word == _DOWN and _result_down(prev, nxt):
            return _DOWN_RESULT, "learner"  # 拼 | 下 | 一枚金牌: won, not "next"
        relative = _relative_month_part(word)
        if relative:
            return relative, "number"  # 上月底 "end of last month"
        if word in _MONTH_EDGES and prev.text == _MONTH:
            return _MONTH_EDGES[word], "number"  # 下 | 月 | 初 "start (of the month)"
        return None

    def potential_gloss(self, word: str, reading: tuple[str, ...] = ()) -> str | None:
        """Gloss a verb and its potential complement CC-CEDICT lacks: 睡不着 "can't fall asleep".

        The verb and its result read as CC-CEDICT's resultative word where it
        lists one (睡着 "to fall asleep", 打开 "to open", 想起来 "to recall"),
        else as the verb; 不 makes it "can't", 得 "can" (吃得了 "can eat").
        """
        if len(word) < 3 or word[1] not in _POTENTIAL_MARKS or self._dictionary.contains(word):
            return None
        verb, result = word[0], word[2:]
        directed = verb in DIRECTION_VERBS and result in DIRECTION_ENDS  # 出不去
        if result not in POTENTIAL_RESULTS and not directed:
            return None
        resultative = verb + result
        sense = None
        if self._dictionary.common(resultative):
            # CC-CEDICT's first sense: 追上 "to catch up with" keeps the verb's
            # meaning, where a shorter later one (to overtake) may not.
            senses = [s for _, entry in self._dictionary.entries(resultative) for s in entry]
            sense = next((p for p in sense_pieces(tuple(senses)) if p.startswith("to ")), None)
        added = None
        if sense is None:
            sense = self._dictionary.short_gloss(verb, reading[:1], tag="v")
            # What the result adds where CC-CEDICT lacks the pair: 说不清楚 "can't speak clearly".
            added = self._results.english(verb, result)
        if not sense or not sense.startswith("to "):
            return None
        action = sense.split(", ")[0].removeprefix("to ")
        return f"{_POTENTIAL_MARKS[word[1]]} {action}" + (f" {added}" if added else "")

    def _around_result(self, word: str, prev: Neighbour, nxt: Neighbour) -> bool:
        """Tell whether a word is a result complement or the verb before one (cheap tests first)."""
        if word in self._results and len(prev.text) == 1 and prev.kind == "word":
            return self._is_verb(prev.text)  # 对 after 我 is no result: its token stays shared
        if len(word) == 1 and nxt.text in self._results and nxt.kind == "word":
            return self._is_verb(word)
        return False

    def result_gloss(
        self, word: str, reading: tuple[str, ...], prev: Neighbour, nxt: Neighbour
    ) -> str | None:
        """Gloss a verb and its result complement as English writes the pair.

        A verb and its result (咬破, 卖光, 写错) read as the verb's English and
        what the result adds to it (``data/result_complements.tsv``): "to bite
        through", "to sell out", "to write wrongly", whether jieba made one token
        of them (吃光 "to eat up") or two (咬 | 破: "to bite" "through"; the
        verb then shows its first sense alone). A pair CC-CEDICT lists keeps
        CC-CEDICT's sense (打开 "to open", 用完 "used up").
        """
        if word in self._results and len(prev.text) == 1:
            if self._result_after(prev, word, nxt):
                return self._results.english(prev.text, word)  # 咬 | 破 "through"
            return None
        if len(word) == 1 and nxt.text in self._results:
            if prev.text in _NOUN_BEFORE:
                return None  # 的 | 花 | 开: after 的 the word is a noun, its subject
            return self._verb_before_result(word, reading, nxt)
        verb, complement = word[:1], word[1:]
        if len(word) < 2 or complement == verb or self._dictionary.common(word):
            return None
        english = self._results.english(verb, complement)
        if not english or not self._result_after(Neighbour(verb, "word", ""), complement, EDGE):
            return None
        action = self._verb_action(verb, reading[:1])
        return f"{action} {english}" if action else None  # 吃光 "to eat up"

    def _verb_before_result(
        self, word: str, reading: tuple[str, ...], nxt: Neighbour
    ) -> str | None:
        """Return the first sense of a verb before its result (咬 | 破: "to bite"), else None."""
        if self._dictionary.common(word + nxt.text) or not self._results.english(word, nxt.text):
            return None
        if not self._result_after(Neighbour(word, "word", ""), nxt.text, EDGE):
            return None
        return self._verb_action(word, reading)

    def doubled_verb(self, word: str, prev: Neighbour, nxt: Neighbour) -> str | None:
        """Return the sense of a one-character verb jieba left doubled in two: 教 | 教.

        A doubled verb does the action a little (教教 "teach a bit"); both
        halves are the verb whatever reading each was given (the reader reads
        the first 教 jiào, "to make"): the verb's sense read by no reading.
        """
        if len(word) != 1 or word not in (prev.text, nxt.text) or not self._is_verb(word):
            return None
        sense = self._senses.choose(word) or self._dictionary.short_gloss(word, tag="v") or ""
        return sense if sense.startswith("to ") else None

    def localised_noun(self, word: str, reading: tuple[str, ...] = ()) -> str | None:
        """Return "on the …" / "in the …" for a noun and 上/里 CC-CEDICT lacks: 脸上, 城里.

        jieba keeps a noun and its localiser as one word (脸上, 桌上, 城里, 车上)
        that CC-CEDICT seldom lists; built from its characters it read "face
        on", "city in". English puts the preposition first: "on the face", "in
        the city". Only a noun by jieba's tag (背上 may be 背 "to carry").
        """
        preposition = _LOCALISERS.get(word[-1:])
        if not preposition or not 2 <= len(word) <= 3 or word in self._senses:
            return None
        noun = word[:-1]
        if noun[:1] in HAN_NUMERAL_CHARS:
            return None  # 百里 "a hundred li": 里 the unit
        if self._dictionary.common(word) or self._dictionary.word_tag(noun) not in _PLACED_TAGS:
            return None
        sense = self._senses.choose(noun) or self._dictionary.short_gloss(
            noun, reading[:-1], tag="n"
        )
        first = (sense or "").split(", ")[0]
        article, _, rest = first.partition(" ")
        first = rest if article in _ARTICLES else first
        if not first or not first.replace(" ", "").isalpha() or first.startswith("to "):
            return None
        return f"{preposition} the {first}"

    def literal_phrase(self, word: str, reading: tuple[str, ...] = ()) -> str | None:
        """Return the literal sense of a verb-and-noun phrase CC-CEDICT lists figurative first.

        jieba keeps phrases such as 回老家 whole; CC-CEDICT lists the figure
        first ("to go back to one's roots") and the plain sense after ("to
        return to one's native place"). A one-character verb and a noun read
        as the first of the phrase's senses that holds a sense of the noun, if
        the chosen one holds none; a learner row still comes first.
        """
        if len(word) != 3 or word[0] in NEGATIONS:
            return None  # 没意思 "boring" is no verb and its object
        if word in self._senses or not self._is_verb(word[0]):
            return None
        if self._dictionary.common(word[:2]):
            return None  # 使用量 is 使用 and 量, not 使 and 用量
        noun = word[1:]
        if self._dictionary.word_tag(noun)[:1] != "n" or not self._dictionary.common(word):
            return None
        nouns = [s for s in self.word_senses(noun, reading[1:]) if "(" not in s]
        chosen = self._dictionary.short_gloss(word, reading) or ""
        if not nouns or any(n in chosen for n in nouns):
            return None
        literal = (s for s in self.word_senses(word, reading) if any(n in s for n in nouns))
        return next(literal, None)

    def _result_after(self, verb: Neighbour, complement: str, nxt: Neighbour) -> bool:
        """Tell whether a one-character verb and the word after it are a verb and its result.

        Not after a modal (肯干 is "willing to work"), not in a list (防尘、防光),
        and a complement that is also a noun (光 "light") only before an aspect
        mark or a final particle (卖光了, not 防光。).
        """
        if verb.kind != "word" or verb.text in FUNCTION_CHARS or verb.text in POTENTIAL_MODALS:
            return False
        if not self._is_verb(verb.text) or nxt.text == _LIST_MARK:
            return False
        if self._dictionary.word_tag(complement)[:1] == "n":
            return nxt.text in _AFTER_RESULT or nxt is EDGE
        return nxt.tag[:1] not in ("v", "r") or nxt.tag == "vn"

    def _is_verb(self, char: str) -> bool:
        """Tell whether a word is a verb by jieba's tag (咬 v; 快, 重, 比 are not)."""
        tag = self._dictionary.word_tag(char)
        if tag:
            return tag[:1] == "v" and tag != "vn"
        return (self._dictionary.short_gloss(char, tag="v") or "").startswith("to ")

    def _verb_action(self, verb: str, reading: tuple[str, ...]) -> str | None:
        """Return a verb's first "to …" sense, alone (走 "to walk", not "to walk, to go").

        The verb's learner row, if it reads no context, before CC-CEDICT's verb
        sense: 抢 "to grab", not "to fight over".
        """
        sense = self._senses.choose(verb) or ""
        if not sense.startswith("to "):
            sense = self._dictionary.short_gloss(verb, reading, tag="v") or ""
        first = sense.split(", ")[0]
        return first if first.startswith("to ") else None

    def before_verb(
        self, word: str, prev: Neighbour, nxt: Neighbour, chosen: str | None
    ) -> str | None:
        """Return the sense 在 or 多 has before a verb jieba tags otherwise (在聊天, 多穿点).

        The table keys 在 (particle name ``progressive``) and 多 "more" on jieba's
        tag ``v``, but jieba tags many everyday verbs as nouns or morphemes (聊天 nz, 修路 n, 穿
        zg); a word whose CC-CEDICT English is "to …" is a verb all the same.
        Only where no row read a context (多 after 很 stays "many"), and 在 only
        after a person or an adverb of time: after a noun news writes 在 + verb
        + 前/后/上 "at, in" (无人机在激活前, 在开学典礼上).
        """
        if word not in _BEFORE_A_VERB:
            return None
        sense = particle_name("progressive") if word == "在" else "more"
        if chosen == sense or chosen != self._senses.choose(word):
            return None
        if word == "在" and not (prev.tag == "r" or prev.text in _ONGOING_BEFORE):
            return None
        if nxt.kind != "word" or nxt.tag in _NOT_ACTIONS:
            return None
        gloss = self._dictionary.short_gloss(nxt.text) or ""
        return sense if gloss.startswith("to ") else None

    @functools.cached_property
    def object_verbs(self) -> frozenset[str]:
        """Return the verbs whose object a row reads (开 | 灯, 收 | 衣服, 坐 | 地铁)."""
        return frozenset(
            row.word
            for row in self._senses.rows
            if not row.prev and row.next and not row.reading and not row.next & CLASSES.keys()
            and self._dictionary.word_tag(row.word)[:1] == "v"
        )

    def past_the_aspect(self, word: str, obj: Neighbour) -> str | None:
        """Return the gloss a verb's object decides past 了/着/过/一下 (开了灯, 开一下灯).

        The table reads one neighbour; the object of a verb that an aspect
        marker follows is the one after it. Only a row that names objects
        (no context before, words after) is read.
        """
        if word not in self.object_verbs:
            return None
        row = self._senses.choose_row(word, EDGE, obj)
        if row is None or row[0].prev or not row[0].next or row[0].next & CLASSES.keys():
            return None
        return row[1]

    def erhua_base(self, word: str) -> bool:
        """Tell whether ``word`` is CC-CEDICT's erhua variant of a word with learner rows.

        The -r form (点儿, CC-CEDICT "erhua variant of 点") is read by the
        rows of its base (喝点儿 "a bit", as 喝点), not by the first sense of
        the base the variant entry points to (点 "point").
        """
        if len(word) < 2 or word[-1] != _ERHUA or word in self._senses:
            return False
        if word[:-1] not in self._senses:
            return False
        entries = self._dictionary.entries(word)
        return bool(entries) and all(
            sense.startswith(_ERHUA_VARIANT) for _, senses in entries for sense in senses
        )

    def repeated_verb(self, word: str, prev: Neighbour, nxt: Neighbour) -> str | None:
        """Return the sense of a verb-object word whose verb is repeated before 得/了/过.

        Chinese repeats the verb of a verb and its object to say how or how
        long it went (开车开得很快, 跳舞跳得好, 打球打了两个小时): the
        repeated character is the whole word's verb, "to drive a car", not
        its first sense alone (开 "to open", 跳 "to jump").
        """
        if len(word) != 1 or nxt.text not in _REPEAT_MARKS or prev.kind != "word":
            return None
        if len(prev.text) != 2 or prev.text[0] != word or prev.tag != "v":
            return None
        return self._dictionary.short_gloss(prev.text, tag=prev.tag)

    def _translated_sense(self, word: str, reading: tuple[str, ...]) -> str | None:
        """Return the sense translated everyday sentences attest most for the word read so."""
        if word not in self._translated:
            return None
        return self._translated.sense(word, tuple(map(numbered, reading)))

    def _missed_phrases(self, word: str, prev: Neighbour, nxt: Neighbour) -> list[str]:
        """Return the words CC-CEDICT lists that ``word`` makes with a neighbour and jieba lacks.

        jieba's dictionary predates many phrases (碳排放 "carbon emissions",
        新产品 "new product"), so its route cut them without weighing them;
        where it lists the phrase, its route chose the cut (人 | 才来).
        """
        # Asked of every token: the answers are remembered per word and per phrase.
        if not _remembered(self._content_memo, word, lambda: self._content_word(word)):
            return []
        phrases = []
        if prev.kind == "word" and self._missed(prev.text + word, prev.text):
            phrases.append(prev.text + word)
        if nxt.kind == "word" and self._missed(word + nxt.text, nxt.text):
            phrases.append(word + nxt.text)
        return phrases

    def _missed(self, phrase: str, neighbour: str) -> bool:
        """Tell whether CC-CEDICT lists ``phrase`` as a common word that jieba lacks."""
        return _remembered(
            self._missed_memo,
            phrase,
            lambda: (
                len(phrase) <= _LONGEST_PHRASE
                and self._content_word(neighbour, modifier=True)
                and not self._frequencies.get(phrase)
                and self._dictionary.common(phrase)
            ),
        )

    def attributive(self, word: str) -> str | None:
        """Return the English a noun has before another noun, if CC-CEDICT shows one.

        CC-CEDICT lists a noun's compounds with their English: most of 经济's
        begin with "economic" (经济危机 "economic crisis"), of 政治's with
        "political", of 地方's with "local"; that one-word sense of the noun
        is what it means as a modifier. A noun whose compounds begin with no
        sense of its own often enough (大量, 职业) has none.
        """
        return _remembered(self._attributive_memo, word, lambda: self._attributive(word))

    def _attributive(self, word: str) -> str | None:
        if len(word) < 2 or self._dictionary.word_tag(word)[:1] != "n":
            return None
        own = [s for s in self.word_senses(word, ()) if _ONE_WORD.fullmatch(s)]
        starts: Counter[str] = Counter()
        for senses in self._dictionary.compound_senses(word, _COMPOUND_TAIL):
            for sense in sense_pieces(senses):
                starts[sense.split(" ", 1)[0]] += 1
        ranked = sorted(own, key=lambda s: -starts[s])
        runner_up = starts[ranked[1]] if len(ranked) > 1 else 0
        if ranked and starts[ranked[0]] >= max(_ATTRIBUTIVE_MIN, 2 * runner_up):
            return ranked[0]
        return None

    def adverbial(self, word: str, gloss: str | None, nxt: Neighbour) -> str | None:
        """Return the English adverb of an adjective jieba marks adverbial, before a verb.

        jieba tags ``ad`` the adjectives news puts straight before a verb (认真抓好,
        迅速出警, 严格控制, 坚决遏制); CC-CEDICT gives them as adjectives
        ("strict"), so the English says "strictly". Only a sense of single
        words, each turned into an adverb CC-CEDICT's English uses.
        """
        if not gloss or self._dictionary.word_tag(word) != _ADVERBIAL or not self._verb_next(nxt):
            return None
        words = gloss.split(", ")
        if not all(_ONE_WORD.fullmatch(w) for w in words):
            return None
        adverbs = [a for a in map(adverb_of, words) if self._dictionary.english_zipf(a)]
        return ", ".join(adverbs) if adverbs else None

    def manner_form(
        self,
        word: str,
        reading: tuple[str, ...],
        gloss: str | None,
        prev: Neighbour,
        nxt: Neighbour,
    ) -> str | None:
        """Return the adverb of a word that says how the next verb is done (word_forms).

        Before 地 (耐心地 "patiently", 科学地 "scientifically") and, for an
        adjective, right before a verb or a potential form (突然连不上, 明显增加):
        the shown gloss's adverbs, else those of the entry's other senses.
        """
        if not gloss or nxt.text == ADVERB_MARK and len(word) < 2:
            return None  # 好地 is 好好地's: doubled_description
        if nxt.text != ADVERB_MARK:
            tag = self._dictionary.word_tag(word)
            if not adjective_before(word, tag, prev, nxt) or not self._action_next(nxt):
                return None
        key = (word, reading, gloss)
        return _remembered(
            self._adverb_memo,
            key,
            lambda: adverbs(
                gloss,
                self.word_senses(word, reading),
                self._dictionary.english_zipf,
                self._dictionary.word_tag(word),
            ),
        )

    def verb_form(
        self, word: str, reading: tuple[str, ...], gloss: str, prev: Neighbour
    ) -> str | None:
        """Return the verb of a verbal noun after an adverb (不断发展 "to develop", word_forms).

        A row names the noun (发展 "development"); after an adverb the word is the
        action, CC-CEDICT's verb sense ranked for a verb. A row that names the
        verb too (研究 "research, to study") stays.
        """
        tag = self._dictionary.word_tag(word)
        if "to " in gloss or not verb_after_adverb(tag, prev, _DEGREE):
            return None
        verb = self._dictionary.short_gloss(word, reading, tag="v")
        return verb if verb and verb.startswith("to ") else None

    def _action_next(self, nxt: Neighbour) -> bool:
        """Tell whether the next word is a verb, or a potential form jieba lacks (连不上)."""
        if self._verb_next(nxt):
            return True
        listed = nxt.tag in _POTENTIAL_TAGS  # jieba lists some as idioms: 连不上 l
        return listed and len(nxt.text) == 3 and nxt.text[1] in _POTENTIAL_MARKS

    def _verb_next(self, nxt: Neighbour) -> bool:
        """Tell whether the next word is a verb: by jieba's tag, else by its English.

        jieba's dictionary holds one tag a word, and some verbs carry another
        (反对 and 赶往 are ``d``): a word that is no noun and whose CC-CEDICT
        gloss is an infinitive is a verb too; one jieba does not list (抓好)
        is read by its first character.
        """
        if nxt.kind != "word":
            return False
        tag = nxt.tag or self._dictionary.word_tag(nxt.text[:1])
        if tag[:1] == "v":
            return tag != "vn"
        gloss = self._dictionary.short_gloss(nxt.text) if tag[:1] != "n" else None
        return bool(gloss) and gloss.startswith("to ")

    def verbal_modifier(
        self, word: str, gloss: str | None, prev: Neighbour, nxt: Neighbour
    ) -> str | None:
        """Return the English of a verb that modifies the noun after it, not its "to …".

        News puts a verb or a verbal noun straight before the noun it
        describes (就业岗位 "employment" posts, 救援队伍 "rescue" team, 消费价格
        "consumer" prices), where its "to …" sense reads as a verb and its
        object. The verb is a modifier when the words around it say the noun
        phrase has begun: after a verb, a count, a demonstrative, 的, a
        preposition or a noun, or at the start of a sentence (提供 | 就业 | 岗位,
        一支 | 救援 | 队伍, 居民 | 消费 | 价格); after a subject pronoun, an adverb or
        a modal it is the verb and the noun its object (我们 | 调整 | 结构).
        """
        if not gloss or not gloss.startswith("to ") or not _modifies(prev, nxt):
            return None
        return self.modifier_english(word)

    def modifier_english(self, word: str) -> str | None:
        """Return the English a verb has before a noun: its noun sense, else its compounds'."""
        return _remembered(self._modifier_memo, word, lambda: self._modifier_english(word))

    def _modifier_english(self, word: str) -> str | None:
        # CC-CEDICT's compounds of the verb show which of its English nouns it is before
        # another noun: 就业率 "employment rate", 就业机会 "employment opportunities".
        if len(word) < 2 or self._dictionary.word_tag(word)[:1] != "v":
            return None
        nouns = [s for s in self.word_senses(word, ()) if _NOUN_SENSE.fullmatch(s)]
        if not nouns:
            return None
        starts: Counter[str] = Counter()
        for compound in self._dictionary.compound_senses(word, _COMPOUND_TAIL):
            for sense in sense_pieces(compound):
                starts.update(n for n in nouns if sense.lower().startswith(n + " "))
        ranked = starts.most_common(2)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if ranked and ranked[0][1] >= max(_MODIFIER_MIN, 2 * runner_up):
            return ranked[0][0]
        return None

    def _content_word(self, word: str, modifier: bool = False) -> bool:
        """Tell whether a word is a noun, verb or adjective, not a function character.

        As the ``modifier`` of a phrase, a one-character adjective or noun
        counts (新 | 产品 "new product"); its own gloss never changes so.
        """
        tag = self._dictionary.word_tag(word)[:1]
        if len(word) == 1 and word in FUNCTION_CHARS and not (modifier and tag in "an"):
            return False
        return tag in _CONTENT_TAGS

    def _sense_in_phrase(
        self, word: str, reading: tuple[str, ...], prev: Neighbour, nxt: Neighbour
    ) -> str | None:
        """Return the English ``word`` has in a CC-CEDICT phrase it makes with a neighbour.

        碳 | 排放: CC-CEDICT lists 碳排放 "carbon emissions"; 碳 is "carbon",
        so 排放 is "emissions", not its first sense "to arrange in order"
        (新 | 产品 "new product": 产品 "product", not "goods"). Where the
        neighbour's English is not in the phrase's, the word's sense that
        shares a word with it (国家 | 安全 "national security": "security").
        The phrase must be read as the token is (中 | 的 "to hit the target"
        is zhòng, not the zhōng of 生活中).
        """
        for phrase in self._missed_phrases(word, prev, nxt):
            after = phrase == prev.text + word
            neighbour = prev.text if after else nxt.text
            start = len(neighbour) if after else 0
            phrase_senses = self._phrase_senses(phrase, reading, start)
            theirs = set().union(*map(_content_words, self.word_senses(neighbour, ())))
            for sense in phrase_senses:
                if sense.startswith("to "):
                    continue  # a verb phrase's English is not in the word order of its parts
                rest = _without_neighbour(sense.split(" "), theirs, after)
                if rest:
                    return rest  # 碳 | 排放 "emissions"
            phrase_words = set().union(*map(_content_words, phrase_senses))
            for sense in self.word_senses(word, reading):
                if "~" not in sense and _content_words(sense) & phrase_words:
                    return shorten(sense)  # 国家 | 安全 "security"
        return None

    def _phrase_senses(self, phrase: str, reading: tuple[str, ...], start: int) -> list[str]:
        """Return the whole senses of the phrase's common entries read as the token is."""
        found: list[str] = []
        read = tuple(map(numbered, reading))
        for pinyin, senses in self._dictionary.entries(phrase):
            syllables = tuple(pinyin.split())
            if pinyin[:1].isupper() or len(syllables) != len(phrase):
                continue  # a proper noun, or a reading written otherwise
            if read and not same_reading(syllables[start : start + len(read)], read):
                continue
            found.extend(sense_pieces(senses))
        return found

    def word_senses(self, word: str, reading: tuple[str, ...]) -> list[str]:
        """Return the whole senses of the word's common entries read as the token is."""
        read = tuple(map(numbered, reading))
        senses: list[str] = []
        for pinyin, entry in self._dictionary.entries(word):
            if pinyin[:1].isupper() or (read and not same_reading(tuple(pinyin.split()), read)):
                continue
            senses.extend(sense_pieces(entry))
        return senses

    def _closing_particle(self, word: str, prev: Neighbour, nxt: Neighbour) -> str | None:
        """Return the final-particle sense of a character that closes a clause (好咧, 走罢).

        A character after a token and before punctuation or the sentence end is
        the particle CC-CEDICT lists under another reading, if it lists one:
        咧 lie5 "modal particle expressing exclamation", not lie3 "to draw back
        the corners of one's mouth"; 哩 "modal final particle", not "mile".
        """
        if len(word) != 1 or CLASSES["END"](prev) or not CLASSES["END"](nxt):
            return None
        return self._particle(word)

    def _particle(self, word: str) -> str | None:
        return self._dictionary.final_particle(word)

    def _read_as_row(self, row: SenseRow, word: str, reading: tuple[str, ...]) -> bool:
        """Tell whether the token is read as the CC-CEDICT entry a ``cedict:N`` row quotes.

        The row's sense belongs to one entry, and so to one reading: 还 "still"
        is hái, and 还 read huán (还你书) is "to give back", whatever the row
        says. A written row, or a word with one reading, always fits.
        """
        if not reading or not row.source.startswith("cedict:"):
            return True
        quoted = self._row_readings.get((word, row.source))
        if quoted is None:
            quoted = self._row_readings[word, row.source] = self._quoted_reading(word, row.source)
        return not quoted or same_reading(tuple(quoted.split()), tuple(map(numbered, reading)))

    def _quoted_reading(self, word: str, source: str) -> str:
        """Return the numbered reading of the entry holding sense N; "" if the word has one."""
        entries = self._dictionary.entries(word)
        if len({pinyin.lower() for pinyin, _ in entries}) < 2:
            return ""
        quoted = quoted_sense(entries, int(source.removeprefix("cedict:")))
        return " ".join(numbered(s) for s in quoted[0].split()) if quoted else ""

    def _classifier(
        self,
        word: str,
        reading: tuple[str, ...],
        tag: str,
        prev: Neighbour,
        nxt: Neighbour,
        chosen: str | None,
    ) -> str | None:
        """Return a counted character's classifier sense where the table has only a verb (这起)."""
        if len(word) != 1 or tag_in_context(tag, prev, nxt, counted=True) != COUNTED:
            return None
        if chosen is not None and (
            chosen != self._senses.choose(word, EDGE, nxt) or not chosen.startswith("to ")
        ):
            return None  # a row reads the numeral (三名, 这家) or is a unit already (亩 "mu")
        gloss = self._dictionary.short_gloss(word, reading, tag=COUNTED) or ""
        return gloss if gloss.startswith("(classifier for ") else None

    def _familiar(self, word: str, prev: Neighbour, nxt: Neighbour) -> bool:
        """Tell whether a word is 小/老 and a surname, the way friends name each other.

        小王 "Xiao Wang", 老李 "Lao Li" (a word CC-CEDICT lacks as a common
        word: 小马 "pony" stays), and the same cut in two: 小 | 李, 老 | 张.
        """
        if word[:1] in _FAMILIAR and len(word) == 2:
            return self._plain_surname(word[1]) and not self._dictionary.common(word)
        if word in _FAMILIAR:
            return nxt.kind == "word" and self._plain_surname(nxt.text)
        return prev.text in _FAMILIAR and self._plain_surname(word)

    def _plain_surname(self, char: str) -> bool:
        return len(char) == 1 and char in self._surnames and char not in FUNCTION_CHARS

    def _surname_first(self, word: str, nxt: Neighbour) -> bool:
        """Tell whether a word is a surname before a title (李 | 大爷) or with one (张老师).

        With its title in one word, any surname of the table will do (萧先生
        "Mr Xiao"): the title is the evidence a rarer surname lacks alone.
        """
        head = word[:1]
        if head in FUNCTION_CHARS:
            return False
        if len(word) == 1:
            return head in self._surnames and nxt.text in _TITLES
        if word[1:] not in _TITLES:
            return False
        return head in self._surnames or (head in SURNAMES and not self._dictionary.common(word))

    def titled(
        self, word: str, reading: tuple[str, ...], romanise: Callable[[tuple[str, ...]], str]
    ) -> str | None:
        """Read a surname and its title: 李 "Li", 张老师 "Teacher Zhang", 王经理 "Manager Wang"."""
        surname = romanise(reading[:1])
        if len(word) == 1:
            return surname
        title = self._senses.choose(word[1:]) or self._dictionary.short_gloss(word[1:]) or ""
        title = re.sub(r"\s*\(.*?\)", "", title.split(", ")[0]).strip()
        if not title or title.startswith("to ") or " " in title:
            return None
        return f"{title[:1].upper()}{title[1:]} {surname}"

    def is_name(self, word: str) -> bool:
        """Tell whether jieba lists ``word`` as a person name that starts with a surname."""
        if word[:1] not in self._surnames or self._dictionary.name_kind(word) != "name":
            return False
        return not listed_phrase(word, self._dictionary)

    def transliterated_name(self, word: str) -> bool:
        """Tell whether a word CC-CEDICT lacks is a foreign person's name (伊万, 尼古拉).

        jieba tags about 5,000 such words ``nrt`` (a transliterated name); their
        characters spell sounds, so a gloss built from them reads as nonsense
        (伊万 "he + ten thousand"). Places (a place suffix last: 科尔诺峰),
        peoples (拉丁人) and words opening with a numeral (二万人) or a function
        character (新颜 "a new look") are left out.
        """
        if len(word) < 2 or self._dictionary.word_tag(word) != "nrt":
            return False
        if word.endswith(PLACE_SUFFIXES) or word[-1] == _PERSON or word[0] in FUNCTION_CHARS:
            return False  # 新颜 "a new look", 多播 "multicast": a word's own first character
        return word[0] not in HAN_NUMERAL_CHARS  # 万 spells "van" inside a name (伊万)

    def withheld_name(self, word: str) -> bool:
        """Tell whether a word is a surname and 某, how news withholds a name (张某, 刘某某)."""
        return withheld_name(word) and not self._dictionary.common(word)

    def opens_with_name(self, word: str, prev: Neighbour, nxt: Neighbour) -> bool:
        """Tell whether an unknown word opening a clause is a person's name (王芳在…).

        All the evidence must agree, because a bare surname-led word is as
        often a new compound (文创, 车企): two or three characters, a common
        surname first, listed by none of CC-CEDICT, HSK or jieba, the subject
        of its clause (after the edge or punctuation, not followed by a noun
        it would modify), and every character read as a name by jieba's
        part-of-speech HMM.
        """
        if not 2 <= len(word) <= 3 or word[:1] not in self._surnames:
            return False
        if prev.kind not in ("", "punct") or self._noun_after_name(nxt):
            return False
        return self._unlisted(word) and name_by_hmm(word)

    def names_in_place(self, word: str, nxt: Neighbour) -> bool:
        """Tell whether an unknown word after a role or an opener is a person's name (学员吴亮说).

        After a person noun (学员, 运动员), a word that opens a clause (然后,
        同时) or one that takes a person (让, 给, 和), the evidence is
        stronger than at a clause's edge, because more words stand there
        (田里, 齐聚 before a place): a common surname first, no function
        character first and no localiser last, listed by none of CC-CEDICT, HSK or jieba,
        no noun after it, and jieba's POS HMM reading every character as a name.
        """
        return self._name_shaped(word, nxt) and name_by_hmm(word)

    def _name_shaped(self, word: str, nxt: Neighbour) -> bool:
        """Tell whether a word looks like a name where one may stand, the POS HMM aside."""
        if not 2 <= len(word) <= 3 or word[:1] not in self._surnames or not self._unlisted(word):
            return False  # the lookups first: most surname-led words are listed (高兴, 王国)
        if word[0] in FUNCTION_CHARS or word[-1] in FRAME_CLOSERS or self._noun_after_name(nxt):
            return False  # 让田里…: a localiser ends no given name
        # 向 | 高水平: a surname-like adjective before an everyday word
        return len(word) == 2 or self._dictionary.hsk_level(word[1:]) is None

    def names_anywhere(self, word: str, nxt: Neighbour) -> bool:
        """Tell whether a guessed word inside a clause, in no name's place, is a name (见了杜刚).

        ``names_in_place``'s checks, except that a guess after it that counts
        (两人, 三人) or is a verb with its aspect marker (打了个) is no noun the
        name would modify: jieba's guesses are read as nouns elsewhere.
        """
        return self.names_in_place(word, self._unmodified(nxt))

    def given_name_cut(self, word: str, nxt: Neighbour) -> bool:
        """Tell whether a surname and one character jieba cut apart are a name (郑 | 浩).

        The POS HMM often reads such a pair as a place or a noun (郑浩 ``ns``),
        so the caller asks ``one_proper_by_hmm``; the word's checks are
        ``names_in_place``'s.
        """
        return self._name_shaped(word, self._unmodified(nxt))

    def _unmodified(self, nxt: Neighbour) -> Neighbour:
        """Read a guess that counts (两人) or is a verb and its aspect (打了个) as no noun."""
        if nxt.kind != "word" or len(nxt.text) < 2:
            return nxt
        if nxt.text[1] in _ASPECT and self._dictionary.word_tag(nxt.text[0])[:1] == "v":
            return EDGE  # jieba lists 打了个 as a noun
        if nxt.text[0] in HAN_NUMERAL_CHARS and not self._dictionary.word_tag(nxt.text):
            return EDGE
        return nxt

    def unlisted(self, word: str) -> bool:
        """Tell whether none of CC-CEDICT, HSK or jieba's dictionary lists ``word``."""
        return self._unlisted(word)

    def _noun_after_name(self, nxt: Neighbour) -> bool:
        """Tell whether the word after a guessed name is a noun it would modify (王芳 | 文具).

        jieba tags many verb-object words ``n`` (骑车, 跑步, 唱歌); CC-CEDICT
        reads them as verbs ("to ride a bike"), and after a name they are its
        verb (张阳 | 骑车 | 上班), not a noun the name modifies.
        """
        if not CLASSES["NOUN"](nxt):
            return False
        sense = self._dictionary.short_gloss(nxt.text) or ""
        return not sense.startswith("to ")

    def _unlisted(self, word: str) -> bool:
        known = self._dictionary.contains(word) or self._dictionary.word_tag(word)
        return not known and self._dictionary.hsk_level(word) is None

    def numeral_gloss(self, word: str, prev: Neighbour = EDGE, nxt: Neighbour = EDGE) -> str | None:
        """Read a word that starts with a Han numeral: 两百多 → over two hundred.

        Only words CC-CEDICT lacks as common words (一起, 十分 and 千万 keep
        their senses) or whose rest is a measure word the table knows.
        """
        if word[:1] == _HALF and len(word) == 2:
            return self._half_gloss(word, nxt)  # 半个 | 西瓜 "half a (classifier)"
        if word[:2] == _HALF + _GENERAL_UNIT and word[2:] in ("多", "余"):
            return f"over half a {_GENERAL_CLASSIFIER}"  # 半个多 | 小时, as 两个多 | 小时
        if word.startswith(_QUITE) and len(word) > len(_QUITE):
            return self._quite_a_few(word[1:], prev, nxt)  # 好几个 "quite a few"
        if word.endswith(_ABOUT) and len(word) > len(_ABOUT):
            number = self.numeral_gloss(word[: -len(_ABOUT)], prev, nxt)
            return f"about {number}" if number else None  # 十一点左右 "about eleven o'clock"
        # 百分之十三点 alone (no digit after the point) is 13%.
        percent = han_decimal(word[3:].removesuffix("点")) if word.startswith("百分之") else None
        if percent is not None:
            return f"{percent:g}%"  # 百分之十五 "15%", 百分之八点五 "8.5%"
        if word[:2] == "第" + _FEW:
            return self._which_in_order(word[2:], nxt)  # 第几个 "which number (classifier)"
        if word[:1] == "第" and not self._dictionary.common(word):
            return self._ordinal_gloss(word[1:], nxt)
        if doubling(word):
            return doubling(word)  # 翻两番 "to quadruple"
        if word[-1:] == _DISCOUNT and discount(word[:-1]):
            return discount(word[:-1])  # 八折 "20% off", 八五折 "15% off"
        if word[:1] in VAGUE_MARKERS and word[1:2] in VAGUE_COUNTS:
            return self._vague_gloss(word, prev, nxt)  # 数十家 "dozens of (businesses)"
        if round_count(word):
            return round_count(word)  # 上千 "over a thousand", 近百 "nearly a hundred"
        if len(word) > 2 and round_count(word[:2]):
            return self._round_counted(word, prev, nxt)  # 上万名 "over ten thousand (…)"
        numeral, approx, rest = split_numeral(word)
        pair = neighbour_digits(numeral)
        if pair and not approx:
            return self._estimate_gloss(pair, rest, prev, nxt)  # 三四天 "three or four days"
        value = han_value(numeral) if numeral else None
        if value is None:
            return None
        estimated = nxt.text in APPROXIMATORS  # 一元 | 多 "over a yuan", not "univariate"
        counts = CLASSES["NOUN"](nxt) or CLASSES["ADJ"](nxt) or CLASSES["VERB"](prev) or estimated
        if word in _A_LITTLE_WORDS:
            counts = _places_time(prev, nxt)  # 下午一点 "one o'clock"; 存一点钱 "a bit"
        if self._dictionary.common(word) and not (rest and counts):
            return None  # 一家 "the whole family", but 一家公司, 开一家小店 "a (business)"
        if approx and rest[:1] in HAN_BIG:
            value *= HAN_BIG[rest[0]]  # 一百多万 "over one million"
            rest = rest[1:]
        if rest == _HOUR_PAST and not approx and value == int(value) and value <= 24:
            return f"after {english_words(int(value))} o'clock"  # 十一点多, as 7点多
        if rest == _GENERAL_UNIT + _HALF and not approx:
            return f"{english_words(value)} and a half"  # 两个半 | 小时, as CC-CEDICT's 一个半
        if not approx and rest[1:] == _HALF and rest[:1] in HALF_UNITS:
            unit = self._unit_gloss(rest[0], Neighbour(numeral, "word", "m"), nxt) or ""
            if unit[:1].isalpha() and not unit.startswith("to "):
                unit = _plural(unit, 2) or unit
                return f"{english_words(value)} and a half {unit}"  # 三岁半, 两年半
        if not approx and rest[:1] == _GENERAL_UNIT and rest[1:2] in ("多", "余") and rest[2:]:
            return self._counted_over(value, rest[1], rest[2:], nxt)  # 一个多月
        if not approx and len(rest) == 2 and rest[1] in APPROXIMATORS:
            if rest[1] == _SINCE and rest[0] in _SPAN_UNITS:
                return None  # 三年来 "three years (over the past …)", not "about three years"
            rest, approx = rest[0], rest[1]  # 三年多 "over three years": 多 after the unit
        if rest == _DECADES and value == int(value) and 0 < value < 12:
            figure = f"{english_words(int(value) * 10)} (years of age)"  # 七旬 "seventy"
            return f"{APPROXIMATORS[approx]} {figure}" if approx else figure
        if rest == WIND_GRADE and not approx and names_wind(nxt.text) and value <= BEAUFORT_TOP:
            return f"force {english_words(int(value))}"  # 十级 | 大风, as 10级 (round twelve)
        if rest == _TENTHS:
            figure = f"{round(value * 10)}%"  # 六成 "60%": 成 counts tenths
            return f"{APPROXIMATORS[approx]} {figure}" if approx else figure
        figure = english_words(value) if value < 10_000 else english_figure(value)
        if approx:
            figure = f"{APPROXIMATORS[approx]} {figure}"
        if not rest:
            return figure
        if rest in _MONTH_PARTS and not approx:
            month = _month_part(value, rest)
            if month:
                return month  # 三月底 "end of March", 十月初 "start of October"
        if rest == _JUST_OVER and not approx:
            return f"a little over {figure}"  # 四十出头 "a little over forty" (CC-CEDICT's sense)
        if rest in _RANKS and not approx and value == int(value):
            return f"{ordinal(int(value))} {_RANKS[rest]}"  # 一年级 "1st grade", 三楼 "3rd floor"
        if rest in _RANGE and not approx and CLASSES["AMOUNT"](nxt):
            return f"{figure} to"  # 八到 | 十度 "eight to" "ten": a range
        clock = _clock_time(value, rest) if not approx else None
        if clock:
            return clock
        if rest == _MONEY_PIECE and _is_money(prev, nxt):
            return f"{figure} yuan"  # 一百块 | 钱, 才五十块 "fifty yuan", not pieces
        unit = self._unit_gloss(rest, Neighbour(numeral, "word", "m"), nxt)
        bare = unit and len(rest) == 1 and _noun_tag(self._dictionary.word_tag(rest))
        if bare and not approx and unit == self._senses.choose(rest, EDGE, nxt):
            counted = self._bare_count(word, value, rest, nxt)  # a noun's own row: 两委
            if counted:
                return counted
        # A row that needs no numeral counts nothing: 算算 | 一共 is "altogether".
        common = unit and len(rest) == 1 and self._dictionary.common(word)
        if common and not estimated and unit == self._senses.choose(rest, EDGE, nxt):
            return None
        if unit is None and self._dictionary.contains(word):
            return None  # 一会儿 "a moment", 一点儿 "a bit": no measure word after the numeral
        if rest == _NUMBER_MARK and not approx and _numbers_a_thing(prev, nxt):
            return f"number {english_words(int(value))}"  # 三号 | 窗口 "number three"
        if unit and rest in _DATE_UNITS and not approx:
            return unit  # 六月 "June", 二十日 "20th": the row reads the number
        tag = self._dictionary.word_tag(rest) if unit is None else ""
        if tag == "q" or (len(rest) > 1 and tag in _UNIT_TAGS):
            unit = _plural(self._dictionary.short_gloss(rest) or "", value)  # 五分钟 "five minutes"
        if unit is None and len(rest) == 1 and _noun_tag(tag):
            return self._bare_count(word, value, rest, nxt)  # 两车 "two cars"
        noun = ""
        if unit is None and len(rest) > 1:
            # 两本书: numeral, measure word, noun; the noun says what is counted.
            unit = self._unit_gloss(rest[0], Neighbour(numeral, "word", "m"), nxt)
            tag = self._dictionary.word_tag(rest[1:])
            noun = self._dictionary.short_gloss(rest[1:]) if tag[:1] == "n" else ""
            if unit is None or not noun:
                return None
            unit = "" if unit.startswith("(") else unit
        if unit is None or unit.startswith("to "):
            return None  # a verb after 一 is no measure word: 一到周末就… "as soon as"
        unit = unit.removeprefix("a ")  # 一步 "one step", not "one a step"
        if value == 1:
            unit = _singular(unit)  # 一天多 "over one day"
        if noun:
            return f"{figure} {unit} + {noun}" if unit else f"{figure} + {noun}"
        if not unit:
            # The general classifier is a word a learner must learn to put there,
            # as any other: 十几个 "over ten (classifier)", not a bare number. An exact
            # count before a span of time reads bare (一个 | 小时 "one hour", round twelve).
            classified = rest == "个" and (bool(approx) or not _before_span(nxt))
            return f"{figure} {_GENERAL_CLASSIFIER}" if classified else figure
        if figure == "one" and not unit.startswith("(") and unit != _O_CLOCK:
            figure = "a"  # 一批 "a batch (of)"; 一台 "one (classifier for machines)"
        return f"{figure} {unit}"  # 三台 "three (classifier for machines)", as 这台

    def _round_counted(self, word: str, prev: Neighbour, nxt: Neighbour) -> str | None:
        """Read a round count and what it counts: 上万名 "over ten thousand (classifier …)".

        The count is read as 一 and its unit (上万名 as 一万名), and the round
        count's English put in front of what the numeral's gloss counts.
        """
        known = "一" + word[1:]
        value = han_value(known[:2]) or 0
        figure = english_words(value) if value < 10_000 else english_figure(value)  # as below
        counted = self.numeral_gloss(known, prev, nxt)
        if not counted or not counted.startswith(figure + " "):
            return None
        return round_count(word[:2]) + counted[len(figure) :]

    def _which_in_order(self, rest: str, nxt: Neighbour) -> str | None:
        """Read 第几 and a classifier as the question of a rank: 第几个 "which number (classifier)".

        CC-CEDICT lacks 第几; built from characters it read "(ordinal prefix) + a few".
        """
        counted = self._ordinal_gloss("一" + rest, nxt)  # read as 第一 + rest, then asked
        if not counted or not counted.startswith("first"):
            return None
        tail = counted.removeprefix("first")
        return ("which" if tail[:2] not in ("", " (") else _WHICH_IN_ORDER) + tail

    def _counted_over(self, value: float, approx: str, noun: str, nxt: Neighbour) -> str | None:
        """Read a count, 个, 多/余 and a noun in one word: 一个多月 "over one (classifier) month".

        The same words as 两个 | 多 | 月 cut apart, read together; the classifier stays.
        """
        gloss = self._senses.choose(noun, Neighbour(_GENERAL_UNIT, "word", "q"), nxt)
        gloss = (gloss or self._dictionary.short_gloss(noun) or "").split(", ")[0]
        if not gloss or gloss.startswith(("(", "to ")):
            return None
        gloss = _singular(gloss) if value == 1 else plural_noun(gloss)
        figure = english_words(value) if value < 10_000 else english_figure(value)
        return f"{APPROXIMATORS[approx]} {figure} {_GENERAL_CLASSIFIER} {gloss}"

    def _half_gloss(self, word: str, nxt: Neighbour) -> str | None:
        """Read 半 and a measure word before what it counts: 半个 | 西瓜 "half a (classifier)".

        CC-CEDICT's 半个 "half of sth" hides the measure word a learner must put
        there; 半 + a measure word CC-CEDICT lacks (半碗, 半张) reads the same way.
        Before no noun (半个多月 cut apart, a clause's end) the word keeps its sense.
        """
        if not (CLASSES["NOUN"](nxt) or CLASSES["ADJ"](nxt)):
            return None
        unit = self._unit_gloss(word[1], Neighbour("一", "word", "m"), nxt)
        if unit is None or (unit and not unit.startswith("(classifier")):
            return None  # 半点 "the least bit": 点 is no measure word before a noun
        return f"half a {unit or _GENERAL_CLASSIFIER}"

    def _bare_count(self, word: str, value: float, noun: str, nxt: Neighbour) -> str | None:
        """Read a few things counted with no measure word (两车, 三江) as English counts them.

        Only a word CC-CEDICT lacks (两国 "both countries", 一步 "a step" keep
        theirs), a count of two to ten, and a noun of one English word.
        """
        if not 2 <= value <= 10 or self._dictionary.contains(word):
            return None
        gloss = self._senses.choose(noun, EDGE, nxt) or self._dictionary.short_gloss(noun, tag="n")
        gloss = (gloss or "").split(", ")[0]
        if not _ONE_WORD.fullmatch(gloss):
            return None
        return f"{english_words(value)} {plural_noun(gloss)}"

    def _quite_a_few(self, few: str, prev: Neighbour, nxt: Neighbour) -> str | None:
        """Read 好 before 几 + unit as "quite a few": 好几个 (not "quite (a few) a few")."""
        gloss = self.word_gloss(few, (), prev, nxt)[0] or ""
        for vague in ("a few", "several"):
            if gloss.startswith(vague):
                return f"quite a few{gloss[len(vague):]}"
        return None

    def _vague_gloss(self, word: str, prev: Neighbour, nxt: Neighbour) -> str | None:
        """Read 几/数 before 十, 百, 千 or 万 as an unknown count: 几十年 "dozens of years"."""
        unit = word[1]
        known = ("" if unit == "十" else "一") + unit + word[2:]  # 几十年 as 十年, 数百名 as 一百名
        figure = english_words(han_value(known[: len(known) - len(word[2:])]) or 0)
        counted = self.numeral_gloss(known, prev, nxt) if word[2:] else figure
        if not counted or not counted.startswith(figure):
            return None
        return VAGUE_COUNTS[unit] + counted[len(figure) :]

    def _estimate_gloss(
        self, pair: tuple[int, int], rest: str, prev: Neighbour, nxt: Neighbour
    ) -> str | None:
        """Read two neighbouring digits as an estimate: 三四天 "three or four days", 五六."""
        high = english_words(pair[1])
        counted = self.numeral_gloss(_HAN_OF[pair[1]] + rest, prev, nxt) if rest else high
        if not counted or not counted.startswith(high) or rest in (_DECADES, _TENTHS):
            return None
        return f"{english_words(pair[0])} or {counted}"

    def _ordinal_gloss(self, word: str, nxt: Neighbour) -> str | None:
        """Read what follows 第 as an ordinal: 第二十 "20th", 第三次 "3rd time"."""
        numeral, approx, rest = split_numeral(word)
        value = han_value(numeral) if numeral and not approx else None
        if value is None or value != int(value):
            return None
        figure = ordinal_words(int(value))  # 第一 "first", 第三 "third", 第十二 "12th"
        if not rest:
            return figure
        placed = _ranked_place(figure, rest, nxt)
        if placed:
            return placed
        if rest == _GENERAL_UNIT:
            return f"{figure} {_GENERAL_CLASSIFIER}"  # 第一个 | 孩子 "first (classifier)"
        unit = self._unit_gloss(rest, Neighbour(numeral, "word", "m"), nxt)
        if unit is None or unit.startswith("to "):
            return None
        # A classifier reads as one, as after a cardinal (第五届 "fifth (classifier for …)").
        if not unit.startswith("("):
            unit = _singular(unit)
        elif "classifier" not in unit:
            unit = ""
        return f"{figure} {unit}".strip()

    def _unit_gloss(self, rest: str, numeral: Neighbour, nxt: Neighbour) -> str | None:
        """Return the gloss of what follows a numeral ("" for a bare 个), None if unknown."""
        if rest.startswith("个") and len(rest) > 1:
            unit = self._senses.choose(rest[1:], Neighbour("个", "word", "q"), nxt)
            return unit if unit else None
        unit = self._senses.choose(rest, numeral, nxt)
        verb = self._dictionary.word_tag(rest)[:1] == "v"
        if verb and unit and unit == self._senses.choose(rest, EDGE, nxt):
            unit = None  # a verb's row that holds without the numeral counts nothing (一到)
        if unit is None and len(rest) == 1:
            # A measure word the table lacks: its CC-CEDICT classifier sense (三栋 buildings).
            counted = self._dictionary.short_gloss(rest, tag=COUNTED) or ""
            unit = counted if counted.startswith("(classifier for ") else None
        if unit is None:
            return None
        return "" if unit.startswith("(general") else unit

    def compound_gloss(
        self,
        word: str,
        reading: tuple[str, ...] = (),
        before: Neighbour = EDGE,
        after: Neighbour = EDGE,
    ) -> str | None:
        """Gloss a word CC-CEDICT lacks from its best split into dictionary words.

        The split is the one jieba would make (the most probable by jieba's
        word frequencies: 家门口 → 家 门口, not 家门 口), and each part takes its
        contextual sense, its neighbours being the other parts and, at the
        ends, the word's own neighbours (这 | 封信: 封 counts letters):
        收入水平 "income level", 该市 "the city". A doubled verb is the verb
        (问问 "to ask").
        """
        if len(reading) != len(word):
            reading = ("",) * len(word)
        half = len(word) // 2
        doubled = len(word) in (2, 4) and word[:half] == word[half:]
        if doubled and self._dictionary.common(word[:half]):
            # A doubled verb does it a little, as the verb before 一下 (算算 as 算一下).
            row = self._senses.choose(word[:half], before, _A_LITTLE) or ""
            verb = row if row.startswith("to ") else None
            verb = verb or self._dictionary.short_gloss(word[:half], reading[:half], tag="v")
            if verb and verb.startswith("to "):
                return verb
        pairs = len(word) == 4 and word[0] == word[1] and word[2] == word[3]
        if pairs and self._dictionary.common(word[::2]):  # 干干净净 "clean"
            return self._dictionary.short_gloss(word[::2], reading[::2])
        described = self.doubled_description(word, reading)
        if described:
            return described
        halved = self.halved(word)
        if halved:
            return halved
        if len(word) > 1 and word[-1] == _PLURAL and self._dictionary.common(word[:-1]):
            stem = self._dictionary.short_gloss(word[:-1], reading[:-1], tag="n")
            return plural_noun(stem) if stem else None  # 孩子们 "children"
        spans = self._best_split(word)
        glosses = self.compound_parts(word, spans, reading, before, after)
        return _join(glosses) if glosses else None

    def halved(self, word: str) -> str | None:
        """Read 上/下 before a half CC-CEDICT lists as the first or second half (round twelve).

        下半场 "second half of a game or contest", 上半程 "first half of …":
        built from characters they read "under" or "up" and the half.
        """
        order = _HALVES.get(word[:2])
        half = word[1:]
        if not order or len(word) < 3 or not self._dictionary.contains(half):
            return None
        gloss = self._senses.choose(half) or self._dictionary.short_gloss(half) or ""
        if not gloss.startswith("half"):
            return None
        return f"{order} {gloss.split(', ')[0]}"

    def compound_parts(
        self,
        word: str,
        spans: Sequence[tuple[int, int]],
        reading: tuple[str, ...] = (),
        before: Neighbour = EDGE,
        after: Neighbour = EDGE,
    ) -> list[str] | None:
        """Return the glosses of a built word's parts, as ``compound_gloss`` reads them.

        A modifier before its head noun takes its attributive sense (经济 "economic"),
        a one-character head closing the word its noun sense (站 "station"), a
        modifier's row its first sense; ``None`` when a part has no gloss.
        """
        if len(reading) != len(word):
            reading = ("",) * len(word)
        parts = [word[s:e] for s, e in spans]
        glosses = []
        for i, (s, e) in enumerate(spans):
            prev = self._neighbour(parts[i - 1]) if i else before
            nxt = self._neighbour(parts[i + 1]) if i + 1 < len(parts) else after
            tag = self._dictionary.word_tag(parts[i])
            if (
                i == len(parts) - 1 > 0
                and len(parts[i]) > 1
                and tag[:1] == "v"
                and prev.tag[:1] == "n"
            ):
                tag = "vn"  # after a noun, a compound ends in its head noun: 职能作用
            if len(parts[i]) == 1:
                tag = tag_in_context(tag, prev, nxt, counted=True)  # 这起 | 事故: counted
            attributive = self.attributive(parts[i]) if _noun_head(nxt) else None
            learner = attributive or self._senses.choose(parts[i], prev, nxt)
            if i == len(parts) - 1 > 0 and len(parts[i]) == 1:
                learner = self._closing_head(parts[i], prev, learner) or learner
            learner = self._classifier(parts[i], reading[s:e], tag, prev, nxt, learner) or learner
            # Inside a built gloss a modifier's row gives its first sense (本周 "this
            # week"); a verb keeps its alternatives (看电视 "to look at, to watch + TV").
            modifier = learner and learner[:3] != "to " and "(" not in learner
            gloss = learner.split(", ")[0] if modifier else _verb_senses(learner)
            gloss = gloss or self._dictionary.short_gloss(parts[i], reading[s:e], tag=tag)
            if not gloss:
                return None
            glosses.append(gloss)
        return glosses

    def term_english_gloss(
        self, word: str, reading: tuple[str, ...], gloss: str, built: bool, english: str
    ) -> str | None:
        """Return a term part's sense in the form the term's English uses (term_parts.used_sense).

        A part CC-CEDICT lists takes its sense whose words the English has as
        they are (全国 "national", 示范 "demonstration"); a part glossed from
        its words (``built``: 组织部 "to organize + ministry") is rebuilt from
        their senses when the English has one of each (组织 "organization", 部
        "department": "organization department"), else it stays. ``english``
        is the term's English and its alternatives, joined by " | ".
        """
        if not built:
            return used_sense(gloss, self._term_senses(word, reading), english)
        words = [word[s:e] for s, e in self._best_split(word)]
        if len(words) < 2:
            return None
        found = [used_sense("", self._term_senses(w, ()), english) for w in words]
        return _join([f for f in found if f]) if all(found) else None

    def _term_senses(self, word: str, reading: tuple[str, ...]) -> list[str]:
        """Return a word's common senses, then those of its proper entries (中 "Chinese").

        A term's English may say what a character abbreviates (中药材 "Chinese
        medicinal herbs"); a surname is no such sense.
        """
        proper = [
            sense
            for pinyin, entry in self._dictionary.entries(word)
            if pinyin[:1].isupper()
            for sense in sense_pieces(entry)
            if not sense.startswith(("surname ", "abbr. "))
        ]
        return [*self.word_senses(word, reading), *proper]

    def _closing_head(self, head: str, prev: Neighbour, chosen: str | None) -> str | None:
        """Return the noun sense of a built word's one-character head, else None.

        The last character of a word CC-CEDICT lacks is the head its parts
        close (出口品, 监测站, 政绩观): the row a head takes closing a phrase
        (站 "station", 品 "product") is its sense there, whatever follows the
        word; a verb's row ("to …") is no head's.
        """
        closing = self._senses.choose(head, prev, EDGE)
        if closing and closing != chosen and not closing.startswith("to "):
            return closing
        return None

    def doubled_description(self, word: str, reading: tuple[str, ...] = ()) -> str | None:
        """Gloss a doubled character CC-CEDICT lacks by what the doubling does.

        A doubled adjective is the adjective (早早 "early", 高高 "high"); 的 after it
        keeps the adjective (清清的 "clear"), 地 makes the adverb (轻轻地 "lightly",
        稳稳地 "stably"; an adjective English uses as its own adverb stays: 远远地
        "far"); a doubled noun or measure word is each one of them (户户 "every
        household", 村村 "every village"). ``None`` when the word is none of these
        or the character has no such English.
        """
        tail = word[2:]
        if len(word) not in (2, 3) or word[0] != word[1] or tail not in _DOUBLED_TAILS:
            return None
        if len(reading) != len(word):
            reading = ("",) * len(word)
        stem, single = word[:2], word[:1]
        if not tail and self._dictionary.word_tag(single) in _COUNTED_TAGS:
            noun = self._dictionary.short_gloss(single, reading[:1], tag="n") or ""
            noun = _singular(noun.split(", ")[0].removeprefix("a ").removeprefix("an "))
            return f"every {noun}" if _ONE_WORD.fullmatch(noun) else None
        known = self._dictionary.contains(stem)
        source = (stem, reading[:2]) if known else (single, reading[:1])
        english = (self._dictionary.short_gloss(*source, tag="a") or "").split(", ")[0]
        if not _ONE_WORD.fullmatch(english) or english in _ARTICLES:
            return None
        if _DOUBLED_TAILS[tail] != "adverb" or english.endswith("ly") or english in FLAT_ADVERBS:
            return english
        adverb = adverb_of(english)
        return adverb if self._dictionary.english_zipf(adverb) else english

    def _best_split(self, word: str) -> list[tuple[int, int]]:
        """Return the spans of the most probable split into known words (jieba's route)."""
        frequencies, total = self._dictionary.word_frequencies()
        log_total = math.log(total)
        # best[i]: (score, spans) of the best split of word[:i]
        best: list[tuple[float, list[tuple[int, int]]]] = [(0.0, [])]
        for end in range(1, len(word) + 1):
            options = []
            for start in range(max(0, end - _LONGEST_PART), end):
                part = word[start:end]
                known = self._dictionary.contains(part) or part in self._senses
                if not known and end - start > 1:
                    continue
                count = frequencies.get(part) or 0
                if part in self._senses:
                    count = max(count, _COMMON)  # the table holds frequent words only
                score = math.log(count + 1) - log_total
                options.append((best[start][0] + score, [*best[start][1], (start, end)]))
            best.append(max(options, key=lambda option: option[0]))
        return best[-1][1]

    def _neighbour(self, word: str) -> Neighbour:
        return Neighbour(word, "word", self._dictionary.context_tag(word))


def _without_neighbour(words: list[str], theirs: set[str], after: bool) -> str | None:
    """Take the neighbour's English off one end of a phrase's: what is left is the word's.

    "carbon emissions" without 碳's "carbon" is "emissions"; "the
    international media" without 国际's "international" is "media". At least
    one of the neighbour's words must go, and a word must be left.
    """
    words = list(words) if after else list(reversed(words))
    taken = False
    while words and (_content_words(words[0]) <= theirs or words[0].lower() in EMPTY_WORDS):
        taken = taken or bool(_content_words(words[0]))
        words.pop(0)
    while words and words[-1].lower() in _ARTICLES:
        words.pop()  # "the international media" without "media": "international"
    left = _content_words(" ".join(words))
    if not taken or not left or left & theirs:
        return None  # "to reduce carbon" is not 碳's: "reduce" is 减排's
    return " ".join(words if after else reversed(words))


def _before_span(nxt: Neighbour) -> bool:
    """Tell whether the next word is a span of time or opens with 月 (每个 | 月工资)."""
    return nxt.text in _SPANS or nxt.text[:1] == _MONTH_HEAD


def _noun_tag(tag: str) -> bool:
    """Tell whether jieba's tag of a counted character says noun (车 zg, 球 n)."""
    return tag[:1] == "n" or tag == _MORPHEME


def _noun_head(nxt: Neighbour) -> bool:
    """Tell whether the next word is a noun a modifier may precede: 风险, 发展 (vn)."""
    return nxt.tag[:1] == "n" or nxt.tag == "vn"


def _modifies(prev: Neighbour, nxt: Neighbour) -> bool:
    """Tell whether a verb between these neighbours may modify the next word, a plain noun.

    The noun is a common noun of two characters or more (not a name, a place
    or a verbal noun, which a verb takes as its object: 加强管理); before
    the verb is the edge of the sentence or a word that opens or continues a
    noun phrase, never a pronoun, an adverb or a modal (the verb's subject
    and its manner).
    """
    if nxt.kind != "word" or len(nxt.text) < 2 or nxt.tag not in _HEAD_TAGS:
        return False
    if prev.text in _VERB_BEFORE or prev.text in _ASPECT:
        return False
    if prev.kind in ("", "punct", "number"):
        return True
    return prev.tag[:1] in _BEFORE_MODIFIER or CLASSES["DEM"](prev)


def _content_words(sense: str) -> set[str]:
    """Return the words of an English sense that say something, plurals made singular."""
    words = set()
    for word in _ENGLISH_WORD.findall(sense.lower()):
        if word in EMPTY_WORDS:
            continue
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return words


def _month_part(value: float | None, part: str) -> str | None:
    """Name the part of month ``value`` that ``part`` says (月底 "end of May"), None if no month."""
    if value is None or value != int(value) or not 1 <= value <= 12:
        return None
    return _MONTH_PARTS[part].format(MONTHS[int(value) - 1])


def _names_month(word: str) -> bool:
    """Tell whether a word is a month written with a Han numeral (八月, 十二月)."""
    return word[-1:] == "月" and _month_part(han_value(word[:-1]), "月份") is not None


def _places_time(prev: Neighbour, nxt: Neighbour) -> bool:
    """Tell whether 一点 is one o'clock: after a time of day or 到 (下午一点, 睡到一点), or after
    是/在 before no noun (现在是一点); after any other verb, or before a noun, it is "a bit"
    (存一点钱, 剪短一点, 这是一点心意).
    """
    if CLASSES["TIME"](prev) or prev.text.endswith(_RANGE_ENDS):
        return True
    return prev.text in _CLOCK_BEFORE and not CLASSES["NOUN"](nxt)


def _is_money(prev: Neighbour, nxt: Neighbour) -> bool:
    """Tell whether a count of 块 is money: before 钱 or a price's unit (十块一斤), or closing a
    clause after a word of paying or a thing priced (花了五十块, 这件衣服一百块).

    After a verb of cutting or eating, or 了 of one, they are pieces (切成三块, 吃了两块).
    """
    if nxt.text in _MONEY_NEXT:
        return True
    if not CLASSES["CLOSE"](nxt) or prev.text in _PIECE_VERBS:
        return False
    if prev.text.removesuffix("了") in _MONEY_VERBS:
        return True
    return prev.text != "了" and not CLASSES["VERB"](prev)


def _clock_time(hour: float, rest: str) -> str | None:
    """Read the time after an hour's numeral: 点半 "half past six", 点十分 "6:10"."""
    if rest in _ABOUT_HOURS and hour == int(hour) and 0 <= hour <= 24:
        return f"around {english_words(int(hour))} o'clock"  # 三时许, as 3时许 (round twelve)
    if not rest.startswith("点") or hour != int(hour) or not 0 <= hour <= 24:
        return None
    if rest == "点钟":
        return f"{english_words(int(hour))} o'clock"
    minutes = {"点半": 30, "点一刻": 15, "点三刻": 45}.get(rest)
    if minutes is None and rest.endswith("分") and len(rest) > 2:
        minutes = han_value(rest[1:-1].removeprefix("零"))
    if minutes is None or minutes != int(minutes) or not 0 < minutes < 60:
        return None
    if minutes == 30:
        return f"half past {english_words(int(hour))}"
    if minutes == 15:
        return f"quarter past {english_words(int(hour))}"
    if minutes == 45:
        return f"quarter to {english_words(int(hour) + 1)}"
    return f"{int(hour)}:{int(minutes):02d}"


def frequency_gloss(word: str) -> str | None:
    """Read a period and a count of times as English: 一周一次 "once a week", 每天三次."""
    match = _FREQUENCY.fullmatch(word)
    if not match:
        return None
    times = han_value(match["count"])
    unit = FREQUENCY_UNITS.get(match["unit"])
    if not times or not unit:
        return None
    count = _TIMES.get(times) or f"{english_words(times)} times"
    return f"{count} a{'n' if unit[0] in 'aeiou' else ''} {unit}"


def _score_before(prev: Neighbour) -> bool:
    """Tell whether 分 after ``prev`` counts points: a Han numeral, or a number over 59.

    A clock time in Han numerals is one word (八点二十分); minutes stop at 59.
    """
    if prev.kind == "number":
        value = digits_value(prev.text)
        return value is not None and value >= _MINUTES_IN_HOUR
    return prev.kind == "word" and han_value(prev.text) is not None


def _result_down(prev: Neighbour, nxt: Neighbour) -> bool:
    """Tell whether 下 after a one-character verb completes it (拼下 | 一枚, 写下 | 一段).

    Before 一 and a measure word 下 is "next" (下一站, 等下一班车) when the
    measure word counts a turn in a sequence; a medal, a record or an order
    (一枚, 一项, 一笔) is what the action won, so 下 is its result.
    """
    if len(prev.text) != 1 or prev.tag[:1] != "v" or prev.kind != "word":
        return False
    return (
        len(nxt.text) == 2 and nxt.text[0] == "一" and nxt.text[1] not in _SEQUENCE_MEASURES
    )


def _numbers_a_thing(prev: Neighbour, nxt: Neighbour) -> bool:
    """Tell whether a numeral + 号 numbers the noun after it (三号窗口), not a day (三月八号)."""
    noun = CLASSES["NOUN"](nxt) or nxt.tag == "s"  # 窗口 s: a place word
    if prev.text[-1:] == _MONTH or not noun or nxt.tag[:1] == "t":
        return False
    return nxt.kind == "word" and nxt.text not in _DAY_PARTS


def _counted_after_plural(word: str, prev: Neighbour) -> bool:
    """Tell whether a count of a few (几年) follows 这/那, which read "these"/"those"."""
    return word[:1] == _FEW and len(word) > 1 and prev.text in _PLURAL_DEMONSTRATIVES


def _counted_several(prev: Neighbour) -> bool:
    """Tell whether a word counts several with 个: 三个, 两个, 一个半 (not 一个)."""
    text = prev.text
    if prev.kind != "word" or _GENERAL_MEASURE not in text[-2:]:
        return False  # the cheap checks first: most words hold no 个
    numeral, _, rest = text.partition(_GENERAL_MEASURE)
    if rest not in ("", _HALF):
        return False
    value = han_value(numeral)
    return value is not None and (value > 1 or rest == _HALF)


def _noun_word(n: Neighbour) -> bool:
    """Tell whether a neighbour is a noun by jieba's tag (消费者, 医院)."""
    return n.kind == "word" and n.tag[:1] == "n"


def _relative_month_part(word: str) -> str | None:
    """Read a part of a month named from now: 上月底 "end of last month", 下月初."""
    if len(word) != 3 or word[1] != _MONTH:
        return None
    month, part = _RELATIVE_MONTHS.get(word[0]), _RELATIVE_PARTS.get(word[2])
    return part.format(month) if month and part else None


def _several(word: str) -> bool:
    """Tell whether a word counts more than one thing: 几年, 两天, 三个月 (not 一年)."""
    if word[:1] == _FEW and len(word) > 1:
        return True  # 几年, 几天
    numeral, approx, rest = split_numeral(word)
    if not rest:
        return False
    value = han_value(numeral)
    return value is not None and (value > 1 or bool(approx))


def _counts(prev: Neighbour) -> bool:
    """Tell whether a word after ``prev`` is counted: after a numeral or a demonstrative."""
    return CLASSES["NUM"](prev) or CLASSES["DEM"](prev)


def _used_as_verb(prev: Neighbour, nxt: Neighbour) -> bool:
    """Tell whether a verbal noun between these neighbours is the verb (暂不调整, 检查了)."""
    return prev.text in _VERB_BEFORE or nxt.text in _ASPECT



def _remembered(memo: dict, key, make: Callable[[], Any]) -> Any:
    """Return ``memo[key]``, made on a miss; a full memo starts again (bounded memory)."""
    if key in memo:
        return memo[key]
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    value = memo[key] = make()
    return value


def tag_in_context(tag: str, prev: Neighbour, nxt: Neighbour = EDGE, counted: bool = False) -> str:
    """Read a word's part of speech from the words around it.

    After 的 a verb is a noun (群众的需求 "demand"); after a degree adverb
    (很 太 非常 …) it is an adjective or a state (很满意 "satisfied"). A
    verbal noun after a negation or a modal, or before an aspect particle, is
    the verb (暂不调整 "to adjust", 检查了 "to inspect"). A single character
    that may be ``counted`` is a measure word after a demonstrative (这起 事故)
    and, unless it is a verb, after a numeral (三栋 "(classifier for buildings)").
    """
    if counted and (CLASSES["DEM"](prev) or tag[:1] != "v" and CLASSES["NUM"](prev)):
        return COUNTED
    if tag == "vn" and (_used_as_verb(prev, nxt) or verb_after_adverb(tag, prev, _DEGREE)):
        return "v"
    if tag[:1] != "v":
        return tag
    if prev.text in _NOUN_BEFORE:
        return "vn"
    if prev.text in _DEGREE:
        return "a"
    return tag


def plural_noun(gloss: str) -> str:
    """Put the first sense of a noun's gloss in the plural (学生们 "students"); else keep it."""
    first = gloss.split(", ")[0]
    if first.startswith(("to ", "(")) or not first.replace(" ", "").isalpha():
        return gloss
    head, _, last = first.rpartition(" ")
    if last in _IRREGULAR_PLURALS.values() or last in ("I", "we", "you", "they", "he", "she"):
        return gloss
    many = _IRREGULAR_PLURALS.get(last) or (last[:-3] + "men" if last.endswith("man") else None)
    many = many or _plural(last, 2) or last
    return f"{head} {many}".strip()



def _singular(unit: str) -> str:
    """Return a counted unit in the singular: "days" "day", "kinds (of)" "kind (of)"."""
    head, space, rest = unit.partition(" ")
    return _SINGULAR.get(head, head) + space + rest


def _plural(unit: str, value: float) -> str | None:
    """Return a one-word English unit in the plural after a number other than one."""
    if not unit.isalpha():
        return None
    if value == 1 or unit.endswith("s"):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + ("es" if unit.endswith(("x", "ch", "sh")) else "s")


def _headed(noun: str) -> str:
    """Drop the article of a noun a modifier reads into: 犯罪 | 嫌疑人 "crime suspect"."""
    return noun.removeprefix("a ").removeprefix("an ")


def _verb_senses(gloss: str | None) -> str | None:
    """Keep a verb row's "to …" senses inside a built word: 送 "to send, to give".

    A row giving a verb's two uses (建设 "to build, construction") reads as the
    verb in a built word; its noun sense would make the parts a list.
    """
    if not gloss or not gloss.startswith("to ") or ", " not in gloss:
        return gloss
    senses: list[str] = []
    for piece in gloss.split(", "):
        if senses and senses[-1].count("(") > senses[-1].count(")"):
            senses[-1] += ", " + piece  # inside brackets: "to do (make, play)"
        else:
            senses.append(piece)
    return ", ".join(s for s in senses if s.startswith("to "))


def _join(glosses: list[str]) -> str:
    """Join the parts' glosses: a determiner or a modifier reads straight into a noun.

    该市 "the city", 收入水平 "income level"; a verb keeps the "+" that says
    the English is built, not found: 送工 "to send + work".
    """
    # The general classifier says nothing after a number or 每 (每个 "each"); after a
    # verb it is the article (找个 "to look for + a").
    glosses = [
        ("a" if left.startswith("to ") else "") if g.startswith("(general") else g
        for left, g in zip(["", *glosses], glosses, strict=False)
    ]
    # A classifier between a determiner and its noun says nothing in English (这条河 "this river").
    glosses = [
        g
        for g, right in zip(glosses, [*glosses[1:], ""], strict=True)
        if g and not (right and g.startswith("(classifier for "))
    ] or ["(general classifier)"]
    out = glosses[0]
    for left, right in zip(glosses, glosses[1:], strict=False):
        if left in _DETERMINERS or left in _NUMBER_WORDS:
            right = right.removeprefix("a ").removeprefix("an ")  # 一步 "one step"
        if left in _ONE_OF:
            right = _singular(right)  # 每户 "each household", 这户 "this household"
        plain = left in _DETERMINERS or not (left.startswith(("to ", "(")) or right[:3] == "to ")
        if plain:
            right = _headed(right)
        out += f" {right}" if plain else f" + {right}"
    return out


__all__ = ["GlossChooser", "plural_noun", "tag_in_context"]


def one_word(romanised: str) -> str:
    """Write a transliterated name as one word: Yi Wan → Yiwan (a foreign name has no surname)."""
    first, *rest = romanised.split()
    return first + "".join(part.lower() for part in rest)


# Round eleven (issue 12): the measure words of a rank after 第 + numeral, and what
# they name where no noun follows (获得第一名 "first place"; 第一名患者 counts a patient).
_RANK_UNITS = {"名": "place"}


def _ranked_place(figure: str, rest: str, nxt: Neighbour) -> str | None:
    """Return 第N名 closing a phrase as a rank, "first place", else None."""
    unit = _RANK_UNITS.get(rest)
    if unit is None or _noun_head(nxt) or nxt.kind == "name":
        return None
    return f"{figure} {unit}"

