"""Readings of function words that the grammar of their clause decides: 得, 地, 为, 还.

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
from zhreader.names import FRAME_CLOSERS, PLACE_HEADS
from zhreader.pipeline.structure.layout_words import words as layout_words
from zhreader.pipeline.structure.sentences import ENDERS
from zhreader.pipeline.words.clause_kinds import KIND_WORDS, agent_de, relative_de, verb_by_object
from zhreader.pipeline.words.senses import particle_name

# Bump when a rule changes: it is part of the pinyin reader's signature.
GRAMMAR_RULES_VERSION = "10"

_HAN_START = re.compile(f"[{HAN_CLASS}]")
_HAN_ONLY = re.compile(f"[{HAN_CLASS}]+")

# Words after which 得 is the modal děi ("must") when a verb follows: adverbs
# and pronouns (你得去, 还得继续). 得 right after any other word is the
# complement marker de (跑得快, 办得好).
_DEI_BEFORE = frozenset(
    ("还", "就", "也", "都", "总", "总是", "非", "只", "又", "才", "必", "可", "这", "那")
    + ("我", "你", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "大家", "谁")
    + ("一定", "必须")  # 一定得去看看, 必须得走了
)
# After these 得 is the verb dé (得了奖, 得过), not a modal or a complement.
_DE2_AFTER = frozenset(["了", "过", "到", "着"])

# Marks that end a clause for the 为 rule (the enumeration comma 、 does not).
_CLAUSE_ENDS = frozenset("，。；！？：,;!?:")
# A clause is read at most this many words either side of the word: news clauses
# are far shorter, and a line without punctuation must not make every rule read
# the whole line (quadratic time).
_CLAUSE_REACH = 40
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


# Demonstratives and measure phrases before a noun subject (这事得…, 那件事得…).
_DEMONSTRATIVES = frozenset(
    ("这", "那", "这件", "那件", "这个", "那个", "这种", "那种", "这些", "那些", "此")
)
# Personal pronouns: 还 + one of these + a thing is returning it (还你那本书).
_PERSONS = frozenset(
    ("我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "人家", "别人")
)
# Degree adverbs: an adjective follows (很干, 太干).
_DEGREE = frozenset(("很", "太", "挺", "真", "非常", "比较", "特别", "更", "最", "有点", "十分"))
# Before the measure word 种: demonstratives, numerals and quantifiers (这种, 各种, 三种).
_MEASURE_BEFORE = frozenset("这那哪一二两三四五六七八九十百几多各每某该此")
# What starts the returned thing after 还 + person: a demonstrative or a numeral.
_THING_STARTS = frozenset("这那一两几每")


def grammatical_reading(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Return the numbered reading of ``words[w]`` if its grammar decides it, else None."""
    word = words[w]
    if word in ("得", "地"):
        return _particle(words, w, tag)
    if word == "为":
        return _wei(words, w, tag)
    if word == "还":
        return _huan(words, w, tag)
    if word == "种":
        return _zhong(words, w, tag)
    if word == "干":
        return _gan(words, w, tag)
    if word == "长":
        return _chang(words, w)
    return None


# Degree words and bounds before the adjective 长 "long" (很长, 太长, 不够长, 多长).
_LONG_AFTER = _DEGREE | {"不够", "够", "这么", "那么", "多", "较", "蛮", "超", "好", "有点儿"}


def _chang(words: Sequence[str], w: int) -> str | None:
    """Read 长 as the adjective cháng "long" after a degree word (头发很长) or before 了 and
    a little (袖子长了一点儿 "a bit too long"), not zhǎng "to grow"."""
    if w > 0 and words[w - 1] in _LONG_AFTER:
        return "chang2"
    rest = words[w + 1 : w + 3]
    return "chang2" if len(rest) == 2 and rest[0] == "了" and rest[1] in _A_LITTLE else None


_A_LITTLE = frozenset(("一点", "一点儿", "点", "点儿", "一些", "些"))


def potential_reading(word: str, offset: int) -> str | None:
    """Return the numbered reading of 得/了 in a verb and its potential complement, else None.

    The segmenter joins them into one word (去不了, 吃得了) that no dictionary
    lists: 了 there is the verb liǎo "to be able to finish", not the aspect
    particle le, and 得 the complement marker de.
    """
    if len(word) != 3 or word[1] not in "不得" or word[2] != "了":
        return None
    if offset == 2:
        return "liao3"
    return "de5" if offset == 1 and word[1] == "得" else None


