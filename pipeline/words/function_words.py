"""Readings of function words that the grammar of their clause decides: 得, 地, 为.

g2pM learned its readings from encyclopedia sentences, where 为 is nearly
always the copula wéi (此地原为医院) and 得/地 often the verb dé or the noun
dì. In news and everyday prose these words are just as often the preposition
wèi (为群众办实事), the complement marker de (跑得快) and the adverbial de
(认真地做). The rules here read the words around the character, with jieba's
part-of-speech tags, and answer only where the construction is clear; any
other case goes back to the context model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from zhreader.han import HAN_CLASS

# Bump when a rule changes: it is part of the pinyin reader's signature.
GRAMMAR_RULES_VERSION = "2"

_HAN_START = re.compile(f"[{HAN_CLASS}]")
_HAN_ONLY = re.compile(f"[{HAN_CLASS}]+")

# Words after which 得 is the modal děi ("must") when a verb follows: adverbs
# and pronouns (你得去, 还得继续). 得 right after any other word is the
# complement marker de (跑得快, 办得好).
_DEI_BEFORE = frozenset(
    ("还", "就", "也", "都", "总", "总是", "非", "只", "又", "才", "必", "可", "这", "那")
    + ("我", "你", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "大家", "谁")
)
# After these 得 is the verb dé (得了奖, 得过), not a modal or a complement.
_DE2_AFTER = frozenset(["了", "过", "到", "着"])

# Marks that end a clause for the 为 rule (the enumeration comma 、 does not).
_CLAUSE_ENDS = frozenset("，。；！？：,;!?:")
# Modal verbs: jieba tags them v, but 要为人民服务 is the preposition wèi.
_MODALS = frozenset(
    ("要", "能", "会", "应", "应该", "应当", "可以", "可", "愿意", "想", "将", "必须")
    + ("需要", "敢", "肯", "能够", "务必", "须")
)
# Adverbs that stand before the copula wéi (均为, 原为, 多为, 分别为).
_COPULA_ADVERBS = frozenset(
    ("均", "皆", "即", "乃", "原", "亦", "多", "分别", "依次", "主要", "大多", "大都")
    + ("全部", "多数", "大部分", "一般", "通常", "则")
)

Tagger = Callable[[str], str]


def grammatical_reading(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Return the numbered reading of ``words[w]`` if its grammar decides it, else None."""
    word = words[w]
    if word in ("得", "地"):
        return _particle(words, w)
    if word == "为":
        return _wei(words, w, tag)
    return None


def _particle(words: Sequence[str], w: int) -> str | None:
    """Read the structural particles 得 and 地 standing alone, from their neighbours.

    地 between a word of two or more Han characters and the next word is the
    adverbial de (悄悄地走, 认真地做); 得 after a verb or adjective is the
    complement de, after an adverb or a pronoun and before a verb the modal děi.
    """
    word = words[w]
    before = words[w - 1] if w > 0 else ""
    after = words[w + 1] if w + 1 < len(words) else ""
    if not (_HAN_START.match(before[-1:]) and _HAN_START.match(after[:1])):
        return None
    if word == "地":
        return "de5" if len(before) > 1 and _HAN_ONLY.fullmatch(before) else None
    if after in _DE2_AFTER:
        return None
    return "dei3" if before in _DEI_BEFORE else "de5"


def _wei(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Tell the copula wéi (此地原为医院) from the preposition wèi (为群众办事).

    wéi: in 以…为… and 为…所…, after a verb (评为, 贬为) and after the adverbs
    that go with the copula (均为, 原为). wèi: when a verb follows in the same
    clause as its predicate (为群众办实事, 为推动发展); a verb straight after
    为 counts only where 为 opens the clause or follows an adverb, an
    adjective or a modal (为加快建设, 积极为企业服务), since after a subject it starts a modifier
    of the copula's noun (此地原为位于…的医院). Anything else is left to the
    context model.
    """
    before, after = _clause(words, w)
    prev = before[-1] if before else None
    if "以" in before or any(x.startswith("所") for x in after):
        return "wei2"
    after_verb = prev is not None and prev not in _MODALS and _is_verb(tag(prev))
    if after_verb or prev in _COPULA_ADVERBS:
        return "wei2"
    predicates = [i for i, x in enumerate(after) if _is_verb(tag(x)) and not _modifies(after, i)]
    if not predicates:
        return None
    # After a closing bracket or quote (本报讯(某某)为推动…) 为 opens the clause too.
    opens = prev is None or not _HAN_START.match(prev[:1]) or prev in _MODALS
    opens = opens or tag(prev)[:1] in ("d", "c", "a", "b")
    if predicates[0] == 0 and not opens:
        return None
    return "wei4"


def _modifies(after: Sequence[str], i: int) -> bool:
    """Tell whether the verb ``after[i]`` modifies a noun: 的 follows, then its noun.

    为…属的动物: 属 is no predicate. A clause-final 的 closes 是…的 instead
    (这是专门为你做的), and there the verb is the predicate.
    """
    return i + 2 < len(after) and after[i + 1] == "的"


def _clause(words: Sequence[str], w: int) -> tuple[Sequence[str], Sequence[str]]:
    """Return the words of ``words[w]``'s clause before it and after it."""
    start = w
    while start > 0 and words[start - 1] not in _CLAUSE_ENDS:
        start -= 1
    end = w + 1
    while end < len(words) and words[end] not in _CLAUSE_ENDS:
        end += 1
    return words[start:w], words[w + 1 : end]


def _is_verb(tag: str) -> bool:
    return tag.startswith("v")


__all__ = ["GRAMMAR_RULES_VERSION", "grammatical_reading"]
