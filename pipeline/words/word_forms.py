"""The word-class form of a sense: an adjective used as an adverb, a verb used as a noun.

CC-CEDICT gives most Chinese adjectives as English adjectives (认真 "serious",
突然 "sudden", 耐心 "patient; patience"); Chinese uses the same word before a
verb or before 地 where English needs the adverb (认真阅读 "seriously", 耐心地回答
"patiently"). A verb right after a verb that takes an action as its object
(促进就业, 推动就业) is the action named, a noun. A verbal noun after an adverb
(共检查, 不断发展) is the verb. Issue 12, round twelve: "word-class forms".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from zhreader.pipeline.words.senses import Neighbour

# The particle that makes an adverb of the word before it (耐心地, 科学地, 悄悄地).
ADVERB_MARK = "地"
# jieba's tags of adjectives that may stand straight before a verb as its manner.
ADJECTIVE_TAGS = frozenset(["a", "ad"])
# Verbs after which an adjective is a predicate or a subject, not a manner: 健康是…,
# 等 closing a list (孤独、焦虑等), which jieba tags the verb "to wait", and 得 of a
# complement (紧张得睡不着), whose CC-CEDICT gloss is a verb's.
NOT_MANNER_VERBS = frozenset(
    ["是", "有", "没有", "在", "为", "成", "成为", "属于", "等于", "就是", "不是", "像", "叫"]
    + ["等", "等等", "得"]
)
# Adjectives whose verb after them is what they describe, "convenient for" it
# (方便照顾老人, 适合孩子阅读), not a manner: "conveniently" misreads them.
FITNESS_ADJECTIVES = frozenset(["方便", "便于", "适合", "适宜", "值得", "难以", "可以"])
# jieba's tags of words whose other senses may give the adverb (耐心 "to be patient"):
# adjectives and descriptive words, not nouns (针对性 "purpose" is no "purposely").
DESCRIPTIVE_TAGS = frozenset(["a", "ad", "an", "z", "b"])
# Before an adjective, what opens a noun phrase it describes, so that the verb after it
# is a noun (发挥重要作用, 的重大转变, 提供了根本遵循, 实现温和增长): 的, aspect marks,
# numerals, classifiers and prepositions; a verb too unless it is a modal (可高效承接, 要认真对待).
NOUN_PHRASE_OPENERS = frozenset(["的", "了", "着", "过", "之"])
OPENER_TAGS = frozenset(["m", "mq", "q", "p", "uj", "ul", "uz", "ug"])  # 从不同场景: p
MODALS = frozenset(
    ["可", "可以", "应", "应该", "应当", "要", "将", "会", "能", "能够", "需要", "必须", "得以"]
    + ["愿意", "敢", "肯", "想", "请", "让", "使", "帮助", "帮", "开始", "继续", "学会"]
)
# Verbs that take an action as their object (进行调查, 加强管理, 促进就业, 实现增长):
# a verb right after one is the action named, a noun (gloss.noun_in_noun_place) of
# no more than ``ACTION_NOUN_WORDS`` words (促进开放: not "unrestrained by convention").
ACTION_NOUN_WORDS = 2
ACTION_TAKERS = frozenset(
    ["进行", "加强", "促进", "实现", "推动", "推进", "开展", "加快", "保障", "扩大", "带动"]
    + ["得到", "受到", "给予", "予以", "加以", "做好", "抓好"]
)
# jieba's tags of adverbs after which a verbal noun is the verb (共检查, 不断发展, 认真检查),
# and the words jieba tags so that describe a noun (日常生活 "daily life", 最新进展).
ADVERB_TAGS = frozenset(["d", "ad"])
ATTRIBUTIVE_ADVERBS = frozenset(["日常", "最新", "最后", "最终", "最初", "最近", "一般", "长期"])
# English adjectives that are their own adverbs (走得快 "fast"), and how many adverbs to show.
FLAT_ADVERBS = frozenset(["far", "high", "low", "fast", "early", "late", "hard", "long", "close"])
MOST_ADVERBS = 2
# An English adverb rarer than this (Zipf × 100) is not a form a learner meets: "stably".
ADVERB_ZIPF = 200
_ONE_WORD = re.compile(r"[a-z]+")
_BE = "to be "


def adverb_of(adjective: str) -> str:
    """Return the English adverb made from an adjective: strict → strictly, rapid → rapidly."""
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("le") and len(adjective) > 3:
        return adjective[:-1] + "y"  # simple → simply
    if adjective.endswith("y") and len(adjective) > 3:
        return adjective[:-1] + "ily"  # steady → steadily
    if adjective.endswith("ll"):
        return adjective + "y"  # full → fully
    return adjective + "ly"


def adjective_before(word: str, tag: str, prev: Neighbour, nxt: Neighbour) -> bool:
    """Tell whether an adjective may be the manner of the next word, if that is a verb.

    An adjective of two characters or more is, right before a verb (认真阅读,
    明显增加); not before a copula or 有 (健康是…, 困难有…), where it is a
    subject, nor after what opens a noun phrase (发挥重要作用: the verb is a
    noun it describes). Before 地 every word is (``ADVERB_MARK``): the caller
    asks that first.
    """
    if tag not in ADJECTIVE_TAGS or len(word) < 2 or nxt.text in NOT_MANNER_VERBS:
        return False
    if word in FITNESS_ADJECTIVES:
        return False
    return not opens_noun_phrase(prev)


def opens_noun_phrase(prev: Neighbour) -> bool:
    """Tell whether the word before an adjective opens the noun phrase it describes."""
    if prev.text in NOUN_PHRASE_OPENERS or prev.tag in OPENER_TAGS:
        return True
    return prev.tag[:1] == "v" and prev.text not in MODALS


def adverbs(
    shown: str, senses: Iterable[str], zipf: Callable[[str], int], tag: str = "a"
) -> str | None:
    """Return the English adverbs of a gloss, else of the entry's senses, joined by ", ".

    The shown gloss's words come first (认真 "conscientious" → "conscientiously");
    where none makes a known adverb (耐心 "patience"), the entry's senses are
    read in order if jieba's ``tag`` says the word describes (耐心 "to be
    patient" → "patiently"; a noun's senses would make "purposely" of 针对性).
    A sense that is an adverb already ("suddenly", "fast") stays as it is.
    None when no sense makes a known adverb, or the shown gloss is a verb.
    """
    if not shown or any(part.startswith("to ") for part in shown.split(", ")):
        return None  # 努力 "effort, to strive", 明确 "clear, to make clear": verbs too
    if shown.endswith("ly"):
        return None  # an adverb already: 小心翼翼 "very carefully"
    pools = [shown.split(", ")] + ([list(senses)] if tag in DESCRIPTIVE_TAGS else [])
    for pool in pools:
        found = _adverbs(pool, zipf)
        if found:
            return ", ".join(found[:MOST_ADVERBS])
    return None


def _adverbs(words: Iterable[str], zipf: Callable[[str], int]) -> list[str]:
    found: list[str] = []
    for sense in words:
        word = sense.removeprefix(_BE)  # 耐心 "to be patient": the adjective "patient"
        if not _ONE_WORD.fullmatch(word):
            continue
        if word in FLAT_ADVERBS:
            adverb = word
        elif word.endswith("ly"):
            adverb = word if zipf(word) >= ADVERB_ZIPF else ""
        else:
            adverb = adverb_of(word)
            adverb = adverb if zipf(adverb) >= ADVERB_ZIPF else ""
        if adverb and adverb not in found:
            found.append(adverb)
    return found


def verb_after_adverb(tag: str, prev: Neighbour, degree: frozenset[str]) -> bool:
    """Tell whether a verbal noun after this word is the verb: after an adverb (共检查, 不断发展).

    Not after a degree word, which makes the word a state (很满意: gloss.tag_in_context),
    nor after the words jieba tags adverbs that describe a noun (日常生活, 最新进展).
    """
    if tag != "vn" or prev.tag not in ADVERB_TAGS:
        return False
    return prev.text not in degree and prev.text not in ATTRIBUTIVE_ADVERBS
