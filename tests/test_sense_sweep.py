"""Issue 12, round eight: the sweep of HSK words ranked 500-3500 and its record.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import first_gloss_of as gloss_of


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("这条街的饭馆都很便宜。", "便宜", "cheap"),
        ("社区每周给老人送一次饭。", "老人", "the elderly"),
        ("他们的婚姻一直很幸福。", "婚姻", "marriage"),
        ("爬了一天山，大家都很累。", "累", "tired"),
        ("这段河水很浅，可以走过去。", "浅", "shallow"),
        ("这家店的服务太差了。", "差", "poor, not good enough"),
        ("她下午要去一家公司面试。", "面试", "interview"),
        ("周末我们几个老同学聚一聚。", "聚", "to gather, to get together"),
        ("他每天晚上都要喝一点酒。", "酒", "alcohol, liquor"),
        ("今年的粮食收成不错。", "粮食", "grain, food"),
        # Re-read of ranks 3501-4500.
        ("快点走，不然要迟到了。", "不然", "otherwise"),
        ("他的白衬衫已经脏了。", "脏", "dirty"),
        ("他们一家搬到了郊区。", "郊区", "suburbs"),
        ("他在一家工厂打工。", "打工", "to work (a job)"),
    ],
)
def test_a_frequent_word_reads_in_its_common_sense(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Before a verb: how much a thing changed; elsewhere the adjective.
        ("入冬以来，用电量明显增加。", "明显", "markedly, noticeably"),
        ("两张照片的差别很明显。", "明显", "obvious"),
        ("新药上市后，效果显著提高。", "显著", "markedly, significantly"),
        ("这项改革的效果很显著。", "显著", "marked, notable"),
        # Before a verb: how it is done.
        ("医生仔细看了他的检查报告。", "仔细", "carefully"),
        ("小孩子不要乱扔东西。", "乱", "randomly, carelessly"),
        ("他的书桌总是很乱。", "乱", "messy, chaotic"),
    ],
)
def test_an_adjective_before_a_verb_reads_as_how_it_is_done(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("下周本市将出现持续高温天气。", "持续", "continuous, sustained"),
        ("这家工厂的产量持续下降。", "持续", "continuously, steadily"),
        ("这场雨持续了三天。", "持续", "to continue"),
        ("我们队已经连续三年拿了冠军。", "连续", "in a row"),
    ],
)
def test_a_verb_before_a_noun_or_a_count_reads_as_a_modifier(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("这是给退休工人的保障。", "保障", "security, guarantee"),
        ("政府要保障粮食供应。", "保障", "to guarantee, to safeguard"),
        ("科技创新界的专家都来了。", "界", "circles, world (of)"),
        ("她一直没理他。", "理", "to pay attention to"),
        ("这个主意太棒了。", "棒", "great, excellent"),
        ("楼下装修，今天太吵了。", "吵", "noisy"),
        ("晚上邻居家一直吵，我睡不着。", "吵", "to make noise, noisy"),
        ("你做得很棒。", "棒", "great, excellent"),
    ],
)
def test_a_word_reads_by_the_word_before_it(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("出门千万别忘了带钥匙。", "千万", "by all means, be sure to"),
        ("昨天晚上刮大风，树倒了好几棵。", "刮", "to blow"),
        ("他用小刀刮锅底。", "刮", "to scrape"),
        ("这两件衣服的颜色差不多。", "差不多", "about the same"),
        ("我差不多写完了。", "差不多", "almost"),
    ],
)
def test_a_word_reads_by_the_word_after_it(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("这篇文章写得很好。", "篇", "(classifier for articles)"),
        ("他写了一篇关于家乡的作文。", "一篇", "(classifier for articles)"),
        ("这部电视剧一共四十集。", "集", "episode"),
        ("我们吃了两顿饺子。", "两顿", "(classifier for meals)"),
        ("她买了一顶帽子。", "一顶", "(classifier for hats)"),
    ],
)
def test_a_measure_word_after_a_numeral_counts(annotator, sentence, word, gloss):
    # A numeral and its measure word in one token read "one (classifier for ...)".
    assert gloss in gloss_of(annotator, sentence, word)


def test_the_reviewed_words_are_sound(sweep, annotator):
    reviewed = sweep.read_reviewed()
    assert len(reviewed) > 2000  # the sweep of ranks 500-3500
    assert {r.words for r in reviewed} == {"hsk", "jieba", "rows"}  # and round twelve's rows
    assert sweep.check_reviewed(reviewed, annotator.glosses, annotator.dictionary) == []


def test_the_reviewed_check_flags_a_changed_gloss_and_a_word_with_a_row(
    sweep, annotator, tmp_path: Path
):
    path = tmp_path / "reviewed.tsv"
    path.write_text(
        "word\twords\tshown\treviewed\n"
        "教\thsk\tto teach\t2026-11-30\n"
        "转\thsk\tto rotate\t2026-11-30\n"  # shown 'to turn' today
        "便宜\thsk\tconvenient\t2026-11-30\n"  # has a learner row now
        "教\thsk\tto teach\t2026-11-30\n",
        encoding="utf-8",
    )
    reviewed = sweep.read_reviewed(path)
    problems = sweep.check_reviewed(reviewed, annotator.glosses, annotator.dictionary, path)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "转: was shown 'to rotate', now 'to turn': review again",
        "便宜: has a learner row now; drop the record",
        "教: recorded twice",
    ]


def test_a_malformed_reviewed_line_is_named(sweep, tmp_path: Path):
    path = tmp_path / "reviewed.tsv"
    path.write_text("word\twords\tshown\treviewed\n教\thsk\tto teach\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"reviewed\.tsv:2: expected 4 filled columns"):
        sweep.read_reviewed(path)


def test_record_appends_only_new_words(sweep, tmp_path: Path):
    path = tmp_path / "data" / "reviewed.tsv"
    assert sweep.record([("教", "to teach"), ("转", "to turn")], "hsk", "2026-11-30", path) == 2
    assert sweep.record([("转", "to turn"), ("买", "to buy")], "hsk", "2026-12-01", path) == 1
    assert [(r.word, r.reviewed) for r in sweep.read_reviewed(path)] == [
        ("教", "2026-11-30"),
        ("转", "2026-11-30"),
        ("买", "2026-12-01"),
    ]