def _zhong(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 种 as the verb zhòng after a subject or an adverb (我种的西瓜, 他们种了树).

    After a numeral or a demonstrative it is the measure word zhǒng (这种, 各种,
    三种), which the models read well; only the verb needs the rule.
    """
    before = words[w - 1] if w > 0 else ""
    if before[-1:] in _MEASURE_BEFORE or tag(before)[:1] == "m":
        return "zhong3"
    if before in _PERSONS or before in _MODALS or tag(before)[:1] == "d":
        return "zhong4"
    return None


def _gan(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 干 alone: gān after a degree adverb (很干, 太干), gàn after a verb phrase.

    After a verb (加油干, 接着干) or a verb and its object (撸起袖子干) it is the
    verb "to do"; after a pronoun or a modal too (他干, 要干).
    """
    before = words[w - 1] if w > 0 else ""
    if before in _DEGREE or _dried(words, w, tag):
        return "gan1"
    if _done_by_someone(words, w):
        return "gan4"
    if before in _PERSONS or before in _MODALS or _is_verb(tag(before)):
        return "gan4"
    if w > 1 and tag(before)[:1] == "n" and (_is_verb(tag(words[w - 2])) or not tag(words[w - 2])):
        return "gan4"
    return None


def _huan(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 还 as the verb huán where what follows is returned, else leave it to the models.

    huán before 了 at a clause's end (钱已经还了), before a noun object (还钱,
    还书) and before a person and then the thing (还你那本书, 还他一个公道).
    """
    after = words[w + 1] if w + 1 < len(words) else ""
    later = words[w + 2] if w + 2 < len(words) else ""
    if _compared_before(_clause(words, w)[0]):
        return "hai2"  # 比去年还热: 'even', whatever the word after it
    if after == "了" and (not later or not _HAN_START.match(later[:1])):
        return "huan2"
    if after in _PERSONS and later[:1] in _THING_STARTS:
        return "huan2"
    if after in _PERSONS and tag(later) == "n":
        return "huan2"
    if tag(after) == "n" and len(after) == 1:
        return "huan2"
    return None


def _particle(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read the structural particles 得 and 地 standing alone, from their neighbours.

    地 between a word of two or more Han characters and the next word is the
    adverbial de (悄悄地走, 认真地做); 得 after a verb or adjective is the
    complement de, after an adverb or a pronoun and before a verb the modal děi,
    and so after a noun subject before a verb or adverb (借书得坐车, 这事得赶紧办).
    """
    word = words[w]
    before = words[w - 1] if w > 0 else ""
    after = words[w + 1] if w + 1 < len(words) else ""
    if word == "得" and _must_opening(before, after, tag):
        return "dei3"
    if word == "地" and _land(words, w):
        return "di4"
    if not (_HAN_START.match(before[-1:]) and _HAN_START.match(after[:1])):
        return None
    if word == "地":
        return "de5" if len(before) > 1 and _HAN_ONLY.fullmatch(before) else None
    if after in _DE2_AFTER:
        # A person who 得了/得过 something got it (你得了什么病); after a verb
        # (跑得了) it is the complement, left to the context model.
        return "de2" if before in _PERSONS else None
    if before in _DEI_BEFORE or _noun_subject(words, w, tag) and tag(after)[:1] in ("v", "d"):
        return "dei3"
    return "de5"


def _land(words: Sequence[str], w: int) -> bool:
    """Tell whether 地 standing alone is the noun dì, "land": counted, or closing a sentence.

    After a measure word of land (这块地, 三亩地; not 一块一块地搬, piece by
    piece) and before a sentence's end after one character (这是一块好地。) it
    is the noun: the adverbial de stands before what it describes.
    """
    before = words[w - 1] if w > 0 else ""
    after = words[w + 1] if w + 1 < len(words) else ""
    if (not after or after[:1] in ENDERS) and len(before) == 1:
        return True  # 一块好地。; not 慢慢地。, an adverb's de left to the model
    doubled = w > 1 and words[w - 2] == before
    return before[-1:] in _LAND_COUNTS and not doubled


# Measure words of land (一块地, 这片地, 三亩地).
_LAND_COUNTS = frozenset("块片亩垄畦")


def _noun_subject(words: Sequence[str], w: int, tag: Tagger) -> bool:
    """Tell whether the word before ``words[w]`` is a noun subject (借书, 这事).

    A single-character noun counts only after a demonstrative (这事得), since
    after a person it is often a verb (他气得说不出话).
    """
    before = words[w - 1]
    if len(before) > 1 and before[0] in ("这", "那") and before[-1] not in ("里", "儿", "样", "么"):
        return True  # 这事, 那件事: a demonstrative and its noun
    if tag(before)[:1] != "n" or tag(before) in ("nr", "ns"):
        return False
    return len(before) > 1 or (w > 1 and words[w - 2] in _DEMONSTRATIVES)


def _wei(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Tell the copula wéi (此地原为医院) from the preposition wèi (为群众办事).

    wéi: in a caption opening with its photo (图为…, 上图为…), in 以…为…
    and 为…所…, after a verb (评为, 贬为; a longer verb only where no
    predicate follows: 确定为试点村) and after the adverbs
    that go with the copula (均为, 原为). wèi: when a verb follows in the same
    clause as its predicate (为群众办实事, 为推动发展); a verb straight after
    为 counts only where 为 opens the clause or follows an adverb, an
    adjective or a modal (为加快建设, 积极为企业服务), since after a subject it starts a modifier
    of the copula's noun (此地原为位于…的医院). Anything else is left to the
    context model.
    """
    before, after = _clause(words, w)
    prev = before[-1] if before else None
    if _for_feeling(after):
        return "wei4"  # 为你高兴, 为他感到骄傲: feeling for someone
    if len(before) == 1 and prev in layout_words("caption_picture"):
        return "wei2"  # a caption: 图为村民在插秧 "pictured: villagers …"
    if "以" in before or any(x.startswith("所") for x in after) or _named_as(before, tag):
        return "wei2"
    if prev in _NAMING and len(prev) > 1:
        return "wei2"  # 确定为“…提升年”: what the naming verb makes it, whatever verb is quoted
    predicates = [i for i in range(len(after)) if _predicate(after, i, tag)]
    # A verb of two characters or more before 为 makes it the copula only when no
    # predicate follows its object (确定为试点村, but 免费为企业提供服务).
    after_verb = prev is not None and prev not in _MODALS and _is_verb(tag(prev))
    after_verb = after_verb and (len(prev) == 1 or not any(i > 0 for i in predicates))
    if after_verb or prev in _COPULA_ADVERBS:
        return "wei2"
    if _for_someone(after):
        return "wei4"
    if not predicates:
        return None
    # After a closing bracket or quote (本报讯(某某)为推动…) 为 opens the clause too.
    opens = prev is None or not _HAN_START.match(prev[:1]) or prev in _MODALS
    opens = opens or tag(prev)[:1] in ("d", "c", "a", "b")
    if predicates[0] == 0 and not opens:
        return None
    return "wei4"


def _predicate(after: Sequence[str], i: int, tag: Tagger) -> bool:
    """Tell whether ``after[i]`` is a predicate: a verb, or a word an aspect marker follows.

    jieba tags some verbs as nouns (节约 n), but 节约了 is a verb all the same.
    """
    aspect = i + 1 < len(after) and after[i + 1] in ("了", "着", "过") and len(after[i]) > 1
    return (_is_verb(tag(after[i])) or aspect) and not _modifies(after, i)


def _modifies(after: Sequence[str], i: int) -> bool:
    """Tell whether the verb ``after[i]`` modifies a noun: 的 follows, then its noun.

    为…属的动物: 属 is no predicate. A clause-final 的 closes 是…的 instead
    (这碗面是专门为你煮的), and there the verb is the predicate.
    """
    return i + 2 < len(after) and after[i + 1] == "的"


def _clause(words: Sequence[str], w: int) -> tuple[Sequence[str], Sequence[str]]:
    """Return the words of ``words[w]``'s clause before it and after it."""
    start = w
    while start > max(0, w - _CLAUSE_REACH) and words[start - 1] not in _CLAUSE_ENDS:
        start -= 1
    end = w + 1
    while end < min(len(words), w + 1 + _CLAUSE_REACH) and words[end] not in _CLAUSE_ENDS:
        end += 1
    return words[start:w], words[w + 1 : end]


def _is_verb(tag: str) -> bool:
    return tag.startswith("v")


# --- glosses the clause decides ------------------------------------------------------------
#
# The learner-senses table reads one token either side; these few function words
# take their sense from further away: 也 from a 连 or a "one …" before it, 的 from
# the 是 its clause opens with, 近 from the time unit after the numeral.

# Bump when a gloss rule changes: it is part of the annotator's signature.
CLAUSE_GLOSS_VERSION = "9"
EVEN = "even"
AT_ALL = "(not) at all, even"
STILL = "still, even so"
# Particle names (data/particle_names.tsv) of the 的 these rules read.
EMPHASIS = "emphasis"
NOMINAL = "nominal"
# What 叫/让/请 mean before a person and what the person is to do (叫我去买菜).
ASKING = {
    "叫": "to ask, to tell (sb to)",
    "让": "to let, to make, to tell (sb to)",
    "请": "to ask, to invite (sb to)",
}
IN_THE_COURSE = "in, during"
# 在 opening a frame (在 … 中, 在 … 上, 在 … 时): "at, in", not the progressive.
FRAME_OPENER = "在"
AT_IN = "at, in"
THE_PAST = "(in) the past, recent"
OVER_THE_PAST = "(over the past …)"
REPLY = "to reply (to), to answer"
ANY = "any, anything"
ALREADY = "already"
ABOUT_TO = "going to, about to"
# Words before 也 and a negation that make it "(not) at all": the least amount,
# or a question word used for "any" (一点也不累, 谁也不知道, 什么也没说).
_LEAST = frozenset(
    ("一点", "一点儿", "半点", "丝毫", "一丝", "一毛", "一分", "一分钱", "谁", "什么", "哪")
    + ("哪儿", "哪里", "任何", "啥", "怎么", "一下", "一会儿", "一刻")
)
_NEGATIONS = frozenset(
    ("不", "没", "没有", "别", "未", "无", "并不", "从不", "从没", "不能", "不用", "不必", "不要")
    + ("不想", "不会", "没法", "用不着", "不需要", "从来不", "从来没")
)
# Words that make a later 也 concessive: "still, even so" (即使下雨也要去, 再冷也去).
# 即使 and its kin may open the clause before (即使下雨，我们也去); 再 and 怎么 only its own.
_CONCEDING = frozenset(("即使", "就算", "哪怕", "无论", "不管", "纵然", "即便"))
_CONCESSIVE = _CONCEDING | {"再", "怎么"}
# Verbs after which 什么 is the object asked about, not "any" (不知道什么时候).
_ASKING = frozenset(("知道", "明白", "清楚", "懂", "记得", "问", "告诉", "确定", "知", "想想"))
# What stands before a clause-final 的 of 是…的 (是我做的): the clause's opener.
_LIKELY = frozenset(("会", "不会", "肯定会", "一定会", "总会", "才会", "也会", "都会"))
_AFFIRMING = _LIKELY | {"是", "都是", "就是", "也是", "不是", "正是", "可是"}
# Degree words before an adjective that a clause-final 的 rounds off (挺好的, 蛮合适的).
_QUITE = frozenset(("挺", "蛮", "怪", "还挺", "倒挺", "真", "很", "太", "特别", "非常", "够"))
_TIME_UNITS = ("个月", "星期", "小时", "季度", "年", "天", "日", "周", "月")
# A message a later 回 answers (消息我还没回, 他的短信我一条也没回).
_MESSAGES = frozenset(
    ("消息", "信息", "微信", "短信", "邮件", "信", "电话", "留言", "私信", "评论", "电邮")
)
_MESSAGE_CLOSERS = frozenset(("了", "呢", "吗", "啊", "过"))

Numeral = Callable[[str], bool]
# The words ``clause_gloss`` may answer for: the annotator asks only about these.
_GIVE_WORD = "给"
GIVE = "to give"
# Who 给 hands something to: a pronoun, a person's name, a noun (给妈妈一个拥抱).
_RECIPIENT_TAGS = frozenset(("r", "nr", "n"))
CLAUSE_WORDS = frozenset(("也", "的", "近", "来", "回", "什么", "都", "要", "中", "快", "一边"))
CLAUSE_WORDS |= set(ASKING)
CLAUSE_WORDS |= {"一", "出", "下", "起", "还", "就是", FRAME_OPENER}
CLAUSE_WORDS |= {_GIVE_WORD}  # round eleven: 给 + a person + the thing given


def clause_gloss(words: Sequence[str], w: int, tag: Tagger, numeral: Numeral) -> str | None:
    """Return the gloss of ``words[w]`` that its clause decides, else None.

    ``numeral`` tells whether a word is a number (三, 5, 一百).
    """
    word = words[w]
    if word == "也":
        return _ye(words, w, tag)
    if word == "的":
        return _emphatic_de(words, w, tag) or _closing_de(words, w, tag) or _relative(words, w, tag)
    if word == "近":
        return _recent(words, w, numeral)
    if word == "来":
        return _over_the_past(words, w, numeral)
    if word == "回":
        return _reply(words, w)
    if word == "什么":
        return _any(words, w)
    if word == "都":
        return _already(words, w, numeral) or _even_all(words, w, tag) or _both(words, w)
    if word == "要":
        return _takes_time(words, w, numeral) or _about_to(words, w)
    if word == "中":
        return _within(words, w)
    if word == FRAME_OPENER:
        return _at_place(words, w, tag) or _framed(words, w)
    if word in ASKING:
        return _asking(words, w, tag)
    if word == "快":
        return _hurry(words, w, tag)
    if word == _AT_ONCE_WORD:
        return _at_once(words, w)
    if word == _GIVE_WORD:
        return _give(words, w, tag, numeral)
    if word in ROUND_ELEVEN_WORDS:
        return _round_eleven(words, w, tag, numeral)
    if word in KIND_WORDS:
        gloss = verb_by_object(word, *_clause(words, w), tag)
        if gloss or word != "起":
            return gloss
    return _in_context(words, w, tag)


def _in_context(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Return the round-ten gloss of 一, 出, 下, 起 or 还 that its clause decides, else None."""
    word = words[w]
    if word == "一":
        return _as_soon_as(words, w, tag)
    if word == "出":
        return _goes_wrong(words, w, tag)
    if word == "下":
        return _falls(words, w)
    if word == "起":
        return _from_on(words, w)
    if word == "还":
        return _even_more(words, w, tag)
    if word == "就是":
        return _drawback(words, w)
    return None


AS_SOON_AS = "as soon as, once"
HAPPEN = "to happen, to go wrong"
FALL = "to fall (rain, snow)"
FROM_ON = "from (then) on"
EVEN_MORE = "even (more)"
BUT = "but, it's just that"
# Verdicts of praise a 就是 of 'but' follows (不错，就是贵了点).
_PRAISE = frozenset(("不错", "好", "好吃", "好看", "方便", "便宜", "漂亮", "舒服", "可以", "还行"))
# Words that name a drawback in the clause after 就是 (就是颜色有点暗, 就是话太多, 就是不好停车).
_DRAWBACK = frozenset(
    ("有点", "有点儿", "有些", "太", "不太", "不够", "没", "没有", "不", "稍微", "略", "比较")
    + ("偏", "过于", "不大", "不好", "不能", "难")
)
# How far after 一 its 就 may stand (一有空就…, 天一黑，路灯就亮了).
_THEN_REACH = 8
# What follows a 一 that counts rather than times: a measure word or a number (一天就写完了).
_COUNTING_TAGS = frozenset(("m", "mq", "q"))
# Mishaps 出 brings about (出事, 出了点问题, 出什么差错); a word ending in 错 or 事 is one too.
_MISHAPS = frozenset(
    ("事", "事故", "问题", "故障", "差错", "毛病", "意外", "车祸", "乱子", "岔子", "状况")
    + ("事儿", "错", "错误", "险情", "纰漏", "偏差", "危险")
)
# Words that may stand between 出 and its mishap (出了点问题, 出了什么事, 出过一次事故).
_BEFORE_MISHAP = frozenset(("了", "过", "点", "点儿", "什么", "个", "一点", "大", "这么", "这种"))
# What falls when 下 falls (下了一场大雪, 下起了雨, 雨下得很大).
_WEATHER = frozenset("雨雪雹")
# Words that open the frame 起 closes (从下个月起, 自明年一月一日起).
_FROM = frozenset(("从", "自", "由", "打", "从今", "自从"))
# 起 closes the frame only a few words on: 从 | 明年 | 一月 | 一日 | 起.
_FROM_REACH = 5


def _as_soon_as(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 一 a 就 follows in its clause or the next as "as soon as" (一有空就去, 一听就哭).

    Not after a verb (看一眼就知道: a count), nor before a measure word or a
    number (一天就写完了), nor where 就 is in another sentence.
    """
    if w > 0 and _is_verb(tag(words[w - 1])) and words[w - 1] not in _MODALS:
        return None  # but 可一转身就忘了: 可 "but" (a modal to jieba) counts nothing
    after = words[w + 1 : w + 1 + _THEN_REACH]
    if not after or tag(after[0]) in _COUNTING_TAGS or after[0] in _CLAUSE_ENDS:
        return None
    for k, x in enumerate(after):
        if x in ENDERS:
            return None
        if x == "就" and k > 0:
            return AS_SOON_AS
    return None


def _goes_wrong(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 出 before a mishap as "to happen, to go wrong" (出事故, 出了什么事, 出了一起车祸).

    A count may stand between (出了两次故障, 出了一起车祸: jieba tags 一起 a numeral).
    """
    for x in words[w + 1 : w + 4]:
        if x in _MISHAPS or len(x) > 1 and x[-1] in "错事" or x.endswith("事故"):
            return HAPPEN
        if x not in _BEFORE_MISHAP and tag(x) not in _COUNTING_TAGS:
            return None
    return None


def _falls(words: Sequence[str], w: int) -> str | None:
    """Read 下 near the rain or snow it brings as falling (下了一场大雪, 雨一直下到早上)."""
    before, after = _clause(words, w)
    if any(x[-1:] in _WEATHER and len(x) <= 2 for x in before[-3:]):
        return FALL
    for k, x in enumerate(after[:4]):
        if x[-1:] in _WEATHER and (k > 0 or len(x) > 1):
            return FALL
        if k == 0 and x in ("的", "面", "边"):
            return None  # 桌子下的雪: 'under'; but 下了一夜的雪 falls
    return None


def _from_on(words: Sequence[str], w: int) -> str | None:
    """Read 起 closing a frame 从/自 opens as "from (then) on" (从下个月起, 自一月一日起)."""
    before, after = _clause(words, w)
    if after and after[0] in ("不", "得", "来", "床"):
        return None  # 起不来, 起床: the verb
    return FROM_ON if any(x in _FROM for x in before[-_FROM_REACH:]) else None


def _even_more(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 还 after 比 and its term, before an adjective, as "even (more)" (他比我还高).

    The adjective may be a word jieba tags otherwise when it ends the clause
    (比去年还热), or a modal before the verb compared (比我还能吃).
    """
    before, after = _clause(words, w)
    if not _compared_before(before) or not after:
        return None
    if tag(after[0])[:1] == "a" or after[0] in _MORE or len(after) == 1:
        return EVEN_MORE
    return None


def _compared_before(before: Sequence[str]) -> bool:
    """Tell whether a 比 stands just before in the clause (比我还高, 比去年还热).

    A term a 的 closes may be longer (比商店里卖的还好吃).
    """
    return "比" in before[-4:] or bool(before) and before[-1] == "的" and "比" in before[-7:]


# What follows 比…还 before the verb compared (比我还要高, 比他还能吃, 比谁都还会说).
_MORE = frozenset(("要", "更", "能", "会", "爱", "喜欢"))


def _drawback(words: Sequence[str], w: int) -> str | None:
    """Read 就是 opening a clause after a comma, before a drawback, as "but, it's just that".

    这双鞋挺舒服的，就是颜色有点暗 names the one fault after the praise; so does
    a 就是 after a clause of degree or praise (挺好吃的，就是每次都要排队). Without
    either (…，就是全国的方向) it explains, and is left.
    """
    if w == 0 or words[w - 1] not in ("，", "；"):
        return None
    _, after = _clause(words, w)
    if any(x in _DRAWBACK for x in after[:6]):
        return BUT
    praised, _ = _clause(words, w - 1)  # 包子挺好吃的，就是每次都要排队: praise, then the catch
    return BUT if any(x in _QUITE or x in _PRAISE for x in praised) else None


AT_ONCE = "(doing) while"
_AT_ONCE_WORD = "一边"
# 一边是山，一边是海: before these the pair names two sides, not two actions.
_SIDE_VERBS = frozenset(("是", "有"))


def _at_once(words: Sequence[str], w: int) -> str | None:
    """Read 一边 paired with another in its sentence as two actions at once.

    一边洗碗一边哼歌, 妈妈一边做饭，一边听广播: "(doing) while", whether or not
    jieba tags the action a verb (洗碗 is a noun to it); the pair may span a
    comma, not a sentence's end. A 一边 before 是/有 names a side.
    """
    if _names_a_side(words, w):
        return None
    for step in (1, -1):
        k = w + step
        while 0 <= k < len(words) and abs(k - w) <= _CLAUSE_REACH and words[k] not in ENDERS:
            if words[k] == _AT_ONCE_WORD:
                return None if _names_a_side(words, k) else AT_ONCE
            k += step
    return None


def _names_a_side(words: Sequence[str], w: int) -> bool:
    return w + 1 < len(words) and words[w + 1] in _SIDE_VERBS


QUICKLY = "quickly, hurry (up)"
SOON = "almost, soon"


def _hurry(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 快 before an action: "almost, soon" when 了 closes the clause, else "quickly".

    快开始了, 快吃完了 say it is about to happen; 快吃吧, 快把门关上, 快走 urge it.
    """
    before, after = _clause(words, w)
    if before and (before[-1] in _DEGREE or before[-1] == "超"):
        return None  # 很快, 超快充: the adjective "fast"
    if not after or not (_is_verb(tag(after[0])) or after[0] in _URGED):
        return None
    if after[-1] == "了" and after[0] != "把":
        return SOON
    return QUICKLY


# What 快 urges that jieba tags no verb (快把门关上, 快点儿, 快去).
_URGED = frozenset(("把", "点", "点儿", "去", "来", "跑", "走", "回家", "上车", "下车"))


def _asking(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 叫/让/请 before a person and a verb as asking them to do it (叫我去买菜).

    The person is one or two words (我, 弟弟, 小 | 李, 孩子 | 们); what follows
    must be an action: a verb, an adverb or a time (叫他别去, 让我们明天早点到).
    叫 before a person and a name (叫他小王) is left to the table ("to call");
    so is 请 opening a clause, where it is "please" (请大家坐好), and 让 before
    anything but a pronoun or a name, which news makes causative (让市民受益).
    """
    before, after = _clause(words, w)
    if words[w] == "请" and not before:
        return None
    named = after and (after[0] in _PERSONS or after[0] == "大家" or tag(after[0]) in ("r", "nr"))
    if words[w] == "让" and not named:
        return None  # 让市民健身更便捷: making things so, the table's "to let, to make"
    for size in (1, 2):
        if len(after) <= size or not all(_personal(x, tag) for x in after[:size]):
            return None
        if _acts(after[size], tag) and after[size] not in _NEXT_CLAUSE:
            return ASKING[words[w]]
    return None


def _personal(word: str, tag: Tagger) -> bool:
    """Tell whether a word may be (part of) a person: a pronoun, a name, a noun (弟弟, 小 | 李)."""
    if word in _PERSONS or word in ("大家", "们", "人", "人们"):
        return True
    # jieba tags some kin words as places (哥哥 ns); a word it lacks is most often a name.
    kind = tag(word)
    return (kind[:1] == "n" or kind in ("r", "")) and word not in _NOT_PERSONS


# Pronouns that name no person (叫什么, 让这件事).
_NOT_PERSONS = frozenset(
    ("什么", "这", "那", "这个", "那个", "这样", "那样", "怎么", "这么", "那么")
)


def _acts(word: str, tag: Tagger) -> bool:
    """Tell whether a word opens what someone is to do: a verb, an adverb or a time."""
    kind = tag(word)
    return kind[:1] == "v" and kind != "vn" or kind in ("d", "t") or word in _DOING


# Adverbs that open what follows a clause, not what the person is asked to do
# (它一听见我叫它就跑过来: 就 follows the whole 一…clause).
_NEXT_CLAUSE = frozenset(("就", "便", "才"))
# Words jieba tags otherwise that open an action (叫他早点来, 让我把门关上).
_DOING = frozenset(("早点", "早点儿", "少", "多", "先", "把", "别", "赶紧", "赶快", "快", "好好"))


def _ye(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 也 as "even" after 连, "(not) at all" after the least before a negation.

    连早饭也没吃 "even", 一点也不累 / 一句话也没说 / 谁也不知道 "(not) at all",
    即使…也 / 再冷也 / 怎么追也 "still, even so"; a plain 也 is "also".
    """
    before, after = _clause(words, w)
    if "连" in before:
        return EVEN
    negated = bool(after) and (after[0] in _NEGATIONS or after[0][:1] in ("不", "没"))
    near = before[-3:]
    if negated and any(x in _LEAST or _one_of(x, tag) for x in near):
        return AT_ALL
    earlier = words[max(0, w - _CLAUSE_REACH) : w]
    if any(x in _CONCESSIVE for x in before) or any(x in _CONCEDING for x in earlier):
        return STILL
    # What was done does not change what follows: 病了也来上班, 找了半天也没找着.
    if before and before[-1] == "了" or negated and "了" in before:
        return STILL
    return None


def _one_of(word: str, tag: Tagger) -> bool:
    """Tell whether a word is 一 and a measure word (一句, 一次, 一道): the least of a thing."""
    if len(word) != 2 or word[0] != "一":
        return False
    return word[1] in _MEASURES or tag(word) in ("m", "mq")


# Measure words 一 makes "a single …" of before 也 and a negation.
_MEASURES = frozenset("个次句条件点位张本口眼步分天声字样遍回趟份块杯滴根粒")


def _emphatic_de(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read a clause-final 的 after a verb, in a clause of 是 or 会, as emphasis (是我做的).

    A final particle after it leaves it clause-final (是你做的吗, 是怎么来的呢).
    """
    before, after = _clause(words, w)
    if all(x in _FINAL_PARTICLES for x in after):
        after = ()
    if after and before:
        return _the_one(before, after, tag)
    if after or len(before) < 2:
        return None
    prev = before[-1]
    if before[-2] in _QUITE and tag(prev)[:1] not in ("n", "r"):
        return particle_name(EMPHASIS)  # 挺好吃的, 蛮合适的: a judgment the particle rounds off
    if prev in _AFFIRMING or tag(prev)[:1] == "r" and not _after_verb(before):
        return None  # 这是我的 "mine"; but 是他送给我的 closes what he did
    if any(x in _LIKELY for x in before[:-1]):
        # 会…的 affirms what will be: jieba tags verbs as nouns (会生气的)
        return particle_name(EMPHASIS)
    if _chosen(before, tag):
        return particle_name(NOMINAL)  # 少吃辣的, 我要红的: the kind chosen
    if tag(prev)[:1] == "n" and not _verbish(prev):
        return None  # 这本书是老师的 "the teacher's"
    if any(x in _AFFIRMING for x in before[:-1]):
        return particle_name(EMPHASIS)
    # Without 是 the 的 makes a noun of what it closes: 卖菜的, 新来的, 我要红的.
    return particle_name(NOMINAL) if tag(prev)[:1] in ("v", "a") or _verbish(prev) else None


def _the_one(before: Sequence[str], after: Sequence[str], tag: Tagger) -> str | None:
    """Read 的 before a predicate as making a noun of what it closes (红的比蓝的好看).

    With no noun after it, 的 after a verb phrase or an adjective and before an
    adverb of the clause, a copula or 比 is "the one(s) that": 卖水果的已经走了, 我说的不对,
    小的就行, 穿白衣服的是我姐姐.
    """
    # Only an adverb of the clause, a copula or 比: before a verb
    # 的 is most often "of" a verbal noun (市场的需求, 党的建设), before a noun
    # "of" too, and a degree adverb often opens the noun's modifier (的最大问题).
    if not _opens_predicate(before, after, tag):
        return None
    if _compared(before, after, tag):
        return particle_name(NOMINAL)
    prev = tag(before[-1])
    # A verb and its object (卖 | 水果, 穿 | 白 | 衣服; jieba tags 穿 a morpheme).
    acting = any(tag(x)[:1] == "v" or tag(x) == "zg" for x in before[-3:-1])
    verb_phrase = prev[:1] == "n" and acting
    if prev[:1] in ("v", "a") or verb_phrase or _verbish(before[-1]):
        return particle_name(NOMINAL)
    return None


def _opens_predicate(before: Sequence[str], after: Sequence[str], tag: Tagger) -> bool:
    """Tell whether the words after a 的 open the predicate of what it closes.

    An adverb of the clause, a copula or 比 (穿白衣服的是我姐姐); a time or
    a request before more words (卖菜的今天没来, 会开车的请举手); the
    adjective that ends a comparison (红的比蓝的好看).
    """
    if after[0] in _PREDICATE_OPENERS:
        return True
    if len(after) > 1 and after[0] in _LATER_OPENERS:
        return True
    return _compared(before, after, tag)


def _compared(before: Sequence[str], after: Sequence[str], tag: Tagger) -> bool:
    """Tell whether 的 closes the one-character term of 比 before the verdict (比蓝的好看)."""
    one = len(before[-1]) == 1 and tag(before[-1]) != "r"
    return one and "比" in before[-3:-1] and len(after) <= 2


def _chosen(before: Sequence[str], tag: Tagger) -> bool:
    """Tell whether a clause-final 的 closes the kind a verb chooses (吃辣的, 穿红的, 买新的)."""
    # 要不辣的, 要那个蓝的: a negation or a demonstrative between the verb and the kind
    between = before[-2] in ("不", "那个", "这个", "那", "这") and len(before) > 2
    verb = before[-3] if between else before[-2]
    one = len(before[-1]) == 1 and tag(before[-1])[:1] in ("a", "n")
    if verb in _CHOOSING:
        return one
    return one and tag(verb)[:1] == "v" and verb not in _AFFIRMING and verb not in _GIVING_VERBS


# Verbs of choosing that jieba tags otherwise (不要辣的, 想要大的).
_CHOOSING = frozenset(("要", "不要", "想要", "只要", "爱", "不爱", "喜欢", "不喜欢", "选", "挑"))


# Verbs whose object a clause-final 的 follows as possession, not a kind (是我的, 给他的).
_GIVING_VERBS = frozenset(("给", "送", "还", "交", "借", "属于", "归"))
# What opens the predicate after a 的-phrase, before more words (卖菜的今天没来).
_LATER_OPENERS = frozenset(
    ("请", "可以", "要", "得", "必须", "应该", "先", "能", "马上", "今天", "昨天", "明天", "别")
    + ("现在", "刚才", "后来", "平时", "早上", "晚上", "说")
)
# Particles that close a question or a statement after a clause-final 的.
_FINAL_PARTICLES = frozenset(("吗", "呢", "吧", "啊", "呀", "嘛", "啦"))
# Words that open a predicate after a noun phrase 的 closes (红的比蓝的贵, 穿红衣服的是我姐姐).
_PREDICATE_OPENERS = frozenset(
    ("是", "就是", "都是", "也是", "不是", "才是", "比", "就", "都", "也", "还", "已经", "不")
    + ("没", "没有", "才", "又", "再", "却", "刚", "刚才", "早就", "一直", "总是", "可能", "一定")
    + ("肯定", "正", "正在", "全都", "常常", "经常")
)


def _after_verb(before: Sequence[str]) -> bool:
    """Tell whether the clause's last word (a pronoun) is the object of a verb (送给我)."""
    return len(before) > 1 and before[-2][-1:] in _GIVING


# The last characters of verbs whose object a clause-final 的 follows (送给我的, 告诉我的).
_GIVING = frozenset("给诉问教")


def _verbish(word: str) -> bool:
    """Tell whether a word jieba tags a noun ends a verb phrase: a complement (出来, 好)."""
    return word[-2:] in ("出来", "起来", "回来", "过来", "下来") or word[-1:] in ("完", "好", "到")


def _recent(words: Sequence[str], w: int, numeral: Numeral) -> str | None:
    """Read 近 before a numeral and a time unit as "(in) the past" (近三年, 近一周来)."""
    if w > 0 and words[w - 1] in _AMOUNTING:
        return None  # 已有近八百年的历史: a length of nearly so long, not the recent past
    after = words[w + 1 : w + 3]
    return THE_PAST if after and _span(after, numeral) else None


# Verbs before 近 + a span that make it a length (有近百年历史, 长达近十年, 用了近三年).
_AMOUNTING = frozenset(("有", "已有", "达", "长达", "历时", "用了", "花了", "共", "约"))


def _span(after: Sequence[str], numeral: Numeral) -> bool:
    """Tell whether the words open with a span of time: 三年, 一周, 两 | 个月, 5 | 天."""
    first = after[0].removesuffix("来")  # 近 | 五年来
    for unit in _TIME_UNITS:
        if first.endswith(unit) and len(first) > len(unit) and numeral(first[: -len(unit)]):
            return True
    unit_next = len(after) > 1 and after[1].removesuffix("来") in _TIME_UNITS
    # 三个 | 月: jieba leaves the measure word with the numeral.
    return (numeral(first) or numeral(first.removesuffix("个"))) and unit_next


def _over_the_past(words: Sequence[str], w: int, numeral: Numeral) -> str | None:
    """Read 来 after a span of time as "over the past" (一周来, 三个月来)."""
    if w < 1:
        return None
    if _span(words[w - 1 : w], numeral):
        return OVER_THE_PAST
    return OVER_THE_PAST if w > 1 and _span(words[w - 2 : w], numeral) else None


def _reply(words: Sequence[str], w: int) -> str | None:
    """Read 回 as "to reply" to a message before it (消息我没回) or after a person (回我消息)."""
    after = words[w + 1 : w + 3]
    if len(after) == 2 and after[0] in _PERSONS and after[1] in _MESSAGES:
        return REPLY
    _, rest = _clause(words, w)
    closing = not rest or rest[0] in _MESSAGE_CLOSERS
    earlier = words[max(0, w - _CLAUSE_REACH) : w]
    if closing and any(x in _MESSAGES for x in earlier):
        return REPLY
    return None


def _already(words: Sequence[str], w: int, numeral: Numeral) -> str | None:
    """Read 都 before an age, an hour or a count and a clause-final 了 as "already" (都八十岁了)."""
    _, after = _clause(words, w)
    if len(after) < 2 or after[-1] != "了" or len(after) > 4:
        return None
    first = after[0]
    if first in _NEARLY and len(after) >= 3:
        return ALREADY  # 都快九点了 "it is already nearly nine"
    counted = numeral(first) or bool(first) and numeral(first[:1]) and not numeral(first)
    return ALREADY if counted or first in ("这么", "那么") else None


_NEARLY = frozenset(("快", "快要", "已经", "将近", "差不多"))


def _about_to(words: Sequence[str], w: int) -> str | None:
    """Read 要 before a short predicate and a clause-final 了 as "about to" (要下雨了, 要开始了)."""
    before, after = _clause(words, w)
    if not 2 <= len(after) <= 3 or after[-1] != "了" or "不" in after:
        return None
    return ABOUT_TO if not before or before[-1] in _IMMINENT or len(before) < 3 else None


# What may stand before 要…了 of what is about to happen (快要下雨了, 就要开学了, 马上要到了).
_IMMINENT = frozenset(("快", "就", "马上", "眼看", "又", "也", "都", "天", "车", "我们", "他"))


def _within(words: Sequence[str], w: int) -> str | None:
    """Read 中 closing a frame 在 opens as "in, during" (在一问一答中, 在此过程中)."""
    before, _ = _clause(words, w)
    return IN_THE_COURSE if "在" in before[-_FRAME_REACH:] else None


# 在 … 中 frames a few words: 在工作中, 在推进乡村振兴的过程中.
_FRAME_REACH = 10


def _framed(words: Sequence[str], w: int) -> str | None:
    """Read 在 opening a frame its clause closes as "at, in" (在推进改革的过程中，…).

    Before a verb, 在 alone marks an action in progress (孩子们在看书); a
    frame closed by a localiser or a word of time or respect (在处理这类问题上，
    在确保安全的前提下，在吃饭时聊天) makes the verb part of what 在 places the
    clause in. A closer before 的 closes no frame but a noun (他在看电视上的新闻
    is in progress).
    """
    _, after = _clause(words, w)
    for i, word in enumerate(after[:_FRAME_REACH]):
        if i and word in _FRAME_ENDS:
            closes_noun = i + 1 < len(after) and after[i + 1] == "的"
            return None if closes_noun else AT_IN
    return None

# The words that close a 在 … frame at its clause's end: the localisers
# (zhreader/data/segment_words.tsv) and words of time or respect.
_FRAME_ENDS = FRAME_CLOSERS | {"时", "时候", "方面", "期间", "之际", "同时", "当中", "之中", "之下"}


def _any(words: Sequence[str], w: int) -> str | None:
    """Read 什么 a negation comes before as "any" (没出过什么差错, 不缺什么)."""
    before, _ = _clause(words, w)
    near = list(before[-3:])
    if not any(x in _NEGATIONS for x in near):
        return None
    negation = max(i for i, x in enumerate(near) if x in _NEGATIONS)
    if any(x in _ASKING or x.endswith(tuple(_ASKING)) for x in near[negation:]):
        return None  # 不知道什么时候 asks "when"
    return ANY


__all__ = [
    "CLAUSE_GLOSS_VERSION",
    "CLAUSE_WORDS",
    "GRAMMAR_RULES_VERSION",
    "clause_gloss",
    "grammatical_reading",
    "potential_reading",
]


# --- round ten, second wave: function words still misread ---------------------------------

TAKES_TIME = "to take (time)"
# The units of a span of time after 要 (要两个小时, 要二十分钟, 要一年时间).
# Not 日 or 月 alone, nor a year of four digits: those are dates (要5月底前完成).
_SPAN_UNITS = tuple(unit for unit in _TIME_UNITS if unit not in ("日", "月"))
_SPAN_UNITS += ("分钟", "钟头", "秒", "秒钟", "时间", "工夫")


def _takes_time(words: Sequence[str], w: int, numeral: Numeral) -> str | None:
    """Read 要 before a span of time as "to take (time)" (坐火车要两个小时, 要三天).

    The span opens with a numeral (两个, 二十分钟, 一年) and its unit closes it
    within three words; a clause-final 了 (要三天了) is left to the other rules,
    and a span that 以后/之前/内 makes a point in time (要一年以后才知道) is not taken.
    """
    _, after = _clause(words, w)
    if not after or after[-1] == "了":
        return None
    first = after[0]
    if not (numeral(first) or numeral(first[:1]) or first[:1] in ("几", "半")):
        return None
    if first[:4].isdigit():
        return None  # 要2025年… is a date
    for i, word in enumerate(after[:3]):
        if word.endswith(_SPAN_UNITS):
            point = i + 1 < len(after) and after[i + 1] in _SPAN_POINTS
            return None if point else TAKES_TIME
    return None


# After a span these make it a point in time (要一年以后才知道): 要 is then "will".
_SPAN_POINTS = frozenset(("后", "以后", "之后", "前", "以前", "之前", "内", "以内", "里"))


def _at_place(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 在 before a verb and the head of a place noun as "at, in" (他在保护 | 站工作).

    jieba cuts some places named by what is done there (保护站, 修理厂, 检查站)
    into the verb and its head; 在 before the verb then places, it does not
    mark an action in progress.
    """
    if w + 2 >= len(words) or words[w + 2] not in PLACE_HEADS:
        return None
    return AT_IN if _is_verb(tag(words[w + 1])) else None


def _give(words: Sequence[str], w: int, tag: Tagger, numeral: Numeral) -> str | None:
    """Read 给 before a person and the thing handed over as the verb "to give".

    给我一杯水, 给孩子两本书, 给他钱: a person (a pronoun, a name or a noun)
    follows, then an amount (a numeral-led word) or, after a pronoun or a
    name, a noun that closes the clause. Before a verb 给 stays "for, to" (给他
    打电话, 给妈妈买了一件衣服): the person is whom it is done for.
    """
    after = _clause(words, w)[1]
    if len(after) < 2 or tag(after[0]) not in _RECIPIENT_TAGS:
        return None
    thing = after[1]
    if numeral(thing) or numeral(thing[:1]) or thing[:1] in ("几", "半"):
        return GIVE if len(thing) > 1 or len(after) > 2 else None
    if len(after) == 2 and tag(after[0]) in ("r", "nr") and tag(thing)[:1] == "n":
        return GIVE
    return None


BOTH = "both, all"
# Words that join two things before 都 (父母和孩子都, 他跟我都), and the pairs
# 都 then covers (俩, 双方, 父母): 都 is "both, all".
_JOINERS = frozenset(("和", "跟", "与", "及", "以及", "同"))
_PAIRS = frozenset(("俩", "双方", "父母", "夫妻", "两人", "两个人", "两国", "两家", "两者", "二人"))


def _both(words: Sequence[str], w: int) -> str | None:
    """Read 都 after two things joined (哥哥和姐姐都) or a pair (父母都, 俩都) as "both, all".

    Only in 都's own clause, before it; elsewhere 都 stays "all".
    """
    before = _clause(words, w)[0]
    if not before:
        return None
    if before[-1] in _PAIRS or any(word in _JOINERS for word in before):
        return BOTH
    return None


# --- round eleven (issue 12): function words whose clause the table's one neighbour misses --

AS = "as"
WAIT = "to wait (for)"
ETC = "etc."
BUT_YET = "but, yet"
BADLY = "terribly, badly"
TO_PAY = "to pay (wages), to issue"
HARD_OF_HEARING = "hard of hearing"
# The words whose gloss these rules may decide (a set lookup gates them).
ROUND_ELEVEN_WORDS = frozenset(("为", "等", "可", "连", "厉害", "发", "背", "名", "气", "生", "将"))
CLAUSE_WORDS |= ROUND_ELEVEN_WORDS
# What a list closes with before 等 "etc.": the enumeration comma inside the clause,
# or a closing quote or title mark ("联防队""老人"等组织, 《条例》《办法》等文件).
_LIST_MARKS = frozenset("、")
_CLOSING_MARKS = frozenset("”’」』》〉)）")
# 连 … 都/也 "even": the 都 or 也 closes the focus a few words on (连一句话都没说).
_EVEN_REACH = 8
_EVEN_CLOSERS = frozenset(("都", "也", "都不", "也不", "都没", "也没", "都没有", "也没有"))
# Degree words between 得 and 厉害 (疼得很厉害, 咳得太厉害了).
_BADLY_DEGREES = frozenset(("很", "太", "特别", "非常", "十分", "越来越", "更", "更加", "最"))
# Pay that 发 hands out (发工资, 发了奖金): the verb 'to pay', not 'to send'.
_WAGES = frozenset(
    ("工资", "薪水", "薪资", "薪酬", "奖金", "工钱", "年终奖", "补贴", "津贴", "退休金")
    + ("养老金", "抚恤金", "红包", "月薪", "年薪", "加班费", "绩效", "生活费", "补助")
)
# Words that close a complete clause before a comma and 可 "but" (慢吞吞的，可…).
_CLAUSE_CLOSERS = frozenset(("的", "了", "呢", "啊", "吧", "过", "着"))
# Words after a clause-initial 可 that make it "but": a negation, a subject, an adverb
# of the clause (…，可没有时间; …，可我没带伞; …，可到现在也没来).
_BUT_NEXT = frozenset(
    ("不", "没", "没有", "别", "是", "就是", "也", "还", "又", "却", "一直", "从来")
    + ("现在", "后来", "谁", "这", "那", "这次", "每次", "真", "偏偏", "总是", "始终")
)


def _round_eleven(words: Sequence[str], w: int, tag: Tagger, numeral: Numeral) -> str | None:
    """Return the round-eleven gloss of 为, 等, 可, 连, 厉害, 发, 背 or 名 its clause decides."""
    word = words[w]
    if word == "为":
        return _as_title(words, w, tag)
    if word == "等":
        return _etc_or_wait(words, w, tag)
    if word == "可":
        return _but(words, w, tag)
    if word == "连":
        return _even(words, w)
    if word == "厉害":
        return _badly(words, w)
    if word == "发":
        return _pays(words, w)
    if word == "背":
        return _deaf(words, w)
    if word == "名":
        return _rank(words, w, tag, numeral)
    if word == "气":
        return _anger(words, w)
    if word == "生":
        return _gets_angry(words, w)
    if word == "将":
        return _marks_object(words, w, tag)
    return None


# Before 为 these keep the table's sense: the copula's adverbs (均为 "to be"), 是 (是为准备… "for").
_NOT_NAMING = _COPULA_ADVERBS | {"是", "就是", "正是", "都是", "也是"}


def _as_title(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 为 "as" where the reading rule makes it the copula wéi after a verb or in 以…为.

    被评为, 选为, 称他为 "活雷锋", 以创建…为统领: what the thing is named or taken as;
    the table's "in order to" and "for" belong to the preposition wèi. The
    copula after an adverb (均为, 原为) keeps the table's "to be, is".
    """
    before, _ = _clause(words, w)
    if not before or before[-1] in _NOT_NAMING or before[-1] in layout_words("caption_picture"):
        return None
    verb = tag(before[-1])[:1] == "v" and tag(before[-1]) != "vn"  # 总投资为5亿元 is "to be"
    if not (verb or "以" in before or _named_as(before, tag)):
        return None  # tested before the reading rule, which reads the whole clause again
    return AS if grammatical_reading(words, w, tag) == "wei2" else None


# Verbs that name their object as something with 为 after it (称她为, 推选老李为组长).
_NAMING = frozenset(
    ("称", "选", "推选", "推举", "选举", "评", "任命", "聘", "聘请", "立", "认", "拜", "封")
    + ("尊", "奉", "视", "誉", "命名", "追认", "认定", "确定", "列", "定")
)


def _named_as(before: Sequence[str], tag: Tagger) -> bool:
    """Tell whether a verb of naming and its person stand before 为 (称她为, 推选老李为)."""
    if len(before) < 2 or before[-2] not in _NAMING:
        return False
    named = before[-1]
    if named in _PERSONS or tag(named) in ("r", "nr"):
        return True
    return len(named) <= 3 and tag(named)[:1] == "n"  # 推选组长为…: a short noun


def _etc_or_wait(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 等 "etc." after a list, "to wait (for)" before a short subject and its verb.

    北京、上海等城市, “老人”“新知青”等组织: a list closes with 等. 等雨停,
    躲在山洞里等雨停, 等水开了再下面: 等 waits until what follows happens.
    """
    before, after = _clause(words, w)
    if before and (before[-1] in _CLOSING_MARKS or any(x in _LIST_MARKS for x in before)):
        return ETC
    if len(after) < 2:
        return None
    subject, verb = after[0], after[1]
    short = len(subject) == 1 and tag(subject)[:1] == "n" or subject in _PERSONS
    if short and _is_verb(tag(verb)) and tag(verb) != "vn":
        return WAIT
    return None


def _but(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 可 opening a clause after a comma as "but" (想去，可没有时间; 慢吞吞的，可做起事来…).

    Before a negation, a subject or an adverb it is always the contrast; before
    a verb only where the clause before ends complete (with 的/了…), since news
    writes 可 "can" there (通过该平台，可实现…).
    """
    if w < 2 or words[w - 1] not in ("，", "；", ","):
        return None
    _, after = _clause(words, w)
    if not after:
        return None
    first = after[0]
    if first in _BUT_NEXT or first[:1] in ("不", "没") or first in _PERSONS:
        return BUT_YET
    if tag(first) in ("r", "nr") or _new_subject(after, tag):
        return BUT_YET
    if first.startswith(("以", "能")) or not (_is_verb(tag(first)) or first == "一"):
        return None  # 一 of 一…就 after a complete clause: 答应得好好的，可一转身就忘了
    return BUT_YET if words[w - 2] in _CLAUSE_CLOSERS else None


def _even(words: Sequence[str], w: int) -> str | None:
    """Read 连 that a 都/也 closes a few words on as "even" (连挑食的儿子都吃得津津有味)."""
    _, after = _clause(words, w)
    return EVEN if any(x in _EVEN_CLOSERS for x in after[1:_EVEN_REACH]) else None


def _badly(words: Sequence[str], w: int) -> str | None:
    """Read 厉害 after 得 (and a degree word) as how badly: 疼得厉害, 咳得很厉害."""
    if w > 0 and words[w - 1] == "得":
        return BADLY
    return BADLY if w > 1 and words[w - 1] in _BADLY_DEGREES and words[w - 2] == "得" else None


def _pays(words: Sequence[str], w: int) -> str | None:
    """Read 发 before wages (发工资, 发了工资, 发过奖金) as paying them, not sending."""
    after = words[w + 1 : w + 3]
    if after and after[0] in _WAGES:
        return TO_PAY
    return TO_PAY if len(after) == 2 and after[0] in _DE2_AFTER and after[1] in _WAGES else None


def _deaf(words: Sequence[str], w: int) -> str | None:
    """Read 背 a few words after the ears as "hard of hearing" (耳朵有点背, 耳朵背)."""
    before, _ = _clause(words, w)
    return HARD_OF_HEARING if any(x in ("耳朵", "耳", "耳朵儿") for x in before[-3:]) else None


# Words after which a clause-opening 得 is the modal děi: a verb or an adverb of haste.
_MUST_NEXT = frozenset(("赶紧", "赶快", "马上", "先", "提前", "早点", "抓紧", "尽快", "把", "好好"))
# Feelings 为 someone precedes as the preposition wèi (为你高兴, 为他担心, 为此感到自豪).
_FEELINGS = frozenset(
    ("高兴", "担心", "感到", "骄傲", "自豪", "难过", "着急", "伤心", "操心", "捏把汗", "欢呼")
    + ("惋惜", "遗憾", "开心", "庆幸", "揪心", "心疼", "感动", "激动", "发愁", "犯愁", "忧虑")
)
# How far after 为 its feeling may stand: 为 | 这个 | 好消息 | 欢呼.
_FEELING_REACH = 4
# Adverbs before a clause-final 干了 that say it has dried (已经干了, 第二天就干了).
_DRY_BY_NOW = frozenset(("已经", "就", "都", "早就", "早已", "全", "快", "还没", "没", "晒", "晾"))


def _must_opening(before: str, after: str, tag: Tagger) -> bool:
    """Tell whether 得 opening a clause before a verb is the modal děi (得赶紧走了, 得回家了).

    At a sentence's or a clause's start nothing stands for 得 to complement, and
    jieba tags many verbs after it nouns (回家 n): any word but an aspect marker
    (得了 "got") makes it the modal. After a word it must be one of haste (说话得赶紧).
    """
    if before and before not in _CLAUSE_ENDS and before not in ENDERS:
        return after in _MUST_NEXT and not _is_verb(tag(before)) and tag(before)[:1] != "a"
    return bool(_HAN_START.match(after[:1])) and after not in _DE2_AFTER


def _for_feeling(after: Sequence[str]) -> bool:
    """Tell whether a feeling follows 为 and a short object in its clause (为你高兴)."""
    return any(x in _FEELINGS for x in after[1:_FEELING_REACH])


def _dried(words: Sequence[str], w: int, tag: Tagger) -> bool:
    """Tell whether 干 is the adjective gān "dry": a thing's clause-final 干了, 干的 + a noun.

    After a person (我已经干了) or with an object it is the verb gàn.
    """
    before, after = _clause(words, w)
    if any(x in _PERSONS for x in before):
        return False
    if after[:1] == ["了"] and all(x in _ASKING_DONE for x in after[1:]):
        # 已经干了, 衣服干了没有: a thing (not work) that has dried
        return bool(before) and (before[-1] in _DRY_BY_NOW or _dried_thing(before[-1], tag))
    if len(after) > 1 and after[0] == "的" and tag(after[1])[:1] == "n":
        return not before or before[-1] not in _MODALS and tag(before[-1]) not in ("r", "nr")
    return False


PLACE_RANK = "place(s), rank"
# What stands before a numeral and 名 of a rank: 前三名 "the top three", 第 | 三 | 名.
_RANK_OPENERS = frozenset(("前", "第"))


def _rank(words: Sequence[str], w: int, tag: Tagger, numeral: Numeral) -> str | None:
    """Read 名 after 前/第 and a numeral, with no noun after it, as a rank (包揽前三名).

    Before a noun it counts people as everywhere (前三名选手 "three (athletes)").
    """
    if w < 2 or words[w - 2] not in _RANK_OPENERS or not numeral(words[w - 1]):
        return None
    after = words[w + 1] if w + 1 < len(words) else ""
    return None if tag(after)[:1] == "n" or tag(after) == "vn" else PLACE_RANK


# After these a clause-final 的 closes the amount of the kind chosen (大一点的, 一年以上的).
_AMOUNT_ENDS = frozenset(("一点", "一点儿", "一些", "些", "以上", "以下", "左右", "一号", "一码"))


def _closing_de(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read a clause-final 的 that no other rule read: never "of", since no noun follows.

    After an amount or a bound (换大一点的吗, 就业1年以上的，政府…) it makes
    "the one(s)"; after a vivid description (慢吞吞的, 胖乎乎的) it is the
    particle that rounds the statement off. After a noun or a pronoun it
    is "of", whose thing is left unsaid (是老师的), and stays.
    """
    nxt = words[w + 1] if w + 1 < len(words) else ""
    if nxt and nxt not in _FINAL_PARTICLES and nxt not in _CLAUSE_ENDS:
        return None  # the cheap test first: 的 is frequent, and most have a noun after them
    before, after = _clause(words, w)
    if not before or any(x not in _FINAL_PARTICLES for x in after):
        return None
    prev = before[-1]
    if prev in _AMOUNT_ENDS or tag(prev) in ("m", "mq", "q"):
        return particle_name(NOMINAL)
    if len(before) == 1 and prev in _AGREEING:
        return particle_name(EMPHASIS)  # 好的，… "OK"; 是的 "yes"
    if tag(prev) == "z" or _vivid(prev):
        return particle_name(EMPHASIS)
    return None


def _vivid(word: str) -> bool:
    """Tell whether a word is a vivid reduplicated description: 慢吞吞, 胖乎乎, 干干净净."""
    if len(word) == 3:
        return word[1] == word[2] and word[0] != word[1]
    return len(word) == 4 and word[0] == word[1] and word[2] == word[3]


# What may follow 干 that a person does at a clause's end (我一个人干, 他干了一天).
_DOING_AFTER = frozenset(("了", "吧", "吗", "呢", "过", "完", "着"))


def _done_by_someone(words: Sequence[str], w: int) -> bool:
    """Tell whether a person earlier in the clause does the 干 that closes it (这活我一个人干)."""
    before, after = _clause(words, w)
    if not any(x in _PERSONS for x in before):
        return False
    return not after or after[0] in _DOING_AFTER and len(after) > 1


def _new_subject(after: Sequence[str], tag: Tagger) -> bool:
    """Tell whether a noun and an adverb or a negation open the clause (…，可钱不够).

    News writes 可 "can" before a verb jieba tags a noun (…，可成型深度…): the
    noun must be a subject: a verb, an adverb or a negation after it.
    """
    if len(after) < 2 or tag(after[0])[:1] != "n":
        return False
    second = tag(after[1])
    return after[1][:1] in ("不", "没") or second == "d" or _is_verb(second) and second != "vn"


ANGER = "anger, angry"
# 生气 cut apart around its object: 生我的气, 生他的气 "to be angry with".
_ANGER_REACH = 4
# Words that say "OK" or "yes" with a 的 closing them (好的, 是的, 对的, 行的).
_AGREEING = frozenset(("好", "是", "对", "行", "可以", "没问题"))
# What may close 干了 asked about (干了没有, 干了吗).
_ASKING_DONE = frozenset(("没有", "没", "吗", "吧", "呢", "啊"))
# Nouns of work that 干了 does, not dries (活干了, 工作干了).
_WORK = frozenset(("活", "活儿", "事", "工作", "家务", "农活", "坏事", "好事"))


def _anger(words: Sequence[str], w: int) -> str | None:
    """Read 气 a 生 opens a few words before as anger (生我的气, 生了半天气)."""
    before, _ = _clause(words, w)
    return ANGER if "生" in before[-_ANGER_REACH:] else None


def _dried_thing(word: str, tag: Tagger) -> bool:
    """Tell whether a word before 干了 is a thing that dries (衣服, 头发), not a person or work."""
    return tag(word)[:1] == "n" and tag(word) != "nr" and word not in _WORK


GET_ANGRY = "to get (angry)"


def _gets_angry(words: Sequence[str], w: int) -> str | None:
    """Read 生 before a person, 的 and 气 as getting angry (生我的气), not giving birth."""
    after = words[w + 1 : w + 1 + _ANGER_REACH]
    angry = any(after[k] == "的" and after[k + 1] == "气" for k in range(len(after) - 1))
    return GET_ANGRY if angry else None


def _for_someone(after: Sequence[str]) -> bool:
    """Tell whether 为 opens "for" a person who an action then follows (为他点赞, 为我们服务).

    A person alone after 为 may be the copula's (获奖者为他); an action after
    the person makes 为 the preposition, whatever tag jieba gives the action.
    """
    return len(after) > 1 and after[0] in _PERSONS and bool(_HAN_START.match(after[1][:1]))


# The 将 of the object marker: 将 + its object + a verb and its result (将厂房改造成,
# 将今年确定为, 将垃圾投放到): the result closes the verb a few words on.
_RESULTS = ("成", "为", "入", "给", "到", "至", "进")
_RESULT_REACH = 6
# What opens the future after 将: a preposition or an adverb of manner (将于, 将全面推行).
_WILL_OPENERS = frozenset(
    ("于", "在", "从", "对", "与", "和", "向", "由", "为", "以", "按", "按照", "根据", "通过")
    + ("全面", "逐步", "陆续", "正式", "统一", "大力", "重点", "分别", "依法", "全力", "持续")
    + ("集中", "首次", "共同", "同步", "深入", "广泛", "长期", "率先", "适时", "另行", "继续")
    + ("进一步", "再次", "重新", "尽快", "及时", "直接", "免费", "不断", "加快", "有", "是")
)


def _marks_object(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 将 before its object and a verb with a result as the object marker (将厂房改造成…).

    将 + a verb is "will" (将达到, 将建设…), but where what follows 将 is a
    noun phrase (a verb may modify it: 废弃 | 厂房) and a verb of result closes
    it (改造成, 确定为, 纳入), 将 is the written 把. Before a preposition or an
    adverb of manner (将于, 将全面推行) it stays "will".
    """
    _, after = _clause(words, w)
    if len(after) < 3 or after[0] in _WILL_OPENERS:
        return None
    if _is_verb(tag(after[0])) and not (tag(after[1])[:1] == "n" and tag(after[0]) != "vn"):
        return None  # 将继续推动…: a verb right after 将 and no noun it modifies
    for k in range(2, min(len(after), _RESULT_REACH)):
        word = after[k]
        if len(word) > 1 and word.endswith(_RESULTS) and _is_verb(tag(word)) or (
            word in _RESULTS and _is_verb(tag(after[k - 1]))
        ):
            return particle_name(OBJECT)
    return None


OBJECT = "object-marker"



# --- round twelve: 的 of a relative clause, 都 "even" -----------------------------------------

CLAUSE_WORDS |= KIND_WORDS


def _relative(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 的 before its noun, after a verb and its object, as closing a relative clause."""
    nxt = words[w + 1] if w + 1 < len(words) else ""
    if not nxt or nxt in _CLAUSE_ENDS or nxt in _FINAL_PARTICLES or w < 2:
        return None
    near = list(words[max(0, w - 4) : w])  # an opener, the verb, an aspect, its object
    while any(x in _CLAUSE_ENDS for x in near):
        near.pop(0)
    opened = w - len(near) == 0 or words[w - len(near) - 1] in ENDERS
    if "由" in words[max(0, w - _BY_REACH) : w]:
        before, _ = _clause(words, w)
        return agent_de(before[-_BY_REACH:], tag) or relative_de(near, (nxt,), tag, opened)
    return relative_de(near, (nxt,), tag, opened)


# How far before 的 a 由 of the agent is looked for (由市文联主办的, 由三家单位共同举办的).
_BY_REACH = 8


def _even_all(words: Sequence[str], w: int, tag: Tagger) -> str | None:
    """Read 都 as "even" after 连, "(not) at all" after "one …" before a negation (一个人都没来).

    The 也 of the same clauses is read so already (``_ye``): 连孩子都知道, 一分钱都没花.
    """
    before, after = _clause(words, w)
    if "连" in before:
        return EVEN
    negated = bool(after) and (after[0] in _NEGATIONS or after[0][:1] in ("不", "没"))
    # A potential complement negates too: 一张床都放不下, 一口都吃不下.
    negated = negated or bool(after) and len(after[0]) == 3 and after[0][1] == "不"
    if negated and any(x in _LEAST or _one_of(x, tag) or _one_span(x, tag) for x in before[-3:]):
        return AT_ALL
    return None


def _one_span(word: str, tag: Tagger) -> bool:
    """Tell whether a word is "one" of a span of time (一分钟, 一天, 一秒钟): 一天都没休息."""
    if word[:1] != "一" or word in ("一起", "一下", "一共"):
        return False
    return tag(word) == "m" and len(word) > 1 or word.endswith("钟")
