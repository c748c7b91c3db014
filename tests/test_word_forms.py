"""Issue 12, round twelve: the word-class form of a sense (pipeline/words/word_forms.py).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of as gloss_of

from zhreader.pipeline.words.senses import EDGE, Neighbour
from zhreader.pipeline.words.word_forms import (
    adjective_before,
    adverb_of,
    adverbs,
    opens_noun_phrase,
    verb_after_adverb,
)


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Before 地 any word says how the action is done: the adverb of its sense.
        ("小朋友们高兴地跑向操场。", "高兴", "happily"),
        ("护士耐心地给老人讲解用药方法。", "耐心", "patiently"),
        ("同学们安静地排队等候。", "安静", "quietly"),
        ("她兴奋地打开了礼物盒。", "兴奋", "excitedly"),
        # An adjective right before a verb is its manner.
        ("这种新药能有效缓解头痛。", "有效", "effectively"),
        ("列车平稳驶入车站。", "平稳", "smoothly"),
        # Before a potential form jieba lists as an idiom (连不上 l).
        ("电脑突然连不上打印机了。", "突然", "suddenly"),
        ("我们应该准确掌握每个数据。", "准确", "accurately"),
    ],
)
def test_an_adjective_saying_how_an_action_is_done_reads_as_the_adverb(
    annotator, sentence, word, gloss
):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # An adjective opening a noun phrase keeps the adjective, even before a verb
        # jieba tags so (作用, 转变): after a verb, 的, a preposition.
        ("教育在乡村振兴中发挥重要作用。", "重要", "important"),
        ("这是一次重大转变。", "重大", "major"),
        # Before a copula it is the subject's state, and 等 closes a list.
        ("孩子们的健康是家长最关心的事。", "健康", "healthy, health"),
        ("老人常有孤独、焦虑等问题。", "焦虑", "anxious"),
        # A gloss with a verb's sense is the verb there: 努力 + 把.
        ("大家努力把工作做好。", "努力", "effort, to strive"),
        # An adjective of fitness describes the verb after it (convenient to carry);
        # before 得 the adjective is the state a complement measures; a noun's other
        # senses make no adverb before 地.
        ("这种折叠伞方便携带。", "方便", "convenient"),
        ("比赛前他紧张得吃不下饭。", "紧张", "nervous"),
        ("老师有针对性地辅导学生。", "针对性", "targeted"),
        # A sense that is an adverb already stays.
        ("她小心翼翼地端着汤。", "小心翼翼", "very carefully"),
    ],
)
def test_an_adjective_not_saying_how_keeps_its_form(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # A verb after a verb that takes an action as its object names the action.
        ("市政府出台措施推动就业。", "就业", "employment"),
        ("班里经常进行批评和自我批评。", "批评", "criticism"),
    ],
)
def test_a_verb_after_a_verb_taking_an_action_is_the_noun(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # A verbal noun after an adverb is the verb (a row naming both forms stays).
        ("公司逐步调整价格。", "调整", "to adjust"),
        ("工作组共检查商店二十家。", "检查", "to examine"),
        ("质检员已检查完所有的货物。", "检查", "to examine"),
        # After a word jieba tags an adverb that describes a noun, and where nothing
        # comes before, the noun stays.
        ("手机早已成为日常生活的一部分。", "生活", "life"),
        ("记者报道了这项研究的最新进展。", "进展", "progress"),
        ("这次调整很及时。", "调整", "adjustment"),
    ],
)
def test_a_verbal_noun_after_an_adverb_is_the_verb(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def test_adverbs_come_from_the_shown_gloss_then_from_the_other_senses():
    zipf = {"seriously": 494, "patiently": 348, "steadily": 384, "stably": 0}.get

    def known(word: str) -> int:
        return zipf(word) or 0

    assert adverbs("serious", ["serious"], known) == "seriously"
    assert adverbs("patience", ["to be patient", "patience"], known) == "patiently"
    assert adverbs("patience", ["to be patient"], known, tag="n") is None
    assert adverbs("stable", ["stable", "steady"], known) == "steadily"
    assert adverbs("fast", ["fast"], known) == "fast"
    assert adverbs("to adjust", ["to adjust"], known) is None
    assert adverbs("effort, to strive", ["effort"], known) is None
    assert adverbs("very carefully", ["careful"], known) is None
    assert adverbs("system", ["system"], known) is None
    assert [adverb_of(w) for w in ("basic", "gentle", "easy", "full", "warm")] == [
        "basically",
        "gently",
        "easily",
        "fully",
        "warmly",
    ]


def test_the_places_of_a_manner_and_of_a_verb_are_read_from_tags_and_words():
    verb = Neighbour("增加", "word", "v")
    assert adjective_before("明显", "a", EDGE, verb)
    assert not adjective_before("明显", "a", EDGE, Neighbour("是", "word", "v"))
    assert not adjective_before("新", "a", EDGE, verb)  # one character: 新建 is a word's
    assert not adjective_before("重要", "a", Neighbour("发挥", "word", "v"), verb)
    assert adjective_before("高效", "a", Neighbour("可", "word", "v"), verb)  # a modal
    assert opens_noun_phrase(Neighbour("的", "word", "uj"))
    assert opens_noun_phrase(Neighbour("从", "word", "p"))
    assert not opens_noun_phrase(Neighbour("工厂", "word", "n"))
    degree = frozenset(["很"])
    assert verb_after_adverb("vn", Neighbour("不断", "word", "d"), degree)
    assert not verb_after_adverb("vn", Neighbour("很", "word", "d"), degree)
    assert not verb_after_adverb("vn", Neighbour("日常", "word", "d"), degree)
    assert not verb_after_adverb("v", Neighbour("不断", "word", "d"), degree)
