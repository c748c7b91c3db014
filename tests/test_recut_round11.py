"""Issue 12, round eleven: a listed verb + 过 word the sentence does not contain.

CC-CEDICT lists 穿过 "to pass through", 走过 "to walk past", 飞过, 接过, 改过;
where a count of times, a closing 吗/没有 or a 没/曾经 before says the action
was done before, the sentence holds the verb and the experiential 过.
Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import token_glosses, token_words

from zhreader.names import EXPERIENCED_VERBS, check_tables
from zhreader.pipeline.words.segment import _count_of_times


@pytest.mark.parametrize(
    ("text", "verb", "english"),
    [
        # a count of times after it
        ("那件毛衣她只穿过一次就送人了。", "穿", "to wear"),
        ("这段山路我走过好几回。", "走", "to walk"),
        ("这份合同前后改过三遍。", "改", "to change"),
        ("他飞过两次南极航线。", "飞", "to fly"),
        ("那双皮鞋我穿过5次。", "穿", "to wear"),  # digits, then 次
        # 没 / 从来没 / 曾经 before it
        ("爷爷从来没走过高速公路。", "走", "to walk"),
        ("这条校规多年来没改过。", "改", "to change"),
        ("她曾经接过一个奇怪的电话。", "接", "to receive"),
        # a question or 没有 closing the clause
        ("这套西装你穿过吗？", "穿", "to wear"),
        ("那道山梁你们走过没有？", "走", "to walk"),
    ],
)
def test_the_experiential_guo_is_cut_from_its_verb(annotator, text, verb, english):
    pairs = token_glosses(annotator, text)
    words = [zh for zh, _ in pairs]
    at = words.index(verb)
    assert words[at + 1] == "过"
    assert pairs[at][1].split(", ")[0].split("; ")[0] == english
    assert pairs[at + 1][1].startswith("(particle: experienced")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a place or a thing crossed: the listed word stays
        ("地铁穿过老城区，直达机场。", "穿过"),
        ("几架无人机飞过广场上空。", "飞过"),
        ("他接过奖杯，向观众致意。", "接过"),
        # a clause's end alone, or 的, is no signal: passing by, or a thing passed
        ("卖花的姑娘从窗前走过。", "走过"),
        ("列车穿过的山洞有三公里长。", "穿过"),
        # 了 after it: done once, not done before
        ("队伍穿过了整片树林。", "穿过"),
        # more than a count: 超过 is no verb + 过 of the kind
        ("他一周加班超过三次。", "超过"),
        ("比赛经过两次加时才结束。", "经过"),
    ],
)
def test_a_verb_and_guo_without_the_signal_stay_one_word(annotator, text, word):
    assert word in token_words(annotator, text)


def test_traditional_text_is_cut_through_its_twin(annotator):
    words = token_words(annotator, "這條小路我走過兩次。")
    at = words.index("走")
    assert words[at + 1] == "過"


def test_the_pieces_join_back_into_the_sentence(annotator):
    text = "他说：“那件大衣我只穿过一次，你拿去穿吧。”"
    assert "".join(t.zh for t in annotator.tokens(text)) == text


@pytest.mark.parametrize(
    ("word", "counts"),
    [
        ("一次", True),
        ("两回", True),
        ("几遍", True),
        ("无数次", True),
        ("好几回", True),
        ("三趟", True),
        ("次", False),  # the measure word alone counts nothing
        ("这次", False),  # one particular time, no count of times
        ("一个", False),
    ],
)
def test_a_count_of_times(word, counts):
    assert _count_of_times(word) is counts


def test_the_table_rows_are_checked():
    assert "穿过" in EXPERIENCED_VERBS
    assert "经过" not in EXPERIENCED_VERBS
    assert check_tables() == []


# --- a verb + 着 word CC-CEDICT lists with 着 zháo, before the verb's object -------------


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("门卫大爷一边看报一边吸着烟。", "吸"),  # was 吸着 "sorption"
        ("讲解员引着参观者走进展厅。", "引"),  # was 引着 "to ignite"
    ],
)
def test_a_result_zhao_word_before_an_object_is_the_verb_and_durative_zhe(
    annotator, text, verb
):
    pairs = token_glosses(annotator, text)
    words = [zh for zh, _ in pairs]
    at = words.index(verb)
    assert words[at + 1] == "着"
    assert pairs[at + 1][1].startswith("(particle: continuous")


def test_a_result_zhao_word_without_an_object_stays_whole(annotator):
    # 引着了: the fire caught; no object after the word
    assert "引着" in token_words(annotator, "干柴一下子就引着了。")
