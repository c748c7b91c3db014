"""Issue 12, round eleven: everyday words in the senses translated everyday sentences show.

The kinds were found reading the training half of hsk-sentences-audio (not
shipped, never quoted); every sentence here was written for these tests (none
comes from that data, a judged set or a shared page), and each kind has its
contrast: the same word where the context does not hold keeps its sense.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of as gloss_of

from zhreader.pipeline.words.senses import EDGE, Neighbour


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("老师的决定很公平。", "决定", "decision"),
        ("妈妈作出了一个决定。", "决定", "decision"),
        ("我们很需要你们的支持。", "支持", "support"),
        ("下周考试，大家要早点做准备。", "准备", "preparation"),
        # Not a noun: before an object, or before an aspect particle.
        ("我们决定明天出发。", "决定", "to decide"),
        ("这个需要两个人一起做。", "需要", "to need"),
        ("朋友们都支持我。", "支持", "to support"),
    ],
)
def test_a_verb_in_a_noun_place_is_the_noun(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def test_a_verb_without_a_noun_sense_stays_the_verb(annotator):
    glosses = annotator.glosses
    prev, nxt = Neighbour("的", "word", "uj"), EDGE
    # 笑 has one character: a noun place does not make it a noun.
    assert glosses.noun_in_noun_place("笑", ("xiào",), prev, nxt, "to laugh") is None
    # A shown gloss that is no verb is left alone.
    assert glosses.noun_in_noun_place("问题", ("wèn", "tí"), prev, nxt, "problem") is None


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我的快递明天上午到。", "到", "to arrive"),
        ("同学们都到了吗？", "到", "to arrive"),
        ("他们几个都准时到了。", "到", "to arrive"),
        ("我牙疼，明天去看牙医。", "看", "to see (a doctor)"),
        ("奶奶每天晚上看小说。", "看", "to read, to look at"),
        ("这是他们自己的事。", "自己", "one's own"),
        ("她对我微微一笑。", "笑", "to smile, to laugh"),
        ("妹妹笑着跑了过来。", "笑", "to smile, to laugh"),
        ("孩子们望着天，等着下雪。", "天", "sky"),
        ("天渐渐亮了，鸟开始叫了。", "天", "sky, weather"),
        ("天快黑了，快点儿回去吧。", "黑", "dark"),
        ("图书馆里不要大声打电话。", "大声", "loudly"),
        ("这双鞋很舒服，只是颜色不太好看。", "只是", "but, it's just that"),
        ("我只是随便问问。", "只是", "just, only"),
        ("医生说不能排除那种可能。", "可能", "possibility"),
        ("前面的路口有一家药店。", "路口", "intersection, crossing"),
        ("这本字典是爷爷送给我的。", "字典", "dictionary"),
        ("吃完饭他去厨房洗盘子。", "盘子", "plate, dish"),
        ("哥哥当了三年军人。", "军人", "soldier"),
        ("白鸽是和平的象征。", "象征", "symbol, to symbolize"),
        ("老师给每个学生送一本书。", "送", "to give (as a present)"),
        ("我们要先通过安检才能上飞机。", "通过", "to pass"),
        ("公园里人很少。", "人", "people"),
        ("现在很多人用手机付钱。", "人", "people"),
        ("数学作业有点儿难。", "作业", "homework"),
        ("他的期末考试成绩很好。", "成绩", "grades, results"),
    ],
)
def test_everyday_words_in_their_everyday_sense(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # 到 after a verb is its result or how far it goes, not arriving.
        ("我们走到了公园门口。", "到", "to reach"),
        # 看 before what one watches stays watching.
        ("周末我们一起看电影吧。", "看", "to look at, to watch, to read"),
        # 自己 before a verb is oneself.
        ("这件事你自己决定吧。", "自己", "oneself"),
        # 黑 of a colour stays black.
        ("他买了一件黑衣服。", "黑", "black"),
        # 可能 before a verb is 'might'.
        ("明天可能下雨。", "可能", "might, possible"),
        # 人 after a numeral counts people (an older row), one person is 'person'.
        ("这个人我不认识。", "人", "person"),
        # 作业 of a crew after a noun stays work.
        ("工人们在田间作业。", "作业", "work, operations"),
    ],
)
def test_the_contrast_keeps_the_general_sense(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("服务员，请给我一碗米饭。", "to give"),
        ("爷爷给了孙子五十块钱。", "to give"),
        ("你先给他钥匙。", "to give"),
        ("经理给我们两天时间。", "to give"),
        # Before a verb the person is whom it is done for.
        ("晚上记得给奶奶打个电话。", "for, to"),
        ("爸爸给弟弟买了一辆自行车。", "for, to"),
        ("这封信是给老师的。", "for, to"),
    ],
)
def test_gei_before_a_person_and_a_thing_is_to_give(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "给") == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("冰箱里有两瓶牛奶。", "有", "there is, to have"),
        ("学校旁边有一个小公园。", "有", "there is, to have"),
        ("成功在于每天的坚持。", "成功", "success"),
        ("弟弟长得高，像爸爸。", "高", "tall"),
        # The owner has; an object is high; a verb done well.
        ("姐姐有三条裙子。", "有", "to have"),
        ("今年的房价很高。", "高", "high, tall"),
        ("他们成功举办了这次活动。", "成功", "successfully"),
    ],
)
def test_there_is_success_and_tall(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("今年的春天来得早，三月初就到了。", "to arrive"),
        ("出租车马上就到。", "to arrive"),
        # 感觉 and 体会 are tagged nouns: 到 after them is the result.
        ("我们都感觉到了他的热情。", "to reach"),
        ("这次旅行让我体会到了很多。", "to reach"),
    ],
)
def test_dao_arriving_and_dao_as_a_result(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "到") == gloss


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("哥哥和姐姐都在上海工作。", "both, all"),
        ("她们俩都没带伞。", "both, all"),
        ("他父母都退休了。", "both, all"),
        # No pair before it: 都 stays "all".
        ("孩子们都睡着了。", "all"),
        ("这里的人都很热情。", "all"),
    ],
)
def test_dou_after_a_pair_is_both(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "都") == gloss
