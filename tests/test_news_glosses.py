"""Issue 12, round seven: glosses of news kinds (adverbial adjectives, heads of news nouns, counts).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import gloss_of

from zhreader.pipeline.words.annotate import Annotator
from zhreader.pipeline.words.gloss import adverb_of
from zhreader.pipeline.words.numbers import round_count
from zhreader.reader.context import first_sense


@pytest.mark.parametrize(
    ("sentence", "word", "adverb", "adjective"),
    [
        ("全县上下认真抓好秋冬季防火工作。", "认真", "conscientiously", "conscientious"),
        ("派出所民警迅速赶往事发地点。", "迅速", "rapidly", "rapid"),
        ("各地严格执行有关规定。", "严格", "strictly", "strict"),
        ("我们坚决反对这种做法。", "坚决", "firmly", "firm"),
    ],
)
def test_an_adjective_jieba_marks_adverbial_reads_as_an_adverb_before_a_verb(
    annotator, sentence, word, adverb, adjective
):
    assert first_sense(gloss_of(annotator, sentence, word)) == adverb
    # Elsewhere the same word keeps its adjective: 他很认真。
    assert first_sense(gloss_of(annotator, f"这个人很{word}。", word)) == adjective


def test_an_adverb_is_made_only_where_english_has_it():
    assert [adverb_of(a) for a in ("strict", "simple", "steady", "full", "basic")] == [
        "strictly",
        "simply",
        "steadily",
        "fully",
        "basically",
    ]


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("省交通运输厅发布消息。", "厅", "department"),
        ("省自然资源厅近日印发通知。", "厅", "department"),
        ("市发展改革委召开会议。", "委", "commission"),
        ("书法展在市博物馆开幕。", "展", "exhibition"),
    ],
)
def test_a_one_character_head_after_the_field_it_serves_reads_as_a_body_or_an_event(
    annotator, sentence, word, gloss
):
    assert first_sense(gloss_of(annotator, sentence, word)).startswith(gloss)


def test_a_rate_or_an_amount_closing_a_word_is_read_so(annotator):
    # 缴存 | 额 and 准备金率 (a word CC-CEDICT lacks, glossed from its parts).
    assert gloss_of(annotator, "公积金缴存额逐年增加。", "额") == "amount"
    assert gloss_of(annotator, "银行下调存款准备金率。", "准备金率").endswith("rate")


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("本月工业产值较上年同期增长一成。", "较", "compared to"),
        ("这种材料的价格较去年有所下降。", "较", "compared to"),
        ("昨天的气温较高。", "较", "relatively"),
        ("大会表决通过了这项决定。", "通过", "to pass"),
        ("这项法案已经通过了。", "通过", "to pass"),
        ("我们通过网络报名。", "通过", "through"),
        ("欧元对美元汇率报1.08。", "报", "to stand at"),
        ("请提前预约。", "提前", "in advance"),
        ("前两个季度销量下滑。", "前", "the first"),
    ],
)
def test_frequent_news_words_read_by_their_neighbours(annotator, sentence, word, gloss):
    assert first_sense(gloss_of(annotator, sentence, word)).startswith(gloss)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("村民赵大叔种了十亩地。", ["Zhao", "uncle"]),
        ("邻居孙大伯每天早上散步。", ["Sun", "uncle"]),
    ],
)
def test_a_surname_before_an_elders_form_of_address_is_a_name(annotator, sentence, words):
    shown = " ".join(t.gloss or "" for t in annotator.tokens(sentence))
    assert all(w.lower() in shown.lower() for w in words), shown
    assert "plum" not in shown and "brother-in-law" not in shown


def test_a_round_count_is_read_as_a_number_and_counts_what_follows(annotator):
    assert round_count("上千") == "over a thousand"
    assert round_count("近万") == "nearly ten thousand"
    assert round_count("上海") is None
    tokens = {t.zh: t.gloss for t in annotator.tokens("全年共演出上千场。")}
    assert tokens["上千"] == "over a thousand"
    assert tokens["场"].startswith("(classifier")


def test_a_numeral_word_before_an_approximator_is_a_count(annotator):
    # CC-CEDICT lists 一元 as "univariate"; 一元多 is "over a yuan".
    assert gloss_of(annotator, "每斤只贵了一元多。", "一元") == "a yuan"
    assert gloss_of(annotator, "他在北京住了一天多。", "一天多") == "over one day"


def test_shou_before_a_cause_opens_the_affected_by_frame(annotator):
    assert gloss_of(annotator, "受寒潮影响，多地降温。", "受").startswith("affected by")
    assert gloss_of(annotator, "他受了伤。", "受") == "to receive"


def test_a_few_things_counted_with_no_measure_word_are_plural(annotator):
    assert gloss_of(annotator, "事故造成两车受损。", "两车") == "two cars"
    # CC-CEDICT's own numeral words keep their senses: 两国 "both countries", 一步 "one step".
    assert gloss_of(annotator, "这是两国的共同愿望。", "两国") == "both countries"
    assert gloss_of(annotator, "迈出了一步。", "一步") == "one step"


def test_yiqi_after_a_verb_that_takes_a_case_counts_it(annotator):
    sentence = "警方侦破一起特大盗窃案。"
    assert gloss_of(annotator, sentence, "一起") == "one (case)"
    assert gloss_of(annotator, "我们一起去公园。", "一起") == "together"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("被告人孙某当庭认罪。", "孙某", "Sun Mou"),
        ("村民钱某某报警。", "钱某某", "Qian Moumou"),
    ],
)
def test_a_surname_and_mou_is_a_withheld_name(annotator, sentence, word, gloss):
    token = next(t for t in annotator.tokens(sentence) if t.zh == word)
    assert (token.gloss, token.kind) == (gloss, "name")


# --- Second pass: kinds the first pass left ------------------------------------------


def token_of(annotator: Annotator, sentence: str, word: str):
    """Return the first token ``word`` of ``sentence``."""
    found = [t for t in annotator.tokens(sentence) if t.zh == word]
    assert found, f"{word} is no token of {sentence}"
    return found[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "受强降雪影响，部分航线停飞。",
        "受连续干旱影响，水库蓄水减少。",
        "受持续降雨影响，河水上涨。",
    ],
)
def test_shou_before_an_adjective_opens_the_affected_by_frame(annotator, sentence):
    assert gloss_of(annotator, sentence, "受").startswith("affected by")


def test_shou_before_a_particle_keeps_to_receive(annotator):
    assert gloss_of(annotator, "他受了很多苦。", "受") == "to receive"


@pytest.mark.parametrize("sentence", ["新能源产业园区正式开园。", "物流产业园区一期完工。"])
def test_a_common_word_stem_before_a_district_suffix_is_no_place(annotator, sentence):
    token = token_of(annotator, sentence, "产业园区")
    assert token.kind == "word"
    assert "District" not in (token.gloss or "")
    assert "park" in (token.gloss or "")


def test_a_place_stem_before_the_suffix_stays_a_place(annotator):
    assert token_of(annotator, "詹桥镇召开大会。", "詹桥镇").kind == "place"


@pytest.mark.parametrize("sentence", ["淮河大桥今日通车。", "新建铁路大桥主体完工。"])
def test_da_qiao_in_news_is_a_bridge_not_a_place(annotator, sentence):
    token = token_of(annotator, sentence, "大桥")
    assert token.kind == "word"
    assert token.gloss == "bridge"


@pytest.mark.parametrize(
    ("sentence", "name", "gloss"),
    [
        ("失主孙某某向派出所报警。", "孙某某", "Sun Moumou"),  # jieba cuts 孙 | 某某
        ("犯罪嫌疑人钱某某已被刑事拘留。", "钱某某", "Qian Moumou"),  # 钱 was "money"
        ("被告人马某当庭认罪。", "马某", "Ma Mou"),  # jieba keeps it whole
    ],
)
def test_a_withheld_name_is_one_name_token_with_capitalised_pinyin(
    annotator, sentence, name, gloss
):
    token = token_of(annotator, sentence, name)
    assert token.kind == "name"
    assert token.gloss == gloss
    assert token.pinyin[0][:1].isupper()


def test_mou_mou_alone_is_no_name(annotator):
    assert token_of(annotator, "某某单位拒不整改。", "某某").kind == "word"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("社区的孙大婶热心帮助邻居。", "大婶", "aunt (older woman)"),
        ("村民刘大娘种的蔬菜很好卖。", "刘大娘", "Aunt Liu"),
    ],
)
def test_elders_forms_of_address_for_women(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss
