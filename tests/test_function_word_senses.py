"""Issue 12, round eight: function words read in context (也, 了, 的, 要, 其, 起, 自, 会 …).

Every sentence here was written for these tests; each kind has its contrast,
the same word where the context does not hold and the general sense stays.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of as gloss_of

from zhreader.pipeline.words.function_words import (
    AT_ALL,
    EVEN,
    IN_THE_COURSE,
    OVER_THE_PAST,
    REPLY,
    STILL,
    THE_PAST,
    clause_gloss,
)
from zhreader.pipeline.words.function_words import EMPHASIS as _EMPHASIS
from zhreader.pipeline.words.function_words import NOMINAL as _NOMINAL
from zhreader.pipeline.words.senses import particle_name

EMPHASIS = particle_name(_EMPHASIS)
NOMINAL = particle_name(_NOMINAL)


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("他连我也不认识了。", EVEN),
        ("这种事连小孩也明白。", EVEN),
        ("他一口水也没喝。", AT_ALL),
        ("昨天的作业我一道也没做完。", AT_ALL),
        ("周末谁也不想加班。", AT_ALL),
        ("我一点儿也不饿。", AT_ALL),
        ("就算明天下大雪，我们也要出发。", STILL),
        ("这道题我怎么算也算不对。", STILL),
        ("我去超市，妹妹也去。", "also"),
        ("她会唱歌，也会跳舞。", "also"),
    ],
)
def test_ye_reads_the_clause_before_it(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "也") == gloss


@pytest.mark.parametrize(
    ("sentence", "nth", "gloss"),
    [
        ("刮风了，把窗户关上。", 1, particle_name("change-of-state")),
        # An opening quote ends nothing.
        ("临走时他说了“再见”。", 1, particle_name("completed-action")),
        ("我不喝咖啡了，喝茶吧。", 1, particle_name("change-of-state")),
        ("灯亮了。", 1, particle_name("change-of-state")),
        # 了 after a verb and before its object.
        ("他买了三本书。", 1, particle_name("completed-action")),
    ],
)
def test_a_clause_final_le_is_a_change_of_state(annotator, sentence, nth, gloss):
    assert gloss_of(annotator, sentence, "了", nth) == gloss


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("这双鞋是我姐姐送给我的。", EMPHASIS),
        ("这碗面条还挺好吃的。", EMPHASIS),
        ("他们是坐飞机去的。", EMPHASIS),
        ("你放心，病很快会好的。", EMPHASIS),
        ("这把伞是我的。", particle_name("possessive")),  # 是 + a pronoun + 的: mine
        ("这本词典是老师的。", "'s, of (particle)"),  # 是 + a noun + 的: the teacher's
        ("我喜欢甜的东西。", "(attributive particle)"),
        ("刚才说话的，是我同学。", NOMINAL),  # no 是 before it: the one(s) who
        ("这两件衣服，我要红的。", NOMINAL),
    ],
)
def test_a_clause_final_de_of_shi_de_is_emphasis(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "的") == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("各单位要认真落实值班制度。", "要", "must, should"),
        ("吃药以前要先看说明书。", "要", "must, should"),
        ("我要先去一趟银行。", "要", "to want, will"),
        ("我要一碗牛肉面。", "要", "to want, will"),
        ("病人应按时服药。", "应", "should, ought to"),
        ("我们能够按时完成任务。", "能够", "can, to be able to"),
    ],
)
def test_modal_verbs_of_duty(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("交警对其作出罚款处理。", "其", "him, her, it, them"),
        ("学校责令其停课整顿。", "其", "him, her, it, them"),
        ("这座桥以其独特的造型闻名。", "其", "its, their"),  # before a noun it owns
        ("本周共发生盗窃案件5起。", "起", "cases (of incidents)"),
        ("明天起开始放假。", "明天起", "starting tomorrow"),
        ("派出所处理了一起邻里纠纷。", "一起", "one (case)"),
        ("我们一起去公园吧。", "一起", "together"),
        ("本条例自公布之日起施行。", "自", "from, since"),
        ("新航线自上海飞往成都。", "自", "from, since"),
        ("上午召开了工作推进会。", "会", "meeting"),
        ("活动结束后召开了总结会。", "总结会", "summary meeting"),
        ("他应该会。", "会", "can, will"),
        ("她明年会毕业。", "会", "can, will"),
    ],
)
def test_pronouns_counts_and_prepositions_of_news(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我对这里没什么意见，你们不用担心什么。", "什么", "any, anything"),
        ("他什么都不怕。", "什么", "anything, any"),
        ("你想吃什么？", "什么", "what?"),
        ("我不知道什么时候开会。", "什么", "what?"),  # 知道 asks the question
        ("孩子踢球踢得一身泥。", "一身", "whole body, all over"),
        ("他听了一脸疑惑。", "一脸", "whole face, all over the face"),
        ("碗掉了，米撒了一地。", "一地", "all over the ground"),
    ],
)
def test_any_and_whole(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("近两年，县里新修了不少公路。", "近", THE_PAST),
        ("近200人参加了比赛。", "近", "nearly, almost"),
        ("近十年来，小镇变化很大。", "近", THE_PAST),
        ("近一个月来，气温一直偏高。", "来", OVER_THE_PAST),
        ("近日，市里公布了新的公交线路。", "近日", "recently, in recent days"),
        ("全县有医院八家，其中县级医院两家。", "其中", "of which, among them"),
        ("今年重点支持小微企业发展。", "重点", "especially, with a focus"),
        ("这是这本书的重点。", "重点", "main point"),
        ("在比赛过程中，他受了伤。", "中", IN_THE_COURSE),
        ("在我们的交流中，她提了很多建议。", "中", IN_THE_COURSE),
        ("经过反复试验，新材料终于研制成功。", "经过", "through, after"),
        ("为了方便居民出行，社区开通了公交专线。", "为了", "in order to, for"),
        ("参加比赛的选手均为大学生。", "为", "to be, is"),
        ("大家都为他感到高兴。", "为", "for"),
    ],
)
def test_time_spans_and_news_adverbs(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("这件事明天再说。", "再说", "(talk about it) later"),
        ("我没听清，请你再说一遍。", "再说", "to say again"),
        ("再说，天已经黑了。", "再说", "besides, what's more"),
        ("看到短信请马上回短信。", "回", "to reply (to), to answer"),
        ("你怎么不回我微信？", "回", REPLY),
        ("她的邮件我还没回呢。", "回", REPLY),
        ("他明天回上海。", "回", "to go back"),
        ("孩子跑进了厨房。", "进", "into, (complement)"),
        ("他们正在修路。", "正在", "in the process of"),
        ("邻居在装修房子。", "在", particle_name("progressive")),
        ("孩子们在聊天。", "在", particle_name("progressive")),
        ("他们一直在聊天。", "在", particle_name("progressive")),
        ("学生在入学以后要参加军训。", "在", "at, in"),  # after a noun: 在 + verb + 后
        ("他在医院工作。", "在", "at, in"),
        ("出门前多带件外套。", "多", "more"),
        ("他才八岁。", "才", "only"),
        ("他晚上十一点才下班。", "才", "only then, just"),
        ("这个颜色倒挺好看。", "倒", "actually, rather"),
        ("你可别告诉别人。", "可", "really, (emphasis)"),
        ("她都六十岁了，还天天跑步。", "都", "already"),
        ("都快半夜了，你还在看电视。", "都", "already"),
        ("你们在忙什么？", "在", particle_name("progressive")),
        ("同学们都到齐了。", "都", "all"),
        ("天要黑了，我们回去吧。", "要", "going to, about to"),
        ("我要一张去南京的票。", "要", "to want, will"),
        ("他又不是外人，你说吧。", "又", "after all, (emphasis)"),
        ("他又迟到了。", "又", "again"),
        ("我们家就三口人。", "就", "only, just"),
        ("我吃完饭就走。", "就", "then, right away"),
        ("老师叫我们早点回家。", "叫", "to ask, to tell (sb to)"),  # round nine: asking
        ("这条河叫什么名字？", "叫", "to call, to be called"),
    ],
)
def test_everyday_function_words(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def _noun_tags(word: str) -> str:
    return "n" if word in ("老师", "东西", "学生") else "v"


def _numeral(word: str) -> bool:
    return word in ("三", "两", "5")


@pytest.mark.parametrize(
    ("words", "w", "gloss"),
    [
        (["他", "连", "饭", "也", "没", "吃", "。"], 3, EVEN),
        (["他", "也", "没", "吃", "。"], 1, None),  # no 连, no least amount: the table's "also"
        (["你", "去", "，", "连", "我", "。", "我", "也", "去"], 7, None),  # 连 of another clause
        (["近", "三", "年", "来"], 0, THE_PAST),
        (["近", "三", "年", "来"], 3, OVER_THE_PAST),
        (["近", "三", "人"], 0, None),
        (["近", "5", "天"], 0, THE_PAST),
        (["近", "两个", "月", "来"], 0, THE_PAST),
        (["近", "两个", "人"], 0, None),
        (["是", "他", "做", "的", "，", "不", "是", "我"], 3, EMPHASIS),
        (["是", "老师", "的"], 2, None),
        (["我", "做", "的"], 2, NOMINAL),  # no 是 or 会: what I made
        (["他", "是", "老师", "的", "学生"], 3, None),  # not clause-final
        (["消息", "我", "没", "回"], 3, REPLY),
        (["我", "回", "家"], 1, None),
        (["没", "出", "什么", "事"], 2, "any, anything"),
        (["这", "是", "什么"], 2, None),
        (["他", "就", "走"], 1, None),  # a word the rules do not read
    ],
)
def test_clause_gloss_reads_the_clause(words, w, gloss):
    assert clause_gloss(words, w, _noun_tags, _numeral) == gloss
