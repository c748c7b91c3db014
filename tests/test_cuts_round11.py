"""Issue 12, round eleven: words split across tokens, and words built from characters.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import token_glosses, token_words


def _first(gloss: str) -> str:
    return gloss.split(", ")[0]


# --- 今/明/去 and a season --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("今冬明春全村要修三条水渠。", "今冬", "this winter"),  # was 今 | 冬 "now" "winter"
        ("今冬明春全村要修三条水渠。", "明春", "next spring"),  # was 明 | 春 "bright"
        ("明夏那座新桥就能通车。", "明夏", "next summer"),
        ("今秋雨水少，玉米减产了。", "今秋", "this autumn"),  # jieba's word, read "now autumn"
        ("去冬这里很少下雪。", "去冬", "last winter"),
    ],
)
def test_a_season_after_this_next_or_last_is_one_word(annotator, text, word, english):
    glosses = dict(token_glosses(annotator, text))
    assert _first(glosses[word]) == english


def test_a_built_word_of_two_seasons_reads_both(annotator):
    # jieba keeps 去冬今春 whole; its parts are the two season words
    glosses = dict(token_glosses(annotator, "去冬今春这里几乎没下雨。"))
    assert glosses["去冬今春"].split(" ")[:2] == ["last", "winter"]
    assert "this spring" in glosses["去冬今春"]


def test_a_deictic_before_no_season_is_left_alone(annotator):
    # 明 before 天 is jieba's 明天; 今 before 年 its 今年: nothing to join
    assert token_words(annotator, "明天我和弟弟去钓鱼。")[0] == "明天"
    # 冬去春来: 去 and 来 are verbs here, never "last spring"
    assert "去春" not in token_words(annotator, "冬去春来，河边的柳树又绿了。")


# --- an adjective of measure and 至/达 before an amount --------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("周末机票低至三百元。", "低至", "as low as"),  # was 低 | 至 "low" "to, until"
        ("那台机器售价高达八十万元。", "高达", "as high as"),  # was 高 | 达 "high" "to reach"
        ("新修的隧道长达三公里。", "长达", "as long as"),
    ],
)
def test_how_far_an_amount_reaches_is_one_word(annotator, text, word, english):
    glosses = dict(token_glosses(annotator, text))
    assert _first(glosses[word]) == english


def test_reach_marks_before_no_amount_stay_apart(annotator):
    # 低 before 至今 "so far" is the level, not how low an amount reaches
    words = token_words(annotator, "水位很低至今没有回升。")
    assert "低至" not in words
    assert "至今" in words


def test_a_reach_after_a_verb_is_not_joined(annotator):
    # 降低 | 至 keeps 降低 whole: only a one-character adjective takes 至/达
    words = token_words(annotator, "水位已降低至警戒线以下。")
    assert "降低" in words


# --- 一个人 after a person and before what they do ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "奶奶一个人住在老房子里。",  # a name-like kinship word is no pronoun: see below
        "她一个人在家照顾三个孩子。",
        "我们一个人去太危险了。",
        "你一个人搬得动这张桌子吗？",  # a potential no dictionary lists
    ],
)
def test_alone_after_a_person_before_what_they_do(annotator, text):
    glosses = dict(token_glosses(annotator, text))
    if text.startswith("奶奶"):
        # 奶奶 is a noun, not a pronoun: one person, as jieba cut it
        assert "一个人" not in glosses
        return
    assert _first(glosses["一个人"]) == "alone"


@pytest.mark.parametrize(
    "text",
    [
        "门口站着一个人。",  # no person before it: one person
        "他是一个人的名字。",  # after 是
        "他们一个人一个人地进去。",  # one by one: no verb after it
        "这一个人能干完吗？",  # a demonstrative before it
    ],
)
def test_one_person_elsewhere_stays_apart(annotator, text):
    assert "一个人" not in token_words(annotator, text)


# --- numeral 对 numeral ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("志愿者给每个孩子一对一辅导功课。", "一对一", "one-on-one"),  # was 一对 "couple" + one
        ("这个平台支持一对多视频通话。", "一对多", "one-to-many"),  # jieba: 一对 | 多
        ("系统支持多对多的连接。", "多对多", "many-to-many"),  # jieba: 多 | 对 | 多
    ],
)
def test_numeral_to_numeral_pairs_the_sides(annotator, text, word, english):
    glosses = dict(token_glosses(annotator, text))
    assert _first(glosses[word]) == english


# --- a guess closed by a place head stays whole ----------------------------------------------


def test_a_tied_guess_closed_by_a_place_head_stays_one_word(annotator):
    # 充电 | 站 ties with 充 | 电站; the tie went out as 充 | 电 | 站
    # "sufficient" "electricity" "to stand"
    glosses = dict(token_glosses(annotator, "我家楼下新装了一个充电站。"))
    assert "充电站" in glosses
    assert glosses["充电站"].endswith("station")


def test_a_tie_without_a_place_head_still_goes_out_as_characters(annotator):
    # round ten's rule stands where no head closes the word: 排长 | 队 against 排 | 长队
    assert "排长队" not in token_words(annotator, "周末商场门口总是排长队。")


# --- 今 | 明 before 两, 今/明 before a time word ---------------------------------------------


def test_today_and_tomorrow_before_two(annotator):
    glosses = dict(token_glosses(annotator, "今明两天山区有大雾。"))  # was 今 | 明 "now" "bright"
    assert _first(glosses["今明"]) == "today and tomorrow"


def test_tomorrow_and_the_day_after_before_two(annotator):
    # was 明 | 后 "bright" "after"
    glosses = dict(token_glosses(annotator, "明后两天全省有雨夹雪。"))
    assert _first(glosses["明后"]) == "tomorrow and the day after"


def test_a_pronoun_and_two_is_the_two_of_them(annotator):
    glosses = dict(token_glosses(annotator, "她俩从小就是好朋友。"))  # was "she + two"
    assert glosses["她俩"] == "the two of them"


def test_this_and_next_before_a_time_word_inside_a_built_word(annotator):
    glosses = dict(token_glosses(annotator, "新馆预计今年底开工，明年初完工。"))
    assert glosses["今年底"].startswith("this ")  # was "now the end of the year"
    assert glosses["明年初"].startswith("next ")  # was "bright beginning of the year"


# --- a character and 地 that CC-CEDICT lists, before a verb -----------------------------------


def test_a_character_and_de_before_a_verb_is_the_word(annotator):
    # was 就 | 地 "then" "-ly"
    glosses = dict(token_glosses(annotator, "执法人员就地没收了那批假货。"))
    assert _first(glosses["就地"]) == "on the spot"


def test_de_after_an_adjective_stays_the_particle(annotator):
    words = token_words(annotator, "他慢慢地走回了家。")
    assert "地" in words


def test_tomorrow_or_the_day_after_as_jieba_keeps_it(annotator):
    glosses = dict(token_glosses(annotator, "明后天山里可能下雪。"))
    assert glosses["明后天"] == "tomorrow or the day after"


# --- a place head before a time or an adverb --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "路口的快递站晚上十点关门。",  # was "to stand"
        "街角的维修站已经搬走了。",
    ],
)
def test_a_station_before_a_time_or_an_adverb_is_the_station(annotator, text):
    glosses = dict(token_glosses(annotator, text))
    assert glosses["站"] == "station"


@pytest.mark.parametrize("text", ["工人站在梯子上刷墙。", "老人站久了就腰疼。", "保安站了一整夜。"])
def test_stand_after_a_noun_stays_the_verb(annotator, text):
    glosses = dict(token_glosses(annotator, text))
    assert glosses["站"].startswith("to stand")
