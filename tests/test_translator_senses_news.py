"""Issue 12, round nine: a translator's re-review of HSK ranks 3,001-7,000 and jieba's news words.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import first_gloss_of as gloss_of

ROOT = Path(__file__).resolve().parents[1]
SECTION = "# Round nine (issue 12): a translator's re-review of HSK ranks 3,001-7,000"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # A definition where a translator writes one word.
        ("区政府每年向低保家庭发放取暖补贴。", "发放", "to issue, to give out"),
        ("大家都想知道这件事情的进展。", "进展", "progress"),
        ("他的简历写得很清楚。", "简历", "resume, CV"),
        ("这篇报道在网上引发了热议。", "引发", "to trigger, to cause"),
        ("有关部门将追究肇事司机的法律责任。", "追究", "to hold accountable, to look into"),
        ("截至上个月底，全省已建成五百多个充电站。", "截至", "as of, up to"),
        ("这家工厂的业绩比去年好多了。", "业绩", "performance, results"),
        ("他们正在筹备下个月的校庆活动。", "筹备", "to prepare"),
        # A 'to ...' verb where the word is mostly an adjective or a noun.
        ("你先别着急，慢慢说。", "着急", "anxious, worried"),
        ("孩子们收到礼物以后都很开心。", "开心", "happy"),
        ("这次考试的题目不算难。", "题目", "question, title"),
        # A wordy or stilted sense.
        ("雨后路面很湿，骑车要小心。", "湿", "wet"),
        ("王老师把试卷整理好了放在讲台上。", "整理", "to sort out, to tidy"),
        ("今年的假期我打算在家好好休息。", "假期", "holiday, vacation"),
        # jieba's news words that HSK lacks.
        ("他在美国驻华使馆工作了三年。", "使馆", "embassy"),
        ("村里的扶贫项目让不少家庭脱了贫。", "扶贫", "poverty alleviation"),
        ("去年这家银行的证券业务增长很快。", "证券", "securities"),
    ],
)
def test_a_frequent_word_reads_as_a_translator_writes_it(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("她从小在长江边上长大。", "长江", "Yangtze River"),
        ("我们下周末去上海看展览。", "上海", "Shanghai"),
        ("我们明天去武汉看望外婆。", "武汉", "Wuhan"),
        ("他出生在福建的一个小山村。", "福建", "Fujian"),
        ("孙中山先生是伟大的革命家。", "孙中山", "Sun Yat-sen"),
    ],
)
def test_a_row_names_a_place_that_cedict_describes(annotator, sentence, word, gloss):
    # CC-CEDICT: "Yangtze River, or Chang Jiang", "Shanghai municipality",
    # "Wuhan city on Changjiang", "Fujian province in Taiwan", "same as 孫逸仙|孙逸仙".
    assert gloss_of(annotator, sentence, word) == gloss


def test_a_place_without_a_row_keeps_cedicts_name(annotator):
    assert gloss_of(annotator, "我出生在湖北的一个小县城。", "湖北") == "Hubei Province"


def test_a_word_built_from_a_row_reads_through_it(annotator):
    # 不远处 is glossed from its parts: 不 + 远处 "far away, in the distance".
    assert gloss_of(annotator, "商场门口不远处就有一个公交车站。", "不远处") == "not far away"
    assert gloss_of(annotator, "这几年县里的贫困户都住上了新房。", "贫困户") == "poor household"


def _section_words(section: str = SECTION) -> set[str]:
    from zhreader.pipeline.words.senses import LEARNER_SENSES

    lines = LEARNER_SENSES.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(section))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("#"))
    return {line.split("\t")[0] for line in lines[start + 1 : end]}


def test_the_words_given_a_row_lost_their_record_of_review(sweep):
    recorded = {r.word for r in sweep.read_reviewed() if r.words != "rows"}
    words = _section_words()
    assert len(words) > 900
    assert not words & recorded


# The second wave: jieba's words HSK lacks, ranks 6,001-7,500, then HSK ranks 7,001-8,117.
SECOND_WAVE = "# Round nine (issue 12): a translator's re-review, second wave"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # A sense for the wrong part of speech.
        ("市里计划三年内完成政务服务的数字化改造。", "数字化", "digital, to digitize"),
        ("这座城市昨夜遭到了空袭。", "空袭", "air strike, air raid"),
        ("下半年这家店的促销力度很大。", "促销", "promotion, to promote"),
        ("他去大使馆申请签证了。", "签证", "visa"),
        ("孩子们在操场上玩得开心，一个比一个听话。", "听话", "obedient"),
        # A definition or a description where English has a word.
        ("新一届的考试成绩名单已经出炉。", "出炉", "to be released, to come out"),
        ("爷爷和老伴住在乡下。", "老伴", "spouse"),
        ("周六我去姑姑家看表妹。", "表妹", "cousin"),
        ("客人来了，妈妈赶紧准备茶水。", "茶水", "tea"),
        ("这位老人是刚回国的归侨。", "归侨", "returned overseas Chinese"),
        ("这项工作的进度比预想的慢。", "进度", "progress"),
        ("他去上海出差了，下周才回来。", "出差", "to go on a business trip"),
        # A rare, narrow or stilted sense.
        ("这家电商巨头又收购了一家物流公司。", "巨头", "giant"),
        ("网店的生意一直很火爆。", "火爆", "popular, booming"),
        ("经过检查，医生切除了他的阑尾。", "切除", "to remove"),
        ("下雨以后地下通道里有很多积水。", "积水", "standing water, waterlogging"),
        ("我热得要命，想喝点冰水。", "要命", "terribly, extremely"),
        ("抽屉的把手松了，得换一个新的。", "把手", "handle"),
        ("这位球员是队里的替补。", "替补", "substitute"),
        # HSK ranks 7,590-8,117.
        ("学校每学期给贫困生发一次补助。", "补助", "subsidy, allowance"),
        ("小区门口那块空地要建一个停车场。", "空地", "open space, vacant land"),
        ("这个机器人的传感器非常灵敏。", "灵敏", "sensitive, quick"),
        ("昨天他们俩去看电影，算是第一次约会。", "约会", "date, appointment"),
        ("我外公每天都要下楼打太极拳。", "外公", "grandfather"),
        ("这家饭店布置得很温馨。", "温馨", "warm, cozy"),
    ],
)
def test_the_second_wave_reads_as_a_translator_writes_it(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我叔叔在珠海开了一家小饭馆。", "珠海", "Zhuhai"),
        ("她大学毕业后去了喀什支教。", "喀什", "Kashgar"),
        ("今年国庆节我们不出远门。", "国庆节", "National Day"),
    ],
)
def test_the_second_wave_names_a_place_that_cedict_describes(annotator, sentence, word, gloss):
    # CC-CEDICT: "Zhuhai prefecture-level city in Guangdong Province …", "Kashgar or
    # Qeshqer (Kāshí) city and prefecture …", "PRC National Day (October 1st)".
    assert gloss_of(annotator, sentence, word) == gloss


def test_the_second_waves_words_lost_their_record_of_review(sweep):
    recorded = {r.word for r in sweep.read_reviewed() if r.words != "rows"}
    words = _section_words(SECOND_WAVE)
    assert len(words) > 100
    assert not words & recorded
