"""Issue 12, round five: the cuts the gloss reads (traditional twins) and measure words."""

from __future__ import annotations

import pytest

from zhreader.pipeline.words.annotate import Annotator
from zhreader.pipeline.words.senses import particle_name


def _cut(annotator: Annotator, text: str) -> list[tuple[int, str, str | None]]:
    """Return each token's length, kind and gloss: what a traditional twin must share."""
    return [(len(t.zh), t.kind, t.gloss) for t in annotator.tokens(text)]


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        # the place rule: a numeral with 个 (traditional 個) is no stem of a village
        ("工作队走访了两个村", "工作隊走訪了兩個村"),
        # the disposal 把 before a verb (jieba lists 把门 "to keep the gate")
        ("请你把门关上", "請你把門關上"),
        # a localiser closing a 在… frame (jieba lists 中将 "lieutenant general")
        ("他在一问一答中将道理讲明白了", "他在一問一答中將道理講明白了"),
        # a person's name opening a clause, with a surname written traditional
        ("陈芳在家里做饭。", "陳芳在家裏做飯。"),
        ("刘强说，他明天再来。", "劉強說，他明天再來。"),
        # a reporter's byline, and the name again in the text
        ("本报讯(刘晓军)近日，刘晓军来到村里。", "本報訊(劉曉軍)近日，劉曉軍來到村裏。"),
    ],
)
def test_traditional_text_is_cut_as_its_simplified_twin(annotator, simplified, traditional):
    assert _cut(annotator, traditional) == _cut(annotator, simplified)


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        # A measure word joined to its numeral still reads as a classifier, as
        # after a demonstrative (这台 "this (classifier for machines)").
        ("车间新买了四台机床", "四台", "four (classifier for machines)"),
        ("街上开了十几家饭馆", "十几家", "over ten (classifier for businesses)"),
        # the general classifier shows itself, noun after it or not
        ("他一口气吃了五个", "五个", "five (classifier)"),
        ("我们来了二十几个人", "二十几个", "over twenty (classifier)"),
        # a unit that is a noun in English is counted, not called a classifier
        ("这里离车站只有十分钟", "十分钟", "ten minutes"),
        ("运来一批化肥", "一批", "a batch (of)"),
    ],
)
def test_a_measure_word_joined_to_its_numeral_reads_as_a_classifier(annotator, text, word, gloss):
    assert {t.zh: t.gloss for t in annotator.tokens(text)}[word] == gloss


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        # the part of a month after its number, in digits or in a Han numeral
        ("工程要在9月底前完工", "月底", "end of September"),
        ("学校2月初开学", "月初", "start of February"),
        ("11月份的销量上升", "月份", "November"),
        ("三月底以前交齐", "三月底", "end of March"),
        ("十月初他回了老家", "十月初", "start of October"),
        ("八月底以前交齐", "底", "end (of the month)"),  # jieba cuts 八月 | 底
        ("到了二月初", "初", "start (of the month)"),
        # no month after a number that names none
        ("13月底", "月底", "end of the month"),
    ],
)
def test_the_part_of_a_month_names_the_month(annotator, text, word, gloss):
    assert {t.zh: t.gloss for t in annotator.tokens(text)}[word] == gloss


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        # jieba cuts a phrase CC-CEDICT lists: each part reads as the phrase says
        ("各地都在控制碳排放", "排放", "emissions"),
        ("各地都在控制碳排放", "碳", "carbon"),
        ("公司今年推出了新产品", "产品", "product"),
        ("维护国家安全是大事", "安全", "security"),
        ("维护国家安全是大事", "国家", "national"),
        # grammar is no phrase: 中 | 的 is not 中的 "to hit the target"
        ("生活中的小事", "中", "in, during"),
        ("我们有了新房子", "了", particle_name("completed-action")),
    ],
)
def test_a_phrase_jieba_cut_gives_its_parts_their_sense(annotator, text, word, gloss):
    assert {t.zh: t.gloss for t in annotator.tokens(text)}[word] == gloss


