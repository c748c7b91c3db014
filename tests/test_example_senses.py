"""Issue 12, round ten: news senses found reading the example issue as a learner.

The words were found by reading the bundled example issue's glosses; every
sentence here was written for these tests (not taken from the example, the
judged sets or the shared pages), in the example's style: rural policy,
farming, county government.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of

from zhreader.pipeline.words.senses import LEARNER_SENSES

_SECTION = "# Round ten (issue 12): news senses found reading the example issue as a learner"
_NEXT_SECTION = "# Round nine (issue 12, lead): everyday words outside the ranks"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # CC-CEDICT's first sense is military, dialect or rare English
        ("全县上下抓紧时间攻坚，确保按期完成任务。", "攻坚", "to tackle (a hard task)"),
        ("镇政府提前谋划明年的春耕工作。", "谋划", "to plan, to map out"),
        ("工作队主动出击，上门收集群众意见。", "出击", "to take action, to attack"),
        ("他撸起袖子就下了田。", "撸", "to roll up, to rub"),
        ("这片山坡光照充足，适合种茶。", "光照", "sunlight, light"),
        ("合作社为各类农户提供技术指导。", "各类", "all kinds of"),
        ("乡干部进村宣讲医保政策。", "宣讲", "to explain publicly, to publicize"),
        ("各级要压紧防汛责任。", "压紧", "to tighten"),
        ("民警为考生出行护航。", "护航", "to safeguard, to escort"),
        ("新政策助力农民增收。", "助力", "to help, to boost"),
        # money and duties
        ("公司承诺的奖金已经全部兑现。", "兑现", "to honor, to pay out"),
        ("住院费用可以按比例报销。", "报销", "to claim expenses, to reimburse"),
        ("落实政策决不能打折扣。", "打折扣", "to fall short, to cut corners"),
        ("值班人员不得擅自脱岗。", "脱岗", "to leave one's post"),
        ("村里用钱要经过村民代表同意。", "用钱", "to spend money"),
        ("两名干部因违纪被处分。", "违纪", "to violate discipline"),
        ("老王是县水文站站长。", "站长", "head of a station"),
        ("双方负责人当面签了协议。", "当面", "in person, face to face"),
        ("县里今年栽了十万株苗。", "苗", "seedling, sprout"),
    ],
)
def test_a_news_word_of_the_example_kind_reads_in_its_news_sense(
    annotator, sentence, word, gloss
):
    assert first_gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # 介绍 after a speaker and before a comma reports; elsewhere it introduces
        ("县农业局局长介绍，今年全县种了八万亩水稻。", "介绍", "said, explained"),
        ("我给你介绍一下我们村的情况。", "介绍", "to introduce"),
        # 偏 before an adjective: on that side of normal; before a negation: stubbornly
        ("今年的雨水偏少。", "偏", "rather, too"),
        ("劝了半天，他偏不听。", "偏", "stubbornly, insist on"),
        # 深 before 有/感/受: deeply; 深入 before a place or a group: going into it
        ("他对这件事深有体会。", "深", "deeply"),
        ("干部们深入基层了解民情。", "深入", "to go deep into"),
        ("要深入开展安全检查。", "深入", "thoroughly, in depth"),
        # 剩余 before a noun is 'remaining'
        ("剩余的种子分给了邻村。", "剩余", "remaining"),
        # 调查 after an adverb is the verb; as a noun it stays the noun
        ("工作组着重调查了饮水问题。", "调查", "to investigate"),
        ("这次调查持续了一个月。", "调查", "investigation"),
        # 困难 after a kind or an amount is the noun
        ("他们克服了种种困难。", "困难", "difficulty"),
        # 重点 and 具体 before a noun
        ("镇里把留守老人列为重点对象。", "重点", "key"),
        ("请说一下具体办法。", "具体", "specific"),
        # rows placed before a word's earlier rows, which would shadow them
        ("各村要严格执行防疫要求。", "要求", "requirement"),
        ("县里要求各村加快进度。", "要求", "to require, to ask"),
        ("党员干部积极为群众办实事。", "积极", "actively"),
        ("他积极的态度感染了大家。", "积极", "active"),
        ("技术员深入到田间地头。", "深入", "to go deep into"),
        # general rows that read wrongly for news: 进, 研究, 只管
        ("收割机进了山。", "进", "to enter, to go in"),
        ("这个问题要好好研究。", "研究", "research, to study"),
        ("你只管放心去干。", "只管", "only, just"),
    ],
)
def test_a_word_of_the_example_kind_reads_by_its_context(annotator, sentence, word, gloss):
    assert first_gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("word", "gloss"),
    [
        # a doubled adjective is the adjective; 的 keeps it, 地 makes the adverb
        ("高高", "high"),
        ("早早", "early"),
        ("清清的", "clear"),
        ("低低的", "low"),
        ("轻轻地", "lightly"),
        ("深深地", "deeply"),
        ("远远地", "distantly"),
        # a doubled noun or measure word is each one of them
        ("户户", "every household"),
        ("村村", "every village"),
    ],
)
def test_a_doubled_character_reads_as_what_the_doubling_does(annotator, word, gloss):
    assert annotator.glosses.doubled_description(word) == gloss


@pytest.mark.parametrize("word", ["高兴", "高低", "早", "串串", "早早地走"])
def test_only_a_doubled_character_is_described(annotator, word):
    assert annotator.glosses.doubled_description(word) is None


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("天还没亮，她就早早出了门。", "早早", "early"),
        ("奶奶静静地坐在门口。", "静静地", "still"),
        ("山上的野花开得高高的。", "高高的", "high"),
    ],
)
def test_a_doubled_word_in_a_sentence_shows_one_english_word(annotator, sentence, word, gloss):
    assert first_gloss_of(annotator, sentence, word) == gloss


def test_the_section_sits_before_the_round_nine_lead_rows():
    lines = LEARNER_SENSES.read_text(encoding="utf-8").splitlines()
    ours = next(i for i, line in enumerate(lines) if line.startswith(_SECTION))
    after = next(i for i in range(ours + 1, len(lines)) if lines[i].startswith("#"))
    assert lines[after].startswith(_NEXT_SECTION)
    assert after - ours > 25  # the section holds its rows
