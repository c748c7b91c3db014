"""Issue 12, round eleven: names jieba cut apart or guessed in no name's place.

The sentences are written for these tests. A two-character name jieba
guesses is a name wherever a person may stand (an object, the first of a
list, before a count of persons); a surname and one character jieba cut
apart (郑 | 浩) are a name after the clause's edge, a role, an opener or a
verb; a guessed name that took the verb after it gives it back (钱伟 | 教);
a dictionary noun names a village, township or street before its unit
(竹林村 "Zhulin Village"); and the words that must stay words do.
"""

from __future__ import annotations

import pytest

from zhreader import names
from zhreader.pipeline.words.segment import one_proper_by_hmm


def _kinds(annotator, text: str) -> dict[str, tuple[str, str]]:
    return {t.zh: (t.kind, t.gloss or "") for t in annotator.tokens(text)}


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        ("上周我在公园里碰见了汪磊。", "汪磊", "Wang Lei"),
        ("最后一个离开办公室的是葛辉。", "葛辉", "Ge Hui"),
        ("舅舅打电话告诉了苗峰这个消息。", "苗峰", "Miao Feng"),
        ("证书上是鲍涛的名字。", "鲍涛", "Bao Tao"),
    ],
)
def test_a_guessed_name_inside_a_clause_is_romanised(annotator, text, name, english) -> None:
    assert _kinds(annotator, text)[name] == ("name", english)


def test_the_first_of_a_list_and_a_name_before_a_count_of_persons(annotator) -> None:
    tokens = _kinds(annotator, "苗峰和同学们一起去看电影。")
    assert tokens["苗峰"][0] == "name"
    tokens = _kinds(annotator, "汤涛、鲍辉两人上午去了车站。")
    assert tokens["汤涛"][0] == "name"
    assert tokens["鲍辉"] == ("name", "Bao Hui")


def test_a_surname_and_one_character_cut_apart_are_one_name(annotator) -> None:
    # jieba cuts 郑 | 浩; its POS HMM reads the pair as a place (ns), which
    # is still one proper noun.
    assert one_proper_by_hmm("郑浩")
    tokens = _kinds(annotator, "郑浩明天早上要去医院复查。")
    assert tokens["郑浩"] == ("name", "Zheng Hao")


@pytest.mark.parametrize("text", ["我们要加快施策。", "他们一直在推动文旅融合。"])
def test_a_new_compound_after_a_verb_is_no_name(annotator, text) -> None:
    # A guess after a verb with no aspect marker is as often a new compound.
    tokens = _kinds(annotator, text)
    assert all(kind != "name" for kind, _ in tokens.values()), tokens


def test_a_common_noun_of_two_characters_is_no_cut_name(annotator) -> None:
    # 车距 reads as one common noun to the HMM: a distance, not Mr Che.
    assert not one_proper_by_hmm("车距")
    tokens = _kinds(annotator, "下雨天开车要拉开车距。")
    assert "车距" not in tokens or tokens["车距"][0] != "name"
    assert all(kind != "name" for kind, _ in tokens.values())


def test_a_lone_character_before_a_cut_pair_keeps_it_a_word(annotator) -> None:
    # 代金券 cut 代 | 金 | 券: a piece of a word jieba did not know, no Mr Jin.
    tokens = _kinds(annotator, "商场给每位顾客发了代金券。")
    assert all(kind != "name" for kind, _ in tokens.values())


def test_a_name_gives_back_the_verb_it_took(annotator) -> None:
    tokens = _kinds(annotator, "滕伟教学生们做实验。")
    assert tokens["滕伟"][0] == "name"
    assert tokens["教"][0] == "word"


def test_a_rare_last_character_stays_in_the_name(annotator) -> None:
    # 熠 is no verb: the three characters after the role are one name.
    tokens = _kinds(annotator, "记者庞昕熠报道。")
    assert tokens["庞昕熠"][0] == "name"


def test_a_name_found_on_the_page_is_the_name_at_its_other_mention(annotator) -> None:
    # jieba guesses 谢强肩 as one name; the page named 谢强 elsewhere, and the
    # annotator carries names across an edition (``Annotator.annotate``).
    tokens = {t.zh: t.kind for t in annotator.tokens("谢强肩上扛着一袋米。", {"谢强"})}
    assert tokens["谢强"] == "name"
    assert "谢强肩" not in tokens


@pytest.mark.parametrize(
    ("text", "place", "english"),
    [
        ("竹林村今年修了一条新路。", "竹林村", "Zhulin Village"),
        ("他老家在清水镇。", "清水镇", "Qingshui Town"),
        ("我们到了青山乡的集市。", "青山乡", "Qingshan Township"),
    ],
)
def test_a_dictionary_noun_names_its_village_or_town(annotator, text, place, english) -> None:
    assert _kinds(annotator, text)[place] == ("place", english)


def test_a_unit_that_is_a_glossary_term_takes_its_name(annotator) -> None:
    # 街道 is a term of the bundled glossary: it is cut before the name beside it.
    tokens = _kinds(annotator, "她在桂园街道的居委会上班。")
    assert tokens["桂园街道"] == ("place", "Guiyuan Subdistrict")
    tokens = _kinds(annotator, "工人们正在打扫街道。")
    assert tokens["街道"][0] == "word"


@pytest.mark.parametrize("text", ["这是一个有名的文明村。", "全县的贫困村都通了公路。"])
def test_an_everyday_word_before_a_unit_describes_it(annotator, text) -> None:
    tokens = _kinds(annotator, text)
    assert all(kind != "place" for kind, _ in tokens.values())


@pytest.mark.parametrize(
    "text",
    [
        "孙子每天放学后都去踢足球。",
        "楼下的大爷养了一只猫。",
        "她姐姐明年就上高中了。",
        "那个古老的王国早就消失了。",
        "这条路常年有人维修。",
        "住在这里买菜很方便。",
        "他在金融公司上班。",
        "白天我们去海边玩。",
        "黄金首饰的价格又涨了。",
        "出门在外要注意安全。",
        "我们要做文明游客。",
    ],
)
def test_words_that_look_like_names_stay_words(annotator, text) -> None:
    tokens = _kinds(annotator, text)
    assert all(kind != "name" for kind, _ in tokens.values()), tokens


def test_the_named_units_are_in_the_table() -> None:
    assert {"村", "乡", "镇", "街道"} <= names.NAMED_UNITS
    assert not names.check_tables()
