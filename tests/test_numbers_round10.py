"""Issue 12, round ten: numbers, clock times, numeral + classifier tokens, 该 + noun.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from zhreader.pipeline.words.annotate import Annotator
from zhreader.pipeline.words.numbers import (
    approximate_digits,
    clock_digits,
    number_gloss,
    ordinal_words,
    rejoin_numeral,
)
from zhreader.pipeline.words.segment import Piece, join_digit_numbers, join_time_starts
from zhreader.reader.context import first_sense


def _tokens(annotator: Annotator, text: str) -> dict[str, tuple[str, str]]:
    """Map each token to (kind, first sense; a number's gloss); the last occurrence wins."""
    return {
        t.zh: (t.kind, (t.gloss or "") if t.kind == "number" else first_sense(t.gloss) or "")
        for t in annotator.tokens(text)
    }


# --- digits and an approximator: one number, English order ------------------------------


@pytest.mark.parametrize(
    ("text", "number", "english"),
    [
        ("镇上有2600余名志愿者报名。", "2600余", "over 2600"),
        ("这批货一共450多箱。", "450多", "over 450"),
        ("合作社带动了1,200余户农民增收。", "1,200余", "over 1,200"),
        ("景区五一接待游客12万余人次。", "12万余", "over 120,000"),
        ("新馆藏书已达90多万。", "90多万", "over 900,000"),
        ("车间里有60来个工人。", "60来", "about 60"),
    ],
)
def test_digits_and_an_approximator_are_one_number(annotator, text, number, english):
    assert _tokens(annotator, text)[number] == ("number", english)


def test_lai_after_digits_stays_the_verb_unless_tens_count_something(annotator):
    tokens = _tokens(annotator, "他说15号来我家。")
    assert "15号" not in tokens and tokens["来"][1] == "to come"
    assert _tokens(annotator, "他下午3点来。")["来"][1] == "to come"  # 3点: no tens


def test_a_magnitude_inside_a_word_stays_there():
    # 万元 is the word a learner looks up: 100多 | 万元, not 100多万 | 元.
    pieces = [Piece("100", "number"), Piece("多"), Piece("万元"), Piece("。", "punct")]
    assert [p.text for p in join_digit_numbers(pieces)] == ["100多", "万元", "。"]


def test_approximate_digits_reads_only_a_number_and_one_approximator():
    assert approximate_digits("3000多") == "over 3000"
    assert approximate_digits("5万多") == "over 50,000"
    assert approximate_digits("5万多万") is None  # two magnitudes make no number
    assert approximate_digits("多") is None
    assert approximate_digits("3000") is None


# --- clock times in digits --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "time", "english"),
    [
        ("演出晚上7时45分准时开场。", "7时45分", "7:45"),
        ("我们6点半在车站集合。", "6点半", "6:30"),
        ("末班车23点10分发车。", "23点10分", "23:10"),
        ("颁奖典礼于20点整开始。", "20点整", "20 o'clock sharp"),
    ],
)
def test_an_hour_and_its_minutes_in_digits_are_one_time(annotator, text, time, english):
    assert _tokens(annotator, text)[time] == ("number", english)


def test_a_clock_reads_only_hours_and_minutes_that_exist():
    assert clock_digits("9时05分") == "9:05"
    assert clock_digits("9时75分") is None
    assert clock_digits("31点半") is None
    assert number_gloss("12点半") == "12:30"
    # a lone hour keeps its own two tokens: 9 | 时 "9" "o'clock"
    assert "9时" not in _tokens_of_pieces(["9", "时", "出发"])


def _tokens_of_pieces(texts: list[str]) -> list[str]:
    pieces = [Piece(t, "number" if t.isdigit() else "word") for t in texts]
    return [p.text for p in join_digit_numbers(pieces)]


# --- a time word and 起 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("新的收费标准从下周起执行。", "下周起", "starting next week"),
        ("去年起，村里每年都办庙会。", "去年起", "starting last year"),
    ],
)
def test_a_time_word_and_qi_start_from_it(annotator, text, word, english):
    assert _tokens(annotator, text)[word] == ("word", english)


def test_qi_before_a_complement_stays_the_verb(annotator):
    tokens = _tokens(annotator, "他今天起得特别晚。")
    assert "今天起" not in tokens and tokens["起"][1].startswith("to get up")
    pieces = [Piece("明天"), Piece("起"), Piece("不"), Piece("来")]
    joined = join_time_starts(pieces, annotator.dictionary)
    assert [p.text for p in joined] == ["明天", "起", "不", "来"]


