"""Issue 12, round twelve: 的 names its particle, and function words whose row misread the clause.

Every sentence here was written for these tests (none comes from a judged set
or a shared page); each kind has its contrast, where the context does not hold
and the other sense stays.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of as gloss_of
from conftest import gloss_of as whole_gloss_of

from zhreader.model import Sentence, Token
from zhreader.pipeline.translate.translator import gloss_sentence
from zhreader.pipeline.words.clause_kinds import GIVE_NAME, HOLD_SHOW, ISSUE
from zhreader.pipeline.words.function_words import AT_ALL, EVEN
from zhreader.pipeline.words.senses import particle_name

ASSOCIATIVE = particle_name("associative")
RELATIVE = particle_name("relative")
ATTRIBUTIVE = particle_name("attributive")
POSSESSIVE = particle_name("possessive")
ADVERBIAL = particle_name("adverbial")


def test_every_de_form_names_the_particle():
    forms = [particle_name(n) for n in ("associative", "relative", "attributive", "structural")]
    assert all("particle" in form for form in forms)
    assert "'s" in ASSOCIATIVE and "of" in ASSOCIATIVE
    assert "that" in RELATIVE and "of" not in RELATIVE


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("工厂的工人下午放假。", ASSOCIATIVE),  # a noun: the factory's workers
        ("上海的夏天很潮湿。", ASSOCIATIVE),  # a place
        ("明年的计划还没定。", ASSOCIATIVE),  # a time
        ("那边的商店关门了。", ASSOCIATIVE),  # a place word jieba tags a pronoun
        ("他的手机没电了。", POSSESSIVE),  # a personal pronoun
        ("这是一道简单的题目。", ATTRIBUTIVE),  # an adjective
        ("我从没见过这样的天气。", ATTRIBUTIVE),  # a word of kind: "such"
        ("姐姐写的小说出版了。", RELATIVE),  # a verb: the novel that she wrote
        ("那些帮助过我的人都很善良。", RELATIVE),  # a verb and its object after a demonstrative
        ("那个修电脑的师傅来了。", RELATIVE),  # after a demonstrative
        ("正在维修的电梯不能用。", RELATIVE),  # a verbal noun after 正在
        ("同学们有的唱歌，有的跳舞。", "some, (particle)"),  # 有的 cut apart: "some"
        ("锻炼的效果很明显。", particle_name("structural")),  # a verb before an abstract head
    ],
)
def test_de_before_its_noun_names_what_it_joins(annotator, sentence, gloss):
    assert whole_gloss_of(annotator, sentence, "的") == gloss


@pytest.mark.parametrize(
    "sentence",
    [
        "我们要提高农民的收入。",  # a verb further in takes the whole phrase: the farmers' income
        "大家都关心孩子的健康。",
        "这项政策很好，保障了工人的权益。",  # at a clause's start too
    ],
)
def test_a_verb_inside_the_clause_leaves_de_the_possessive(annotator, sentence):
    assert whole_gloss_of(annotator, sentence, "的") == ASSOCIATIVE


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("他们兴奋地喊了起来。", ADVERBIAL),  # jieba tags 兴奋 an adjective
        ("孩子们快乐地唱着歌。", ADVERBIAL),  # before a verb whatever the word before it
        ("他不停地往窗外看。", ADVERBIAL),  # before a preposition
        # read de, whatever jieba tags its neighbours (高高兴兴 z, 回家 before 了)
        ("放学后她高高兴兴地回家了。", ADVERBIAL),
        ("这道菜的味道出人意料地好。", ADVERBIAL),  # before an adjective
    ],
)
def test_di_before_a_verb_is_the_adverbial_particle(annotator, sentence, gloss):
    assert whole_gloss_of(annotator, sentence, "地") == gloss


def test_di_after_a_count_stays_places(annotator):
    assert gloss_of(annotator, "今年夏天多地遭遇暴雨。", "地") == "places"


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("连老师都答不上来。", EVEN),
        ("冰箱里一个鸡蛋都没有。", AT_ALL),
        ("他一口饭都没吃。", AT_ALL),
    ],
)
def test_dou_after_lian_or_one_before_a_negation(annotator, sentence, gloss):
    assert gloss_of(annotator, sentence, "都") == gloss


def test_a_plain_dou_stays_all(annotator):
    assert gloss_of(annotator, "同学们都来了。", "都") == "all"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("大夫给奶奶开了几服药。", "开", ISSUE),
        ("商店给顾客开了一张发票。", "开", ISSUE),
        ("他们给女儿起了一个好听的名字。", "起", GIVE_NAME),
        ("美术馆开展了一次摄影展。", "开展", HOLD_SHOW),
    ],
)
def test_a_verb_takes_the_sense_its_object_decides(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("他在街上开了一家药店。", "开"),  # a shop, not a prescription
        ("学校开展了一次环保活动。", "开展"),  # an activity, not an exhibition
    ],
)
def test_other_objects_leave_the_verb_alone(annotator, sentence, word):
    assert gloss_of(annotator, sentence, word) not in (ISSUE, HOLD_SHOW)


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("你这样说他会生气的。", "这样", "this way"),  # before a verb: how
        ("我没见过这样的人。", "这样", "this kind of"),  # before 的: what kind
        ("我们都参加了讨论。", "参加", "to take part in"),
    ],
)
def test_rows_of_how_and_of_joining(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word).startswith(gloss)


@pytest.mark.parametrize("sentence", ["妹妹的辫子太长了。", "这条河非常长。", "他的指甲很长。"])
def test_chang_after_a_degree_word_is_long(annotator, sentence):
    token = next(t for t in annotator.tokens(sentence) if t.zh == "长")
    assert token.pinyin == ("cháng",)
    assert token.gloss.startswith("long")


def test_the_word_by_word_line_writes_s_onto_the_noun():
    def word(zh: str, gloss: str) -> Token:
        return Token(zh=zh, kind="word", gloss=gloss, gloss_source="learner")

    tokens = (word("学校", "school"), word("的", ASSOCIATIVE), word("老师", "teacher"))
    relative = (word("买", "to buy"), word("的", RELATIVE), word("书", "book"))
    assert gloss_sentence(Sentence(id="s1", zh="学校的老师", tokens=tokens)) == "school's teacher"
    assert gloss_sentence(Sentence(id="s2", zh="买的书", tokens=relative)) == "to buy book"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("她从小就喜欢唱歌。", "就", "already, as early as"),  # earliness
        ("超市就在路口。", "就", "just, right (there)"),  # a place
        ("他听完直摇头。", "直", "continuously, keep (doing)"),  # a reaction that goes on
        ("这个办法挺好的，可一到考试他就紧张。", "可", "but, yet"),  # 可 before 一…就
        ("这个办法挺好的，可一到考试他就紧张。", "一", "as soon as, once"),
        # 就 opens the next clause
        ("我喊它它就来，我一叫它就跑过来。", "叫", "to call, to be called"),
        ("摄影作品展昨天在市图书馆开展。", "开展", HOLD_SHOW),  # the show opens
    ],
)
def test_function_words_read_their_clause(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def test_a_plain_jiu_stays_then(annotator):
    assert gloss_of(annotator, "你先走，我马上就来。", "就") == "then, right away"


@pytest.mark.parametrize(
    ("sentence", "word", "reading"),
    [
        ("这条裙子长了一点儿。", "长", "cháng"),  # too long: the adjective
        ("这本书你一定得看看。", "得", "děi"),  # 一定得 "must"
    ],
)
def test_the_reading_agrees_with_the_gloss(annotator, sentence, word, reading):
    token = next(t for t in annotator.tokens(sentence) if t.zh == word)
    assert token.pinyin == (reading,)


@pytest.mark.parametrize(
    ("sentence", "gloss"),
    [
        ("由三所大学联合举办的论坛今天开幕。", RELATIVE),  # 由 + the agent + its verb
        ("由他的朋友负责接待。", POSSESSIVE),  # 由 before a possessive: no verb before 的
        ("参加这届夏令营的孩子明天出发。", RELATIVE),  # a verb opening the sentence
        ("他说话的声音很好听。", particle_name("structural")),  # a verb before 声音: "of"
    ],
)
def test_de_of_an_agent_or_an_opening_verb(annotator, sentence, gloss):
    assert whole_gloss_of(annotator, sentence, "的") == gloss


def test_dou_before_a_potential_complement_is_at_all(annotator):
    assert gloss_of(annotator, "箱子太满了，一件衣服都塞不进。", "都") == AT_ALL


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("他忙了一整天，一分钟都没坐下。", "都", AT_ALL),  # "one" of a span of time
        ("我们一起都去吧。", "都", "all"),  # 一起 is no span
        ("妈妈包的饺子比饭店里做的还香。", "还", "even (more)"),  # a 的-term after 比
    ],
)
def test_third_pass_kinds(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


def test_kai_before_a_test_slip_writes_it_out(annotator):
    assert gloss_of(annotator, "大夫给我开了一张化验单。", "开") == ISSUE


@pytest.mark.parametrize(
    ("sentence", "reading", "gloss"),
    [
        ("这块地很肥，种什么都长得好。", "dì", "land"),  # counted by a measure word of land
        ("他家在村东头有三亩地。", "dì", "land"),
        ("这是一块好地。", "dì", "land"),  # closing the sentence after one character
        ("工人们一块一块地把砖搬上楼。", "de", "(adverbial particle)"),  # piece by piece
        ("放学后她高高兴兴地回家了。", "de", "(adverbial particle)"),
    ],
)
def test_di_standing_alone_is_land_when_counted_or_closing(annotator, sentence, reading, gloss):
    token = next(t for t in annotator.tokens(sentence) if t.zh == "地")
    assert "".join(token.pinyin) == reading
    assert (token.gloss or "").startswith(gloss)
