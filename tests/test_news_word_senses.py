"""Issue 12, round eight: news words beyond HSK, and a verb before the noun it describes.

Every sentence here was written for these tests (not taken from the judged
sets or the shared pages).
"""

from __future__ import annotations

import pytest
from conftest import gloss_of

from zhreader.pipeline.words.senses import LEARNER_SENSES
from zhreader.reader.context import first_sense

_SECTION = "# Round eight (issue 12): news words beyond HSK"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # courts and police
        ("公安机关已对此案立案。", "立案", "to file a case"),
        ("民警正在侦查这起盗窃案。", "侦查", "to investigate"),
        ("两名男子涉嫌盗窃电动车。", "涉嫌", "to be suspected of"),
        ("区法院依法审理了这起合同纠纷。", "审理", "to try (a case), to hear"),
        # health
        ("老人行动不便，社区派车送他就医。", "就医", "to see a doctor"),
        ("适龄儿童应按时接种疫苗。", "接种", "to vaccinate, vaccination"),
        ("孩子发热时要多喝水。", "发热", "fever, to have a fever"),
        # local government and meetings
        ("镇里集中整治占道经营。", "整治", "to rectify, to clean up"),
        ("副市长到企业开展调研。", "调研", "research, survey"),
        ("与会专家一致认为方案可行。", "与会", "attending (a meeting)"),
        ("全县十二个乡镇都通了公交。", "乡镇", "townships"),  # plural after 十二个 (round nine)
        ("新任厅长到岗第一天就下基层。", "厅长", "director (of a provincial department)"),
        ("市民可以免费参观博物馆。", "市民", "residents, citizens"),
        ("市政府做出了延长供暖期的决定。", "做出", "to make"),
        # economy, transport, sport
        ("一季度客流量比上年同期增加。", "同期", "same period"),
        ("小区里的老旧电梯将被更换。", "老旧", "old"),
        ("这辆客车最多可载四十人。", "载", "to carry"),
        ("这座老桥曾遭洪水冲毁。", "遭", "to suffer, to meet with"),
        ("她在比赛中拿下一枚金牌。", "拿下", "to win, to take"),
        ("疫情期间他一直坚守在岗。", "岗", "post, job"),
        ("疫情期间他一直坚守在岗。", "疫情", "epidemic, outbreak"),
    ],
)
def test_a_news_word_reads_in_its_news_sense(annotator, sentence, word, gloss):
    assert first_sense(gloss_of(annotator, sentence, word)) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # 违规 before a noun describes it; before a verb it says how.
        ("执法人员拆除了违规广告牌。", "违规", "irregular, illegal"),
        ("有商户违规排放污水。", "违规", "in breach of the rules"),
        # 作业 after a noun, a place or a time, or before a noun, is work; else homework.
        ("施工单位严禁夜间作业。", "作业", "work, operations"),
        ("作业人员要戴好安全帽。", "作业", "work, operating"),
        ("孩子每天晚上写作业。", "作业", "homework"),
        # after the verbs of school work, whatever tag jieba gives them, it is homework
        ("他还没交作业。", "作业", "homework"),
        ("爸爸帮弟弟检查作业。", "作业", "homework"),
        ("老师给我们布置作业。", "布置", "to assign"),
        ("客厅布置得很温馨。", "布置", "to arrange"),
    ],
)
def test_a_news_word_with_two_uses_reads_by_its_neighbours(annotator, sentence, word, gloss):
    assert first_sense(gloss_of(annotator, sentence, word)) == gloss


def test_a_row_reads_inside_a_word_cc_cedict_lacks(annotator):
    # 犯罪分子 is one jieba word CC-CEDICT lacks: 分子 after 犯罪 is people, not a molecule.
    assert gloss_of(annotator, "警方抓获三名犯罪分子。", "犯罪分子") == "crime elements (people)"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # after a verb, after a noun: the noun phrase has begun
        ("学校帮助毕业生解决就业问题。", "就业", "employment"),
        ("这家工厂提供就业岗位两百个。", "就业", "employment"),
        ("老师给每人发了一份阅读材料。", "阅读", "reading"),
    ],
)
def test_a_verb_before_the_noun_it_describes_reads_as_its_english_noun(
    annotator, sentence, word, gloss
):
    assert first_sense(gloss_of(annotator, sentence, word)) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("大学生毕业后顺利就业。", "就业", "to get a job"),  # no noun after it
        ("我们要解放生产力。", "解放", "to liberate"),  # after a modal: the verb and its object
        ("政府部门组织就业培训。", "就业", "to get a job"),  # a verbal noun after it
        ("他向来访者介绍情况。", "介绍", "to introduce"),  # no compound shows a modifier
    ],
)
def test_a_verb_keeps_its_verb_sense_where_nothing_says_it_describes(
    annotator, sentence, word, gloss
):
    assert first_sense(gloss_of(annotator, sentence, word)) == gloss


def test_the_modifier_english_comes_from_cc_cedict_compounds(annotator):
    chooser = annotator.glosses
    assert chooser.modifier_english("就业") == "employment"  # 就业率, 就业机会
    assert chooser.modifier_english("介绍") is None  # 介绍信 "letter of introduction"
    assert chooser.modifier_english("岗位") is None  # a noun


def test_the_section_sits_before_the_measure_words():
    lines = LEARNER_SENSES.read_text(encoding="utf-8").splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith("# ")]
    ours = next(i for i in heads if lines[i].startswith(_SECTION))
    after = heads[heads.index(ours) + 1]
    assert lines[after] == "# Measure words after a numeral or a demonstrative"
    assert after - ours > 40  # the section holds its rows


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("一声巨响打破了夜的宁静。", "一声", "a sound, a cry"),
        ("他家在城里买了一套房子。", "一套", "a set (of)"),
        ("法院二审维持原判。", "二审", "second instance (trial)"),
    ],
)
def test_a_frequent_count_or_court_word_reads_as_news_uses_it(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def test_a_noun_a_modifier_reads_into_drops_its_article(annotator):
    # CC-CEDICT's 嫌疑人 is "a suspect"; after 犯罪 in a word it lacks, "crime suspect".
    assert annotator.glosses.compound_gloss("犯罪嫌疑人") == "crime suspect"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("这家工厂去年生产整车两万辆。", "整车", "complete vehicle"),
        ("老年人用药要遵医嘱。", "用药", "medication"),
        ("市检察院检察长出席了会议。", "检察长", "chief prosecutor"),
    ],
)
def test_a_news_word_cc_cedict_lacks_reads_its_row_not_its_characters(
    annotator, sentence, word, gloss
):
    # Without the row: 'to repair + car', 'to use + medicine', 'to inspect + length'.
    assert gloss_of(annotator, sentence, word) == gloss
