"""Issue 12, round twelve: words split across tokens, numbers cut apart, built halves.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import token_glosses, token_words

from zhreader.pipeline.words.numbers import digit_score, number_gloss, wind_force


def _first(gloss: str) -> str:
    return gloss.split(", ")[0]


# --- amounts in digits: 万亿, 亿 with a decimal ------------------------------------------


@pytest.mark.parametrize(
    ("token", "english"),
    [
        ("4.7万亿", "4.7 trillion"),  # was 4.7万 | 亿元 "47,000" "100 million yuan"
        ("12万亿", "12 trillion"),
        ("27.3亿", "2.73 billion"),  # was "2,730,000,000": 27.3 × 10⁸ is no whole float
        ("9.45亿", "945 million"),
        ("131.6亿", "13.16 billion"),
    ],
)
def test_a_big_amount_reads_as_english_writes_it(token, english):
    assert number_gloss(token) == english


def test_trillions_stay_one_number_token(annotator):
    tokens = token_glosses(annotator, "去年全国网上零售额约为14.2万亿元。")
    assert ("14.2万亿", "14.2 trillion") in tokens
    assert "元" in [zh for zh, _ in tokens]


# --- an hour and 许, a wind grade, a score in digits ------------------------------------


@pytest.mark.parametrize(
    ("text", "token", "english"),
    [
        ("今天上午9时许，河边发现一只受伤的白鹭。", "9时许", "around 9 o'clock"),
        ("晚上11点许，最后一批游客离开景区。", "11点许", "around 11 o'clock"),
    ],
)
def test_an_hour_and_xu_is_about_that_hour(annotator, text, token, english):
    assert (token, english) in token_glosses(annotator, text)


@pytest.mark.parametrize(
    ("text", "token", "english"),
    [
        ("凌晨五时许，渔船陆续返港。", "五时许", "around five o'clock"),  # jieba's one token
        ("下午两点许，雨停了。", "两点许", "around two o'clock"),  # joined: 两点 | 许
    ],
)
def test_an_hour_in_han_numerals_and_xu(annotator, text, token, english):
    assert (token, english) in token_glosses(annotator, text)


def test_xu_opening_a_word_after_an_hour_stays_apart(annotator):
    # 十点 | 许多人: 许 opens 许多 "many"
    words = token_words(annotator, "十点许多人还在排队。")
    assert "许多" in words


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("省规划院的工程师来村里测量。", "规划院"),
        ("镇卫生院今年新添了一台救护车。", "卫生院"),
    ],
)
def test_an_institution_built_on_yuan_is_an_institute(annotator, text, word):
    glosses = dict(token_glosses(annotator, text))
    assert glosses[word].endswith("institute")


def test_a_yard_after_de_stays_a_yard(annotator):
    assert "institute" not in dict(token_glosses(annotator, "外婆家的院很大。")).get("院", "")


@pytest.mark.parametrize(
    ("text", "count"),
    [("爷爷端起杯子喝了两口茶。", "两口"), ("弟弟只尝了一口蛋糕。", "一口")],
)
def test_a_mouth_counting_food_is_a_mouthful(annotator, text, count):
    assert "mouthful" in dict(token_glosses(annotator, text))[count]


def test_a_mouth_counting_people_or_wells_stays_the_classifier(annotator):
    assert "mouthful" not in dict(token_glosses(annotator, "他们一家有四口人。"))["四口"]


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("预计今晚东部海面有9级阵风。", "9级"),  # the wind after the grade
        ("这次台风中心附近风力达13级。", "13级"),  # the wind shortly before it
        ("山顶风力可达6级。", "6级"),
        ("沿海将有7级以上偏东大风。", "7级"),  # 以上 between the grade and the wind
    ],
)
def test_a_wind_grade_is_its_force(annotator, text, token):
    assert (token, f"force {token[:-1]}") in token_glosses(annotator, text)


def test_a_wind_grade_in_han_numerals_before_wind(annotator):
    assert ("九级", "force nine") in token_glosses(annotator, "半夜里刮起了九级狂风。")
    assert "force" not in dict(token_glosses(annotator, "她去年考过了英语六级。")).get("六级", "")


@pytest.mark.parametrize(
    "text", ["门口有3级台阶。", "该区风险等级调为2级。", "刮了一夜大风，今天只有3级。"]
)
def test_a_grade_of_no_wind_stays_apart(annotator, text):
    # steps, a risk level, and wind named in another clause: nothing is joined
    assert not any(w.endswith("级") and w[0].isdigit() for w in token_words(annotator, text))


def test_wind_force_reads_only_a_grade():
    assert wind_force("12级") == "force 12"
    assert wind_force("40级") is None  # no Beaufort force
    assert wind_force("12年") is None


@pytest.mark.parametrize(
    ("text", "token", "english"),
    [
        ("决赛中主队以2比1险胜。", "2比1", "2:1"),
        ("上半场两队战成0比0。", "0比0", "0:0"),
    ],
)
def test_a_score_in_digits_is_one_token(annotator, text, token, english):
    assert (token, english) in token_glosses(annotator, text)


def test_digit_score_reads_only_digits_either_side():
    assert digit_score("10比7") == "10:7"
    assert digit_score("比7") is None
    assert digit_score("1比1.5") is None


# --- 一 and the word after it ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("孩子们一下课就冲向操场。", "下课"),
        ("爷爷一下车就找厕所。", "下车"),
        ("他一下楼就看见了邮递员。", "下楼"),
    ],
)
def test_as_soon_as_down_is_one_and_the_verb(annotator, text, verb):
    words = token_words(annotator, text)
    assert verb in words
    assert words[words.index(verb) - 1] == "一"


@pytest.mark.parametrize(
    ("text", "verb"),
    [("姐姐一进宿舍就开始收拾行李。", "进"), ("我一到车站就给你发消息。", "到")],
)
def test_as_soon_as_one_and_a_verb_jieba_counted(annotator, text, verb):
    # 一进 | 宿舍 read "one (classifier for sections in a building …)"
    words = token_words(annotator, text)
    assert words[words.index(verb) - 1] == "一"


def test_one_and_a_verb_with_no_object_before_then_stays(annotator):
    # 一进 | 就是: no object between, 就是 "exactly"; nothing is recut
    assert "一进" in token_words(annotator, "他这一进就是整整三年。")


def test_a_little_after_a_verb_stays_a_little(annotator):
    # 等一下 | 车就到: "wait a moment, the bus comes"; 看一下 | 书 "look at the book a bit"
    assert "一下" in token_words(annotator, "你等一下车就到了。")
    assert "一下" in token_words(annotator, "请大家看一下书就走。")


def test_early_in_the_morning_before_then(annotator):
    glosses = dict(token_glosses(annotator, "外婆一早就去集市卖鸡蛋了。"))
    assert "一早" in glosses
    assert "就" in glosses
    assert "早就" not in glosses


@pytest.mark.parametrize(
    "text",
    ["这个月用电量比上月减少一成。", "工厂的产量提高了一成左右。", "今年报名人数增加一成以上。"],
)
def test_one_tenth_after_a_verb_is_ten_percent(annotator, text):
    assert ("一成", "10%") in token_glosses(annotator, text)


def test_one_tenth_after_a_term_ending_in_a_verb(annotator):
    # 同比增长 is one term token; the verb it ends in is what 一成 follows
    assert ("一成", "10%") in token_glosses(annotator, "全区税收收入同比增长一成。")


def test_one_tenth_elsewhere_is_left_alone(annotator):
    assert "一成不变" in token_words(annotator, "日子过得一成不变。")
    assert "一成" not in token_words(annotator, "一成年就搬出去住了。")


# --- a span of time after a count, halves, rows ------------------------------------------


@pytest.mark.parametrize(
    ("text", "count", "english"),
    [
        ("我们在车站等了一个小时。", "一个", "one"),
        ("她每周练两个小时钢琴。", "两个", "two"),
        ("他在国外住了三个月。", "三个", "three"),
    ],
)
def test_a_count_before_a_span_reads_bare(annotator, text, count, english):
    assert (count, english) in token_glosses(annotator, text)


def test_a_count_before_a_thing_keeps_the_classifier(annotator):
    glosses = dict(token_glosses(annotator, "桌上放着三个苹果。"))
    assert "(classifier)" in glosses["三个"]


def test_an_estimated_count_before_a_span_keeps_the_classifier(annotator):
    # 十几个 | 小时: "over ten (classifier)", as before any noun
    glosses = dict(token_glosses(annotator, "这趟火车要开十几个小时。"))
    assert "(classifier)" in glosses["十几个"]


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("下半场客队连进两球。", "下半场", "second half"),
        ("上半场结束前他受了伤。", "上半场", "first half"),
    ],
)
def test_up_or_down_before_a_half_is_which_half(annotator, text, word, english):
    glosses = dict(token_glosses(annotator, text))
    assert glosses[word].startswith(english)


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("她交了一个好朋友。", "好", "good"),  # after a verb it read "(done) well"
        ("东西放这儿就行。", "行", "will do"),
        ("签个字就可以了。", "可以", "will do"),
        ("老师在我的数学本上打了个勾。", "本", "exercise book"),  # jieba: 数学 | 本
        ("她把生字本里的字抄了三遍。", "本", "exercise book"),
        ("我们县新建了一所实验小学。", "实验", "experimental"),
        ("工地的建筑垃圾要及时清运。", "垃圾", "waste"),  # a sorting category: jieba cuts it off
        ("她今年评上了优秀教师。", "上", "(complement: selected)"),
    ],
)
def test_rows_for_words_jieba_cut_apart(annotator, text, word, english):
    glosses = dict(token_glosses(annotator, text))
    assert _first(glosses[word]) == english


def test_the_result_row_of_good_still_holds_before_no_person(annotator):
    # 管好 | 孩子: after 管 (an earlier row) 好 stays the result
    glosses = dict(token_glosses(annotator, "家长要管好孩子。"))
    assert glosses.get("好", "(done) well").startswith("(done) well")
