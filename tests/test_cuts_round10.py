"""Issue 12, round ten: cuts that mislead (re-cuts that lost a word, clause-closing 时候).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import token_glosses, token_words

# --- a re-cut keeps the dictionary word a floor-frequency rival hid ---------------------


@pytest.mark.parametrize(
    ("text", "word", "rest"),
    [
        # jieba lists 发掘出 and 掘出 only at its floor: 发掘 | 出, not 发 | 掘 | 出
        ("队员们在山洞里发掘出几件石斧。", "发掘", "出"),
        ("矿工在井下挖掘出一块化石。", "挖掘", "出"),
    ],
)
def test_a_recut_keeps_the_word_above_the_floor(annotator, text, word, rest):
    words = token_words(annotator, text)
    at = words.index(word)
    assert words[at + 1] == rest


def test_a_tie_of_two_words_above_the_floor_stays_characters(annotator):
    # 排长 | 队 against 排 | 长队: both above the floor; the verb and its object win
    # (the round-five rule), never the platoon leader
    assert "排长" not in token_words(annotator, "他们在门口排长队买早饭。")


# --- a superlative jieba lists is one word and reads as the English superlative ------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("后天夜里最低温度只有三度。", "最低", "lowest"),  # was 最 | 低 | 温度
        ("这是我们镇最大的一片果园。", "最大", "largest"),
        ("那条隧道是省内最长的。", "最长", "longest"),
        ("他是队里跑得最快的人。", "最快", "fastest"),
    ],
)
def test_a_superlative_is_one_word_read_as_english_writes_it(annotator, text, word, english):
    glosses = dict(token_glosses(annotator, text))
    assert glosses[word].split(", ")[0] == english


def test_a_superlative_jieba_lists_only_at_its_floor_stays_two_words(annotator):
    # 最贵 is at jieba's floor: 最 "most" and 贵 "expensive", as English writes it
    words = token_words(annotator, "这家店的水果是全城最贵的。")
    assert "最" in words and "贵" in words


# --- 时候 after the 的 that closes a clause -------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["我们过马路的时候要看红绿灯。", "爷爷年轻的时候在工厂当工人。", "你做饭的时候别玩手机。"],
)
def test_shi_hou_after_a_clause_is_when(annotator, text):
    assert dict(token_glosses(annotator, text))["时候"] == "when"


def test_shi_hou_after_a_question_word_or_demonstrative_stays_time(annotator):
    assert dict(token_glosses(annotator, "他们什么时候到？"))["时候"] != "when"
    assert dict(token_glosses(annotator, "那个时候我还在上学。"))["时候"] != "when"


# --- a noun gets back the character jieba lent the noun after it ------------------------


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        ("妹妹用凉水泡了一会儿豆子。", "凉水", "泡"),  # was 凉 | 水泡 "blister"
        ("姥姥每晚拿热水泡脚。", "热水", "泡"),
    ],
)
def test_a_noun_takes_back_the_character_jieba_lent(annotator, text, noun, verb):
    words = token_words(annotator, text)
    assert words[words.index(noun) + 1] == verb
    assert dict(token_glosses(annotator, text))[verb].startswith("to soak")


def test_a_noun_that_closes_its_phrase_keeps_jieba_cut(annotator):
    # 水泡 before punctuation is the blister itself: no verb, nothing lent
    assert "水泡" in token_words(annotator, "他的手上起了一个水泡。")


# --- a noun compound jieba cut apart: the head's noun sense, the modifier's -------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("林场在山脚下设了一个防火站。", "站", "station"),  # 防火 | 站, not "to stand"
        ("他们把受伤的兔子送到了救助站。", "站", "station"),
        ("他给学生讲了正确的金钱观。", "观", "view"),
        ("她在一所职业学院读护理。", "职业", "professional"),
        ("今年镇上又新修了三公里硬化道路。", "硬化", "hardened"),
        ("全县有两百多个建制村。", "建制", "administrative"),
        ("不少用人单位在招聘会上招人。", "用人", "employing"),
        ("今年秋天的降水偏少。", "偏", "rather"),
    ],
)
def test_a_compound_cut_apart_reads_head_and_modifier_as_a_noun(annotator, text, word, english):
    assert dict(token_glosses(annotator, text))[word].split(", ")[0] == english


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("孩子们站在门口等妈妈。", "站", "to stand"),  # 站 before 在 is the verb
        ("这些话让人可感可知。", "感", "to feel"),  # 可感: felt, no sense of
        ("他的职业是医生。", "职业", "occupation"),  # 职业 before 是: the noun
    ],
)
def test_the_verb_or_the_noun_alone_keeps_its_sense(annotator, text, word, english):
    assert dict(token_glosses(annotator, text))[word].split(", ")[0] == english


@pytest.mark.parametrize(
    ("text", "word", "head"),
    [
        # a word CC-CEDICT lacks, built from its parts: the last one is the head noun
        ("这次活动让大家很有参与感。", "参与感", "sense (of)"),  # was "to feel"
        ("这批出口品已经装船了。", "出口品", "product"),  # was "to taste sth"
        ("区里新设了几个空气监测站。", "监测站", "station"),  # was "to stand"
    ],
)
def test_a_built_word_ends_in_its_head_noun(annotator, text, word, head):
    assert dict(token_glosses(annotator, text))[word].endswith(head)


# --- a potential whose two-character result jieba cut off ---------------------------------


def test_a_potential_takes_back_the_character_of_its_result(annotator):
    # jieba lists 看不清 and leaves 楚 "distinct" alone
    tokens = dict(token_glosses(annotator, "奶奶眼睛不好，看不清楚药盒上的字。"))
    assert tokens["看不清楚"] == "can't see clearly"


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("这件事我一时也说不清楚。", "说不清楚", "can't speak clearly"),
        ("这么多纸一个学期也用不完。", "用不完", "can't use up"),
    ],
)
def test_a_potential_says_what_its_result_adds(annotator, text, word, english):
    assert dict(token_glosses(annotator, text))[word] == english


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("雨太大了，游客们都出不去。", "出不去", "can't go out"),  # was 出 | 不 | 去
        ("钥匙丢了，他进不去家门。", "进不去", "can't go in"),
    ],
)
def test_a_verb_of_direction_and_its_potential_are_one_word(annotator, text, word, english):
    assert dict(token_glosses(annotator, text))[word] == english


def test_a_question_of_going_or_coming_is_no_potential(annotator):
    assert "来不来" not in token_words(annotator, "明天的聚会你来不来？")


def test_chuan_zhe_before_what_is_worn_is_wearing(annotator):
    assert dict(token_glosses(annotator, "新郎穿着一身黑西装。"))["穿着"] == "wearing"
    assert dict(token_glosses(annotator, "他平时的穿着很随便。"))["穿着"] == "attire"
