"""Issue 12, round seven: everyday kinds (directional complements, 下一…, repeated verbs).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of as gloss_of


@pytest.mark.parametrize(
    ("sentence", "word", "direction"),
    [
        ("她从抽屉里拿出来一把剪刀。", "出来", "out"),
        ("妹妹把借来的书送回去了。", "回去", "back"),
        ("他听完以后笑了起来。", "起来", "up"),
        ("车开到路口停了下来。", "下来", "down"),
        ("小狗从门外跑进来了。", "进来", "in"),
    ],
)
def test_a_direction_after_an_action_verb_is_its_complement(annotator, sentence, word, direction):
    gloss = gloss_of(annotator, sentence, word)
    assert gloss.split(",")[0] == direction, gloss


@pytest.mark.parametrize(
    ("sentence", "word", "verb"),
    [
        ("我哥哥明天回来。", "回来", "to return"),  # no verb before it
        ("我很想回去看看。", "回去", "to return"),  # 想 takes a verb, not a complement
        ("他刚从外面出来。", "出来", "to come out"),
        ("别说过去的事了。", "过去", "past"),  # the time before 的
    ],
)
def test_a_direction_without_an_action_verb_keeps_its_own_sense(annotator, sentence, word, verb):
    assert gloss_of(annotator, sentence, word).startswith(verb)


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我们在下一站换车。", "下", "next"),
        ("请下一位同学回答。", "下", "next"),
        ("上一位客人把伞忘在这儿了。", "上", "last"),
    ],
)
def test_shang_and_xia_before_one_and_a_measure_word_are_last_and_next(
    annotator, sentence, word, gloss
):
    assert gloss_of(annotator, sentence, word).startswith(gloss)


def test_shang_and_xia_elsewhere_keep_their_senses(annotator):
    assert gloss_of(annotator, "书在桌子上。", "上") == "on"
    assert gloss_of(annotator, "外面下着大雪。", "下").startswith("to fall")


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("你量一下血压吧。", "量", "to measure"),
        ("我来算一下今天的饭钱。", "算", "to calculate"),
    ],
)
def test_a_verb_done_briefly_is_the_action(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word).startswith(gloss)


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我爸爸开车开得很稳。", "开", "to drive a car"),
        ("她跳舞跳了一个晚上。", "跳", "to dance"),
    ],
)
def test_a_verb_repeated_after_its_verb_object_word_is_that_word(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word, nth=1) == gloss
    # Alone the character keeps its own sense: 开门 | 开 is no repetition.
    assert gloss_of(annotator, f"他{word}得很好。", word) != gloss


@pytest.mark.parametrize(
    "sentence",
    ["请把电视的声音开大点儿。", "我饿了，想吃点儿面包。", "这件衣服能便宜点儿吗？"],
)
def test_an_erhua_variant_is_read_by_the_rows_of_its_base(annotator, sentence):
    # CC-CEDICT has 点儿 only as "erhua variant of 点", whose first sense is "point".
    assert gloss_of(annotator, sentence, "点儿") == "a bit"


def test_a_doubled_verb_reads_as_the_verb_before_yixia(annotator):
    # 算算 does what 算一下 does: reckoning, not "to regard as"
    assert gloss_of(annotator, "我们算算一共多少钱。", "算算").startswith("to calculate")
    assert gloss_of(annotator, "你问问他。", "问问") == "to ask"