def test_word_by_word_english_leaves_the_classifier_note_to_the_learner(annotator):
    from zhreader.model import Sentence
    from zhreader.pipeline.translate.translator import gloss_sentence

    def english(text: str) -> str:
        return gloss_sentence(Sentence(id="a1-p1-s1", zh=text, tokens=annotator.tokens(text)))

    # The interlinear line says 台 is a classifier; the line of English reads on.
    assert english("车间新买了四台机床") == "workshop new to buy four (machines) machine tool"
    assert "classifier" not in english("街上开了十几家饭馆，来了二十几个人")
    # the part of a month stands for the number before it, as the month does
    assert "at end of September before" in english("工程要在9月底前完工")


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        ("这位老人年过八旬", "八旬", "eighty (years of age)"),
        ("一位六旬老人", "六旬", "sixty (years of age)"),
    ],
)
def test_decades_of_age_count_years(annotator, text, word, gloss):
    assert {t.zh: t.gloss for t in annotator.tokens(text)}[word] == gloss


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        # jieba cuts a decimal percentage after its tens: the number goes on
        ("今年利润增长了百分之十二点五", "百分之十二点五", "12.5%"),
        ("老年人口占百分之二十三点八", "百分之二十三点八", "23.8%"),
        ("合格率达到百分之九十九点九", "百分之九十九点九", "99.9%"),
        # digits without a unit between them are no number: 五 | 一年
        ("成本降了百分之五一年后回升", "百分之五", "5%"),
    ],
)
def test_a_decimal_percentage_stays_one_number(annotator, text, word, gloss):
    assert {t.zh: t.gloss for t in annotator.tokens(text)}[word] == gloss


@pytest.mark.parametrize(
    ("text", "score"),
    [
        # jieba joins a score's numerals to its neighbours (三比 | 一赢, 以三比 | 二)
        ("我们三比一赢了比赛。", ["三", "比", "一"]),
        ("他们以三比二战胜对手。", ["三", "比", "二"]),
        ("两个队最后一比一打平。", ["一", "比", "一"]),
    ],
)
def test_a_score_in_han_numerals_is_its_numerals_and_bi(annotator, text, score):
    zh = [t.zh for t in annotator.tokens(text)]
    start = zh.index("比") - 1
    assert zh[start : start + 3] == score
    assert {t.zh: t.gloss for t in annotator.tokens(text)}["比"] == "to (in a score)"


def test_a_numeral_inside_a_word_is_no_score(annotator):
    # 一比 here is "once compared"; 一般 "ordinary" is a word jieba knows.
    assert "一般" in [t.zh for t in annotator.tokens("他一比一般人都快。")]


def test_a_compound_surname_before_a_given_name_is_a_name(annotator):
    for text in ("欧阳明说他明天就来。", "我昨天见到了欧阳明。"):
        token = next(t for t in annotator.tokens(text) if t.zh.startswith("欧阳"))
        assert (token.zh, token.kind, token.gloss) == ("欧阳明", "name", "Ouyang Ming")
        assert token.pinyin == ("Ōu", "yáng", "Míng")


def test_lian_before_a_title_is_even_not_the_surname(annotator):
    # 连…都: the preposition; standing alone, 连 is too rarely the surname Lian.
    token = annotator.tokens("连老师都不知道这件事。")[0]
    assert (token.kind, token.gloss) == ("word", "even")


@pytest.mark.parametrize(
    ("text", "word"), [("市里决定明年修路。", "市里"), ("县里派人来了。", "县里")]
)
def test_an_administrative_unit_with_li_is_its_authorities(annotator, text, word):
    # CC-CEDICT has 市里 only as a unit of length (li)
    gloss = {t.zh: t.gloss for t in annotator.tokens(text)}[word]
    assert gloss.startswith("the ") and "authorities" in gloss


def test_an_estimate_before_wan_is_one_number(annotator):
    glosses = {t.zh: t.gloss for t in annotator.tokens("全省粮食总产量达到八百多万吨。")}
    assert glosses["八百多万"] == "over 8 million"
    assert glosses["吨"] == "ton"


def test_lao_or_xiao_before_a_surname_is_a_name_unless_a_word(annotator):
    token = annotator.tokens("小王是我们的组长。")[0]
    assert (token.zh, token.kind, token.gloss, token.pinyin) == (
        "小王",
        "name",
        "Xiao Wang",
        ("Xiǎo", "Wáng"),
    )
    # 小麦 "wheat" and 老师 "teacher" are words, though 麦 and 师 are surnames
    assert [(t.zh, t.kind) for t in annotator.tokens("小麦丰收了。")][0] == ("小麦", "word")
