"""Round twelve's clause readings: 的 closing a relative clause, and verbs their object decides.

The learner-senses rows read one token either side. These read a few words:
的 after a verb and its object, at the start of the phrase it closes (参加比赛的选手
"the players who take part"); 开 before a prescription or an invoice ("to write
out, to issue"); 起 before a name ("to give"); 开展 before an exhibition ("to
open, to hold"). Each answers only for its own word, gated by a set lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from zhreader.pipeline.words.senses import particle_name

Tagger = Callable[[str], str]

RELATIVE = "relative"
ISSUE = "to write out, to issue"
GIVE_NAME = "to give (a name)"
HOLD_SHOW = "to open, to hold (an exhibition)"
# The words these rules answer for (function_words.clause_gloss asks about these).
KIND_WORDS = frozenset(("开", "起", "开展"))

# Personal pronouns a verb may take as its object before 的 (找你的人, 帮助我们的人).
_PERSONS = frozenset(
    ("我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "大家", "别人")
)
# Verbs that do not act on the noun after them: copulas, possession, prepositions
# jieba tags as verbs (是我的书, 有他的信, 像妈妈的人, 到北京的车 is kept for 到).
_NOT_ACTING = frozenset(
    ("是", "有", "像", "在", "当", "作为", "成为", "属于", "为", "对", "给", "把", "被", "叫")
    + ("没有", "不是", "就是", "也是", "都是", "还有", "只有", "变成", "成")
)
# What stands for the sentence's start among the openers.
_SENTENCE_START = "^"
# What may stand before the verb of a relative clause that opens a noun phrase:
# a demonstrative or a count (那个找你的人, 一位参加比赛的选手), a time, 所有 (所有参加比赛的人);
# not 来/去 of purpose, whose verb is the predicate (来保持党的先进性).
_PHRASE_OPENERS = frozenset(
    ("这", "那", "这个", "那个", "这位", "那位", "这些", "那些", "一个", "一位", "一些")
    + ("所有", "凡是", "每个", "每位", "刚", "刚才", "专门", "正在", "经常", _SENTENCE_START)
)
# 由 + an agent + a verb + 的: what the agent did (由市文联主办的书画展).
_BY = "由"
# Adverbs before a verbal noun that make it the verb of a relative clause (正在施工的路段).
_ONGOING = frozenset(("正在", "正", "刚", "刚刚", "已经", "即将", "新", "尚未", "仍在"))
# Objects 开 writes out: prescriptions, receipts, invoices, certificates (开药, 开发票).
_DOCUMENTS = ("药", "药方", "处方", "发票", "收据", "证明", "单子", "罚单", "假条", "介绍信")
_DOCUMENTS += ("票据", "账单", "条子", "病历", "诊断书", "清单", "检查单", "化验单", "缴费单")
# Names 起 gives (起了个名字, 给狗起名).
_NAMES = frozenset(("名", "名字", "外号", "绰号", "小名", "网名", "昵称", "别名", "笔名", "艺名"))
_NAMES |= {"英文名", "中文名", "新名字", "好名字"}
# What an exhibition is called (书画展, 摄影展, 展览, 博览会); not 发展, 进展.
_SHOWS = ("画展", "品展", "影展", "成果展", "艺术展", "图片展", "文物展", "主题展", "特展")
_SHOWS += ("联展", "个展", "大展", "展览", "展会", "博览会", "展销会", "展示会")
# Words between a verb and its object that say nothing of the object: aspect, counts.
_FILLERS = frozenset(("了", "过", "个", "一个", "一张", "一些", "些", "点", "一点", "张", "份"))
_FILLERS |= {"一次", "一场", "一份", "几张", "两张", "一", "几", "次", "场", "出", "好"}
_FILLER_TAGS = frozenset(("m", "q", "mq", "ul", "uz", "ug"))
# How far after its verb an object is looked for, and a name after 起.
_OBJECT_REACH = 4
_NAME_REACH = 6
# Aspect markers between the verb of a relative clause and its object (帮助过我的人).
_ASPECTS = frozenset(("过", "了", "着"))


def relative_de(
    before: Sequence[str], after: Sequence[str], tag: Tagger, opened: bool = False
) -> str | None:
    """Read 的 before its noun as closing a relative clause: a verb and its object before it.

    那个找你的人, 所有参加比赛的选手, 正在施工的路段. Only where something shows that the
    verb opens a noun phrase (a demonstrative, a count, a time, 所有 before it, or
    the sentence's start: ``opened``):
    elsewhere the verb as often takes the whole phrase as its object (提高人民的生活水平
    "the people's"), and there 的 stays the possessive.
    """
    if not after or len(before) < 2:
        return None
    if len(before) > 2 and (before[-2] in _ASPECTS or _determiner(before[-2], tag)):
        before = (*before[:-2], before[-1])  # 帮助过我的人, 参加此次培训的: the verb, its object
    prev, verb = before[-1], before[-2]
    prev_tag = tag(prev)
    if prev_tag == "vn" and verb in _ONGOING:
        return particle_name(RELATIVE)
    object_like = prev in _PERSONS or prev_tag[:1] == "n" or prev_tag == "vn"
    verb_tag = tag(verb)
    if not object_like or verb_tag[:1] != "v" or verb_tag == "vn" or verb in _NOT_ACTING:
        return None
    # After a comma the verb is as often the predicate (…，增强孩子们的安全意识); at the
    # sentence's start it opens the subject (参加此次培训的教师来自…).
    opener = before[-3] if len(before) > 2 else _SENTENCE_START if opened else ""
    if opener in _PHRASE_OPENERS or tag(opener) in ("t", "m", "mq"):
        return particle_name(RELATIVE)
    return None


def _determiner(word: str, tag: Tagger) -> bool:
    """Tell whether a word determines the object after it (此次, 这次, 本届, 一场)."""
    return word[:1] in _DETERMINING and len(word) == 2 or tag(word) in ("m", "mq")


# The first characters of determiners between a verb and its object (此次, 这项, 本届).
_DETERMINING = frozenset("这那此本该各每")


def agent_de(before: Sequence[str], tag: Tagger) -> str | None:
    """Read 的 closing 由 + an agent + a verb as closing a relative clause (由市文联主办的展览).

    The verb stands right before 的 (主办, 组织, 研发); 由他的朋友 is a possessive.
    """
    if len(before) < 3 or _BY not in before[:-2] or tag(before[-1])[:1] != "v":
        return None
    return particle_name(RELATIVE)


def verb_by_object(
    word: str, before: Sequence[str], after: Sequence[str], tag: Tagger
) -> str | None:
    """Read 开, 起 or 开展 by the object after it (开了些药, 起了个名字, 开展了一次书画展)."""
    if word == "起":
        # The name may have its own modifier first (起了一个好听的名字).
        return GIVE_NAME if any(x in _NAMES for x in after[:_NAME_REACH]) else None
    if word == "开":
        return ISSUE if any(x.endswith(_DOCUMENTS) for x in _objects(after, tag)) else None
    if all(x in _FILLERS for x in after) and any(x.endswith(_SHOWS) for x in before):
        return HOLD_SHOW  # 书画展日前在美术馆开展: the show opens
    return HOLD_SHOW if _object(after, tag).endswith(_SHOWS) else None


def _objects(after: Sequence[str], tag: Tagger) -> Sequence[str]:
    """Return the words after a verb up to the next verb (开了三天的药; not 开车去买药)."""
    out = []
    for word in after[:_OBJECT_REACH]:
        kind = tag(word)
        if kind[:1] == "v" and kind != "vn":
            break
        out.append(word)
    return out


def _object(after: Sequence[str], tag: Tagger) -> str:
    """Return the first word after a verb that is not an aspect marker or a count."""
    for word in after[:_OBJECT_REACH]:
        # 名 is a measure word too (三名学生), but after 起 the name it gives.
        if word in _NAMES or word not in _FILLERS and tag(word) not in _FILLER_TAGS:
            return word
    return ""


__all__ = [
    "GIVE_NAME",
    "HOLD_SHOW",
    "ISSUE",
    "KIND_WORDS",
    "RELATIVE",
    "agent_de",
    "relative_de",
    "verb_by_object",
]
