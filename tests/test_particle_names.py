"""Issue 12, round nine: particles named as learners are taught them; function words in context.

Every sentence here was written for these tests. Each particle shows the one
wording ``data/particle_names.tsv`` gives it, wherever the gloss comes from (a
row of the learner senses or a rule of function_words); each context kind has
its contrast, where the context does not hold and the general sense stays.
"""

from __future__ import annotations

import re

import pytest
from conftest import first_gloss_of as gloss_of

from zhreader.errors import LearnerSensesError
from zhreader.pipeline.words import function_words
from zhreader.pipeline.words.function_words import ASKING, STILL
from zhreader.pipeline.words.senses import (
    LEARNER_SENSES,
    PARTICLE_NAMES,
    particle_name,
    particle_names,
    read_particle_names,
    read_rows,
)


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        ("弟弟把杯子打碎了。", "把", "object-marker"),
        ("政府将这笔资金用于修路。", "将", "object-marker"),
        ("我的雨伞被风吹坏了。", "被", "passive"),
        ("我的自行车给锁了。", "给", "passive"),
        ("她昨天买了一双鞋。", "了", "completed-action"),
        ("树叶都黄了。", "了", "change-of-state"),
        ("老人拄着拐杖慢慢走。", "着", "continuous"),
        ("我们在海边住过一个月。", "过", "experienced"),
        ("他们的房子很大。", "的", "possessive"),
        ("这条裙子是她自己缝的。", "的", "emphasis"),
        ("这双鞋，我要黑的。", "的", "nominal"),
        ("这封信是你自己写的吗？", "的", "emphasis"),  # a final particle after it
        ("她唱得非常好听。", "得", "complement"),
        ("这是我们所熟悉的老街。", "所", "that-which"),
        ("爷爷在看报纸。", "在", "progressive"),
        ("你喜欢喝茶吗？", "吗", "question"),
        ("我们明天再来吧。", "吧", "suggestion"),
        ("你的钥匙呢？", "呢", "question-or-emphasis"),
        ("这里的风景真美啊！", "啊", "exclamation"),  # the table's row, not CC-CEDICT's
        ("快进来呀！", "呀", "exclamation"),
        ("终于放学啦！", "啦", "exclamation"),
        ("有话好好说嘛。", "嘛", "obviously"),
        ("明天早上记得带伞哦。", "哦", "friendly"),
    ],
)
def test_each_particle_shows_its_name(annotator, sentence, word, name):
    assert gloss_of(annotator, sentence, word) == particle_name(name)


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [("啊，我的钱包不见了！", "啊", "ah, oh"), ("哦，原来是你。", "哦", "oh")],
)
def test_an_interjection_opening_a_sentence_is_no_particle(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def test_the_names_say_particle_or_marker_and_what_it_does():
    """A name is short for the interlinear line and says what the word is: particle or marker."""
    for name, gloss in particle_names().items():
        assert len(gloss) <= 32, name
        assert re.search(r"particle|marker|in progress", gloss), name


def test_every_name_is_used_and_every_use_is_named():
    """The rows and the rules use the names of the table, and the table no name nobody uses."""
    text = LEARNER_SENSES.read_text(encoding="utf-8")
    in_rows = set(re.findall(r"\t@([a-z-]+)\t", text))
    in_code = {function_words.EMPHASIS, function_words.NOMINAL, "progressive"}
    assert in_rows | in_code == set(particle_names())


def test_an_unknown_name_in_a_row_names_its_line(tmp_path):
    path = tmp_path / "senses.tsv"
    path.write_text(
        "word\tprev\tnext\tgloss\tsource\n"
        "把\t*\t*\t@object-marker\twritten: moves the object before the verb\n"
        "了\t*\t*\t@finished\twritten: after a verb, the action is done\n",
        encoding="utf-8",
    )
    with pytest.raises(LearnerSensesError, match="unknown particle name '@finished'") as err:
        read_rows(path)
    assert err.value.line == 3
    names = {"object-marker": "(marks the object)", "finished": "(done)"}
    assert [r.gloss for r in read_rows(path, names)] == ["(marks the object)", "(done)"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("object-marker\t(object marker)\twritten: marks the object", "must be new"),
        ("Object\t(object marker)\twritten: marks the object here", "lower-case"),
        ("passive\tby (passive marker)\tcedict:3", "the source must be"),
        ("passive\t" + "x" * 41 + "\twritten: marks the passive voice", "the gloss must be"),
        ("passive\tby (passive marker)", "expected 3 tab-separated columns"),
    ],
)
def test_a_bad_name_row_names_its_line(tmp_path, row, message):
    path = tmp_path / "names.tsv"
    path.write_text(
        "name\tgloss\tsource\n"
        "object-marker\t(object marker)\twritten: 把 moves the object before the verb\n"
        f"{row}\n",
        encoding="utf-8",
    )
    with pytest.raises(LearnerSensesError, match=re.escape(message)) as err:
        read_particle_names(path)
    assert err.value.line == 3


