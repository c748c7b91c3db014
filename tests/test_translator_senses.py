"""Issue 12, round nine: a translator's re-review of the HSK words ranked 1-3,000.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of as gloss_of


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # A definition where a translator writes one plain word.
        ("大风造成两棵树倒在路上。", "造成", "to cause"),
        ("请你再次确认一下地址。", "再次", "again"),
        ("这家超市的商品都很便宜。", "商品", "goods"),
        ("这里离海很近。", "海", "sea"),
        ("记者赶到现场时，火已经灭了。", "现场", "on site, the scene"),
        ("商场里挂满了新年的广告。", "广告", "advertisement"),
        ("他把手机忘在了出租车上，司机送了回来，他非常感谢这位客人。", "客人", "guest"),
        ("这个问题我们要好好商量一下。", "商量", "to discuss, to talk over"),
        ("这场演出吸引了不少观众。", "观众", "audience"),
        ("这个周末的气温比较低。", "气温", "temperature"),
        ("他们下个月就要结婚了。", "结婚", "to get married"),
        ("小区门口贴出了通知，禁止乱停车。", "禁止", "to ban, to prohibit"),
        ("他的看法跟我的不一样。", "看法", "view, opinion"),
        ("两个队都想战胜对方。", "战胜", "to defeat, to overcome"),
        ("他是一位很有名的儿童作家。", "作家", "writer"),
        # A verb where news mostly uses the noun, and both where both are common.
        ("这个月餐厅收到了三起投诉。", "投诉", "complaint, to complain"),
        ("河里的污染越来越严重。", "污染", "pollution, to pollute"),
        # The word's everyday part of speech.
        ("他平时坐地铁上班。", "平时", "usually, normally"),
        ("我家旁边新开了一家面包店。", "旁边", "beside, next to"),
        ("她把礼物藏在了柜子里。", "藏", "to hide"),
    ],
)
def test_a_frequent_word_reads_as_a_translator_writes_it(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Right before a verb: how it is done; elsewhere the adjective.
        ("消防员迅速赶到了火场。", "迅速", "rapidly, quickly"),
        ("这座城市的变化很迅速。", "迅速", "rapid"),
        ("新学期学校将严格管理学生的手机。", "严格", "strictly"),
        ("我们的老师对学生很严格。", "严格", "strict"),
        ("两家医院联合开展了义诊活动。", "联合", "jointly"),
        ("全体成员一致通过了决议。", "一致", "unanimously"),
        ("两国的看法完全一致。", "一致", "consistent, in agreement"),
        ("他长期住在国外。", "长期", "for a long time"),
        ("气象部门正在密切关注台风的动向。", "密切", "closely"),
        ("公司公开招聘十名司机。", "公开", "publicly"),
        ("今年的蔬菜价格普遍上涨。", "普遍", "generally, widely"),
        ("这种现象在农村很普遍。", "普遍", "widespread, common"),
        ("博物馆暂时关闭，下个月再开放。", "暂时", "for the time being, temporarily"),
        ("警方将坚决打击这类犯罪。", "坚决", "resolutely, firmly"),
        ("这座桥的位置已经初步确定。", "初步", "initially, preliminarily"),
        ("我们村首次举办了篮球比赛。", "首次", "for the first time"),
        ("有问题要及时报告。", "及时", "promptly"),
        ("新方法有效减少了交通事故。", "有效", "effectively"),
        ("这种材料广泛用于建筑业。", "广泛", "widely"),
        ("这项技术的影响很广泛。", "广泛", "widespread"),
        ("司机要时刻注意路况。", "时刻", "always, constantly"),
    ],
)
def test_a_word_before_a_verb_reads_as_an_adverb(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # After a verb of meeting or solving, or a count: the noun.
        ("你有什么困难就告诉我。", "困难", "difficulty"),
        ("他们家的生活很困难。", "困难", "difficult"),
        # After a degree word: the adjective.
        ("晚上一个人走山路太危险了。", "危险", "dangerous"),
        ("孩子们已经脱离了危险。", "危险", "danger"),
        # After a person: the verb.
        ("我感觉这个菜有点咸。", "感觉", "to feel"),
        ("那种感觉我说不清楚。", "感觉", "feeling"),
        # Counted: a household; alone: other people.
        ("山脚下住着几户人家。", "人家", "household"),
        ("你别总拿人家的东西。", "人家", "other people, others"),
        # Counted: a painting; elsewhere: the verb.
        ("客厅里挂着一幅画。", "画", "picture"),
        ("弟弟喜欢在纸上画小猫。", "画", "to draw, to paint"),
        # Before a person: to pick up; elsewhere the dictionary's sense.
        ("下午四点我去幼儿园接孩子。", "接", "to pick up, to meet"),
        # Opening a clause: a guess.
        ("估计明天还会下雪。", "估计", "probably, I guess"),
        # Before a noun: the whole amount; before a verb the adverb stays.
        ("这座新机场总投资三百亿元。", "总", "total"),
        # After the one who advises: the verb; after a count or 的: the noun.
        ("医生建议他少喝咖啡。", "建议", "to suggest, to advise"),
        ("大家提了很多好的建议。", "建议", "suggestion"),
        ("感冒了要适当休息。", "适当", "appropriately, moderately"),
        # The object says which sense of a one-character verb.
        ("我下午去银行交电费。", "交", "to pay, to hand in"),
        ("搬家前要去房东那里退押金。", "退", "to return, to refund"),
        ("退休老人每月按时领养老金。", "领", "to receive, to collect"),
    ],
)
def test_a_word_reads_by_its_neighbour(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Pinned among the 600 most frequent as CC-CEDICT's first sense: a definition.
        ("暑假期间，图书馆每天开放到晚上八点。", "期间", "during, period"),
        ("这个村的农民主要种水稻。", "农民", "farmer"),
        ("公司负责人表示，明年将扩大生产。", "表示", "to say, to express"),
        ("学校要求学生每天锻炼一小时。", "要求", "to require, to ask"),
        ("这台机器完全符合安全要求。", "要求", "requirement"),
        ("按照新的规定，超市不再免费提供塑料袋。", "规定", "regulation, rule"),
        ("今年部分地区出现了旱情。", "部分", "some, part of"),
        ("我们要加强两国之间的交流。", "加强", "to strengthen"),
        ("我找了半天也没找到钥匙。", "找", "to look for"),
        ("我明白你的意思了。", "明白", "to understand"),
        ("老师讲得很明白。", "明白", "clear"),
        ("这两个词的意思完全不同。", "完全", "completely, totally"),
        ("他突然站起来走了。", "突然", "suddenly"),
        ("这个消息太突然了。", "突然", "sudden"),
        ("下班后我直接回家。", "直接", "directly"),
        ("我们要不断提高服务水平。", "不断", "constantly, continuously"),
        ("他学的专业是计算机。", "专业", "major, specialty"),
        ("比赛快结束时，他最后进了一个球。", "最后", "finally, in the end"),
        ("这是今年的最后一场比赛。", "最后", "last, final"),
        ("全省参加考试的人数超过五十万。", "超过", "more than, over"),
        ("她在新工作中的表现很出色。", "表现", "performance, to show"),
        ("你先去了解一下情况再说。", "了解", "to understand, to find out"),
    ],
)
def test_a_pinned_first_sense_reads_as_a_translator_writes_it(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def test_a_reading_picks_the_sense(annotator):
    # zhòng heavy; chóng again (the reader's reading decides which row holds).
    row = annotator.glosses.senses.choose_row("重", reading=("zhòng",))
    assert row is not None and row[1] == "heavy"
    row = annotator.glosses.senses.choose_row("重", reading=("chóng",))
    assert row is not None and row[1] == "again"


def test_the_sweep_can_rank_single_sense_words(sweep, annotator):
    dictionary = annotator.dictionary
    frequencies, _ = dictionary.word_frequencies()
    words = {"处理", "社会主义", "公交车"}
    single = [w for w in words if w not in sweep.rank_words(words, frequencies, dictionary)]
    assert single  # a word with one CC-CEDICT sense is left out of the polysemous list
    every = sweep.rank_words(words, frequencies, dictionary, all_senses=True)
    assert set(single) <= set(every) and "处理" in every
    assert every == sorted(every, key=lambda w: (-frequencies[w], w))


def test_the_sweep_lists_only_the_recorded_words_for_a_re_read(sweep):
    shown = ["处理", "商品", "造成", "公交车"]
    senses = {"造成"}  # a word with a learner row
    recorded = {"处理", "造成"}
    assert sweep.to_read(shown, 10, senses) == [
        (10, "处理"),
        (11, "商品"),
        (12, "造成"),
        (13, "公交车"),
    ]
    assert sweep.to_read(shown, 10, senses, only=recorded) == [(10, "处理"), (12, "造成")]
    assert sweep.to_read(shown, 10, senses, missing=True, only=recorded) == [(10, "处理")]
    assert sweep.to_read(shown, 10, senses, hidden=recorded) == [(11, "商品"), (13, "公交车")]