def test_zi_before_a_joined_time_word_is_since(annotator):
    assert _tokens(annotator, "自明年起，公园免费开放。")["自"][1] == "from, since"


def test_qi_after_a_year_in_digits_is_from_then_on(annotator):
    assert _tokens(annotator, "从2019年起，他每年都回乡过年。")["起"][1] == "from (then) on"
    assert _tokens(annotator, "这一年起了很多变化。")["起"][1] != "from (then) on"


# --- numeral + classifier tokens ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("这是她第一个参加的比赛。", "第一个", "first (classifier)"),
        ("他第二个走上了讲台。", "第二个", "second (classifier)"),
        ("我第五次来这座城市。", "第五次", "fifth time"),
        ("哥哥切了半个哈密瓜。", "半个", "half a (classifier)"),
        ("奶奶裁了半张红纸。", "半张", "half a (classifier for flat things)"),
    ],
)
def test_a_numeral_and_a_classifier_read_as_both(annotator, text, word, english):
    assert _tokens(annotator, text)[word][1] == english


def test_half_keeps_cedicts_sense_where_no_classifier_counts(annotator):
    assert _tokens(annotator, "这件事他半点都不知道。")["半点"][1] == "the least bit"
    assert _tokens(annotator, "吃了半个。")["半个"][1] == "half of sth"


def test_ordinals_up_to_ten_are_spelt():
    assert [ordinal_words(n) for n in (1, 2, 3, 10)] == ["first", "second", "third", "tenth"]
    assert ordinal_words(11) == "11th"


# --- round counts and spans -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("广场上聚集了上万名游客。", "上万名", "over ten thousand (classifier for people)"),
        ("这座古寺已有上千年历史。", "上千年", "over a thousand years"),
    ],
)
def test_a_round_count_reads_with_what_it_counts(annotator, text, word, english):
    assert _tokens(annotator, text)[word][1] == english


def test_lai_after_a_span_counts_back_from_now(annotator):
    english = _tokens(annotator, "两年来，这里变化很大。")["两年来"][1]
    assert english == "two years (over the past …)"


def test_lai_after_han_tens_is_about():
    assert rejoin_numeral("三十", "来") == ("三十来", "")
    assert rejoin_numeral("一", "来") is None  # 一来…二来 "firstly"


def test_tens_and_lai_read_about(annotator):
    assert _tokens(annotator, "他在工厂干了三十来年。")["三十来"][1] == "about thirty"


def test_jin_before_an_amount_is_nearly(annotator):
    assert _tokens(annotator, "展会吸引了近8000名观众。")["近"][1] == "nearly, almost"


# --- 该 + a noun ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("该港新开通了两条航线。", "该港", "the harbor"),
        ("该款汽车今年销量第一。", "该款", "the (classifier for versions or models)"),
        ("该批药品已全部召回。", "该批", "the (classifier for batches)"),
    ],
)
def test_gai_before_a_noun_or_a_measure_word_is_the(annotator, text, word, english):
    assert _tokens(annotator, text)[word][1] == english


@pytest.mark.parametrize(
    ("text", "english"),
    [("天黑了，我们该回家了。", "should"), ("这道题该怎么做？", "should")],
)
def test_gai_before_a_verb_stays_should(annotator, text, english):
    assert _tokens(annotator, text)["该"][1] == english


# --- a numeral + 号: a number before a noun, a day after a month ----------------------------


def test_hao_before_a_noun_numbers_it(annotator):
    assert _tokens(annotator, "快递放在四号柜子里。")["四号"][1] == "number four"
    assert _tokens(annotator, "他住在七号房间。")["七号"][1] == "number seven"


def test_hao_after_a_month_or_before_a_part_of_the_day_is_the_day(annotator):
    assert _tokens(annotator, "我们七号晚上见。")["七号"][1] != "number seven"
    assert _tokens(annotator, "开学是九月六号。")["六号"][1] == "6th"


# --- second wave: counts cut from their 多/半, an hour and 多, 上 + a round count ---------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("飞机在跑道上等了两个多小时。", "两个多", "over two (classifier)"),
        ("这部电视剧拍了三个多月。", "三个多", "over three (classifier)"),
        ("从这里开车过去要四个半小时。", "四个半", "four and a half"),
        ("爸爸晚上9点多才下班。", "9点多", "after 9 o'clock"),
        ("妹妹昨天十一点多才起床。", "十一点多", "after eleven o'clock"),
    ],
)
def test_a_count_keeps_its_approximator_and_its_half(annotator, text, word, english):
    tokens = _tokens(annotator, text)
    assert tokens[word][1] == english


def test_duo_yu_after_a_count_stays_superfluous(annotator):
    assert "多余" in _tokens(annotator, "桌上有两个多余的杯子。")


@pytest.mark.parametrize(
    ("text", "english"),
    [("周末有上百家商户来这里摆摊。", "over"), ("他上百度搜了一下这个词。", "up")],
)
def test_shang_before_a_round_count_is_over(annotator, text, english):
    assert _tokens(annotator, text)["上"][1] == english


def test_gai_and_a_verb_in_one_word_is_should(annotator):
    # the verb's own row gives the rest (换 "to change, to exchange")
    assert _tokens(annotator, "鞋子穿破了，该换了。")["该换"][1].startswith("should + to ")


def test_han_tens_and_lai_glued_to_ge_rejoin():
    assert rejoin_numeral("四十", "来个") == ("四十来", "个")
    assert rejoin_numeral("四", "来个") is None


def test_an_hour_in_han_numerals_and_duo_is_after_the_hour(annotator):
    assert _tokens(annotator, "客人四点多才走。")["四点多"][1] == "after four o'clock"
    assert rejoin_numeral("三点", "多少") is None  # 三点 | 多少: "how many", no time


def test_an_ordinal_keeps_the_classifier_after_it(annotator):
    english = _tokens(annotator, "学校举办了第六届读书节。")["第六届"][1]
    assert english.startswith("sixth (classifier")
    assert _tokens(annotator, "这是我第四次去海边。")["第四次"][1] == "fourth time"


# --- second wave: classifiers inside tokens ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("我想借几个盘子。", "几个", "a few (classifier)"),
        ("每个房间都有空调。", "每个", "each (classifier)"),
        ("这个办法不错。", "这个", "this (classifier)"),
        ("哪个车站离这儿近？", "哪个", "which (classifier)"),
        ("这位阿姨是我的老乡。", "这位", "this (classifier for people)"),
        ("这道题有两种解法。", "这道题", "this (classifier) question"),
    ],
)
def test_a_pointer_and_a_classifier_in_one_word_shows_the_classifier(
    annotator, text, word, english
):
    assert _tokens(annotator, text)[word][1] == english


def test_a_pointer_and_ge_before_a_span_of_time_read_as_the_time_phrase(annotator):
    # 这个 | 月 "this month", 每个 | 星期 "every week": no classifier between the words
    assert _tokens(annotator, "这个月的电费涨了。")["这个"][1] == "this"
    assert _tokens(annotator, "他每个星期回一次老家。")["每个"][1] == "each"
    assert _tokens(annotator, "这个月底要交房租。")["这个"][1] == "this"


def test_a_pointer_word_with_no_classifier_inside_keeps_its_sense(annotator):
    assert _tokens(annotator, "这次比赛我们赢了。")["这次"][1] == "this time"
    assert _tokens(annotator, "这些鞋太小了。")["这些"][1] == "these"


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("她在医院住了一个多月。", "一个多月", "over one (classifier) month"),
        ("火车晚点了半个多小时。", "半个多", "over half a (classifier)"),
        ("弟弟今年五岁半。", "五岁半", "five and a half years old"),
        ("这个项目做了三年半。", "三年半", "three and a half years"),
        ("你是第几个报名的？", "第几个", "which number (classifier)"),
        ("今天是开学第几天？", "第几天", "which day"),
    ],
)
def test_counts_with_classifier_half_or_rank_question_read_whole(annotator, text, word, english):
    assert _tokens(annotator, text)[word][1] == english


def test_half_and_a_unit_rejoin_but_half_ge_before_a_word_stays():
    assert rejoin_numeral("半个", "多") == ("半个多", "")
    assert rejoin_numeral("四岁", "半") == ("四岁半", "")
    assert rejoin_numeral("半个", "多余") is None
    assert rejoin_numeral("四天", "半") is None  # 天 takes no half here


def test_kuai_qian_after_a_count_is_the_money_unit(annotator):
    # jieba keeps 两块钱 and 几块钱 whole (三块 | 钱 it cuts, and 块 reads "yuan" there)
    assert _tokens(annotator, "坐公交只要两块钱。")["两块钱"][1].startswith("two yuan")
    assert _tokens(annotator, "白菜几块钱一斤？")["几块钱"][1].startswith("a few yuan")


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("这本书我读过三次。", "三次", "three times"),
        ("他一年要去四次医院。", "四次", "four times"),
        ("这是我第三次来这里。", "第三次", "third time"),  # with 第 the ordinal
    ],
)
def test_a_listed_count_of_times_reads_as_a_count_without_di(annotator, text, word, english):
    assert _tokens(annotator, text)[word][1] == english