def test_the_bundled_names_read_cleanly():
    assert dict(read_particle_names(PARTICLE_NAMES)) == dict(particle_names())


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # 叫/让/请 + a person + what they are to do: asking or telling them.
        ("妈妈叫哥哥去倒垃圾。", "叫", ASKING["叫"]),
        ("老板叫我们别等他。", "叫", ASKING["叫"]),
        ("班长让大家明天带上水杯。", "让", ASKING["让"]),
        ("王阿姨请邻居帮她搬箱子。", "请", ASKING["请"]),
        # Contrasts: a name after the person, 请 opening the sentence, no person.
        ("同学们都叫他小胖。", "叫", "to tell (sb to), to call"),
        ("请各位乘客系好安全带。", "请", "please"),
        ("你叫什么名字？", "叫", "to call, to be called"),
    ],
)
def test_asking_someone_to_do_something(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我们坐大巴去景区。", "坐", "to take, to ride"),
        ("他平时搭地铁上下班。", "搭", "to take, to ride"),
        ("游客可以乘轮渡过江。", "乘", "to take, to ride"),
        ("奶奶坐着晒太阳。", "坐", "to sit"),  # no vehicle: sitting
    ],
)
def test_a_vehicle_is_taken(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word).startswith(gloss)


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("她发烧了也坚持去考试。", STILL),  # 了 right before 也
        ("钥匙我翻了好几遍也没翻到。", STILL),  # 了 earlier, a negation after
        ("这道菜我也不会做。", "also, (not) either"),
        ("外婆也喜欢听戏。", "also"),
    ],
)
def test_ye_after_what_was_done_and_before_a_negation(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "也") == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("外公岁数大了，不爱出门。", "大", "old"),
        ("姐姐比我大四岁。", "大", "older (by)"),
        ("表妹比我小两岁。", "小", "younger (by)"),
        ("这个箱子太大了。", "大", "big"),
        ("晚上起风了，快把阳台上的被子收进来。", "收", "to bring in, to put away"),
        ("他每个月收房租。", "收", "to receive"),
        ("儿子画了一匹马。", "画", "to draw, to paint"),
        ("他很喜欢画。", "画", "to draw, to paint"),
        ("墙上挂着一幅画。", "画", "picture"),
        ("超市门口排了好长的队。", "排", "to line up, to queue"),
        ("下个月我想请两天假。", "假", "leave, holiday, time off"),
        ("这张钞票是假的。", "假", "fake"),
        ("每天少玩手机，多锻炼。", "多", "more"),
    ],
)
def test_everyday_words_context_tells_apart(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我忘了答应你的事。", "你", "you"),  # the object of 答应
        ("这是送给他的生日礼物。", "他", "him"),
        ("这支笔是你的吗？", "你", "your, yours"),
        ("你的书包在桌上。", "你", "your"),
    ],
)
def test_a_pronoun_before_de_after_a_verb_is_its_object(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "nth", "nominal"),
    [
        ("送快递的已经来过了。", 1, True),  # 的 before an adverb: the one who
        ("白的比黑的便宜。", 1, True),  # before a preposition
        ("你刚才说的不对。", 1, True),
        ("穿蓝衣服的是我表哥。", 1, True),  # before the copula
        ("我昨天买的水果很甜。", 1, False),  # a noun follows: "of"
        ("市场的需求很大。", 1, False),  # a verbal noun follows: "of"
        ("他的想法很好。", 1, False),
    ],
)
def test_de_before_a_predicate_closes_a_noun(annotator, sentence, nth, nominal):
    shown = gloss_of(annotator, sentence, "的", nth)
    assert (shown == particle_name("nominal")) is nominal


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("睡觉前记得关电视。", "关", "to turn off, to close"),
        ("天黑了，开台灯吧。", "开", "to turn on, to switch on"),
        ("太闷了，把风扇开一下。", "开", "to turn on, to switch on"),
        ("他推开门走了出去。", "门", "door, gate"),  # no appliance: the table's door
        ("有人敲门，我说：“请进。”", "进", "to come in, to enter"),
        ("孩子一边吃饭一边看电视。", "一边", "(doing) while"),
    ],
)
def test_light_verbs_of_the_home(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def test_the_second_yibian_reads_as_the_first(annotator):
    assert gloss_of(annotator, "孩子一边吃饭一边看电视。", "一边", 2) == "(doing) while"


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("车快开了，大家快上车。", function_words.SOON),
        ("水快烧开了。", function_words.SOON),
        ("快把书包收拾好。", function_words.QUICKLY),
        ("时间不早了，快走吧。", function_words.QUICKLY),
        ("这辆车开得真快。", "fast, quick"),  # no action after it: the adjective
    ],
)
def test_kuai_urges_or_says_it_is_about_to_happen(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "快") == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("客厅太黑，我开了灯。", "开", "to turn on, to switch on"),  # past 了
        ("走之前关一下空调。", "关", "to turn off, to close"),  # past 一下
        ("她收了被子才出门。", "收", "to bring in, to put away"),
        ("我们坐过缆车上山。", "坐", "to take, to ride"),  # past 过
        ("他开了门就走了。", "开", "to open"),  # a door: no row names it
    ],
)
def test_a_verb_reads_its_object_past_the_aspect_marker(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss
