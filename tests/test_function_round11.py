"""Issue 12, round eleven: function words and learner rows whose context the first rows missed.

Every sentence here was written for these tests (none comes from a judged set
or a shared page); each kind has its contrast, the same word where the context
does not hold and the earlier sense stays.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of as gloss_of

from zhreader.pipeline.words.function_words import (
    AS,
    BADLY,
    BUT_YET,
    ETC,
    EVEN,
    HARD_OF_HEARING,
    PLACE_RANK,
    TO_PAY,
    WAIT,
)
from zhreader.pipeline.words.function_words import EMPHASIS as _EMPHASIS
from zhreader.pipeline.words.function_words import NOMINAL as _NOMINAL
from zhreader.pipeline.words.senses import particle_name

NOMINAL = particle_name(_NOMINAL)
EMPHASIS = particle_name(_EMPHASIS)
OBJECT_MARKER = particle_name("object-marker")


def reading_of(annotator, sentence: str, word: str, nth: int = 1) -> str:
    """Return the pinyin of the nth token ``word`` of ``sentence``."""
    found = ["".join(t.pinyin) for t in annotator.tokens(sentence) if t.zh == word]
    assert len(found) >= nth, f"{word} is no token of {sentence}"
    return found[nth - 1]


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("市里将“文明餐桌”写进了公约。", OBJECT_MARKER),
        ("学校将《安全手册》发到每个班级。", OBJECT_MARKER),
        ("他将书放回书架。", OBJECT_MARKER),
        # A noun phrase, then a verb of result: the written 把.
        ("工人们将旧仓库改建成了图书馆。", OBJECT_MARKER),
        ("镇里将闲置校舍改造为养老院。", OBJECT_MARKER),
        ("明年将逐步取消这项收费。", "will"),
        ("景区将全面升级停车设施。", "will"),
        # Before a verb or a preposition the future stays.
        ("运动会将于十月开幕。", "will"),
        ("新馆将在明年对外开放。", "will"),
    ],
)
def test_jiang_before_a_quoted_name_is_the_object_marker(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "将") == gloss


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("大家都称她为“拼命三娘”。", AS),
        ("会上，村民推选老李为组长。", AS),
        ("这所学校以培养工匠为目标。", AS),
        # The preposition wèi keeps its senses; after an adverb the copula is "to be".
        ("志愿者为老人送去了饭菜。", "for"),
        ("参赛选手均为本地学生。", "to be, is"),
        ("这样做是为照顾行动不便的老人。", "in order to"),
        ("这片湿地被命名为“候鸟驿站”。", AS),
    ],
)
def test_wei_after_a_verb_of_naming_is_as(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "为") == gloss


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("我们站在屋檐下等雨停。", WAIT),
        ("等水开了再把面条放进去。", WAIT),
        ("你在车里等我。", "to wait for"),
        ("店里卖“老面馒头”“红糖发糕”等点心。", ETC),
        ("他读过《围城》《边城》等小说。", ETC),
        ("桌上摆着茶杯、碗、筷子等餐具。", ETC),
    ],
)
def test_deng_waits_before_a_subject_and_closes_a_list(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "等") == gloss


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("我给他打了三次电话，可他一直没接。", BUT_YET),
        ("这道题看着简单，可不好做。", BUT_YET),
        ("票早就卖完了，可我还想去看看。", BUT_YET),
        ("他很想帮忙，可时间不够了。", BUT_YET),
        ("他平时挺安静的，可唱起歌来特别大声。", BUT_YET),
        # After a comma in news, before a verb, it stays "can".
        ("扫码登记后，可领取免费口罩。", "can"),
        ("这种药可缓解头痛。", "can"),
    ],
)
def test_ke_opening_a_clause_is_but(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "可") == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("他连一口水都没喝就走了。", "连", EVEN),
        ("这件事连村里的老人也不知道。", "连", EVEN),
        ("这条公路把两个镇连了起来。", "连", "to link"),
        ("我的胃疼得厉害。", "厉害", BADLY),
        ("昨晚雪下得非常厉害。", "厉害", BADLY),
        ("你下棋真厉害！", "厉害", "intense, amazing"),
        ("爸爸还在生我的气。", "生", "to get (angry)"),
        ("爸爸还在生我的气。", "气", "anger, angry"),
        ("工厂每月十号发工资。", "发", TO_PAY),
        ("年底单位发了奖金。", "发", TO_PAY),
        ("我刚给你发了一封邮件。", "发", "to send out"),
        ("爷爷年纪大了，耳朵背。", "背", HARD_OF_HEARING),
        ("他背着孩子过了河。", "背着", "turning one's back to"),
    ],
)
def test_words_their_clause_decides(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("妹妹气得直跺脚。", "气", "angry, to anger"),
        ("别故意气你姐姐。", "气", "to anger, to make angry"),
        ("轮胎没气了。", "气", "air, gas"),
        ("窗台上的花该浇水了。", "花", "flower"),
        ("修车花了五百块。", "花", "to spend"),
        ("他做起事来很认真。", "事", "things, work"),
        ("这件事你别管了。", "事", "matter"),
        ("你们先等等，车马上到。", "等等", "wait a moment"),
        ("最近手气真背。", "背", "unlucky, out of luck"),
        ("弟弟从小就想当警察。", "当", "to be, to work as"),
        ("孩子上周得了肺炎。", "得", "to get, to obtain"),
        ("睡觉前要刷牙。", "要", "must, should"),
        ("各部门要把安全生产放在首位。", "要", "must, should"),
        ("各单位要以这次检查为起点，补齐短板。", "要", "must, should"),
        ("他们共同建立起互助机制。", "起", "up, (complement)"),
        ("出门时要关好门窗。", "要", "must, should"),
        ("我要一碗面条。", "要", "to want, will"),
        ("奶奶最近身体不大舒服。", "大", "very, much"),
        ("这两间屋子差别不大。", "大", "big"),
    ],
)
def test_rows_of_round_eleven(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("她在全市作文比赛中得了第二名。", "第二名", "second place"),
        ("这次体检，第一名患者九点到。", "第一名", "first (classifier for people)"),
        ("我们班包揽了前三名。", "名", PLACE_RANK),
        ("学校招收了三名新老师。", "三名", "three (classifier for people)"),
    ],
)
def test_ming_of_a_rank_is_a_place(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("这双鞋太紧了，有没有大一点的？", NOMINAL),
        ("工作满三年以上的，可以申请。", NOMINAL),
        ("这只小猫软乎乎的，摸着很舒服。", EMPHASIS),
        ("房间收拾得干干净净的。", EMPHASIS),
        ("好的，明天见。", EMPHASIS),
        # After a noun the owner is meant: "of" stays.
        ("那把伞是邻居的。", "'s, of (particle)"),
    ],
)
def test_a_clause_final_de_is_not_of(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "的") == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "reading", "gloss"),
    [
        ("得赶紧出发，不然赶不上火车。", "得", "děi", "must, have to"),
        ("快下雨了，得收衣服了。", "得", "děi", "must, have to"),
        ("他字写得很漂亮。", "得", "de", "(particle: complement of degree)"),
        ("这几天空气太干。", "干", "gān", "dry"),
        ("晾了一上午，床单已经干了。", "干", "gān", "dry"),
        ("抽屉里有干的手帕。", "干", "gān", "dry"),
        ("这活我一个人干。", "干", "gàn", "to do, to work"),
        ("洗好的头发干了没有？", "干", "gān", "dry"),
    ],
)
def test_reading_and_gloss_agree(annotator, sentence, word, reading, gloss):
    assert reading_of(annotator, sentence, word) == reading
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    "sentence",
    ["大家都为她感到高兴。", "爸爸一直为这件事发愁。", "我们为你骄傲。", "网友们纷纷为她加油。"],
)
def test_wei_before_a_feeling_or_a_person_reads_wei4(annotator, sentence):
    assert reading_of(annotator, sentence, "为") == "wèi"
