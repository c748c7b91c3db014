"""Issue 12, round twelve: learner rows of content words, read in the contexts where they fire.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zhreader.pipeline.words.annotate import Annotator
from zhreader.pipeline.words.senses import CLASSES, Neighbour


def _glosses(annotator: Annotator, text: str) -> dict[str, str]:
    """Return each token's gloss by its text (the last one wins), punctuation left out."""
    return {t.zh: t.gloss or "" for t in annotator.tokens(text) if t.kind != "punct"}


# --- a row that gives one use of a word with two common ones now gives both --------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        # the verb's preposition kept: 参加 takes its event as an object
        ("明天下午我要参加一个朋友的婚礼。", "参加", "take part in"),
        ("中美两国的学生一起参加了比赛。", "参加", "attend"),
        # the noun of a verb news uses as both
        ("这座桥的建设用了整整三年。", "建设", "construction"),
        ("工厂今年的生产比去年多了一倍。", "生产", "production"),
        ("这家医院的管理很严格。", "管理", "management"),
        ("两家公司在技术上的合作越来越多。", "合作", "cooperation"),
        # the everyday word a translator writes
        ("她每天晚上在图书馆学习到十点。", "学习", "to study"),
        ("我觉得这家饭馆的菜有点儿贵。", "觉得", "to think"),
        ("你应该早点儿告诉妈妈。", "应该", "should"),
        ("会议提出了三条建议。", "提出", "to propose"),
        ("公司为员工提供免费午餐。", "提供", "to provide"),
        ("他送了我一本词典。", "送", "to give"),
        ("天气慢慢变冷了。", "变", "to become"),
        ("一个星期内必须交作业。", "内", "within"),
        ("相关部门正在调查这件事。", "相关", "relevant"),
        ("学校的面积占全县学校总面积的一半。", "占", "to account for"),
        ("我们班有一个叫李明的同学。", "叫", "to be called"),
        ("他个子很高，比哥哥高半个头。", "高", "tall"),
        ("这张桌子是用木头做的。", "木头", "wood"),
    ],
)
def test_a_content_word_shows_the_use_its_sentence_has(annotator, text, word, english):
    assert english in _glosses(annotator, text)[word]


def test_the_first_use_stays_where_it_was_right(annotator):
    # the rows kept their first sense: a verb still reads as the verb
    assert _glosses(annotator, "村里正在建设一所新学校。")["建设"].startswith("to build")
    assert _glosses(annotator, "他终于回来了。")["回来"].startswith("to return")


# --- a direction or a result after an action verb of any length ----------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("他把照片保存下来，留给孩子看。", "下来", "down"),
        ("她慢慢冷静下来，开始想办法。", "下来", "down"),  # after an adjective: settles
        ("我们要把这个经验推广出去。", "出去", "out"),
        ("请把这段话翻译成中文。", "成", "into"),
    ],
)
def test_a_direction_after_an_action_verb_is_its_complement(annotator, text, word, english):
    assert _glosses(annotator, text)[word].startswith(english)


def test_a_direction_after_a_modal_verb_is_the_verb(annotator):
    # 应该 takes a verb after it: 回来 is the coming back, not the complement "back"
    assert _glosses(annotator, "你应该回来。")["回来"].startswith("to return")
    assert _glosses(annotator, "孩子们都回来了。")["回来"].startswith("to return")


def test_an_action_verb_is_a_verb_of_any_length_but_not_a_modal():
    act = CLASSES["ACT"]
    assert act(Neighbour("保存", "word", "v"))
    assert act(Neighbour("推广", "word", "v"))
    assert act(Neighbour("拿", "word", "v"))
    assert not act(Neighbour("应该", "word", "v"))  # a modal takes the next verb
    assert not act(Neighbour("想", "word", "v"))
    assert not act(Neighbour("孩子", "word", "n"))
    assert not act(Neighbour("慢慢", "word", "d"))


# --- 美 next to a country or after a verb of going is the US ---------------------------


def test_mei_next_to_a_country_is_the_us(annotator):
    assert _glosses(annotator, "这位大使驻美已经五年了。")["美"] == "the US"
    assert _glosses(annotator, "她下个月回美看望父母。")["美"] == "the US"
    assert _glosses(annotator, "美以两国的军队举行了演习。")["美"] == "the US"


def test_mei_as_an_adjective_stays_beautiful(annotator):
    assert "beautiful" in _glosses(annotator, "秋天的西湖真美。")["美"]


# --- a row read in context and kept is recorded; the record goes stale with the row -----


def test_a_recorded_row_is_stale_when_its_gloss_changes(sweep, annotator, tmp_path: Path):
    path = tmp_path / "reviewed.tsv"
    path.write_text(
        "word\twords\tshown\treviewed\n"
        "记者\trows\treporter\t2026-11-30\n"  # its row still reads so
        "参加\trows\tto take part\t2026-11-30\n"  # its row reads 'to take part in' now
        "教\trows\tto teach\t2026-11-30\n",  # no learner row at all
        encoding="utf-8",
    )
    reviewed = sweep.read_reviewed(path)
    problems = sweep.check_reviewed(reviewed, annotator.glosses, annotator.dictionary, path)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "参加: its row read 'to take part', now 'to take part in, to attend': review again",
        "教: its row read 'to teach', now None: review again",
    ]


def test_record_rows_stores_the_rows_gloss(sweep, annotator, tmp_path: Path):
    path = tmp_path / "reviewed.tsv"
    rows = [(w, sweep.free_row_gloss(annotator.glosses.senses, w)) for w in ("记者", "问题")]
    assert sweep.record(rows, "rows", "2026-11-30", path) == 2
    assert [(r.word, r.words, r.shown) for r in sweep.read_reviewed(path)] == [
        ("记者", "rows", "reporter"),
        ("问题", "rows", "problem, question"),
    ]


# --- inside a word built from its parts, a two-use verb row reads as the verb -------------


def test_a_two_use_verb_row_reads_as_the_verb_inside_a_built_word():
    from zhreader.pipeline.words.gloss import _verb_senses

    assert _verb_senses("to build, construction") == "to build"
    assert _verb_senses("to send, to give") == "to send, to give"  # two verb senses stay
    assert _verb_senses("to hit, to do (make, play)") == "to hit, to do (make, play)"
    assert _verb_senses("construction, to build") == "construction, to build"  # a noun row
    assert _verb_senses(None) is None


def test_a_built_word_shows_the_verb_of_a_two_use_row(annotator: Annotator):
    glosses = _glosses(annotator, "大批救灾物资被迅速送入灾区。")
    assert glosses["送入"] == "to send, to give + to enter"
    built = _glosses(annotator, "这本书讲的是铁路建设史。")
    assert built["建设史"] == "to build + history"
