"""Places read as their name and type (Kunming City), not CC-CEDICT's description.

The sentences and senses here were written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of

from zhreader.pipeline.words.annotate import place_name

# (a sense as CC-CEDICT words one, the word, what the reader sees)
SENSES = [
    # the type after the name, however CC-CEDICT words it
    ("Zunyi prefecture-level city and capital of something", "遵义", "Zunyi City"),
    ("Gaotai county in Zhangye", "高台", "Gaotai County"),
    ("Hainan province", "海南", "Hainan Province"),
    ("Baiyun suburban district of Guangzhou", "白云", "Baiyun District"),
    ("Nanchuan or Nanch'uan township", "南川", "Nanchuan Township"),
    ("the Ganjiang river in Jiangxi", "赣江", "Ganjiang River"),
    ("Daliang mountain range", "大凉", "Daliang Mountains"),
    # a name that carries its type loses only where it lies
    ("Poyang Lake", "鄱阳湖", "Poyang Lake"),
    ("Helan Mountains in Ningxia", "贺兰山", "Helan Mountains"),
    ("Dongxi District of Panzhihua City, Sichuan", "东区", "Dongxi District"),
    # the peoples of an autonomous place are named until the line is too long
    ("Ningxia Hui Autonomous Region", "宁夏", "Ningxia Hui Autonomous Region"),
    ("Chuxiong Yi autonomous prefecture in Yunnan", "楚雄", "Chuxiong Yi Prefecture"),
    ("Xiangxi Tujia and Miao autonomous prefecture in Hunan", "湘西", "Xiangxi Prefecture"),
]


@pytest.mark.parametrize(("sense", "word", "shown"), SENSES)
def test_a_place_sense_reads_as_name_and_type(sense, word, shown):
    assert place_name(word, (), sense) == shown


def test_the_chinese_suffix_gives_the_type_the_sense_leaves_out():
    assert place_name("遵义市", ("zūn", "yì", "shì"), "Zunyi") == "Zunyi City"
    assert place_name("高台县", ("gāo", "tái", "xiàn"), "Gaotai county") == "Gaotai County"


def test_a_suffixed_place_without_a_leading_name_reads_its_romanisation():
    reading = ("xiá", "mén", "shì")
    assert place_name("厦门市", reading, "also known as Amoy") == "Xiamen City"
    # A longer stem may be no place name: the sense stays.
    long = ("shān", "qū", "xiǎo", "zhèn")
    assert place_name("山区小镇", long, "a small town in the hills") == "a small town in the hills"


@pytest.mark.parametrize(
    "sense",
    [
        "the Huai river basin",  # the type word is part of another noun
        "Pearl River Delta",  # the name goes on past its type word
        "Pudong neighborhood of Shanghai",  # no type CC-CEDICT's words name
        "a region during Ming times",  # no leading name
    ],
)
def test_a_sense_that_names_something_else_stays(sense):
    assert place_name("某地", (), sense) == sense


def test_without_a_type_only_places_lose_their_description():
    assert place_name("某地", (), "Nanjing, capital of Jiangsu") == "Nanjing"
    # A word that may be no place (a person, a company) keeps its sense without a type.
    assert place_name("某人", (), "Wang Wei, Tang Dynasty poet", typed_only=True) == (
        "Wang Wei, Tang Dynasty poet"
    )


def test_alternative_spellings_and_the_peoples_of_a_place():
    assert place_name("某地", (), "Wuhai or Wuhait prefecture-level city") == "Wuhai City"
    republic = "People's Republic of Somewhere"
    assert place_name("某国", (), republic) == republic


@pytest.mark.parametrize(
    ("sentence", "word", "shown"),
    [
        ("今年夏天她带着孩子去了桂林市。", "桂林市", "Guilin City"),
        ("海南省的椰子很有名。", "海南省", "Hainan Province"),
        ("婺源县的油菜花开了。", "婺源县", "Wuyuan County"),
        ("黔东南苗族侗族自治州的茶叶卖得很好。", "黔东南苗族侗族自治州", "Qiandongnan Prefecture"),
        ("台风正在靠近湛江。", "湛江", "Zhanjiang City"),
        ("这条铁路通到六盘水。", "六盘水", "Liupanshui City"),
        ("冬天很多候鸟飞到鄱阳湖过冬。", "鄱阳湖", "Poyang Lake"),
        ("她大学毕业后回到遵义工作。", "遵义", "Zunyi City"),
    ],
)
def test_places_in_sentences(annotator, sentence, word, shown):
    assert first_gloss_of(annotator, sentence, word) == shown


@pytest.mark.parametrize(
    ("sentence", "word", "shown"),
    [
        ("他最喜欢王维的山水诗。", "王维", "Wang Wei, Tang Dynasty poet"),  # a person
        ("华为发布了新手机。", "华为", "Huawei"),  # a company
        ("长江流域今年雨水偏多。", "长江流域", "Changjiang or Yangtze river basin"),
        ("春节快到了。", "春节", "Spring Festival"),  # a common word
    ],
)
def test_other_proper_nouns_and_words_keep_their_gloss(annotator, sentence, word, shown):
    assert first_gloss_of(annotator, sentence, word) == shown
